import type { ImportTarget } from '../../platform/ingest/target.ts';
import type { VigieModule } from '../../platform/module.ts';
import { parcelsTarget } from './import-target.ts';
import { parcelsMigrations } from './migrations/index.ts';

/**
 * E-commerce parcels (docs/decisions/0021-parcels.md): item-level advance data of postal and express
 * consignments, imported through mapping profiles, scored before arrival (split orders, goods wording, contacts
 * linked to online sellers), listed and explained.
 */
export const parcelsModule: VigieModule = {
  name: 'parcels',
  routes: async (app, context) => (await import('./routes/index.ts')).parcelsRoutes(app, context),
  lazyCli: {
    command: 'parcels',
    description: 'e-commerce parcels: list, show, score before arrival, settings',
    load: async () => (await import('./cli.ts')).registerParcelsCli,
  },
  importTargets: [parcelsTarget] as ImportTarget<unknown>[],
  migrations: parcelsMigrations,
};
