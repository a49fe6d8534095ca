/**
 * Collections under /api/osint: collect a source now, upload an export to a file source, submit single URLs, and
 * follow the job each of them starts (osint jobs only).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { jobSchema } from '../../../platform/jobs/routes.ts';
import { getJob } from '../../../platform/jobs/store.ts';
import { AppError, NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { receiveUpload } from '../../../platform/uploads/uploads.ts';
import { httpUrl } from '../source-config.ts';
import { getSource, getSourceRow, submittedUrlSource } from '../sources.ts';
import { idParams, jobAnswer, queueJob } from './shared.ts';

export function collectionRoutes(app: FastifyInstance, { database, config, jobs }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/osint/sources/:id/collect',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Collect from a source now (a background job)',
        tags: ['osint'],
        params: idParams,
        body: z.object({ urls: z.array(httpUrl).max(1000).optional() }).optional(),
        response: { 202: jobAnswer, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const source = await getSource(database.db, request.params.id);
      if (source.type === 'file')
        throw new AppError(
          'osint.file_needed',
          'a file source collects from an uploaded file: POST it to /api/osint/sources/{id}/upload',
          400,
        );
      const urls = request.body?.urls;
      const answer = await queueJob(
        jobs,
        'osint.collect',
        { source_id: source.id, ...(urls?.length ? { urls } : {}) },
        actorFrom(request),
      );
      return reply.code(202).send(answer);
    },
  );

  typed.post(
    '/api/osint/sources/:id/upload',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Upload a platform export to a file source and collect it (a background job)',
        description: 'multipart/form-data with one `file` (NDJSON, CSV or JSON, as the source says).',
        tags: ['osint'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 202: jobAnswer, ...errorResponses(400, 404, 413) },
      },
    },
    async (request, reply) => {
      const source = await getSourceRow(database.db, request.params.id);
      if (!source) throw new NotFoundError('osint.source_not_found', `no source #${request.params.id}`);
      if (source.type !== 'file')
        throw new AppError('osint.not_a_file_source', `source #${source.id} is a ${source.type} source`, 400);
      return receiveUpload(
        request,
        database,
        {
          owner: 'osint',
          readPermission: 'osint:read',
          retainDays: config.uploadRetentionDays,
          maxBytes: config.uploadMaxMb * 1024 * 1024,
        },
        async ({ upload, fileName }) => {
          const answer = await queueJob(
            jobs,
            'osint.collect',
            { source_id: source.id, upload_id: upload.id, file_name: fileName },
            actorFrom(request),
          );
          return reply.code(202).send(answer);
        },
      );
    },
  );

  typed.post(
    '/api/osint/submissions',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Collect single URLs an investigator found (kept as evidence, analysed, like any source)',
        tags: ['osint'],
        body: z.object({ urls: z.array(httpUrl).min(1).max(100) }),
        response: { 202: jobAnswer, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const actor = actorFrom(request);
      const source = await submittedUrlSource(database, actor);
      const answer = await queueJob(
        jobs,
        'osint.collect',
        { source_id: source.id, urls: request.body.urls },
        actor,
      );
      return reply.code(202).send(answer);
    },
  );

  typed.get(
    '/api/osint/jobs/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'A collection or re-analysis job (osint jobs only), with its progress',
        tags: ['osint'],
        params: z.object({ id: z.uuid('expected a job id') }),
        response: { 200: jobSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const job = jobs.live(request.params.id) ?? (await getJob(database.db, request.params.id));
      if (!job?.kind.startsWith('osint.'))
        throw new NotFoundError('job.not_found', `no osint job ${request.params.id}`);
      return job;
    },
  );
}
