/**
 * What keyset (cursor) paging shares across lists: an opaque cursor that carries the sort and the last row's sort
 * key and id, and a total that is exact while small and estimated by the planner when counting would cost more
 * than the page itself (docs/decisions/0011-scale-lists-and-imports.md).
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { AppError } from '../lib/errors.ts';
import type { DB } from './schema.ts';

/** The last row of a page: the sort it was cut by, its sort key (as text, null when the column is) and its id. */
export interface CursorKey {
  sort: string;
  value: string | null;
  id: number;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.value, key.id]), 'utf8').toString('base64url');
}

/** The key a cursor carries; a 400 `request.bad_cursor` when it is not one of ours or was made for another sort. */
export function decodeCursor(cursor: string, sort: string): CursorKey {
  const bad = (why: string) =>
    new AppError(
      'request.bad_cursor',
      `invalid cursor: ${why}; use the next_cursor of a previous page, with the same sort, or leave it out`,
    );
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw bad('not a cursor of this list');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor of this list');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || parsed[1] === null) ||
    !Number.isSafeInteger(parsed[2])
  ) {
    throw bad('not a cursor of this list');
  }
  if (parsed[0] !== sort) throw bad(`it was made for sort ${parsed[0]}, not ${sort}`);
  if (typeof parsed[1] === 'string' && (parsed[1].length > 200 || parsed[1].includes('\u0000'))) {
    throw bad('not a cursor of this list');
  }
  return { sort, value: parsed[1], id: parsed[2] as number };
}

/** Up to this many matching rows are counted exactly; beyond, the planner's estimate is given. */
export const EXACT_COUNT_LIMIT = 1_000;

export interface Total {
  total: number;
  estimated: boolean;
}

/** A large table's estimate is kept this long per database: it only moves with ANALYZE anyway. */
const ESTIMATE_LIFETIME_MS = 5000;
const estimates = new WeakMap<Kysely<DB>, Map<string, { at: number; n: number }>>();

/**
 * The number of rows of `table` (unfiltered): exact when the planner's statistics say it is small, else the
 * statistics' figure (pg_class.reltuples, refreshed by ANALYZE after every large import). A large table's figure
 * is kept a few seconds, which spares a query per page on the busiest list (on PGlite every query queues).
 */
export async function tableTotal(
  db: Kysely<DB>,
  table: string,
  countExactly: () => Promise<number>,
): Promise<Total> {
  const kept = estimates.get(db)?.get(table);
  if (kept && Date.now() - kept.at < ESTIMATE_LIFETIME_MS) return { total: kept.n, estimated: true };
  const { rows } = await sql<{ n: number }>`
    select reltuples::float8 as n from pg_class where oid = to_regclass(${table})`.execute(db);
  const n = Number(rows[0]?.n ?? -1);
  if (n >= 0 && n > 2 * EXACT_COUNT_LIMIT) {
    const total = Math.round(n);
    const byTable = estimates.get(db) ?? new Map<string, { at: number; n: number }>();
    estimates.set(db, byTable);
    byTable.set(table, { at: Date.now(), n: total });
    return { total, estimated: true };
  }
  return { total: await countExactly(), estimated: false };
}

/**
 * The number of rows a filtered query returns: the planner's estimate for `query` (EXPLAIN: planning only) when it
 * is well above EXACT_COUNT_LIMIT, else counted exactly up to EXACT_COUNT_LIMIT (`countUpTo` counts at most the
 * number it is given), and the estimate again beyond — never below the rows already counted.
 */
export async function filteredTotal(
  db: Kysely<DB>,
  query: CompiledQuery,
  countUpTo: (limit: number) => Promise<number>,
): Promise<Total> {
  const { rows } = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  );
  const plan = Object.values(rows[0] ?? {})[0];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as {
    Plan?: { 'Plan Rows'?: number };
  }[];
  const estimate = Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0));
  if (estimate > 10 * EXACT_COUNT_LIMIT) return { total: estimate, estimated: true };
  const counted = await countUpTo(EXACT_COUNT_LIMIT + 1);
  if (counted <= EXACT_COUNT_LIMIT) return { total: counted, estimated: false };
  return { total: Math.max(estimate, counted), estimated: true };
}

/**
 * The rows after a (time, key) position, for feeds read in `updated_at, key` order: `(updated_at, key) > (at, k)`.
 * `at` is the text of the last row's time as the database printed it (`updated_at::text`), so no precision is lost.
 */
export function updatedAfter(after: { at: string; key: string | number }, keyColumn: string) {
  return sql<boolean>`(updated_at, ${sql.ref(keyColumn)}) > (cast(${after.at} as timestamptz), ${after.key})`;
}
