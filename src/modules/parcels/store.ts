/**
 * Parcels read back: the list with its filters (carrier, origin country, platform, value band in euros, office,
 * arrival dates, channel, referred only), each with its reasons' indicators and its examiner, and one parcel with
 * its score and reasons.
 */
import { type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../../platform/db/keyset.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import {
  inspectionHistory,
  inspectionOf,
  type ParcelInspection,
  type ReplacedInspection,
} from './inspections.ts';
import type { ParcelChannel, ParcelIndicator, ParcelKind, ParcelReason, ParcelRow } from './model.ts';

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

export interface ParcelView extends ParcelRow {
  id: number;
  value_eur: number;
  score: number | null;
  channel: ParcelChannel | null;
  referred: boolean;
  scored_at: string | null;
}

/** A row of the list: the parcel, the indicators of its reasons (largest first) and its examiner's name, if any. */
export interface ParcelListItem extends ParcelView {
  indicators: ParcelIndicator[];
  examiner: string | null;
}

export interface ParcelDetail extends ParcelView {
  reasons: ParcelReason[];
  import_id: number | null;
  /** The seizure of its goods, when linked (a seizure of the cases module). */
  seizure: { id: number; reference: string; seized_on: string } | null;
  /** Who examines it, when assigned. */
  assignment: { examiner_id: number; username: string; name: string; basis: string; reason: string } | null;
  /** What its examiner found, once inspected. */
  inspection: ParcelInspection | null;
  /** The outcomes corrections replaced, oldest first. */
  inspection_history: ReplacedInspection[];
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

/** The list's order, highest score first (unscored last), then arrival and id: the keyset of its pages. */
const RANK = sql<number>`(-coalesce(s.score, -1))`;

/**
 * A page of parcels, highest score first. Keyset paging: `cursor` is the `next_cursor` of the page before (offset
 * paging, kept for the first callers, applies when no cursor is given).
 */
export async function listParcels(
  db: Kysely<DB>,
  filters: ParcelFilters,
  page: { limit: number; offset?: number | undefined; cursor?: string | undefined },
): Promise<{ total: number; items: ParcelListItem[]; next_cursor: string | null }> {
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
  let rowsQuery = q;
  if (page.cursor) {
    const key = decodeCursor(page.cursor, 'score');
    const [rank, day] = (key.value ?? '').split('|');
    if (!/^-?\d+$/.test(rank ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? ''))
      throw new AppError('request.bad_cursor', 'invalid cursor: not a cursor of this list');
    rowsQuery = q.where(
      sql<boolean>`(${RANK}, p.arrival_date, p.id) > (${Number(rank)}::int, ${day}::date, ${key.id}::bigint)`,
    );
  }
  const [counted, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    rowsQuery
      .leftJoin('parcel_assignments as a', 'a.parcel_id', 'p.id')
      .leftJoin('parcel_examiners as e', 'e.id', 'a.examiner_id')
      .select([...COLUMNS, 's.reasons', 'e.name as examiner'])
      .orderBy(RANK)
      .orderBy('p.arrival_date')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.cursor ? 0 : (page.offset ?? 0))
      .execute(),
  ]);
  const items = rows.map(
    (r): ParcelListItem => ({
      ...toView(r),
      indicators: [...(r.reasons ?? [])]
        .sort((a, b) => b.points - a.points)
        .map((reason) => reason.indicator),
      examiner: r.examiner ?? null,
    }),
  );
  const last = items.at(-1);
  return {
    total: Number(counted.n),
    items,
    next_cursor:
      last && items.length === page.limit
        ? encodeCursor({ sort: 'score', value: `${-(last.score ?? -1)}|${last.arrival_date}`, id: last.id })
        : null,
  };
}

export async function getParcel(db: Kysely<DB>, id: number): Promise<ParcelDetail> {
  const row = await base(db)
    .leftJoin('parcel_seizures as z', 'z.parcel_id', 'p.id')
    .leftJoin('parcel_assignments as a', 'a.parcel_id', 'p.id')
    .leftJoin('parcel_examiners as e', 'e.id', 'a.examiner_id')
    .select([
      ...COLUMNS,
      's.reasons',
      'p.import_id',
      'z.seizure_id',
      'z.seizure_reference',
      sql<string | null>`to_char(z.seized_on, 'YYYY-MM-DD')`.as('seized_on'),
      'a.examiner_id',
      'e.username as examiner_username',
      'e.name as examiner_name',
      'a.basis as assignment_basis',
      'a.reason as assignment_reason',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('parcel.not_found', `no parcel ${id}`);
  const inspection = await inspectionOf(db, id);
  const history = inspection ? await inspectionHistory(db, id) : [];
  return {
    ...toView(row),
    reasons: row.reasons ?? [],
    import_id: row.import_id === null ? null : Number(row.import_id),
    seizure:
      row.seizure_id === null || row.seizure_id === undefined
        ? null
        : { id: Number(row.seizure_id), reference: row.seizure_reference!, seized_on: row.seized_on! },
    assignment:
      row.examiner_id === null || row.examiner_id === undefined
        ? null
        : {
            examiner_id: Number(row.examiner_id),
            username: row.examiner_username!,
            name: row.examiner_name!,
            basis: row.assignment_basis!,
            reason: row.assignment_reason!,
          },
    inspection,
    inspection_history: history,
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
