/**
 * The exploration replay as a job (decision 0040): the week-by-week replay of exploitation against exploration
 * (ml/backtest.ts) over the labelled declarations of a period, with progress per week, its results kept in
 * `model_replays` (per strategy and week: precision, recoveries, frauds found only by exploration).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { JobKind } from '../../platform/jobs/queue.ts';
import { loadLines } from '../declarations/index.ts';
import { backtestAsync, DEFAULT_BACKTEST, type StrategyResult } from './backtest.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const REPLAY_STRATEGIES = ['exploit', 'hybrid-random', 'hybrid-uncertainty', 'random'] as const;
/** Weeks fully labelled at the start (the first model's history) plus at least one replayed week. */
export const REPLAY_MIN_DAYS = 7 * (DEFAULT_BACKTEST.initialWeeks + 1);

const replayShape = z.object({
  model_id: z.number().int().positive(),
  from: isoDay,
  to: isoDay,
  exploration_share: z
    .number({ error: 'the exploration share must be a number from 0 to 1' })
    .min(0, 'the exploration share must be from 0 to 1')
    .max(1, 'the exploration share must be from 0 to 1'),
  inspection_rate: z
    .number()
    .gt(0, 'the inspection rate must be above 0 and at most 1')
    .max(1, 'the inspection rate must be above 0 and at most 1')
    .default(0.1),
  strategies: z
    .array(z.enum(REPLAY_STRATEGIES))
    .min(1, 'name at least one strategy')
    .max(REPLAY_STRATEGIES.length)
    .refine((s) => new Set(s).size === s.length, 'a strategy is named twice')
    .default(['exploit', 'hybrid-random', 'hybrid-uncertainty']),
});

function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (Number.isNaN(days)) ctx.addIssue({ code: 'custom', message: 'not a calendar date', path: ['from'] });
  else if (days <= 0) ctx.addIssue({ code: 'custom', message: 'to comes before from', path: ['to'] });
  else if (days < REPLAY_MIN_DAYS)
    ctx.addIssue({
      code: 'custom',
      message: `the period needs at least ${REPLAY_MIN_DAYS} days: ${DEFAULT_BACKTEST.initialWeeks} fully labelled weeks, then the weeks replayed`,
      path: ['to'],
    });
}

export const replayParams = replayShape.superRefine(checkPeriod);
/** What the API takes: the model defaults to the active one. */
export const replayRequest = replayShape
  .extend({ model_id: z.number().int().positive().optional() })
  .superRefine(checkPeriod)
  .meta({ id: 'ReplayRequest' });
export type ReplayParams = z.infer<typeof replayParams>;

export interface StoredReplay {
  id: number;
  job_id: string;
  model_id: number | null;
  from: string;
  to: string;
  exploration_share: number;
  inspection_rate: number;
  strategies: string[];
  lines: number;
  results: StrategyResult[];
  created_by: number | null;
  created_at: string;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export async function getReplay(db: Kysely<DB>, jobId: string): Promise<StoredReplay | null> {
  const row = await db.selectFrom('model_replays').selectAll().where('job_id', '=', jobId).executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    job_id: row.job_id,
    model_id: row.model_id === null ? null : Number(row.model_id),
    from: row.period_from,
    to: row.period_to,
    exploration_share: Number(row.exploration_share),
    inspection_rate: Number(row.inspection_rate),
    strategies: json<string[]>(row.strategies),
    lines: row.lines,
    results: json<StrategyResult[]>(row.results),
    created_by: row.created_by === null ? null : Number(row.created_by),
    created_at: new Date(row.created_at as unknown as string).toISOString(),
  };
}

export const replayJob: JobKind<ReplayParams> = {
  kind: 'model.replay',
  title: (p) =>
    `Exploration replay ${p.from} to ${p.to} (exploration ${Math.round(p.exploration_share * 100)} %)`,
  retryLimit: 0,
  async run({ id, params: raw, actor, database, progress, signal }) {
    const params = replayParams.parse(raw);
    const model = await database.db
      .selectFrom('model_versions')
      .select(['id', 'target'])
      .where('id', '=', params.model_id)
      .executeTakeFirst();
    if (!model) throw new Error(`model #${params.model_id} does not exist`);
    progress({ done: 0, total: null, unit: 'weeks', message: 'reading labelled declarations' });
    const lines = await loadLines(database.db, { from: params.from, to: params.to, labelledOnly: true });
    if (lines.length < 200)
      throw new Error(`only ${lines.length} labelled lines in the period: at least 200 are needed`);
    signal.throwIfAborted();
    const results = await backtestAsync(
      lines,
      {
        strategies: [...params.strategies],
        explorationShare: params.exploration_share,
        inspectionRate: params.inspection_rate,
        target: model.target,
      },
      {
        signal,
        onProgress: (p) =>
          progress({
            done: p.done,
            total: p.total,
            unit: 'weeks',
            message: `${p.strategy}: week of ${p.week.from}`,
          }),
      },
    );
    await database.db
      .insertInto('model_replays')
      .values({
        job_id: id,
        model_id: params.model_id,
        period_from: params.from,
        period_to: params.to,
        exploration_share: params.exploration_share,
        inspection_rate: params.inspection_rate,
        strategies: JSON.stringify(params.strategies),
        lines: lines.length,
        results: JSON.stringify(results),
        created_by: actor.id,
      })
      .execute();
    return {
      lines: lines.length,
      strategies: results.map((r) => ({
        strategy: r.strategy,
        precision: r.precision,
        recall: r.recall,
        revenue: r.revenue,
        caught_by_exploration: r.weeks.reduce((s, w) => s + w.caughtByExploration, 0),
      })),
    };
  },
};
