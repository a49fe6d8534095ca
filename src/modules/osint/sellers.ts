/**
 * Sellers: accounts grouped across platforms by the identifiers they share. Each item contributes identifiers —
 * its author's handle on its platform, its author's profile or shop URL, phone numbers (E.164; WhatsApp numbers
 * from wa.me links are phones), e-mail addresses, handles on named platforms, and the domains of shops outside the
 * big platforms — and items sharing one belong to one seller. This is union-find kept in the database: a new item
 * joins the seller of its identifiers; an item whose identifiers belong to several sellers merges them into the
 * oldest (the others point to it with `merged_into`, so their ids keep answering). Company names and addresses
 * declared by a platform are kept as identifiers for the graph but never merge sellers (too ambiguous), and an
 * identifier shared by more than 20 accounts (a marketplace's hotline, a courier's number) stops merging.
 *
 * Assignment runs under a transaction-scoped advisory lock so that concurrent collection runs cannot build two
 * sellers for one phone number.
 */

import { type Kysely, sql } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { Entities } from './analysis/index.ts';
import { canonicalUrl, hostOf } from './dedup.ts';
import type { OsintIdentifierKind, OsintLabel } from './tables.ts';

const SELLER_LOCK = 7_210_040;
/** An identifier shared by this many distinct accounts stops merging sellers. */
export const HUB_ACCOUNTS = 20;
/** Kinds that group accounts into one seller. */
export const MERGING_KINDS: readonly OsintIdentifierKind[] = ['phone', 'email', 'handle', 'shop_url'];

/** Hosts of platforms and link services: a link to them names an account or a post, never a seller's own shop. */
const PLATFORM_HOSTS = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'instagr.am',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  't.me',
  'telegram.me',
  'wa.me',
  'whatsapp.com',
  'snapchat.com',
  'pinterest.com',
  'linkedin.com',
  'google.com',
  'goo.gl',
  'bit.ly',
  'tinyurl.com',
  'linktr.ee',
  'jumia.ma',
  'avito.ma',
  'amazon.com',
  'amazon.fr',
  'aliexpress.com',
  'alibaba.com',
  'ebay.com',
  'temu.com',
  'shein.com',
];

const isPlatformHost = (host: string) => PLATFORM_HOSTS.some((p) => host === p || host.endsWith(`.${p}`));

export interface IdentifierValue {
  kind: OsintIdentifierKind;
  value: string;
}

export interface ItemForIdentity {
  platform: string | null;
  url: string | null;
  author: string | null;
  author_url: string | null;
  attributes: { phone?: string; email?: string; company?: string; address?: string };
  entities: Entities;
}

