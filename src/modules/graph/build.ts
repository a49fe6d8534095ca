/**
 * `buildGraph`: reads every source after its watermark, in pages, through the owner modules' public faces, and
 * writes entities and links (feeds.ts → store.ts). Incremental (each source resumes after its cursor, kept in
 * `graph_build_state` in the transaction that writes the page) and idempotent (upserts: reading a record again
 * changes nothing but the dates seen). Sellers that online monitoring merged are merged here too.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { countDeclarationsAfter, declarationParties } from '../declarations/index.ts';
import { normalizePhone, type SellerCursor, type SellerRecord, sellerRecords } from '../osint/index.ts';
import {
  type CompanyRecord,
  companyRecords,
  type ManifestRecord,
  manifestRecords,
  type PartnerCursor,
  type PaymentRecord,
  paymentRecords,
} from '../partners/index.ts';
import { type Feed, mapCompanies, mapDeclarations, mapManifests, mapPayments, mapSellers } from './feeds.ts';
import { exclusionSet, markHubs } from './hubs.ts';
import { mergeEntities } from './merge.ts';
import { readCursor, writeBatch, writeCursor } from './store.ts';

export interface BuildProgress {
  source: string;
  read: number;
  total: number | null;
  entities: number;
  links: number;
}

export interface BuildResult {
  sources: Record<string, { read: number; entities: number; links: number }>;
  read: number;
  entities: number;
  links: number;
  /** Identifiers newly marked as hubs after the build (degree over N, or excluded). */
  hubs: number;
  ms: number;
}

const declarationsFeed: Feed<Awaited<ReturnType<typeof declarationParties>>[number], { afterId: number }> = {
  source: 'declarations',
  read: (db, cursor, limit) => declarationParties(db, { afterId: cursor?.afterId ?? 0, limit }),
  next: (last) => ({ afterId: last.id }),
  map: (records) => mapDeclarations(records),
  count: (db, cursor) => countDeclarationsAfter(db, cursor?.afterId ?? 0),
};

const partnerFeed = <R extends { cursor_at: string }>(
  source: string,
  read: (db: Kysely<DB>, args: { after: PartnerCursor; limit: number }) => Promise<R[]>,
  key: (r: R) => string,
  map: Feed<R, PartnerCursor>['map'],
): Feed<R, NonNullable<PartnerCursor>> => ({
  source,
  read: (db, cursor, limit) => read(db, { after: cursor, limit }),
  next: (last) => ({ at: last.cursor_at, key: key(last) }),
  map,
});

const FEEDS = [
  declarationsFeed,
  partnerFeed<CompanyRecord>('companies', companyRecords, (r) => r.company_id, mapCompanies),
  partnerFeed<ManifestRecord>(
    'manifests',
    manifestRecords,
    (r) => r.document_number,
    (r) => mapManifests(r),
  ),
  partnerFeed<PaymentRecord>(
    'payments',
    paymentRecords,
    (r) => r.payment_reference,
    (r) => mapPayments(r),
  ),
  {
    source: 'osint_sellers',
    read: (db, cursor, limit) => sellerRecords(db, { after: cursor, limit }),
    next: (last) => ({ at: last.cursor_at, id: last.id }),
    map: mapSellers,
  } satisfies Feed<SellerRecord, NonNullable<SellerCursor>>,
] as Feed<unknown, unknown>[];

export const SOURCES = FEEDS.map((f) => f.source);

export async function buildGraph(
  database: Database,
  options: {
    progress?: (p: BuildProgress) => void;
    pageSize?: number;
    signal?: AbortSignal;
    /** Only these sources (default: all). */
    sources?: string[];
    /** N: an identifier linked to more distinct entities becomes a hub (default `hubDegree()`). */
    hubDegree?: number;
  } = {},
): Promise<BuildResult> {
  const started = Date.now();
  const pageSize = options.pageSize ?? 2000;
  const result: BuildResult = { sources: {}, read: 0, entities: 0, links: 0, hubs: 0, ms: 0 };
  const excluded = await exclusionSet(database.db);
  const phone = (raw: string) => normalizePhone(raw);
  for (const feed of FEEDS) {
    if (options.sources && !options.sources.includes(feed.source)) continue;
    const stats = { read: 0, entities: 0, links: 0 };
    result.sources[feed.source] = stats;
    let cursor = await readCursor<unknown>(database.db, feed.source);
    const total = feed.count ? await feed.count(database.db, cursor) : null;
    for (;;) {
      options.signal?.throwIfAborted();
      const records = await feed.read(database.db, cursor, pageSize);
      if (!records.length) break;
      const next = feed.next(records[records.length - 1]);
      const written = await database.transaction(async (session) => {
        const out = await writeBatch(session.db, feed.map(records, phone), {
          overwriteLabel: (e) => e.source_table === 'companies' || e.source_table === 'osint_sellers',
          excluded,
        });
        if (feed.source === 'osint_sellers')
          await followSellerMerges(session.db, records as SellerRecord[], out.ids);
        await writeCursor(session.db, feed.source, next, records.length);
        return out;
      });
      cursor = next;
      stats.read += records.length;
      stats.entities += written.entities;
      stats.links += written.links;
      options.progress?.({
        source: feed.source,
        read: stats.read,
        total,
        entities: stats.entities,
        links: stats.links,
      });
      if (records.length < pageSize) break;
    }
    result.read += stats.read;
    result.entities += stats.entities;
    result.links += stats.links;
  }
  result.hubs = (
    await markHubs(database.db, options.hubDegree ? { threshold: options.hubDegree } : {})
  ).marked;
  result.ms = Date.now() - started;
  return result;
}

/** A seller that online monitoring merged into another: its entity joins the other's (once). */
async function followSellerMerges(db: Kysely<DB>, records: SellerRecord[], ids: Map<string, number>) {
  for (const s of records) {
    if (s.merged_into === null) continue;
    const from = ids.get(`online_seller\u0000${s.id}`);
    if (from === undefined) continue;
    const target = await db
      .insertInto('graph_entities')
      .values({
        type: 'online_seller',
        key: String(s.merged_into),
        label: String(s.merged_into),
        attributes: '{}',
      })
      .onConflict((oc) => oc.columns(['type', 'key']).doUpdateSet({ updated_at: new Date() }))
      .returning(['id', 'merged_into'])
      .executeTakeFirstOrThrow();
    const [self] = await db
      .selectFrom('graph_entities')
      .select('merged_into')
      .where('id', '=', from)
      .execute();
    const root = target.merged_into ?? target.id;
    if (self?.merged_into === root || Number(root) === from) continue;
    await mergeEntities(db, from, Number(root), 'osint');
  }
}
