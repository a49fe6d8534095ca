/**
 * The reference-value database ("base valeur"): robust statistics of unit values (value per kg, value per item)
 * per HS6 × origin, HS6 and HS4, over a time window, in one set-based SQL statement (percentile_cont) that runs the
 * same on PGlite and PostgreSQL.
 *
 * - Rows used: items lodged in the window with a positive value and a positive divisor; items with a fraud outcome
 *   (fraud or critical) are left out, so known under-valuations do not pull the reference down.
 * - Outliers: per group, observations further than `outlier_k` robust standard deviations from the median on the log
 *   scale (1.4826 × MAD, floored) are dropped before the statistics are taken.
 * - A reference exists only with at least `min_sample` kept observations; lookups fall back HS6 × origin → HS6 → HS4.
 * - Statistics are in the declarations' currency (a reference is per currency).
 *
 * Rebuilds are full, by HS4 heading (after an officer outcome), or incremental (the HS4 headings of items imported
 * since the last build, and of outcomes recorded since).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { lastImportRunId } from '../../platform/ingest/runs.ts';
import { addDays } from '../../platform/lib/days.ts';
import {
  DECLARATION_ITEMS,
  DECLARATIONS,
  INSPECTION_OUTCOMES,
  lastLodgementDate,
} from '../declarations/index.ts';
import { getValuationSettings, type ValuationSettings } from './settings.ts';

/**
 * Quantity units that measure a mass, a volume or an area, not a number of items: a quantity in one of them gives
 * no per-item unit value (the per-kg one covers the item). Shared by the SQL of the references and the check.
 */
export const MASS_UNITS: readonly string[] = [
  'kg',
  'kgm',
  'kgs',
  'g',
  'gr',
  't',
  'tne',
  'l',
  'ltr',
  'm3',
  'mtq',
  'm2',
  'mtk',
];

export const LEVELS = ['hs6_origin', 'hs6', 'hs4'] as const;
export type ReferenceLevel = (typeof LEVELS)[number];
export type ValueUnit = 'kg' | 'item';

/** The floor of the log-scale MAD: below it (near-identical values) deviations are measured against 5 %. */
export const LOG_MAD_FLOOR = 0.05;
/** MAD × this estimates a standard deviation for normal data. */
export const MAD_SCALE = 1.4826;

export interface ReferenceRow {
  level: ReferenceLevel;
  hs: string;
  origin: string;
  unit: ValueUnit;
  currency: string;
  window_from: string;
  window_to: string;
  n: number;
  median: number;
  q1: number;
  q3: number;
  p10: number;
  p90: number;
  mad: number;
  log_median: number;
  log_mad: number;
  excluded_outliers: number;
}

/** The columns of a reference row, in the order of `ReferenceRow`. */
const REFERENCE_COLUMNS = [
  'level',
  'hs',
  'origin',
  'unit',
  'currency',
  'window_from',
  'window_to',
  'n',
  'median',
  'q1',
  'q3',
  'p10',
  'p90',
  'mad',
  'log_median',
  'log_mad',
  'excluded_outliers',
] as const;

export interface ReferenceWindow {
  from: string;
  to: string;
}

/** The window ending at `to` (default: the last lodgement date known) and covering `days` days. */
export async function referenceWindow(
  db: Kysely<DB>,
  days: number,
  to?: string,
): Promise<ReferenceWindow | null> {
  let end = to;
  if (!end) {
    end = await lastLodgementDate(db);
  }
  if (!end) return null;
  return { from: addDays(end, -(days - 1)), to: end };
}

/**
 * The statistics as a SELECT over the window (and HS4 headings when given): used by rebuilds (inserted) and by
 * back-tests (kept in memory, for a window before the period tested).
 */
