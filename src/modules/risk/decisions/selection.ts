/**
 * The daily selection per office: scored, selected within capacity, stored with items, rule hits and explanations,
 * audited; the runs; the rule statistics scoring uses (precision of past hits), cached briefly.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/store.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { offsetPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { publishEvent } from '../../../platform/events/bus.ts';
import { AppError, iso } from '../../../platform/lib/errors.ts';
import { type Channel, INSPECTION_OUTCOMES } from '../../declarations/index.ts';
import { storeFindings } from '../../valuation/index.ts';
import { explainAll, ruleMap } from '../explain.ts';
import { loadLines } from '../lines.ts';
import { officeParams } from '../offices.ts';
import { activeProfiles } from '../profiles.ts';
import { type ProfileVersion, type RuleStats, ruleKey, scoreLines } from '../score.ts';
import { candidatesOf, select } from '../select.ts';
import type { OfficeScope } from './types.ts';

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
  /** The capacity's split (random, red, yellow) in its unit, and the profile's minimum scores. */
  slots: { random: number; red: number; yellow: number };
  minimum_score: { red: number; yellow: number };
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
    candidatesOf(
      scored.declarations,
      scored.scoring.rank_by,
      scored.scoring.min_probability,
      scored.scoring.revenue_weight,
    ),
    params,
    {
      seed,
      minScore: scored.scoring.minimum_score,
      ...(request.random_share !== undefined ? { randomShare: request.random_share } : {}),
    },
  );
  const rules = ruleMap(profiles);
  const versions = scored.profiles;

  const summary = await database.transaction(async (session) => {
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
      const explanation = explainAll(
        d,
        {
          channel: a.channel,
          basis: a.basis,
          rank: a.rank,
          candidates: scored.declarations.length,
          randomShare: selection.randomShare,
          why: a.why,
          takenBy: a.taken_by,
          forRevenue: a.for_revenue === true,
          unit: selection.unit,
          budget: selection.budget,
          slots: selection.slots,
          minScore: selection.minScore,
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
          anomaly: item.model?.anomaly
            ? JSON.stringify({
                score: item.model.anomaly.score,
                percentile: item.model.anomaly.percentile,
                reasons: item.model.anomaly.reasons.map(({ feature, en, fr, ar }) => ({
                  feature,
                  en,
                  fr,
                  ar,
                })),
              })
            : null,
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
        slots: selection.slots,
        minimum_score: selection.minScore,
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
      slots: selection.slots,
      minimum_score: selection.minScore,
      over_capacity: selection.overCapacity,
      counts: selection.counts,
      decisions,
    };
  });
  // Committed: the queues open on this office's day refresh (`risk.selection`, to users who see the office).
  publishEvent(database, {
    type: 'risk.selection',
    permission: 'risk:read',
    office: summary.office,
    data: { run_id: summary.run_id, office: summary.office, day: summary.day, counts: summary.counts },
  });
  return summary;
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
  const { total, rows } = await offsetPage(query, (q) => q.selectAll().orderBy('id', 'desc'), page);
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      office: r.office_code,
      created_at: iso(r.created_at),
    })),
  };
}
