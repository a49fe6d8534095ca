/** `sharing.push`: delivers the outbox's due messages to partner installations, every minute. */
import type { JobKind } from '../../platform/jobs/queue.ts';

export const pushJob: JobKind<Record<string, never>> = {
  kind: 'sharing.push',
  title: () => 'Messages pushed to partner installations',
  every: { cron: '* * * * *', params: {} },
  retryLimit: 0,
  async run({ database, config, actor, progress }) {
    const { deliverDue } = await import('./push.ts');
    const report = await deliverDue(database, config.sharingKeyFile, actor);
    progress({
      done: report.delivered + report.refused + report.retried,
      unit: 'messages',
      message: `${report.delivered} delivered, ${report.retried} to retry, ${report.refused} refused`,
    });
    return report;
  },
};
