/**
 * The osint module's background jobs, registered with every process. Kept light: the work itself (Crawlee, the
 * analysis pipeline) loads when a job runs, never when a process starts.
 *
 * - `osint.collect`: one collection run of one source (progress in documents, cancellable).
 * - `osint.tick`: every minute, starts the collections that are due (one job each) and lets the classifier learn
 *   confirmations left pending.
 * - `osint.reanalyze`: analyses stored items again with the current model.
 */
import type { JobKind } from '../../platform/jobs/queue.ts';
import type { CollectJobParams, ReanalyzeJobParams } from './job-run.ts';

export const collectJob: JobKind<CollectJobParams> = {
  kind: 'osint.collect',
  title: (p) =>
    `Collection of osint source #${p.source_id}${p.file_name ? ` from ${p.file_name}` : ''}${
      p.urls?.length ? ` (${p.urls.length} URL${p.urls.length > 1 ? 's' : ''})` : ''
    }`,
  retryLimit: 1,
  retryDelay: 60,
  async run(ctx) {
    const { runCollectJob } = await import('./job-run.ts');
    return runCollectJob(ctx);
  },
};

export const tickJob: JobKind<Record<string, never>> = {
  kind: 'osint.tick',
  title: () => 'Online monitoring: start the collections that are due',
  retryLimit: 0,
  every: { cron: '* * * * *', params: {} },
  async run(ctx) {
    const { runTick } = await import('./job-run.ts');
    return runTick(ctx);
  },
};

export const reanalyzeJob: JobKind<ReanalyzeJobParams> = {
  kind: 'osint.reanalyze',
  title: (p) =>
    `Analyse collected items again${p.source_id ? ` (source #${p.source_id})` : ''} with the current model`,
  retryLimit: 0,
  async run(ctx) {
    const { runReanalyzeJob } = await import('./job-run.ts');
    return runReanalyzeJob(ctx);
  },
};
