import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { partnerRoutes } from './routes.ts';
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
};
