/**
 * The build of the link graph as a background job: on demand (`POST /api/graph/build`, `vigie graph build`
 * elsewhere runs it in the foreground) and every 10 minutes incrementally (a no-op when nothing landed). A build
 * that read something is audited, with its counts.
 */
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { JobKind } from '../../platform/jobs/queue.ts';

export const buildParams = z.object({ sources: z.array(z.string().max(40)).max(10).optional() });
export type BuildParams = z.infer<typeof buildParams>;

export const buildJob: JobKind<BuildParams> = {
  kind: 'graph.build',
  title: (p) => `Link graph built${p.sources?.length ? ` from ${p.sources.join(', ')}` : ''}`,
  every: { cron: '*/10 * * * *', params: {} },
  retryLimit: 1,
  async run({ params: raw, actor, progress, database, signal }) {
    const params = buildParams.parse(raw ?? {});
    const { buildGraph } = await import('./build.ts');
    const result = await buildGraph(database, {
      signal,
      ...(params.sources ? { sources: params.sources } : {}),
      progress: (p) =>
        progress({
          done: p.read,
          total: p.total,
          unit: 'records',
          message: `${p.source}: ${p.entities} new entities, ${p.links} new links`,
        }),
    });
    if (result.read > 0)
      await appendAudit(database, actor, { action: 'graph.built', target_type: 'graph', after: result });
    return result;
  },
};
