import type { JobKind } from '../jobs/queue.ts';
import type { VigieModule } from '../module.ts';
import { registerRetentionCommands } from './cli.ts';
import { purgeJob } from './job.ts';
import { PLATFORM_RETENTION } from './kinds.ts';
import { retentionRoutes } from './routes.ts';

/** Retention and legal holds: the platform's own kinds of data, the daily purge, its routes and commands. */
export const retentionModule: VigieModule = {
  name: 'retention',
  routes: retentionRoutes,
  cli: registerRetentionCommands,
  jobKinds: [purgeJob as JobKind<never>],
  retention: PLATFORM_RETENTION,
};
