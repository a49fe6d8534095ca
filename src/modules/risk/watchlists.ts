/**
 * Named target lists (watchlists), kept apart from the rules that reference them: traders, declarants, sellers,
 * HS codes (prefixes), countries, transport documents (bills of lading, air waybills, containers). Each list has a
 * type, an owner and an optional expiry; entries may expire on their own. A batch of entries comes from a list of
 * values or, in one action, from a declaration search.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import {
  DECLARATION_ITEMS,
  DECLARATIONS,
  type DeclarationFilters,
  INSPECTION_OUTCOMES,
} from '../declarations/index.ts';
import { MANIFESTS } from '../partners/index.ts';

export const WATCHLIST_TYPES = [
  'trader',
  'declarant',
  'seller',
  'hs_code',
  'country',
  'transport_document',
] as const;
export type WatchlistType = (typeof WATCHLIST_TYPES)[number];

/** The field a list of each type is matched against when a rule names no subject. */
export const WATCHLIST_SUBJECT: Record<WatchlistType, { field?: string; indicator?: string }> = {
  trader: { field: 'importer.code' },
  declarant: { field: 'declarant.code' },
  seller: { field: 'seller.code' },
  hs_code: { field: 'item.hs_code' },
  country: { field: 'item.origin_country' },
  transport_document: { indicator: 'partners.transport_documents' },
};

export interface WatchlistEntrySet {
  id: number;
  name: string;
  type: WatchlistType;
  values: Set<string>;
  /** hs_code lists: the prefix lengths present, longest first. */
  prefixLengths: number[];
}

export type WatchlistIndex = ReadonlyMap<string, WatchlistEntrySet>;

/** Whether a value is on the list (HS lists match by prefix). */
export function onList(list: WatchlistEntrySet, value: string): boolean {
  if (list.type !== 'hs_code') return list.values.has(value);
  for (const n of list.prefixLengths)
    if (value.length >= n && list.values.has(value.slice(0, n))) return true;
  return false;
}

/** Every list in force today with its entries in force. */
export async function loadWatchlists(db: Kysely<DB>): Promise<WatchlistIndex> {
  const rows = await db
    .selectFrom('risk_watchlists as w')
    .leftJoin('risk_watchlist_entries as e', (join) =>
      join
        .onRef('e.list_id', '=', 'w.id')
        .on((eb) =>
          eb.or([eb('e.expires_on', 'is', null), eb('e.expires_on', '>=', sql<string>`current_date`)]),
        ),
    )
    .select(['w.id', 'w.name', 'w.type', 'e.value'])
    .where((eb) =>
      eb.or([eb('w.expires_on', 'is', null), eb('w.expires_on', '>=', sql<string>`current_date`)]),
    )
    .execute();
  const index = new Map<string, WatchlistEntrySet>();
  for (const r of rows) {
    let list = index.get(r.name);
    if (!list) {
      list = { id: Number(r.id), name: r.name, type: r.type, values: new Set(), prefixLengths: [] };
      index.set(r.name, list);
    }
    if (r.value !== null) list.values.add(r.value);
  }
  for (const list of index.values()) {
    if (list.type === 'hs_code')
      list.prefixLengths = [...new Set([...list.values].map((v) => v.length))].sort((a, b) => b - a);
  }
  return index;
}

export async function watchlistNames(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('risk_watchlists').select('name').execute();
  return new Set(rows.map((r) => r.name));
}

const VALUE_CHECK: Record<WatchlistType, { re: RegExp; what: string; normalise(v: string): string }> = {
  trader: { re: /^.{1,64}$/, what: 'a trader code', normalise: (v) => v.trim() },
  declarant: { re: /^.{1,64}$/, what: 'a declarant code', normalise: (v) => v.trim() },
  seller: { re: /^.{1,64}$/, what: 'a seller code', normalise: (v) => v.trim() },
  hs_code: {
    re: /^[0-9]{2,10}$/,
    what: 'an HS code or prefix (2 to 10 digits)',
    normalise: (v) => v.replace(/[.\s]/g, ''),
  },
  country: { re: /^[A-Z]{2}$/, what: 'a two-letter country code', normalise: (v) => v.trim().toUpperCase() },
  transport_document: {
    re: /^.{1,64}$/,
    what: 'a transport document or container number',
    normalise: (v) => v.trim(),
  },
};

