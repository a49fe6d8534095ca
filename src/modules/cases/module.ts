import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { registerOperationsCli } from './cli-operations.ts';
import { registerReportCli } from './cli-report.ts';
import { registerSeizuresCli } from './cli-seizures.ts';
import { seizuresTarget } from './import-target.ts';
import { casesMigrations } from './migrations/index.ts';
import { caseSearch } from './search.ts';

/**
 * Cases and seizures: case files, links held while open, seizures, offence reports, test purchases and takedowns,
 * operations and their final reports, the director's figures.
 */
export const casesModule: VigieModule = {
  name: 'cases',
  routes: async (app, context) => (await import('./routes/index.ts')).casesRoutes(app, context),
  lazyCli: {
    command: 'cases',
    description: "case files: list, show, open, transition, note, link; the director's figures",
    load: async () => (await import('./cli.ts')).registerCasesCli,
  },
  cli: (program, context) => {
    registerSeizuresCli(program, context);
    registerOperationsCli(program, context);
    registerReportCli(program, context);
  },
  importTargets: [seizuresTarget] as ImportTarget<unknown>[],
  migrations: casesMigrations,
  search: caseSearch,
};
