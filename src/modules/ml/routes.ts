/** The model registry over HTTP: versions, metrics, importance, drift and bias; training and promotion. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { errorResponses, positiveIdParams } from '../../platform/server/route-kit.ts';
import { isoDate } from '../../platform/server/schemas.ts';
import { loadLines } from '../declarations/index.ts';
import { evaluate, labelOf } from './api.ts';
import { ModelFourEyesError } from './promotion.ts';
import {
  featureImportance,
  getModelSummary,
  listModels,
  loadVersion,
  modelBias,
  modelDrift,
  promoteModel,
  retireModel,
} from './registry.ts';
import { modelCardRoutes } from './routes-card.ts';
import { promotionRoutes } from './routes-promotion.ts';
import { modelReplayRoutes } from './routes-replay.ts';
import { syncModelScorer } from './scorer.ts';
import { trainJobParams } from './train-job.ts';

const modelSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    target: z.enum(['fraud', 'critical']),
    status: z.enum(['candidate', 'active', 'retired']),
    trained_from: z.string(),
    trained_to: z.string(),
    n_lines: z.number().int(),
    trees: z.number().int(),
    metrics: z.record(z.string(), z.unknown()),
    notes: z.string().nullable(),
    created_by: z.number().int().nullable(),
    created_at: z.string(),
    promoted_at: z.string().nullable(),
    retired_at: z.string().nullable(),
  })
  .meta({ id: 'ModelVersion' });

const biasRow = z.object({
  group: z.string(),
  n: z.number().int(),
  selected: z.number().int(),
  selectionRate: z.number(),
  precision: z.number().nullable(),
  fraudRate: z.number(),
});

const windowQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** The day after a date (YYYY-MM-DD). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The window a model is judged on: never inside its own training window (the model refits on its held-out days
 * too, so it would look perfect there). Without `from`, the day after training; a `from` inside it moves there.
 */
function judgedWindow(
  model: { trained_to: string },
  query: { from?: string | undefined; to?: string | undefined },
) {
  const earliest = dayAfter(model.trained_to);
  const clipped = query.from !== undefined && query.from < earliest;
  const from = query.from === undefined || clipped ? earliest : query.from;
  return { from, to: query.to ?? null, clipped };
}

/** Fewer declarations than this in the judged window: no figures, only the counts (`enough: false`). */
const MIN_JUDGED_LINES = 20;

const judgedPeriod = {
  from: z.string().describe('first day measured: never inside the training window'),
  to: z.string().nullable().describe('last day measured (none: up to the latest declaration)'),
  clipped: z
    .boolean()
    .describe('the window asked for started inside the training window and was moved after it'),
  enough: z
    .boolean()
    .describe(
      'at least 20 declarations in the window (labelled ones for the evaluation): false means no figures yet, only the counts, e.g. for a model trained up to the latest data',
    ),
};

