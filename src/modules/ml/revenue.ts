/**
 * Fraud and revenue together, measured (docs/decisions/0040-mixed-ranking-and-replay.md): on labelled lines of a
 * period after training, the same probabilities ranked three ways in one run — by probability alone, by duties at
 * stake alone, and by the mixed ranking the selection uses (risk's `mixedScores`, weight w) — with precision,
 * recall and revenue (duties of caught frauds over all frauds' duties) at each capacity. Also the choice of w on
 * earlier folds: the largest w whose precision stays at or above `minPrecisionRatio` of probability-only on
 * every fold at the reference capacity.
 */
import type { DeclarationLine } from '../declarations/index.ts';
import { mixedScores } from '../risk/index.ts';
import { labelOf, type Target } from './api.ts';
import { dutiesOf } from './features/keys.ts';
import { precisionAt, recallAt, revenueAt } from './metrics.ts';

/** The profiles' default revenue weight (`scoring.revenue_weight`), chosen on 2020 folds of the KCS data. */
export const DEFAULT_REVENUE_WEIGHT = 0.5;

export const REVENUE_CAPACITIES = [0.01, 0.02, 0.05, 0.1, 0.2] as const;
export type Ranking = 'probability' | 'duties' | 'expected_recovery' | 'mixed';

export interface RankingFigures {
  ranking: Ranking;
  /** One row per capacity (share of the lines inspected). */
  at: { capacity: number; precision: number; recall: number; revenue: number }[];
}

export interface RevenueComparison {
  n: number;
  frauds: number;
  weight: number;
  rankings: RankingFigures[];
}

/** Labels and duties at stake (0 when unknown) of labelled lines. */
export function labelsAndDuties(
  lines: readonly DeclarationLine[],
  target: Target = 'fraud',
): { y: Float64Array; duties: Float64Array } {
  const y = new Float64Array(lines.length);
  const duties = new Float64Array(lines.length);
  lines.forEach((l, i) => {
    const v = labelOf(l, target);
    if (Number.isNaN(v)) throw new Error(`line ${l.reference} has no outcome: the comparison needs labels`);
    y[i] = v;
    const d = dutiesOf(l);
    duties[i] = Number.isNaN(d) ? 0 : d;
  });
  return { y, duties };
}

/** The four rankings of the same probabilities at each capacity. */
export function compareRankings(
  y: ArrayLike<number>,
  probability: ArrayLike<number>,
  duties: ArrayLike<number>,
  weight: number,
  capacities: readonly number[] = REVENUE_CAPACITIES,
): RevenueComparison {
  if (y.length === 0) throw new Error('compareRankings: no lines');
  const recovery = Float64Array.from(duties, (d, i) => probability[i]! * d);
  const scores: Record<Ranking, ArrayLike<number>> = {
    probability,
    duties,
    expected_recovery: recovery,
    mixed: mixedScores(probability, recovery, weight),
  };
  let frauds = 0;
  for (let i = 0; i < y.length; i++) frauds += y[i]! > 0 ? 1 : 0;
  return {
    n: y.length,
    frauds,
    weight,
    rankings: (Object.keys(scores) as Ranking[]).map((ranking) => ({
      ranking,
      at: capacities.map((capacity) => ({
        capacity,
        precision: precisionAt(y, scores[ranking], capacity),
        recall: recallAt(y, scores[ranking], capacity),
        revenue: revenueAt(y, scores[ranking], duties, capacity),
      })),
    })),
  };
}

export interface Fold {
  y: ArrayLike<number>;
  probability: ArrayLike<number>;
  duties: ArrayLike<number>;
}

/**
 * The revenue weight chosen on folds (never on the period reported): the largest w of the grid whose mixed
 * precision at `capacity` is at least `minPrecisionRatio` × the probability-only precision on every fold; 0 when
 * none qualifies. Returns the figures per w and fold too, for the decision record.
 */
export function chooseRevenueWeight(
  folds: readonly Fold[],
  options: { capacity?: number; minPrecisionRatio?: number; grid?: readonly number[] } = {},
): { weight: number; trials: { weight: number; precisionRatio: number[]; revenue: number[] }[] } {
  const capacity = options.capacity ?? 0.1;
  const ratio = options.minPrecisionRatio ?? 0.9;
  const grid = options.grid ?? [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  if (folds.length === 0) throw new Error('chooseRevenueWeight: no folds');
  let weight = 0;
  const trials = grid.map((w) => {
    const figures = folds.map((f) => {
      const c = compareRankings(f.y, f.probability, f.duties, w, [capacity]);
      const base = c.rankings.find((r) => r.ranking === 'probability')!.at[0]!;
      const mixed = c.rankings.find((r) => r.ranking === 'mixed')!.at[0]!;
      return { ratio: base.precision > 0 ? mixed.precision / base.precision : 0, revenue: mixed.revenue };
    });
    if (figures.every((f) => f.ratio >= ratio) && w > weight) weight = w;
    return { weight: w, precisionRatio: figures.map((f) => f.ratio), revenue: figures.map((f) => f.revenue) };
  });
  return { weight, trials };
}