function referencesQuery(
  window: ReferenceWindow,
  settings: Pick<ValuationSettings, 'min_sample' | 'outlier_k'>,
  hs4: readonly string[] | null,
) {
  const hsFilter = hs4 ? sql`and substr(i.hs_code, 1, 4) = any(${[...hs4]}::text[])` : sql``;
  // Groups are keyed by one text (level|hs|origin|currency|unit): one-column sorts and hashes are much cheaper.
  return sql<ReferenceRow & { total: number }>`
    with base as (
      select substr(i.hs_code, 1, 6) as hs6, coalesce(i.origin_country, '') as origin,
             coalesce(d.currency, '') as currency, u.unit, u.uv::float8 as uv
      from ${DECLARATION_ITEMS} i
      join ${DECLARATIONS} d on d.id = i.declaration_id
      cross join lateral (values
        ('kg', case when i.net_mass_kg > 0 then i.customs_value / i.net_mass_kg end),
        ('item', case when i.quantity > 0 and lower(coalesce(i.quantity_unit, '')) <> all(${[...MASS_UNITS]}::text[])
                      then i.customs_value / i.quantity end)
      ) as u (unit, uv)
      where d.lodged_on between ${window.from}::date and ${window.to}::date
        and i.customs_value > 0 and u.uv > 0
        ${hsFilter}
        and not exists (
          select 1 from ${INSPECTION_OUTCOMES} o where o.item_id = i.id and o.result in ('fraud', 'critical'))
    ),
    obs as materialized (
      select 'hs6_origin|' || hs6 || '|' || origin || '|' || currency || '|' || unit as k, uv, ln(uv) as lx
        from base where origin <> ''
      union all
      select 'hs6|' || hs6 || '||' || currency || '|' || unit, uv, ln(uv) from base
      union all
      select 'hs4|' || substr(hs6, 1, 4) || '||' || currency || '|' || unit, uv, ln(uv) from base
    ),
    centre as materialized (
      select k, count(*)::int as total, percentile_cont(0.5) within group (order by lx) as m
      from obs group by k having count(*) >= ${settings.min_sample}::int
    ),
    spread as materialized (
      select o.k, c.total, c.m,
             greatest(percentile_cont(0.5) within group (order by abs(o.lx - c.m)), ${LOG_MAD_FLOOR}::float8) as s
      from obs o join centre c on c.k = o.k
      group by o.k, c.total, c.m
    ),
    kept as materialized (
      select o.k, o.uv, o.lx, s.total
      from obs o join spread s on s.k = o.k
      where abs(o.lx - s.m) <= ${settings.outlier_k}::float8 * ${MAD_SCALE}::float8 * s.s
    ),
    stats as materialized (
      select k, total, count(*)::int as n,
             percentile_cont(0.1) within group (order by uv) as p10,
             percentile_cont(0.25) within group (order by uv) as q1,
             percentile_cont(0.5) within group (order by uv) as median,
             percentile_cont(0.75) within group (order by uv) as q3,
             percentile_cont(0.9) within group (order by uv) as p90,
             percentile_cont(0.5) within group (order by lx) as log_median
      from kept group by k, total
      having count(*) >= ${settings.min_sample}::int
    ),
    dev as (
      select s.k, percentile_cont(0.5) within group (order by abs(x.uv - s.median)) as mad,
             percentile_cont(0.5) within group (order by abs(x.lx - s.log_median)) as log_mad
      from stats s join kept x on x.k = s.k
      group by s.k
    )
    select split_part(s.k, '|', 1) as level, split_part(s.k, '|', 2) as hs, split_part(s.k, '|', 3) as origin,
           split_part(s.k, '|', 5) as unit, split_part(s.k, '|', 4) as currency,
           ${window.from}::text as window_from, ${window.to}::text as window_to,
           s.n, s.total, s.median, s.q1, s.q3, s.p10, s.p90, d.mad, s.log_median, d.log_mad,
           (s.total - s.n)::int as excluded_outliers
    from stats s join dev d on d.k = s.k`;
}

