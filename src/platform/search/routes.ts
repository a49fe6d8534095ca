/** GET /api/search: the global search of the workbench's header (as you type). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import type { AppContext } from '../server/context.ts';
import { SEARCH_MAX, SEARCH_MIN, searchEverything, searchQuery } from './search.ts';

const hitSchema = z
  .object({
    kind: z.string(),
    id: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    link: z.string().describe('the workbench path that opens the record'),
    matched: z
      .string()
      .describe('the field that matched: reference, name, code, phone, email, url, container…'),
  })
  .meta({ id: 'SearchHit' });

const answerSchema = z
  .object({
    q: z.string().describe('the text searched, cleaned'),
    groups: z.array(z.object({ kind: z.string(), hits: z.array(hitSchema) })),
  })
  .meta({ id: 'SearchAnswer' });

export async function searchRoutes(app: FastifyInstance, { database, registry }: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/search',
    {
      config: { permission: 'session' },
      schema: {
        summary:
          'Search everything the caller may see: declarations, parties, the company register, manifests, online sellers and identifiers, cases…',
        description:
          'Each record family needs its own permission (declarations:read, partners:read, osint:read, cases:read…); families the caller may not see are not searched. Phones match in any format.',
        tags: ['search'],
        querystring: z.object({
          q: z.string().max(SEARCH_MAX * 2),
          limit: z.coerce.number().int().min(1).max(20).default(5).describe('hits per family'),
        }),
        response: { 200: answerSchema },
      },
    },
    async (request) => {
      const query = searchQuery(request.query.q, request.query.limit);
      if (!query)
        throw new AppError('search.too_short', `type at least ${SEARCH_MIN} characters to search`, 400, {
          field: 'q',
          expected: `${SEARCH_MIN} to ${SEARCH_MAX} characters`,
        });
      if (query.text.length > SEARCH_MAX)
        throw new AppError('search.too_long', `a search holds at most ${SEARCH_MAX} characters`, 400, {
          field: 'q',
          expected: `${SEARCH_MIN} to ${SEARCH_MAX} characters`,
        });
      const groups = await searchEverything(
        database.db,
        registry.searchProviders,
        request.user!.permissions,
        query,
      );
      return { q: query.text, groups };
    },
  );
}
