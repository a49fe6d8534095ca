/**
 * Case files: open one (numbered per office and year), read and list them, move them through the workflow. A
 * final status (settled, prosecuted, closed) releases the legal holds the case placed on what it links to.
 */
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { type CaseView, caseView, lockCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import { addLinkIn, releaseCaseHolds } from './links.ts';
import {
  type CasePriority,
  type CaseStatus,
  type CaseType,
  canTransition,
  FINAL_STATUSES,
  formatNumber,
  isFinal,
  LINK_TYPES,
  type OriginType,
  TRANSITIONS,
} from './model.ts';
import { nextSeq } from './numbering.ts';

export interface OpenCaseInput {
  title: string;
  type: CaseType;
  office: string;
  priority?: CasePriority | undefined;
  assignee?: string | null | undefined;
  origin_type?: OriginType | undefined;
  origin_ref?: string | undefined;
  summary?: string | undefined;
  /** The year of the number; this year by default. */
  year?: number | undefined;
}

export async function openCase(database: Database, actor: Actor, input: OpenCaseInput): Promise<CaseView> {
  const refNeeded =
    input.origin_type && input.origin_type !== 'manual' && input.origin_type !== 'intelligence';
  if (refNeeded && !input.origin_ref?.trim())
    throw new AppError(
      'case.origin_invalid',
      `an origin of type ${input.origin_type} needs its reference`,
      422,
    );
  const year = input.year ?? new Date().getUTCFullYear();
  return database.transaction(async (session) => {
    const seq = await nextSeq(session, 'case', input.office, year);
    const row = await session.db
      .insertInto('cases')
      .values({
        number: formatNumber(input.office, year, seq),
        office: input.office,
        year,
        seq,
        title: input.title,
        type: input.type,
        priority: input.priority ?? 'normal',
        assignee: input.assignee ?? null,
        origin_type: input.origin_type ?? null,
        origin_ref: input.origin_ref ?? null,
        summary: input.summary ?? null,
        opened_by: actor.name,
        status_reason: null,
        report_number: null,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordEvent(session, actor, id, 'opened', {
      number: row.number,
      type: row.type,
      origin_type: row.origin_type,
      origin_ref: row.origin_ref,
    });
    // What the case was opened from is its first link (held while the case is open, when it can be purged).
    const linkType = LINK_TYPES.find((t) => t === input.origin_type);
    if (linkType && input.origin_ref)
      await addLinkIn(session, actor, row, { target_type: linkType, target_ref: input.origin_ref.trim() });
    return caseView(row);
  });
}

export { findCaseByNumber, getCase } from './case-rows.ts';

export interface CaseFilters {
  status?: CaseStatus | undefined;
  office?: string | undefined;
  type?: CaseType | undefined;
  assignee?: string | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  operation_id?: number | undefined;
  /** Only cases with a task still to do whose due date is past (before today). */
  overdue?: boolean | undefined;
}

export async function listCases(
  db: Kysely<DB>,
  filters: CaseFilters,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('cases');
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.office) query = query.where('office', '=', filters.office);
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.assignee) query = query.where('assignee', '=', filters.assignee);
  if (filters.operation_id !== undefined) query = query.where('operation_id', '=', filters.operation_id);
  if (filters.open === true) query = query.where('status', 'not in', FINAL_STATUSES);
  if (filters.open === false) query = query.where('status', 'in', FINAL_STATUSES);
  if (filters.overdue === true)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_tasks as t')
          .select(sql.lit(1).as('one'))
          .whereRef('t.case_id', '=', 'cases.id')
          .where('t.status', '=', 'todo')
          .where('t.due_on', '<', sql<string>`current_date`),
      ),
    );
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('title', 'ilike', like), eb('number', 'ilike', like)]));
  }
  const { total, rows } = await offsetPage(query, (q) => q.selectAll().orderBy('id', 'desc'), page);
  return { total, items: rows.map(caseView) };
}

export async function transitionCase(
  database: Database,
  actor: Actor,
  id: number,
  input: { status: CaseStatus; reason?: string | undefined },
): Promise<CaseView> {
  return database.transaction(async (session) => {
    const current = await lockCase(session, id);
    if (!canTransition(current.status, input.status))
      throw new AppError(
        'case.transition_refused',
        `case ${current.number} cannot go from ${current.status} to ${input.status}` +
          (TRANSITIONS[current.status].length
            ? ` (allowed: ${TRANSITIONS[current.status].join(', ')})`
            : ' (it is final)'),
        409,
        { from: current.status, to: input.status, allowed: TRANSITIONS[current.status] },
      );
    const reason = input.reason?.trim() ?? '';
    if (isFinal(input.status) && reason.length < 5)
      throw new AppError(
        'case.reason_required',
        `moving a case to ${input.status} needs a reason of 5 characters at least`,
        422,
      );
    const final = isFinal(input.status);
    const row = await session.db
      .updateTable('cases')
      .set({
        status: input.status,
        status_reason: reason || null,
        updated_at: new Date(),
        ...(final ? { closed_at: new Date() } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    let released = 0;
    if (final) released = await releaseCaseHolds(session, actor, id, `case ${row.number} ${input.status}`);
    await recordEvent(session, actor, id, 'transition', {
      from: current.status,
      to: input.status,
      reason: reason || null,
      holds_released: released,
    });
    return caseView(row);
  });
}
