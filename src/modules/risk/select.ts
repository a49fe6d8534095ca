/**
 * Selection for one office and one day, within its capacity (items, or officer hours with minutes per red and
 * yellow item), from scored declarations:
 *
 * 1. channels forced by rules first (red and yellow consume capacity; a forced excess is reported, never dropped);
 * 2. a random share of the capacity (at least the office's minimum random rate), drawn reproducibly from the seed,
 *    so that true fraud rates stay measurable and new fraud is found: red;
 * 3. the rest of the capacity by expected value (probability × duties at stake, safety-weighted), highest first
 *    (the likely frauds, at or above the profile's min_probability, before the others): red until the red share
 *    of capacity (rate_red ÷ (rate_red + rate_yellow)) is used, then yellow;
 * 4. the next `rate_blue` of the day's items by expected value: blue (released, deferred control);
 * 5. everything else: green.
 *
 * Without a capacity the budget is (rate_red + rate_yellow) × the day's items, rounded at random (seeded) so that
 * small offices still inspect at the right rate on average. Pure: same input and seed, same selection.
 */
import type { Channel } from '../declarations/index.ts';
import type { Basis } from './explain.ts';
import { stochasticRound, uniform } from './random.ts';

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
  /** What the ranking orders by (highest first): the expected value, or the probability (profile's rank_by). */
  expected_value: number;
  forced: Channel | null;
  /** Ranked before every candidate that is not (probability at or above the profile's min_probability). */
  likely?: boolean;
}

/** Candidates from scored declarations, ranked as the profile says. */
export function candidatesOf(
  declarations: readonly {
    reference: string;
    items: readonly unknown[];
    score: number;
    probability: number;
    expected_value: number;
    forced: { channel: Channel } | null;
  }[],
  rankBy: 'expected_value' | 'probability',
  minProbability = 0,
): Candidate[] {
  return declarations.map((d) => ({
    likely: d.probability >= minProbability,
    reference: d.reference,
    items: d.items.length,
    score: d.score,
    probability: d.probability,
    expected_value: rankBy === 'probability' ? d.probability : d.expected_value,
    forced: d.forced?.channel ?? null,
  }));
}

export interface Assignment {
  channel: Channel;
  basis: Basis;
  /** Rank by expected value among the candidates not forced nor drawn (1 = riskiest). */
  rank: number | null;
}

export interface SelectionResult {
  assignments: Assignment[];
  unit: 'items' | 'minutes';
  budget: number;
  used: number;
  redQuota: number;
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
  options: { seed: string; randomShare?: number },
): SelectionResult {
  const seed = options.seed;
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
  const redQuota = inspectRates > 0 ? Math.round((budget * params.rate_red) / inspectRates) : budget;
  const cost = (c: Candidate, channel: 'red' | 'yellow') =>
    unit === 'items' ? c.items : c.items * (channel === 'red' ? params.minutes_red : params.minutes_yellow);

  const assignments: (Assignment | undefined)[] = new Array(candidates.length);
  let used = 0;
  let redUsed = 0;
  let selectedItems = 0;
  let overCapacity = false;
  const take = (i: number, channel: 'red' | 'yellow', basis: Basis, rank: number | null) => {
    const c = candidates[i]!;
    const k = cost(c, channel);
    used += k;
    if (channel === 'red') redUsed += k;
    selectedItems += c.items;
    assignments[i] = { channel, basis, rank };
  };

  // 1. forced channels
  const pool: number[] = [];
  candidates.forEach((c, i) => {
    if (c.forced === 'red' || c.forced === 'yellow') {
      take(i, c.forced, 'forced', null);
      if (used > budget) overCapacity = true;
    } else if (c.forced === 'blue' || c.forced === 'green')
      assignments[i] = { channel: c.forced, basis: 'forced', rank: null };
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
    take(i, 'red', 'random', null);
  }

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
  for (const i of ranked) {
    if (used >= budget) break;
    const c = candidates[i]!;
    const redCost = cost(c, 'red');
    if (redUsed + redCost <= redQuota && used + redCost <= budget) take(i, 'red', 'ranked', rankOf.get(i)!);
    else if (used + cost(c, 'yellow') <= budget) take(i, 'yellow', 'ranked', rankOf.get(i)!);
  }

  // 4. deferred control
  const blueItems = stochasticRound(params.rate_blue * items, `${seed}|blue`);
  let blueUsed = 0;
  for (const i of ranked) {
    if (blueUsed >= blueItems) break;
    if (assignments[i]) continue;
    const c = candidates[i]!;
    if (blueUsed + c.items > blueItems) continue;
    blueUsed += c.items;
    assignments[i] = { channel: 'blue', basis: 'deferred', rank: rankOf.get(i)! };
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
    randomShare,
    randomBudget,
    items,
    selectedItems,
    randomItems,
    overCapacity,
    counts,
  };
}
