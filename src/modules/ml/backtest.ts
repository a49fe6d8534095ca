/**
 * Back-test of targeting in the setting of Kim et al., "Active Learning for Human-in-the-Loop Customs
 * Inspection" (2022): time is replayed week by week; each week the model scores the new declarations, an
 * inspection budget selects some of them, and only the selected ones reveal their outcome — to the feature
 * state and to the next retraining. Pure exploitation (inspect the top scores) starves the model of labels on
 * what it does not already suspect; a hybrid keeps a share of the budget for exploration (random, or the most
 * uncertain scores). We report precision, revenue, and how well each strategy keeps finding new fraud.
 */
import type { DeclarationLine } from '../declarations/index.ts';
import { labelOf, type Target } from './api.ts';
import { FeatureBuilder } from './features/builder.ts';
import { dutiesOf } from './features/keys.ts';
import { FeatureState } from './features/state.ts';
import { trainGbdt } from './gbdt/booster.ts';
import { compileModel } from './gbdt/model.ts';
import type { GbdtParams } from './gbdt/params.ts';
import { predict } from './gbdt/predict.ts';
import { Rng } from './gbdt/prng.ts';
import { concatRows, type FeatureMatrix } from './matrix.ts';

export type Strategy = 'exploit' | 'hybrid-random' | 'hybrid-uncertainty' | 'random';

export interface BacktestOptions {
  /** Share of each week's declarations inspected. */
  inspectionRate: number;
  strategies: Strategy[];
  /** Share of the budget used for exploration by the hybrid strategies. */
  explorationShare: number;
  /** Weeks at the start whose outcomes are all known (the history the first model learns from). */
  initialWeeks: number;
  /** Retrain every this many weeks (the feature state absorbs revealed outcomes every week). */
  retrainEvery: number;
  /** Small, fast models: the replay trains one per week and strategy. */
  params: Partial<GbdtParams>;
  target: Target;
  seed: number;
}

export const DEFAULT_BACKTEST: BacktestOptions = {
  inspectionRate: 0.1,
  strategies: ['exploit', 'hybrid-random', 'hybrid-uncertainty'],
  explorationShare: 0.2,
  initialWeeks: 8,
  retrainEvery: 1,
  params: { nTrees: 60, learningRate: 0.2, maxDepth: 5, subsample: 0.8, colsampleByTree: 0.8 },
  target: 'fraud',
  seed: 0,
};

export interface WeekResult {
  week: number;
  from: string;
  lines: number;
  inspected: number;
  frauds: number;
  caught: number;
  /** Caught frauds whose importer had never been caught before. */
  caughtNewImporters: number;
  dutiesCaught: number;
  dutiesAll: number;
  /** Inspections spent outside what pure exploitation would have inspected this week (the top of the scores). */
  explored: number;
  /** Frauds found only by exploration: caught among `explored`. */
  caughtByExploration: number;
  /** Their duties at stake. */
  dutiesByExploration: number;
}

export interface StrategyResult {
  strategy: Strategy;
  weeks: WeekResult[];
  /** Frauds among inspected lines, over all replayed weeks. */
  precision: number;
  /** Share of all frauds caught. */
  recall: number;
  /** Duties at stake of caught frauds over those of all frauds. */
  revenue: number;
  /** Share of caught frauds from importers never caught before. */
  newImporterShare: number;
  /** Precision of the last quarter of weeks (does the strategy decay?). */
  finalPrecision: number;
  durationMs: number;
}

function weekIndex(first: string, date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / (7 * 86_400_000));
}

/** Replays time week by week for each strategy. Lines must all carry outcomes (they are revealed on selection). */
export function backtest(lines: DeclarationLine[], options: Partial<BacktestOptions> = {}): StrategyResult[] {
  const { weeks, o } = prepare(lines, options);
  return o.strategies.map((s) => {
    const steps = replay(weeks, s, o);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  });
}

export interface ReplayProgress {
  /** Weeks replayed so far, over all strategies, and the total. */
  done: number;
  total: number;
  strategy: Strategy;
  week: WeekResult;
}

/**
 * The same replay without holding the event loop: it yields after every week (a server keeps answering while a
 * replay job runs in it), reports progress, and stops when the signal aborts.
 */
