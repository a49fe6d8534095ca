/**
 * Reading declarations: the filtered, paged list; one declaration with its parties, items and outcomes; and the
 * counts outside tools read (`vigie declarations stats --json`).
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor, filteredTotal, tableTotal } from '../../platform/db/keyset.ts';
import type { DB } from '../../platform/db/schema.ts';
import { countImportRuns } from '../../platform/ingest/runs.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import { ITEM_DATA_COLUMNS } from './columns.ts';

export interface DeclarationFilters {
  office?: string | undefined;
  importer?: string | undefined;
  declarant?: string | undefined;
  seller?: string | undefined;
  /** HS code prefix (2 to 10 digits). */
  hs?: string | undefined;
  /** Country of origin of at least one item. */
  origin?: string | undefined;
  /** Lodged on or after (YYYY-MM-DD). */
  from?: string | undefined;
  /** Lodged on or before (YYYY-MM-DD). */
  to?: string | undefined;
  /** Declarations with at least one item whose outcome is this (or any outcome: 'inspected'). */
  result?: 'compliant' | 'fraud' | 'critical' | 'inspected' | 'not_inspected' | undefined;
  /** Reference prefix. */
  reference?: string | undefined;
}

export const SORTS = [
  'lodged_on',
  '-lodged_on',
  'reference',
  '-reference',
  'total_value',
  '-total_value',
] as const;
export type Sort = (typeof SORTS)[number];

export interface PageRequest {
  limit: number;
  /** Rows skipped (offset paging); 0 with a cursor. */
  offset: number;
  sort: Sort;
  /** The `next_cursor` of the previous page (keyset paging): the page starts after that row. */
  cursor?: string | undefined;
}

/** The SQL type of each sort column, to compare a cursor's key with it (every one is not null). */
const SORT_TYPES = { lodged_on: 'date', reference: 'text', total_value: 'numeric' } as const;

export interface DeclarationSummary {
  id: number;
  reference: string;
  office: string;
  lodged_on: string;
  procedure: string | null;
  importer_code: string | null;
  declarant_code: string | null;
  seller_code: string | null;
  currency: string | null;
  item_count: number;
  total_value: number;
  inspected_items: number;
  fraud_items: number;
  critical_items: number;
}

