/**
 * Selection for one office and one day, within its capacity (items, or officer hours with minutes per red and
 * yellow item), from scored declarations:
 *
 * 1. channels forced by rules first (red and yellow consume capacity; a forced excess is reported, never dropped);
 * 2. a random share of the capacity (at least the office's minimum random rate), drawn reproducibly from the seed,
 *    so that true fraud rates stay measurable and new fraud is found: red, on slots of its own;
 * 3. the rest of the capacity by expected value (probability × duties at stake, safety-weighted), highest first
 *    (the likely frauds, at or above the profile's min_probability, before the others): red until the red share
 *    of what the random share left (rate_red ÷ (rate_red + rate_yellow)) is used, then yellow — red only at or
 *    above the profile's minimum red score, yellow only at or above its minimum yellow score;
 * 4. the next `rate_blue` of the day's items by expected value, at or above the minimum yellow score: blue
 *    (released, deferred control);
 * 5. everything else: green.
 *
 * Every assignment says what decided it (`why`): the slot it took, the threshold it missed, the capacity that ran
 * out and who holds the red slots it could not have.
 *
 * Without a capacity the budget is (rate_red + rate_yellow) × the day's items, rounded at random (seeded) so that
 * small offices still inspect at the right rate on average. Pure: same input and seed, same selection.
 */
import type { Channel } from '../declarations/index.ts';
import { mixedScores, revenueShareOf } from './mix.ts';
import { stochasticRound, uniform } from './random.ts';

export type Basis = 'forced' | 'ranked' | 'random' | 'deferred' | 'none';

export interface OfficeParams {
  office_code: string;
  capacity_items: number | null;
  capacity_hours: number | null;
  rate_red: number;
  rate_yellow: number;
  rate_blue: number;
  random_rate: number;
  minutes_red: number;
  minutes_yellow: number;
}

export const DEFAULT_OFFICE_PARAMS: OfficeParams = {
  office_code: '*',
  capacity_items: null,
  capacity_hours: null,
  rate_red: 0.03,
  rate_yellow: 0.02,
  rate_blue: 0.01,
  random_rate: 0.05,
  minutes_red: 60,
  minutes_yellow: 20,
};

export interface Candidate {
  reference: string;
  items: number;
  score: number;
  probability: number;
  /** What the ranking orders by (highest first): the expected value, the probability or the mixed score (rank_by). */
  expected_value: number;
  forced: Channel | null;
  /** Ranked before every candidate that is not (probability at or above the profile's min_probability). */
  likely?: boolean;
  /** Mixed ranking: the revenue term weighs more than the probability term in its rank ("picked for revenue"). */
  for_revenue?: boolean;
}

/** Candidates from scored declarations, ranked as the profile says (`mixed`: fraud and revenue, risk/mix.ts). */
export function candidatesOf(
  declarations: readonly {
    reference: string;
    items: readonly unknown[];
    score: number;
    probability: number;
    expected_value: number;
    forced: { channel: Channel } | null;
  }[],
  rankBy: 'expected_value' | 'probability' | 'mixed',
  minProbability = 0,
  revenueWeight = 0.5,
): Candidate[] {
  const mixed =
    rankBy === 'mixed'
      ? mixedScores(
          declarations.map((d) => d.probability),
          declarations.map((d) => d.expected_value),
          revenueWeight,
        )
      : null;
  return declarations.map((d, i) => ({
    likely: d.probability >= minProbability,
    reference: d.reference,
    items: d.items.length,
    score: d.score,
    probability: d.probability,
    expected_value: mixed ? mixed[i]! : rankBy === 'probability' ? d.probability : d.expected_value,
    ...(mixed ? { for_revenue: revenueShareOf(d.probability, mixed[i]!, revenueWeight) > 0.5 } : {}),
    forced: d.forced?.channel ?? null,
  }));
}

/**
 * What decided a channel: `forced` by a rule; `random` drawn from the random share (`random_squeezed`: the capacity
 * is too small for the random share and a ranked red slot both, so the draw left the ranked declarations no red
 * slot); `red_slot` a ranked red slot; `red_full` yellow because the red slots were taken (by `taken_by`);
 * `below_red_minimum` yellow because the score is below the minimum for red; `capacity_full` not selected because
 * the capacity was used; `below_minimum` not selected because the score is below the minimum for yellow;
 * `deferred` blue.
 */
