/**
 * Messages under /api/sharing/messages: preview (exactly what would leave, and what the nominal split removed),
 * send (signed, in the ledger), record a signed message received from a partner (refused when tampered, stored
 * once when repeated), list and read, and the envelope of an outgoing message as a partner receives it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import {
  composeMessage,
  envelopeOf,
  getMessage,
  listMessages,
  receiveMessage,
  sendMessage,
} from '../messages.ts';
import { DIRECTIONS, MESSAGE_KINDS } from '../model.ts';
import type { Pusher } from '../pusher.ts';
import { codeParam, envelopeSchema, messageInput, messageSchema } from './schemas.ts';

export function messageRoutes(
  app: FastifyInstance,
  { database, config }: AppContext,
  pusher: Pusher | null = null,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const keyFile = config.sharingKeyFile;

  typed.post(
    '/api/sharing/messages/preview',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary:
          "What a message would carry, field by field, and what the group's agreement removed (nothing is recorded)",
        tags: ['sharing'],
        body: messageInput,
        response: {
          200: z.object({
            group: z.string().nullable(),
            nominal: z.boolean().describe('whether personal data of natural persons may leave'),
            title: z.string(),
            payload: z.record(z.string(), z.unknown()).describe('exactly the fields that would leave'),
            removed: z.array(z.string()).describe('paths of what the nominal split removed'),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const composed = await composeMessage(database.db, request.body);
      return {
        group: composed.group?.code ?? null,
        nominal: composed.nominal,
        title: composed.title,
        payload: composed.payload,
        removed: composed.removed,
      };
    },
  );

  typed.post(
    '/api/sharing/messages',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Send a message: signed by this installation, recorded and appended to the ledger',
        tags: ['sharing'],
        body: messageInput,
        response: { 201: messageSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const message = await sendMessage(database, keyFile, actorFrom(request), request.body);
      pusher?.kick();
      return reply.code(201).send(message);
    },
  );

  typed.post(
    '/api/sharing/messages/incoming',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary:
          'Record a signed message received from a partner: refused when the sender is unknown or the signature or payload hash does not match; stored once',
        tags: ['sharing'],
        body: envelopeSchema,
        response: {
          200: z.object({ message: messageSchema, duplicate: z.literal(true) }),
          201: z.object({ message: messageSchema, duplicate: z.literal(false) }),
          ...errorResponses(400, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const result = await receiveMessage(database, keyFile, actorFrom(request), request.body);
      return result.duplicate
        ? reply.code(200).send({ message: result.message, duplicate: true })
        : reply.code(201).send({ message: result.message, duplicate: false });
    },
  );

  typed.get(
    '/api/sharing/messages',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: 'Messages sent and received, newest first (an inbox or outbox per group)',
        tags: ['sharing'],
        querystring: z.object({
          ...pagingQuery,
          direction: z.enum(DIRECTIONS).optional(),
          group: codeParam.shape.code.optional(),
          kind: z.enum(MESSAGE_KINDS).optional(),
        }),
        response: { 200: pageOf(messageSchema) },
      },
    },
    pagedList(database.db, listMessages),
  );

  getOneRoute(
    typed,
    '/api/sharing/messages/:id',
    { permission: 'sharing:read', tag: 'sharing', summary: 'A message', response: messageSchema },
    async ({ id }) => getMessage(database.db, id),
  );

  getOneRoute(
    typed,
    '/api/sharing/messages/:id/envelope',
    {
      permission: 'sharing:read',
      tag: 'sharing',
      summary: 'The signed envelope of an outgoing message, as a partner installation receives it',
      response: envelopeSchema,
    },
    async ({ id }) => {
      const message = await getMessage(database.db, id);
      return envelopeOf(database.db, message.message_id);
    },
  );
}
