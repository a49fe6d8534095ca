import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { collectJob, reanalyzeJob, tickJob } from './jobs.ts';
import { osintMigrations } from './migrations/index.ts';
import { osintEvidenceKind, osintItemsKind } from './retention.ts';

/**
 * Online monitoring: sources, scheduled collection with evidence, analysis, sellers, alerts. Everything heavy
 * (Crawlee, the analysis pipeline, the routes) loads when used: other commands and processes do not pay for it.
 */
export const osintModule: VigieModule = {
  name: 'osint',
  async routes(app, context) {
    const { osintRoutes } = await import('./routes.ts');
    await osintRoutes(app, context);
  },
  lazyCli: {
    command: 'osint',
    description:
      'online monitoring: sources, collection, evidence, sellers, alerts; analyse posts (file mode), train the classifier',
    load: async () => {
      const { registerOsintCli } = await import('./cli.ts');
      return (program, context) => registerOsintCli(program, context);
    },
  },
  jobKinds: [collectJob, tickJob, reanalyzeJob] as JobKind<never>[],
  migrations: osintMigrations,
  retention: [osintItemsKind, osintEvidenceKind],
  // Loaded on the first search, like the routes.
  search: [
    {
      kind: 'online_seller',
      permission: 'osint:read',
      search: async (db, query) => (await import('./search.ts')).searchSellers(db, query),
    },
    {
      kind: 'identifier',
      permission: 'osint:read',
      search: async (db, query) => (await import('./search.ts')).searchIdentifiers(db, query),
    },
  ],
};
