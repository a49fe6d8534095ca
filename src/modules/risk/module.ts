import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { backtestJob } from './jobs.ts';
import { riskMigrations } from './migrations/index.ts';
import { riskRoutes } from './routes/index.ts';

/** Risk targeting: routes, `vigie risk …` (loaded on demand) and the back-test job. */
export const riskModule: VigieModule = {
  name: 'risk',
  routes: riskRoutes,
  lazyCli: {
    command: 'risk',
    description: 'risk targeting: rule profiles, back-tests, scoring, daily selection, statistics',
    load: async () => {
      const { registerRiskCli } = await import('./cli.ts');
      return registerRiskCli;
    },
  },
  jobKinds: [backtestJob as JobKind<never>],
  migrations: riskMigrations,
};
