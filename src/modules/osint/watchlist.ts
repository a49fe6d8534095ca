/**
 * The watchlist: brands, products, keywords or phrases, and phone numbers investigators watch. Phrases match whole
 * folded words (case and accents ignored); a brand also matches the brand the analysis recognised; a phone is
 * compared in E.164 with every number of the post, written any way. Terms apply from the next collection (or
 * re-analysis); removing one keeps it, inactive, so that its alerts still say what they matched. Every change is
 * audited. The alerts a match raises are alerts.ts.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { normalizePhone } from './analysis/index.ts';
import { foldedWords } from './dedup.ts';

export const WATCH_KINDS = ['brand', 'product', 'keyword', 'phone'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchTerm {
  id: number;
  kind: WatchKind;
  value: string;
  normalized: string;
  note: string | null;
  active: boolean;
  created_by: number | null;
  created_at: string;
}

export function normalizeWatchValue(kind: WatchKind, value: string): string {
  if (kind === 'phone') {
    const e164 = normalizePhone(value);
    if (!e164) throw new AppError('osint.invalid_watch_term', `"${value}" is not a valid phone number`, 400);
    return e164;
  }
  const words = foldedWords(value);
  if (words.length === 0)
    throw new AppError('osint.invalid_watch_term', 'a term needs at least one word', 400);
  return words.join(' ');
}

/** A row of `osint_watch_terms` as the API shows it. */
const toTerm = (r: Omit<WatchTerm, 'created_at'> & { created_at: Date }): WatchTerm => ({
  ...r,
  created_at: new Date(r.created_at).toISOString(),
});

export async function listWatchTerms(
  db: Kysely<DB>,
  options: { activeOnly?: boolean } = {},
): Promise<WatchTerm[]> {
  let q = db.selectFrom('osint_watch_terms').selectAll();
  if (options.activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('kind').orderBy('normalized').execute()).map(toTerm);
}

export async function addWatchTerm(
  database: Database,
  actor: Actor,
  input: { kind: WatchKind; value: string; note?: string | null | undefined },
): Promise<WatchTerm> {
  const value = input.value.trim();
  if (!value || value.length > 200)
    throw new AppError('osint.invalid_watch_term', 'a term of 1 to 200 characters', 400);
  const normalized = normalizeWatchValue(input.kind, value);
  return database.transaction(async (session) => {
    const existing = await session.db
      .selectFrom('osint_watch_terms')
      .selectAll()
      .where('kind', '=', input.kind)
      .where('normalized', '=', normalized)
      .executeTakeFirst();
    if (existing?.active)
      throw new AppError('osint.watch_term_exists', `"${value}" is on the watchlist already`, 409);
    // A term removed earlier is taken back (its alerts keep pointing to it); otherwise a new one.
    const row = existing
      ? await session.db
          .updateTable('osint_watch_terms')
          .set({ active: true, note: input.note ?? existing.note })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await session.db
          .insertInto('osint_watch_terms')
          .values({ kind: input.kind, value, normalized, note: input.note ?? null, created_by: actor.id })
          .returningAll()
          .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'osint.watch_term.added',
      target_type: 'osint_watch_term',
      target_id: row.id,
      after: existing
        ? { kind: row.kind, value: row.value }
        : { kind: row.kind, value: row.value, note: row.note },
    });
    return toTerm(row);
  });
}

/** Takes a term off the watchlist (kept, inactive, so that its alerts still say what they matched). */
export async function removeWatchTerm(database: Database, actor: Actor, id: number): Promise<void> {
  await database.transaction(async (session) => {
    const row = await session.db
      .updateTable('osint_watch_terms')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('osint.watch_term_not_found', `no active watch term #${id}`);
    await appendAudit(session, actor, {
      action: 'osint.watch_term.removed',
      target_type: 'osint_watch_term',
      target_id: id,
      before: { kind: row.kind, value: row.value },
    });
  });
}

/** Does the folded word sequence `needle` occur in `hay` (word boundaries respected)? */
function containsPhrase(hay: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The watch terms a post matches. */
export function matchWatchTerms(
  terms: readonly WatchTerm[],
  post: { text: string; brands: readonly string[]; phones: readonly string[] },
): WatchTerm[] {
  if (terms.length === 0) return [];
  const words = foldedWords(post.text);
  const brands = new Set(post.brands.map((b) => foldedWords(b).join(' ')));
  const phones = new Set(post.phones);
  return terms.filter((t) => {
    if (!t.active) return false;
    if (t.kind === 'phone') return phones.has(t.normalized);
    if (t.kind === 'brand' && brands.has(t.normalized)) return true;
    return containsPhrase(words, t.normalized.split(' '));
  });
}
