/**
 * Small helpers for the records the modules keep (operations, seizures, partners, examiners…): which fields a
 * partial update really changes, what they were before, and the audit entry of a new record.
 */
import { appendAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import type { Session } from '../db/database.ts';

/** The fields of `update` that are given (the undefined ones dropped): what a partial update changes. */
export const definedFields = <T extends object>(update: T): Partial<T> =>
  Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) as Partial<T>;

/** What `before` held in each field `changes` names: the "before" of an audited partial update. */
export const valuesBefore = (changes: object, before: object): Record<string, unknown> =>
  Object.fromEntries(Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]));

/** Audits a record just created (`after`: its view), in the session's transaction, and returns the view. */
export async function auditCreated<V>(
  session: Session,
  actor: Actor,
  entry: { action: string; target_type: string; target_id: string | number },
  view: V,
): Promise<V> {
  await appendAudit(session, actor, { ...entry, after: view });
  return view;
}
