/**
 * The log of import runs (`imports`): one row per successful run, written by the runner (run.ts). Modules read
 * it through these functions: the list of runs, how many, and the newest run of a kind (a watermark for work
 * that follows imports, such as the incremental rebuild of reference values).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { iso } from '../lib/errors.ts';

/** The most recent import runs, newest first. */
export async function listImportRuns(db: Kysely<DB>, limit = 100) {
  const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    started_at: iso(r.started_at),
    finished_at: r.finished_at ? iso(r.finished_at) : null,
  }));
}

export async function countImportRuns(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of the newest finished run of a kind of data (0 when there is none). */
export async function lastImportRunId(db: Kysely<DB>, kind: string): Promise<number> {
  const row = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('kind', '=', kind as never)
    .where('finished_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
