/**
 * Collected items: validation of what collectors read (located problems, never a stopped batch), analysis with
 * the one pipeline, de-duplication (same URL or platform id: the same item seen again; same or nearly the same
 * text elsewhere: a repost, grouped under the first item's `dup_group_id`), storage with the evidence it came
 * from, identifiers and seller, and alerts.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import { raiseAlert, raiseWatchAlerts, type WatchTerm } from './alerts.ts';
import type { AnalysisResult, Entities, Post } from './analysis/index.ts';
import type { CollectedPost, LocatedProblem } from './collect/types.ts';
import {
  bandKeys,
  canonicalUrl,
  contentHash,
  foldedWords,
  minhash,
  NEAR_DUPLICATE_JACCARD,
  signatureFromBytes,
  signatureToBytes,
  similarity,
} from './dedup.ts';
import { assignSeller, identifiersOf } from './sellers.ts';
import { ITEM_KINDS } from './source-config.ts';
import { likeEscape } from './sources.ts';
import type { OsintLabel } from './tables.ts';

export interface ValidPost {
  locator: string;
  external_id: string | null;
  platform: string | null;
  kind: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  text: string;
  text_truncated: boolean;
  author: string | null;
  author_url: string | null;
  price: number | null;
  currency: string | null;
  posted_at: Date | null;
  attributes: { phone?: string; email?: string; company?: string; address?: string };
}

const cap = (s: string | undefined | null, n: number) => {
  const t = s?.trim();
  return t ? t.slice(0, n) : null;
};

/** Binary data read as text: NUL characters, or many control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > 4 && control / n > 0.05;
}

export function parsePrice(raw: string | number | undefined): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  let s = raw.replace(/[^\d.,-]/g, '');
  if (s.includes(',') && s.includes('.')) {
    s =
      s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) {
    s = /,\d{3}$/.test(s) && !/,\d{1,2}$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  }
  const n = Number(s);
  return s && Number.isFinite(n) ? n : null;
}

export function parseDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const t = raw.trim();
  let ms: number;
  if (/^\d{9,13}$/.test(t)) ms = t.length <= 10 ? Number(t) * 1000 : Number(t);
  else ms = Date.parse(t);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (d.getUTCFullYear() < 1995 || ms > Date.now() + 86_400_000) return null;
  return d;
}

/** Checks and cleans a collected post; warnings for what was repaired, an error for what cannot be used. */
export function validatePost(
  p: CollectedPost,
  where: string,
  maxTextChars: number,
): { post: ValidPost; warnings: LocatedProblem[] } | { error: LocatedProblem } {
  const warnings: LocatedProblem[] = [];
  const title = cap(p.title, 1000);
  let text = typeof p.text === 'string' ? p.text.trim() : '';
  if (!text && title) text = title;
  if (!text)
    return {
      error: {
        where,
        severity: 'error',
        code: 'item.no_text',
        message: `${where}: no text (expected a text, a caption or a description)`,
      },
    };
  if (looksBinary(text) || (title && looksBinary(title)))
    return {
      error: { where, severity: 'error', code: 'item.binary', message: `${where}: binary content, not text` },
    };
  if (text.includes('\uFFFD'))
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.encoding',
      message: `${where}: characters that could not be decoded (wrong encoding?)`,
    });
  let truncated = false;
  if (text.length > maxTextChars) {
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.text_truncated',
      message: `${where}: text of ${text.length.toLocaleString('en-US')} characters kept and analysed on its first ${maxTextChars.toLocaleString('en-US')}`,
    });
    text = text.slice(0, maxTextChars);
    truncated = true;
  }
  const price = parsePrice(p.price);
  if (p.price !== undefined && p.price !== '' && price === null)
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.bad_price',
      message: `${where}: price "${String(p.price).slice(0, 40)}" is not a number`,
    });
  const postedAt = parseDate(p.posted_at);
  if (p.posted_at && !postedAt)
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.bad_date',
      message: `${where}: date "${p.posted_at.slice(0, 40)}" not understood`,
    });
  const url = cap(p.url, 2000);
  const kind =
    p.kind && (ITEM_KINDS as readonly string[]).includes(p.kind.toLowerCase())
      ? p.kind.toLowerCase()
      : 'post';
  const attributes: ValidPost['attributes'] = {};
  for (const k of ['phone', 'email', 'company', 'address'] as const) {
    const v = cap(p[k], 500);
    if (v) attributes[k] = v;
  }
  return {
    post: {
      locator: p.locator,
      external_id: cap(p.external_id, 300),
      platform: cap(p.platform, 60)?.toLowerCase() ?? null,
      kind,
      url,
      canonical_url: canonicalUrl(url),
      title,
      text,
      text_truncated: truncated,
      author: cap(p.author, 300),
      author_url: cap(p.author_url, 2000),
      price,
      currency: cap(p.currency, 10)?.toUpperCase() ?? null,
      posted_at: postedAt,
      attributes,
    },
    warnings,
  };
}

