/**
 * Sellers as the API and the CLI show them: lists with filters, one seller's profile with its identifiers (for
 * the graph), and the sellers known by one identifier.
 */
import { type Kysely, sql } from 'kysely';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { searchedPhone, storedIdentifier } from './identifiers.ts';
import { resolveSellerId } from './sellers.ts';
import { likeEscape } from './sources.ts';
import type { OsintIdentifierKind, OsintLabel } from './tables.ts';

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
    const phone = searchedPhone(filters.q) ?? '';
    q = q.where(
      sql<boolean>`(s.display_name ilike ${pattern} escape '\\' or s.accounts::text ilike ${pattern} escape '\\' or exists (select 1 from osint_identifiers d where d.seller_id = s.id and (d.value ilike ${pattern} escape '\\' or (d.kind = 'phone' and d.value = ${phone}))))`,
    );
  }
  const { total, rows } = await offsetPage(
    q,
    (query) =>
      query
        .select([...COLUMNS, openAlerts])
        .orderBy('s.score', 'desc')
        .orderBy('s.id'),
    page,
  );
  return { total, items: rows.map(toView) };
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

export interface SellerIdentifiers {
  seller_id: number;
  phones: string[];
  emails: string[];
  handles: { platform: string; handle: string }[];
  shop_urls: string[];
  company_names: string[];
  addresses: string[];
}

/**
 * The identifiers of a seller, for the graph: phones (E.164), e-mails, handles by platform, shop URLs, company
 * names (normalised: lower case, no accents, no legal form) and addresses. A merged seller's id answers for the
 * seller it was merged into.
 */
export async function sellerIdentifiers(db: Kysely<DB>, sellerId: number): Promise<SellerIdentifiers> {
  const id = await resolveSellerId(db, sellerId);
  const rows = await db
    .selectFrom('osint_identifiers as d')
    .select(['d.kind', 'd.value'])
    .where((eb) =>
      eb.or([
        eb('d.seller_id', '=', id),
        eb(
          'd.id',
          'in',
          eb
            .selectFrom('osint_item_identifiers as ii')
            .innerJoin('osint_items as i', 'i.id', 'ii.item_id')
            .select('ii.identifier_id')
            .where('i.seller_id', '=', id),
        ),
      ]),
    )
    .orderBy('d.kind')
    .orderBy('d.value')
    .execute();
  const of = (kind: OsintIdentifierKind) => rows.filter((r) => r.kind === kind).map((r) => r.value);
  return {
    seller_id: id,
    phones: of('phone'),
    emails: of('email'),
    handles: of('handle').map((h) => {
      const at = h.indexOf(':');
      return { platform: h.slice(0, at), handle: h.slice(at + 1) };
    }),
    shop_urls: of('shop_url'),
    company_names: of('company'),
    addresses: of('address'),
  };
}
/** Sellers known by an identifier (a phone in any format, an e-mail, `platform:handle`, a URL, a company name). */
export async function sellersByIdentifier(
  db: Kysely<DB>,
  kind: OsintIdentifierKind,
  value: string,
): Promise<number[]> {
  const normalized = storedIdentifier(kind, value);
  const rows = await db
    .selectFrom('osint_identifiers as d')
    .innerJoin('osint_item_identifiers as ii', 'ii.identifier_id', 'd.id')
    .innerJoin('osint_items as i', 'i.id', 'ii.item_id')
    .select('i.seller_id')
    .distinct()
    .where('d.kind', '=', kind)
    .where('d.value', '=', normalized)
    .where('i.seller_id', 'is not', null)
    .execute();
  return rows.map((r) => r.seller_id!).sort((a, b) => a - b);
}
