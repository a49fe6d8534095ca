/**
 * Operations: joint or national enforcement operations (the WCO's STOP, PANCEA, a national campaign) — name, code,
 * period, participating offices or administrations, threat categories in scope, coordinator. Cases and seizures are
 * tagged to one operation; a seizure recorded on a tagged case counts for its operation. Every change is audited
 * (`operation.*`); tagging a case is also on its timeline.
 */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { auditCreated, definedFields, valuesBefore } from '../../platform/lib/records.ts';
import { lockCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import type { SeizureCategory } from './model.ts';
import type { OperationsTable } from './tables.ts';

export interface OperationInput {
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  participants?: string[] | undefined;
  threat_categories?: SeizureCategory[] | undefined;
  coordinator?: string | null | undefined;
  description?: string | null | undefined;
}

export type OperationUpdate = Partial<Omit<OperationInput, 'code'>>;

export function operationView(r: Selectable<OperationsTable>) {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    starts_on: r.starts_on,
    ends_on: r.ends_on,
    participants: r.participants,
    threat_categories: r.threat_categories as SeizureCategory[],
    coordinator: r.coordinator,
    description: r.description,
    created_by: r.created_by,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
export type OperationView = ReturnType<typeof operationView>;

function checkPeriod(startsOn: string, endsOn: string) {
  if (endsOn < startsOn)
    throw new AppError(
      'operation.period',
      `an operation ends on or after it starts (${startsOn}, ${endsOn})`,
      422,
    );
}

export async function createOperation(
  database: Database,
  actor: Actor,
  input: OperationInput,
): Promise<OperationView> {
  checkPeriod(input.starts_on, input.ends_on);
  return database.transaction(async (session) => {
    const taken = await session.db
      .selectFrom('operations')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) throw new AppError('operation.exists', `an operation ${input.code} exists already`, 409);
    const row = await session.db
      .insertInto('operations')
      .values({
        code: input.code,
        name: input.name,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        participants: [...new Set(input.participants ?? [])],
        threat_categories: [...new Set(input.threat_categories ?? [])],
        coordinator: input.coordinator ?? null,
        description: input.description ?? null,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return auditCreated(
      session,
      actor,
      { action: 'operation.created', target_type: 'operation', target_id: Number(row.id) },
      operationView(row),
    );
  });
}

export async function updateOperation(
  database: Database,
  actor: Actor,
  id: number,
  update: OperationUpdate,
): Promise<OperationView> {
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('operations')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('operation.not_found', `no operation #${id}`);
    const changes = definedFields(update);
    checkPeriod(changes.starts_on ?? before.starts_on, changes.ends_on ?? before.ends_on);
    const row = await session.db
      .updateTable('operations')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'operation.updated',
      target_type: 'operation',
      target_id: id,
      before: valuesBefore(changes, operationView(before)),
      after: changes,
    });
    return operationView(row);
  });
}

export async function getOperation(db: Kysely<DB>, id: number): Promise<OperationView> {
  const row = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('operation.not_found', `no operation #${id}`);
  return operationView(row);
}

export async function findOperationByCode(db: Kysely<DB>, code: string): Promise<OperationView> {
  const row = await db.selectFrom('operations').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new NotFoundError('operation.not_found', `no operation ${code}`);
  return operationView(row);
}

export async function listOperations(db: Kysely<DB>, filters: { active_on?: string | undefined } = {}) {
  let query = db.selectFrom('operations').selectAll();
  if (filters.active_on)
    query = query.where('starts_on', '<=', filters.active_on).where('ends_on', '>=', filters.active_on);
  const rows = await query.orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(operationView);
}

/**
 * Tags a case to an operation (or untags it: `operationId` null). Its seizures not tagged to another operation
 * follow it, unless `withSeizures` is false. A final case may be tagged too: operations are often counted after
 * their cases are settled. Audited, and on the case's timeline.
 */
export async function tagCase(
  database: Database,
  actor: Actor,
  caseId: number,
  operationId: number | null,
  withSeizures = true,
): Promise<{ case_id: number; operation_id: number | null; seizures: number }> {
  return database.transaction(async (session) => {
    const kase = await lockCase(session, caseId);
    if (operationId !== null) await getOperation(session.db, operationId);
    const previous = kase.operation_id === null ? null : Number(kase.operation_id);
    await session.db
      .updateTable('cases')
      .set({ operation_id: operationId, updated_at: new Date() })
      .where('id', '=', caseId)
      .execute();
    let seizures = 0;
    if (withSeizures) {
      let query = session.db
        .updateTable('seizures')
        .set({ operation_id: operationId, updated_at: new Date() })
        .where('case_id', '=', caseId);
      query =
        previous === null
          ? query.where('operation_id', 'is', null)
          : query.where((eb) => eb.or([eb('operation_id', 'is', null), eb('operation_id', '=', previous)]));
      seizures = Number((await query.executeTakeFirst()).numUpdatedRows);
    }
    await recordEvent(
      session,
      actor,
      caseId,
      operationId === null ? 'operation_untagged' : 'operation_tagged',
      {
        operation: operationId ?? previous,
        previous,
        seizures,
      },
    );
    return { case_id: caseId, operation_id: operationId, seizures };
  });
}

/** Tags a seizure to an operation (or untags it). Audited; on its case's timeline when it has one. */
export async function tagSeizure(
  database: Database,
  actor: Actor,
  seizureId: number,
  operationId: number | null,
): Promise<{ seizure_id: number; operation_id: number | null }> {
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('seizures')
      .select(['id', 'case_id', 'operation_id'])
      .where('id', '=', seizureId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('seizure.not_found', `no seizure #${seizureId}`);
    if (operationId !== null) await getOperation(session.db, operationId);
    await session.db
      .updateTable('seizures')
      .set({ operation_id: operationId, updated_at: new Date() })
      .where('id', '=', seizureId)
      .execute();
    const previous = before.operation_id === null ? null : Number(before.operation_id);
    await appendAudit(session, actor, {
      action: operationId === null ? 'operation.seizure_untagged' : 'operation.seizure_tagged',
      target_type: 'seizure',
      target_id: seizureId,
      before: { operation_id: previous },
      after: { operation_id: operationId },
    });
    if (before.case_id !== null)
      await recordEvent(session, actor, Number(before.case_id), 'seizure_updated', {
        seizure: seizureId,
        operation_id: operationId,
      });
    return { seizure_id: seizureId, operation_id: operationId };
  });
}
