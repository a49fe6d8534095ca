/** Merge suggestions under /api/graph/suggestions: the queue, proposing new ones, accepting and rejecting. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { decideSuggestion, getSuggestion, listSuggestions, proposeMerges } from '../resolve.ts';
import { entityType, idParams } from './shared.ts';

const side = z.object({ id: z.number().int(), type: z.string(), key: z.string(), label: z.string() });
const suggestionSchema = z
  .object({
    id: z.number().int(),
    score: z.number(),
    reasons: z.array(z.string()),
    status: z.enum(['open', 'accepted', 'rejected']),
    a: side,
    b: side,
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'GraphSuggestion' });

export function suggestionRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/graph/suggestions',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Merge suggestions, best score first',
        tags: ['graph'],
        querystring: z.object({
          status: z.enum(['open', 'accepted', 'rejected']).optional(),
          type: entityType.optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(suggestionSchema), 400: errorSchema },
      },
    },
    pagedList(database.db, listSuggestions),
  );

  getOneRoute(
    typed,
    '/api/graph/suggestions/:id',
    { permission: 'graph:read', tag: 'graph', summary: 'A merge suggestion', response: suggestionSchema },
    async ({ id }) => getSuggestion(database.db, id),
  );

  typed.post(
    '/api/graph/suggestions',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Look for new merge suggestions (rejected pairs are never proposed again; audited)',
        tags: ['graph'],
        body: z
          .object({
            min_score: z.number().min(0.5).max(1).optional(),
            auto_merge_above: z.number().min(0.97).max(1).optional(),
          })
          .optional(),
        response: {
          200: z.object({
            candidates: z.number().int(),
            proposed: z.number().int(),
            merged: z.number().int(),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) =>
      proposeMerges(database, actorFrom(request), {
        ...(request.body?.min_score !== undefined ? { minScore: request.body.min_score } : {}),
        autoMergeAbove: request.body?.auto_merge_above ?? null,
      }),
  );

  for (const decision of ['accept', 'reject'] as const)
    typed.post(
      `/api/graph/suggestions/:id/${decision}`,
      {
        config: { permission: 'graph:manage' },
        schema: {
          summary:
            decision === 'accept'
              ? 'Accept a suggestion: the two entities become one (audited; reversible with split)'
              : 'Reject a suggestion: the pair is remembered and never proposed again (audited)',
          tags: ['graph'],
          params: idParams,
          body: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
          response: { 200: suggestionSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        decideSuggestion(
          database,
          actorFrom(request),
          request.params.id,
          decision,
          request.body?.note ?? null,
        ),
    );
}
