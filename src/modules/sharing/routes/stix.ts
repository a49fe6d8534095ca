/**
 * STIX 2.1 under /api/sharing: the bundle of what a group may see (or of one outgoing message), after the group's
 * nominal split, and the import of a partner's bundle (docs/decisions/0038-stix-taxii.md). Exporting is sharing:
 * it needs `sharing:write` and is audited, as the import.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { getGroup } from '../groups.ts';
import { getMessage } from '../messages.ts';
import { bundleOf, exportGroup, installationAuthor, messageObjects } from '../stix.ts';
import { importStix } from '../stix-import.ts';
import { STIX_MEDIA_TYPE } from '../stix-model.ts';
import { codeParam, idParams } from './schemas.ts';

const bundleSchema = z
  .object({
    type: z.literal('bundle'),
    id: z.string(),
    objects: z.array(z.looseObject({ type: z.string(), id: z.string() })),
  })
  .meta({ id: 'StixBundle' });

const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export function stixRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Bundles come as application/stix+json (or plain JSON).
  if (!app.hasContentTypeParser('application/stix+json'))
    app.addContentTypeParser(
      'application/stix+json',
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      app.getDefaultJsonParser('error', 'error'),
    );

  typed.get(
    '/api/sharing/groups/:code/stix',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary:
          "STIX 2.1 bundle of what the group may see: the messages sent to it, after its agreement's nominal split",
        tags: ['sharing'],
        params: codeParam,
        response: { 200: bundleSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await exportGroup(database.db, request.params.code);
      await appendAudit(database, actorFrom(request), {
        action: 'sharing.stix_export',
        target_type: 'sharing_group',
        target_id: result.group.code,
        details: {
          bundle: result.bundle.id,
          messages: result.messages,
          objects: result.bundle.objects.length,
          truncated: result.truncated,
          nominal: result.group.nominal_data_allowed,
          removed: result.removed,
        },
      });
      return reply.type(STIX_MEDIA_TYPE).send(result.bundle);
    },
  );

  typed.get(
    '/api/sharing/messages/:id/stix',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary:
          "STIX 2.1 bundle of one outgoing message, after its group's nominal split (none: nominal data stay here)",
        tags: ['sharing'],
        params: idParams,
        response: { 200: bundleSchema, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const message = await getMessage(database.db, request.params.id);
      if (message.direction !== 'outgoing')
        throw new AppError(
          'sharing.stix_not_ours',
          'only a message this installation sent is exported: a received one is its sender’s to share',
          409,
        );
      const group = message.group ? await getGroup(database.db, message.group) : null;
      const nominal = message.distribution === 'installation' || (group?.nominal_data_allowed ?? false);
      const author = await installationAuthor(database.db, message.sender_key_id);
      const { objects, removed } = messageObjects({ ...message, group_code: message.group }, author, {
        nominal,
      });
      const bundle = bundleOf(`message:${message.message_id}`, [objects]);
      await appendAudit(database, actorFrom(request), {
        action: 'sharing.stix_export',
        target_type: 'sharing_message',
        target_id: message.message_id,
        details: { bundle: bundle.id, objects: bundle.objects.length, nominal, removed },
      });
      return reply.type(STIX_MEDIA_TYPE).send(bundle);
    },
  );

  typed.post(
    '/api/sharing/stix/import',
    {
      config: { permission: 'sharing:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          "Import a partner's STIX 2.1 bundle as incoming messages: checked whole first (nothing stored on a bad one), each message stored once",
        tags: ['sharing'],
        querystring: z.object({ partner: codeParam.shape.code }),
        body: z.record(z.string(), z.unknown()).describe('a STIX 2.1 bundle'),
        response: {
          200: z.object({
            partner: z.string(),
            bundle: z.string(),
            stored: z.number().int(),
            duplicate: z.number().int(),
            messages: z.array(
              z.object({
                id: z.number().int(),
                message_id: z.string(),
                stix_id: z.string(),
                outcome: z.enum(['stored', 'duplicate']),
                kind: z.string(),
                title: z.string(),
              }),
            ),
          }),
          ...errorResponses(400, 403, 404),
        },
      },
    },
    async (request) => {
      const result = await importStix(database, actorFrom(request), request.query.partner, request.body);
      return {
        ...result,
        messages: result.messages.map((m) => ({
          id: m.message.id,
          message_id: m.message_id,
          stix_id: m.stix_id,
          outcome: m.outcome,
          kind: m.message.kind,
          title: m.message.title,
        })),
      };
    },
  );
}
