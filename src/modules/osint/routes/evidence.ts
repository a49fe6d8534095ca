/**
 * Evidence under /api/osint/evidence: verification of every row, what a row says, and its raw content — served
 * as an attachment with its SHA-256, never rendered.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { evidenceContent, getEvidence, verifyEvidence } from '../evidence.ts';
import { idParams } from './shared.ts';

const evidenceSchema = z
  .object({
    id: z.number().int(),
    source_id: z.number().int().nullable(),
    run_id: z.number().int().nullable(),
    method: z.enum(['http', 'file', 'manual']),
    url: z.string(),
    final_url: z.string().nullable(),
    fetched_at: z.string(),
    http_status: z.number().int().nullable(),
    http_headers: z.record(z.string(), z.unknown()),
    content_type: z.string().nullable(),
    bytes: z.number().int(),
    sha256: z.string(),
    collected_by: z.string(),
    collected_by_id: z.number().int().nullable(),
    record_hash: z.string(),
    purged_at: z.string().nullable().describe('when the content was removed under the retention policy'),
  })
  .meta({ id: 'OsintEvidence' });

export function evidenceRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/osint/evidence/verify',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Re-hash evidence and name every row whose content or description changed',
        tags: ['osint'],
        querystring: z.object({ from_id: z.coerce.number().int().positive().optional() }),
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            bytes: z.number().int(),
            purged: z
              .number()
              .int()
              .describe('rows whose content was purged (their record hash is still checked)'),
            problems: z.array(
              z.object({
                id: z.number().int(),
                url: z.string(),
                kind: z.enum(['content_altered', 'record_altered']),
                message: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => verifyEvidence(database.db, { fromId: request.query.from_id }),
  );

  getOneRoute(
    typed,
    '/api/osint/evidence/:id',
    {
      permission: 'osint:read',
      tag: 'osint',
      summary: 'What an evidence row says: URL, time, HTTP status and headers, SHA-256, who collected it',
      response: evidenceSchema,
    },
    async ({ id }) => {
      const evidence = await getEvidence(database.db, id);
      if (!evidence) throw new NotFoundError('osint.evidence_not_found', `no evidence #${id}`);
      return evidence;
    },
  );

  typed.get(
    '/api/osint/evidence/:id/content',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'The raw content, byte for byte (served as an attachment, never rendered)',
        tags: ['osint'],
        params: idParams,
        produces: ['application/octet-stream'],
        response: { ...errorResponses(404, 410) },
      },
    },
    async (request, reply) => {
      const evidence = await getEvidence(database.db, request.params.id);
      if (!evidence) throw new NotFoundError('osint.evidence_not_found', `no evidence #${request.params.id}`);
      if (evidence.purged_at)
        throw new AppError(
          'osint.evidence_purged',
          `the content of evidence #${evidence.id} was removed under the retention policy on ${evidence.purged_at.slice(0, 10)}; its SHA-256 (${evidence.sha256}) and record remain`,
          410,
        );
      reply.header('content-type', 'application/octet-stream');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('content-disposition', `attachment; filename="evidence-${evidence.id}.bin"`);
      reply.header('content-length', String(evidence.bytes));
      reply.header('x-evidence-sha256', evidence.sha256);
      return reply.send(Readable.from(evidenceContent(database.db, evidence.id)) as never);
    },
  );
}
