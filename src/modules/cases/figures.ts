/**
 * The director's figures, from the cases module's own tables: seizures by month, office, HS chapter, category,
 * brand and source of detection (count, value, duties recovered, fines and settlements), cases by status, by what
 * they were opened from and by age, and the totals;
 * each table also as CSV, with cells a spreadsheet would run as formulas escaped as the rejects writer does.
 *
 * The figures are summed over goods lines: a seizure counts once in each group one of its lines falls in (so the
 * seizures of the category rows may add up to more than the total), values are the lines' own; duties recovered,
 * fines and settlements belong to the seizure and are counted with its line 1, so that every table adds up to the
 * totals.
 */
import { type Kysely, sql } from 'kysely';
import Papa from 'papaparse';
import type { DB } from '../../platform/db/schema.ts';
import { FORMULA_CELL } from '../../platform/ingest/rejects.ts';

export interface FigureFilters {
  from?: string | undefined;
  to?: string | undefined;
  office?: string | undefined;
}

export interface SeizureGroup {
  key: string;
  seizures: number;
  lines: number;
  estimated_value: number;
  duties_recovered: number;
  fines: number;
  settlements: number;
}

export const SEIZURE_DIMENSIONS = [
  'month',
  'office',
  'hs_chapter',
  'category',
  'brand',
  'detection_source',
] as const;
export type SeizureDimension = (typeof SEIZURE_DIMENSIONS)[number];
export const FIGURE_TABLES = [...SEIZURE_DIMENSIONS, 'case_status', 'case_origin', 'case_age'] as const;
export type FigureTable = (typeof FIGURE_TABLES)[number];

const KEYS = {
  month: sql<string>`to_char(s.seized_on, 'YYYY-MM')`,
  office: sql<string>`s.office`,
  hs_chapter: sql<string>`coalesce(left(l.hs_code, 2), '')`,
  category: sql<string>`l.category`,
  brand: sql<string>`coalesce(l.brand, '')`,
  detection_source: sql<string>`coalesce(s.detection_source, '')`,
} satisfies Record<SeizureDimension, unknown>;

/** A seizure-level amount, counted once per seizure: with its line 1. */
const once = (column: 'duties_recovered' | 'fines' | 'settlement_amount' | 'duties_at_stake') =>
  sql<number>`coalesce(sum(case when l.line_no = 1 then s.${sql.ref(column)} end), 0)`;

/**
 * Seizures joined to their goods lines (`s`, `l`) within the filters: what the figures and an operation's report
 * group. `where` narrows the seizures further (an operation).
 */
export function seizureLines(db: Kysely<DB>, filters: FigureFilters & { operation_id?: number | undefined }) {
  let query = db.selectFrom('seizures as s').innerJoin('seizure_lines as l', 'l.seizure_id', 's.id');
  if (filters.from) query = query.where('s.seized_on', '>=', filters.from);
  if (filters.to) query = query.where('s.seized_on', '<=', filters.to);
  if (filters.office) query = query.where('s.office', '=', filters.office);
  if (filters.operation_id !== undefined) query = query.where('s.operation_id', '=', filters.operation_id);
  return query;
}

/** Count of seizures, of lines, the lines' value and the seizures' amounts, for any grouping of seizureLines. */
export const groupMeasures = [
  sql<number>`count(distinct s.id)::int`.as('seizures'),
  sql<number>`count(*)::int`.as('lines'),
  sql<number>`coalesce(sum(l.estimated_value), 0)`.as('estimated_value'),
  once('duties_recovered').as('duties_recovered'),
  once('fines').as('fines'),
  once('settlement_amount').as('settlements'),
] as const;

const AGE_BUCKETS = ['0-30', '31-90', '91-365', '366+'] as const;

export async function caseFigures(db: Kysely<DB>, filters: FigureFilters) {
  const seizures = (dimension: SeizureDimension) => {
    return seizureLines(db, filters)
      .select([KEYS[dimension].as('key'), ...groupMeasures])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, key: r.key ?? '' }) as SeizureGroup));
  };
  const [month, office, hs_chapter, category, brand, detection_source] = await Promise.all(
    SEIZURE_DIMENSIONS.map(seizures),
  );
  let cases = db.selectFrom('cases');
  if (filters.office) cases = cases.where('office', '=', filters.office);
  const byStatus = await cases
    .select(['status as key', sql<number>`count(*)::int`.as('cases')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  // Cases by source of detection: what each case was opened from (declaration, alert, graph, tip…).
  // A case opened without an origin was opened by hand.
  const byOrigin = await cases
    .select([sql<string>`coalesce(origin_type, 'manual')`.as('key'), sql<number>`count(*)::int`.as('cases')])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const ages = await cases
    .select([
      sql<string>`case when now() - opened_at <= interval '30 days' then '0-30'
        when now() - opened_at <= interval '90 days' then '31-90'
        when now() - opened_at <= interval '365 days' then '91-365' else '366+' end`.as('key'),
      sql<number>`count(*)::int`.as('cases'),
    ])
    .where('status', 'not in', ['settled', 'prosecuted', 'closed'])
    .groupBy(sql`1`)
    .execute();
  const sum = (f: (g: SeizureGroup) => number) => (month ?? []).reduce((a, g) => a + f(g), 0);
  return {
    filters,
    totals: {
      seizures: sum((g) => g.seizures),
      lines: sum((g) => g.lines),
      estimated_value: sum((g) => g.estimated_value),
      duties_recovered: sum((g) => g.duties_recovered),
      fines: sum((g) => g.fines),
      settlements: sum((g) => g.settlements),
      cases: byStatus.reduce((a, r) => a + r.cases, 0),
    },
    seizures_by: {
      month: month!,
      office: office!,
      hs_chapter: hs_chapter!,
      category: category!,
      brand: brand!,
      detection_source: detection_source!,
    },
    cases_by_status: byStatus.map((r) => ({ key: r.key as string, cases: r.cases })),
    cases_by_origin: byOrigin.map((r) => ({ key: r.key as string, cases: r.cases })),
    open_cases_by_age_days: AGE_BUCKETS.map((key) => ({
      key,
      cases: ages.find((a) => a.key === key)?.cases ?? 0,
    })),
  };
}
export type CaseFigures = Awaited<ReturnType<typeof caseFigures>>;

/** One table of the figures as CSV (header first), formula-like cells escaped. */
export function figuresCsv(figures: CaseFigures, table: FigureTable): string {
  let rows: (string | number)[][];
  if (table === 'case_status')
    rows = [['status', 'cases'], ...figures.cases_by_status.map((r) => [r.key, r.cases])];
  else if (table === 'case_origin')
    rows = [['origin', 'cases'], ...figures.cases_by_origin.map((r) => [r.key, r.cases])];
  else if (table === 'case_age')
    rows = [['age_days', 'open_cases'], ...figures.open_cases_by_age_days.map((r) => [r.key, r.cases])];
  else
    rows = [
      [table, 'seizures', 'estimated_value', 'duties_recovered', 'fines', 'settlements', 'lines'],
      ...figures.seizures_by[table].map((g) => [
        g.key,
        g.seizures,
        g.estimated_value,
        g.duties_recovered,
        g.fines,
        g.settlements,
        g.lines,
      ]),
    ];
  return `${Papa.unparse(rows, { escapeFormulae: FORMULA_CELL })}\n`;
}
