/**
 * The daily purge as a background job (02:30 UTC), and on demand. Progress goes kind by kind.
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { JobKind } from '../jobs/queue.ts';
import { runPurge } from './purge.ts';

export const purgeParams = z.object({ dry_run: z.boolean().default(false) });

/** The periods in force: the configured ones over each kind's default; uploads keep the date set when stored. */
export const configuredPeriods = (config: Config): Record<string, number> => ({
  uploads: config.uploadRetentionDays,
  ...config.retentionDays,
});

export const purgeJob: JobKind<z.input<typeof purgeParams>> = {
  kind: 'retention.purge',
  title: (p) =>
    p.dry_run ? 'Retention: what the purge would remove' : 'Retention: purge of data past its period',
  every: { cron: '30 2 * * *', params: { dry_run: false } },
  retryLimit: 1,
  async run({ params, database, config, actor, progress, retention }) {
    const { dry_run } = purgeParams.parse(params ?? {});
    return runPurge(database, retention, configuredPeriods(config), actor, {
      dryRun: dry_run,
      onProgress: (done, total, kind) => progress({ done, total, unit: 'kinds', message: kind }),
    });
  },
};
