/** Read-only declaration endpoints. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext, Permission } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import {
  declarationDetailSchema,
  declarationPageSchema,
  listQuerySchema,
  statsSchema,
} from './api-schemas.ts';
import { declarationStats, getDeclaration, listDeclarations } from './store.ts';

/**
 * The declaration list. Registered by the module at /api/declarations; the HTTP benchmark registers the very same
 * route at another path without a permission, to measure what authentication costs.
 */
export function registerDeclarationList(
  app: FastifyInstance,
  database: Database,
  route: { url: string; permission: Permission | 'public' },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    route.url,
    {
      config: { permission: route.permission },
      schema: {
        summary: 'Declarations, filtered and paged (by cursor: next_cursor; or by offset)',
        tags: ['declarations'],
        querystring: listQuerySchema,
        response: { 200: declarationPageSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, sort, cursor, ...filters } = request.query;
      const page = await listDeclarations(database.db, filters, { limit, offset, sort, cursor });
      return {
        total: page.total,
        total_estimated: page.totalEstimated,
        limit,
        offset,
        next_cursor: page.nextCursor,
        items: page.items,
      };
    },
  );
}

export async function declarationRoutes(app: FastifyInstance, { database }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerDeclarationList(app, database, { url: '/api/declarations', permission: 'declarations:read' });

  typed.get(
    '/api/declarations/stats',
    {
      config: { permission: 'declarations:read' },
      schema: {
        summary: 'Counts of declarations, items, outcomes and parties',
        tags: ['declarations'],
        response: { 200: statsSchema },
      },
    },
    async () => declarationStats(database.db),
  );

  typed.get(
    '/api/declarations/:reference',
    {
      config: { permission: 'declarations:read' },
      schema: {
        summary: 'One declaration with its parties, items and inspection outcomes',
        tags: ['declarations'],
        params: z.object({ reference: z.string().min(1).max(64) }),
        response: { 200: declarationDetailSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const declaration = await getDeclaration(database.db, request.params.reference);
      if (!declaration) {
        throw new NotFoundError('declaration.not_found', `no declaration ${request.params.reference}`);
      }
      return declaration;
    },
  );
}
