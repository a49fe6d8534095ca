/** Four-eyes promotion requests of models over HTTP (promotion.ts, docs/decisions/0039-four-eyes.md). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import {
  errorResponses,
  fourEyesDecisionRoutes,
  positiveIdParams,
  reasonBody,
} from '../../platform/server/route-kit.ts';
import { decidePromotionRequest, listPromotionRequests, requestPromotion } from './promotion.ts';
import { syncModelScorer } from './scorer.ts';

const status = z.enum(['pending', 'approved', 'rejected', 'stale']);

const promotionRequest = z
  .object({
    id: z.number().int(),
    model_id: z.number().int(),
    name: z.string(),
    target: z.string(),
    active_model_id: z.number().int().nullable(),
    status,
    stale: z.boolean(),
    reason: z.string(),
    requested_by: z.string(),
    requested_at: z.string(),
    decided_by: z.string().nullable(),
    decision_reason: z.string().nullable(),
    decided_at: z.string().nullable(),
    evaluation: z
      .record(z.string(), z.unknown())
      .describe(
        "the card's evaluation on the period after training, as shown when asked (later: null if none)",
      ),
  })
  .meta({ id: 'ModelPromotionRequest' });

export function promotionRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/models/approvals',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'Promotion requests of models (four-eyes), newest first (500 at most)',
        tags: ['models'],
        querystring: z.object({ status: status.optional() }),
        response: {
          200: z.object({ items: z.array(promotionRequest), four_eyes: z.boolean() }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({
      items: await listPromotionRequests(database.db, { status: request.query.status }),
      four_eyes: config.fourEyes,
    }),
  );

  typed.post(
    '/api/models/:id/promotion-requests',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          "Ask for a model's promotion; its card (with the later-period evaluation) is required (audited)",
        tags: ['models'],
        params: positiveIdParams,
        body: reasonBody,
        response: {
          201: z.object({ id: z.number().int(), status: z.literal('pending'), model_id: z.number().int() }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await requestPromotion(database, actorFrom(request), request.params.id, request.body.reason)),
  );

  fourEyesDecisionRoutes(
    typed,
    '/api/models/approvals',
    {
      permission: 'models:manage',
      tag: 'models',
      summaries: {
        approve:
          'Approve a promotion request: the model becomes active in the same transaction (not by the requester or its trainer; audited)',
        reject: 'Reject a promotion request (not by the requester; audited)',
      },
      response: z.object({
        id: z.number().int(),
        status: z.enum(['approved', 'rejected']),
        model: z.object({ id: z.number().int(), name: z.string(), status: z.string() }).nullable(),
      }),
      errors: [400, 403, 404, 409],
    },
    async (id, decision, reason, request) => {
      const out = await decidePromotionRequest(database, actorFrom(request), id, decision, reason);
      if (out.model) await syncModelScorer(database);
      const m = out.model;
      return {
        id: out.id,
        status: out.status,
        model: m ? { id: m.id, name: m.name, status: m.status } : null,
      };
    },
  );
}
