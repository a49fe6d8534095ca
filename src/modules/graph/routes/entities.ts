/**
 * Entities under /api/graph/entities: search, one entity with its links and their provenance, adding an entity or
 * a link by hand, merging two entities by hand and splitting a merge.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { normalizePhone } from '../../osint/index.ts';
import { addEntity, addLink, entityDetail, searchEntities } from '../entities.ts';
import { LINK_TYPES } from '../keys.ts';
import { mergeByHand, splitByHand } from '../resolve.ts';
import { findEntity } from '../store.ts';
import { entityRef, entityType, hiddenFor, idParams } from './shared.ts';

const entitySchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    key: z.string(),
    label: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    merged_into: z.number().int().nullable(),
    hub: z.boolean(),
    manual: z.boolean(),
    note: z.string().nullable(),
    source_table: z.string().nullable(),
    source_id: z.string().nullable(),
  })
  .meta({ id: 'GraphEntity' });

const brief = z.object({ id: z.number().int(), type: z.string(), key: z.string(), label: z.string() });

const detailSchema = z
  .object({
    entity: entitySchema,
    merged: z.array(brief),
    links: z.object({
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
      items: z.array(
        z.object({
          id: z.number().int(),
          type: z.string(),
          direction: z.enum(['out', 'in']),
          other: brief,
          source_table: z.string(),
          source_id: z.string(),
          first_seen: z.string().nullable(),
          last_seen: z.string().nullable(),
          confidence: z.number(),
          note: z.string().nullable(),
          created_by: z.string().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'GraphEntityDetail' });

const note = z.string().trim().min(3).max(2000);

export function entityRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/graph/entities',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Entities of the link graph, by type and text (label or key)',
        tags: ['graph'],
        querystring: z.object({
          q: z.string().max(200).optional(),
          type: entityType.optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(entitySchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, q, type } = request.query;
      return {
        limit,
        offset,
        ...(await searchEntities(database.db, { q, type, hidden: hiddenFor(request) }, { limit, offset })),
      };
    },
  );

  typed.get(
    '/api/graph/entities/:ref',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'An entity (by id or type:value) with its links, their provenance, and what was merged into it',
        tags: ['graph'],
        params: z.object({ ref: entityRef }),
        querystring: z.object({ ...pagingQuery }),
        response: { 200: detailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      entityDetail(
        database.db,
        request.params.ref,
        { hidden: hiddenFor(request), limit: request.query.limit, offset: request.query.offset },
        normalizePhone,
      ),
  );

  typed.post(
    '/api/graph/entities',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Add an entity by hand, with a note (audited)',
        tags: ['graph'],
        body: z.object({
          type: entityType,
          value: z.string().trim().min(1).max(300),
          label: z.string().trim().min(1).max(300).optional(),
          note,
          attributes: z
            .record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()]))
            .optional(),
        }),
        response: { 201: entitySchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addEntity(database, actorFrom(request), request.body)),
  );

  typed.post(
    '/api/graph/links',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Add a link by hand between two entities, with a note (audited)',
        tags: ['graph'],
        body: z.object({
          from: entityRef,
          to: entityRef,
          type: z.enum(LINK_TYPES),
          note,
          first_seen: isoDate.optional(),
          last_seen: isoDate.optional(),
          confidence: z.number().min(0).max(1).optional(),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            from: z.number().int(),
            to: z.number().int(),
            type: z.string(),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addLink(database, actorFrom(request), request.body, normalizePhone)),
  );

  typed.post(
    '/api/graph/entities/:id/merge',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Merge this entity into another of the same type (audited; reversible with split)',
        tags: ['graph'],
        params: idParams,
        body: z.object({ into: z.number().int().positive(), note: note.optional() }),
        response: {
          200: z.object({
            merged: z.number().int(),
            into: z.number().int(),
            moved: z.array(z.number().int()),
          }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) => {
      await findEntity(database.db, request.params.id);
      await findEntity(database.db, request.body.into);
      return mergeByHand(
        database,
        actorFrom(request),
        request.params.id,
        request.body.into,
        request.body.note ?? null,
      );
    },
  );

  typed.post(
    '/api/graph/entities/:id/split',
    {
      config: { permission: 'graph:manage' },
      schema: {
        summary: 'Undo the merge of this entity: it stands for itself again (audited)',
        tags: ['graph'],
        params: idParams,
        body: z.object({ note: note.optional() }).optional(),
        response: { 200: z.object({ split: z.array(z.number().int()) }), ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      await findEntity(database.db, request.params.id);
      return splitByHand(database, actorFrom(request), request.params.id, request.body?.note ?? null);
    },
  );
}
