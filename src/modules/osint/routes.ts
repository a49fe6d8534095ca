/**
 * The online-monitoring API under /api/osint, one file per resource in routes/ (each with its zod schemas):
 * sources and their runs, collections (jobs), submitted URLs and uploaded exports, items, evidence (raw content,
 * verification), sellers and their identifiers (for the graph), the watchlist, alerts and decisions, the
 * classifier's version and analysis of posts on demand. Reading needs `osint:read`; changing anything
 * `osint:manage`. Collections run as jobs: follow them at /api/osint/jobs/{id}. Routes are registered in this
 * order, which is the order of the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/server/context.ts';
import { alertRoutes } from './routes/alerts.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { collectionRoutes } from './routes/collection.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { itemRoutes } from './routes/items.ts';
import { sellerRoutes } from './routes/sellers.ts';
import { sourceRoutes } from './routes/sources.ts';
import { watchlistRoutes } from './routes/watchlist.ts';

export async function osintRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  sourceRoutes(app, context);
  collectionRoutes(app, context);
  itemRoutes(app, context);
  evidenceRoutes(app, context);
  sellerRoutes(app, context);
  watchlistRoutes(app, context);
  alertRoutes(app, context);
  analysisRoutes(app, context);
}
