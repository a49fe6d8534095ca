/**
 * The link-graph API under /api/graph, one file per resource (docs/graph.md): entities (search, detail with
 * provenance, added by hand, merge, split), analysis (neighbours, path, communities, centrality, risk signals), exports (CSV, GraphML),
 * merge suggestions, hubs and exclusions, saved networks, and the build. Reading needs `graph:read` (online-only entities also `osint:read`); changing
 * anything `graph:manage`, and is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/server/context.ts';
import { analysisRoutes } from './analysis.ts';
import { buildRoutes } from './build.ts';
import { entityRoutes } from './entities.ts';
import { exportRoutes } from './export.ts';
import { hubRoutes } from './hubs.ts';
import { networkRoutes } from './networks.ts';
import { suggestionRoutes } from './suggestions.ts';

export async function graphRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  buildRoutes(app, context);
  entityRoutes(app, context);
  analysisRoutes(app, context);
  suggestionRoutes(app, context);
  exportRoutes(app, context);
  hubRoutes(app, context);
  networkRoutes(app, context);
}
