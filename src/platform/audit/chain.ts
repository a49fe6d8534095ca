/**
 * The hash chain of the audit trail. Each entry's hash covers the previous entry's hash and the entry's own
 * content in a canonical JSON form (keys sorted at every level), so that altering, removing or reordering an entry
 * breaks the chain at a place `verify` can name. A keyed seal (HMAC-SHA-256 of the hash, key outside the database)
 * makes a chain recomputed after an edit detectable by whoever holds the key.
 *
 * Content is canonicalised once, before it is hashed and before it is stored, into what PostgreSQL gives back
 * unchanged: well-formed Unicode (a lone surrogate becomes U+FFFD, as the database driver would make it) and no NUL
 * character (text and jsonb cannot hold one). Without that, an anonymous sign-in with the user name "\ud800evil"
 * was stored differently from what was hashed, and the entry read back as altered for ever.
 */
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  at: string;
  actor_id: number | null;
  actor: string;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

const REPLACEMENT = '\uFFFD';

/** A string as the database stores it and gives it back: well-formed UTF-16, NUL replaced. */
export function storableText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', REPLACEMENT) : wellFormed;
}

/**
 * A value reduced to what JSON, and PostgreSQL's jsonb, hold and give back unchanged: storable strings (keys
 * too), finite numbers (others become null, as JSON makes them), dates as ISO strings, no `undefined` members,
 * big integers as strings.
 */
export function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return storableText(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonicalValue(v));
  const toJson = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJson === 'function') return canonicalValue(toJson.call(value));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out[storableText(key)] = canonicalValue(v);
  }
  return out;
}

/** JSON with object keys sorted at every level, of a value already made canonical (or plain JSON). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** The keyed seal of an entry: whoever lacks the key cannot make one for a hash they recomputed. */
export function entrySeal(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(`vigie-audit-entry\n${hash}`).digest('hex');
}
