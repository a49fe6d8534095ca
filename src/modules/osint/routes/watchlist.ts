/** The watchlist under /api/osint/watchlist: brands, products, keywords and phone numbers that raise alerts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { addWatchTerm, listWatchTerms, removeWatchTerm, WATCH_KINDS } from '../watchlist.ts';
import { bool, idParams } from './shared.ts';

const watchTermSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(WATCH_KINDS),
    value: z.string(),
    normalized: z.string(),
    note: z.string().nullable(),
    active: z.boolean(),
    created_by: z.number().int().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'OsintWatchTerm' });

export function watchlistRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/osint/watchlist',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Watch terms: brands, products, keywords, phone numbers',
        tags: ['osint'],
        querystring: z.object({ all: bool.optional() }),
        response: { 200: z.object({ items: z.array(watchTermSchema) }) },
      },
    },
    async (request) => ({ items: await listWatchTerms(database.db, { activeOnly: !request.query.all }) }),
  );

  typed.post(
    '/api/osint/watchlist',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary:
          'Watch a brand, a product, a keyword or phrase, or a phone number (alerts from the next collection)',
        tags: ['osint'],
        body: z.object({
          kind: z.enum(WATCH_KINDS),
          value: z.string().min(1).max(200),
          note: z.string().max(1000).optional(),
        }),
        response: { 201: watchTermSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addWatchTerm(database, actorFrom(request), request.body)),
  );

  typed.delete(
    '/api/osint/watchlist/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Stop watching a term (its alerts stay)',
        tags: ['osint'],
        params: idParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await removeWatchTerm(database, actorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
