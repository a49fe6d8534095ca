/**
 * Saved networks under /api/graph/networks (docs/graph.md, "Saved networks"): save the chart (entities, positions,
 * pins, start, filters) with a name and a note, list, open, delete, export as CSV of nodes or edges or GraphML.
 * Reading and saving need `graph:read` (saving a chart changes nothing in the graph); deleting needs to be the
 * author or `graph:manage`. What a network shows follows the records behind each link: without `osint:read`, no
 * online-only entity and no link that only online monitoring asserts. Saving, deleting and exporting are audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { CSV_PARTS, EXPORT_FORMATS } from '../export.ts';
import { LINK_TYPES } from '../keys.ts';
import {
  deleteNetwork,
  exportNetwork,
  listNetworks,
  MAX_SAVED_NODES,
  openNetwork,
  saveNetwork,
  type Viewer,
} from '../networks.ts';
import { edgeSchema, entityRef, entityType, idParams, nodeSchema } from './shared.ts';

const coordinate = z.number().finite().min(-1e7).max(1e7);

const filtersSchema = z
  .object({
    types: z.array(entityType).max(30).optional(),
    link_types: z.array(z.enum(LINK_TYPES)).max(30).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    depth: z.number().int().min(1).max(4).optional(),
  })
  .strict();

const summarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    note: z.string(),
    start_key: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'GraphNetworkSummary' });

const networkSchema = summarySchema
  .extend({
    filters: z.object({
      types: z.array(z.string()).optional(),
      link_types: z.array(z.string()).optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      depth: z.number().int().optional(),
    }),
    nodes: z.array(
      nodeSchema.extend({ x: z.number(), y: z.number(), pinned: z.boolean() }).meta({ id: 'GraphSavedNode' }),
    ),
    edges: z.array(edgeSchema),
    merged: z.number().int(),
    truncated: z.boolean(),
  })
  .meta({ id: 'GraphNetwork' });

const viewerOf = (request: FastifyRequest): Viewer => ({
  osint: request.user?.permissions.has('osint:read') ?? false,
});

/** A text body on a route whose typed answers are its errors (the file is not JSON). */
const sendText = (reply: FastifyReply, body: string) => reply.send(body);

export function networkRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/graph/networks',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Saved networks, the newest first',
        tags: ['graph'],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(summarySchema) }) },
      },
    },
    async (request) => listNetworks(database.db, request.query),
  );

  typed.post(
    '/api/graph/networks',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'Save a chart as a network: its entities with positions and pins, start and filters (audited)',
        tags: ['graph'],
        body: z
          .object({
            name: z.string().trim().min(1).max(200),
            note: z.string().trim().max(4000).optional(),
            start_key: entityRef.nullable().optional(),
            filters: filtersSchema.optional(),
            nodes: z
              .array(
                z
                  .object({
                    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
                    x: coordinate,
                    y: coordinate,
                    pinned: z.boolean().optional(),
                  })
                  .strict(),
              )
              .min(1)
              .max(MAX_SAVED_NODES),
          })
          .strict(),
        response: { 201: networkSchema, 400: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await saveNetwork(database, actorFrom(request), request.body, viewerOf(request))),
  );

  typed.get(
    '/api/graph/networks/:id',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'A saved network as the graph holds it now: its entities at their positions and the links between them ' +
          '(online-only entities and links need osint:read)',
        tags: ['graph'],
        params: idParams,
        response: { 200: networkSchema, 404: errorSchema },
      },
    },
    async (request) => openNetwork(database.db, request.params.id, viewerOf(request)),
  );

  typed.delete(
    '/api/graph/networks/:id',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Delete a saved network (its author, or graph:manage; audited)',
        tags: ['graph'],
        params: idParams,
        response: { 204: z.null(), ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteNetwork(database, actorFrom(request), request.params.id, {
        manage: request.user?.permissions.has('graph:manage') ?? false,
      });
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/graph/networks/:id/export',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'A saved network as CSV of nodes or edges, or GraphML, as the caller may see it (audited)',
        tags: ['graph'],
        params: idParams,
        querystring: z.object({
          format: z.enum(EXPORT_FORMATS).default('csv'),
          part: z.enum(CSV_PARTS).default('nodes'),
        }),
        produces: ['text/csv', 'application/graphml+xml'],
        response: { ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { format, part } = request.query;
      const file = await exportNetwork(
        database,
        actorFrom(request),
        request.params.id,
        viewerOf(request),
        format,
        part,
      );
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return sendText(reply, file.body);
    },
  );
}