export interface NewWatchlist {
  name: string;
  type: WatchlistType;
  description?: string | null | undefined;
  owner?: string | undefined;
  expires_on?: string | null | undefined;
}

export async function createWatchlist(database: Database, actor: Actor, input: NewWatchlist) {
  return database.transaction(async (session) => {
    const exists = await session.db
      .selectFrom('risk_watchlists')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (exists)
      throw new AppError('risk.watchlist_exists', `a watchlist named ${input.name} exists already`, 409);
    const row = await session.db
      .insertInto('risk_watchlists')
      .values({
        name: input.name,
        type: input.type,
        description: input.description ?? null,
        owner: input.owner ?? actor.name,
        expires_on: input.expires_on ?? null,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'risk.watchlist_created',
      target_type: 'watchlist',
      target_id: row.id,
      after: { name: row.name, type: row.type, owner: row.owner, expires_on: row.expires_on },
    });
    return toWatchlist({ ...row, entries: 0 });
  });
}

function toWatchlist(r: {
  id: number;
  name: string;
  type: WatchlistType;
  description: string | null;
  owner: string;
  expires_on: string | null;
  created_by: string | null;
  created_at: Date;
  entries: number;
}) {
  return { ...r, id: Number(r.id), entries: Number(r.entries), created_at: iso(r.created_at) };
}

