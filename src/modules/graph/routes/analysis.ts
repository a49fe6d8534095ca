/**
 * Analysis under /api/graph: neighbours of an entity to a depth with filters, the shortest path between two
 * entities with each link's evidence, communities, centrality around an entity, and the risk signals of importers.
 * Every answer is bounded and says when it was cut (`truncated`).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { normalizePhone } from '../../osint/index.ts';
import { centrality, communities, neighbours, shortestPath } from '../analysis.ts';
import { graphRiskSignals } from '../signals.ts';
import { findEntity } from '../store.ts';
import { edgeSchema, entityRef, filterQuery, hiddenFor, nodeSchema } from './shared.ts';

const maxNodes = (max: number, byDefault: number) =>
  z.coerce.number().int().min(1).max(max).default(byDefault);

export function analysisRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const visible = async (ref: string, hidden: readonly string[]) => {
    const entity = await findEntity(database.db, ref, normalizePhone);
    if (hidden.includes(entity.type))
      throw new NotFoundError('graph_entity_not_found', `no entity ${ref} in the graph`);
    return entity;
  };

  typed.get(
    '/api/graph/neighbours',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'The entities within `depth` links of one, filtered by entity and link type and time window',
        tags: ['graph'],
        querystring: z.object({
          key: entityRef,
          depth: z.coerce.number().int().min(1).max(4).default(1),
          max_nodes: maxNodes(5000, 300),
          ...filterQuery,
        }),
        response: {
          200: z
            .object({
              center: nodeSchema,
              nodes: z.array(nodeSchema),
              edges: z.array(edgeSchema),
              truncated: z.boolean(),
            })
            .meta({ id: 'GraphNeighbourhood' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { key, depth, max_nodes, ...filters } = request.query;
      const hidden = hiddenFor(request);
      return neighbours(database.db, await visible(key, hidden), {
        ...filters,
        depth,
        maxNodes: max_nodes,
        hidden_types: hidden,
      });
    },
  );

  typed.get(
    '/api/graph/path',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'A shortest path between two entities, with the evidence of each link (found: false when none)',
        tags: ['graph'],
        querystring: z.object({
          from: entityRef,
          to: entityRef,
          max_depth: z.coerce.number().int().min(1).max(8).default(6),
          max_nodes: maxNodes(100_000, 20_000),
          ...filterQuery,
        }),
        response: {
          200: z
            .object({
              from: nodeSchema,
              to: nodeSchema,
              found: z.boolean(),
              length: z.number().int().nullable(),
              nodes: z.array(nodeSchema),
              steps: z.array(edgeSchema),
              explored: z.number().int(),
              truncated: z.boolean(),
            })
            .meta({ id: 'GraphPath' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { from, to, max_depth, max_nodes, ...filters } = request.query;
      const hidden = hiddenFor(request);
      return shortestPath(database.db, await visible(from, hidden), await visible(to, hidden), {
        ...filters,
        maxDepth: max_depth,
        maxNodes: max_nodes,
        hidden_types: hidden,
      });
    },
  );

  typed.get(
    '/api/graph/communities',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Communities of the graph (Louvain), largest first, and its connected components',
        tags: ['graph'],
        querystring: z.object({
          min_size: z.coerce.number().int().min(2).max(100_000).default(3),
          max_links: z.coerce.number().int().min(1).max(2_000_000).default(200_000),
          limit: z.coerce.number().int().min(1).max(200).default(20),
          around: entityRef
            .optional()
            .describe(
              'only the connected component of this entity (loaded breadth first, at most max_nodes)',
            ),
          max_nodes: maxNodes(200_000, 100_000),
        }),
        response: {
          200: z
            .object({
              communities: z.array(
                z.object({
                  id: z.number().int(),
                  size: z.number().int(),
                  types: z.record(z.string(), z.number().int()),
                  members: z.array(nodeSchema.extend({ degree: z.number().int() })),
                }),
              ),
              components: z.object({ count: z.number().int(), largest: z.number().int() }),
              nodes: z.number().int(),
              links: z.number().int(),
              modularity: z.number().nullable(),
              truncated: z.boolean(),
            })
            .meta({ id: 'GraphCommunities' }),
          400: errorSchema,
        },
      },
    },
    async (request) =>
      communities(database.db, {
        minSize: request.query.min_size,
        maxLinks: request.query.max_links,
        limit: request.query.limit,
        hidden_types: hiddenFor(request),
        around: request.query.around ? await visible(request.query.around, hiddenFor(request)) : undefined,
        maxNodes: request.query.max_nodes,
      }),
  );

  typed.get(
    '/api/graph/centrality',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary: 'Degree and betweenness of the entities around one (a bounded subgraph), most central first',
        tags: ['graph'],
        querystring: z.object({
          key: entityRef,
          depth: z.coerce.number().int().min(1).max(4).default(2),
          max_nodes: maxNodes(5000, 1000),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          ...filterQuery,
        }),
        response: {
          200: z.object({
            nodes: z.array(nodeSchema.extend({ degree: z.number().int(), betweenness: z.number() })),
            size: z.number().int(),
            truncated: z.boolean(),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { key, depth, max_nodes, limit, ...filters } = request.query;
      const hidden = hiddenFor(request);
      return centrality(database.db, await visible(key, hidden), {
        ...filters,
        depth,
        maxNodes: max_nodes,
        limit,
        hidden_types: hidden,
      });
    },
  );

  typed.get(
    '/api/graph/signals',
    {
      config: { permission: 'graph:read' },
      schema: {
        summary:
          'Risk signals of importers: within 2 links of an online seller with alerts or of a seizure, with the path',
        tags: ['graph'],
        querystring: z.object({
          importers: z
            .string()
            .min(1)
            .max(2000)
            .transform((s) => s.split(',').filter(Boolean))
            .pipe(z.array(z.string().max(60)).min(1).max(100)),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                importer: z.string(),
                score: z.number(),
                explanation: z.string().nullable(),
                paths: z.array(
                  z.object({
                    nodes: z.array(
                      z.object({
                        id: z.number().int(),
                        type: z.string(),
                        key: z.string(),
                        label: z.string(),
                      }),
                    ),
                    link_types: z.array(z.string()),
                    finding: z.string(),
                    score: z.number(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses(400, 403),
        },
      },
    },
    async (request, reply) => {
      // The paths name online sellers: only for those who may read online monitoring.
      if (hiddenFor(request).length)
        return reply
          .code(403)
          .send({ code: 'forbidden', message: 'risk signals name online sellers: osint:read is needed too' });
      const signals = await graphRiskSignals(database.db, request.query.importers);
      return { items: [...signals.values()] };
    },
  );
}
