/**
 * GET /api/risk/pre-arrival: the selection queue's pre-arrival referrals (decisions/prearrival.ts) — goods scored
 * before they arrive by the module that knows them (parcels), for their office of arrival (officers: their
 * office), highest score first, a page at a time by keyset (`after` = the last item's score and id).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officeScope } from '../../../platform/auth/scope.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { listPreArrival } from '../decisions/prearrival.ts';

const referralSchema = z
  .object({
    source: z.string(),
    id: z.number().int(),
    reference: z.string(),
    office: z.string(),
    arrival_date: z.string(),
    score: z.number(),
    channel: z.enum(['red', 'yellow']),
    explanation: z.array(z.object({ indicator: z.string(), points: z.number(), message: z.string() })),
    assigned_to: z.string().nullable(),
    link: z.string(),
    pre_arrival: z.literal(true),
  })
  .meta({ id: 'PreArrivalReferral' });

export function preArrivalRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/risk/pre-arrival',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'Pre-arrival referrals of the selection queue (e-commerce parcels scored before arrival), for their office of arrival, highest score first',
        tags: ['risk'],
        querystring: z.object({
          source: z.string().min(1).max(32).default('parcels'),
          office: z.string().min(1).max(32).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          channel: z.enum(['red', 'yellow']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          after_score: z.coerce.number().finite().optional(),
          after_id: z.coerce.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            items: z.array(referralSchema),
            next: z.object({ after_score: z.number(), after_id: z.number().int() }).nullable(),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { source, limit, after_score, after_id, ...filters } = request.query;
      const after =
        after_score !== undefined && after_id !== undefined
          ? { score: after_score, id: after_id }
          : undefined;
      const page = await listPreArrival(database.db, source, filters, officeScope(request), { limit, after });
      const last = page.items.at(-1);
      return {
        ...page,
        next: last && page.items.length === limit ? { after_score: last.score, after_id: last.id } : null,
      };
    },
  );
}