/** Lower case, no leading @, spaces folded: one account handle however it was written. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').replace(/\s+/g, ' ').toLowerCase();
}

export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  const parsed = parsePhoneNumberFromString(digits.startsWith('00') ? `+${digits.slice(2)}` : digits, 'MA');
  return parsed?.isValid() ? parsed.number : null;
}

/** Company names compared without case, accents, punctuation or legal form. */
export function normalizeCompany(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(sarl|sarlau|sa|sas|sasu|ltd|llc|inc|eurl|co)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The platform an item's author lives on: the declared one, else the item's host. */
export function platformOf(item: { platform: string | null; url: string | null }): string {
  if (item.platform) return item.platform.trim().toLowerCase();
  return hostOf(item.url) ?? 'unknown';
}

/** Every identifier of an item, de-duplicated. */
export function identifiersOf(item: ItemForIdentity): IdentifierValue[] {
  const out = new Map<string, IdentifierValue>();
  const add = (kind: OsintIdentifierKind, value: string | null | undefined) => {
    if (!value) return;
    const v = value.trim();
    if (!v || v.length > 500) return;
    out.set(`${kind}\u0000${v}`, { kind, value: v });
  };
  const platform = platformOf(item);
  if (item.author) add('handle', `${platform}:${normalizeHandle(item.author)}`);
  if (item.author_url) add('shop_url', canonicalUrl(item.author_url));
  for (const phone of item.entities.phones ?? []) add('phone', phone);
  if (item.attributes.phone)
    for (const part of item.attributes.phone.split(/[,;/]| or | ou /)) add('phone', normalizePhone(part));
  for (const email of item.entities.emails ?? []) add('email', email.toLowerCase());
  if (item.attributes.email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(item.attributes.email.trim()))
    add('email', item.attributes.email.trim().toLowerCase());
  for (const h of item.entities.handles ?? []) {
    if (h.platform === 'unknown') continue;
    const keepCase = h.platform === 'whatsapp' || h.handle.startsWith('+');
    add('handle', `${h.platform}:${keepCase ? h.handle : normalizeHandle(h.handle)}`);
  }
  const ownHost = hostOf(item.url);
  for (const url of item.entities.urls ?? []) {
    const host = hostOf(url);
    if (!host || host === ownHost || isPlatformHost(host)) continue;
    add('shop_url', `https://${host}`);
  }
  if (item.attributes.company) add('company', normalizeCompany(item.attributes.company));
  if (item.attributes.address) add('address', item.attributes.address.replace(/\s+/g, ' ').trim());
  return [...out.values()];
}

/**
 * Links an item to its identifiers and to its seller (creating or merging sellers as needed). Call inside the
 * transaction that writes the item. Returns the seller id (null for an item with nothing that identifies anyone)
 * and the ids of every seller whose profile must be refreshed.
 */
export async function assignSeller(
  db: Kysely<DB>,
  itemId: number,
  identifiers: IdentifierValue[],
  displayName: string | null,
  seenAt: Date,
): Promise<{ sellerId: number | null; touched: number[] }> {
  await sql`select pg_advisory_xact_lock(${SELLER_LOCK})`.execute(db);
  await db.deleteFrom('osint_item_identifiers').where('item_id', '=', itemId).execute();
  if (identifiers.length === 0) {
    await db.updateTable('osint_items').set({ seller_id: null }).where('id', '=', itemId).execute();
    return { sellerId: null, touched: [] };
  }
  const rows = [];
  for (const id of identifiers) {
    const row = await db
      .insertInto('osint_identifiers')
      .values({ kind: id.kind, value: id.value, first_seen_at: seenAt, last_seen_at: seenAt })
      .onConflict((oc) =>
        oc.columns(['kind', 'value']).doUpdateSet({
          last_seen_at: sql`greatest(osint_identifiers.last_seen_at, excluded.last_seen_at)`,
        }),
      )
      .returning(['id', 'kind', 'value', 'seller_id', 'hub'])
      .executeTakeFirstOrThrow();
    rows.push(row);
  }
  await db
    .insertInto('osint_item_identifiers')
    .values(rows.map((r) => ({ item_id: itemId, identifier_id: r.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  let merging = rows.filter((r) => MERGING_KINDS.includes(r.kind) && !r.hub);
  // An identifier shared by too many accounts (a hotline, a courier, a marketplace's support address) stops
  // grouping: it becomes a hub, and the seller it had grouped is split again without it.
  const split = new Set<number>();
  for (const r of merging) {
    if (r.seller_id === null || r.kind === 'handle') continue;
    const accounts = await db
      .selectFrom('osint_item_identifiers as ii')
      .innerJoin('osint_items as i', 'i.id', 'ii.item_id')
      .select(
        sql<number>`count(distinct coalesce(i.platform, '') || ':' || coalesce(lower(i.author), i.id::text))`.as(
          'n',
        ),
      )
      .where('ii.identifier_id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (Number(accounts.n) > HUB_ACCOUNTS) {
      await db
        .updateTable('osint_identifiers')
        .set({ hub: true, seller_id: null })
        .where('id', '=', r.id)
        .execute();
      r.hub = true;
      split.add(r.seller_id);
    }
  }
  const touched: number[] = [];
  if (split.size) {
    for (const sellerId of split) touched.push(...(await reclusterSeller(db, sellerId)));
    merging = merging.filter((r) => !r.hub);
    const fresh = await db
      .selectFrom('osint_identifiers')
      .select(['id', 'seller_id'])
      .where('id', 'in', merging.length ? merging.map((r) => r.id) : [0])
      .execute();
    for (const r of merging) r.seller_id = fresh.find((f) => f.id === r.id)?.seller_id ?? null;
  }
  if (merging.length === 0) {
    await db.updateTable('osint_items').set({ seller_id: null }).where('id', '=', itemId).execute();
    return { sellerId: null, touched };
  }
  const found = [...new Set(merging.map((r) => r.seller_id).filter((id): id is number => id !== null))].sort(
    (a, b) => a - b,
  );
  let target: number;
  if (found.length === 0) {
    const created = await db
      .insertInto('osint_sellers')
      .values({
        display_name: (displayName ?? merging[0]!.value).slice(0, 200),
        reasons: '[]',
        accounts: '[]',
        brands: '[]',
        cities: '[]',
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    target = created.id;
  } else target = found[0]!;
  const others = found.slice(1);
  if (others.length) {
    await db
      .updateTable('osint_sellers')
      .set({ merged_into: target, updated_at: new Date() })
      .where('id', 'in', others)
      .execute();
    await db
      .updateTable('osint_sellers')
      .set({ merged_into: target })
      .where('merged_into', 'in', others)
      .execute();
    await db
      .updateTable('osint_identifiers')
      .set({ seller_id: target })
      .where('seller_id', 'in', others)
      .execute();
    await db.updateTable('osint_items').set({ seller_id: target }).where('seller_id', 'in', others).execute();
    await db
      .updateTable('osint_alerts')
      .set({ seller_id: target })
      .where('seller_id', 'in', others)
      .where('kind', '!=', 'seller')
      .execute();
  }
  await db
    .updateTable('osint_identifiers')
    .set({ seller_id: target })
    .where(
      'id',
      'in',
      merging.map((r) => r.id),
    )
    .execute();
  await db.updateTable('osint_items').set({ seller_id: target }).where('id', '=', itemId).execute();
  return { sellerId: target, touched: [...touched, target] };
}

/**
 * Splits a seller again after one of its identifiers became a hub: union-find over its items through their
 * remaining grouping identifiers. The component holding its oldest item keeps the seller's id; the others become
 * new sellers. Returns every seller id involved.
 */
export async function reclusterSeller(db: Kysely<DB>, sellerId: number): Promise<number[]> {
  const links = await db
    .selectFrom('osint_items as i')
    .leftJoin('osint_item_identifiers as ii', 'ii.item_id', 'i.id')
    .leftJoin('osint_identifiers as d', 'd.id', 'ii.identifier_id')
    .select(['i.id as item_id', 'i.author', 'd.id as identifier_id', 'd.kind', 'd.hub'])
    .where('i.seller_id', '=', sellerId)
    .orderBy('i.id')
    .execute();
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const firstItemOf = new Map<number, number>();
  const grouping = new Set<number>();
  const authors = new Map<number, string | null>();
  for (const l of links) {
    if (!parent.has(l.item_id)) parent.set(l.item_id, l.item_id);
    authors.set(l.item_id, l.author);
    if (l.identifier_id === null || l.hub || !MERGING_KINDS.includes(l.kind!)) continue;
    grouping.add(l.item_id);
    const first = firstItemOf.get(l.identifier_id);
    if (first === undefined) firstItemOf.set(l.identifier_id, l.item_id);
    else union(first, l.item_id);
  }
  const components = new Map<number, number[]>();
  for (const item of parent.keys()) {
    if (!grouping.has(item)) continue;
    const root = find(item);
    components.set(root, [...(components.get(root) ?? []), item]);
  }
  const orphans = [...parent.keys()].filter((i) => !grouping.has(i));
  if (orphans.length)
    await db.updateTable('osint_items').set({ seller_id: null }).where('id', 'in', orphans).execute();
  const ids = [sellerId];
  const roots = [...components.keys()].sort((a, b) => a - b);
  for (const root of roots.slice(1)) {
    const items = components.get(root)!;
    const created = await db
      .insertInto('osint_sellers')
      .values({
        display_name: (authors.get(root) ?? `seller of item #${root}`).slice(0, 200),
        reasons: '[]',
        accounts: '[]',
        brands: '[]',
        cities: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(created.id);
    await db.updateTable('osint_items').set({ seller_id: created.id }).where('id', 'in', items).execute();
    const identifierIds = [...firstItemOf.entries()]
      .filter(([, item]) => find(item) === root)
      .map(([id]) => id);
    if (identifierIds.length)
      await db
        .updateTable('osint_identifiers')
        .set({ seller_id: created.id })
        .where('id', 'in', identifierIds)
        .execute();
  }
  return ids;
}

interface SellerItemRow {
  id: number;
  author: string | null;
  platform: string | null;
  url: string | null;
  label: OsintLabel;
  confirmed_label: OsintLabel | null;
  score: number;
  dup_group_id: number;
  entities: Record<string, unknown>;
  posted_at: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

function top(counts: Map<string, number>, n: number) {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([name, count]) => ({ name, count }));
}

/** What a seller's items say about it: score, label, reasons, accounts, brands, cities, prices, first/last seen. */
export function profileOf(items: SellerItemRow[]) {
  const groups = new Map<number, { score: number; label: OsintLabel; item: number }>();
  const accounts = new Map<string, { platform: string; handle: string; items: number }>();
  const platforms = new Set<string>();
  const brands = new Map<string, number>();
  const cities = new Map<string, number>();
  let min: number | null = null;
  let max: number | null = null;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const it of items) {
    const label = it.confirmed_label ?? it.label;
    const risky = label !== 'benign';
    const score =
      it.confirmed_label === 'benign' ? 0 : it.confirmed_label ? Math.max(it.score, 0.95) : it.score;
    const g = groups.get(it.dup_group_id);
    const rank = (x: { score: number; label: OsintLabel }) => (x.label !== 'benign' ? 1 + x.score : x.score);
    if (!g || rank({ score, label }) > rank(g))
      groups.set(it.dup_group_id, { score, label: risky ? label : 'benign', item: it.id });
    const platform = it.platform?.toLowerCase() ?? hostOf(it.url) ?? 'unknown';
    platforms.add(platform);
    if (it.author) {
      const key = `${platform}:${normalizeHandle(it.author)}`;
      const a = accounts.get(key);
      if (a) a.items++;
      else accounts.set(key, { platform, handle: it.author.trim(), items: 1 });
    }
    const e = it.entities as Partial<Entities>;
    for (const b of new Set(e.brands ?? [])) brands.set(b, (brands.get(b) ?? 0) + 1);
    for (const c of new Set((e.cities ?? []).map((c) => c.city))) cities.set(c, (cities.get(c) ?? 0) + 1);
    for (const p of e.prices ?? []) {
      if (p.amount_mad === null || p.amount_mad === undefined) continue;
      min = min === null ? p.amount_mad : Math.min(min, p.amount_mad);
      max = max === null ? p.amount_mad : Math.max(max, p.amount_mad);
    }
    const seen = it.posted_at ?? it.first_seen_at;
    if (!first || seen < first) first = seen;
    const lastSeen = it.posted_at && it.posted_at > it.last_seen_at ? it.posted_at : it.last_seen_at;
    if (!last || lastSeen > last) last = lastSeen;
  }
  const risky = [...groups.values()].filter((g) => g.label !== 'benign').sort((a, b) => b.score - a.score);
  const labelCounts = new Map<string, number>();
  for (const g of risky) labelCounts.set(g.label, (labelCounts.get(g.label) ?? 0) + 1);
  const label = (top(labelCounts, 1)[0]?.name as OsintLabel | undefined) ?? 'benign';
  const best = risky[0] ?? [...groups.values()].sort((a, b) => b.score - a.score)[0];
  const bonus = risky.length > 1 ? Math.min(0.2, 0.05 * (risky.length - 1)) : 0;
  const score = Math.round(Math.min(1, (best?.score ?? 0) + bonus) * 1000) / 1000;
  const reasons: string[] = [];
  if (best)
    reasons.push(
      `highest-scoring ad: item #${best.item}, ${best.label === 'benign' ? 'no risk label' : best.label} ${best.score.toFixed(2)}`,
    );
  if (bonus > 0) reasons.push(`${risky.length} distinct risky ads (+${bonus.toFixed(2)})`);
  if (accounts.size > 1 || platforms.size > 1)
    reasons.push(`${accounts.size} accounts on ${platforms.size} platform${platforms.size > 1 ? 's' : ''}`);
  return {
    score,
    label,
    reasons,
    item_count: items.length,
    ad_count: groups.size,
    risky_ad_count: risky.length,
    accounts: [...accounts.values()]
      .sort((a, b) => b.items - a.items || (a.handle < b.handle ? -1 : 1))
      .map(({ platform, handle }) => ({ platform, handle })),
    platforms: [...platforms].sort(),
    brands: top(brands, 10),
    cities: top(cities, 10),
    price_min_mad: min,
    price_max_mad: max,
    first_seen_at: first,
    last_seen_at: last,
  };
}

/** Recomputes the profiles of the given sellers from their items (the latest 5,000 of each). */
export async function refreshSellers(db: Kysely<DB>, ids: Iterable<number>) {
  const refreshed: { id: number; score: number; label: OsintLabel; risky_ad_count: number }[] = [];
  for (const id of new Set(ids)) {
    const seller = await db
      .selectFrom('osint_sellers')
      .select(['id', 'merged_into'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!seller || seller.merged_into !== null) continue;
    const items = (await db
      .selectFrom('osint_items')
      .select([
        'id',
        'author',
        'platform',
        'url',
        'label',
        'confirmed_label',
        'score',
        'dup_group_id',
        'entities',
        'posted_at',
        'first_seen_at',
        'last_seen_at',
      ])
      .where('seller_id', '=', id)
      .orderBy('id', 'desc')
      .limit(5000)
      .execute()) as SellerItemRow[];
    const p = profileOf(items);
    const first = p.accounts[0];
    await db
      .updateTable('osint_sellers')
      .set({
        score: p.score,
        label: p.label,
        reasons: JSON.stringify(p.reasons),
        item_count: p.item_count,
        ad_count: p.ad_count,
        risky_ad_count: p.risky_ad_count,
        accounts: JSON.stringify(p.accounts),
        platforms: p.platforms,
        brands: JSON.stringify(p.brands),
        cities: JSON.stringify(p.cities),
        price_min_mad: p.price_min_mad,
        price_max_mad: p.price_max_mad,
        first_seen_at: p.first_seen_at,
        last_seen_at: p.last_seen_at,
        ...(first ? { display_name: first.handle.slice(0, 200) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    refreshed.push({ id, score: p.score, label: p.label, risky_ad_count: p.risky_ad_count });
  }
  return refreshed;
}

/** Follows `merged_into` to the seller that stands for `id` now. */
export async function resolveSellerId(db: Kysely<DB>, id: number): Promise<number> {
  let current = id;
  for (let hops = 0; hops < 50; hops++) {
    const row = await db
      .selectFrom('osint_sellers')
      .select('merged_into')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('osint.seller_not_found', `no seller #${id}`);
    if (row.merged_into === null) return current;
    current = row.merged_into;
  }
  return current;
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
  const normalized =
    kind === 'phone'
      ? (normalizePhone(value) ?? value)
      : kind === 'email'
        ? value.trim().toLowerCase()
        : kind === 'company'
          ? normalizeCompany(value)
          : kind === 'shop_url'
            ? (canonicalUrl(value) ?? value)
            : kind === 'handle' && value.includes(':')
              ? `${value.slice(0, value.indexOf(':')).toLowerCase()}:${normalizeHandle(value.slice(value.indexOf(':') + 1))}`
              : value.trim();
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