/** The text analysed and hashed: the title, then the text when it does not start with it. */
export function analysedText(post: { title: string | null; text: string }): string {
  return post.title && !post.text.startsWith(post.title) ? `${post.title}\n${post.text}` : post.text;
}

export function itemKey(post: ValidPost, sourceId: number, hash: string): string {
  if (post.canonical_url) return `url:${post.canonical_url}`;
  if (post.external_id) return `id:${post.platform ?? `source-${sourceId}`}:${post.external_id}`;
  return `hash:${sourceId}:${post.author?.toLowerCase() ?? ''}:${hash}`;
}

export function toAnalysisInput(post: ValidPost, key: string): Post {
  return {
    id: key,
    text: analysedText(post),
    url: post.url,
    platform: post.platform,
    author: post.author,
    price: post.price,
    currency: post.currency,
    posted_at: post.posted_at?.toISOString() ?? null,
  };
}

/** Minimum words for identical texts to count as one ad ("DM for price" from two accounts is not one ad). */
const MIN_WORDS_EXACT = 4;

/** The group of an earlier item with the same text, or one close enough (MinHash), or null. */
export async function findDuplicateGroup(
  db: Kysely<DB>,
  hash: string,
  words: number,
  sig: Uint32Array | null,
  excludeId?: number,
): Promise<{ groupId: number; itemId: number; similarity: number } | null> {
  if (words >= MIN_WORDS_EXACT) {
    let q = db.selectFrom('osint_items').select(['id', 'dup_group_id']).where('content_hash', '=', hash);
    if (excludeId !== undefined) q = q.where('id', '!=', excludeId);
    const same = await q.orderBy('id').limit(1).executeTakeFirst();
    if (same) return { groupId: same.dup_group_id, itemId: same.id, similarity: 1 };
  }
  if (!sig) return null;
  const keys = bandKeys(sig);
  let q = db
    .selectFrom('osint_item_bands as b')
    .innerJoin('osint_items as i', 'i.id', 'b.item_id')
    .select(['i.id', 'i.dup_group_id', 'i.minhash'])
    .distinct()
    .where((eb) => eb.or(keys.map((k, band) => eb.and([eb('b.band', '=', band), eb('b.hash', '=', k)]))));
  if (excludeId !== undefined) q = q.where('i.id', '!=', excludeId);
  const candidates = await q.limit(200).execute();
  let best: { groupId: number; itemId: number; similarity: number } | null = null;
  for (const c of candidates) {
    if (!c.minhash) continue;
    const s = similarity(sig, signatureFromBytes(c.minhash));
    if (
      s >= NEAR_DUPLICATE_JACCARD &&
      (!best || s > best.similarity || (s === best.similarity && c.id < best.itemId))
    )
      best = { groupId: c.dup_group_id, itemId: c.id, similarity: s };
  }
  return best;
}

export interface StoreContext {
  sourceId: number;
  evidenceId: number;
  modelVersion: number;
  alertThreshold: number;
  watchTerms: readonly WatchTerm[];
  seenAt: Date;
}

export interface StoreOutcome {
  itemId: number;
  status: 'new' | 'seen' | 'edited';
  repost: boolean;
  sellers: number[];
  alerts: number;
}

function analysisColumns(a: AnalysisResult, modelVersion: number) {
  return {
    label: a.label as OsintLabel,
    score: a.score,
    scores: JSON.stringify(a.scores),
    reasons: JSON.stringify(a.reasons),
    signals: JSON.stringify(a.signals),
    entities: JSON.stringify(a.entities),
    language: a.language.language,
    model_version: modelVersion,
  };
}

