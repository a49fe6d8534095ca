/**
 * Reading decisions: the decision queue (filters, sorts, counts) and one decision with its items, hits, overrides
 * and outcomes.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { iso } from '../../../platform/lib/errors.ts';
import { type StoredTexts, withArabic } from '../../../platform/lib/lang.ts';
import {
  type Channel,
  DECLARATIONS,
  IMPORTERS,
  INSPECTION_OUTCOMES,
  itemRows,
  outcomeRows,
} from '../../declarations/index.ts';
import { VALUATION_FINDINGS } from '../../valuation/index.ts';
import { campaignDecisionCondition } from '../campaigns.ts';
import { RANDOM_REASON } from '../explain.ts';
import type { OfficeScope } from './types.ts';

// ── reading decisions ──

/** Sort keys of the decision list (whitelisted: each maps to a fixed SQL expression). */
export const DECISION_SORTS = ['score', 'expected_value', 'day', 'office', 'channel', 'reference'] as const;
export type DecisionSort = (typeof DECISION_SORTS)[number];
export const DECISION_STATUSES = ['pending', 'controlled'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionFilters {
  office?: string | undefined;
  day?: string | undefined;
  channel?: Channel | undefined;
  reference?: string | undefined;
  run_id?: number | undefined;
  /** Declarations queued in the campaign or matching it. */
  campaign_id?: number | undefined;
  /** Decisions scoring at least this much. */
  min_score?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** controlled: an outcome is recorded for at least one item; pending: none yet. */
  status?: DecisionStatus | undefined;
  /** Only the declarations sent to control (red and yellow channels). */
  selected?: boolean | undefined;
  sort?: DecisionSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** Severity order of the channels (red first when descending). */
const SEVERITY_SQL = (alias: string) =>
  `case ${alias}.channel when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end`;

/** ORDER BY of the list on alias `a`: a whitelisted expression, then the id so that pages never overlap. */
function decisionOrder(alias: string, sort: DecisionSort | undefined, order: 'asc' | 'desc' | undefined) {
  if (!sort) return sql.raw(`${SEVERITY_SQL(alias)} desc, ${alias}.expected_value desc, ${alias}.id`);
  const column: Record<DecisionSort, string> = {
    score: `${alias}.score`,
    expected_value: `${alias}.expected_value`,
    day: `${alias}.lodged_on`,
    office: `${alias}.office_code`,
    channel: SEVERITY_SQL(alias),
    reference: `${alias}.reference`,
  };
  const direction = order === 'asc' ? 'asc' : 'desc';
  return sql.raw(`${column[sort]} ${direction}, ${alias}.id ${direction}`);
}

/**
 * Whether a decision (alias d) has an outcome recorded on one of its items. Uncorrelated on purpose: the planner
 * hashes the controlled decisions once instead of probing the items and outcomes once per decision, which made the
 * queue's counts 3 times slower at 100,000 decisions (bench suite `queue`).
 */
const CONTROLLED = sql`d.id in (select ci.decision_id from risk_decision_items ci
  join ${INSPECTION_OUTCOMES} co on co.item_id = ci.item_id)`;

interface DecisionRow {
  id: number | string;
  declaration_id: number | string;
  reference: string;
  office_code: string;
  lodged_on: string;
  run_id: number | string | null;
  channel: Channel;
  initial_channel: Channel;
  basis: 'forced' | 'ranked' | 'random' | 'deferred' | 'none';
  score: number;
  probability: number;
  expected_value: number;
  rank: number | null;
  decided_at: Date | string;
  importer_code: string | null;
  importer_name: string | null;
  items: number;
  controlled_items: number;
  duties_at_stake: number | null;
  reason_source: string | null;
  reason_id: string | null;
  reason_points: number | null;
  reason_title: string | StoredTexts | null;
}

/**
 * The current decisions in the caller's scope, filtered, sorted and paged, each with what the selection queue shows
 * (importer, items and items with an outcome, valuation duties at stake, the largest term of the score and its rule
 * title). One query for the page (the per-row extras are computed on the page only) and one for the counts.
 */
export async function listDecisions(
  db: Kysely<DB>,
  filters: DecisionFilters,
  scope: OfficeScope,
  page: { limit: number; offset: number },
) {
  const where = [sql`d.superseded_at is null`];
  if (scope.office !== null) where.push(sql`d.office_code = ${scope.office}`);
  if (filters.office) where.push(sql`d.office_code = ${filters.office}`);
  if (filters.day) where.push(sql`d.lodged_on = ${filters.day}::date`);
  if (filters.from) where.push(sql`d.lodged_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`d.lodged_on <= ${filters.to}::date`);
  if (filters.channel) where.push(sql`d.channel = ${filters.channel}`);
  if (filters.selected) where.push(sql`d.channel in ('red', 'yellow')`);
  if (filters.reference) where.push(sql`d.reference = ${filters.reference}`);
  if (filters.run_id) where.push(sql`d.run_id = ${filters.run_id}`);
  if (filters.min_score !== undefined) where.push(sql`d.score >= ${filters.min_score}`);
  if (filters.status === 'controlled') where.push(CONTROLLED);
  if (filters.status === 'pending') where.push(sql`not ${CONTROLLED}`);
  if (filters.campaign_id !== undefined) where.push(await campaignDecisionCondition(db, filters.campaign_id));
  const condition = sql.join(where, sql` and `);
  const [counts, { rows }] = await Promise.all([
    sql<{ n: number; selected: number; controlled: number }>`
      select count(*)::int as n,
             count(*) filter (where d.channel in ('red', 'yellow'))::int as selected,
             count(*) filter (where d.channel in ('red', 'yellow') and ${CONTROLLED})::int as controlled
      from risk_decisions d where ${condition}`.execute(db),
    sql<DecisionRow>`
      with page as (
        select d.id, d.declaration_id, d.reference, d.office_code, d.lodged_on, d.run_id, d.channel,
               d.initial_channel, d.basis, d.score, d.probability, d.expected_value, d.rank, d.decided_at,
               d.breakdown, d.profile_versions
        from risk_decisions d
        where ${condition}
        order by ${decisionOrder('d', filters.sort, filters.order)}
        limit ${page.limit} offset ${page.offset}
      )
      select p.id, p.declaration_id, p.reference, p.office_code, p.lodged_on::text as lodged_on, p.run_id,
             p.channel, p.initial_channel, p.basis, p.score, p.probability, p.expected_value, p.rank,
             p.decided_at, dd.importer_code, imp.name as importer_name,
             (select count(*)::int from risk_decision_items i where i.decision_id = p.id) as items,
             (select count(*)::int from risk_decision_items i where i.decision_id = p.id
                and exists (select 1 from ${INSPECTION_OUTCOMES} o where o.item_id = i.item_id)) as controlled_items,
             (select sum(f.duties_at_stake)::float8 from ${VALUATION_FINDINGS} f
                where f.declaration_id = p.declaration_id) as duties_at_stake,
             top.source as reason_source, top.ref as reason_id, top.points as reason_points,
             title.title as reason_title
      from page p
      join ${DECLARATIONS} dd on dd.id = p.declaration_id
      left join ${IMPORTERS} imp on imp.code = dd.importer_code
      left join lateral (
        select b->>'source' as source, b->>'id' as ref, (b->>'points')::float8 as points
        from jsonb_array_elements(p.breakdown) b
        order by (b->>'points')::float8 desc limit 1
      ) top on true
      left join lateral (
        select r->'title' as title
        from jsonb_array_elements(p.profile_versions) v
        join risk_profiles rp on rp.id = (v->>'id')::bigint
        cross join lateral jsonb_array_elements(rp.document->'rules') r
        where top.source = 'rule' and top.ref = rp.name || '/' || (r->>'id')
        limit 1
      ) title on true
      order by ${decisionOrder('p', filters.sort, filters.order)}`.execute(db),
  ]);
  const n = counts.rows[0] ?? { n: 0, selected: 0, controlled: 0 };
  return {
    total: Number(n.n),
    summary: { selected: n.selected, controlled: n.controlled, pending: n.selected - n.controlled },
    items: rows.map((r) => ({
      id: Number(r.id),
      reference: r.reference,
      office: r.office_code,
      lodged_on: r.lodged_on,
      run_id: r.run_id === null ? null : Number(r.run_id),
      channel: r.channel,
      initial_channel: r.initial_channel,
      basis: r.basis,
      score: r.score,
      probability: r.probability,
      expected_value: r.expected_value,
      rank: r.rank,
      decided_at: iso(r.decided_at),
      importer_code: r.importer_code,
      importer_name: r.importer_name,
      items: r.items,
      controlled_items: r.controlled_items,
      status: (r.controlled_items > 0 ? 'controlled' : 'pending') as DecisionStatus,
      duties_at_stake: r.duties_at_stake,
      random: r.basis === 'random',
      // A random pick was chosen by the draw, not by its score: that is its main reason.
      top_reason:
        r.basis === 'random'
          ? { source: 'random', id: 'random', points: 0, title: { ...RANDOM_REASON } }
          : r.reason_source === null
            ? null
            : {
                source: r.reason_source,
                id: r.reason_id ?? '',
                points: r.reason_points ?? 0,
                title:
                  r.reason_title === null
                    ? null
                    : typeof r.reason_title === 'string'
                      ? { en: r.reason_title, fr: r.reason_title, ar: r.reason_title }
                      : withArabic(r.reason_title),
              },
    })),
  };
}

/** One decision with its items, rule hits, overrides and the items' outcomes; undefined outside the caller's scope. */
export async function getDecision(db: Kysely<DB>, id: number, scope: OfficeScope) {
  const d = await db.selectFrom('risk_decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d || (scope.office !== null && d.office_code !== scope.office)) return undefined;
  const [items, hits, overrides, outcomes, corrections] = await Promise.all([
    db
      .selectFrom('risk_decision_items')
      .selectAll()
      .where('decision_id', '=', id)
      .orderBy('line_no')
      .execute(),
    db
      .selectFrom('risk_decision_hits as h')
      .innerJoin('risk_profiles as p', 'p.id', 'h.profile_id')
      .select([
        'h.item_id',
        'h.rule_id',
        'h.points',
        'h.channel',
        'h.critical',
        'p.name as profile',
        'p.version',
        'h.profile_id',
      ])
      .where('h.decision_id', '=', id)
      .execute(),
    db.selectFrom('risk_overrides').selectAll().where('decision_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom(outcomeRows(db).as('o'))
      .innerJoin(itemRows(db).as('i'), 'i.id', 'o.item_id')
      .select([
        'o.id',
        'o.item_id',
        'o.result',
        'o.fraud_type',
        'o.recovered_amount',
        'o.officer',
        'o.source',
        'o.inspected_on',
        'o.channel',
        'o.note',
      ])
      .where('i.declaration_id', '=', d.declaration_id)
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('risk_outcome_corrections as c')
      .innerJoin('risk_decision_items as di', 'di.item_id', 'c.item_id')
      .select(['c.outcome_id', 'c.correction_id', 'c.reason', 'c.officer', 'c.at'])
      .where('di.decision_id', '=', id)
      .execute(),
  ]);
  const correctedBy = new Map(corrections.map((c) => [Number(c.outcome_id), Number(c.correction_id)]));
  const correctionOf = new Map(corrections.map((c) => [Number(c.correction_id), c]));
  return {
    id: Number(d.id),
    reference: d.reference,
    office: d.office_code,
    lodged_on: d.lodged_on,
    run_id: d.run_id === null ? null : Number(d.run_id),
    channel: d.channel,
    initial_channel: d.initial_channel,
    basis: d.basis,
    score: d.score,
    probability: d.probability,
    expected_value: d.expected_value,
    rank: d.rank,
    profile_versions: d.profile_versions as { id: number; name: string; version: number }[],
    breakdown: d.breakdown as { source: string; id: string; points: number }[],
    // Decisions stored before Arabic explanations (decision 0043) have no `ar`: Arabic reads their French text.
    explanation: withArabic(d.explanation),
    decided_by: d.decided_by,
    decided_at: iso(d.decided_at),
    superseded_at: d.superseded_at ? iso(d.superseded_at) : null,
    items: items.map((it) => ({
      item_id: Number(it.item_id),
      line_no: it.line_no,
      score: it.score,
      probability: it.probability,
      expected_value: it.expected_value,
      breakdown: it.breakdown as { source: string; id: string; points: number }[],
      tags: it.tags,
      indicators: it.indicators,
      anomaly: it.anomaly ? { ...it.anomaly, reasons: it.anomaly.reasons.map(withArabic) } : null,
      hits: hits
        .filter((h) => Number(h.item_id) === Number(it.item_id))
        .map((h) => ({
          profile: h.profile,
          version: h.version,
          rule_id: h.rule_id,
          points: h.points,
          channel: h.channel,
          critical: h.critical,
        })),
      outcomes: outcomes
        .filter((o) => Number(o.item_id) === Number(it.item_id))
        .map(({ item_id: _i, ...o }) => {
          const c = correctionOf.get(Number(o.id));
          return {
            ...o,
            id: Number(o.id),
            corrected_by: correctedBy.get(Number(o.id)) ?? null,
            correction: c
              ? { of: Number(c.outcome_id), reason: c.reason, officer: c.officer, at: iso(c.at) }
              : null,
          };
        }),
    })),
    overrides: overrides.map((o) => ({
      id: Number(o.id),
      from_channel: o.from_channel,
      to_channel: o.to_channel,
      reason: o.reason,
      officer: o.officer,
      at: iso(o.at),
    })),
  };
}
