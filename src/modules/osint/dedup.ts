/**
 * De-duplication of collected texts: a repost of an ad is grouped with the ad (`dup_group_id`), two ways —
 *
 * - the same text: a content hash over the folded words (case, accents, punctuation and spacing ignored);
 * - the same ad reposted with small changes (another phone number, a price, emoji, a hashtag): MinHash over word
 *   unigrams and bigrams, 64 values, with locality-sensitive hashing in 16 bands of 4 rows. Two items sharing a
 *   band are candidates; they are near-duplicates when the estimated Jaccard similarity reaches 0.7. SimHash was
 *   the other candidate: on 30–60-word ads one changed phone number moves a 64-bit SimHash by ~6 bits, past the
 *   usual threshold of 3, while Jaccard over shingles stays near 0.85 (docs/decisions/osint-minhash-dedup.md).
 *
 * The hashing is pure; `findDuplicateGroup` and `storeBands` are this step of storing a post (store-item.ts).
 * The same page met again is recognised earlier, by its canonical URL (urls.ts) in the item's key (items.ts).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Words of a text, folded: lower case, accents removed, letters and digits only. */
export function foldedWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** SHA-256 (hex) of the folded words: the same text whatever its case, accents, punctuation or spacing. */
export function contentHash(text: string): string {
  return createHash('sha256').update(foldedWords(text).join(' ')).digest('hex');
}

export const MINHASH_SIZE = 64;
export const BANDS = 16;
const ROWS = MINHASH_SIZE / BANDS;
/** Fewer distinct shingles than this and a near-duplicate match would be noise: only exact hashes group. */
export const MIN_SHINGLES = 8;
/** Estimated Jaccard similarity from which two items are the same ad. */
export const NEAR_DUPLICATE_JACCARD = 0.7;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** Word unigrams (two characters or more) and bigrams of the folded text, as 32-bit hashes. */
export function shingles(text: string): Set<number> {
  const words = foldedWords(text);
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length >= 2) out.add(fnv1a(w));
    if (i + 1 < words.length) out.add(fnv1a(`${w} ${words[i + 1]}`));
  }
  return out;
}

/** The MinHash signature of a text (64 × 32 bits), or null when it has too few shingles to compare. */
export function minhash(text: string): Uint32Array | null {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures: the share of equal minima. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** The 16 band keys of a signature (signed 32-bit, to fit an integer column). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    keys.push(h | 0);
  }
  return keys;
}

export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(Math.floor(buf.length / 4));
  for (let i = 0; i < sig.length; i++) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}

// ── In the database: this step of storing a post ──

/** Minimum words for identical texts to count as one ad ("DM for price" from two accounts is not one ad). */
const MIN_WORDS_EXACT = 4;

export interface DuplicateGroup {
  groupId: number;
  itemId: number;
  similarity: number;
}

/**
 * The group of an earlier item with the same text (the earliest), or else of the most similar one (MinHash
 * candidates sharing a band, from a similarity of 0.7), or null.
 */
export async function findDuplicateGroup(
  db: Kysely<DB>,
  hash: string,
  words: number,
  sig: Uint32Array | null,
  excludeId?: number,
): Promise<DuplicateGroup | null> {
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
  let best: DuplicateGroup | null = null;
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

/** Forgets the bands of an item whose text changed (before `storeBands` stores the new ones). */
export async function dropBands(db: Kysely<DB>, itemId: number): Promise<void> {
  await db.deleteFrom('osint_item_bands').where('item_id', '=', itemId).execute();
}

/** Stores an item's band keys, where later items look for their near-duplicates. */
export async function storeBands(db: Kysely<DB>, itemId: number, sig: Uint32Array): Promise<void> {
  await db
    .insertInto('osint_item_bands')
    .values(bandKeys(sig).map((hashKey, band) => ({ band, hash: hashKey, item_id: itemId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
