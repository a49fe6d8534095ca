/**
 * Numbers per office and year (cases, offence reports): one counter row per kind × office × year, bumped by a
 * single `insert … on conflict do update … returning`, which takes the row's lock — two cases opened at once get
 * two numbers, and a rolled-back transaction gives its number back.
 */
import { sql } from 'kysely';
import type { Session } from '../../platform/db/database.ts';

export async function nextSeq(
  session: Session,
  kind: 'case' | 'report' | 'seizure',
  office: string,
  year: number,
): Promise<number> {
  const row = await session.db
    .insertInto('case_counters')
    .values({ kind, office, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'office', 'year']).doUpdateSet({ last: sql<number>`case_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}
