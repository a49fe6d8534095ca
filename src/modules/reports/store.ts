/**
 * The figures a director asks for, computed set-based in the database: totals, the last day, trends per month,
 * results of controls, busiest offices, HS chapters where fraud is most frequent.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  DECLARATION_ITEMS,
  DECLARATIONS,
  INSPECTION_OUTCOMES,
  LAST_LODGED_ON,
} from '../declarations/index.ts';

export interface Overview {
  totals: {
    declarations: number;
    items: number;
    inspected_items: number;
    fraud_items: number;
    critical_items: number;
    recovered_amount: number;
  };
  last_day: { date: string | null; declarations: number; inspected_items: number; fraud_items: number };
  per_month: { month: string; declarations: number; inspected_items: number; fraud_items: number }[];
  by_result: { result: string; items: number }[];
  by_office: { office: string; declarations: number; fraud_items: number }[];
  top_chapters: { chapter: string; inspected_items: number; fraud_items: number; fraud_rate: number }[];
}

export async function overview(db: Kysely<DB>): Promise<Overview> {
  // One pass over items with their latest outcome, reused by every figure.
  const base = sql`
    with item_results as (
      select d.id as declaration_id, d.lodged_on, d.office_code, i.hs_code, o.result, o.recovered_amount
      from ${DECLARATION_ITEMS} i
      join ${DECLARATIONS} d on d.id = i.declaration_id
      left join lateral (
        select result, recovered_amount from ${INSPECTION_OUTCOMES} o where o.item_id = i.id order by o.id desc limit 1
      ) o on true
    )`;
  const [totals, lastDay, perMonth, byResult, byOffice, chapters] = await Promise.all([
    sql<Overview['totals']>`${base}
      select count(distinct declaration_id)::int as declarations, count(*)::int as items,
        count(result)::int as inspected_items,
        count(*) filter (where result = 'fraud')::int as fraud_items,
        count(*) filter (where result = 'critical')::int as critical_items,
        coalesce(sum(recovered_amount), 0)::float8 as recovered_amount
      from item_results`.execute(db),
    sql<Overview['last_day']>`${base}
      select max(lodged_on)::text as date,
        count(distinct declaration_id) filter (where lodged_on = ${LAST_LODGED_ON})::int as declarations,
        count(result) filter (where lodged_on = ${LAST_LODGED_ON})::int as inspected_items,
        count(*) filter (where result in ('fraud', 'critical') and lodged_on = ${LAST_LODGED_ON})::int as fraud_items
      from item_results`.execute(db),
    sql<Overview['per_month'][number]>`${base}
      select to_char(lodged_on, 'YYYY-MM') as month, count(distinct declaration_id)::int as declarations,
        count(result)::int as inspected_items, count(*) filter (where result in ('fraud', 'critical'))::int as fraud_items
      from item_results group by 1 order by 1`.execute(db),
    sql<Overview['by_result'][number]>`${base}
      select coalesce(result, 'not_inspected') as result, count(*)::int as items
      from item_results group by 1 order by 2 desc`.execute(db),
    sql<Overview['by_office'][number]>`${base}
      select office_code as office, count(distinct declaration_id)::int as declarations,
        count(*) filter (where result in ('fraud', 'critical'))::int as fraud_items
      from item_results group by 1 order by 2 desc limit 10`.execute(db),
    sql<Overview['top_chapters'][number]>`${base}
      select substr(hs_code, 1, 2) as chapter, count(result)::int as inspected_items,
        count(*) filter (where result in ('fraud', 'critical'))::int as fraud_items,
        round(count(*) filter (where result in ('fraud', 'critical'))::numeric / nullif(count(result), 0), 4)::float8 as fraud_rate
      from item_results group by 1 having count(result) >= 20 order by 4 desc, 2 desc limit 10`.execute(db),
  ]);
  return {
    totals: totals.rows[0]!,
    last_day: lastDay.rows[0]!,
    per_month: perMonth.rows,
    by_result: byResult.rows,
    by_office: byOffice.rows,
    top_chapters: chapters.rows,
  };
}
