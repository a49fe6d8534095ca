/**
 * The checkpoint exchange (checkpoint-exchange.ts): a partner installation reads our signed checkpoints with the
 * entries that concern it (a request signed as for the pull), and the liaison officer has a partner's checked
 * against what this installation holds.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { checkpointsFor, verifyPartnerCheckpoints } from '../checkpoint-exchange.ts';
import { authenticateRequest } from '../push.ts';
import { codeParam } from './schemas.ts';

export function checkpointRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/sharing/checkpoints/feed',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          "A partner installation reads this installation's signed checkpoints after a to_seq, each with the entries that concern it and their audit paths (a request signed over { after })",
        tags: ['sharing'],
        querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }),
        response: {
          200: z.object({
            checkpoints: z.array(z.record(z.string(), z.unknown())),
            cursor: z.number().int(),
            more: z.boolean(),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request) => {
      const query = { after: request.query.after };
      let partner: Awaited<ReturnType<typeof authenticateRequest>>;
      try {
        partner = await authenticateRequest(database.db, request.headers, query);
      } catch (error) {
        if (error instanceof AppError)
          await appendAudit(
            database,
            { id: null, name: 'anonymous', ip: request.ip },
            {
              action: 'sharing.checkpoints_refused',
              target_type: 'sharing_partner',
              target_id: String(request.headers['x-vigie-key-id'] ?? '').slice(0, 64),
              details: { code: error.code, reason: error.message },
            },
          );
        throw error;
      }
      const page = await checkpointsFor(database.db, partner, query.after);
      await appendAudit(
        database,
        { id: null, name: `partner:${partner.code}`, ip: request.ip },
        {
          action: 'sharing.checkpoints_read',
          target_type: 'sharing_partner',
          target_id: partner.code,
          details: {
            after: query.after,
            checkpoints: page.checkpoints.length,
            entries: page.checkpoints.reduce((n, c) => n + c.entries.length, 0),
          },
        },
      );
      return page as unknown as { checkpoints: Record<string, unknown>[]; cursor: number; more: boolean };
    },
  );

  typed.post(
    '/api/sharing/partners/:code/checkpoints/verify',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary:
          "Fetch a partner's signed ledger checkpoints and check them against the messages this installation holds; divergences are named and audited",
        tags: ['sharing'],
        params: codeParam,
        response: {
          200: z.object({
            partner: z.string(),
            checkpoints: z.number().int(),
            entries: z.number().int(),
            divergences: z.array(
              z.object({
                reason: z.enum([
                  'bad_checkpoint',
                  'bad_entry',
                  'not_received',
                  'never_sent',
                  'mismatch',
                  'missing_from_ledger',
                ]),
                seq: z.number().int().nullable(),
                message_id: z.string().nullable(),
                detail: z.string(),
              }),
            ),
          }),
          400: errorSchema,
          404: errorSchema,
          502: errorSchema,
        },
      },
    },
    async (request) =>
      verifyPartnerCheckpoints(database, config.sharingKeyFile, actorFrom(request), request.params.code),
  );
}
