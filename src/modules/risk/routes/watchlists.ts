import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { forget } from '../../../platform/lib/cache.ts';
import { AppError, NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, pagedList } from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import {
  addEntries,
  addEntriesFromSearch,
  createWatchlist,
  getWatchlist,
  listWatchlists,
  removeEntry,
  WATCHLIST_TYPES,
} from '../watchlists.ts';
import { idParams, name } from './shared.ts';

export const watchlistSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(WATCHLIST_TYPES),
    description: z.string().nullable(),
    owner: z.string(),
    expires_on: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    entries: z.number().int(),
  })
  .meta({ id: 'Watchlist' });

export function watchlistRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/risk/watchlists',
    {
      config: { permission: 'risk:intelligence' },
      schema: {
        summary: 'Watchlists (named target lists)',
        tags: ['risk'],
        querystring: z.object({
          type: z.enum(WATCHLIST_TYPES).optional(),
          q: z.string().max(64).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(watchlistSchema), 400: errorSchema },
      },
    },
    pagedList(db, listWatchlists),
  );

  typed.post(
    '/api/risk/watchlists',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Create a watchlist (audited)',
        tags: ['risk'],
        body: z.object({
          name,
          type: z.enum(WATCHLIST_TYPES),
          description: z.string().max(2000).nullish(),
          owner: z.string().min(1).max(100).optional(),
          expires_on: isoDate.nullish(),
        }),
        response: { 201: watchlistSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWatchlist(database, actorFrom(request), request.body)),
  );

  typed.get(
    '/api/risk/watchlists/:id',
    {
      config: { permission: 'risk:intelligence' },
      schema: {
        summary: 'A watchlist with a page of its entries',
        tags: ['risk'],
        params: idParams,
        querystring: z.object({ ...pagingQuery }),
        response: {
          200: watchlistSchema.extend({
            page: pageOf(
              z.object({
                value: z.string(),
                note: z.string().nullable(),
                expires_on: z.string().nullable(),
                added_by: z.string().nullable(),
                added_at: z.string(),
              }),
            ),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const list = await getWatchlist(db, request.params.id, request.query);
      if (!list) throw new NotFoundError('risk.watchlist_not_found', `no watchlist #${request.params.id}`);
      return list;
    },
  );

  typed.post(
    '/api/risk/watchlists/:id/entries',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary:
          'Add entries: a list of values, or every value a declaration search finds, in one action (audited)',
        tags: ['risk'],
        params: idParams,
        body: z.object({
          values: z.array(z.string().min(1).max(128)).min(1).max(100_000).optional(),
          search: z
            .object({
              office: z.string().max(32).optional(),
              importer: z.string().max(64).optional(),
              declarant: z.string().max(64).optional(),
              seller: z.string().max(64).optional(),
              hs: z
                .string()
                .regex(/^\d{2,10}$/)
                .optional(),
              origin: z
                .string()
                .regex(/^[A-Z]{2}$/)
                .optional(),
              from: isoDate.optional(),
              to: isoDate.optional(),
              result: z.enum(['fraud', 'critical', 'inspected']).optional(),
            })
            .optional(),
          note: z.string().max(2000).nullish(),
          expires_on: isoDate.nullish(),
        }),
        response: {
          200: z.object({ added: z.number().int(), submitted: z.number().int().optional() }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { values, search, note, expires_on } = request.body;
      if (!values === !search) throw new AppError('request.invalid', 'give either values or a search', 400);
      const result = values
        ? await addEntries(database, actorFrom(request), request.params.id, { values, note, expires_on })
        : await addEntriesFromSearch(database, actorFrom(request), request.params.id, search!, note);
      forget('watchlists');
      return result;
    },
  );

  typed.delete(
    '/api/risk/watchlists/:id/entries/:value',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Remove an entry (audited)',
        tags: ['risk'],
        params: z.object({ id: z.coerce.number().int().positive(), value: z.string().min(1).max(128) }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await removeEntry(database, actorFrom(request), request.params.id, request.params.value);
      forget('watchlists');
      return reply.code(204).send(null);
    },
  );
}
