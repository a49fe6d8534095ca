/**
 * The four-eyes request lifecycle (docs/decisions/0039-four-eyes.md), shared by the modules that hold a change
 * until a second person approves it (rule profile activation, model promotion). Each module keeps its own request
 * table, passed here by name, with the columns of `FourEyesColumns` beside what the request is about; the module
 * says what a request is about, when it has gone stale and what approving it does. Everything is audited.
 */
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';
import { type AuditInput, appendAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Session } from '../db/database.ts';
import type { DB, Id, Timestamp } from '../db/schema.ts';
import { AppError, iso, NotFoundError } from './errors.ts';

export type FourEyesStatus = 'pending' | 'approved' | 'rejected' | 'stale';

/** The columns every four-eyes request table has (migration 0039). */
export interface FourEyesColumns {
  id: Id;
  status: Generated<FourEyesStatus>;
  reason: string;
  requested_by: string;
  requested_by_id: number | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_by_id: number | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

/** The tables that hold four-eyes requests. */
export type FourEyesTable = { [T in keyof DB]: DB[T] extends FourEyesColumns ? T : never }[keyof DB];

/**
 * How a module names its requests: error codes `${code}.approval_*` and `${code}.reason_required`, audit actions
 * `${action}_requested`, `${action}_request_stale`, `${action}_approved` and `${action}_rejected`, and messages
 * about `${noun} #id`.
 */
export interface FourEyesKind<T extends FourEyesTable> {
  table: T;
  code: string;
  action: string;
  noun: string;
}

/** What `decideRequest` learns from the module about one request before deciding it. */
export interface FourEyesCheck {
  target_type: string;
  target_id: number;
  /** Why the request no longer holds (its premise changed), or null when it still does. */
  stale: string | null;
  /** Added to the decision's audit details after the reason and the requester. */
  details?: Record<string, unknown>;
}

/** A request table seen through its shared columns only, whichever table it is. */
type Requests = Kysely<{ requests: FourEyesColumns }>;
function requests(db: Kysely<DB>): Requests {
  return db as unknown as Requests;
}

/** The reason a request or a decision gives: trimmed, 5 characters at least, else `${code}.reason_required`. */
export function requireReason(code: string, reason: string | undefined, what: string): string {
  const text = reason?.trim() ?? '';
  if (text.length < 5)
    throw new AppError(`${code}.reason_required`, `say why ${what} (5 characters at least)`);
  return text;
}

/**
 * Files a pending request for `subject` (its id in `subject.column`) within `session`: refused while another one is
 * pending for it; the requester is the actor; audited with `audit(request id)`. Returns the new request's id.
 */
export async function fileRequest<T extends FourEyesTable>(
  session: Session,
  actor: Actor,
  kind: FourEyesKind<T>,
  subject: { column: string; id: number; label: string },
  values: Omit<Insertable<DB[T]>, 'requested_by' | 'requested_by_id'>,
  audit: (request: number) => Omit<AuditInput, 'action'>,
): Promise<number> {
  const table = kind.table as unknown as 'requests';
  const pending = await requests(session.db)
    .selectFrom(table)
    .select('id')
    .where((eb) => eb(eb.ref(subject.column as 'id'), '=', subject.id))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending)
    throw new AppError(
      `${kind.code}.approval_pending`,
      `${subject.label} already has a pending ${kind.noun} (#${pending.id})`,
      409,
      { request: Number(pending.id) },
    );
  const row = await requests(session.db)
    .insertInto(table)
    .values({
      ...(values as unknown as Insertable<FourEyesColumns>),
      requested_by: actor.name,
      requested_by_id: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = Number(row.id);
  await appendAudit(session, actor, { action: `${kind.action}_requested`, ...audit(request) });
  return request;
}

/**
 * Approves or rejects pending request `id` of someone else, in one transaction. `check` refuses what the module
 * forbids (approving one's own work) and says whether the request went stale: then it is marked stale (audited,
 * committed) and refused with `${code}.approval_stale`. Otherwise the decision is recorded and audited, and
 * `approve` applies an approval in the same transaction; its result is `applied` (null on a rejection).
 */
export async function decideRequest<T extends FourEyesTable, R>(
  database: Database,
  actor: Actor,
  kind: FourEyesKind<T>,
  id: number,
  decision: 'approve' | 'reject',
  reason: string,
  hooks: {
    check(session: Session, request: Selectable<DB[T]>): Promise<FourEyesCheck>;
    approve(session: Session, request: Selectable<DB[T]>): Promise<R>;
  },
): Promise<{ status: 'approved' | 'rejected'; applied: R | null }> {
  const table = kind.table as unknown as 'requests';
  const outcome = await database.transaction(async (session) => {
    const request = await requests(session.db)
      .selectFrom(table)
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new NotFoundError(`${kind.code}.approval_not_found`, `no ${kind.noun} #${id}`);
    if (request.status !== 'pending')
      throw new AppError(
        `${kind.code}.approval_decided`,
        `${kind.noun} #${id} is already ${request.status}${request.decided_by ? ` (by ${request.decided_by})` : ''}`,
        409,
      );
    if (
      request.requested_by === actor.name ||
      (actor.id !== null && request.requested_by_id !== null && Number(request.requested_by_id) === actor.id)
    )
      throw new AppError(
        `${kind.code}.approval_own_request`,
        `you asked for ${kind.noun} #${id}: a second person decides it`,
        403,
      );
    const row = request as unknown as Selectable<DB[T]>;
    const check = await hooks.check(session, row);
    const target = { target_type: check.target_type, target_id: check.target_id };
    if (check.stale !== null) {
      await requests(session.db)
        .updateTable(table)
        .set({ status: 'stale', decided_at: new Date(), decision_reason: check.stale })
        .where('id', '=', id)
        .execute();
      await appendAudit(session, actor, {
        action: `${kind.action}_request_stale`,
        ...target,
        before: { request: id, status: 'pending' },
        after: { request: id, status: 'stale' },
        details: { why: check.stale, attempted: decision },
      });
      return { stale: check.stale } as const;
    }
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await requests(session.db)
      .updateTable(table)
      .set({
        status,
        decided_by: actor.name,
        decided_by_id: actor.id,
        decision_reason: reason,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: `${kind.action}_${status}`,
      ...target,
      before: { request: id, status: 'pending' },
      after: { request: id, status },
      details: { reason, requested_by: request.requested_by, ...check.details },
    });
    const applied = decision === 'approve' ? await hooks.approve(session, row) : null;
    return { status, applied } as const;
  });
  if ('stale' in outcome)
    throw new AppError(`${kind.code}.approval_stale`, `${kind.noun} #${id} is stale: ${outcome.stale}`, 409);
  return outcome;
}

/**
 * Marks stale every pending request of `table` whose `column` is `value`, because what they asked for was just done
 * another way (`why`); returns their ids.
 */
export async function staleRequests(
  session: Session,
  table: FourEyesTable,
  where: { column: string; value: string },
  why: string,
): Promise<number[]> {
  const rows = await requests(session.db)
    .updateTable(table as unknown as 'requests')
    .set({ status: 'stale', decided_at: new Date(), decision_reason: why })
    .where((eb) => eb(eb.ref(where.column as 'reason'), '=', where.value))
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** The request's reason and who asked and decided when, as a list shows them. */
export function requestTrail(row: {
  reason: string;
  requested_by: string;
  requested_at: Date | string;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | string | null;
}) {
  return {
    reason: row.reason,
    requested_by: row.requested_by,
    requested_at: iso(row.requested_at),
    decided_by: row.decided_by,
    decision_reason: row.decision_reason,
    decided_at: row.decided_at ? iso(row.decided_at) : null,
  };
}
