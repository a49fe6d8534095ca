import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { seizuresTarget } from './import-target.ts';
import { casesMigrations } from './migrations/index.ts';

/** Cases and seizures: case files, links held while open, seizures, offence reports, the director's figures. */
export const casesModule: VigieModule = {
  name: 'cases',
  routes: async (app, context) => (await import('./routes/index.ts')).casesRoutes(app, context),
  importTargets: [seizuresTarget] as ImportTarget<unknown>[],
  migrations: casesMigrations,
};
