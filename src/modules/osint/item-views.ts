/**
 * Collected items as the API and the CLI show them: lists with filters (one row per ad on demand), and one item
 * with its signals, entities, captures, reposts and identifiers.
 */
import { type Kysely, sql } from 'kysely';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import { type Entities, learnedOpinion } from './analysis/index.ts';
import { searchedPhone } from './identifiers.ts';
import { likeEscape } from './sources.ts';
import type { OsintLabel } from './tables.ts';

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
  /**
   * The learned model's calibrated probabilities for this text (decision 0032), computed when the item is read, so
   * that items analysed before the model existed show it too; null when no model is shipped.
   */
  model: { probabilities: Record<string, number>; trained_on: string } | null;
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
    const phone = searchedPhone(filters.q) ?? '';
    q = q.where(
      sql<boolean>`(i.text ilike ${pattern} escape '\\' or i.title ilike ${pattern} escape '\\' or i.author ilike ${pattern} escape '\\' or exists (select 1 from osint_item_identifiers x join osint_identifiers d on d.id = x.identifier_id where x.item_id = i.id and d.kind = 'phone' and d.value = ${phone}))`,
    );
  }
  if (filters.group) q = q.whereRef('i.id', '=', 'i.dup_group_id');
  const { total, rows } = await offsetPage(
    q,
    (query) =>
      query
        .select([
          ...LIST_COLUMNS,
          sql<number>`(select count(*) from osint_items g where g.dup_group_id = i.dup_group_id)`.as(
            'group_size',
          ),
        ])
        .orderBy('i.id', 'desc'),
    page,
  );
  return {
    total,
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
    model: learnedOpinion(row.text),
  };
}
