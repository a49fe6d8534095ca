import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { listImportRuns } from '../../platform/ingest/runs.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { errorResponses } from '../../platform/server/route-kit.ts';
import { getUploadFor, receiveUpload, sendStoredFile } from '../../platform/uploads/uploads.ts';
import { importRunSchema } from '../declarations/index.ts';
import { importJobParams } from './job.ts';

export async function importRoutes(
  app: FastifyInstance,
  { database, config, jobs }: AppContext,
): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/imports',
    {
      config: { permission: 'imports:read' },
      schema: {
        summary: 'Recent import runs, newest first',
        tags: ['imports'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(importRunSchema) }) },
      },
    },
    async (request) => ({ items: await listImportRuns(database.db, request.query.limit) }),
  );

  typed.post(
    '/api/imports',
    {
      config: { permission: 'imports:write' },
      schema: {
        summary: 'Upload a file and import it in the background',
        description:
          'multipart/form-data with the fields `target` (declarations, manifests, payments, companies, trademarks, ' +
          'seizures, persons, vehicles, properties, parcels), ' +
          '`profile` (a profile name, default native), `mode` (atomic or skip_invalid), optional `format`, `encoding`, ' +
          '`delimiter`, `decimal_separator` (. or ,), `date_format` (e.g. DD/MM/YYYY), `max_errors`, and one `file`. Answers 202 with the job; follow it at /api/jobs/{id}/events.',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: {
          202: z.object({ job: jobSchema, links: z.object({ job: z.string(), events: z.string() }) }),
          ...errorResponses(400, 413),
        },
      },
    },
    async (request, reply) =>
      receiveUpload(
        request,
        database,
        {
          owner: 'imports',
          readPermission: 'imports:read',
          retainDays: config.uploadRetentionDays,
          maxBytes: config.uploadMaxMb * 1024 * 1024,
        },
        async ({ upload, fileName, fields }) => {
          const parsed = importJobParams.safeParse({
            upload_id: upload.id,
            file_name: fileName,
            target: fields.target,
            profile: fields.profile ?? 'native',
            mode: fields.mode,
            format: fields.format || undefined,
            encoding: fields.encoding || undefined,
            delimiter: fields.delimiter || undefined,
            decimal_separator: fields.decimal_separator || undefined,
            date_format: fields.date_format || undefined,
            max_errors: fields.max_errors ? Number(fields.max_errors) : undefined,
          });
          if (!parsed.success) {
            throw new AppError(
              'request.invalid',
              `invalid import: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
              400,
            );
          }
          try {
            resolveProfile(parsed.data.target, parsed.data.profile, config.dataDir);
          } catch (error) {
            throw new AppError('import.bad_profile', (error as Error).message, 400);
          }
          const job = await jobs.enqueue('import', parsed.data, actorFrom(request));
          return reply
            .code(202)
            .send({ job, links: { job: `/api/jobs/${job.id}`, events: `/api/jobs/${job.id}/events` } });
        },
      ),
  );

  typed.get(
    '/api/uploads/:key',
    {
      config: { permission: 'session' },
      schema: {
        summary:
          'A stored file, such as the rejects of an import (only with the permission its owner gave it)',
        tags: ['imports'],
        params: z.object({ key: z.string().max(64).describe('the file’s key, as a job’s result gives it') }),
        produces: ['application/octet-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const upload = await getUploadFor(database, request.params.key, request.user!.permissions);
      if (!upload) throw new NotFoundError('upload.not_found', 'no such file (or not yours to read)');
      return sendStoredFile(reply, database, {
        upload_id: upload.id,
        file_name: upload.file_name,
        bytes: upload.bytes,
        sha256: upload.sha256,
        content_type: upload.file_name.endsWith('.csv')
          ? 'text/csv; charset=utf-8'
          : 'application/octet-stream',
      });
    },
  );
}
