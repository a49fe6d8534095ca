/**
 * Retention over HTTP: the kinds of data kept for a limited time with their periods, a purge (or a dry run) as a
 * job, and legal holds — list, place, release.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../auth/actor.ts';
import { jobSchema } from '../jobs/routes.ts';
import type { AppContext } from '../module.ts';
import { errorSchema } from '../server/errors.ts';
import { positiveIdParams } from '../server/route-kit.ts';
import { listHolds, placeHold, releaseHold } from './holds.ts';
import { configuredPeriods } from './job.ts';
import { retentionPeriods } from './purge.ts';

const holdSchema = z
  .object({
    id: z.number().int(),
    target_type: z.string(),
    target_id: z.string(),
    reason: z.string(),
    placed_by: z.string(),
    placed_at: z.string(),
    released_by: z.string().nullable(),
    released_at: z.string().nullable(),
  })
  .meta({ id: 'LegalHold' });

export async function retentionRoutes(
  app: FastifyInstance,
  { database, config, jobs, registry }: AppContext,
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/retention',
    {
      config: { permission: 'retention:manage' },
      schema: {
        summary: 'The kinds of data kept for a limited time, and their periods',
        tags: ['retention'],
        response: {
          200: z.object({
            items: z.array(z.object({ kind: z.string(), description: z.string(), days: z.number().int() })),
          }),
        },
      },
    },
    async () => ({
      items: retentionPeriods(registry.retention, configuredPeriods(config)).map(({ kind, days }) => ({
        kind: kind.name,
        description: kind.description,
        days,
      })),
    }),
  );

  typed.post(
    '/api/retention/purge',
    {
      config: { permission: 'retention:manage' },
      schema: {
        summary: 'Purge what is past its period now (or, with dry_run, only count it), as a job',
        tags: ['retention'],
        body: z.object({ dry_run: z.boolean().default(false) }),
        response: { 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) => {
      const job = await jobs.enqueue('retention.purge', request.body, actorFrom(request));
      return reply.code(202).send({ job });
    },
  );

  typed.get(
    '/api/legal-holds',
    {
      config: { permission: 'holds:read' },
      schema: {
        summary: 'Legal holds: records no purge may remove until released',
        tags: ['retention'],
        querystring: z.object({
          target_type: z.string().max(64).optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ items: z.array(holdSchema) }) },
      },
    },
    async (request) => ({
      items: await listHolds(database.db, {
        target_type: request.query.target_type,
        active: request.query.active === 'true',
      }),
    }),
  );

  typed.post(
    '/api/legal-holds',
    {
      config: { permission: 'holds:manage' },
      schema: {
        summary: 'Place a legal hold on a record',
        tags: ['retention'],
        body: z.object({
          target_type: z.string().min(1).max(64),
          target_id: z.string().min(1).max(128),
          reason: z.string().min(5).max(2000),
        }),
        response: { 201: holdSchema, 422: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await placeHold(database, actorFrom(request), request.body)),
  );

  typed.post(
    '/api/legal-holds/:id/release',
    {
      config: { permission: 'holds:manage' },
      schema: {
        summary: 'Release a legal hold (the record becomes purgeable again when past its period)',
        tags: ['retention'],
        params: positiveIdParams,
        body: z.object({ reason: z.string().min(5).max(2000) }),
        response: { 200: holdSchema, 404: errorSchema },
      },
    },
    async (request) => releaseHold(database, actorFrom(request), request.params.id, request.body.reason),
  );
}
