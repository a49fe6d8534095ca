/**
 * Sources of online monitoring under /api/osint/sources: list, add, show, change, remove, and a source's runs.
 * A source that may fetch from private or loopback addresses is an administrator's decision.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { listRuns } from '../run.ts';
import { SOURCE_TYPES } from '../source-config.ts';
import { createSource, deleteSource, getSource, listSources, updateSource } from '../sources.ts';
import { bool, idParams, pagedList, text } from './shared.ts';

const sourceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(SOURCE_TYPES),
    config: z.record(z.string(), z.unknown()),
    interval_minutes: z.number().int().nullable(),
    enabled: z.boolean(),
    owner_id: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    health: z.object({
      next_run_at: z.string().nullable(),
      running: z.boolean(),
      running_job_id: z.string().nullable(),
      last_run_at: z.string().nullable(),
      last_success_at: z.string().nullable(),
      last_status: z.enum(['ok', 'partial', 'failed', 'cancelled']).nullable(),
      last_items: z.number().int(),
      last_errors: z.number().int(),
      last_error: z.string().nullable(),
      total_items: z.number().int(),
      runs: z.number().int(),
    }),
  })
  .meta({ id: 'OsintSource' });

const problemSchema = z.object({
  where: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});

const runSchema = z
  .object({
    id: z.number().int(),
    source_id: z.number().int(),
    job_id: z.string().nullable(),
    started_by: z.string(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    status: z.enum(['running', 'ok', 'partial', 'failed', 'cancelled']),
    fetched: z.number().int(),
    skipped: z.number().int(),
    items_new: z.number().int(),
    items_seen: z.number().int(),
    reposts: z.number().int(),
    errors: z.number().int(),
    alerts: z.number().int(),
    problems: z.array(problemSchema),
  })
  .meta({ id: 'OsintRun' });

const sourceBody = z.object({
  name: z.string().min(1).max(200),
  type: z.enum(SOURCE_TYPES),
  config: z.record(z.string(), z.unknown()),
  interval_minutes: z.number().int().min(1).max(525_600).nullable().optional(),
  enabled: z.boolean().optional(),
});

function privateNetworkGuard(request: FastifyRequest, config: unknown): void {
  const wants =
    config !== null &&
    typeof config === 'object' &&
    (config as { allow_private_network?: unknown }).allow_private_network === true;
  if (wants && !request.user?.roles.includes('admin'))
    throw new AppError(
      'osint.private_network_admin_only',
      'only an administrator may let a source fetch from private or loopback addresses',
      403,
    );
}

export function sourceRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/osint/sources',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Sources of online monitoring with their health',
        tags: ['osint'],
        querystring: z.object({
          type: z.enum(SOURCE_TYPES).optional(),
          enabled: bool.optional(),
          q: text().optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(sourceSchema), 400: errorSchema },
      },
    },
    pagedList(database.db, listSources),
  );

  typed.post(
    '/api/osint/sources',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Add a source',
        description:
          'Types: feed (RSS/Atom/JSON Feed), json_api (JSON with a field mapping), web (pages and sites, crawled politely), file (platform exports: NDJSON, CSV, JSON), url (single URLs). See docs/osint-collection.md for each configuration. A bad configuration answers 400 with every problem located in `details.problems`.',
        tags: ['osint'],
        body: sourceBody,
        response: { 201: sourceSchema, ...errorResponses(400, 403, 409) },
      },
    },
    async (request, reply) => {
      privateNetworkGuard(request, request.body.config);
      const source = await createSource(database, actorFrom(request), request.body);
      return reply.code(201).send(source);
    },
  );

  getOneRoute(
    typed,
    '/api/osint/sources/:id',
    { permission: 'osint:read', tag: 'osint', summary: 'A source with its health', response: sourceSchema },
    async ({ id }) => getSource(database.db, id),
  );

  typed.patch(
    '/api/osint/sources/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Change a source (name, configuration, interval, enabled)',
        tags: ['osint'],
        params: idParams,
        body: sourceBody.omit({ type: true }).partial(),
        response: {
          200: sourceSchema,
          ...errorResponses(400, 403, 404, 409),
        },
      },
    },
    async (request) => {
      privateNetworkGuard(request, request.body.config);
      return updateSource(database, actorFrom(request), request.params.id, request.body);
    },
  );

  typed.delete(
    '/api/osint/sources/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Remove a source that never collected anything (otherwise disable it: evidence is kept)',
        tags: ['osint'],
        params: idParams,
        response: { 204: z.null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await deleteSource(database, actorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/osint/sources/:id/runs',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: "A source's collection runs, newest first, with their located problems",
        tags: ['osint'],
        params: idParams,
        querystring: z.object(pagingQuery),
        response: { 200: pageOf(runSchema), 404: errorSchema },
      },
    },
    async (request) => {
      await getSource(database.db, request.params.id);
      const { limit, offset } = request.query;
      return { limit, offset, ...(await listRuns(database, request.params.id, { limit, offset })) };
    },
  );
}
