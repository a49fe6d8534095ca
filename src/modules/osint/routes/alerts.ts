/** Alerts under /api/osint/alerts: the list, one alert, and an investigator's decision on it. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { DECISIONS, decideAlert } from '../alert-decisions.ts';
import { getAlert, listAlerts } from '../alerts.ts';
import { WATCH_KINDS } from '../watchlist.ts';
import { idParams, label, pagedList, text } from './shared.ts';

const alertSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['post', 'seller', 'watchlist']),
    status: z.enum(['open', 'confirmed', 'dismissed', 'case_opened']),
    label: label.nullable(),
    score: z.number().nullable(),
    reason: z.string(),
    created_at: z.string(),
    decided_at: z.string().nullable(),
    decided_by: z.string().nullable(),
    decision_label: label.nullable(),
    note: z.string().nullable(),
    item: z
      .object({
        id: z.number().int(),
        title: z.string().nullable(),
        text: z.string(),
        url: z.string().nullable(),
        platform: z.string().nullable(),
        author: z.string().nullable(),
        label,
        score: z.number(),
        reposts: z.number().int(),
      })
      .nullable(),
    seller: z
      .object({
        id: z.number().int(),
        display_name: z.string(),
        score: z.number(),
        item_count: z.number().int(),
      })
      .nullable(),
    watch_term: z.object({ id: z.number().int(), kind: z.enum(WATCH_KINDS), value: z.string() }).nullable(),
  })
  .meta({ id: 'OsintAlert' });

export function alertRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/osint/alerts',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Alerts, newest first: posts over their threshold, sellers, watchlist matches',
        tags: ['osint'],
        querystring: z.object({
          status: z.enum(['open', 'confirmed', 'dismissed', 'case_opened']).optional(),
          kind: z.enum(['post', 'seller', 'watchlist']).optional(),
          seller_id: z.coerce.number().int().positive().optional(),
          q: text().optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(alertSchema), 400: errorSchema },
      },
    },
    pagedList(database.db, listAlerts),
  );

  getOneRoute(
    typed,
    '/api/osint/alerts/:id',
    { permission: 'osint:read', tag: 'osint', summary: 'An alert', response: alertSchema },
    async ({ id }) => getAlert(database.db, id),
  );

  typed.post(
    '/api/osint/alerts/:id/decision',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Confirm, dismiss, or send an alert to a case (audited; confirmations teach the classifier)',
        tags: ['osint'],
        params: idParams,
        body: z.object({
          decision: z.enum(DECISIONS),
          label: label.optional(),
          note: z.string().max(2000).optional(),
        }),
        response: {
          200: z.object({ alert: alertSchema, model_version: z.number().int().nullable() }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) => decideAlert(database, actorFrom(request), request.params.id, request.body),
  );
}
