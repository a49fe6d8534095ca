/** Reading and verifying the audit trail. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pagesOf } from '../export/export.ts';
import type { AppContext } from '../server/context.ts';
import { exportRoute } from '../server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../server/schemas.ts';
import { verifyInstallation } from './sealing.ts';
import { listAudit } from './store.ts';

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
    key_id: z.string().nullable().describe('the audit key that sealed the entry (its id, never the key)'),
    seal: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const problemSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['altered', 'broken_link', 'forged', 'unsealed', 'unknown_key', 'wrong_head', 'checkpoint']),
  message: z.string(),
});

const verifyReportSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    sealed: z.number().int().describe('entries whose seal was checked with the audit key'),
    unsealed: z.number().int().describe('entries without a seal (written before sealing began)'),
    keyed: z.boolean().describe('whether the audit key was at hand to check seals'),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    checkpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
    problems: z.array(problemSchema).describe('every problem, in order (the first 200)'),
    problem_count: z.number().int(),
    problem: problemSchema.optional().describe('the first problem'),
  })
  .meta({ id: 'AuditVerifyReport' });

const auditFilters = {
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('An action, or a family such as auth.*'),
  target_type: z.string().max(64).optional(),
  target_id: z.string().max(128).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

type Entry = Awaited<ReturnType<typeof listAudit>>['items'][number];
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const AUDIT_COLUMNS: { header: string; value(e: Entry): string | number | null }[] = [
  { header: 'seq', value: (e) => e.seq },
  { header: 'at', value: (e) => e.at },
  { header: 'actor', value: (e) => e.actor },
  { header: 'ip', value: (e) => e.ip },
  { header: 'action', value: (e) => e.action },
  { header: 'target_type', value: (e) => e.target_type },
  { header: 'target_id', value: (e) => e.target_id },
  { header: 'before', value: (e) => json(e.before) },
  { header: 'after', value: (e) => json(e.after) },
  { header: 'details', value: (e) => json(e.details) },
  { header: 'hash', value: (e) => e.hash },
];

export async function auditRoutes(app: FastifyInstance, { database, config }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  exportRoute(typed, database, '/api/audit/export', {
    permission: 'audit:read',
    tag: 'audit',
    summary:
      'The audit trail as CSV or XLSX, with the list’s filters (streamed; the export is itself audited)',
    filters: auditFilters,
    list: 'audit',
    content: (filters) => ({
      columns: AUDIT_COLUMNS,
      rows: pagesOf(
        async (offset, limit) => (await listAudit(database.db, filters, { limit, offset })).items,
      ),
    }),
  });

  typed.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        summary: 'The audit trail, newest first, filtered',
        tags: ['audit'],
        querystring: z.object({
          ...auditFilters,
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
        summary: 'Check the whole trail: hash chain, seals, and its last checkpoint',
        tags: ['audit'],
        response: {
          200: verifyReportSchema,
        },
      },
    },
    async () => verifyInstallation(database, config),
  );
}
