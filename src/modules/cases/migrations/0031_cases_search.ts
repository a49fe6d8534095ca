/** Indexes of the global search (src/modules/cases/search.ts): case number and title (trigram), title words (full-text). */
import { type Kysely, sql } from 'kysely';
import { trigramOps } from '../../../platform/db/trigram.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ops = await trigramOps(db);
  await sql
    .raw(
      `create index cases_search_trgm on cases using gin ((lower(number || ' ' || title)) ${ops}) with (fastupdate = off)`,
    )
    .execute(db);
  await sql
    .raw(
      `create index cases_search_fts on cases using gin (to_tsvector('simple', title)) with (fastupdate = off)`,
    )
    .execute(db);
}
