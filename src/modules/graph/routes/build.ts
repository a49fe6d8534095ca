/** The build of the graph under /api/graph/build: its state (watermarks, counts) and starting one (a job). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { jobSchema } from '../../../platform/jobs/routes.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { buildState } from '../entities.ts';

export function buildRoutes(app: FastifyInstance, { database, jobs }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/graph/build',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'The state of the graph: counts, and the watermark of each source',
        tags: ['graph'],
        response: {
          200: z.object({
            entities: z.number().int(),
            merged: z.number().int(),
            hubs: z.number().int(),
            links: z.number().int(),
            open_suggestions: z.number().int(),
            sources: z.array(
              z.object({
                source: z.string(),
                cursor: z.unknown(),
                rows_read: z.number().int(),
                updated_at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => buildState(database.db),
  );

  typed.post(
    '/api/graph/build',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Build the graph from what landed since the last build (a background job; audited)',
        tags: ['graph'],
        body: z
          .object({
            sources: z
              .array(z.enum(['declarations', 'companies', 'manifests', 'payments', 'osint_sellers']))
              .max(10)
              .optional(),
          })
          .optional(),
        response: {
          202: z.object({ job: jobSchema, links: z.object({ job: z.string() }) }),
          400: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorFrom(request);
      const params = request.body?.sources ? { sources: request.body.sources } : {};
      const job = await jobs.enqueue('graph.build', params, actor);
      await appendAudit(database, actor, {
        action: 'graph.build.requested',
        target_type: 'job',
        target_id: job.id,
        after: params,
      });
      return reply.code(202).send({ job, links: { job: `/api/jobs/${job.id}` } });
    },
  );
}
