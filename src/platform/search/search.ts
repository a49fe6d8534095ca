/**
 * Global search: one text asked of every record family the user may see (each family is a module's
 * `SearchProvider`), results grouped by family. A family the user may not see is never asked.
 */
import type { Kysely } from 'kysely';
import type { Permission } from '../auth/permissions.ts';
import type { DB } from '../db/schema.ts';
import type { SearchHit, SearchProvider, SearchQuery } from './types.ts';

export const SEARCH_MIN = 2;
export const SEARCH_MAX = 100;

/** Escapes LIKE's wildcards and its escape character (used with `escape '\'`). */
export function likeBody(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The query the families are asked, or null when the text is too short once cleaned. */
export function searchQuery(raw: string, limit: number): SearchQuery | null {
  const text = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text.length < SEARCH_MIN) return null;
  const lower = text.toLowerCase();
  const digits = text.replace(/\D/g, '');
  return { text, lower, like: likeBody(lower), digits: digits.length >= 2 ? digits : '', limit };
}

export interface SearchGroup {
  kind: string;
  hits: SearchHit[];
}

/**
 * Asks every provider the user's permissions allow, together (on PostgreSQL each takes a pooled connection; PGlite
 * queues them), and returns the non-empty groups in the providers' order.
 */
export async function searchEverything(
  db: Kysely<DB>,
  providers: readonly SearchProvider[],
  permissions: ReadonlySet<Permission>,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  const allowed = providers.filter((provider) => permissions.has(provider.permission));
  const answers = await Promise.all(allowed.map((provider) => provider.search(db, query)));
  return allowed
    .map((provider, i) => ({ kind: provider.kind, hits: (answers[i] ?? []).slice(0, query.limit) }))
    .filter((group) => group.hits.length > 0);
}
