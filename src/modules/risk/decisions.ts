/**
 * Decisions: the daily selection per office (scored, selected within capacity, stored with items, rule hits and
 * explanations, audited), overrides with a mandatory reason, officer outcomes (into `inspection_outcomes`, source
 * 'officer'), and what the targeting cell reads back: rule and channel statistics, the integrity view.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import {
  CHANNELS,
  type Channel,
  DECLARATION_ITEMS,
  DECLARATIONS,
  declarationRows,
  IMPORTERS,
  INSPECTION_OUTCOMES,
  insertOfficerOutcome,
  itemRows,
  type OutcomeResult,
  outcomeRows,
} from '../declarations/index.ts';
import { rebuildReferences, storeFindings, VALUATION_FINDINGS } from '../valuation/index.ts';
import { campaignDecisionCondition } from './campaigns.ts';
import { explainBoth, ruleMap } from './explain.ts';
import { loadLines } from './lines.ts';
import { officeParams } from './offices.ts';
import { activeProfiles } from './profiles.ts';
import { CHANNEL_SEVERITY } from './rules/schema.ts';
import { type ProfileVersion, type RuleStats, ruleKey, scoreLines } from './score.ts';
import { candidatesOf, select } from './select.ts';

export const FRAUD_TYPES = ['valuation', 'origin', 'classification', 'ipr', 'prohibited', 'other'] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

/** Which offices a caller sees: null for every office. */
export interface OfficeScope {
  office: string | null;
}

// ── rule statistics used by scoring (precision of past hits), cached briefly ──

let statsCache: { at: number; stats: RuleStats } | null = null;
const STATS_MS = 5000;

export function forgetRuleStats(): void {
  statsCache = null;
}

/** Inspected hits and frauds per profile name and rule, from current decisions and the items' latest outcomes. */
export async function loadRuleStats(db: Kysely<DB>): Promise<RuleStats> {
  if (statsCache && Date.now() - statsCache.at < STATS_MS) return statsCache.stats;
  const { rows } = await sql<{ name: string; rule_id: string; inspected: number; frauds: number }>`
    select p.name, h.rule_id, count(o.result)::int as inspected,
           count(*) filter (where o.result in ('fraud', 'critical'))::int as frauds
    from risk_decision_hits h
    join risk_decisions d on d.id = h.decision_id and d.superseded_at is null
    join risk_profiles p on p.id = h.profile_id
    join lateral (select result from ${INSPECTION_OUTCOMES} o where o.item_id = h.item_id order by o.id desc limit 1) o on true
    group by p.name, h.rule_id`.execute(db);
  const stats = new Map(
    rows.map((r) => [ruleKey(r.name, r.rule_id), { inspected: r.inspected, frauds: r.frauds }]),
  );
  statsCache = { at: Date.now(), stats };
  return stats;
}

// ── selection ──

export interface SelectionRequest {
  office: string;
  day: string;
  seed?: string | undefined;
  random_share?: number | undefined;
  capacity_items?: number | null | undefined;
  capacity_hours?: number | null | undefined;
}

