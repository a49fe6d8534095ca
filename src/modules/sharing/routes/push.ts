/**
 * The push between installations: the inbox a partner installation posts to (no user: the request is signed by
 * the partner's key and the message inside by its author), the status per partner, and a delivery run on demand.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { receiveMessage } from '../messages.ts';
import { authenticatePush, deliverDue, partnerStatus, touchReceived } from '../push.ts';
import { envelopeSchema } from './schemas.ts';

export function pushRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/sharing/inbox',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          "A partner installation's push: a signed request (x-vigie-key-id, x-vigie-date, x-vigie-signature) carrying a signed message, stored once",
        tags: ['sharing'],
        body: envelopeSchema,
        response: {
          200: z.object({ message_id: z.string(), duplicate: z.literal(true) }),
          201: z.object({ message_id: z.string(), duplicate: z.literal(false) }),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      let partner: Awaited<ReturnType<typeof authenticatePush>>;
      try {
        partner = await authenticatePush(database.db, request.headers, request.body);
      } catch (error) {
        if (error instanceof AppError)
          await appendAudit(
            database,
            { id: null, name: 'anonymous', ip: request.ip },
            {
              action: 'sharing.push_refused',
              target_type: 'sharing_message',
              target_id: request.body.message_id,
              details: { code: error.code, reason: error.message },
            },
          );
        throw error;
      }
      const actor = { id: null, name: `partner:${partner.code}`, ip: request.ip };
      const result = await receiveMessage(database, config.sharingKeyFile, actor, request.body);
      await touchReceived(database.db, partner.id);
      const message_id = result.message.message_id;
      return result.duplicate
        ? reply.code(200).send({ message_id, duplicate: true })
        : reply.code(201).send({ message_id, duplicate: false });
    },
  );

  typed.get(
    '/api/sharing/status',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary:
          'Per partner: what waits to be delivered, the oldest waiting, last contact both ways, last error',
        tags: ['sharing'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                partner: z.string(),
                endpoint_url: z.string().nullable(),
                active: z.boolean(),
                backlog: z.number().int(),
                oldest_pending: z.string().nullable(),
                attempts: z.number().int(),
                refused: z.number().int(),
                last_error: z.string().nullable(),
                last_sent_at: z.string().nullable(),
                last_received_at: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await partnerStatus(database.db) }),
  );

  typed.post(
    '/api/sharing/push',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Deliver what is due now (the sharing.push job does it every minute)',
        tags: ['sharing'],
        response: {
          200: z.object({
            delivered: z.number().int(),
            refused: z.number().int(),
            retried: z.number().int(),
          }),
        },
      },
    },
    async (request) => deliverDue(database, config.sharingKeyFile, actorFrom(request)),
  );
}
