/**
 * Exploration replays over HTTP (decision 0040): start one (a `model.replay` job), list them, and read one — its
 * job (state, progress) and, once done, its results per strategy and week.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { getJob, listJobs } from '../../platform/jobs/store.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { errorResponses } from '../../platform/server/route-kit.ts';
import { activeModel, getModelSummary } from './registry.ts';
import { getReplay, REPLAY_STRATEGIES, replayRequest } from './replay-job.ts';

const weekSchema = z.object({
  week: z.number().int(),
  from: z.string(),
  lines: z.number().int(),
  inspected: z.number().int(),
  frauds: z.number().int(),
  caught: z.number().int(),
  caughtNewImporters: z.number().int(),
  dutiesCaught: z.number(),
  dutiesAll: z.number(),
  explored: z.number().int(),
  caughtByExploration: z.number().int(),
  dutiesByExploration: z.number(),
});

const replaySchema = z
  .object({
    id: z.number().int(),
    job_id: z.string(),
    model_id: z.number().int().nullable(),
    from: z.string(),
    to: z.string(),
    exploration_share: z.number(),
    inspection_rate: z.number(),
    strategies: z.array(z.string()),
    lines: z.number().int(),
    results: z.array(
      z.object({
        strategy: z.enum(REPLAY_STRATEGIES),
        precision: z.number(),
        recall: z.number(),
        revenue: z.number(),
        newImporterShare: z.number(),
        finalPrecision: z.number(),
        durationMs: z.number(),
        weeks: z.array(weekSchema),
      }),
    ),
    created_by: z.number().int().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'ModelReplay' });

const KIND = 'model.replay';

export function modelReplayRoutes(app: FastifyInstance, context: AppContext): void {
  const { database, jobs } = context;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/models/replays',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          'Replay exploitation against exploration week by week over a period (a background job): precision, recoveries and frauds found only by exploration, per strategy',
        tags: ['models'],
        body: replayRequest,
        response: { 202: jobSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let modelId = body.model_id;
      if (modelId === undefined) {
        const active = await activeModel(database.db);
        if (!active)
          throw new AppError(
            'model.no_model',
            'no model is active: name one (model_id) or promote one before replaying',
            400,
          );
        modelId = active.id;
      } else if (!(await getModelSummary(database.db, modelId)))
        throw new AppError('model.no_model', `no model #${modelId}`, 400);
      const job = await jobs.enqueue(KIND, { ...body, model_id: modelId }, actorFrom(request));
      return reply.code(202).send(job);
    },
  );

  typed.get(
    '/api/models/replays',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'Exploration replays, newest first (their jobs: state and progress)',
        tags: ['models'],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(jobSchema) }) },
      },
    },
    async (request) => {
      const { total, items } = await listJobs(database.db, { kind: KIND }, request.query);
      return { total, items };
    },
  );

  typed.get(
    '/api/models/replays/:id',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'One exploration replay: its job (state, progress) and, once done, its results',
        tags: ['models'],
        params: z.object({ id: z.uuid('a replay id is the id of its job') }),
        response: {
          200: z.object({ job: jobSchema, replay: replaySchema.nullable() }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const job = await getJob(database.db, request.params.id);
      if (!job || job.kind !== KIND)
        throw new NotFoundError('model.replay_not_found', `no replay ${request.params.id}`);
      return { job, replay: (await getReplay(database.db, job.id)) as z.infer<typeof replaySchema> | null };
    },
  );
}
