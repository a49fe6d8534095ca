/**
 * Reading partner data, and its links to declarations: the importer's company-register record (by importer code),
 * the manifests and foreign-exchange payments that name the declaration.
 */
import type { Kysely } from 'kysely';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import { declarationByReference } from '../declarations/index.ts';

const stamp = <T extends { created_at: Date; updated_at: Date }>(row: T) => ({
  ...row,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function getCompany(db: Kysely<DB>, companyId: string) {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row ? stamp(row) : undefined;
}

export async function listCompanies(
  db: Kysely<DB>,
  filters: { q?: string | undefined; city?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('companies');
  if (filters.q) {
    const like = `%${escapeLike(filters.q)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('company_id', 'ilike', like)]));
  }
  if (filters.city) query = query.where('city', 'ilike', escapeLike(filters.city));
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('name').orderBy('company_id'),
    page,
  );
  return { total, items: rows.map(stamp) };
}

export async function listManifests(
  db: Kysely<DB>,
  filters: { consignee?: string | undefined; declaration?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('manifests');
  if (filters.consignee) query = query.where('consignee_code', '=', filters.consignee);
  if (filters.declaration) query = query.where('declaration_reference', '=', filters.declaration);
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('arrival_date', 'desc').orderBy('id', 'desc'),
    page,
  );
  return { total, items: rows.map(stamp) };
}

export async function listPayments(
  db: Kysely<DB>,
  filters: { importer?: string | undefined; declaration?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('fx_payments');
  if (filters.importer) query = query.where('importer_code', '=', filters.importer);
  if (filters.declaration) query = query.where('declaration_reference', '=', filters.declaration);
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('paid_on', 'desc').orderBy('id', 'desc'),
    page,
  );
  return { total, items: rows.map(stamp) };
}

export async function listTrademarks(
  db: Kysely<DB>,
  filters: { brand?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('trademarks');
  if (filters.brand) query = query.where('brand', 'ilike', `%${escapeLike(filters.brand)}%`);
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('brand').orderBy('owner'),
    page,
  );
  return { total, items: rows.map(stamp) };
}

/** Partner records linked to a declaration; undefined when the declaration is unknown. */
export async function partnerLinks(db: Kysely<DB>, reference: string) {
  const declaration = await declarationByReference(db, reference);
  if (!declaration) return undefined;
  const [company, manifests, payments] = await Promise.all([
    declaration.importer_code ? getCompany(db, declaration.importer_code) : Promise.resolve(undefined),
    db
      .selectFrom('manifests')
      .selectAll()
      .where('declaration_reference', '=', reference)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('fx_payments')
      .selectAll()
      .where('declaration_reference', '=', reference)
      .orderBy('id')
      .execute(),
  ]);
  return {
    reference,
    importer_code: declaration.importer_code,
    company: company ?? null,
    manifests: manifests.map(stamp),
    payments: payments.map(stamp),
  };
}
