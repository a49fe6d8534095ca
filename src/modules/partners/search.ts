/**
 * What the global search finds in partner data: the company register by identifier, name or phone (trigram index
 * over identifier, name and the phone's digits; full-text index over the name), and manifests by container number
 * (exact, the containers array's GIN index) or document number (any part, trigram). Migration 0031_partners_search.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SearchHit, SearchProvider, SearchQuery } from '../../platform/search/types.ts';

const TRIGRAM_MIN = 3;

/** The expression the companies' trigram index holds (kept equal to the migration's). */
const COMPANY_TEXT = sql`lower(company_id || ' ' || name || ' ' || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), ''))`;

/**
 * A phone typed in any format ("+212 700-08 88 08", "0700088808", "00212700088808") is matched on its last eight
 * digits, the subscriber's part that every national and international way of writing it keeps.
 */
export function phoneTail(text: string): string | null {
  if (!/^[\d\s+().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(-8) : null;
}

function words(lower: string): string | null {
  const list = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return list.length > 0 ? list.map((w) => `${w}:*`).join(' & ') : null;
}

async function companies(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  if (q.text.length < TRIGRAM_MIN) return [];
  const phone = phoneTail(q.text);
  const tsquery = phone ? null : words(q.lower);
  const rows = await db
    .selectFrom('companies')
    .select(['company_id', 'name', 'city', 'legal_form', 'phone'])
    .where((eb) =>
      eb.or([
        eb(COMPANY_TEXT, 'like', sql<string>`${`%${phone ?? q.like}%`} escape '\\'`),
        ...(tsquery
          ? [eb(sql`to_tsvector('simple', name)`, '@@', sql`to_tsquery('simple', ${tsquery})`)]
          : []),
      ]),
    )
    .orderBy(sql`lower(company_id) = ${q.lower}`, 'desc')
    .orderBy(sql`length(name)`)
    .orderBy('company_id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'company',
    id: r.company_id,
    title: r.name,
    subtitle: [r.company_id, r.legal_form, r.city, phone ? r.phone : null].filter(Boolean).join(' · '),
    link: `/declarations?importer=${encodeURIComponent(r.company_id)}`,
    matched: phone ? 'phone' : r.company_id.toLowerCase().includes(q.lower) ? 'company_id' : 'name',
  }));
}

async function manifests(db: Kysely<DB>, q: SearchQuery): Promise<SearchHit[]> {
  const container = q.text.toUpperCase().replace(/\s+/g, '');
  const rows = await db
    .selectFrom('manifests')
    .select([
      'id',
      'document_number',
      'containers',
      'consignee_code',
      'consignee_name',
      'declaration_reference',
    ])
    .where((eb) =>
      eb.or([
        eb('containers', '@>', sql<string[]>`array[${container}]::text[]`),
        ...(q.text.length >= TRIGRAM_MIN
          ? [eb(sql`lower(document_number)`, 'like', sql<string>`${`%${q.like}%`} escape '\\'`)]
          : []),
      ]),
    )
    .orderBy(sql`${container} = any(containers)`, 'desc')
    .orderBy('document_number')
    .limit(q.limit)
    .execute();
  return rows.map((r) => {
    const byContainer = r.containers.includes(container);
    return {
      kind: 'manifest',
      id: String(r.id),
      title: byContainer ? `${container} — ${r.document_number}` : r.document_number,
      subtitle:
        [r.consignee_name ?? r.consignee_code, r.declaration_reference].filter(Boolean).join(' · ') || null,
      link: r.declaration_reference
        ? `/declarations/${encodeURIComponent(r.declaration_reference)}`
        : r.consignee_code
          ? `/declarations?importer=${encodeURIComponent(r.consignee_code)}`
          : '/declarations',
      matched: byContainer ? 'container' : 'document_number',
    };
  });
}

export const partnerSearch: SearchProvider[] = [
  { kind: 'company', permission: 'partners:read', search: companies },
  { kind: 'manifest', permission: 'partners:read', search: manifests },
];
