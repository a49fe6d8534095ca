import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { rebuildJob } from './job.ts';
import { valuationMigrations } from './migrations/index.ts';
import { valuationRoutes } from './routes.ts';

/** The reference-value database: routes, `vigie valuation …` (loaded on demand) and the rebuild job. */
export const valuationModule: VigieModule = {
  name: 'valuation',
  routes: valuationRoutes,
  lazyCli: {
    command: 'valuation',
    description: 'the reference-value database: rebuild it, check a file of declarations against it',
    load: async () => {
      const { registerValuationCli } = await import('./cli.ts');
      return registerValuationCli;
    },
  },
  jobKinds: [rebuildJob as JobKind<never>],
  migrations: valuationMigrations,
};
