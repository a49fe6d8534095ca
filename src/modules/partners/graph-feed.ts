/**
 * What the link graph reads of partner data (the graph module, docs/graph.md): the company register (managers,
 * phone, address, city), manifests (consignee, containers, declaration) and foreign-exchange payments (importer,
 * beneficiary, bank, declaration), each in pages ordered by (updated_at, key), so that a build reads only the rows
 * added or changed since its last watermark.
 */
import { type Kysely, sql } from 'kysely';
import { updatedAfter } from '../../platform/db/keyset.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentRow } from './fields.ts';

/** Where a page starts: strictly after this (updated_at, key); null from the beginning. */
export type PartnerCursor = { at: string; key: string } | null;

/** Where a record stands in the (updated_at, key) order. */
interface Cursored {
  updated_at: string;
  /** `updated_at` to the microsecond, as the database writes it: where the next page starts. */
  cursor_at: string;
}

export interface CompanyRecord extends Cursored {
  company_id: string;
  name: string;
  legal_form: string | null;
  address: string | null;
  city: string | null;
  activity: string | null;
  phone: string | null;
  managers: string[];
}

export interface ManifestRecord extends Cursored {
  id: number;
  document_number: string;
  carrier: string | null;
  arrival_date: string | null;
  consignee_code: string | null;
  consignee_name: string | null;
  containers: string[];
  declaration_reference: string | null;
}

export interface PaymentRecord extends PaymentRow, Cursored {
  id: number;
}

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value));

export async function companyRecords(
  db: Kysely<DB>,
  { after, limit }: { after: PartnerCursor; limit: number },
): Promise<CompanyRecord[]> {
  let query = db
    .selectFrom('companies')
    .select([
      'company_id',
      'name',
      'legal_form',
      'address',
      'city',
      'activity',
      'phone',
      'managers',
      'updated_at',
      sql<string>`updated_at::text`.as('cursor_at'),
    ]);
  if (after) query = query.where(updatedAfter(after, 'company_id'));
  const rows = await query.orderBy('updated_at').orderBy('company_id').limit(limit).execute();
  return rows.map((r) => ({ ...r, updated_at: iso(r.updated_at) }));
}

export async function manifestRecords(
  db: Kysely<DB>,
  { after, limit }: { after: PartnerCursor; limit: number },
): Promise<ManifestRecord[]> {
  let query = db
    .selectFrom('manifests')
    .select([
      'id',
      'document_number',
      'carrier',
      'arrival_date',
      'consignee_code',
      'consignee_name',
      'containers',
      'declaration_reference',
      'updated_at',
      sql<string>`updated_at::text`.as('cursor_at'),
    ]);
  if (after) query = query.where(updatedAfter(after, 'document_number'));
  const rows = await query.orderBy('updated_at').orderBy('document_number').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    arrival_date: r.arrival_date === null ? null : String(r.arrival_date),
    updated_at: iso(r.updated_at),
  }));
}

export async function paymentRecords(
  db: Kysely<DB>,
  { after, limit }: { after: PartnerCursor; limit: number },
): Promise<PaymentRecord[]> {
  let query = db
    .selectFrom('fx_payments')
    .select([
      'id',
      'payment_reference',
      'importer_code',
      'paid_on',
      'amount',
      'currency',
      'beneficiary_name',
      'beneficiary_country',
      'bank',
      'declaration_reference',
      'updated_at',
      sql<string>`updated_at::text`.as('cursor_at'),
    ]);
  if (after) query = query.where(updatedAfter(after, 'payment_reference'));
  const rows = await query.orderBy('updated_at').orderBy('payment_reference').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    paid_on: String(r.paid_on),
    amount: Number(r.amount),
    updated_at: iso(r.updated_at),
  }));
}
