/**
 * What other modules may read and write of the declarations module's tables, and the only place outside the
 * module's own code that names them (docs/decisions/0010-table-ownership.md).
 *
 * - Named query functions answer one question (a declaration by reference, the offices of a day, recording an
 *   officer's outcome).
 * - Read models serve set-wise queries: each is a projection of one table on the columns the module publishes,
 *   given twice — as a Kysely query to join as a subquery (`innerJoin(declarationRows(db).as('d'), …)`), and as an
 *   `sql` fragment for SQL text (`from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on …`). PostgreSQL pulls such
 *   plain projections up into the query that uses them, so the plans (indexes, joins) are those of a direct join;
 *   no row is fetched one by one.
 *
 * A column not listed here (content hashes, creation times) is the module's own business.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DECLARATION_COLUMNS, ITEM_COLUMNS, OUTCOME_COLUMNS } from './columns.ts';
import type { Channel, OutcomeResult } from './types.ts';

const OUTCOME_READ_COLUMNS = ['id', ...OUTCOME_COLUMNS, 'recorded_at'] as const;

const PARTY_COLUMNS = ['code', 'name'] as const;
const SELLER_COLUMNS = ['code', 'name', 'country'] as const;

// ── read models for Kysely: join them as subqueries, `.as('d')` ──

/** Declaration headers. */
export const declarationRows = (db: Kysely<DB>) => db.selectFrom('declarations').select(DECLARATION_COLUMNS);
/** Declaration items (lines), `declaration_id` → the header. */
export const itemRows = (db: Kysely<DB>) => db.selectFrom('declaration_items').select(ITEM_COLUMNS);
/** Inspection outcomes, several per item possibly (the latest, by `id`, counts). */
export const outcomeRows = (db: Kysely<DB>) =>
  db.selectFrom('inspection_outcomes').select(OUTCOME_READ_COLUMNS);
/** Importers by code, with their names. */
export const importerRows = (db: Kysely<DB>) => db.selectFrom('importers').select(PARTY_COLUMNS);
/** Declarants by code, with their names. */
export const declarantRows = (db: Kysely<DB>) => db.selectFrom('declarants').select(PARTY_COLUMNS);
/** Customs offices by code, with their names. */
export const officeRows = (db: Kysely<DB>) => db.selectFrom('offices').select(PARTY_COLUMNS);

// ── the same read models for SQL text: `from ${DECLARATIONS} d` ──

const relation = (table: keyof DB, columns: readonly string[]): RawBuilder<unknown> =>
  sql`(select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)})`;

export const DECLARATIONS = relation('declarations', DECLARATION_COLUMNS);
export const DECLARATION_ITEMS = relation('declaration_items', ITEM_COLUMNS);
export const INSPECTION_OUTCOMES = relation('inspection_outcomes', OUTCOME_READ_COLUMNS);
export const IMPORTERS = relation('importers', PARTY_COLUMNS);
export const SELLERS = relation('sellers', SELLER_COLUMNS);

/** The last lodgement date known, as an SQL scalar subquery. */
export const LAST_LODGED_ON = sql<string | null>`(select max(lodged_on) from declarations)`;

// ── named queries ──

/** A declaration's identifier and office by its reference. */
export function declarationByReference(
  db: Kysely<DB>,
  reference: string,
): Promise<{ id: number; office_code: string; importer_code: string | null } | undefined> {
  return db
    .selectFrom('declarations')
    .select(['id', 'office_code', 'importer_code'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Whether outcome `outcomeId` was recorded on an item of declaration `declarationId`. */
export async function outcomeIsOnDeclaration(
  db: Kysely<DB>,
  outcomeId: number,
  declarationId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('inspection_outcomes as o')
    .innerJoin('declaration_items as i', 'i.id', 'o.item_id')
    .select('o.id')
    .where('o.id', '=', outcomeId)
    .where('i.declaration_id', '=', declarationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The offices with declarations lodged on a day, in code order. */
export async function officesLodgedOn(db: Kysely<DB>, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('declarations')
    .select('office_code')
    .distinct()
    .where('lodged_on', '=', day)
    .orderBy('office_code')
    .execute();
  return rows.map((r) => r.office_code);
}

/** The last lodgement date known (YYYY-MM-DD), undefined when there is no declaration. */
export async function lastLodgementDate(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db
    .selectFrom('declarations')
    .select((eb) => eb.fn.max('lodged_on').as('last'))
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? undefined;
}

export interface OfficerOutcome {
  item_id: number;
  inspected_on: string;
  channel: Channel | null;
  result: OutcomeResult;
  fraud_type: string | null;
  recovered_amount: number | null;
  officer: string;
  note: string | null;
}

/** Records an officer's inspection outcome on an item (the caller audits it); its id and time. */
export function insertOfficerOutcome(db: Kysely<DB>, outcome: OfficerOutcome) {
  return db
    .insertInto('inspection_outcomes')
    .values({ ...outcome, source: 'officer', import_id: null })
    .returning(['id', 'recorded_at'])
    .executeTakeFirstOrThrow();
}
