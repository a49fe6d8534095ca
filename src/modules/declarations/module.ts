import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { registerDeclarationCommands } from './cli.ts';
import { declarationsTarget } from './import-target.ts';
import { declarationsMigrations } from './migrations/index.ts';
import { declarationRoutes } from './routes.ts';
import { declarationSearch } from './search.ts';

export const declarationsModule: VigieModule = {
  name: 'declarations',
  routes: declarationRoutes,
  cli: registerDeclarationCommands,
  importTargets: [declarationsTarget as ImportTarget<unknown>],
  migrations: declarationsMigrations,
  search: declarationSearch,
};