export interface SelectionSummary {
  run_id: number;
  office: string;
  day: string;
  seed: string;
  profiles: { id: number; name: string; version: number }[];
  model: string | null;
  declarations: number;
  items: number;
  unit: 'items' | 'minutes';
  budget: number;
  used: number;
  selected_items: number;
  random_items: number;
  random_share: number;
  over_capacity: boolean;
  counts: Record<string, number>;
  decisions: {
    id: number;
    reference: string;
    channel: Channel;
    basis: string;
    score: number;
    rank: number | null;
  }[];
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Scores the declarations lodged at `office` on `day`, selects within capacity, stores one decision per declaration
 * (superseding an earlier one), the flagged valuation findings and campaign queue entries; one audit entry names
 * every decision.
 */
export async function runSelection(
  database: Database,
  actor: Actor,
  request: SelectionRequest,
  options: { profiles?: ProfileVersion[] } = {},
): Promise<SelectionSummary> {
  const db = database.db;
  const profiles = options.profiles ?? (await activeProfiles(db, request.day));
  if (profiles.length === 0)
    throw new AppError(
      'risk.no_active_profile',
      `no rule profile is active on ${request.day}: activate one first`,
      409,
    );
  const [lines, params, ruleStats] = await Promise.all([
    loadLines(db, { office: request.office, from: request.day, to: request.day }),
    officeParams(db, request.office),
    loadRuleStats(db),
  ]);
  if (request.capacity_items !== undefined) params.capacity_items = request.capacity_items;
  if (request.capacity_hours !== undefined) params.capacity_hours = request.capacity_hours;
  const scored = await scoreLines(db, lines, { profiles, ruleStats, indicatorOptions: { explain: true } });
  const profileTag = profiles.map((p) => `${p.name}@${p.version}`).join(',');
  const seed = request.seed ?? `${request.office}|${request.day}|${profileTag}`;
  const selection = select(
    candidatesOf(scored.declarations, scored.scoring.rank_by, scored.scoring.min_probability),
    params,
    {
      seed,
      ...(request.random_share !== undefined ? { randomShare: request.random_share } : {}),
    },
  );
  const rules = ruleMap(profiles);
  const versions = scored.profiles;

  return database.transaction(async (session) => {
    const run = await session.db
      .insertInto('risk_selection_runs')
      .values({
        office_code: request.office,
        day: request.day,
        profile_versions: JSON.stringify(versions),
        seed,
        capacity_items: params.capacity_items,
        capacity_minutes:
          params.capacity_items === null && params.capacity_hours !== null
            ? params.capacity_hours * 60
            : null,
        random_share: selection.randomShare,
        candidates: scored.declarations.length,
        items: selection.items,
        selected_items: selection.selectedItems,
        random_items: selection.randomItems,
        counts: JSON.stringify(selection.counts),
        created_by: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const declarationIds = scored.declarations.map((d) => d.declaration_id!);
    // An officer's override outlives a re-run of the day: the new decision keeps the overridden channel (the
    // computed one stays as its initial channel) and the override records move along with it.
    const overridden = new Map<number, { decisionId: number; channel: Channel }>();
    if (declarationIds.length > 0) {
      const previous = await session.db
        .selectFrom('risk_decisions as d')
        .select(['d.id', 'd.declaration_id', 'd.channel'])
        .where('d.declaration_id', 'in', declarationIds)
        .where('d.superseded_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb.selectFrom('risk_overrides as o').select('o.id').whereRef('o.decision_id', '=', 'd.id'),
          ),
        )
        .execute();
      for (const p of previous)
        overridden.set(Number(p.declaration_id), { decisionId: Number(p.id), channel: p.channel as Channel });
      await session.db
        .updateTable('risk_decisions')
        .set({ superseded_at: new Date() })
        .where('declaration_id', 'in', declarationIds)
        .where('superseded_at', 'is', null)
        .execute();
    }
    const decisions: SelectionSummary['decisions'] = [];
    const rows = scored.declarations.map((d, i) => {
      const a = selection.assignments[i]!;
      const explanation = explainBoth(
        d,
        {
          channel: a.channel,
          basis: a.basis,
          rank: a.rank,
          candidates: scored.declarations.length,
          randomShare: selection.randomShare,
        },
        rules,
      );
      return {
        declaration_id: d.declaration_id!,
        reference: d.reference,
        office_code: d.office,
        lodged_on: d.lodged_on,
        run_id: run.id,
        channel: overridden.get(d.declaration_id!)?.channel ?? a.channel,
        initial_channel: a.channel,
        basis: a.basis,
        score: d.score,
        probability: d.probability,
        expected_value: d.expected_value,
        rank: a.rank,
        profile_versions: JSON.stringify(versions),
        breakdown: JSON.stringify(d.top.breakdown),
        explanation: JSON.stringify(explanation),
        decided_by: actor.name,
      };
    });
    const idOf = new Map<string, number>();
    for (const part of chunks(rows, 500)) {
      const inserted = await session.db
        .insertInto('risk_decisions')
        .values(part)
        .returning(['id', 'reference'])
        .execute();
      for (const r of inserted) idOf.set(r.reference, Number(r.id));
    }
    for (const d of scored.declarations) {
      const kept = overridden.get(d.declaration_id!);
      if (!kept) continue;
      await session.db
        .updateTable('risk_overrides')
        .set({ decision_id: idOf.get(d.reference)! })
        .where('decision_id', '=', kept.decisionId)
        .execute();
    }
    const itemRows = [];
    const hitRows = [];
    const findings = [];
    const queued: { campaign: string; declaration_id: number }[] = [];
    for (const [index, d] of scored.declarations.entries()) {
      const decisionId = idOf.get(d.reference)!;
      for (const item of d.items) {
        const indicators: Record<string, unknown> = {};
        for (const h of item.hits)
          for (const v of h.values) if (v.kind === 'indicator') indicators[v.subject] = v.value;
        itemRows.push({
          decision_id: decisionId,
          item_id: item.item_id!,
          line_no: item.line_no,
          score: item.score,
          probability: item.probability,
          expected_value: item.expected_value,
          breakdown: JSON.stringify(item.breakdown),
          tags: item.tags,
          indicators: JSON.stringify(indicators),
        });
        for (const h of item.hits)
          hitRows.push({
            decision_id: decisionId,
            item_id: item.item_id!,
            profile_id: h.profile_id,
            rule_id: h.rule_id,
            points: h.points,
            channel: h.channel,
            critical: h.critical,
          });
        if (item.finding?.flagged)
          findings.push({ item_id: item.item_id!, declaration_id: d.declaration_id!, finding: item.finding });
        for (const c of item.campaigns) queued.push({ campaign: c, declaration_id: d.declaration_id! });
      }
      const a = selection.assignments[index]!;
      decisions.push({
        id: decisionId,
        reference: d.reference,
        channel: overridden.get(d.declaration_id!)?.channel ?? a.channel,
        basis: a.basis,
        score: d.score,
        rank: a.rank,
      });
    }
    for (const part of chunks(itemRows, 1000))
      await session.db.insertInto('risk_decision_items').values(part).execute();
    for (const part of chunks(hitRows, 1000))
      await session.db.insertInto('risk_decision_hits').values(part).execute();
    await storeFindings(session.db, findings);
    if (queued.length > 0) {
      const campaigns = await session.db
        .selectFrom('risk_campaigns')
        .select(['id', 'name'])
        .where('name', 'in', [...new Set(queued.map((q) => q.campaign))])
        .where('status', '=', 'active')
        .execute();
      const campaignId = new Map(campaigns.map((c) => [c.name, Number(c.id)]));
      const entries = queued
        .filter((q) => campaignId.has(q.campaign))
        .map((q) => ({
          campaign_id: campaignId.get(q.campaign)!,
          declaration_id: q.declaration_id,
          source: 'rule' as const,
          queued_by: actor.name,
        }));
      for (const part of chunks(entries, 1000))
        await session.db
          .insertInto('risk_campaign_items')
          .values(part)
          .onConflict((oc) => oc.columns(['campaign_id', 'declaration_id']).doNothing())
          .execute();
    }
    await appendAudit(session, actor, {
      action: 'risk.selection_run',
      target_type: 'selection_run',
      target_id: run.id,
      details: {
        office: request.office,
        day: request.day,
        seed,
        profiles: versions,
        model: scored.model,
        budget: selection.budget,
        unit: selection.unit,
        used: selection.used,
        random_share: selection.randomShare,
        over_capacity: selection.overCapacity,
        counts: selection.counts,
        decisions: decisions.map((x) => [x.reference, x.channel, x.basis, Math.round(x.score * 100) / 100]),
      },
    });
    return {
      run_id: Number(run.id),
      office: request.office,
      day: request.day,
      seed,
      profiles: versions,
      model: scored.model,
      declarations: scored.declarations.length,
      items: selection.items,
      unit: selection.unit,
      budget: selection.budget,
      used: selection.used,
      selected_items: selection.selectedItems,
      random_items: selection.randomItems,
      random_share: selection.randomShare,
      over_capacity: selection.overCapacity,
      counts: selection.counts,
      decisions,
    };
  });
}

export async function listSelectionRuns(
  db: Kysely<DB>,
  filters: { office?: string | undefined; day?: string | undefined },
  scope: OfficeScope,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('risk_selection_runs');
  if (scope.office !== null) query = query.where('office_code', '=', scope.office);
  if (filters.office) query = query.where('office_code', '=', filters.office);
  if (filters.day) query = query.where('day', '=', filters.day);
  const [total, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      office: r.office_code,
      created_at: iso(r.created_at),
    })),
  };
}

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
  reason_title: string | { en: string; fr: string } | null;
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
      top_reason:
        r.reason_source === null
          ? null
          : {
              source: r.reason_source,
              id: r.reason_id ?? '',
              points: r.reason_points ?? 0,
              title:
                r.reason_title === null
                  ? null
                  : typeof r.reason_title === 'string'
                    ? { en: r.reason_title, fr: r.reason_title }
                    : r.reason_title,
            },
    })),
  };
}

