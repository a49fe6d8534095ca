/**
 * Analysis under /api/osint: the classifier in use, posts analysed on demand (nothing stored), and re-analysis of
 * collected items (a job).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { analyzePost, postSchema, toResultRecord } from '../analysis/index.ts';
import { currentModel, modelInfo } from '../model.ts';
import { jobAnswer, queueJob } from './shared.ts';

export function analysisRoutes(app: FastifyInstance, { database, jobs }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/osint/model',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'The classifier in use: version, what it learnt from, confirmations waiting',
        tags: ['osint'],
        response: {
          200: z.object({
            version: z.number().int(),
            base_version: z.number().int().nullable(),
            trained_on: z.number().int(),
            confirmations: z.number().int(),
            created_by: z.string(),
            created_at: z.string().nullable(),
            pending_confirmations: z.number().int(),
          }),
        },
      },
    },
    async () => modelInfo(database.db),
  );

  typed.post(
    '/api/osint/analyze',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Analyse posts without storing them (label, score, reasons, signals, entities)',
        tags: ['osint'],
        body: z.object({ posts: z.array(postSchema).min(1).max(100), explain: z.boolean().optional() }),
        response: {
          200: z.object({
            model_version: z.number().int(),
            items: z.array(z.record(z.string(), z.unknown())),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const model = await currentModel(database.db);
      const items = request.body.posts.map((post) =>
        toResultRecord(analyzePost(post, { classifier: model.classifier }), request.body.explain),
      );
      return { model_version: model.version, items: items as unknown as Record<string, unknown>[] };
    },
  );

  typed.post(
    '/api/osint/reanalyze',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Analyse collected items again with the current model (a background job)',
        tags: ['osint'],
        description: 'Body `{"source_id": N}` for one source, `{"all": true}` for every item.',
        body: z.union([
          z.object({ source_id: z.number().int().positive() }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        response: { 202: jobAnswer, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const answer = await queueJob(
        jobs,
        'osint.reanalyze',
        'source_id' in request.body ? { source_id: request.body.source_id } : {},
        actorFrom(request),
      );
      return reply.code(202).send(answer);
    },
  );
}
