/**
 * Parcels read back: the list with its filters (carrier, origin country, platform, value band in euros, office,
 * arrival dates, channel, referred only), and one parcel with its score and reasons.
 */
import { type Kysely, sql } from 'kysely';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { ParcelChannel, ParcelKind, ParcelReason } from './model.ts';

export interface ParcelFilters {
  carrier?: string | undefined;
  kind?: ParcelKind | undefined;
  origin_country?: string | undefined;
  platform?: string | undefined;
  office?: string | undefined;
  /** Value band, in euros: at least `value_min`, below `value_max`. */
  value_min?: number | undefined;
  value_max?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  channel?: ParcelChannel | undefined;
  referred?: boolean | undefined;
  recipient_phone?: string | undefined;
}

export interface ParcelView {
  id: number;
  carrier: string;
  consignment_number: string;
  kind: ParcelKind;
  master_manifest: string | null;
  sender_name: string;
  sender_address: string | null;
  sender_country: string;
  sender_platform: string | null;
  recipient_name: string;
  recipient_address: string | null;
  recipient_city: string | null;
  recipient_phone: string | null;
  recipient_email: string | null;
  description: string;
  declared_value: number;
  currency: string;
  value_eur: number;
  weight_kg: number | null;
  hs_code: string | null;
  item_count: number;
  arrival_date: string;
  arrival_office: string;
  score: number | null;
  channel: ParcelChannel | null;
  referred: boolean;
  scored_at: string | null;
}

export interface ParcelDetail extends ParcelView {
  reasons: ParcelReason[];
  import_id: number | null;
}

const COLUMNS = [
  'p.id',
  'p.carrier',
  'p.consignment_number',
  'p.kind',
  'p.master_manifest',
  'p.sender_name',
  'p.sender_address',
  'p.sender_country',
  'p.sender_platform',
  'p.recipient_name',
  'p.recipient_address',
  'p.recipient_city',
  'p.recipient_phone',
  'p.recipient_email',
  'p.description',
  'p.declared_value',
  'p.currency',
  'p.value_eur',
  'p.weight_kg',
  'p.hs_code',
  'p.item_count',
  sql<string>`to_char(p.arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
  'p.arrival_office',
  's.score',
  's.channel',
  's.referred',
  's.scored_at',
] as const;

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toView<R extends Record<string, unknown>>(r: R): ParcelView {
  return {
    ...(r as unknown as ParcelView),
    id: Number(r.id),
    declared_value: Number(r.declared_value),
    value_eur: Number(r.value_eur),
    weight_kg: num(r.weight_kg as string | number | null),
    score: num(r.score as number | null),
    referred: r.referred === true,
    scored_at: r.scored_at ? new Date(r.scored_at as string).toISOString() : null,
  };
}

function base(db: Kysely<DB>) {
  return db.selectFrom('parcels as p').leftJoin('parcel_scores as s', 's.parcel_id', 'p.id');
}

export async function listParcels(
  db: Kysely<DB>,
  filters: ParcelFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ParcelView[] }> {
  let q = base(db);
  if (filters.carrier) q = q.where('p.carrier', '=', filters.carrier.toUpperCase());
  if (filters.kind) q = q.where('p.kind', '=', filters.kind);
  if (filters.origin_country) q = q.where('p.sender_country', '=', filters.origin_country.toUpperCase());
  if (filters.platform) q = q.where(sql<boolean>`lower(p.sender_platform) = lower(${filters.platform})`);
  if (filters.office) q = q.where('p.arrival_office', '=', filters.office);
  if (filters.value_min !== undefined) q = q.where('p.value_eur', '>=', filters.value_min);
  if (filters.value_max !== undefined) q = q.where('p.value_eur', '<', filters.value_max);
  if (filters.from) q = q.where('p.arrival_date', '>=', filters.from);
  if (filters.to) q = q.where('p.arrival_date', '<=', filters.to);
  if (filters.channel) q = q.where('s.channel', '=', filters.channel);
  if (filters.referred !== undefined)
    q = filters.referred
      ? q.where('s.referred', '=', true)
      : q.where((eb) => eb.or([eb('s.referred', '=', false), eb('s.referred', 'is', null)]));
  if (filters.recipient_phone) q = q.where('p.recipient_phone', '=', filters.recipient_phone);
  const { total, rows } = await offsetPage(
    q,
    (f) => f.select(COLUMNS).orderBy(sql`s.score desc nulls last`).orderBy('p.arrival_date').orderBy('p.id'),
    page,
  );
  return { total, items: rows.map(toView) };
}

export async function getParcel(db: Kysely<DB>, id: number): Promise<ParcelDetail> {
  const row = await base(db)
    .select([...COLUMNS, 's.reasons', 'p.import_id'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('parcel.not_found', `no parcel ${id}`);
  return {
    ...toView(row),
    reasons: row.reasons ?? [],
    import_id: row.import_id === null ? null : Number(row.import_id),
  };
}

/** A parcel by carrier and consignment number (`DHL/1234567890`), as the CLI names one. */
export async function findParcel(db: Kysely<DB>, carrier: string, number: string): Promise<ParcelDetail> {
  const row = await db
    .selectFrom('parcels')
    .select('id')
    .where('carrier', '=', carrier.toUpperCase())
    .where('consignment_number', '=', number.toUpperCase())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('parcel.not_found', `no parcel ${number} of carrier ${carrier}`);
  return getParcel(db, Number(row.id));
}