/** One decision with its items, rule hits, overrides and the items' outcomes; undefined outside the caller's scope. */
export async function getDecision(db: Kysely<DB>, id: number, scope: OfficeScope) {
  const d = await db.selectFrom('risk_decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d || (scope.office !== null && d.office_code !== scope.office)) return undefined;
  const [items, hits, overrides, outcomes] = await Promise.all([
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
  ]);
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
    explanation: d.explanation,
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
        .map(({ item_id: _i, ...o }) => ({ ...o, id: Number(o.id) })),
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

// ── overrides ──

export async function overrideDecision(
  database: Database,
  actor: Actor,
  id: number,
  input: { channel: Channel; reason: string },
  scope: OfficeScope,
) {
  const reason = (input.reason ?? '').trim();
  if (reason.length < 5)
    throw new AppError(
      'risk.override_reason_required',
      'an override needs a reason (5 characters at least)',
      400,
    );
  if (!CHANNELS.includes(input.channel)) throw new AppError('request.invalid', 'unknown channel', 400);
  return database.transaction(async (session) => {
    const d = await session.db
      .selectFrom('risk_decisions')
      .select([
        'id',
        'declaration_id',
        'reference',
        'office_code',
        'channel',
        'score',
        'probability',
        'superseded_at',
      ])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || (scope.office !== null && d.office_code !== scope.office))
      throw new NotFoundError('risk.decision_not_found', `no decision #${id}`);
    if (d.superseded_at)
      throw new AppError('risk.decision_superseded', `decision #${id} has been superseded`, 409);
    if (d.channel === input.channel)
      throw new AppError('risk.same_channel', `the channel is already ${input.channel}`, 409);
    await session.db
      .insertInto('risk_overrides')
      .values({
        decision_id: id,
        declaration_id: d.declaration_id,
        office_code: d.office_code,
        from_channel: d.channel,
        to_channel: input.channel,
        reason,
        officer: actor.name,
        officer_id: actor.id,
      })
      .execute();
    await session.db
      .updateTable('risk_decisions')
      .set({ channel: input.channel })
      .where('id', '=', id)
      .execute();
    const downgrade = CHANNEL_SEVERITY[input.channel] < CHANNEL_SEVERITY[d.channel];
    await appendAudit(session, actor, {
      action: 'risk.channel_overridden',
      target_type: 'risk_decision',
      target_id: id,
      before: { channel: d.channel },
      after: { channel: input.channel },
      details: {
        reference: d.reference,
        office: d.office_code,
        reason,
        downgrade,
        score: d.score,
        probability: d.probability,
      },
    });
    return { id, reference: d.reference, from_channel: d.channel, to_channel: input.channel, reason };
  });
}

// ── officer outcomes ──

export interface OutcomeInput {
  item_id: number;
  result: OutcomeResult;
  fraud_type?: FraudType | null | undefined;
  recovered_amount?: number | null | undefined;
  inspected_on?: string | null | undefined;
  note?: string | null | undefined;
}

export async function recordOutcome(
  database: Database,
  actor: Actor,
  input: OutcomeInput,
  scope: OfficeScope,
) {
  if (input.result !== 'compliant' && !input.fraud_type)
    throw new AppError(
      'risk.fraud_type_required',
      'a fraud outcome needs its type (valuation, origin, classification, ipr, prohibited, other)',
      400,
    );
  if (input.result === 'compliant' && input.fraud_type)
    throw new AppError('risk.fraud_type_unexpected', 'a compliant outcome has no fraud type', 400);
  if (input.recovered_amount != null && input.recovered_amount < 0)
    throw new AppError('request.invalid', 'recovered_amount must be zero or more', 400);
  const result = await database.transaction(async (session) => {
    const item = await session.db
      .selectFrom(itemRows(session.db).as('i'))
      .innerJoin(declarationRows(session.db).as('d'), 'd.id', 'i.declaration_id')
      .leftJoin('risk_decisions as r', (join) =>
        join.onRef('r.declaration_id', '=', 'd.id').on('r.superseded_at', 'is', null),
      )
      .select([
        'i.id',
        'i.hs_code',
        'i.line_no',
        'd.reference',
        'd.office_code',
        'r.channel',
        'r.id as decision_id',
      ])
      .where('i.id', '=', input.item_id)
      .executeTakeFirst();
    if (!item || (scope.office !== null && item.office_code !== scope.office))
      throw new NotFoundError('risk.item_not_found', `no item #${input.item_id}`);
    const row = await insertOfficerOutcome(session.db, {
      item_id: input.item_id,
      inspected_on: input.inspected_on ?? new Date().toISOString().slice(0, 10),
      channel: item.channel ?? null,
      result: input.result,
      fraud_type: input.fraud_type ?? null,
      recovered_amount: input.recovered_amount ?? null,
      officer: actor.name,
      note: input.note ?? null,
    });
    await appendAudit(session, actor, {
      action: 'risk.outcome_recorded',
      target_type: 'inspection_outcome',
      target_id: row.id,
      after: {
        item_id: input.item_id,
        reference: item.reference,
        line_no: item.line_no,
        result: input.result,
        fraud_type: input.fraud_type ?? null,
        recovered_amount: input.recovered_amount ?? null,
      },
      details: {
        office: item.office_code,
        decision_id: item.decision_id === null ? null : Number(item.decision_id),
      },
    });
    return {
      id: Number(row.id),
      item_id: input.item_id,
      reference: item.reference,
      result: input.result,
      hs_code: item.hs_code,
      recorded_at: iso(row.recorded_at),
    };
  });
  forgetRuleStats();
  // A fraud leaves the reference values of its heading: rebuild them now (small, set-based). The outcome is
  // committed already: a failed rebuild must not report it as lost; the next full rebuild catches up.
  let warning: string | undefined;
  if (input.result !== 'compliant')
    await rebuildReferences(database, { scope: 'hs', hs: [result.hs_code], by: actor.name }).catch(
      (error: unknown) => {
        warning = `outcome recorded; the reference values of ${result.hs_code} were not rebuilt (${(error as Error).message}): run vigie valuation rebuild`;
      },
    );
  const { hs_code: _hs, ...out } = result;
  return warning ? { ...out, warning } : out;
}

// ── statistics ──

export async function ruleStatistics(
  db: Kysely<DB>,
  filters: { profile?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  const where = [sql`d.superseded_at is null`];
  if (filters.profile) where.push(sql`p.name = ${filters.profile}`);
  if (filters.from) where.push(sql`d.lodged_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`d.lodged_on <= ${filters.to}::date`);
  const { rows } = await sql<{
    profile: string;
    rule_id: string;
    hits: number;
    declarations: number;
    inspected: number;
    frauds: number;
    critical: number;
    recovered: number | null;
    overridden: number;
  }>`
    select p.name as profile, h.rule_id,
           count(*)::int as hits,
           count(distinct h.decision_id)::int as declarations,
           count(o.result)::int as inspected,
           count(*) filter (where o.result in ('fraud', 'critical'))::int as frauds,
           count(*) filter (where o.result = 'critical')::int as critical,
           coalesce(sum(o.recovered_amount) filter (where o.result in ('fraud', 'critical')), 0)::float8 as recovered,
           count(*) filter (where exists (select 1 from risk_overrides v where v.decision_id = h.decision_id))::int as overridden
    from risk_decision_hits h
    join risk_decisions d on d.id = h.decision_id
    join risk_profiles p on p.id = h.profile_id
    left join lateral (select result, recovered_amount from ${INSPECTION_OUTCOMES} o
                       where o.item_id = h.item_id order by o.id desc limit 1) o on true
    where ${sql.join(where, sql` and `)}
    group by p.name, h.rule_id
    order by p.name, h.rule_id`.execute(db);
  return rows.map((r) => ({
    ...r,
    precision: r.inspected > 0 ? r.frauds / r.inspected : null,
    override_share: r.hits > 0 ? r.overridden / r.hits : 0,
  }));
}

export async function channelStatistics(
  db: Kysely<DB>,
  filters: { office?: string | undefined; from?: string | undefined; to?: string | undefined },
  scope: OfficeScope,
) {
  const where = [sql`d.superseded_at is null`];
  if (scope.office !== null) where.push(sql`d.office_code = ${scope.office}`);
  if (filters.office) where.push(sql`d.office_code = ${filters.office}`);
  if (filters.from) where.push(sql`d.lodged_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`d.lodged_on <= ${filters.to}::date`);
  const { rows } = await sql<{
    channel: Channel;
    basis: string;
    decisions: number;
    items: number;
    inspected: number;
    frauds: number;
    recovered: number;
    overridden: number;
  }>`
    select d.channel, d.basis, count(distinct d.id)::int as decisions, count(i.item_id)::int as items,
           count(o.result)::int as inspected,
           count(*) filter (where o.result in ('fraud', 'critical'))::int as frauds,
           coalesce(sum(o.recovered_amount) filter (where o.result in ('fraud', 'critical')), 0)::float8 as recovered,
           count(distinct d.id) filter (where d.channel <> d.initial_channel)::int as overridden
    from risk_decisions d
    join risk_decision_items i on i.decision_id = d.id
    left join lateral (select result, recovered_amount from ${INSPECTION_OUTCOMES} o
                       where o.item_id = i.item_id order by o.id desc limit 1) o on true
    where ${sql.join(where, sql` and `)}
    group by d.channel, d.basis
    order by d.channel, d.basis`.execute(db);
  return rows.map((r) => ({ ...r, precision: r.inspected > 0 ? r.frauds / r.inspected : null }));
}

/**
 * The integrity view: per officer, office and period (day, week or month), overrides (and how many lowered the
 * channel), releases of high-risk items (decisions at or above `high_risk` probability that ended green or blue
 * after an override), and outcomes recorded with the share of frauds found.
 */
export async function integrityView(
  db: Kysely<DB>,
  filters: {
    from?: string | undefined;
    to?: string | undefined;
    office?: string | undefined;
    officer?: string | undefined;
    period?: 'day' | 'week' | 'month' | undefined;
    high_risk?: number | undefined;
  },
) {
  const period = filters.period ?? 'week';
  const highRisk = filters.high_risk ?? 0.5;
  const w1 = [sql`true`];
  const w2 = [sql`o.source = 'officer'`];
  if (filters.from) {
    w1.push(sql`v.at >= ${filters.from}::date`);
    w2.push(sql`o.recorded_at >= ${filters.from}::date`);
  }
  if (filters.to) {
    w1.push(sql`v.at < ${filters.to}::date + 1`);
    w2.push(sql`o.recorded_at < ${filters.to}::date + 1`);
  }
  if (filters.office) {
    w1.push(sql`v.office_code = ${filters.office}`);
    w2.push(sql`d.office_code = ${filters.office}`);
  }
  if (filters.officer) {
    w1.push(sql`v.officer = ${filters.officer}`);
    w2.push(sql`o.officer = ${filters.officer}`);
  }
  const unit = sql.lit(period);
  const { rows } = await sql<{
    officer: string;
    office: string;
    period: string;
    overrides: number;
    downgrades: number;
    high_risk_releases: number;
    outcomes: number;
    frauds: number;
  }>`
    with ov as (
      select v.officer, v.office_code as office, date_trunc(${unit}, v.at)::date::text as period,
             count(*)::int as overrides,
             count(*) filter (where (case v.to_channel when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end)
                                  < (case v.from_channel when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end))::int as downgrades,
             count(*) filter (where v.to_channel in ('green', 'blue') and d.probability >= ${highRisk})::int as high_risk_releases
      from risk_overrides v join risk_decisions d on d.id = v.decision_id
      where ${sql.join(w1, sql` and `)}
      group by 1, 2, 3
    ),
    oc as (
      select o.officer, d.office_code as office, date_trunc(${unit}, o.recorded_at)::date::text as period,
             count(*)::int as outcomes, count(*) filter (where o.result in ('fraud', 'critical'))::int as frauds
      from ${INSPECTION_OUTCOMES} o
      join ${DECLARATION_ITEMS} i on i.id = o.item_id
      join ${DECLARATIONS} d on d.id = i.declaration_id
      where ${sql.join(w2, sql` and `)}
      group by 1, 2, 3
    )
    select coalesce(ov.officer, oc.officer) as officer, coalesce(ov.office, oc.office) as office,
           coalesce(ov.period, oc.period) as period,
           coalesce(ov.overrides, 0) as overrides, coalesce(ov.downgrades, 0) as downgrades,
           coalesce(ov.high_risk_releases, 0) as high_risk_releases,
           coalesce(oc.outcomes, 0) as outcomes, coalesce(oc.frauds, 0) as frauds
    from ov full join oc on oc.officer = ov.officer and oc.office = ov.office and oc.period = ov.period
    order by 3, 2, 1`.execute(db);
  return {
    period,
    high_risk: highRisk,
    rows: rows.map((r) => ({ ...r, fraud_rate: r.outcomes > 0 ? r.frauds / r.outcomes : null })),
  };
}
