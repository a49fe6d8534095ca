/**
 * Sellers: accounts grouped across platforms by the identifiers they share. Each item contributes identifiers
 * (identifiers.ts: handles, profile and shop URLs, phones, e-mails…) and items sharing one belong to one seller.
 * This is union-find kept in the database: a new item joins the seller of its identifiers; an item whose
 * identifiers belong to several sellers merges them into the oldest (the others point to it with `merged_into`,
 * so their ids keep answering). Company names and addresses declared by a platform are kept as identifiers for the
 * graph but never merge sellers (too ambiguous), and an identifier shared by more than 20 accounts (a
 * marketplace's hotline, a courier's number) stops merging.
 *
 * Assignment runs under a transaction-scoped advisory lock so that concurrent collection runs cannot build two
 * sellers for one phone number. This is the seller step of storing a post (store-item.ts); profiles are
 * seller-profile.ts, reading seller-views.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { IdentifierValue } from './identifiers.ts';
import type { OsintIdentifierKind } from './tables.ts';

const SELLER_LOCK = 7_210_040;
/** An identifier shared by this many distinct accounts stops merging sellers. */
export const HUB_ACCOUNTS = 20;
/** Kinds that group accounts into one seller. */
export const MERGING_KINDS: readonly OsintIdentifierKind[] = ['phone', 'email', 'handle', 'shop_url'];

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