/** Reference statistics for a window, computed but not stored (back-tests use a window before their period). */
export async function computeReferences(
  database: Database,
  window: ReferenceWindow,
  settings: Pick<ValuationSettings, 'min_sample' | 'outlier_k'>,
  hs4: readonly string[] | null = null,
): Promise<ReferenceRow[]> {
  return database.transaction(async (session) => {
    await sql`set local work_mem = '128MB'`.execute(session.db);
    const { rows } = await referencesQuery(window, settings, hs4).execute(session.db);
    return rows.map(({ total: _total, ...r }) => r);
  });
}

export interface RebuildOptions {
  scope?: 'full' | 'incremental' | 'hs';
  /** For scope 'hs': the HS4 headings (or longer codes, cut to 4 digits) to rebuild. */
  hs?: readonly string[];
  /** End of the window (default: the last lodgement date known). */
  to?: string;
  settings?: Partial<ValuationSettings>;
  by?: string;
}

export interface RebuildResult {
  build_id: number | null;
  scope: 'full' | 'incremental' | 'hs';
  hs4: string[] | null;
  window: ReferenceWindow | null;
  groups: number;
  levels: Record<ReferenceLevel, number>;
  skipped?: string;
  duration_ms: number;
}

/**
 * Rebuilds references in one transaction (readers see the old set until it commits). Incremental: the headings
 * of items imported after the last build's watermark and of officer outcomes recorded since the last build; a
 * no-op when there are none.
 */
