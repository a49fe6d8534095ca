/**
 * The risk-targeting API under /api/risk, one file per resource (each with its zod schemas; the shapes of scoring,
 * selection and decisions in decision-schemas.ts): indicators and rule profiles, watchlists, office parameters and
 * settings, scoring and the daily selection with its decisions, statistics and integrity, attachments, campaigns.
 * Four-eyes activation requests and the profile diff are in approvals.ts. Routes are registered in this order, which is the order of the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/server/context.ts';
import { approvalRoutes } from './approvals.ts';
import { attachmentRoutes } from './attachments.ts';
import { backtestRoutes } from './backtests.ts';
import { campaignRoutes } from './campaigns.ts';
import { orderRoutes } from './order.ts';
import { parameterRoutes } from './parameters.ts';
import { preArrivalRoutes } from './prearrival.ts';
import { indicatorRoutes, profileRoutes } from './profiles.ts';
import { selectionRoutes } from './selection.ts';
import { statisticsRoutes } from './statistics.ts';
import { watchlistRoutes } from './watchlists.ts';

export async function riskRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  indicatorRoutes(app, context);
  profileRoutes(app, context);
  approvalRoutes(app, context);
  backtestRoutes(app, context);
  watchlistRoutes(app, context);
  parameterRoutes(app, context);
  selectionRoutes(app, context);
  orderRoutes(app, context);
  preArrivalRoutes(app, context);
  statisticsRoutes(app, context);
  attachmentRoutes(app, context);
  campaignRoutes(app, context);
}