export async function listWatchlists(
  db: Kysely<DB>,
  filters: { type?: WatchlistType | undefined; q?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('risk_watchlists as w');
  if (filters.type) query = query.where('w.type', '=', filters.type);
  if (filters.q) query = query.where('w.name', 'like', `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .selectAll('w')
        .select((eb) =>
          eb
            .selectFrom('risk_watchlist_entries as e')
            .whereRef('e.list_id', '=', 'w.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('entries'),
        )
        .orderBy('w.name'),
    page,
  );
  return { total, items: rows.map((r) => toWatchlist({ ...r, entries: r.entries ?? 0 })) };
}

export async function getWatchlist(db: Kysely<DB>, id: number, page: { limit: number; offset: number }) {
  const list = await db.selectFrom('risk_watchlists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list) return undefined;
  const [total, entries] = await Promise.all([
    db
      .selectFrom('risk_watchlist_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('risk_watchlist_entries')
      .select(['value', 'note', 'expires_on', 'added_by', 'added_at'])
      .where('list_id', '=', id)
      .orderBy('value')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return {
    ...toWatchlist({ ...list, entries: Number(total.n) }),
    page: {
      total: Number(total.n),
      limit: page.limit,
      offset: page.offset,
      items: entries.map((e) => ({ ...e, added_at: iso(e.added_at) })),
    },
  };
}

async function listFor(db: Kysely<DB>, id: number) {
  const list = await db
    .selectFrom('risk_watchlists')
    .select(['id', 'name', 'type'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!list) throw new NotFoundError('risk.watchlist_not_found', `no watchlist #${id}`);
  return list;
}

/** Adds values (already there: left as they are). Returns how many were added. */
export async function addEntries(
  database: Database,
  actor: Actor,
  id: number,
  input: { values: string[]; note?: string | null | undefined; expires_on?: string | null | undefined },
) {
  return database.transaction(async (session) => {
    const list = await listFor(session.db, id);
    const check = VALUE_CHECK[list.type];
    const values = [...new Set(input.values.map((v) => check.normalise(v)))];
    const bad = values.filter((v) => !check.re.test(v));
    if (bad.length > 0)
      throw new AppError(
        'risk.watchlist_bad_value',
        `expected ${check.what}: ${bad
          .slice(0, 5)
          .map((b) => `"${b}"`)
          .join(', ')}`,
        400,
        {
          invalid: bad.slice(0, 100),
        },
      );
    let added = 0;
    for (let i = 0; i < values.length; i += 1000) {
      const result = await session.db
        .insertInto('risk_watchlist_entries')
        .values(
          values.slice(i, i + 1000).map((value) => ({
            list_id: id,
            value,
            note: input.note ?? null,
            expires_on: input.expires_on ?? null,
            added_by: actor.name,
          })),
        )
        .onConflict((oc) => oc.columns(['list_id', 'value']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    await appendAudit(session, actor, {
      action: 'risk.watchlist_entries_added',
      target_type: 'watchlist',
      target_id: id,
      details: { name: list.name, added, values: values.slice(0, 1000), note: input.note ?? null },
    });
    return { added, submitted: values.length };
  });
}

/** The declaration list's filters (the same names), and the outcomes a watchlist can be filled from. */
export interface DeclarationSearch extends Omit<DeclarationFilters, 'result' | 'reference'> {
  result?: 'fraud' | 'critical' | 'inspected' | undefined;
}

/** One action: every distinct value of the list's type among the declarations a search finds. */
export async function addEntriesFromSearch(
  database: Database,
  actor: Actor,
  id: number,
  search: DeclarationSearch,
  note?: string | null,
) {
  return database.transaction(async (session) => {
    const list = await listFor(session.db, id);
    const where = [sql`true`];
    if (search.office) where.push(sql`d.office_code = ${search.office}`);
    if (search.importer) where.push(sql`d.importer_code = ${search.importer}`);
    if (search.declarant) where.push(sql`d.declarant_code = ${search.declarant}`);
    if (search.seller) where.push(sql`d.seller_code = ${search.seller}`);
    if (search.hs) where.push(sql`i.hs_code like ${`${search.hs.replace(/\D/g, '')}%`}`);
    if (search.origin) where.push(sql`i.origin_country = ${search.origin}`);
    if (search.from) where.push(sql`d.lodged_on >= ${search.from}::date`);
    if (search.to) where.push(sql`d.lodged_on <= ${search.to}::date`);
    if (search.result === 'inspected')
      where.push(sql`exists (select 1 from ${INSPECTION_OUTCOMES} o where o.item_id = i.id)`);
    else if (search.result)
      where.push(
        sql`exists (select 1 from ${INSPECTION_OUTCOMES} o where o.item_id = i.id and o.result = ${search.result})`,
      );
    const value = {
      trader: sql`d.importer_code`,
      declarant: sql`d.declarant_code`,
      seller: sql`d.seller_code`,
      hs_code: sql`i.hs_code`,
      country: sql`i.origin_country`,
      transport_document: sql`m.document_number`,
    }[list.type];
    const manifests =
      list.type === 'transport_document'
        ? sql`join ${MANIFESTS} m on m.declaration_reference = d.reference`
        : sql``;
    const { rows } = await sql<{ value: string }>`
      insert into risk_watchlist_entries (list_id, value, note, added_by)
      select distinct ${id}::bigint, ${value}, ${note ?? null}::text, ${actor.name}::text
      from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on i.declaration_id = d.id ${manifests}
      where ${sql.join(where, sql` and `)} and ${value} is not null
      on conflict (list_id, value) do nothing
      returning value`.execute(session.db);
    await appendAudit(session, actor, {
      action: 'risk.watchlist_entries_added',
      target_type: 'watchlist',
      target_id: id,
      details: {
        name: list.name,
        added: rows.length,
        search,
        values: rows.slice(0, 1000).map((r) => r.value),
        note: note ?? null,
      },
    });
    return { added: rows.length };
  });
}

export async function removeEntry(database: Database, actor: Actor, id: number, value: string) {
  return database.transaction(async (session) => {
    const list = await listFor(session.db, id);
    const result = await session.db
      .deleteFrom('risk_watchlist_entries')
      .where('list_id', '=', id)
      .where('value', '=', value)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new NotFoundError('risk.watchlist_entry_not_found', `${value} is not on ${list.name}`);
    await appendAudit(session, actor, {
      action: 'risk.watchlist_entry_removed',
      target_type: 'watchlist',
      target_id: id,
      details: { name: list.name, value },
    });
  });
}
