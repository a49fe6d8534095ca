/**
 * Indexes of the global search (src/modules/partners/search.ts, docs/decisions/0031-search-exports-four-eyes.md):
 * the company register by identifier, name and phone digits (trigram) and by name words (full-text); manifests by
 * container (GIN over the array) and document number (trigram).
 */
import { type Kysely, sql } from 'kysely';
import { trigramOps } from '../../../platform/db/trigram.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ops = await trigramOps(db);
  const statements = [
    `create index companies_search_trgm on companies using gin ((lower(company_id || ' ' || name || ' ' || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), ''))) ${ops}) with (fastupdate = off)`,
    `create index companies_search_fts on companies using gin (to_tsvector('simple', name)) with (fastupdate = off)`,
    'create index manifests_containers_idx on manifests using gin (containers) with (fastupdate = off)',
    `create index manifests_document_trgm on manifests using gin ((lower(document_number)) ${ops}) with (fastupdate = off)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
