/**
 * Indexes of the global search (src/modules/osint/search.ts, docs/decisions/0031-search-exports-four-eyes.md):
 * sellers by name (trigram and full-text, current sellers only) and identifiers by any part of their value
 * (trigram); an identifier written exactly (a phone in E.164) uses the (kind, value) key.
 */
import { type Kysely, sql } from 'kysely';
import { trigramOps } from '../../../platform/db/trigram.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ops = await trigramOps(db);
  const statements = [
    `create index osint_sellers_search_trgm on osint_sellers using gin ((lower(display_name)) ${ops}) with (fastupdate = off) where merged_into is null`,
    `create index osint_sellers_search_fts on osint_sellers using gin (to_tsvector('simple', display_name)) with (fastupdate = off) where merged_into is null`,
    `create index osint_identifiers_search_trgm on osint_identifiers using gin ((lower(value)) ${ops}) with (fastupdate = off)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
