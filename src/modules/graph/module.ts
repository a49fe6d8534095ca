import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { personsTarget, propertiesTarget, vehiclesTarget } from './import-targets.ts';
import { buildJob } from './job.ts';
import { graphMigrations } from './migrations/index.ts';

/**
 * The link graph (docs/graph.md): entities and links built from declarations, partner data and online
 * monitoring, and imports of persons, vehicles and properties; entity resolution with analyst judgement; neighbours, paths, communities, centrality; risk signals.
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
  importTargets: [personsTarget, vehiclesTarget, propertiesTarget] as ImportTarget<unknown>[],
  jobKinds: [buildJob] as JobKind<never>[],
  migrations: graphMigrations,
};
