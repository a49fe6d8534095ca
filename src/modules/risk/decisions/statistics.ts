/** What the targeting cell reads back: rule and channel statistics, the integrity view. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  type Channel,
  DECLARATION_ITEMS,
  DECLARATIONS,
  INSPECTION_OUTCOMES,
} from '../../declarations/index.ts';
import type { OfficeScope } from './types.ts';

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
 * The random share of the selection per office and its hit rate (decision 0040): items selected (red or yellow as
 * the selection decided them), those drawn at random, and the fraud rate found among inspected random picks beside
 * that of the ranked ones — what the random share measures and finds.
 */
export async function randomByOffice(
  db: Kysely<DB>,
  filters: { from?: string | undefined; to?: string | undefined },
  scope: OfficeScope,
) {
  const where = [sql`d.superseded_at is null`];
  if (scope.office !== null) where.push(sql`d.office_code = ${scope.office}`);
  if (filters.from) where.push(sql`d.lodged_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`d.lodged_on <= ${filters.to}::date`);
  const { rows } = await sql<{
    office: string;
    selected_items: number;
    random_items: number;
    random_inspected: number;
    random_frauds: number;
    ranked_inspected: number;
    ranked_frauds: number;
  }>`
    select d.office_code as office,
           count(*) filter (where d.initial_channel in ('red', 'yellow'))::int as selected_items,
           count(*) filter (where d.basis = 'random')::int as random_items,
           count(o.result) filter (where d.basis = 'random')::int as random_inspected,
           count(*) filter (where d.basis = 'random' and o.result in ('fraud', 'critical'))::int as random_frauds,
           count(o.result) filter (where d.basis = 'ranked')::int as ranked_inspected,
           count(*) filter (where d.basis = 'ranked' and o.result in ('fraud', 'critical'))::int as ranked_frauds
    from risk_decisions d
    join risk_decision_items i on i.decision_id = d.id
    left join lateral (select result from ${INSPECTION_OUTCOMES} o
                       where o.item_id = i.item_id order by o.id desc limit 1) o on true
    where ${sql.join(where, sql` and `)}
    group by d.office_code
    order by d.office_code`.execute(db);
  return rows.map((r) => ({
    ...r,
    random_share: r.selected_items > 0 ? r.random_items / r.selected_items : null,
    random_hit_rate: r.random_inspected > 0 ? r.random_frauds / r.random_inspected : null,
    ranked_hit_rate: r.ranked_inspected > 0 ? r.ranked_frauds / r.ranked_inspected : null,
  }));
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