/** Stores one analysed post (inside the caller's transaction). */
export async function storePost(
  db: Kysely<DB>,
  ctx: StoreContext,
  post: ValidPost,
  analysis: AnalysisResult,
  key: string,
): Promise<StoreOutcome> {
  const text = analysedText(post);
  const hash = contentHash(text);
  const existing = await db
    .selectFrom('osint_items')
    .select(['id', 'content_hash', 'dup_group_id', 'evidence_id'])
    .where('item_key', '=', key)
    .executeTakeFirst();
  const capture = (itemId: number) =>
    db
      .insertInto('osint_captures')
      .values({ item_id: itemId, evidence_id: ctx.evidenceId, locator: post.locator, seen_at: ctx.seenAt })
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (existing && existing.content_hash === hash) {
    await db
      .updateTable('osint_items')
      .set({ last_seen_at: ctx.seenAt, seen_count: sql`seen_count + 1` })
      .where('id', '=', existing.id)
      .execute();
    await capture(existing.id);
    return { itemId: existing.id, status: 'seen', repost: false, sellers: [], alerts: 0 };
  }
  const sig = minhash(text);
  const fields = {
    source_id: ctx.sourceId,
    evidence_id: ctx.evidenceId,
    locator: post.locator,
    platform: post.platform,
    kind: post.kind,
    external_id: post.external_id,
    url: post.url,
    canonical_url: post.canonical_url,
    author: post.author,
    author_url: post.author_url,
    title: post.title,
    text: post.text,
    text_truncated: post.text_truncated,
    price: post.price,
    currency: post.currency,
    posted_at: post.posted_at,
    attributes: JSON.stringify(post.attributes),
    content_hash: hash,
    minhash: sig ? signatureToBytes(sig) : null,
    ...analysisColumns(analysis, ctx.modelVersion),
  };
  let itemId: number;
  let groupId: number;
  let repost = false;
  if (existing) {
    itemId = existing.id;
    groupId = existing.dup_group_id;
    await db
      .updateTable('osint_items')
      .set({ ...fields, last_seen_at: ctx.seenAt, seen_count: sql`seen_count + 1`, updated_at: new Date() })
      .where('id', '=', itemId)
      .execute();
    await db.deleteFrom('osint_item_bands').where('item_id', '=', itemId).execute();
  } else {
    const next = await sql<{
      id: number;
    }>`select nextval(pg_get_serial_sequence('osint_items', 'id')) as id`.execute(db);
    itemId = Number(next.rows[0]!.id);
    const group = await findDuplicateGroup(db, hash, foldedWords(text).length, sig);
    groupId = group?.groupId ?? itemId;
    repost = group !== null;
    await db
      .insertInto('osint_items')
      .values({
        id: itemId,
        item_key: key,
        ...fields,
        dup_group_id: groupId,
        first_seen_at: ctx.seenAt,
        last_seen_at: ctx.seenAt,
      })
      .execute();
  }
  if (sig)
    await db
      .insertInto('osint_item_bands')
      .values(bandKeys(sig).map((hashKey, band) => ({ band, hash: hashKey, item_id: itemId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await capture(itemId);
  const identifiers = identifiersOf({
    platform: post.platform,
    url: post.url,
    author: post.author,
    author_url: post.author_url,
    attributes: post.attributes,
    entities: analysis.entities,
  });
  const { touched } = await assignSeller(db, itemId, identifiers, post.author, ctx.seenAt);
  let alerts = 0;
  if (analysis.label !== 'benign' && analysis.score >= ctx.alertThreshold) {
    const ok = await raiseAlert(db, {
      key: `post:${groupId}`,
      kind: 'post',
      item_id: itemId,
      label: analysis.label,
      score: analysis.score,
      reason: analysis.reasons[0] ?? `${analysis.label} ${analysis.score.toFixed(2)}`,
    });
    if (ok) alerts++;
  }
  const phones = [
    ...analysis.entities.phones,
    ...identifiers.filter((i) => i.kind === 'phone').map((i) => i.value),
  ];
  alerts += await raiseWatchAlerts(
    db,
    ctx.watchTerms,
    { text, brands: analysis.entities.brands, phones },
    { id: itemId, groupId, label: analysis.label, score: analysis.score },
  );
  return { itemId, status: existing ? 'edited' : 'new', repost, sellers: touched, alerts };
}

// ── Reading ──

export interface ItemView {
  id: number;
  source_id: number;
  platform: string | null;
  kind: string;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  author: string | null;
  author_url: string | null;
  title: string | null;
  text: string;
  text_truncated: boolean;
  price: number | null;
  currency: string | null;
  posted_at: string | null;
  attributes: Record<string, unknown>;
  label: OsintLabel;
  score: number;
  scores: Record<string, number>;
  reasons: string[];
  language: string | null;
  model_version: number;
  confirmed_label: OsintLabel | null;
  seller_id: number | null;
  dup_group_id: number;
  reposts: number;
  evidence_id: number;
  locator: string | null;
  first_seen_at: string;
  last_seen_at: string;
  seen_count: number;
}

export interface ItemDetail extends ItemView {
  signals: unknown[];
  entities: Entities;
  captures: { evidence_id: number; locator: string | null; seen_at: string }[];
  group: {
    id: number;
    author: string | null;
    platform: string | null;
    url: string | null;
    seller_id: number | null;
  }[];
  identifiers: { kind: string; value: string }[];
}

const LIST_COLUMNS = [
  'i.id',
  'i.source_id',
  'i.platform',
  'i.kind',
  'i.external_id',
  'i.url',
  'i.canonical_url',
  'i.author',
  'i.author_url',
  'i.title',
  'i.text',
  'i.text_truncated',
  'i.price',
  'i.currency',
  'i.posted_at',
  'i.attributes',
  'i.label',
  'i.score',
  'i.scores',
  'i.reasons',
  'i.language',
  'i.model_version',
  'i.confirmed_label',
  'i.seller_id',
  'i.dup_group_id',
  'i.evidence_id',
  'i.locator',
  'i.first_seen_at',
  'i.last_seen_at',
  'i.seen_count',
] as const;

const isoOrNull = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export interface ItemFilters {
  source_id?: number | undefined;
  seller_id?: number | undefined;
  label?: OsintLabel | undefined;
  min_score?: number | undefined;
  platform?: string | undefined;
  q?: string | undefined;
  /** One row per ad: reposts folded into the first item of their group. */
  group?: boolean | undefined;
}

export async function listItems(
  db: Kysely<DB>,
  filters: ItemFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ItemView[] }> {
  let q = db.selectFrom('osint_items as i');
  if (filters.source_id !== undefined) q = q.where('i.source_id', '=', filters.source_id);
  if (filters.seller_id !== undefined) q = q.where('i.seller_id', '=', filters.seller_id);
  if (filters.label) q = q.where('i.label', '=', filters.label);
  if (filters.min_score !== undefined) q = q.where('i.score', '>=', filters.min_score);
  if (filters.platform) q = q.where('i.platform', '=', filters.platform.toLowerCase());
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    q = q.where(
      sql<boolean>`(i.text ilike ${pattern} escape '\\' or i.title ilike ${pattern} escape '\\' or i.author ilike ${pattern} escape '\\')`,
    );
  }
  if (filters.group) q = q.whereRef('i.id', '=', 'i.dup_group_id');
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      ...LIST_COLUMNS,
      sql<number>`(select count(*) from osint_items g where g.dup_group_id = i.dup_group_id)`.as(
        'group_size',
      ),
    ])
    .orderBy('i.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map(({ group_size, ...r }) => ({
      ...r,
      posted_at: isoOrNull(r.posted_at),
      first_seen_at: new Date(r.first_seen_at).toISOString(),
      last_seen_at: new Date(r.last_seen_at).toISOString(),
      reposts: Math.max(0, Number(group_size) - 1),
    })),
  };
}

