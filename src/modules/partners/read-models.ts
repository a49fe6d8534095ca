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

export interface PartnerFacts {
  /** Whether any company-register entry is loaded at all. */
  register: boolean;
  companies: { company_id: string; name: string; created_on: string | null; city: string | null }[];
  payments: Awaited<ReturnType<typeof paymentsOfDeclarations>>;
  manifests: {
    document_number: string;
    declaration_reference: string | null;
    consignee_code: string | null;
    gross_mass_kg: number | null;
    containers: string[];
    arrival_date: string | null;
  }[];
}

/**
 * What the four look-ups above give for a few declarations, in one round trip (an interactive scoring reads them
 * all; on PGlite every statement queues behind the others): whether a register is loaded, the register entries of
 * these importers, the payments and the manifests naming these declarations. Same rows, same types (numbers, dates
 * as 'YYYY-MM-DD').
 */
export async function partnerFactsOf(
  db: Kysely<DB>,
  { references, importers }: { references: readonly string[]; importers: readonly string[] },
): Promise<PartnerFacts> {
  const { rows } = await sql<{ j: string }>`
    select json_build_object(
      'register', exists (select 1 from companies),
      'companies', coalesce((select json_agg(json_build_object('company_id', c.company_id, 'name', c.name,
                     'created_on', c.created_on, 'city', c.city))
                   from companies c where c.company_id = any(${[...importers]}::text[])), '[]'),
      'payments', coalesce((select json_agg(json_build_object('payment_reference', p.payment_reference,
                     'declaration_reference', p.declaration_reference, 'amount', p.amount, 'currency', p.currency,
                     'paid_on', p.paid_on))
                   from fx_payments p where p.declaration_reference = any(${[...references]}::text[])), '[]'),
      'manifests', coalesce((select json_agg(json_build_object('document_number', m.document_number,
                     'declaration_reference', m.declaration_reference, 'consignee_code', m.consignee_code,
                     'gross_mass_kg', m.gross_mass_kg, 'containers', m.containers, 'arrival_date', m.arrival_date))
                   from manifests m where m.declaration_reference = any(${[...references]}::text[])), '[]')
    )::text as j`.execute(db);
  return JSON.parse(rows[0]!.j) as PartnerFacts;
}