export type Why =
  | 'forced'
  | 'random'
  | 'random_squeezed'
  | 'red_slot'
  | 'red_full'
  | 'below_red_minimum'
  | 'capacity_full'
  | 'below_minimum'
  | 'deferred';

export interface Assignment {
  channel: Channel;
  basis: Basis;
  /** Rank by expected value among the candidates not forced nor drawn (1 = riskiest). */
  rank: number | null;
  why: Why;
  /** For `red_full`: the first references holding the red slots (forced, then ranked before it). */
  taken_by?: string[];
  /** Ranked by the mixed ranking for its duties rather than its probability (`rank_by: mixed`). */
  for_revenue?: boolean;
}

/** The minimum score for red and for yellow (profile's `minimum_score`); none by default. */
export interface MinScore {
  red: number;
  yellow: number;
}

export interface SelectionResult {
  assignments: Assignment[];
  unit: 'items' | 'minutes';
  budget: number;
  used: number;
  redQuota: number;
  /** The capacity's split, in its unit: random share, red slots (forced and ranked), yellow slots. */
  slots: { random: number; red: number; yellow: number };
  minScore: MinScore;
  randomShare: number;
  randomBudget: number;
  items: number;
  selectedItems: number;
  randomItems: number;
  overCapacity: boolean;
  counts: Record<Channel | Basis, number>;
}

