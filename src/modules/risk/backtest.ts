/**
 * Back-test of a profile on history, before it is activated: month by month, the period's declarations are scored
 * as they would have been (history indicators see only outcomes known before each declaration; valuation uses
 * references built from the year before each month, unless told to use the current ones), selected per office and
 * day within each office's capacity, and compared with what inspection found. Reports rule hits, inspected hits,
 * precision, duties recovered, selection precision and recall, the random share's fraud rate, and the load per
 * office per day; with `compare`, the same for the profiles active now, side by side.
 *
 * Rule precision priors are used as they are (no statistics from later decisions). The active model scores too
 * when it was trained on outcomes that all precede the period (its `trainedTo` is before `from`) — so rules on
 * `model.probability` or `model.anomaly` are back-tested through the same scoring path as the daily selection;
 * otherwise it is left out (it learnt from the period's outcomes): a back-test must not learn from the future.
 */
import type { Database } from '../../platform/db/database.ts';
import { computeReferences, getValuationSettings, ReferenceIndex } from '../valuation/index.ts';
import { loadLines, type ScoringLine } from './lines.ts';
import { activeModelScorer } from './model.ts';
import { officeParams } from './offices.ts';
import { type ProfileVersion, type ScoreResult, scoreLines } from './score.ts';
import { candidatesOf, type OfficeParams, select } from './select.ts';
import { getFxRates, getRiskSettings } from './settings.ts';
import { loadWatchlists } from './watchlists.ts';

export interface BacktestOptions {
  from: string;
  to: string;
  offices?: string[] | undefined;
  /** 'rolling' (default): references from the 365 days before each month; 'current': the stored references. */
  references?: 'rolling' | 'current';
  onProgress?(p: { done: number; total: number; message: string }): void;
  signal?: AbortSignal | undefined;
}

interface RuleTally {
  hits: number;
  inspected: number;
  frauds: number;
  critical: number;
  recovered: number;
}

interface Tally {
  items: number;
  inspected: number;
  frauds: number;
  selectedItems: number;
  selectedInspected: number;
  selectedFrauds: number;
  selectedCritical: number;
  recovered: number;
  dutiesAtStakeCaught: number;
  randomItems: number;
  randomInspected: number;
  randomFrauds: number;
  channels: Record<string, number>;
  rules: Map<string, RuleTally>;
  load: Map<string, Map<string, number>>;
}

function newTally(): Tally {
  return {
    items: 0,
    inspected: 0,
    frauds: 0,
    selectedItems: 0,
    selectedInspected: 0,
    selectedFrauds: 0,
    selectedCritical: 0,
    recovered: 0,
    dutiesAtStakeCaught: 0,
    randomItems: 0,
    randomInspected: 0,
    randomFrauds: 0,
    channels: { red: 0, yellow: 0, blue: 0, green: 0 },
    rules: new Map(),
    load: new Map(),
  };
}

const isFraud = (l: ScoringLine) => l.outcome !== null && l.outcome.result !== 'compliant';

