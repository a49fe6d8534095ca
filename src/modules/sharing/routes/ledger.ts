/**
 * The signed ledger under /api/sharing/ledger: entries, checkpoints, a new checkpoint, the NDJSON export, and its
 * verification here (the export checked by the offline verifier, with the keys it carries).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { installationKey } from '../keys.ts';
import { checkpointLedger, exportLedger, listCheckpoints, listLedger } from '../ledger.ts';
import { LEDGER_PROBLEMS, verifyLedger } from '../ledger-verify.ts';
import { checkpointSchema, ledgerEntrySchema } from './schemas.ts';

/** A text body on a route whose schema describes only its errors (the zod reply types allow no string). */
const sendText = (reply: FastifyReply, body: string) => reply.send(body);

export function ledgerRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/sharing/ledger',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: 'Ledger entries, newest first',
        tags: ['sharing'],
        querystring: z.object({ ...pagingQuery }),
        response: { 200: pageOf(ledgerEntrySchema) },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return { limit, offset, ...(await listLedger(database.db, { limit, offset })) };
    },
  );

  typed.get(
    '/api/sharing/ledger/checkpoints',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: 'Signed Merkle checkpoints of the ledger',
        tags: ['sharing'],
        response: { 200: z.object({ items: z.array(checkpointSchema) }) },
      },
    },
    async () => ({ items: await listCheckpoints(database.db) }),
  );

  typed.post(
    '/api/sharing/ledger/checkpoints',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Sign a checkpoint over the entries since the last one (null when there is nothing new)',
        tags: ['sharing'],
        response: { 200: z.object({ checkpoint: checkpointSchema.nullable() }) },
      },
    },
    async (request) => {
      const checkpoint = await checkpointLedger(
        database,
        await installationKey(database, config.sharingKeyFile),
      );
      if (checkpoint)
        await appendAudit(database, actorFrom(request), {
          action: 'sharing.ledger_checkpoint',
          target_type: 'sharing_ledger',
          target_id: `${checkpoint.from_seq}-${checkpoint.to_seq}`,
          after: checkpoint,
        });
      return { checkpoint };
    },
  );

  typed.get(
    '/api/sharing/ledger/export',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary:
          'The whole ledger as NDJSON with the public keys that verify it (`vigie ledger verify FILE`)',
        tags: ['sharing'],
        produces: ['application/x-ndjson'],
      },
    },
    async (request, reply) => {
      await installationKey(database, config.sharingKeyFile);
      const lines: string[] = [];
      for await (const line of exportLedger(database)) lines.push(line);
      await appendAudit(database, actorFrom(request), {
        action: 'sharing.ledger_export',
        target_type: 'sharing_ledger',
        details: { lines: lines.length },
      });
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="vigie-ledger.ndjson"');
      return sendText(reply, `${lines.join('\n')}\n`);
    },
  );

  typed.post(
    '/api/sharing/ledger/verify',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary:
          'Verify the whole ledger as exported (hashes, chain, signatures, checkpoints): intact, or the first bad entry',
        tags: ['sharing'],
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().int(),
            checkpoints: z.number().int(),
            last_seq: z.number().int().nullable(),
            last_hash: z.string().nullable(),
            problem: z
              .object({
                line: z.number().int(),
                seq: z.number().int().nullable(),
                reason: z.enum(LEDGER_PROBLEMS),
                message: z.string(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => {
      await installationKey(database, config.sharingKeyFile);
      const verdict = await verifyLedger(exportLedger(database));
      const answer = {
        ok: verdict.ok,
        entries: verdict.entries,
        checkpoints: verdict.checkpoints,
        last_seq: verdict.last_seq,
        last_hash: verdict.last_hash,
        problem: verdict.problem ?? null,
      };
      await appendAudit(database, actorFrom(request), {
        action: 'sharing.ledger_verify',
        target_type: 'sharing_ledger',
        details: { ok: answer.ok, entries: answer.entries, problem: answer.problem },
      });
      return answer;
    },
  );
}
