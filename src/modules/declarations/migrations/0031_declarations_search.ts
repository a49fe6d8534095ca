/**
 * Indexes of the global search (src/modules/declarations/search.ts, docs/decisions/0031-search-exports-four-eyes.md):
 * for each party registry (importers, declarants, sellers), a trigram index over code and name (any part matches)
 * and a full-text index over the name (words in any order). Declarations themselves are found by reference prefix
 * (0013's pattern index) and HS headings by the HS6 × origin index: nothing is added on the declarations and items
 * tables, so imports pay nothing more. Every search index is built with `fastupdate = off`: a GIN index's pending
 * list (rows inserted since the last vacuum) is read in full by every query — 100 ms at 50,000 parties after a bulk
 * load, against under 1 ms once merged — so inserts pay the merge instead of searches.
 */
import { type Kysely, sql } from 'kysely';
import { trigramOps } from '../../../platform/db/trigram.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ops = await trigramOps(db);
  for (const table of ['importers', 'declarants', 'sellers']) {
    await sql
      .raw(
        `create index ${table}_search_trgm on ${table} using gin ((lower(code || ' ' || coalesce(name, ''))) ${ops}) with (fastupdate = off)`,
      )
      .execute(db);
    await sql
      .raw(
        `create index ${table}_search_fts on ${table} using gin (to_tsvector('simple', coalesce(name, ''))) with (fastupdate = off)`,
      )
      .execute(db);
  }
}
