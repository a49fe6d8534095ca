/**
 * The checkpoint exchange (checkpoint-exchange.ts): a partner installation reads our signed checkpoints with the
 * entries that concern it (a request signed as for the pull), and the liaison officer has a partner's checked
 * against what this installation holds.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { checkpointsFor, verifyPartnerCheckpoints } from '../checkpoint-exchange.ts';
import { authenticateRequest } from '../push.ts';
import { auditPartnerRead, authenticatedPartner, keyIdOf } from './partner-auth.ts';
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
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const query = { after: request.query.after };
      const partner = await authenticatedPartner(
        database,
        request,
        () => authenticateRequest(database.db, request.headers, query),
        {
          action: 'sharing.checkpoints_refused',
          target_type: 'sharing_partner',
          target_id: keyIdOf(request),
        },
      );
      const page = await checkpointsFor(database.db, partner, query.after);
      await auditPartnerRead(database, request, partner, 'sharing.checkpoints_read', {
        after: query.after,
        checkpoints: page.checkpoints.length,
        entries: page.checkpoints.reduce((n, c) => n + c.entries.length, 0),
      });
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
          ...errorResponses(400, 404, 502),
        },
      },
    },
    async (request) =>
      verifyPartnerCheckpoints(database, config.sharingKeyFile, actorFrom(request), request.params.code),
  );
}
