/**
 * GET /api/events: the live events the caller may see, as server-sent events (`event: <type>`, `id`, `data` as
 * JSON), a heartbeat comment every 20 seconds so that proxies keep the stream open, and the events missed since
 * `Last-Event-ID` (the header the browser sends when it reconnects, or `?last_event_id=`) replayed first.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../server/context.ts';
import { errorSchema } from '../server/errors.ts';
import { eventBus, type LiveEvent, mayReceive } from './bus.ts';

export const HEARTBEAT_MS = 20_000;

export async function eventRoutes(app: FastifyInstance, { database }: AppContext): Promise<void> {
  // Streams never end by themselves: the server's close ends them, or it would wait for every browser to leave.
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/events',
    {
      config: { permission: 'session', stream: true },
      schema: {
        summary:
          'Live events as server-sent events: new online-monitoring alerts, new selections and decisions — each only to users allowed to see it',
        description:
          'Each event is `event: <type>` (osint.alert, risk.selection, risk.decision), an `id` and `data` as JSON; a comment every 20 s keeps the stream open. A reconnecting browser sends Last-Event-ID and gets the events it missed (the last 500 of this process).',
        tags: ['events'],
        querystring: z.object({
          last_event_id: z.string().max(64).optional().describe('as the Last-Event-ID header'),
        }),
        produces: ['text/event-stream'],
        response: { 401: errorSchema },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const bus = eventBus(database);
      const header = request.headers['last-event-id'];
      const lastId = (Array.isArray(header) ? header[0] : header) ?? request.query.last_event_id;
      reply.hijack();
      const out = reply.raw;
      const send = (event: LiveEvent) => {
        if (!mayReceive(user, event)) return;
        const { permission: _p, ...shown } = event;
        out.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(shown)}\n\n`);
      };
      const unsubscribe = bus.subscribe(send);
      const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        close();
        out.end();
      };
      open.add(end);
      request.raw.on('close', close);
      out.on('error', close);
      out.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Open: the browser retries after 5 s when the stream breaks; then what was missed.
      out.write('retry: 5000\n: connected\n\n');
      for (const event of bus.since(lastId)) send(event);
    },
  );
}