export async function getItem(db: Kysely<DB>, id: number): Promise<ItemDetail> {
  const row = await db
    .selectFrom('osint_items as i')
    .select([...LIST_COLUMNS, 'i.signals', 'i.entities'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('osint.item_not_found', `no item #${id}`);
  const captures = await db
    .selectFrom('osint_captures')
    .select(['evidence_id', 'locator', 'seen_at'])
    .where('item_id', '=', id)
    .orderBy('seen_at')
    .execute();
  const group = await db
    .selectFrom('osint_items')
    .select(['id', 'author', 'platform', 'url', 'seller_id'])
    .where('dup_group_id', '=', row.dup_group_id)
    .orderBy('id')
    .limit(200)
    .execute();
  const identifiers = await db
    .selectFrom('osint_item_identifiers as ii')
    .innerJoin('osint_identifiers as d', 'd.id', 'ii.identifier_id')
    .select(['d.kind', 'd.value'])
    .where('ii.item_id', '=', id)
    .orderBy('d.kind')
    .orderBy('d.value')
    .execute();
  return {
    ...row,
    posted_at: isoOrNull(row.posted_at),
    first_seen_at: new Date(row.first_seen_at).toISOString(),
    last_seen_at: new Date(row.last_seen_at).toISOString(),
    reposts: group.length - 1,
    signals: row.signals,
    entities: row.entities as unknown as Entities,
    captures: captures.map((c) => ({ ...c, seen_at: new Date(c.seen_at).toISOString() })),
    group,
    identifiers,
  };
}
