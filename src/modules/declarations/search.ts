/**
 * What the global search finds in the declarations module: declarations by reference (prefix, the list's pattern
 * index), importers, declarants and sellers by code or name (trigram index: any part of the code or name; full-text
 * index: every word typed, as a word prefix, in any order), and HS headings by code prefix (a loose scan of the
 * HS6 × origin index: a few probes however many items share a heading). Migration 0031_declarations_search.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { likeBody } from '../../platform/search/search.ts';
import type { SearchHit, SearchProvider, SearchQuery } from '../../platform/search/types.ts';

/** Trigram matching needs three characters to use its index. */
const TRIGRAM_MIN = 3;

/** Every word typed as a prefix (`atlas:* & imp:*`), letters and digits only: nothing of tsquery's syntax passes. */
export function wordPrefixes(lower: string): string | null {
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null;
}

async function declarations(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  const typed = `${likeBody(q.text)}%`;
  const upper = `${likeBody(q.text.toUpperCase())}%`;
  const rows = await db
    .selectFrom('declarations')
    .select(['reference', 'office_code', 'lodged_on', 'importer_code', 'total_value', 'currency'])
    .where((eb) =>
      eb.or([
        eb('reference', 'like', sql<string>`${typed} escape '\\'`),
        eb('reference', 'like', sql<string>`${upper} escape '\\'`),
      ]),
    )
    .orderBy('reference')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'declaration',
    id: r.reference,
    title: r.reference,
    subtitle: [r.lodged_on, r.office_code, r.importer_code].filter(Boolean).join(' · '),
    link: `/declarations/${encodeURIComponent(r.reference)}`,
    matched: 'reference',
  }));
}

type Party = 'importers' | 'declarants' | 'sellers';

function parties(table: Party, kind: string, filter: string): SearchProvider['search'] {
  return async (db, q) => {
    if (q.text.length < TRIGRAM_MIN) return [];
    const words = wordPrefixes(q.lower);
    const contains = `%${q.like}%`;
    const rows = await db
      .selectFrom(table)
      .select(['code', 'name'])
      .where((eb) =>
        eb.or([
          eb(sql`lower(code || ' ' || coalesce(name, ''))`, 'like', sql<string>`${contains} escape '\\'`),
          ...(words
            ? [eb(sql`to_tsvector('simple', coalesce(name, ''))`, '@@', sql`to_tsquery('simple', ${words})`)]
            : []),
        ]),
      )
      .orderBy(sql`lower(code) = ${q.lower}`, 'desc')
      .orderBy(sql`lower(coalesce(name, '')) like ${`${q.like}%`} escape '\\'`, 'desc')
      .orderBy(sql`length(coalesce(name, code))`)
      .orderBy('code')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({
      kind,
      id: r.code,
      title: r.name ?? r.code,
      subtitle: r.name ? r.code : null,
      link: `/declarations?${filter}=${encodeURIComponent(r.code)}`,
      matched: r.code.toLowerCase().includes(q.lower) ? 'code' : 'name',
    }));
  };
}

/** The HS6 headings starting with the digits typed (2 to 10 digits, dots and spaces allowed: "8517.12"). */
async function hsCodes(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  if (!/^[\d.\s]+$/.test(q.text) || q.digits.length < 2 || q.digits.length > 10) return [];
  const prefix = q.digits.slice(0, 6);
  // The range [prefix, next prefix) over the index on substr(hs_code, 1, 6): digits compare alike in every
  // collation, and a range (unlike LIKE) uses a btree of any collation.
  const next = /^9+$/.test(prefix) ? null : String(Number(prefix) + 1).padStart(prefix.length, '0');
  const upperBound = next === null ? sql`true` : sql`substr(hs_code, 1, 6) < ${next}`;
  const { rows } = await sql<{ code: string }>`
    with recursive h(code) as (
      (select substr(hs_code, 1, 6) from declaration_items
        where substr(hs_code, 1, 6) >= ${prefix} and ${upperBound} order by 1 limit 1)
      union all
      select (select substr(hs_code, 1, 6) from declaration_items
               where substr(hs_code, 1, 6) > h.code and ${upperBound} order by 1 limit 1)
      from h where h.code is not null
    )
    select code from h where code is not null limit ${q.limit}`.execute(db);
  return rows
    .filter((r) => r.code.startsWith(q.digits.slice(0, Math.min(6, q.digits.length))))
    .map((r) => ({
      kind: 'hs_code',
      id: r.code,
      title: r.code,
      subtitle: null,
      link: `/declarations?hs=${encodeURIComponent(q.digits.length > 6 && q.digits.startsWith(r.code) ? q.digits : r.code)}`,
      matched: 'hs_code',
    }));
}

export const declarationSearch: SearchProvider[] = [
  { kind: 'declaration', permission: 'declarations:read', search: declarations },
  { kind: 'importer', permission: 'declarations:read', search: parties('importers', 'importer', 'importer') },
  { kind: 'seller', permission: 'declarations:read', search: parties('sellers', 'seller', 'seller') },
  {
    kind: 'declarant',
    permission: 'declarations:read',
    search: parties('declarants', 'declarant', 'declarant'),
  },
  { kind: 'hs_code', permission: 'declarations:read', search: hsCodes },
];