export async function rebuildReferences(
  database: Database,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = performance.now();
  const scope = options.scope ?? 'full';
  const settings = { ...(await getValuationSettings(database.db)), ...options.settings };
  return database.transaction(async (session) => {
    const db = session.db;
    // The ordered-set aggregates sort every group: enough memory keeps the sorts off disk.
    await sql`set local work_mem = '128MB'`.execute(db);
    // One rebuild at a time; others wait, then see the new watermark.
    await sql`select pg_advisory_xact_lock(hashtext('vigie.valuation.rebuild'))`.execute(db);
    const watermark = await lastImportRunId(db, 'declarations');
    let hs4: string[] | null = null;
    if (scope === 'hs') {
      hs4 = [...new Set((options.hs ?? []).map((h) => h.replace(/\D/g, '').slice(0, 4)))].filter(
        (h) => h.length === 4,
      );
    } else if (scope === 'incremental') {
      const last = await db
        .selectFrom('valuation_builds')
        .select(['import_watermark', 'started_at'])
        .where('finished_at', 'is not', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last) {
        const since = last.import_watermark ?? 0;
        const { rows } = await sql<{ hs4: string }>`
          select distinct substr(i.hs_code, 1, 4) as hs4
          from ${DECLARATION_ITEMS} i join ${DECLARATIONS} d on d.id = i.declaration_id
          where d.import_id > ${since}
          union
          select distinct substr(i.hs_code, 1, 4)
          from ${INSPECTION_OUTCOMES} o join ${DECLARATION_ITEMS} i on i.id = o.item_id
          where o.source = 'officer' and o.recorded_at >= ${last.started_at}`.execute(db);
        hs4 = rows.map((r) => r.hs4).sort();
      }
      // No build yet: the first incremental build is a full one.
    }
    const empty = { hs6_origin: 0, hs6: 0, hs4: 0 };
    if (hs4 && hs4.length === 0) {
      return {
        build_id: null,
        scope,
        hs4,
        window: null,
        groups: 0,
        levels: empty,
        skipped: 'nothing new since the last build',
        duration_ms: Math.round(performance.now() - started),
      };
    }
    const window = await referenceWindow(db, settings.window_days, options.to);
    const build = await db
      .insertInto('valuation_builds')
      .values({
        scope,
        hs4,
        window_from: window?.from ?? null,
        window_to: window?.to ?? null,
        min_sample: settings.min_sample,
        import_watermark: watermark,
        built_by: options.by ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let del = db.deleteFrom('valuation_references');
    if (hs4) del = del.where(sql<boolean>`substr(hs, 1, 4) = any(${hs4}::text[])`);
    await del.execute();
    const levels = { ...empty };
    let groups = 0;
    if (window) {
      const query = referencesQuery(window, settings, hs4);
      const { rows } = await sql<{ level: ReferenceLevel; n: number }>`
        insert into valuation_references
          (level, hs, origin, unit, currency, window_from, window_to, n, median, q1, q3, p10, p90, mad,
           log_median, log_mad, excluded_outliers, build_id)
        select level, hs, origin, unit, currency, window_from::date, window_to::date, n, median, q1, q3, p10, p90,
               mad, log_median, log_mad, excluded_outliers, ${build.id}::bigint
        from (${query}) r
        returning level, n`.execute(db);
      for (const r of rows) levels[r.level]++;
      groups = rows.length;
    }
    const counts = window
      ? (
          await sql<{ used: number; fraud: number }>`
            select count(*) filter (where not f)::int as used, count(*) filter (where f)::int as fraud
            from (
              select exists (select 1 from ${INSPECTION_OUTCOMES} o
                             where o.item_id = i.id and o.result in ('fraud', 'critical')) as f
              from ${DECLARATION_ITEMS} i join ${DECLARATIONS} d on d.id = i.declaration_id
              where d.lodged_on between ${window.from}::date and ${window.to}::date
                ${hs4 ? sql`and substr(i.hs_code, 1, 4) = any(${hs4}::text[])` : sql``}
            ) x`.execute(db)
        ).rows[0]
      : undefined;
    const outliers = await db
      .selectFrom('valuation_references')
      .select((eb) => eb.fn.sum<number>('excluded_outliers').as('n'))
      .where('build_id', '=', build.id)
      .where('level', '=', 'hs4')
      .executeTakeFirst();
    await db
      .updateTable('valuation_builds')
      .set({
        groups,
        rows_used: counts?.used ?? 0,
        rows_excluded_fraud: counts?.fraud ?? 0,
        rows_excluded_outliers: Number(outliers?.n ?? 0),
        finished_at: new Date(),
      })
      .where('id', '=', build.id)
      .execute();
    return {
      build_id: build.id,
      scope,
      hs4,
      window,
      groups,
      levels,
      duration_ms: Math.round(performance.now() - started),
    };
  });
}

/** The references that could serve these HS codes (all three levels), or every reference when `hs` is null. */
export async function loadReferences(db: Kysely<DB>, hs: readonly string[] | null): Promise<ReferenceRow[]> {
  let query = db.selectFrom('valuation_references').select(REFERENCE_COLUMNS);
  if (hs) {
    const hs6 = [...new Set(hs.map((h) => h.slice(0, 6)))];
    const hs4 = [...new Set(hs.map((h) => h.slice(0, 4)))];
    query = query.where((eb) => eb.or([eb('hs', 'in', hs6), eb('hs', 'in', hs4)]));
    if (hs6.length === 0) return [];
  }
  return (await query.execute()) as ReferenceRow[];
}

export interface ReferenceFilters {
  hs?: string | undefined;
  origin?: string | undefined;
  level?: ReferenceLevel | undefined;
  unit?: ValueUnit | undefined;
}

export async function listReferences(
  db: Kysely<DB>,
  filters: ReferenceFilters,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('valuation_references');
  if (filters.hs) query = query.where('hs', 'like', `${filters.hs.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filters.origin) query = query.where('origin', '=', filters.origin);
  if (filters.level) query = query.where('level', '=', filters.level);
  if (filters.unit) query = query.where('unit', '=', filters.unit);
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .select([...REFERENCE_COLUMNS, 'built_at'])
        .orderBy('hs')
        .orderBy('level')
        .orderBy('origin')
        .orderBy('unit'),
    page,
  );
  return { total, items: rows };
}

export async function lastBuild(db: Kysely<DB>) {
  return db
    .selectFrom('valuation_builds')
    .selectAll()
    .where('finished_at', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
