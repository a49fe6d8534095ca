/** Reading and verifying the audit trail. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.ts';
import { isoDate, pageOf, pagingQuery } from '../../server/schemas.ts';
import { listAudit, verifyAudit } from './store.ts';

const entrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor_id: z.number().int().nullable(),
    actor: z.string(),
    ip: z.string().nullable(),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    details: z.unknown(),
    prev_hash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export async function auditRoutes(app: FastifyInstance, { database }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        summary: 'The audit trail, newest first, filtered',
        tags: ['audit'],
        querystring: z.object({
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional().describe('An action, or a family such as auth.*'),
          target_type: z.string().max(64).optional(),
          target_id: z.string().max(128).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          ...pagingQuery,
        }),
        response: {
          200: pageOf(entrySchema),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listAudit(database.db, filters, { limit, offset });
      return {
        limit,
        offset,
        total: page.total,
        items: page.items.map((e) => ({ ...e, actor_id: e.actor_id === null ? null : Number(e.actor_id) })),
      };
    },
  );

  typed.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: {
        summary: 'Check the hash chain of the whole trail',
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
            problem: z
              .object({
                seq: z.number().int(),
                kind: z.enum(['altered', 'broken_link', 'wrong_head']),
                message: z.string(),
              })
              .optional(),
          }),
        },
      },
    },
    async () => verifyAudit(database.db),
  );
}
