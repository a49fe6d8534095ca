/**
 * `GET /api/graph/export`: a network (the neighbourhood of an entity) as CSV of nodes or of edges, or as GraphML.
 * Reading needs `graph:read`; online-only entities are left out for whoever may not read online monitoring, as in
 * every answer of the graph. Every export is audited (what, how deep, how much left).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { normalizePhone } from '../../osint/index.ts';
import { neighbours } from '../analysis.ts';
import { CSV_PARTS, EXPORT_FORMATS, exportFile } from '../export.ts';
import { findEntity } from '../store.ts';
import { entityRef, filterQuery, hiddenFor } from './shared.ts';

/** A text body on a route whose typed answers are its errors (the file is not JSON). */
const sendText = (reply: FastifyReply, body: string) => reply.send(body);

export function exportRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/graph/export',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'A network (the neighbourhood of an entity) as CSV of nodes or edges, or GraphML (audited)',
        description:
          '`format=csv` gives the nodes (`part=nodes`, the default) or the edges (`part=edges`): two requests ' +
          'for both tables; `format=graphml` gives both in one file. Cells a spreadsheet would run as formulas ' +
          'are escaped with a leading apostrophe.',
        tags: ['graph'],
        querystring: z.object({
          key: entityRef,
          depth: z.coerce.number().int().min(1).max(4).default(2),
          max_nodes: z.coerce.number().int().min(1).max(5000).default(1000),
          format: z.enum(EXPORT_FORMATS).default('csv'),
          part: z.enum(CSV_PARTS).default('nodes'),
          ...filterQuery,
        }),
        produces: ['text/csv', 'application/graphml+xml'],
        response: { ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { key, depth, max_nodes, format, part, ...filters } = request.query;
      const hidden = hiddenFor(request);
      const center = await findEntity(database.db, key, normalizePhone);
      if (hidden.includes(center.type))
        throw new NotFoundError('graph_entity_not_found', `no entity ${key} in the graph`);
      const network = await neighbours(database.db, center, {
        ...filters,
        depth,
        maxNodes: max_nodes,
        hidden_types: hidden,
      });
      const file = exportFile(network, format, part);
      await appendAudit(database, actorFrom(request), {
        action: 'graph.exported',
        target_type: 'graph_entity',
        target_id: center.id,
        details: {
          key: `${center.type}:${center.key}`,
          format,
          ...(format === 'csv' ? { part } : {}),
          depth,
          filters,
          nodes: network.nodes.length,
          edges: network.edges.length,
          truncated: network.truncated,
        },
      });
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return sendText(reply, file.body);
    },
  );
}
