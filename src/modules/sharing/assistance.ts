/**
 * Mutual administrative assistance: requests sent to and received from partners, with their legal basis, what
 * they concern (typed references: graph entity keys, declaration references, case numbers), questions, deadline,
 * reminders and answer, through a workflow (model.ts) whose illegal moves are refused with the allowed ones named.
 * An outgoing request starts as a draft; an incoming one starts as sent (received on `sent_on`). Overdue: still
 * waiting (draft or sent) after its deadline. Every change is audited in its transaction.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import {
  ASSISTANCE_TRANSITIONS,
  type AssistanceStatus,
  assistanceNumber,
  canTransitionAssistance,
  type Direction,
  FINAL_ASSISTANCE_STATUSES,
  type SubjectType,
  WAITING_STATUSES,
} from './model.ts';
import type { AssistanceRemindersTable, AssistanceRequestsTable, AssistanceSubjectsTable } from './tables.ts';

export interface SubjectInput {
  ref_type: SubjectType;
  ref: string;
}

export interface AssistanceInput {
  direction: Direction;
  partner: string;
  partner_reference?: string | null | undefined;
  legal_basis: string;
  subject: string;
  questions: string;
  deadline?: string | null | undefined;
  /** Incoming requests: the day it was received (default today). */
  sent_on?: string | undefined;
  subjects?: SubjectInput[] | undefined;
}

