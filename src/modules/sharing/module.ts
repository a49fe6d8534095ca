import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { registerSharingCli } from './cli-commands.ts';
import { pushJob } from './job.ts';
import { sharingMigrations } from './migrations/index.ts';

/**
 * Cooperation between administrations: partners and this installation's Ed25519 key, mutual administrative
 * assistance, closed user groups and CENcomm-like messages (seizure reports split by the nominal agreement), the
 * signed, hash-chained ledger of what was shared with Merkle checkpoints (docs/decisions/0020-sharing.md).
 */
export const sharingModule: VigieModule = {
  name: 'sharing',
  routes: async (app, context) => (await import('./routes/index.ts')).sharingRoutes(app, context),
  cli: registerSharingCli,
  migrations: sharingMigrations,
  jobKinds: [pushJob as JobKind<never>],
};