function applyFilters(eb: ExpressionBuilder<DB, 'declarations'>, f: DeclarationFilters) {
  const conditions = [];
  if (f.office) conditions.push(eb('declarations.office_code', '=', f.office));
  if (f.importer) conditions.push(eb('declarations.importer_code', '=', f.importer));
  if (f.declarant) conditions.push(eb('declarations.declarant_code', '=', f.declarant));
  if (f.seller) conditions.push(eb('declarations.seller_code', '=', f.seller));
  if (f.from) conditions.push(eb('declarations.lodged_on', '>=', f.from));
  if (f.to) conditions.push(eb('declarations.lodged_on', '<=', f.to));
  if (f.reference) conditions.push(eb('declarations.reference', 'like', `${escapeLike(f.reference)}%`));
  if (f.hs || f.origin) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('declaration_items as i')
          .select(sql.lit(1).as('one'))
          .whereRef('i.declaration_id', '=', 'declarations.id')
          .$if(Boolean(f.hs), (q) => q.where('i.hs_code', 'like', `${escapeLike(f.hs!)}%`))
          .$if(Boolean(f.origin), (q) => q.where('i.origin_country', '=', f.origin!)),
      ),
    );
  }
  // The outcome counts on the row (migration 0042) answer all but "a compliant outcome somewhere".
  if (f.result === 'not_inspected') conditions.push(eb('declarations.inspected_items', '=', 0));
  else if (f.result === 'inspected') conditions.push(eb('declarations.inspected_items', '>', 0));
  else if (f.result === 'fraud') conditions.push(eb('declarations.fraud_items', '>', 0));
  else if (f.result === 'critical') conditions.push(eb('declarations.critical_items', '>', 0));
  else if (f.result === 'compliant') {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('inspection_outcomes as o')
          .innerJoin('declaration_items as i', 'i.id', 'o.item_id')
          .select(sql.lit(1).as('one'))
          .whereRef('i.declaration_id', '=', 'declarations.id')
          .where('o.result', '=', 'compliant'),
      ),
    );
  }
  return eb.and(conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface DeclarationPage {
  total: number;
  /** True when `total` is the planner's estimate (more than EXACT_COUNT_LIMIT rows match). */
  totalEstimated: boolean;
  items: DeclarationSummary[];
  /** Where the next page starts (keyset paging), null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of declarations, cut by keyset (after `cursor`) or by offset, in a stable order (the sort column, then
 * the id). An index on (column, id) serves each sort (migration 0013), so a page costs the same at any depth with
 * a cursor; the total is exact up to EXACT_COUNT_LIMIT and estimated beyond (counting a million rows per page
 * was most of the list's cost).
 */
export async function listDeclarations(
  db: Kysely<DB>,
  filters: DeclarationFilters,
  page: PageRequest,
): Promise<DeclarationPage> {
  const direction = page.sort.startsWith('-') ? 'desc' : 'asc';
  const column = page.sort.replace(/^-/, '') as keyof typeof SORT_TYPES;
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, page.sort);
  if (after && page.offset > 0) {
    throw new AppError('request.bad_cursor', 'give either a cursor or an offset, not both');
  }
  const base = db.selectFrom('declarations').where((eb) => applyFilters(eb, filters));
  const sortColumn = sql.ref(`declarations.${column}`);
  const cut = after
    ? base.where(
        sql<boolean>`(${sortColumn}, declarations.id) ${sql.raw(direction === 'desc' ? '<' : '>')} (${after.value}::${sql.raw(SORT_TYPES[column])}, ${after.id}::bigint)`,
      )
    : base;
  // One index walk on the sort column; the outcome counts are kept on the row (migration 0042). One row more than
  // asked tells whether there is a next page.
  const pageRows = cut
    .select([
      'declarations.id',
      'declarations.reference',
      'declarations.office_code as office',
      'declarations.lodged_on',
      'declarations.procedure',
      'declarations.importer_code',
      'declarations.declarant_code',
      'declarations.seller_code',
      'declarations.currency',
      'declarations.item_count',
      'declarations.total_value',
      'declarations.inspected_items',
      'declarations.fraud_items',
      'declarations.critical_items',
      sql<string>`${sortColumn}::text`.as('sort_key'),
    ])
    .orderBy(`declarations.${column}`, direction)
    .orderBy('declarations.id', direction)
    .limit(page.limit + 1)
    .offset(page.offset);
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  const countAll = async () =>
    Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [total, rows] = await Promise.all([
    filtered
      ? filteredTotal(db, base.select(sql.lit(1).as('one')).compile(), async (limit) => {
          const row = await db
            .selectFrom(base.select(sql.lit(1).as('one')).limit(limit).as('m'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          return Number(row.n);
        })
      : tableTotal(db, 'declarations', countAll),
    pageRows.execute(),
  ]);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  // A list that ends on its first page is counted by the page itself, whatever the statistics say.
  const whole = !more && !after && page.offset === 0;
  return {
    total: whole ? shown.length : total.total,
    totalEstimated: whole ? false : total.estimated,
    nextCursor: more && last ? encodeCursor({ sort: page.sort, value: last.sort_key, id: last.id }) : null,
    items: shown.map(({ sort_key: _key, ...r }) => r),
  };
}

/** Declarations (`d`) with each of their four parties' code and registered name (and the seller's country). */
export function withParties(db: Kysely<DB>) {
  return db
    .selectFrom('declarations as d')
    .leftJoin('importers as imp', 'imp.code', 'd.importer_code')
    .leftJoin('declarants as dec', 'dec.code', 'd.declarant_code')
    .leftJoin('sellers as sel', 'sel.code', 'd.seller_code')
    .leftJoin('couriers as cou', 'cou.code', 'd.courier_code')
    .select([
      'd.importer_code',
      'imp.name as importer_name',
      'd.declarant_code',
      'dec.name as declarant_name',
      'd.seller_code',
      'sel.name as seller_name',
      'sel.country as seller_country',
      'd.courier_code',
      'cou.name as courier_name',
    ]);
}

export type DeclarationDetail = NonNullable<Awaited<ReturnType<typeof getDeclaration>>>;

/** One declaration with its parties (as registered), items and the outcomes of each item; undefined if unknown. */
export async function getDeclaration(db: Kysely<DB>, reference: string) {
  const head = await withParties(db)
    .leftJoin('offices as off', 'off.code', 'd.office_code')
    .select([
      'd.id',
      'd.reference',
      'd.office_code',
      'off.name as office_name',
      'd.lodged_on',
      'd.procedure',
      'd.transport_mode',
      'd.departure_country',
      'd.currency',
      'd.attributes',
      'd.item_count',
      'd.total_value',
      'd.import_id',
      'd.created_at',
    ])
    .where('d.reference', '=', reference)
    .executeTakeFirst();
  if (!head) return undefined;
  const [items, outcomes] = await Promise.all([
    db
      .selectFrom('declaration_items')
      .select(['id', ...ITEM_DATA_COLUMNS])
      .where('declaration_id', '=', head.id)
      .orderBy('line_no')
      .execute(),
    db
      .selectFrom('inspection_outcomes as o')
      .innerJoin('declaration_items as i', 'i.id', 'o.item_id')
      .select([
        'o.id',
        'o.item_id',
        'o.inspected_on',
        'o.channel',
        'o.result',
        'o.fraud_type',
        'o.recovered_amount',
        'o.officer',
        'o.note',
        'o.source',
        'o.recorded_at',
      ])
      .where('i.declaration_id', '=', head.id)
      .orderBy('o.id')
      .execute(),
  ]);
  const party = (code: string | null, name: string | null) => (code === null ? null : { code, name });
  return {
    id: head.id,
    reference: head.reference,
    office: { code: head.office_code, name: head.office_name },
    lodged_on: head.lodged_on,
    procedure: head.procedure,
    transport_mode: head.transport_mode,
    departure_country: head.departure_country,
    currency: head.currency,
    attributes: head.attributes,
    item_count: head.item_count,
    total_value: head.total_value,
    import_id: head.import_id,
    created_at: iso(head.created_at),
    parties: {
      importer: party(head.importer_code, head.importer_name),
      declarant: party(head.declarant_code, head.declarant_name),
      seller: head.seller_code
        ? { code: head.seller_code, name: head.seller_name, country: head.seller_country }
        : null,
      courier: party(head.courier_code, head.courier_name),
    },
    items: items.map((item) => ({
      ...item,
      outcomes: outcomes
        .filter((o) => o.item_id === item.id)
        .map(({ item_id: _item, recorded_at, ...o }) => ({ ...o, recorded_at: iso(recorded_at) })),
    })),
  };
}

export interface DeclarationStats {
  declarations: number;
  items: number;
  outcomes: number;
  inspected_items: number;
  fraud_items: number;
  critical_items: number;
  importers: number;
  declarants: number;
  sellers: number;
  couriers: number;
  offices: number;
  imports: number;
  first_lodged_on: string | null;
  last_lodged_on: string | null;
}

export async function declarationStats(db: Kysely<DB>): Promise<DeclarationStats> {
  const { rows } = await sql<Omit<DeclarationStats, 'imports'>>`
    select
      (select count(*) from declarations)::int as declarations,
      (select count(*) from declaration_items)::int as items,
      (select count(*) from inspection_outcomes)::int as outcomes,
      (select count(distinct item_id) from inspection_outcomes)::int as inspected_items,
      (select count(distinct item_id) from inspection_outcomes where result = 'fraud')::int as fraud_items,
      (select count(distinct item_id) from inspection_outcomes where result = 'critical')::int as critical_items,
      (select count(*) from importers)::int as importers,
      (select count(*) from declarants)::int as declarants,
      (select count(*) from sellers)::int as sellers,
      (select count(*) from couriers)::int as couriers,
      (select count(*) from offices)::int as offices,
      (select min(lodged_on) from declarations) as first_lodged_on,
      (select max(lodged_on) from declarations) as last_lodged_on`.execute(db);
  return { ...rows[0]!, imports: await countImportRuns(db) };
}