export function select(
  candidates: readonly Candidate[],
  params: OfficeParams,
  options: { seed: string; randomShare?: number; minScore?: MinScore },
): SelectionResult {
  const seed = options.seed;
  const minScore = options.minScore ?? { red: -Infinity, yellow: -Infinity };
  const randomShare = Math.max(options.randomShare ?? params.random_rate, params.random_rate);
  const items = candidates.reduce((s, c) => s + c.items, 0);
  const unit: 'items' | 'minutes' =
    params.capacity_items === null && params.capacity_hours !== null ? 'minutes' : 'items';
  const budget =
    params.capacity_items !== null
      ? params.capacity_items
      : params.capacity_hours !== null
        ? params.capacity_hours * 60
        : stochasticRound((params.rate_red + params.rate_yellow) * items, `${seed}|budget`);
  const inspectRates = params.rate_red + params.rate_yellow;
  const cost = (c: Candidate, channel: 'red' | 'yellow') =>
    unit === 'items' ? c.items : c.items * (channel === 'red' ? params.minutes_red : params.minutes_yellow);

  const assignments: (Assignment | undefined)[] = new Array(candidates.length);
  let used = 0;
  let redUsed = 0;
  let selectedItems = 0;
  let overCapacity = false;
  /** Who holds red slots (forced, then ranked), in the order they took them. */
  const redHolders: string[] = [];
  const take = (i: number, channel: 'red' | 'yellow', basis: Basis, rank: number | null, why: Why) => {
    const c = candidates[i]!;
    const k = cost(c, channel);
    used += k;
    // Random picks go red on slots of their own: they never count against the red slots.
    if (channel === 'red' && basis !== 'random') {
      redUsed += k;
      redHolders.push(c.reference);
    }
    selectedItems += c.items;
    assignments[i] = {
      channel,
      basis,
      rank,
      why,
      ...(basis === 'ranked' && c.for_revenue ? { for_revenue: true } : {}),
    };
  };

  // 1. forced channels
  const pool: number[] = [];
  candidates.forEach((c, i) => {
    if (c.forced === 'red' || c.forced === 'yellow') {
      take(i, c.forced, 'forced', null, 'forced');
      if (used > budget) overCapacity = true;
    } else if (c.forced === 'blue' || c.forced === 'green')
      assignments[i] = { channel: c.forced, basis: 'forced', rank: null, why: 'forced' };
    else pool.push(i);
  });

  // 2. random share
  const randomBudget = Math.min(
    stochasticRound(budget * randomShare, `${seed}|random-share`),
    Math.max(0, budget - used),
  );
  let randomUsed = 0;
  let randomItems = 0;
  const drawOrder = pool
    .map((i) => ({ i, u: uniform(`${seed}|draw|${candidates[i]!.reference}`) }))
    .sort((a, b) => a.u - b.u);
  for (const { i } of drawOrder) {
    if (randomUsed >= randomBudget) break;
    const k = cost(candidates[i]!, 'red');
    if (randomUsed + k > randomBudget) continue;
    randomUsed += k;
    randomItems += candidates[i]!.items;
    take(i, 'red', 'random', null, 'random');
  }
  // The red share applies to what the random share left: the draw takes slots of its own, not ranked red ones.
  const redQuota =
    inspectRates > 0
      ? Math.round(((budget - randomUsed) * params.rate_red) / inspectRates)
      : budget - randomUsed;
  const slots = {
    random: randomUsed,
    red: Math.max(redQuota, redUsed),
    yellow: Math.max(0, budget - randomUsed - Math.max(redQuota, redUsed)),
  };
  // A capacity too small for both: the draw left no ranked red slot where there would have been one without it.
  const unsqueezed = inspectRates > 0 ? Math.round((budget * params.rate_red) / inspectRates) : budget;
  if (randomUsed > 0 && redQuota - redUsed <= 0 && unsqueezed - redUsed > 0)
    for (const [i, a] of assignments.entries())
      if (a?.basis === 'random') assignments[i] = { ...a, why: 'random_squeezed' };

  // 3. ranked by expected value
  const ranked = pool
    .filter((i) => !assignments[i])
    .sort((a, b) => {
      const x = candidates[a]!;
      const y = candidates[b]!;
      return (
        Number(y.likely ?? true) - Number(x.likely ?? true) ||
        y.expected_value - x.expected_value ||
        y.probability - x.probability ||
        y.score - x.score ||
        (x.reference < y.reference ? -1 : x.reference > y.reference ? 1 : 0)
      );
    });
  const rankOf = new Map(ranked.map((i, r) => [i, r + 1]));
  /** Why each ranked candidate left unselected was: below the minimum, or no capacity left for it. */
  const missed = new Map<number, Why>();
  for (const i of ranked) {
    const c = candidates[i]!;
    const rank = rankOf.get(i)!;
    if (c.score < minScore.yellow) {
      missed.set(i, 'below_minimum');
      continue;
    }
    const redCost = cost(c, 'red');
    const redFits = redUsed + redCost <= redQuota && used + redCost <= budget;
    if (c.score >= minScore.red && redFits) take(i, 'red', 'ranked', rank, 'red_slot');
    else if (used + cost(c, 'yellow') <= budget) {
      const why: Why = c.score < minScore.red ? 'below_red_minimum' : 'red_full';
      take(i, 'yellow', 'ranked', rank, why);
      if (why === 'red_full') assignments[i]!.taken_by = redHolders.slice(0, 3);
    } else missed.set(i, 'capacity_full');
  }

  // 4. deferred control
  const blueItems = stochasticRound(params.rate_blue * items, `${seed}|blue`);
  let blueUsed = 0;
  for (const i of ranked) {
    if (blueUsed >= blueItems) break;
    if (assignments[i]) continue;
    const c = candidates[i]!;
    if (c.score < minScore.yellow) continue;
    if (blueUsed + c.items > blueItems) continue;
    blueUsed += c.items;
    assignments[i] = { channel: 'blue', basis: 'deferred', rank: rankOf.get(i)!, why: 'deferred' };
  }

  // 5. the rest
  const counts: Record<Channel | Basis, number> = {
    red: 0,
    yellow: 0,
    blue: 0,
    green: 0,
    forced: 0,
    ranked: 0,
    random: 0,
    deferred: 0,
    none: 0,
  };
  const out = candidates.map((_, i) => {
    const a = assignments[i] ?? {
      channel: 'green' as const,
      basis: 'none' as const,
      rank: rankOf.get(i) ?? null,
      why: missed.get(i) ?? ('capacity_full' as const),
    };
    counts[a.channel]++;
    counts[a.basis]++;
    return a;
  });
  return {
    assignments: out,
    unit,
    budget,
    used,
    redQuota,
    slots,
    minScore,
    randomShare,
    randomBudget,
    items,
    selectedItems,
    randomItems,
    overCapacity,
    counts,
  };
}
