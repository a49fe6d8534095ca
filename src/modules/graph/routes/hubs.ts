/**
 * Over-correlation control under /api/graph (docs/graph.md, "Hubs and exclusions"): the hubs to review and "keep
 * linking", and the editable exclusion list. Reading needs `graph:read`; changes `graph:manage`, audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { addExclusion, keepLinking, listExclusions, listHubs, removeExclusion } from '../hubs.ts';
import { hiddenFor, idParams } from './shared.ts';

const hubSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    key: z.string(),
    label: z.string(),
    degree: z.number().int(),
    excluded: z.boolean(),
    updated_at: z.string(),
  })
  .meta({ id: 'GraphHub' });

const exclusionSchema = z
  .object({
    type: z.string(),
    key: z.string(),
    note: z.string(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'GraphExclusion' });

const keyText = z.string().trim().min(3).max(500);

export function hubRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/graph/hubs',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'Identifiers shared too widely (hubs): in the graph but not crossed; most linked first (online-only ones need osint:read)',
        tags: ['graph'],
        response: { 200: z.object({ items: z.array(hubSchema) }) },
      },
    },
    async (request) => ({ items: await listHubs(database.db, hiddenFor(request)) }),
  );

  typed.post(
    '/api/graph/hubs/:id/keep',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Clear a hub mark: the entity links again and is no longer marked by degree (audited)',
        tags: ['graph'],
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        response: { 200: hubSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => keepLinking(database, actorFrom(request), request.params.id, request.body.reason),
  );

  typed.get(
    '/api/graph/exclusions',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'The exclusion list: values that never link',
        tags: ['graph'],
        response: { 200: z.object({ items: z.array(exclusionSchema) }) },
      },
    },
    async () => ({ items: await listExclusions(database.db) }),
  );

  typed.post(
    '/api/graph/exclusions',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary:
          'Exclude a value (type:value): it never links; in the graph already, it becomes a hub (audited)',
        tags: ['graph'],
        body: z.object({ key: keyText, note: z.string().trim().min(1).max(2000) }),
        response: { 201: exclusionSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addExclusion(database, actorFrom(request), request.body.key, request.body.note)),
  );

  typed.delete(
    '/api/graph/exclusions',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Take a value off the exclusion list: the next build links it again (audited)',
        tags: ['graph'],
        querystring: z.object({ key: keyText, note: z.string().trim().max(2000).optional() }),
        response: { 204: z.null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await removeExclusion(database, actorFrom(request), request.query.key, request.query.note ?? null);
      return reply.code(204).send(null);
    },
  );
}
