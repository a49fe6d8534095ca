import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { officeScope } from '../../../platform/auth/scope.ts';
import { AppError, NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { sendStoredFile } from '../../../platform/uploads/uploads.ts';
import {
  ATTACHMENT_KINDS,
  addAttachment,
  attachmentLimits,
  getAttachment,
  listAttachments,
} from '../attachments.ts';
import { idParams } from './shared.ts';

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    outcome_id: z.number().int().nullable(),
    kind: z.enum(['photo', 'document']),
    content_type: z.string(),
    file_name: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    note: z.string().nullable(),
    added_by: z.string(),
    added_at: z.string(),
  })
  .meta({ id: 'Attachment' });

export function attachmentRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.post(
    '/api/risk/attachments',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          'Attach a photo or document to a declaration or an outcome (multipart; type and size checked)',
        description: `multipart/form-data with \`reference\`, \`kind\` (photo or document), optional \`outcome_id\` and \`note\`, and one \`file\`. Limits: ${JSON.stringify(attachmentLimits())}.`,
        tags: ['risk'],
        consumes: ['multipart/form-data'],
        response: {
          201: attachmentSchema,
          ...errorResponses(400, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('request.invalid', 'expected multipart/form-data with a file', 400);
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const parsed = z
            .object({
              reference: z.string().min(1).max(64),
              kind: z.enum(ATTACHMENT_KINDS),
              outcome_id: z.coerce.number().int().positive().optional(),
              note: z.string().max(2000).optional(),
            })
            .safeParse(fields);
          if (!parsed.success)
            throw new AppError(
              'request.invalid',
              `give reference and kind before the file: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
              400,
            );
          try {
            const saved = await addAttachment(
              database,
              actorFrom(request),
              { ...parsed.data, file_name: part.filename || 'attachment' },
              part.file,
              officeScope(request),
            );
            return reply.code(201).send(saved);
          } catch (error) {
            if (
              (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ||
              (error as { code?: string }).code === 'upload.too_large'
            )
              throw new AppError('upload.too_large', (error as Error).message, 413);
            throw error;
          }
        }
        fields[part.fieldname] = String(part.value);
      }
      throw new AppError('upload.missing_file', 'no file in the request (field "file")', 400);
    },
  );

  typed.get(
    '/api/risk/declarations/:reference/attachments',
    {
      config: { permission: 'risk:attachments' },
      schema: {
        summary: 'Photos and documents attached to a declaration and its outcomes',
        tags: ['risk'],
        params: z.object({ reference: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(attachmentSchema) }), 404: errorSchema },
      },
    },
    async (request) => {
      const items = await listAttachments(db, request.params.reference, officeScope(request));
      if (!items)
        throw new NotFoundError('declaration.not_found', `no declaration ${request.params.reference}`);
      return { items };
    },
  );

  typed.get(
    '/api/risk/attachments/:id',
    {
      config: { permission: 'risk:attachments' },
      schema: {
        summary: 'The bytes of an attachment',
        tags: ['risk'],
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const a = await getAttachment(db, request.params.id, officeScope(request));
      if (!a) throw new NotFoundError('risk.attachment_not_found', `no attachment #${request.params.id}`);
      return sendStoredFile(reply, database, a);
    },
  );
}
