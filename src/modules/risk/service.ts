/**
 * Scoring one declaration (stored, or given inline before it is lodged) with the active profiles: the API's and
 * the CLI's `score`. Nothing is stored: decisions come from the daily selection. What every call reads (profiles,
 * rule statistics, watchlists, settings, rates) is cached briefly in process so one scoring costs a few queries.
 */
import type { Database } from '../../platform/db/database.ts';
import { cached } from '../../platform/lib/cache.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import type { Texts } from '../../platform/lib/lang.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import { getValuationSettings } from '../valuation/index.ts';
import { loadRuleStats } from './decisions/selection.ts';
import { explainAll, ruleMap } from './explain.ts';
import { loadLines, type ScoringLine, unstoredLine } from './lines.ts';
import { activeProfiles } from './profiles.ts';
import { type DeclarationResult, type ProfileVersion, type ScoreResult, scoreLines } from './score.ts';
import { getFxRates, getRiskSettings } from './settings.ts';
import { loadWatchlists } from './watchlists.ts';

/** Indicator options shared by interactive scorings (cached a few seconds). */
export async function cachedIndicatorOptions(database: Database): Promise<Record<string, unknown>> {
  const db = database.db;
  const [watchlists, riskSettings, fxRates, valuationSettings] = await Promise.all([
    cached('watchlists', () => loadWatchlists(db)),
    cached('risk-settings', () => getRiskSettings(db)),
    cached('fx-rates', () => getFxRates(db)),
    cached('valuation-settings', () => getValuationSettings(db)),
  ]);
  return { watchlists, riskSettings, fxRates, valuationSettings };
}

export interface ScoredDeclaration {
  reference: string;
  office: string;
  lodged_on: string;
  stored: boolean;
  profiles: ScoreResult['profiles'];
  model: string | null;
  result: DeclarationResult;
  explanation: Texts;
}

export async function scoreDeclaration(
  database: Database,
  input: { reference: string } | { lines: DeclarationLine[] },
  options: { profiles?: ProfileVersion[] } = {},
): Promise<ScoredDeclaration> {
  const db = database.db;
  let lines: ScoringLine[];
  if ('reference' in input) {
    lines = await loadLines(db, { references: [input.reference] });
    if (lines.length === 0)
      throw new NotFoundError('declaration.not_found', `no declaration ${input.reference}`);
  } else lines = input.lines.map(unstoredLine);
  const first = lines[0]!;
  const profiles = options.profiles ?? (await activeProfiles(db, first.lodged_on));
  if (profiles.length === 0)
    throw new AppError(
      'risk.no_active_profile',
      `no rule profile is active on ${first.lodged_on}: activate one first`,
      409,
    );
  const [ruleStats, indicatorOptions] = await Promise.all([
    loadRuleStats(db),
    cachedIndicatorOptions(database),
  ]);
  const scored = await scoreLines(db, lines, {
    profiles,
    ruleStats,
    indicatorOptions: { ...indicatorOptions, explain: true },
  });
  const result = scored.declarations[0]!;
  const explanation = explainAll(
    result,
    {
      channel: result.indicative_channel,
      basis: result.forced ? 'forced' : 'score',
      thresholds: { red: scored.scoring.red_score, yellow: scored.scoring.yellow_score },
    },
    ruleMap(profiles),
  );
  return {
    reference: result.reference,
    office: result.office,
    lodged_on: result.lodged_on,
    stored: 'reference' in input,
    profiles: scored.profiles,
    model: scored.model,
    result,
    explanation,
  };
}

/** The API's answer for a scored declaration. */
export function scoreAnswer(s: ScoredDeclaration) {
  const r = s.result;
  return {
    reference: s.reference,
    office: s.office,
    lodged_on: s.lodged_on,
    stored: s.stored,
    profiles: s.profiles,
    model: s.model,
    score: r.score,
    probability: r.probability,
    expected_value: r.expected_value,
    critical: r.critical,
    indicative_channel: r.indicative_channel,
    forced: r.forced,
    breakdown: r.top.breakdown,
    items: r.items.map((it) => ({
      item_id: it.item_id,
      line_no: it.line_no,
      score: it.score,
      probability: it.probability,
      stake: it.stake,
      expected_value: it.expected_value,
      critical: it.critical,
      breakdown: it.breakdown,
      hits: it.hits.map((h) => ({
        profile: h.profile,
        version: h.version,
        rule_id: h.rule_id,
        title: h.title,
        points: h.points,
        channel: h.channel,
        critical: h.critical,
        tags: h.tags,
        probability: h.probability,
        values: h.values,
      })),
      forced: it.forced,
      tags: it.tags,
      finding: it.finding,
      model: it.model,
    })),
    explanation: s.explanation,
  };
}
