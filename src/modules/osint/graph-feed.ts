/**
 * What the link graph reads of online monitoring (the graph module, docs/graph.md): sellers with their accounts,
 * phones, e-mails, shop URLs, company names, addresses and cities, in pages ordered by (updated_at, id), so that a
 * build reads only the sellers changed since its last watermark (a merged seller says which one it joined); and
 * the alerts standing against sellers, for risk signals read at scoring time (a confirmation or a dismissal counts
 * at the next scoring).
 */
import { type Kysely, sql } from 'kysely';
import { updatedAfter } from '../../platform/db/keyset.ts';
import type { DB } from '../../platform/db/schema.ts';

export type SellerCursor = { at: string; id: number } | null;

export interface SellerRecord {
  id: number;
  display_name: string;
  merged_into: number | null;
  score: number;
  label: string | null;
  accounts: { platform: string; handle: string }[];
  cities: string[];
  brands: string[];
  first_seen_at: string | null;
  last_seen_at: string | null;
  updated_at: string;
  /** `updated_at` to the microsecond, as the database writes it: where the next page starts. */
  cursor_at: string;
  /** Identifiers that are not hubs (a value shared too widely links nothing): phone, email, shop_url, company, address. */
  identifiers: { id: number; kind: string; value: string; first_seen_at: string; last_seen_at: string }[];
}

const iso = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value.toISOString() : String(value);

export async function sellerRecords(
  db: Kysely<DB>,
  { after, limit }: { after: SellerCursor; limit: number },
): Promise<SellerRecord[]> {
  let query = db
    .selectFrom('osint_sellers')
    .select([
      'id',
      'display_name',
      'merged_into',
      'score',
      'label',
      'accounts',
      'cities',
      'brands',
      'first_seen_at',
      'last_seen_at',
      'updated_at',
      sql<string>`updated_at::text`.as('cursor_at'),
    ]);
  if (after) query = query.where(updatedAfter({ at: after.at, key: after.id }, 'id'));
  const sellers = await query.orderBy('updated_at').orderBy('id').limit(limit).execute();
  const ids = sellers.filter((s) => s.merged_into === null).map((s) => s.id);
  const identifiers = ids.length
    ? await db
        .selectFrom('osint_identifiers')
        .select(['id', 'kind', 'value', 'seller_id', 'first_seen_at', 'last_seen_at'])
        .where('seller_id', 'in', ids)
        .where('hub', '=', false)
        .where('kind', '!=', 'handle')
        .orderBy('id')
        .execute()
    : [];
  return sellers.map((s) => ({
    id: s.id,
    display_name: s.display_name,
    merged_into: s.merged_into,
    score: Number(s.score),
    label: s.label,
    accounts: s.accounts,
    cities: s.cities.map((c) => c.name),
    brands: s.brands.map((b) => b.name),
    first_seen_at: iso(s.first_seen_at),
    last_seen_at: iso(s.last_seen_at),
    updated_at: iso(s.updated_at)!,
    cursor_at: s.cursor_at,
    identifiers: identifiers
      .filter((i) => i.seller_id === s.id)
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        value: i.value,
        first_seen_at: iso(i.first_seen_at)!,
        last_seen_at: iso(i.last_seen_at)!,
      })),
  }));
}

export interface SellerAlertSummary {
  seller_id: number;
  display_name: string;
  confirmed: number;
  open: number;
  brands: string[];
}

/** Alerts standing against these sellers (confirmed, and open), with the seller's name and brands. */
export async function sellerAlertSummaries(
  db: Kysely<DB>,
  sellerIds: number[],
): Promise<SellerAlertSummary[]> {
  if (!sellerIds.length) return [];
  const rows = await db
    .selectFrom('osint_sellers as s')
    .leftJoin('osint_alerts as a', 'a.seller_id', 's.id')
    .select((eb) => [
      's.id',
      's.display_name',
      's.brands',
      eb.fn.count<number>('a.id').filterWhere('a.status', 'in', ['confirmed', 'case_opened']).as('confirmed'),
      eb.fn.count<number>('a.id').filterWhere('a.status', '=', 'open').as('open'),
    ])
    .where('s.id', 'in', sellerIds)
    .groupBy(['s.id', 's.display_name', 's.brands'])
    .execute();
  return rows.map((r) => ({
    seller_id: r.id,
    display_name: r.display_name,
    confirmed: Number(r.confirmed),
    open: Number(r.open),
    brands: r.brands.map((b) => b.name),
  }));
}
