import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { buildJob } from './job.ts';
import { graphMigrations } from './migrations/index.ts';

/**
 * The link graph (docs/graph.md): entities and links built from declarations, partner data and online
 * monitoring; entity resolution with analyst judgement; neighbours, paths, communities, centrality; risk signals.
 * Routes, commands and the build load on first use.
 */
export const graphModule: VigieModule = {
  name: 'graph',
  routes: async (app, context) => (await import('./routes/index.ts')).graphRoutes(app, context),
  lazyCli: {
    command: 'graph',
    description: 'the link graph: build it, neighbours, paths, communities, merge suggestions',
    load: async () => (await import('./cli.ts')).registerGraphCli,
  },
  jobKinds: [buildJob] as JobKind<never>[],
  migrations: graphMigrations,
};
