/** A case row as the API shows it, reading or locking one by id, and reading what a case holds (notes, files…). */
import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { isFinal, TRANSITIONS } from './model.ts';
import type { CasesTable } from './tables.ts';

export function caseView(row: Selectable<CasesTable>) {
  return {
    id: Number(row.id),
    number: row.number,
    office: row.office,
    year: row.year,
    title: row.title,
    type: row.type,
    status: row.status,
    status_reason: row.status_reason,
    priority: row.priority,
    assignee: row.assignee,
    origin_type: row.origin_type,
    origin_ref: row.origin_ref,
    summary: row.summary,
    report_number: row.report_number,
    opened_by: row.opened_by,
    opened_at: iso(row.opened_at),
    updated_at: iso(row.updated_at),
    closed_at: row.closed_at ? iso(row.closed_at) : null,
    operation_id: row.operation_id === null ? null : Number(row.operation_id),
    next_statuses: [...TRANSITIONS[row.status]],
  };
}
export type CaseView = ReturnType<typeof caseView>;

export async function getCase(db: Kysely<DB>, id: number): Promise<CaseView> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('case.not_found', `no case #${id}`);
  return caseView(row);
}

export async function findCaseByNumber(db: Kysely<DB>, number: string): Promise<CaseView> {
  const row = await db.selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirst();
  if (!row) throw new NotFoundError('case.not_found', `no case ${number}`);
  return caseView(row);
}

/** The case row locked for the rest of the transaction; 404 when unknown. */
export async function lockCase(session: Session, id: number) {
  const row = await session.db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('case.not_found', `no case #${id}`);
  return row;
}

/** A case that may still change (not in a final status), locked; 409 otherwise. */
export async function lockOpenCase(session: Session, id: number) {
  const row = await lockCase(session, id);
  if (isFinal(row.status))
    throw new AppError('case.final', `case ${row.number} is ${row.status}: it no longer changes`, 409);
  return row;
}

/** A case by its number (`300/2026/0001`) or its id, as the command line names it. */
export async function caseByRef(db: Kysely<DB>, ref: string): Promise<CaseView> {
  return /^\d+$/.test(ref) ? getCase(db, Number(ref)) : findCaseByNumber(db, ref);
}

/** The tables of what a case holds (its events, notes, tasks, files, links, reports…): rows with an id and a case_id. */
type CaseItemTable =
  | 'case_events'
  | 'case_notes'
  | 'case_tasks'
  | 'case_evidence'
  | 'case_links'
  | 'offence_reports'
  | 'case_test_purchases'
  | 'case_takedowns';

/** Every row of `table` that belongs to the case, oldest first. */
export async function caseItems<T extends CaseItemTable>(
  db: Kysely<DB>,
  table: T,
  caseId: number,
): Promise<Selectable<DB[T]>[]> {
  const rows = await db
    .selectFrom(table as CaseItemTable)
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows as Selectable<DB[T]>[];
}

/**
 * The row `id` of `table` if it belongs to the case (locked for the rest of the transaction with `lock`); else the
 * 404 `code`, "case #1 has no `what` #2".
 */
export async function caseItem<T extends CaseItemTable>(
  db: Kysely<DB>,
  table: T,
  caseId: number,
  id: number,
  missing: { code: string; what: string; lock?: boolean },
): Promise<Selectable<DB[T]>> {
  const row = await db
    .selectFrom(table as CaseItemTable)
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .$if(missing.lock === true, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) throw new NotFoundError(missing.code, `case #${caseId} has no ${missing.what} #${id}`);
  return row as Selectable<DB[T]>;
}
