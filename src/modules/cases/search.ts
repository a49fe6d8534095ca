/**
 * What the global search finds in case files: a case by number or by any part of its title (trigram index), or by
 * the words of its title in any order (full-text). Migration 0031_cases_search.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SearchHit, SearchProvider, SearchQuery } from '../../platform/search/types.ts';

async function cases(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  if (q.text.length < 3) return [];
  const list = q.lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const tsquery = list.length > 0 ? list.map((w) => `${w}:*`).join(' & ') : null;
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'status', 'office'])
    .where((eb) =>
      eb.or([
        eb(sql`lower(number || ' ' || title)`, 'like', sql<string>`${`%${q.like}%`} escape '\\'`),
        ...(tsquery
          ? [eb(sql`to_tsvector('simple', title)`, '@@', sql`to_tsquery('simple', ${tsquery})`)]
          : []),
      ]),
    )
    .orderBy(sql`lower(number) = ${q.lower}`, 'desc')
    .orderBy('opened_at', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'case',
    id: String(r.id),
    title: `${r.number} — ${r.title}`,
    subtitle: [r.status, r.office].join(' · '),
    link: `/cases/${r.id}`,
    matched: r.number.toLowerCase().includes(q.lower) ? 'number' : 'title',
  }));
}

export const caseSearch: SearchProvider[] = [{ kind: 'case', permission: 'cases:read', search: cases }];
