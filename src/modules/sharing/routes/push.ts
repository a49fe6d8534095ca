/**
 * The push between installations: the inbox a partner installation posts to (no user: the request is signed by
 * the partner's key and the message inside by its author), the status per partner, and a delivery run on demand.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { receiveMessage, receiveMessages } from '../messages.ts';
import { feedFor, PULL_MAX, pullFrom } from '../pull.ts';
import {
  authenticatePush,
  authenticateRequest,
  BATCH_MAX,
  deliverDue,
  partnerStatus,
  touchReceived,
} from '../push.ts';
import { auditPartnerRead, authenticatedPartner, keyIdOf, partnerActor } from './partner-auth.ts';
import { envelopeSchema } from './schemas.ts';

export function pushRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/sharing/inbox',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          "A partner installation's push: a signed request (x-vigie-key-id, x-vigie-date, x-vigie-signature) carrying a signed message, stored once",
        tags: ['sharing'],
        body: envelopeSchema,
        response: {
          200: z.object({ message_id: z.string(), duplicate: z.literal(true) }),
          201: z.object({ message_id: z.string(), duplicate: z.literal(false) }),
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const partner = await authenticatedPartner(
        database,
        request,
        () => authenticatePush(database.db, request.headers, request.body),
        {
          action: 'sharing.push_refused',
          target_type: 'sharing_message',
          target_id: request.body.message_id,
        },
      );
      const actor = partnerActor(request, partner);
      const result = await receiveMessage(database, config.sharingKeyFile, actor, request.body);
      await touchReceived(database.db, partner.id);
      const message_id = result.message.message_id;
      return result.duplicate
        ? reply.code(200).send({ message_id, duplicate: true })
        : reply.code(201).send({ message_id, duplicate: false });
    },
  );

  typed.post(
    '/api/sharing/inbox/batch',
    {
      config: { permission: 'public' },
      schema: {
        summary: `A partner installation's push of up to ${BATCH_MAX} messages in one signed request: each checked and stored once, all stored in one transaction; the answer names each one's fate`,
        tags: ['sharing'],
        body: z.object({ envelopes: z.array(envelopeSchema).min(1).max(BATCH_MAX) }),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                message_id: z.string(),
                outcome: z.enum(['stored', 'duplicate', 'refused']),
                code: z.string().optional(),
                reason: z.string().optional(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const partner = await authenticatedPartner(
        database,
        request,
        () => authenticatePush(database.db, request.headers, request.body),
        {
          action: 'sharing.push_refused',
          target_type: 'sharing_message',
          target_id: request.body.envelopes[0]!.message_id,
          details: { messages: request.body.envelopes.length },
        },
      );
      const actor = partnerActor(request, partner);
      const receipts = await receiveMessages(database, config.sharingKeyFile, actor, request.body.envelopes);
      await touchReceived(database.db, partner.id);
      return {
        results: receipts.map((r) =>
          r.outcome === 'refused'
            ? { message_id: r.message_id, outcome: r.outcome, code: r.code, reason: r.reason }
            : { message_id: r.message_id, outcome: r.outcome },
        ),
      };
    },
  );

  typed.get(
    '/api/sharing/feed',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          "A partner installation's pull: what this installation has for it after its cursor (a request signed over { after, limit })",
        tags: ['sharing'],
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(PULL_MAX).default(PULL_MAX),
        }),
        response: {
          200: z.object({ envelopes: z.array(envelopeSchema), cursor: z.number().int(), more: z.boolean() }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const query = { after: request.query.after, limit: request.query.limit };
      const partner = await authenticatedPartner(
        database,
        request,
        () => authenticateRequest(database.db, request.headers, query),
        { action: 'sharing.pull_refused', target_type: 'sharing_partner', target_id: keyIdOf(request) },
      );
      const feed = await feedFor(database.db, partner.id, query.after, query.limit);
      await auditPartnerRead(database, request, partner, 'sharing.feed_read', {
        after: query.after,
        cursor: feed.cursor,
        messages: feed.envelopes.length,
      });
      return feed;
    },
  );

  typed.post(
    '/api/sharing/partners/:code/pull',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: "Pull from a partner's installation what it has for this one since the last pull",
        tags: ['sharing'],
        params: z.object({ code: z.string().min(1).max(32) }),
        response: {
          200: z.object({
            partner: z.string(),
            stored: z.number().int(),
            duplicate: z.number().int(),
            refused: z.number().int(),
            cursor: z.number().int(),
          }),
          ...errorResponses(400, 404, 502),
        },
      },
    },
    async (request) => pullFrom(database, config.sharingKeyFile, actorFrom(request), request.params.code),
  );

  typed.get(
    '/api/sharing/status',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary:
          'Per partner: what waits to be delivered, the oldest waiting, last contact both ways, last error',
        tags: ['sharing'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                partner: z.string(),
                endpoint_url: z.string().nullable(),
                active: z.boolean(),
                backlog: z.number().int(),
                oldest_pending: z.string().nullable(),
                attempts: z.number().int(),
                refused: z.number().int(),
                last_error: z.string().nullable(),
                last_sent_at: z.string().nullable(),
                last_received_at: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await partnerStatus(database.db) }),
  );

  typed.post(
    '/api/sharing/push',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Deliver what is due now (the sharing.push job does it every minute)',
        tags: ['sharing'],
        response: {
          200: z.object({
            delivered: z.number().int(),
            refused: z.number().int(),
            retried: z.number().int(),
          }),
        },
      },
    },
    async (request) => deliverDue(database, config.sharingKeyFile, actorFrom(request)),
  );
}
