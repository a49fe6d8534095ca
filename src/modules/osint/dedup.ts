/**
 * De-duplication of collected items, three ways:
 *
 * - the same page reached by several links: canonical URLs (tracking parameters dropped, host lower-cased without
 *   `www.` / `m.`, default port, fragment and trailing slash removed, remaining parameters sorted);
 * - the same text: a content hash over the folded words (case, accents, punctuation and spacing ignored);
 * - the same ad reposted with small changes (another phone number, a price, emoji, a hashtag): MinHash over word
 *   unigrams and bigrams, 64 values, with locality-sensitive hashing in 16 bands of 4 rows. Two items sharing a
 *   band are candidates; they are near-duplicates when the estimated Jaccard similarity reaches 0.7. SimHash was
 *   the other candidate: on 30–60-word ads one changed phone number moves a 64-bit SimHash by ~6 bits, past the
 *   usual threshold of 3, while Jaccard over shingles stays near 0.85 (docs/decisions/osint-minhash-dedup.md).
 */
import { createHash } from 'node:crypto';

/** Query parameters that only say where a click came from. Lower-case; `utm_*` is matched by prefix. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'igshid',
  'igsh',
  'mibextid',
  'rdid',
  'sfnsn',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'share_id',
  'share_app_id',
  'sender_device',
  'is_from_webapp',
  'is_copy_url',
  'spm',
  'scm',
  'si',
  'feature',
  '__tn__',
]);

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || k.startsWith('__cft__') || TRACKING_PARAMS.has(k);
}

/**
 * The canonical form of a URL, or null when it is not an http(s) URL.
 *
 * @example
 * canonicalUrl('HTTPS://WWW.Shop.ma:443/Item/12/?utm_source=fb&b=2&a=1#photos') // 'https://shop.ma/Item/12?a=1&b=2'
 */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|mobile)\./, '');
  const port =
    u.port && !(u.protocol === 'http:' && u.port === '80') && !(u.protocol === 'https:' && u.port === '443');
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !isTracking(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${u.protocol}//${host}${port ? `:${u.port}` : ''}${path}${query}`;
}

/** Host of a URL without `www.`, lower-case; null when it is not a URL. */
export function hostOf(raw: string | null | undefined): string | null {
  const c = canonicalUrl(raw);
  return c ? new URL(c).hostname : null;
}

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