function months(from: string, to: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end) {
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    const last = new Date(Math.min(next.getTime() - 86_400_000, end.getTime()));
    out.push({ from: d.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) });
    d = next;
  }
  return out;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function account(
  tally: Tally,
  lines: readonly ScoringLine[],
  scored: ScoreResult,
  params: (office: string) => OfficeParams,
  seedTag: string,
) {
  // Rule statistics, item by item.
  for (const item of scored.items) {
    const line = lines[item.index]!;
    tally.items++;
    if (line.outcome) tally.inspected++;
    if (isFraud(line)) tally.frauds++;
    for (const h of item.hits) {
      const key = `${h.profile}/${h.rule_id}`;
      const t = tally.rules.get(key) ?? { hits: 0, inspected: 0, frauds: 0, critical: 0, recovered: 0 };
      t.hits++;
      if (line.outcome) t.inspected++;
      if (isFraud(line)) {
        t.frauds++;
        t.recovered += line.outcome?.recovered_amount ?? 0;
      }
      if (line.outcome?.result === 'critical') t.critical++;
      tally.rules.set(key, t);
    }
  }
  // Selection per office and day.
  const groups = new Map<string, number[]>();
  scored.declarations.forEach((d, i) => {
    const key = `${d.office}|${d.lodged_on}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  for (const [key, indices] of groups) {
    const [office, day] = key.split('|') as [string, string];
    const decls = indices.map((i) => scored.declarations[i]!);
    const result = select(
      candidatesOf(
        decls,
        scored.scoring.rank_by,
        scored.scoring.min_probability,
        scored.scoring.revenue_weight,
      ),
      params(office),
      {
        seed: `backtest|${seedTag}|${office}|${day}`,
        minScore: scored.scoring.minimum_score,
      },
    );
    let selectedToday = 0;
    decls.forEach((d, j) => {
      const a = result.assignments[j]!;
      tally.channels[a.channel] = (tally.channels[a.channel] ?? 0) + d.items.length;
      if (a.channel !== 'red' && a.channel !== 'yellow') return;
      selectedToday += d.items.length;
      for (const item of d.items) {
        const line = lines[item.index]!;
        tally.selectedItems++;
        if (line.outcome) tally.selectedInspected++;
        if (isFraud(line)) {
          tally.selectedFrauds++;
          tally.recovered += line.outcome?.recovered_amount ?? 0;
          tally.dutiesAtStakeCaught += item.stake;
        }
        if (line.outcome?.result === 'critical') tally.selectedCritical++;
        if (a.basis === 'random') {
          tally.randomItems++;
          if (line.outcome) tally.randomInspected++;
          if (isFraud(line)) tally.randomFrauds++;
        }
      }
    });
    let byDay = tally.load.get(office);
    if (!byDay) {
      byDay = new Map();
      tally.load.set(office, byDay);
    }
    byDay.set(day, (byDay.get(day) ?? 0) + selectedToday);
  }
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function report(t: Tally, days: number) {
  const load = [...t.load]
    .map(([office, byDay]) => {
      const values = [...byDay.values()];
      const total = values.reduce((s, v) => s + v, 0);
      return {
        office,
        days_with_declarations: values.length,
        selected_items: total,
        per_day_mean: total / Math.max(days, 1),
        per_active_day_mean: values.length ? total / values.length : 0,
        per_day_max: values.length ? Math.max(...values) : 0,
      };
    })
    .sort((a, b) => b.selected_items - a.selected_items);
  return {
    items: t.items,
    inspected: t.inspected,
    frauds: t.frauds,
    base_fraud_rate: ratio(t.frauds, t.inspected),
    selection: {
      selected_items: t.selectedItems,
      share: ratio(t.selectedItems, t.items),
      inspected: t.selectedInspected,
      frauds: t.selectedFrauds,
      critical: t.selectedCritical,
      precision: ratio(t.selectedFrauds, t.selectedInspected),
      recall: ratio(t.selectedFrauds, t.frauds),
      duties_recovered: t.recovered,
      duties_at_stake_of_frauds_caught: t.dutiesAtStakeCaught,
      channels: t.channels,
      random: {
        items: t.randomItems,
        inspected: t.randomInspected,
        frauds: t.randomFrauds,
        fraud_rate: ratio(t.randomFrauds, t.randomInspected),
      },
    },
    rules: [...t.rules]
      .map(([rule, r]) => ({ rule, ...r, precision: ratio(r.frauds, r.inspected) }))
      .sort((a, b) => b.hits - a.hits),
    load_per_office: load,
  };
}

export type BacktestReport = ReturnType<typeof report>;

export interface BacktestResult {
  from: string;
  to: string;
  days: number;
  references: 'rolling' | 'current';
  profile: { id: number; name: string; version: number }[];
  candidate: BacktestReport;
  active?: { profiles: { id: number; name: string; version: number }[]; report: BacktestReport } | undefined;
  /** The model that scored with the rules (trained before the period), or null, and why not. */
  model: { name: string | null; trained_to: string | null; note: string };
  duration_ms: number;
}

/** Runs `candidate` (and `compareWith` when given) over the period. */
export async function backtest(
  database: Database,
  candidate: readonly ProfileVersion[],
  compareWith: readonly ProfileVersion[] | null,
  options: BacktestOptions,
): Promise<BacktestResult> {
  const started = performance.now();
  const db = database.db;
  const refsMode = options.references ?? 'rolling';
  const [valuationSettings, riskSettings, fxRates, watchlists] = await Promise.all([
    getValuationSettings(db),
    getRiskSettings(db),
    getFxRates(db),
    loadWatchlists(db),
  ]);
  const scorer = activeModelScorer();
  const withModel = scorer?.trainedTo !== undefined && scorer.trainedTo < options.from;
  const model: BacktestResult['model'] = {
    name: withModel ? scorer!.name : null,
    trained_to: scorer?.trainedTo ?? null,
    note: !scorer
      ? 'no active model: rules and valuation only'
      : withModel
        ? `model ${scorer.name}, trained on outcomes up to ${scorer.trainedTo}, before the period`
        : `model ${scorer.name} left out: it learnt from outcomes ${scorer.trainedTo ? `up to ${scorer.trainedTo}` : 'of unknown dates'}, not all before the period`,
  };
  const paramCache = new Map<string, OfficeParams>();
  const params = (office: string) => paramCache.get(office)!;
  const a = newTally();
  const b = newTally();
  const periods = months(options.from, options.to);
  for (const [k, m] of periods.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: k, total: periods.length, message: `${m.from} to ${m.to}` });
    const lines = await loadLines(db, {
      from: m.from,
      to: m.to,
      offices: options.offices,
      withOutcomes: true,
    });
    if (lines.length === 0) continue;
    for (const office of new Set(lines.map((l) => l.office)))
      if (!paramCache.has(office)) paramCache.set(office, await officeParams(db, office));
    const indicatorOptions: Record<string, unknown> = {
      valuationSettings,
      riskSettings,
      fxRates,
      watchlists,
      // A model trained on outcomes of the period (or after) would know the back-test's future: left out then
      // (a model is judged on a later period of its own: `vigie model eval`).
      model: withModel ? undefined : false,
    };
    if (refsMode === 'rolling') {
      const window = { from: addDays(m.from, -valuationSettings.window_days), to: addDays(m.from, -1) };
      indicatorOptions.references = new ReferenceIndex(
        await computeReferences(database, window, valuationSettings),
      );
    }
    const scored = await scoreLines(db, lines, { profiles: candidate, indicatorOptions });
    account(a, lines, scored, params, candidate.map((p) => `${p.name}@${p.version}`).join(','));
    if (compareWith && compareWith.length > 0) {
      const other = await scoreLines(db, lines, { profiles: compareWith, indicatorOptions });
      account(b, lines, other, params, compareWith.map((p) => `${p.name}@${p.version}`).join(','));
    }
  }
  options.onProgress?.({ done: periods.length, total: periods.length, message: 'done' });
  const days =
    Math.round(
      (Date.parse(`${options.to}T00:00:00Z`) - Date.parse(`${options.from}T00:00:00Z`)) / 86_400_000,
    ) + 1;
  return {
    from: options.from,
    to: options.to,
    days,
    references: refsMode,
    profile: candidate.map((p) => ({ id: p.id, name: p.name, version: p.version })),
    candidate: report(a, days),
    active:
      compareWith && compareWith.length > 0
        ? {
            profiles: compareWith.map((p) => ({ id: p.id, name: p.name, version: p.version })),
            report: report(b, days),
          }
        : undefined,
    model,
    duration_ms: Math.round(performance.now() - started),
  };
}
