/** The back-test of a rule profile as a background job, with progress month by month. */
import { z } from 'zod';
import type { JobKind } from '../../platform/jobs/queue.ts';
import { backtest } from './backtest.ts';
import { activeProfiles, profileVersion } from './profiles.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const backtestParams = z
  .object({
    profile_id: z.number().int().positive(),
    from: date,
    to: date,
    offices: z.array(z.string().min(1).max(32)).max(1000).optional(),
    /** Compare with the profiles active now. */
    compare: z.boolean().default(true),
    references: z.enum(['rolling', 'current']).default('rolling'),
  })
  .refine((p) => p.to >= p.from, { message: 'to comes before from', path: ['to'] });
export type BacktestParams = z.infer<typeof backtestParams>;

export const backtestJob: JobKind<BacktestParams> = {
  kind: 'risk.backtest',
  title: (p) => `Back-test of rule profile #${p.profile_id} over ${p.from} to ${p.to}`,
  retryLimit: 0,
  async run({ params: raw, database, signal, progress }) {
    const params = backtestParams.parse(raw);
    const candidate = await profileVersion(database.db, params.profile_id);
    if (!candidate) throw new Error(`rule profile #${params.profile_id} does not exist`);
    const active = params.compare
      ? (await activeProfiles(database.db)).filter((p) => p.id !== candidate.id)
      : null;
    return backtest(database, [candidate], active, {
      from: params.from,
      to: params.to,
      offices: params.offices,
      references: params.references,
      signal,
      onProgress: (p) => progress({ done: p.done, total: p.total, unit: 'months', message: p.message }),
    });
  },
};
