/**
 * What a case concerns, by reference: declarations, online posts and sellers, companies, trademarks, graph
 * entities. Other modules' records are named, never joined. Links whose target a retention purge could remove
 * (HELD_LINK_TYPES) get a legal hold through the platform's holds, placed with the link and released when the link
 * goes or the case reaches a final status.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { placeHoldIn, releaseHoldIn } from '../../platform/retention/holds.ts';
import { caseItems, lockOpenCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import { HELD_LINK_TYPES, type LinkType } from './model.ts';
import type { CaseLinksTable, CasesTable } from './tables.ts';

export interface LinkInput {
  target_type: LinkType;
  target_ref: string;
  note?: string | undefined;
}

export function linkView(row: Selectable<CaseLinksTable>) {
  return {
    id: Number(row.id),
    case_id: Number(row.case_id),
    target_type: row.target_type,
    target_ref: row.target_ref,
    note: row.note,
    hold_id: row.hold_id === null ? null : Number(row.hold_id),
    added_by: row.added_by,
    added_at: iso(row.added_at),
  };
}

/** Adds a link inside the caller's transaction, on a case row the caller has locked. */
export async function addLinkIn(
  session: Session,
  actor: Actor,
  kase: Pick<Selectable<CasesTable>, 'id' | 'number'>,
  input: LinkInput,
) {
  const caseId = Number(kase.id);
  const ref = input.target_ref.trim();
  const existing = await session.db
    .selectFrom('case_links')
    .select('id')
    .where('case_id', '=', caseId)
    .where('target_type', '=', input.target_type)
    .where('target_ref', '=', ref)
    .executeTakeFirst();
  if (existing)
    throw new AppError(
      'case.link_exists',
      `case ${kase.number} already links ${input.target_type} ${ref}`,
      409,
    );
  let holdId: number | null = null;
  if (HELD_LINK_TYPES.includes(input.target_type)) {
    const hold = await placeHoldIn(session, actor, {
      target_type: input.target_type,
      target_id: ref,
      reason: `linked to case ${kase.number}`,
    });
    holdId = hold.id;
  }
  const row = await session.db
    .insertInto('case_links')
    .values({
      case_id: caseId,
      target_type: input.target_type,
      target_ref: ref,
      note: input.note ?? null,
      hold_id: holdId,
      added_by: actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(session, actor, caseId, 'linked', {
    link: Number(row.id),
    target_type: row.target_type,
    target_ref: row.target_ref,
    hold: holdId,
  });
  return linkView(row);
}

export async function addLink(database: Database, actor: Actor, caseId: number, input: LinkInput) {
  return database.transaction(async (session) => {
    const kase = await lockOpenCase(session, caseId);
    return addLinkIn(session, actor, kase, input);
  });
}

export async function removeLink(database: Database, actor: Actor, caseId: number, linkId: number) {
  return database.transaction(async (session) => {
    const kase = await lockOpenCase(session, caseId);
    const row = await session.db
      .deleteFrom('case_links')
      .where('id', '=', linkId)
      .where('case_id', '=', caseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('case.link_not_found', `case ${kase.number} has no link #${linkId}`);
    if (row.hold_id !== null)
      await releaseHoldIn(session, actor, Number(row.hold_id), `unlinked from case ${kase.number}`);
    await recordEvent(session, actor, caseId, 'unlinked', {
      link: linkId,
      target_type: row.target_type,
      target_ref: row.target_ref,
      hold_released: row.hold_id === null ? null : Number(row.hold_id),
    });
  });
}

export async function listLinks(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'case_links', caseId)).map(linkView);
}

/** Releases every hold the case's links placed (the links stay, without their hold); returns how many. */
export async function releaseCaseHolds(session: Session, actor: Actor, caseId: number, reason: string) {
  const links = await session.db
    .selectFrom('case_links')
    .select(['id', 'hold_id'])
    .where('case_id', '=', caseId)
    .where('hold_id', 'is not', null)
    .execute();
  for (const link of links) {
    await releaseHoldIn(session, actor, Number(link.hold_id), reason);
    await session.db.updateTable('case_links').set({ hold_id: null }).where('id', '=', link.id).execute();
  }
  return links.length;
}
