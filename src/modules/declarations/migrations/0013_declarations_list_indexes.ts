/**
 * Indexes for the declaration list paged by keyset (docs/decisions/0011-scale-lists-and-imports.md): every sort
 * is (column, id), so that a page after a cursor is one index range walk at any depth, and the filters the list
 * offers most (office, importer, declarant, seller) lead an index that also carries the default order (lodging
 * date, then id); the reference prefix filter gets a pattern index. The narrower indexes they replace are dropped: each index costs time on the bulk-load path, and
 * the wider ones serve every query the narrow ones did (the risk history indicators look parties up by code).
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  'create index declarations_lodged_on_id_idx on declarations (lodged_on, id)',
  'drop index declarations_lodged_on_idx',
  'create index declarations_total_value_id_idx on declarations (total_value, id)',
  // The reference is unique: its own index serves the keyset; this one serves the prefix filter (LIKE 'x%') under
  // any collation.
  'create index declarations_reference_prefix_idx on declarations (reference text_pattern_ops)',
  'create index declarations_office_lodged_id_idx on declarations (office_code, lodged_on, id)',
  'drop index declarations_office_idx',
  'create index declarations_importer_lodged_id_idx on declarations (importer_code, lodged_on, id)',
  'drop index declarations_importer_idx',
  'create index declarations_declarant_lodged_id_idx on declarations (declarant_code, lodged_on, id)',
  'drop index declarations_declarant_idx',
  'create index declarations_seller_lodged_id_idx on declarations (seller_code, lodged_on, id)',
  'drop index declarations_seller_idx',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
