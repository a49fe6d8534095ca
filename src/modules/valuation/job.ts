/**
 * The rebuild of reference values as a background job: on demand (full, or by HS4 heading) and every 15 minutes
 * incrementally, which picks up the headings of declarations imported, and of officer outcomes recorded, since the
 * last build (a no-op when there are none).
 */
import { z } from 'zod';
import type { JobKind } from '../../platform/jobs/queue.ts';
import { rebuildReferences } from './references.ts';

export const rebuildParams = z.object({
  scope: z.enum(['full', 'incremental', 'hs']).default('incremental'),
  hs: z
    .array(z.string().regex(/^[0-9]{4,10}$/, 'expected an HS heading (4 digits or more)'))
    .max(10_000)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type RebuildParams = z.infer<typeof rebuildParams>;

export const rebuildJob: JobKind<RebuildParams> = {
  kind: 'valuation.rebuild',
  title: (p) =>
    p.scope === 'hs'
      ? `Reference values rebuilt for ${(p.hs ?? []).slice(0, 5).join(', ')}`
      : `Reference values rebuilt (${p.scope ?? 'incremental'})`,
  every: { cron: '*/15 * * * *', params: { scope: 'incremental' } },
  retryLimit: 1,
  async run({ params: raw, actor, progress, database }) {
    const params = rebuildParams.parse(raw ?? {});
    progress({ done: 0, total: 1, unit: 'builds', message: `${params.scope} rebuild` });
    const result = await rebuildReferences(database, {
      scope: params.scope,
      ...(params.hs ? { hs: params.hs } : {}),
      ...(params.to ? { to: params.to } : {}),
      by: actor.name,
    });
    progress({ done: 1, total: 1, unit: 'builds', message: result.skipped ?? `${result.groups} references` });
    return result;
  },
};
