/**
 * What the global search finds in online monitoring: sellers by name (trigram: any part; full-text: the words
 * typed, in any order) and identifiers — a phone written any way (stored in E.164: `searchedPhone`), e-mails,
 * handles, shop URLs, company names and addresses (trigram over the stored value). Merged sellers answer for the
 * seller they were merged into. Migration 0031_osint_search. Loaded on first search (module.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SearchHit, SearchQuery } from '../../platform/search/types.ts';
import { searchedPhone, storedIdentifier } from './identifiers.ts';
import type { OsintIdentifierKind } from './tables.ts';

const TRIGRAM_MIN = 3;

function words(lower: string): string | null {
  const list = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return list.length > 0 ? list.map((w) => `${w}:*`).join(' & ') : null;
}

export async function searchSellers(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  if (q.text.length < TRIGRAM_MIN) return [];
  const tsquery = words(q.lower);
  const rows = await db
    .selectFrom('osint_sellers')
    .select(['id', 'display_name', 'score', 'platforms'])
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb(sql`lower(display_name)`, 'like', sql<string>`${`%${q.like}%`} escape '\\'`),
        ...(tsquery
          ? [eb(sql`to_tsvector('simple', display_name)`, '@@', sql`to_tsquery('simple', ${tsquery})`)]
          : []),
      ]),
    )
    // Not in the score index's order (nulls first): the planner then finds the few matches through the search
    // indexes and sorts them, instead of walking every seller by score and testing each.
    .orderBy(sql`score desc nulls last`)
    .orderBy('id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'online_seller',
    id: String(r.id),
    title: r.display_name,
    subtitle: [r.platforms.join(', '), `score ${Math.round(Number(r.score) * 100) / 100}`]
      .filter(Boolean)
      .join(' · '),
    link: `/osint/sellers/${r.id}`,
    matched: 'name',
  }));
}

const EXACT_KINDS: OsintIdentifierKind[] = ['email', 'shop_url', 'handle'];

export async function searchIdentifiers(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  const phone = searchedPhone(q.text);
  const exact = phone
    ? [{ kind: 'phone' as const, value: phone }]
    : EXACT_KINDS.map((kind) => ({ kind, value: storedIdentifier(kind, q.text) }));
  if (!phone && q.text.length < TRIGRAM_MIN) return [];
  const rows = await db
    .selectFrom('osint_identifiers as i')
    .leftJoin('osint_sellers as s', 's.id', 'i.seller_id')
    .select(['i.id', 'i.kind', 'i.value', 'i.hub', 's.id as seller_id', 's.merged_into', 's.display_name'])
    .where((eb) =>
      eb.or([
        ...exact.map((e) => eb.and([eb('i.kind', '=', e.kind), eb('i.value', '=', e.value)])),
        ...(phone ? [] : [eb(sql`lower(i.value)`, 'like', sql<string>`${`%${q.like}%`} escape '\\'`)]),
      ]),
    )
    .orderBy(sql`i.value = ${phone ?? q.text}`, 'desc')
    .orderBy('i.last_seen_at', 'desc')
    .orderBy('i.id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => {
    const sellerId = r.merged_into ?? r.seller_id;
    return {
      kind: 'identifier',
      id: String(r.id),
      title: r.value,
      subtitle: [r.kind, r.display_name, r.hub ? 'hub' : null].filter(Boolean).join(' · '),
      link: sellerId ? `/osint/sellers/${sellerId}` : `/osint/sellers?q=${encodeURIComponent(r.value)}`,
      matched: r.kind,
    };
  });
}