export async function modelRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const { database, jobs } = context;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  modelCardRoutes(app, context);
  promotionRoutes(app, context);
  modelReplayRoutes(app, context);
  const summaryOf = async (id: number) => {
    const model = await getModelSummary(database.db, id);
    if (!model) throw new NotFoundError('model.not_found', `no model #${id}`);
    return model;
  };

  typed.get(
    '/api/models',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'Model versions, newest first',
        tags: ['models'],
        response: { 200: z.object({ items: z.array(modelSchema) }) },
      },
    },
    async () => ({ items: await listModels(database.db) }),
  );

  typed.get(
    '/api/models/:id',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'One model version with its feature importance',
        tags: ['models'],
        params: positiveIdParams,
        response: {
          200: modelSchema.extend({
            importance: z.array(
              z.object({ feature: z.string(), gain: z.number(), splits: z.number().int() }),
            ),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const model = await summaryOf(request.params.id);
      const loaded = await loadVersion(database.db, model.id);
      return { ...model, importance: featureImportance(loaded.trained, 25) };
    },
  );

  typed.post(
    '/api/models/train',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          'Train a model on the labelled declarations of a window (a background job); it is registered as a candidate',
        tags: ['models'],
        body: trainJobParams,
        response: { 202: jobSchema },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await jobs.enqueue('model.train', request.body, actorFrom(request))),
  );

  for (const [action, change] of [
    ['promote', promoteModel],
    ['retire', retireModel],
  ] as const) {
    typed.post(
      `/api/models/:id/${action}`,
      {
        config: { permission: 'models:manage' },
        schema: {
          summary:
            action === 'promote'
              ? 'Make this model the active one (the previous one is retired); audited. With four-eyes on (configuration fourEyes), 409 model.four_eyes_required: POST /api/models/{id}/promotion-requests instead'
              : 'Retire this model; audited',
          tags: ['models'],
          params: positiveIdParams,
          response: { 200: modelSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        if (action === 'promote' && context.config.fourEyes) throw new ModelFourEyesError(request.params.id);
        const model = await change(database, actorFrom(request), request.params.id);
        // This process scores with the new active model at once; others within a minute (scorer.ts).
        await syncModelScorer(database);
        return model;
      },
    );
  }

  typed.get(
    '/api/models/:id/evaluation',
    {
      config: { permission: 'models:read' },
      schema: {
        summary:
          'Precision, recall and revenue of the model at several shares on the labelled declarations of a window',
        tags: ['models'],
        params: positiveIdParams,
        querystring: windowQuery,
        response: {
          200: z.object({
            ...judgedPeriod,
            n: z.number().int(),
            frauds: z.number().int(),
            auc: z.number().nullable(),
            curve: z.array(
              z.object({
                share: z.number(),
                precision: z.number(),
                recall: z.number(),
                revenue: z.number(),
                precision_by_duties: z.number(),
              }),
            ),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const model = await summaryOf(request.params.id);
      const loaded = await loadVersion(database.db, model.id);
      const window = judgedWindow(model, request.query);
      const lines = await loadLines(database.db, {
        from: window.from,
        to: window.to ?? undefined,
        labelledOnly: true,
      });
      // A model trained up to the latest data has nothing after it yet: an empty answer, not an error.
      if (lines.length < MIN_JUDGED_LINES) {
        const frauds = lines.filter((l) => l.outcome && labelOf(l, loaded.trained.target) === 1).length;
        return { ...window, enough: false, n: lines.length, frauds, auc: null, curve: [] };
      }
      const shares = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5];
      const result = evaluate(loaded, lines, shares);
      const key = (s: number) => Object.keys(result.precisionAt).find((k) => Math.abs(Number(k) - s) < 1e-9)!;
      return {
        ...window,
        enough: true,
        n: result.n,
        frauds: result.frauds,
        auc: Number.isNaN(result.auc) ? null : result.auc,
        curve: shares.map((s) => ({
          share: s,
          precision: result.precisionAt[key(s)] ?? 0,
          recall: result.recallAt[key(s)] ?? 0,
          revenue: result.revenueAt[key(s)] ?? 0,
          precision_by_duties: result.byExpectedDuties.precisionAt[key(s)] ?? 0,
        })),
      };
    },
  );

  typed.get(
    '/api/models/:id/drift',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'Population stability of scores and features: the training window against a recent one',
        tags: ['models'],
        params: positiveIdParams,
        querystring: windowQuery,
        response: {
          200: z.object({
            score_psi: z.number(),
            features: z.array(z.object({ feature: z.string(), psi: z.number() })),
            baseline_lines: z.number().int(),
            current_lines: z.number().int(),
          }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => {
      const model = await summaryOf(request.params.id);
      const loaded = await loadVersion(database.db, model.id);
      const baseline = await loadLines(database.db, { from: model.trained_from, to: model.trained_to });
      const current = await loadLines(database.db, {
        from: request.query.from ?? model.trained_to,
        to: request.query.to,
      });
      return modelDrift(loaded, baseline, current);
    },
  );

  typed.get(
    '/api/models/:id/bias',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: "Selection rate and precision of the model's top share by office, origin and importer size",
        tags: ['models'],
        params: positiveIdParams,
        querystring: windowQuery.extend({ share: z.coerce.number().min(0.01).max(0.5).default(0.1) }),
        response: {
          200: z.object({
            ...judgedPeriod,
            share: z.number(),
            lines: z.number().int(),
            labelled: z.number().int(),
            by_office: z.array(biasRow),
            by_origin: z.array(biasRow),
            by_importer_size: z.array(biasRow),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const model = await summaryOf(request.params.id);
      const loaded = await loadVersion(database.db, model.id);
      const window = judgedWindow(model, request.query);
      const lines = await loadLines(database.db, { from: window.from, to: window.to ?? undefined });
      if (lines.length < MIN_JUDGED_LINES) {
        const labelled = lines.filter((l) => l.outcome).length;
        const empty = { by_office: [], by_origin: [], by_importer_size: [] };
        return {
          ...window,
          enough: false,
          share: request.query.share,
          lines: lines.length,
          labelled,
          ...empty,
        };
      }
      return { ...window, enough: true, ...modelBias(loaded, lines, request.query.share) };
    },
  );
}
