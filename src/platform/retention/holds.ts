/**
 * Legal holds: place one on a record (by type and id), release it, list them, and — for purges — a condition that
 * is true when a row of some table is held. Every change is audited.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { appendAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Session } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { AppError, iso, NotFoundError } from '../lib/errors.ts';

export interface HoldInput {
  target_type: string;
  target_id: string | number;
  reason: string;
}

export async function placeHold(database: Database, actor: Actor, input: HoldInput) {
  return database.transaction((session) => placeHoldIn(session, actor, input));
}

/** Places a hold inside the caller's transaction (a module holding what a record of its own refers to). */
export async function placeHoldIn(session: Session, actor: Actor, input: HoldInput) {
  if (input.reason.trim().length < 5)
    throw new AppError('hold.reason_required', 'a legal hold needs a reason of 5 characters at least', 422);
  const row = await session.db
    .insertInto('legal_holds')
    .values({
      target_type: input.target_type,
      target_id: String(input.target_id),
      reason: input.reason.trim(),
      placed_by: actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(session, actor, {
    action: 'legal_hold.placed',
    target_type: input.target_type,
    target_id: String(input.target_id),
    details: { hold: row.id, reason: row.reason },
  });
  return viewOf(row);
}

export async function releaseHold(database: Database, actor: Actor, id: number, reason: string) {
  return database.transaction(async (session) => {
    const released = await releaseHoldIn(session, actor, id, reason);
    if (!released) throw new NotFoundError('hold.not_found', `no active legal hold #${id}`);
    return released;
  });
}

/** Releases a hold inside the caller's transaction; undefined when it is not active (already released). */
export async function releaseHoldIn(session: Session, actor: Actor, id: number, reason: string) {
  const row = await session.db
    .updateTable('legal_holds')
    .set({ released_at: new Date(), released_by: actor.name })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await appendAudit(session, actor, {
    action: 'legal_hold.released',
    target_type: row.target_type,
    target_id: row.target_id,
    details: { hold: id, reason },
  });
  return viewOf(row);
}

export async function listHolds(
  db: Kysely<DB>,
  filters: { target_type?: string | undefined; active?: boolean | undefined } = {},
) {
  let query = db.selectFrom('legal_holds').selectAll();
  if (filters.target_type) query = query.where('target_type', '=', filters.target_type);
  if (filters.active) query = query.where('released_at', 'is', null);
  return (await query.orderBy('id', 'desc').limit(1000).execute()).map(viewOf);
}

/**
 * True for a row held by an active legal hold: `heldCondition('osint_item', sql.ref('i.id'))` in a purge's
 * `where not …`.
 */
export function heldCondition(targetType: string, id: Expression<unknown>): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from legal_holds h where h.released_at is null
    and h.target_type = ${targetType} and h.target_id = (${id})::text)`;
}

function viewOf(row: {
  id: number;
  target_type: string;
  target_id: string;
  reason: string;
  placed_by: string;
  placed_at: Date | string;
  released_by: string | null;
  released_at: Date | null;
}) {
  return {
    ...row,
    id: Number(row.id),
    placed_at: iso(row.placed_at),
    released_at: row.released_at ? iso(row.released_at) : null,
  };
}