export async function backtestAsync(
  lines: DeclarationLine[],
  options: Partial<BacktestOptions> = {},
  hooks: { signal?: AbortSignal; onProgress?: (p: ReplayProgress) => void } = {},
): Promise<StrategyResult[]> {
  const { weeks, o } = prepare(lines, options);
  const perStrategy = weeks.slice(o.initialWeeks).filter((w) => w.length > 0).length;
  const total = perStrategy * o.strategies.length;
  let done = 0;
  const out: StrategyResult[] = [];
  for (const strategy of o.strategies) {
    const steps = replay(weeks, strategy, o);
    for (;;) {
      hooks.signal?.throwIfAborted();
      const next = steps.next();
      if (next.done) {
        out.push(next.value);
        break;
      }
      done++;
      hooks.onProgress?.({ done, total, strategy, week: next.value });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return out;
}

function prepare(
  lines: DeclarationLine[],
  options: Partial<BacktestOptions>,
): { weeks: DeclarationLine[][]; o: BacktestOptions } {
  const o: BacktestOptions = { ...DEFAULT_BACKTEST, ...options };
  if (!(o.explorationShare >= 0 && o.explorationShare <= 1))
    throw new Error('backtest: explorationShare must be in [0, 1]');
  if (lines.length === 0) throw new Error('backtest: no lines');
  if (!(o.inspectionRate > 0 && o.inspectionRate <= 1))
    throw new Error('backtest: inspectionRate must be in (0, 1]');
  const sorted = lines
    .slice()
    .sort((a, b) => (a.lodged_on < b.lodged_on ? -1 : a.lodged_on > b.lodged_on ? 1 : 0));
  const first = sorted[0]!.lodged_on;
  const weeks: DeclarationLine[][] = [];
  for (const l of sorted) {
    const w = weekIndex(first, l.lodged_on);
    while (weeks.length <= w) weeks.push([]);
    weeks[w]!.push(l);
  }
  if (weeks.length <= o.initialWeeks)
    throw new Error(`backtest: needs more than ${o.initialWeeks} weeks of data`);
  return { weeks, o };
}

/** One strategy's replay, a week at a time (yields each week's result, returns the strategy's). */
function* replay(
  weeks: DeclarationLine[][],
  strategy: Strategy,
  o: BacktestOptions,
): Generator<WeekResult, StrategyResult, void> {
  const started = performance.now();
  const rng = new Rng(o.seed);
  const initial = weeks.slice(0, o.initialWeeks).flat();
  const builder = new FeatureBuilder(FeatureState.fit(initial));
  const parts: FeatureMatrix[] = [builder.transformOnline(initial)];
  const labels: number[] = initial.map((l) => labelOf(l, o.target));
  const caughtImporters = new Set<string>();
  for (const l of initial) if (labelOf(l, o.target) === 1 && l.importer) caughtImporters.add(l.importer.code);
  let model: ReturnType<typeof compileModel> | null = null;
  const results: WeekResult[] = [];
  for (let w = o.initialWeeks; w < weeks.length; w++) {
    const week = weeks[w]!;
    if (week.length === 0) continue;
    if (!model || (w - o.initialWeeks) % o.retrainEvery === 0) {
      const y = Float64Array.from(labels);
      const pos = y.reduce((s, v) => s + v, 0);
      // Until both outcomes have been seen the model cannot train: keep the previous one (or go random).
      if (pos > 0 && pos < y.length) {
        model = compileModel(
          trainGbdt({ matrix: concatRows(parts), label: y }, { ...o.params, seed: o.seed + w }),
        );
      }
    }
    const x = builder.transform(week);
    const n = week.length;
    const budget = Math.max(1, Math.round(o.inspectionRate * n));
    const score =
      model && strategy !== 'random' ? predict(model, x) : Float64Array.from(week, () => rng.next());
    const { picked, beyondTop } = selectWithExploration(score, budget, strategy, o.explorationShare, rng);
    const revealed: DeclarationLine[] = [];
    const r: WeekResult = {
      week: w,
      from: week[0]!.lodged_on,
      lines: n,
      inspected: picked.length,
      frauds: 0,
      caught: 0,
      caughtNewImporters: 0,
      dutiesCaught: 0,
      dutiesAll: 0,
      explored: beyondTop.size,
      caughtByExploration: 0,
      dutiesByExploration: 0,
    };
    const isPicked = new Uint8Array(n);
    for (const i of picked) isPicked[i] = 1;
    for (let i = 0; i < n; i++) {
      const line = week[i]!;
      const y = labelOf(line, o.target);
      const duties = dutiesOf(line);
      const d = !Number.isNaN(duties) ? duties : 0;
      if (y === 1) {
        r.frauds++;
        r.dutiesAll += d;
      }
      if (!isPicked[i]) continue;
      revealed.push(line);
      labels.push(y);
      if (y === 1) {
        r.caught++;
        r.dutiesCaught += d;
        if (beyondTop.has(i)) {
          r.caughtByExploration++;
          r.dutiesByExploration += d;
        }
        const imp = line.importer?.code;
        if (imp && !caughtImporters.has(imp)) r.caughtNewImporters++;
      }
    }
    for (const line of revealed)
      if (labelOf(line, o.target) === 1 && line.importer) caughtImporters.add(line.importer.code);
    parts.push(selectRowsOf(x, picked));
    // Only inspected lines teach the state: the others' outcomes stay unknown, as in real operations.
    builder.state.absorb(revealed);
    results.push(r);
    yield r;
  }
  const sum = (f: (r: WeekResult) => number, rs = results) => rs.reduce((s, r) => s + f(r), 0);
  const tail = results.slice(Math.floor(results.length * 0.75));
  return {
    strategy,
    weeks: results,
    precision:
      sum((r) => r.caught) /
      Math.max(
        1,
        sum((r) => r.inspected),
      ),
    recall:
      sum((r) => r.caught) /
      Math.max(
        1,
        sum((r) => r.frauds),
      ),
    revenue:
      sum((r) => r.dutiesCaught) /
      Math.max(
        1e-9,
        sum((r) => r.dutiesAll),
      ),
    newImporterShare:
      sum((r) => r.caughtNewImporters) /
      Math.max(
        1,
        sum((r) => r.caught),
      ),
    finalPrecision:
      sum((r) => r.caught, tail) /
      Math.max(
        1,
        sum((r) => r.inspected, tail),
      ),
    durationMs: performance.now() - started,
  };
}

function selectRowsOf(m: FeatureMatrix, rows: number[]): FeatureMatrix {
  const out: FeatureMatrix = {
    nRows: rows.length,
    features: m.features,
    values: new Float32Array(rows.length * m.features.length),
  };
  for (let f = 0; f < m.features.length; f++) {
    for (let k = 0; k < rows.length; k++) out.values[f * rows.length + k] = m.values[f * m.nRows + rows[k]!]!;
  }
  return out;
}

/**
 * Indices inspected this week under a strategy, and those of them pure exploitation would not have inspected
 * (outside the top `budget` scores: what only exploration finds). A random strategy has no top: all of it counts.
 */
export function selectWithExploration(
  score: Float64Array,
  budget: number,
  strategy: Strategy,
  share: number,
  rng: Rng,
): { picked: number[]; beyondTop: Set<number> } {
  const picked = select(score, budget, strategy, share, rng);
  if (strategy === 'exploit') return { picked, beyondTop: new Set() };
  if (strategy === 'random') return { picked, beyondTop: new Set(picked) };
  const k = Math.min(budget, score.length);
  const top = new Set(
    Array.from({ length: score.length }, (_, i) => i)
      .sort((a, b) => score[b]! - score[a]! || a - b)
      .slice(0, k),
  );
  return { picked, beyondTop: new Set(picked.filter((i) => !top.has(i))) };
}

/** Indices inspected this week under a strategy. */
export function select(
  score: Float64Array,
  budget: number,
  strategy: Strategy,
  share: number,
  rng: Rng,
): number[] {
  const n = score.length;
  const k = Math.min(budget, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  if (strategy === 'exploit' || strategy === 'random') return order.slice(0, k);
  const explore = Math.min(k, Math.round(k * share));
  const chosen = order.slice(0, k - explore);
  const rest = order.slice(k - explore);
  if (strategy === 'hybrid-random') {
    for (let j = 0; j < explore; j++) {
      const t = j + rng.int(rest.length - j);
      [rest[j], rest[t]] = [rest[t]!, rest[j]!];
      chosen.push(rest[j]!);
    }
  } else {
    // Uncertainty: the remaining lines whose probability is closest to 0.5.
    rest.sort((a, b) => Math.abs(score[a]! - 0.5) - Math.abs(score[b]! - 0.5) || a - b);
    chosen.push(...rest.slice(0, explore));
  }
  return chosen;
}
