/** Sellers as the API and the CLI show them: lists with filters, and one seller's profile with its identifiers. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { resolveSellerId, type SellerIdentifiers, sellerIdentifiers } from './sellers.ts';
import { likeEscape } from './sources.ts';
import type { OsintLabel } from './tables.ts';

export interface SellerView {
  id: number;
  display_name: string;
  score: number;
  label: OsintLabel | null;
  reasons: string[];
  item_count: number;
  ad_count: number;
  risky_ad_count: number;
  accounts: { platform: string; handle: string }[];
  platforms: string[];
  brands: { name: string; count: number }[];
  cities: { name: string; count: number }[];
  price_min_mad: number | null;
  price_max_mad: number | null;
  first_seen_at: string | null;
  last_seen_at: string | null;
  open_alerts: number;
}

export interface SellerFilters {
  min_score?: number | undefined;
  label?: OsintLabel | undefined;
  platform?: string | undefined;
  q?: string | undefined;
}

const COLUMNS = [
  's.id',
  's.display_name',
  's.score',
  's.label',
  's.reasons',
  's.item_count',
  's.ad_count',
  's.risky_ad_count',
  's.accounts',
  's.platforms',
  's.brands',
  's.cities',
  's.price_min_mad',
  's.price_max_mad',
  's.first_seen_at',
  's.last_seen_at',
] as const;

const openAlerts =
  sql<number>`(select count(*) from osint_alerts a where a.seller_id = s.id and a.status = 'open')`.as(
    'open_alerts',
  );

type Row = { first_seen_at: Date | null; last_seen_at: Date | null; open_alerts: number | string };
const toView = <R extends Row>(r: R) => ({
  ...r,
  first_seen_at: r.first_seen_at ? new Date(r.first_seen_at).toISOString() : null,
  last_seen_at: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
  open_alerts: Number(r.open_alerts),
});

export async function listSellers(
  db: Kysely<DB>,
  filters: SellerFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: SellerView[] }> {
  let q = db.selectFrom('osint_sellers as s').where('s.merged_into', 'is', null);
  if (filters.min_score !== undefined) q = q.where('s.score', '>=', filters.min_score);
  if (filters.label) q = q.where('s.label', '=', filters.label);
  if (filters.platform) q = q.where(sql<boolean>`${filters.platform.toLowerCase()} = any(s.platforms)`);
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    q = q.where(
      sql<boolean>`(s.display_name ilike ${pattern} escape '\\' or s.accounts::text ilike ${pattern} escape '\\' or exists (select 1 from osint_identifiers d where d.seller_id = s.id and d.value ilike ${pattern} escape '\\'))`,
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...COLUMNS, openAlerts])
    .orderBy('s.score', 'desc')
    .orderBy('s.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toView) };
}

export async function getSellerProfile(
  db: Kysely<DB>,
  id: number,
): Promise<SellerView & { merged_from: number[]; identifiers: SellerIdentifiers }> {
  const resolved = await resolveSellerId(db, id);
  const row = await db
    .selectFrom('osint_sellers as s')
    .select([...COLUMNS, openAlerts])
    .where('s.id', '=', resolved)
    .executeTakeFirstOrThrow();
  const merged = await db
    .selectFrom('osint_sellers')
    .select('id')
    .where('merged_into', '=', resolved)
    .orderBy('id')
    .execute();
  return {
    ...toView(row),
    merged_from: merged.map((m) => m.id),
    identifiers: await sellerIdentifiers(db, resolved),
  };
}
