/**
 * The back-tests that ran (jobs `risk.backtest` completed), newest first, as rows: what each tested, over
 * which period, and its headline figures beside those of the profiles active then. Read by the back-test export
 * and by four-eyes activation (a recent back-test of the version is required and shown).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { listJobs } from '../../platform/jobs/store.ts';
import type { BacktestResult } from './backtest.ts';

export interface BacktestRow {
  job_id: string;
  finished_at: string | null;
  created_by: number | null;
  profile_id: number;
  profile: string;
  from: string;
  to: string;
  items: number;
  selected_items: number;
  share: number | null;
  inspected: number;
  frauds: number;
  precision: number | null;
  recall: number | null;
  duties_recovered: number;
  active_precision: number | null;
  active_recall: number | null;
}

export async function listBacktests(
  db: Kysely<DB>,
  filters: { profile_id?: number | undefined },
  page: { limit: number; offset: number },
): Promise<BacktestRow[]> {
  const { items } = await listJobs(
    db,
    {
      kind: 'risk.backtest',
      state: 'completed',
      ...(filters.profile_id ? { param: { key: 'profile_id', value: filters.profile_id } } : {}),
    },
    page,
  );
  return items.map((job) => {
    const result = job.result as BacktestResult;
    const c = result.candidate.selection;
    const a = result.active?.report.selection;
    return {
      job_id: job.id,
      finished_at: job.finished_at,
      created_by: job.created_by,
      profile_id: Number(job.params.profile_id),
      profile: result.profile.map((p) => `${p.name} v${p.version}`).join(', '),
      from: result.from,
      to: result.to,
      items: result.candidate.items,
      selected_items: c.selected_items,
      share: c.share,
      inspected: c.inspected,
      frauds: c.frauds,
      precision: c.precision,
      recall: c.recall,
      duties_recovered: c.duties_recovered,
      active_precision: a?.precision ?? null,
      active_recall: a?.recall ?? null,
    };
  });
}
