/**
 * What other modules may read of the partners module's tables (docs/decisions/0010-table-ownership.md): named
 * queries for the batched look-ups of risk indicators (by importer or declaration reference, or the whole table
 * when a batch is large), and a read model of the manifests for set-wise SQL (`from ${MANIFESTS} m`), a plain
 * projection that PostgreSQL pulls up into the query that uses it.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

const MANIFEST_COLUMNS = [
  'id',
  'document_number',
  'document_type',
  'arrival_date',
  'consignee_code',
  'consignee_name',
  'packages',
  'gross_mass_kg',
  'containers',
  'declaration_reference',
] as const;

/** Manifests, for SQL text. */
export const MANIFESTS = sql`(select ${sql.join(MANIFEST_COLUMNS.map((c) => sql.ref(c)))} from ${sql.table('manifests')})`;

/** Whether any company-register entry is loaded at all. */
export async function hasCompanyRegister(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('companies').select('company_id').limit(1).executeTakeFirst()) !== undefined;
}

/** Register entries of these company identifiers (all of them when `ids` is null). */
export function companiesByIds(db: Kysely<DB>, ids: readonly string[] | null) {
  let query = db.selectFrom('companies').select(['company_id', 'name', 'created_on', 'city']);
  if (ids) query = query.where('company_id', 'in', ids.length ? ids : ['']);
  return query.execute();
}

/** Payments that name one of these declarations (every payment naming a declaration when `references` is null). */
export async function paymentsOfDeclarations(db: Kysely<DB>, references: readonly string[] | null) {
  let query = db
    .selectFrom('fx_payments')
    .select(['payment_reference', 'declaration_reference', 'amount', 'currency', 'paid_on'])
    .where('declaration_reference', 'is not', null);
  if (references) query = query.where('declaration_reference', 'in', references.length ? references : ['']);
  return (await query.execute()) as {
    payment_reference: string;
    declaration_reference: string;
    amount: number;
    currency: string;
    paid_on: string;
  }[];
}

/** Manifests that name one of these declarations (every manifest naming one when `references` is null). */
export function manifestsOfDeclarations(db: Kysely<DB>, references: readonly string[] | null) {
  let query = db
    .selectFrom('manifests')
    .select([
      'document_number',
      'declaration_reference',
      'consignee_code',
      'gross_mass_kg',
      'containers',
      'arrival_date',
    ])
    .where('declaration_reference', 'is not', null);
  if (references) query = query.where('declaration_reference', 'in', references.length ? references : ['']);
  return query.execute();
}
