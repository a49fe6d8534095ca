import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { partnersMigrations } from './migrations/index.ts';
import { partnerRoutes } from './routes.ts';
import { partnerSearch } from './search.ts';
import { companiesTarget, manifestsTarget, paymentsTarget, trademarksTarget } from './targets.ts';

export const partnersModule: VigieModule = {
  name: 'partners',
  routes: partnerRoutes,
  importTargets: [
    manifestsTarget,
    paymentsTarget,
    companiesTarget,
    trademarksTarget,
  ] as ImportTarget<unknown>[],
  migrations: partnersMigrations,
  search: partnerSearch,
};
