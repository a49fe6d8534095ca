/**
 * Offset paging as the smaller lists use it (profiles, watchlists, findings, jobs, audit, online monitoring): one
 * filtered query, counted once and read once for the page, both at the same time. The large lists (declarations)
 * use keyset paging instead (keyset.ts).
 */
import type { SelectQueryBuilder } from 'kysely';

export interface OffsetPage {
  limit: number;
  offset: number;
}

/**
 * The page of `rows(filtered)` at `page`, and how many rows `filtered` has in all. `rows` adds the selection and the
 * order; the limit and offset are added here.
 */
export async function offsetPage<DB, TB extends keyof DB, Row>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  rows: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
  page: OffsetPage,
): Promise<{ total: number; rows: Row[] }> {
  const [counted, found] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    rows(filtered).limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number((counted as { n: number | string }).n), rows: found };
}