export interface TransitionInput {
  status: AssistanceStatus;
  reason?: string | undefined;
  answer?: string | undefined;
  /** The day of the move (sent, answered): default today. */
  on?: string | undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

type Row = Selectable<AssistanceRequestsTable> & { partner_code: string; partner_name: string };

function requestView(
  row: Row,
  subjects: Selectable<AssistanceSubjectsTable>[] = [],
  reminders: Selectable<AssistanceRemindersTable>[] = [],
  on: string = today(),
) {
  return {
    id: Number(row.id),
    number: row.number,
    direction: row.direction,
    partner: row.partner_code,
    partner_name: row.partner_name,
    partner_reference: row.partner_reference,
    legal_basis: row.legal_basis,
    subject: row.subject,
    questions: row.questions,
    deadline: row.deadline,
    status: row.status,
    status_reason: row.status_reason,
    sent_on: row.sent_on,
    answer: row.answer,
    answered_on: row.answered_on,
    overdue: WAITING_STATUSES.includes(row.status) && row.deadline !== null && row.deadline < on,
    next_statuses: [...ASSISTANCE_TRANSITIONS[row.status]],
    subjects: subjects.map((s) => ({ ref_type: s.ref_type, ref: s.ref })),
    reminders: reminders.map((r) => ({
      reminded_on: r.reminded_on,
      note: r.note,
      created_by: r.created_by,
      created_at: iso(r.created_at),
    })),
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    closed_at: row.closed_at ? iso(row.closed_at) : null,
  };
}
export type AssistanceView = ReturnType<typeof requestView>;

const withPartner = (db: Kysely<DB>) =>
  db
    .selectFrom('assistance_requests as r')
    .innerJoin('sharing_partners as p', 'p.id', 'r.partner_id')
    .selectAll('r')
    .select(['p.code as partner_code', 'p.name as partner_name']);

async function nextNumber(session: Session, direction: Direction, year: number): Promise<string> {
  const kind = `assistance_${direction}`;
  const row = await session.db
    .insertInto('sharing_counters')
    .values({ kind, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'year']).doUpdateSet({ last: sql<number>`sharing_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return assistanceNumber(direction, year, Number(row.last));
}

async function readRequest(db: Kysely<DB>, id: number): Promise<AssistanceView> {
  const row = await withPartner(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('assistance.not_found', `no assistance request #${id}`);
  const [subjects, reminders] = await Promise.all([
    db.selectFrom('assistance_subjects').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('assistance_reminders').selectAll().where('request_id', '=', id).orderBy('id').execute(),
  ]);
  return requestView(row, subjects, reminders);
}

/** A request by its number (`OUT/2026/0001`) or its id. */
export async function getAssistance(db: Kysely<DB>, ref: string | number): Promise<AssistanceView> {
  if (typeof ref === 'number' || /^\d+$/.test(ref)) return readRequest(db, Number(ref));
  const row = await db
    .selectFrom('assistance_requests')
    .select('id')
    .where('number', '=', ref)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('assistance.not_found', `no assistance request ${ref}`);
  return readRequest(db, Number(row.id));
}

function checkSubjects(subjects: SubjectInput[]): SubjectInput[] {
  const seen = new Set<string>();
  return subjects.flatMap((s, i) => {
    const ref = s.ref.trim();
    if (!ref) throw new AppError('assistance.bad_subject', `subjects[${i}].ref: empty`, 400);
    if (s.ref_type === 'graph_entity' && !/^[a-z_]+:.+$/.test(ref))
      throw new AppError(
        'assistance.bad_subject',
        `subjects[${i}].ref "${ref}": a graph entity key is type:key (person:…, company:…)`,
        400,
      );
    const key = `${s.ref_type}\u0000${ref}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ref_type: s.ref_type, ref }];
  });
}

export async function openAssistance(
  database: Database,
  actor: Actor,
  input: AssistanceInput,
): Promise<AssistanceView> {
  const subjects = checkSubjects(input.subjects ?? []);
  if (input.deadline && input.sent_on && input.deadline < input.sent_on)
    throw new AppError('assistance.bad_deadline', 'the deadline comes before the request was sent', 400);
  const id = await database.transaction(async (session) => {
    const partner = await session.db
      .selectFrom('sharing_partners')
      .select(['id', 'active'])
      .where('code', '=', input.partner)
      .executeTakeFirst();
    if (!partner) throw new NotFoundError('sharing.partner_not_found', `no partner ${input.partner}`);
    const incoming = input.direction === 'incoming';
    const sentOn = incoming ? (input.sent_on ?? today()) : null;
    const number = await nextNumber(session, input.direction, Number((sentOn ?? today()).slice(0, 4)));
    const row = await session.db
      .insertInto('assistance_requests')
      .values({
        number,
        direction: input.direction,
        partner_id: Number(partner.id),
        partner_reference: input.partner_reference?.trim() || null,
        legal_basis: input.legal_basis.trim(),
        subject: input.subject.trim(),
        questions: input.questions,
        deadline: input.deadline ?? null,
        status: incoming ? 'sent' : 'draft',
        sent_on: sentOn,
        created_by: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const requestId = Number(row.id);
    if (subjects.length)
      await session.db
        .insertInto('assistance_subjects')
        .values(subjects.map((s) => ({ request_id: requestId, ...s })))
        .execute();
    await appendAudit(session, actor, {
      action: 'assistance.open',
      target_type: 'assistance_request',
      target_id: number,
      after: { ...input, subjects, number, status: incoming ? 'sent' : 'draft' },
    });
    return requestId;
  });
  return readRequest(database.db, id);
}

export async function transitionAssistance(
  database: Database,
  actor: Actor,
  ref: string | number,
  input: TransitionInput,
): Promise<AssistanceView> {
  const { id } = await getAssistance(database.db, ref);
  await database.transaction(async (session) => {
    const current = await session.db
      .selectFrom('assistance_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!canTransitionAssistance(current.status, input.status)) {
      const allowed = ASSISTANCE_TRANSITIONS[current.status];
      throw new AppError(
        'assistance.transition_refused',
        `request ${current.number} cannot go from ${current.status} to ${input.status}` +
          (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
        409,
        { from: current.status, to: input.status, allowed },
      );
    }
    const on = input.on ?? today();
    const reason = input.reason?.trim() ?? '';
    if ((input.status === 'refused' || input.status === 'withdrawn') && reason.length < 5)
      throw new AppError(
        'assistance.reason_required',
        `moving a request to ${input.status} needs a reason of 5 characters at least`,
        422,
      );
    const answer = input.answer?.trim() ?? '';
    if (input.status === 'answered' && !answer)
      throw new AppError('assistance.answer_required', 'an answered request needs the answer text', 422);
    if (input.status === 'answered' && current.sent_on && on < current.sent_on)
      throw new AppError(
        'assistance.bad_date',
        `answered on ${on}, before it was sent (${current.sent_on})`,
        400,
      );
    const final = FINAL_ASSISTANCE_STATUSES.includes(input.status);
    await session.db
      .updateTable('assistance_requests')
      .set({
        status: input.status,
        status_reason: reason || current.status_reason,
        ...(input.status === 'sent' ? { sent_on: on } : {}),
        ...(input.status === 'answered' ? { answer, answered_on: on } : {}),
        ...(final ? { closed_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: input.status === 'answered' ? 'assistance.answer' : 'assistance.transition',
      target_type: 'assistance_request',
      target_id: current.number,
      before: { status: current.status },
      after: {
        status: input.status,
        on,
        reason: reason || null,
        ...(input.status === 'answered' ? { answer } : {}),
      },
    });
  });
  return readRequest(database.db, id);
}

/** Records a reminder sent to the partner (or received from it) about a request still waiting. */
export async function remindAssistance(
  database: Database,
  actor: Actor,
  ref: string | number,
  input: { reminded_on?: string | undefined; note?: string | undefined },
): Promise<AssistanceView> {
  const current = await getAssistance(database.db, ref);
  if (current.status !== 'sent')
    throw new AppError(
      'assistance.not_waiting',
      `request ${current.number} is ${current.status}: only a sent request waiting for its answer gets reminders`,
      409,
    );
  await database.transaction(async (session) => {
    const reminded_on = input.reminded_on ?? today();
    await session.db
      .insertInto('assistance_reminders')
      .values({
        request_id: current.id,
        reminded_on,
        note: input.note?.trim() || null,
        created_by: actor.name,
      })
      .execute();
    await session.db
      .updateTable('assistance_requests')
      .set({ updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    await appendAudit(session, actor, {
      action: 'assistance.remind',
      target_type: 'assistance_request',
      target_id: current.number,
      after: { reminded_on, note: input.note ?? null },
    });
  });
  return readRequest(database.db, current.id);
}

export interface AssistanceFilters {
  direction?: Direction | undefined;
  status?: AssistanceStatus | undefined;
  partner?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  /** The day against which deadlines are compared (default today). */
  on?: string | undefined;
}

export async function listAssistance(
  db: Kysely<DB>,
  filters: AssistanceFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: AssistanceView[] }> {
  const on = filters.on ?? today();
  let query = db
    .selectFrom('assistance_requests as r')
    .innerJoin('sharing_partners as p', 'p.id', 'r.partner_id');
  if (filters.direction) query = query.where('r.direction', '=', filters.direction);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.partner) query = query.where('p.code', '=', filters.partner);
  if (filters.overdue)
    query = query.where('r.status', 'in', [...WAITING_STATUSES]).where('r.deadline', '<', on);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('r.number', 'ilike', like),
        eb('r.subject', 'ilike', like),
        eb('r.legal_basis', 'ilike', like),
      ]),
    );
  }
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .selectAll('r')
        .select(['p.code as partner_code', 'p.name as partner_name'])
        .orderBy(filters.overdue ? 'r.deadline' : 'r.id', filters.overdue ? 'asc' : 'desc')
        .orderBy('r.id', 'desc'),
    page,
  );
  return { total, items: rows.map((row) => requestView(row, [], [], on)) };
}

/** Requests still waiting after their deadline, the most overdue first (the dashboard's list). */
export async function overdueAssistance(db: Kysely<DB>, on: string = today(), limit = 100) {
  return (await listAssistance(db, { overdue: true, on }, { limit, offset: 0 })).items;
}

/**
 * Requests sent (outgoing) and received (incoming) per year, partner and direction, as the annual report gives
 * them: a request counts in the year of its `sent_on` (drafts never sent do not count).
 */
export async function assistanceCounts(db: Kysely<DB>, filters: { year?: number | undefined } = {}) {
  let query = db
    .selectFrom('assistance_requests as r')
    .innerJoin('sharing_partners as p', 'p.id', 'r.partner_id')
    .where('r.sent_on', 'is not', null);
  if (filters.year !== undefined)
    query = query.where(sql<number>`extract(year from r.sent_on)::int`, '=', filters.year);
  const rows = await query
    .select([
      sql<number>`extract(year from r.sent_on)::int`.as('year'),
      'p.code as partner',
      'p.name as partner_name',
      'r.direction',
      (eb) => eb.fn.countAll<number>().as('requests'),
      (eb) => eb.fn.countAll<number>().filterWhere('r.status', 'in', ['answered', 'closed']).as('answered'),
    ])
    .groupBy([sql`extract(year from r.sent_on)::int`, 'p.code', 'p.name', 'r.direction'])
    .orderBy('year', 'desc')
    .orderBy('p.code')
    .orderBy('r.direction')
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    partner: r.partner,
    partner_name: r.partner_name,
    direction: r.direction,
    requests: Number(r.requests),
    answered: Number(r.answered),
  }));
}
