/**
 * Following background jobs: the list, one job, its live progress as server-sent events (for the web app), and
 * cancellation (by whoever started it, or with jobs:manage).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../auth/actor.ts';
import { AppError, NotFoundError } from '../lib/errors.ts';
import type { AppContext } from '../server/context.ts';
import { errorSchema } from '../server/errors.ts';
import { errorResponses, getOneRoute } from '../server/route-kit.ts';
import { pageOf, pagingQuery } from '../server/schemas.ts';
import { getJob, listJobs, TERMINAL_STATES } from './store.ts';

const STATES = ['queued', 'running', 'retrying', 'completed', 'failed', 'cancelled'] as const;

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    state: z.enum(STATES),
    params: z.record(z.string(), z.unknown()),
    done: z.number(),
    total: z.number().nullable(),
    unit: z.string().nullable(),
    message: z.string().nullable(),
    result: z.unknown(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    cancel_requested: z.boolean(),
    created_by: z.number().int().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    updated_at: z.string(),
    rate: z.number().nullable(),
    eta_seconds: z.number().nullable(),
    stalled: z.boolean(),
  })
  .meta({ id: 'Job' });

const idParams = z.object({ id: z.uuid('expected a job id') });

export async function jobRoutes(app: FastifyInstance, { database, jobs }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const find = async (id: string) => {
    const job = jobs.live(id) ?? (await getJob(database.db, id));
    if (!job) throw new NotFoundError('job.not_found', `no job ${id}`);
    return job;
  };

  typed.get(
    '/api/jobs',
    {
      config: { permission: 'jobs:read' },
      schema: {
        summary: 'Background jobs, newest first',
        tags: ['jobs'],
        querystring: z.object({
          state: z.enum(STATES).optional(),
          kind: z.string().max(40).optional(),
          scheduled: z
            .enum(['show', 'hide'])
            .default('show')
            .describe('hide: leave out the runs the scheduler started (online collection every minute, …)'),
          ...pagingQuery,
        }),
        response: {
          200: pageOf(jobSchema),
        },
      },
    },
    async (request) => {
      const { limit, offset, scheduled, ...filters } = request.query;
      const notScheduledOf = scheduled === 'hide' ? jobs.scheduledKinds() : undefined;
      const page = await listJobs(database.db, { ...filters, notScheduledOf }, { limit, offset });
      return { limit, offset, total: page.total, items: page.items.map((j) => jobs.live(j.id) ?? j) };
    },
  );

  getOneRoute(
    typed,
    '/api/jobs/:id',
    {
      permission: 'jobs:read',
      tag: 'jobs',
      summary: 'One job: state, progress, result or error',
      params: idParams,
      response: jobSchema,
    },
    async ({ id }) => find(id),
  );

  typed.post(
    '/api/jobs/:id/cancel',
    {
      config: { permission: 'jobs:read' },
      schema: {
        summary: 'Cancel a job: a running import is rolled back',
        tags: ['jobs'],
        params: idParams,
        response: { 202: jobSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      const job = await find(request.params.id);
      const user = request.user!;
      if (job.created_by !== user.id && !user.permissions.has('jobs:manage')) {
        throw new AppError(
          'auth.forbidden',
          'only the user who started a job, or one with jobs:manage, may cancel it',
          403,
        );
      }
      return reply.code(202).send(await jobs.cancel(job.id, actorFrom(request)));
    },
  );

  typed.get(
    '/api/jobs/:id/events',
    {
      config: { permission: 'jobs:read' },
      schema: {
        summary: 'Live progress as server-sent events: `progress` at each change, `end` when the job is over',
        tags: ['jobs'],
        params: idParams,
        produces: ['text/event-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      await find(request.params.id);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let open = true;
      request.raw.on('close', () => {
        open = false;
      });
      const send = (event: string, data: unknown) =>
        out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      let last = '';
      let quiet = 0;
      while (open) {
        const job = jobs.live(request.params.id) ?? (await getJob(database.db, request.params.id));
        if (!job) break;
        const { updated_at: _u, rate: _r, eta_seconds: _e, ...content } = job;
        const key = JSON.stringify(content);
        if (key !== last) {
          send('progress', job);
          last = key;
          quiet = 0;
        } else if (++quiet % 30 === 0) out.write(': still here\n\n');
        if (TERMINAL_STATES.includes(job.state)) {
          send('end', job);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      out.end();
    },
  );
}
