/**
 * Scoring: every line of a batch through the active profiles' rules, the valuation check and the model (when one
 * is active), set-based. Per item:
 *
 *   score = Σ points of the rules hit + valuation points (flagged finding) + model weight × model probability
 *
 * with a breakdown whose entries add up to the score; a fraud probability combined on the log-odds scale
 *
 *   logit p = logit base + Σ (logit p_rule − logit b) + (logit p_valuation − logit b)
 *
 * where b is the profile's base rate, base the model's probability (b without a model) and p_rule a rule's
 * precision (its prior, updated with the outcomes of its past hits): a rule more precise than the base rate raises
 * the probability, a rule less precise (a "known good" rule, negative points) lowers it. Then duties at stake (at
 * least `stake_min_rate` % of the value, or the valuation finding's duties when larger) and the expected value
 * p × stake × (1 + safety weight when a critical rule hits). A declaration takes its highest item score, the
 * probability that any item is a fraud,
 * the sum of expected values, and the most severe channel its rules force.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Channel } from '../declarations/index.ts';
import type { Finding } from '../valuation/index.ts';
import { createBatch, type Evidence, indicatorOf } from './indicators/index.ts';
import { modelScores, watchlistsOf } from './indicators/lists.ts';
import { valuationFindings } from './indicators/valuation.ts';
import type { ScoringLine } from './lines.ts';
import type { ModelAnomaly, ModelReason } from './model.ts';
import { uniform } from './random.ts';
import {
  compileCondition,
  type EvalContext,
  fieldColumns,
  indicatorsOf,
  leavesOf,
  subjectOf,
} from './rules/compile.ts';
import type { Value } from './rules/fields.ts';
import {
  CHANNEL_SEVERITY,
  type LocalText,
  type ProfileDocument,
  type Rule,
  type Scoring,
  scoringSchema,
} from './rules/schema.ts';

export interface ProfileVersion {
  id: number;
  name: string;
  version: number;
  document: ProfileDocument;
}

/** Past hits of a rule that were inspected, and how many of them found fraud (by profile name and rule id). */
export type RuleStats = ReadonlyMap<string, { inspected: number; frauds: number }>;
export const ruleKey = (profile: string, rule: string) => `${profile}|${rule}`;

export interface SubjectValue {
  subject: string;
  kind: 'field' | 'indicator';
  value: Value;
  evidence?: Evidence | undefined;
}

export interface Hit {
  profile_id: number;
  profile: string;
  version: number;
  rule_id: string;
  title: LocalText;
  points: number;
  /** The channel this rule's effect drew for the declaration (probabilistic effects draw reproducibly). */
  channel: Channel | null;
  critical: boolean;
  tags: string[];
  campaign: string | null;
  /** Estimated precision of a hit (prior updated by outcomes). */
  probability: number;
  /** The fields and indicators the rule tested, with their values for this item. */
  values: SubjectValue[];
}

export interface BreakdownEntry {
  source: 'rule' | 'valuation' | 'model';
  /** profile/rule for rules, the reference level for valuation, the model's name. */
  id: string;
  points: number;
}

export interface ItemScore {
  index: number;
  item_id: number | null;
  line_no: number;
  score: number;
  probability: number;
  stake: number;
  expected_value: number;
  critical: boolean;
  breakdown: BreakdownEntry[];
  hits: Hit[];
  forced: { channel: Channel; rule_id: string; profile: string } | null;
  tags: string[];
  campaigns: string[];
  finding: Finding | null;
  model: {
    name: string;
    probability: number;
    reasons: ModelReason[];
    /** The model's anomaly score of the item and why (null: the model has no anomaly detector). */
    anomaly: ModelAnomaly | null;
  } | null;
}

export interface DeclarationResult {
  reference: string;
  declaration_id: number | null;
  office: string;
  lodged_on: string;
  currency: string | null;
  items: ItemScore[];
  score: number;
  probability: number;
  expected_value: number;
  critical: boolean;
  forced: { channel: Channel; rule_id: string; profile: string; line_no: number } | null;
  /** The channel the score alone would give (forced channel first, then the red and yellow score thresholds). */
  indicative_channel: Channel;
  /** The item with the highest score: its breakdown is the declaration's. */
  top: ItemScore;
}

export interface ScoreOptions {
  profiles: readonly ProfileVersion[];
  ruleStats?: RuleStats;
  /** Passed to indicators: references (back-tests), settings, watchlists, explain… */
  indicatorOptions?: Record<string, unknown>;
}

