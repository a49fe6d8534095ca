/**
 * A case's timeline: every change to a case is one row of `case_events` and one audit entry, written together in
 * the transaction that makes the change. The timeline is read from the case's own events (the audit trail stays
 * the tamper-evident record; the events are what the case page shows).
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import { caseItems } from './case-rows.ts';

export async function recordEvent(
  session: Session,
  actor: Actor,
  caseId: number,
  kind: string,
  details: Record<string, unknown>,
): Promise<void> {
  await session.db
    .insertInto('case_events')
    .values({ case_id: caseId, actor: actor.name, kind, details: JSON.stringify(details) })
    .execute();
  await appendAudit(session, actor, {
    action: `case.${kind}`,
    target_type: 'case',
    target_id: caseId,
    details,
  });
}

export async function caseTimeline(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'case_events', caseId)).map((r) => ({
    id: Number(r.id),
    at: iso(r.at),
    actor: r.actor,
    kind: r.kind,
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}
