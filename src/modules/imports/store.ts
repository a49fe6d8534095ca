import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';

/** The most recent import runs, newest first. */
export async function listImports(db: Kysely<DB>, limit = 100) {
  const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    started_at: iso(r.started_at),
    finished_at: r.finished_at ? iso(r.finished_at) : null,
  }));
}