export interface ScoreResult {
  declarations: DeclarationResult[];
  items: ItemScore[];
  scoring: Scoring;
  profiles: { id: number; name: string; version: number }[];
  model: string | null;
}

const DEFAULT_SCORING: Scoring = scoringSchema.parse({});

/** The scoring settings in force: the first active profile (by name) that has them. */
export function scoringOf(profiles: readonly ProfileVersion[]): Scoring {
  const sorted = [...profiles].sort((a, b) => a.name.localeCompare(b.name));
  return sorted[0]?.document.scoring ?? DEFAULT_SCORING;
}

/**
 * Prior precision of a rule: its own `probability`, else from its points: positive points move the base rate
 * towards 1 (points / 100 of the way, at most 90 %), negative points towards 0.
 */
export function rulePrior(rule: Rule, base: number): number {
  if (rule.probability !== undefined) return rule.probability;
  const points = rule.effect.points;
  return points >= 0
    ? base + ((1 - base) * Math.min(points, 90)) / 100
    : base * Math.max(0.01, 1 + points / 100);
}

const clampP = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
const logit = (p: number) => {
  const q = clampP(p);
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The channel a rule's effect gives this declaration: fixed, or drawn (seeded by reference, rule, profile version). */
export function drawChannel(
  rule: Rule,
  reference: string,
  profile: { name: string; version: number },
): Channel | null {
  const effect = rule.effect.channel;
  if (effect === undefined) return null;
  if (typeof effect === 'string') return effect;
  const u = uniform(`${reference}|${rule.id}|${profile.name}@${profile.version}`);
  let acc = 0;
  for (const c of ['red', 'yellow', 'blue', 'green'] as const) {
    acc += effect[c] ?? 0;
    if (u < acc) return c;
  }
  return null;
}

interface CompiledRule {
  profile: ProfileVersion;
  rule: Rule;
  prior: number;
  subjects: { subject: string; kind: 'field' | 'indicator' }[];
}

export async function scoreLines(
  db: Kysely<DB>,
  lines: readonly ScoringLine[],
  options: ScoreOptions,
): Promise<ScoreResult> {
  const scoring = scoringOf(options.profiles);
  const batch = createBatch(db, lines, options.indicatorOptions ?? {});
  const watchlists = await watchlistsOf(batch);

  const rules: CompiledRule[] = [];
  const needed = new Set<string>();
  for (const profile of options.profiles) {
    for (const rule of profile.document.rules) {
      if (!rule.enabled) continue;
      for (const name of indicatorsOf(rule.when, watchlists)) needed.add(name);
      const subjects = new Map<string, 'field' | 'indicator'>();
      for (const leaf of leavesOf(rule.when)) {
        const s = subjectOf(leaf, watchlists);
        if (s?.field) subjects.set(s.field, 'field');
        else if (s?.indicator) subjects.set(s.indicator, 'indicator');
      }
      rules.push({
        profile,
        rule,
        prior: rulePrior(rule, scoring.base_probability),
        subjects: [...subjects].map(([subject, kind]) => ({ subject, kind })),
      });
    }
  }
  for (const name of needed) if (!indicatorOf(name)) throw new Error(`unknown indicator ${name}`);

  const [columns, findings, model] = await Promise.all([
    Promise.all([...needed].map(async (name) => [name, await batch.indicator(name)] as const)),
    valuationFindings(batch),
    modelScores(batch),
  ]);
  const indicatorColumns = new Map(columns);
  const ctx: EvalContext = {
    lodgedOn: lines.map((l) => l.lodged_on),
    field: fieldColumns(lines),
    indicator: (name) => indicatorColumns.get(name)?.values ?? lines.map(() => null),
    watchlists,
  };

  const n = lines.length;
  const hits: (Hit[] | undefined)[] = new Array(n);
  for (const compiled of rules) {
    const { profile, rule } = compiled;
    const predicate = compileCondition(rule.when, ctx);
    const stats = options.ruleStats?.get(ruleKey(profile.name, rule.id));
    const k = scoring.prior_weight;
    const probability = stats
      ? (stats.frauds + k * compiled.prior) / Math.max(stats.inspected + k, 1e-9)
      : compiled.prior;
    let drawn: { reference: string; channel: Channel | null } | undefined;
    for (let i = 0; i < n; i++) {
      if (!predicate(i)) continue;
      const line = lines[i]!;
      if (drawn?.reference !== line.reference)
        drawn = { reference: line.reference, channel: drawChannel(rule, line.reference, profile) };
      const hit: Hit = {
        profile_id: profile.id,
        profile: profile.name,
        version: profile.version,
        rule_id: rule.id,
        title: rule.title,
        points: rule.effect.points,
        channel: drawn.channel,
        critical: rule.critical,
        tags: rule.effect.tags,
        campaign: rule.effect.campaign ?? null,
        probability,
        values: compiled.subjects.map(({ subject, kind }) => {
          if (kind === 'field') return { subject, kind, value: ctx.field(subject)[i] ?? null };
          const col = indicatorColumns.get(subject);
          return { subject, kind, value: col?.values[i] ?? null, evidence: col?.evidence[i] };
        }),
      };
      const list = hits[i];
      if (list) list.push(hit);
      else hits[i] = [hit];
    }
  }

  const baseLogit = logit(scoring.base_probability);
  const items: ItemScore[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const lineHits = hits[i] ?? [];
    const breakdown: BreakdownEntry[] = [];
    let score = 0;
    let evidence = 0;
    let critical = false;
    let forced: ItemScore['forced'] = null;
    const tags = new Set<string>();
    const campaigns = new Set<string>();
    for (const h of lineHits) {
      breakdown.push({ source: 'rule', id: `${h.profile}/${h.rule_id}`, points: h.points });
      score += h.points;
      evidence += logit(h.probability) - baseLogit;
      if (h.critical) critical = true;
      if (h.channel && (!forced || CHANNEL_SEVERITY[h.channel] > CHANNEL_SEVERITY[forced.channel]))
        forced = { channel: h.channel, rule_id: h.rule_id, profile: h.profile };
      for (const t of h.tags) tags.add(t);
      if (h.campaign) campaigns.add(h.campaign);
    }
    const finding = findings[i] ?? null;
    if (finding?.flagged) {
      breakdown.push({ source: 'valuation', id: finding.level, points: scoring.valuation.points });
      score += scoring.valuation.points;
      evidence += logit(scoring.valuation.probability) - baseLogit;
    }
    const m = model?.scores[i];
    let base = scoring.base_probability;
    if (model && m) {
      const points = scoring.model.weight * m.probability;
      breakdown.push({ source: 'model', id: model.name, points });
      score += points;
      base = m.probability;
    }
    const probability = sigmoid(logit(base) + evidence);
    const value = line.item.customs_value;
    const rate = Math.max(line.item.duty_rate ?? 0, scoring.stake_min_rate);
    const stake = Math.max((value * rate) / 100, finding?.duties_at_stake ?? 0);
    const expected = probability * stake * (critical ? 1 + scoring.safety_weight : 1);
    items[i] = {
      index: i,
      item_id: line.item_id,
      line_no: line.item.line_no,
      score,
      probability,
      stake,
      expected_value: expected,
      critical,
      breakdown,
      hits: lineHits,
      forced,
      tags: [...tags],
      campaigns: [...campaigns],
      finding,
      model:
        model && m
          ? { name: model.name, probability: m.probability, reasons: m.reasons, anomaly: m.anomaly ?? null }
          : null,
    };
  }

  const declarations: DeclarationResult[] = [];
  let start = 0;
  while (start < n) {
    const first = lines[start]!;
    let end = start + 1;
    while (end < n && lines[end]!.reference === first.reference) end++;
    const group = items.slice(start, end);
    let top = group[0]!;
    let none = 1;
    let ev = 0;
    let critical = false;
    let forced: DeclarationResult['forced'] = null;
    for (const it of group) {
      if (it.score > top.score) top = it;
      none *= 1 - it.probability;
      ev += it.expected_value;
      if (it.critical) critical = true;
      if (it.forced && (!forced || CHANNEL_SEVERITY[it.forced.channel] > CHANNEL_SEVERITY[forced.channel]))
        forced = { ...it.forced, line_no: it.line_no };
    }
    const indicative: Channel =
      forced?.channel ??
      (top.score >= scoring.red_score ? 'red' : top.score >= scoring.yellow_score ? 'yellow' : 'green');
    declarations.push({
      reference: first.reference,
      declaration_id: first.declaration_id,
      office: first.office,
      lodged_on: first.lodged_on,
      currency: first.currency,
      items: group,
      score: top.score,
      probability: 1 - none,
      expected_value: ev,
      critical,
      forced,
      indicative_channel: indicative,
      top,
    });
    start = end;
  }
  return {
    declarations,
    items,
    scoring,
    profiles: options.profiles.map((p) => ({ id: p.id, name: p.name, version: p.version })),
    model: model?.name ?? null,
  };
}
