/**
 * What an examiner found on inspecting a parcel (docs/decisions/0021-parcels.md, "Inspection outcomes"): one outcome
 * per parcel — compliant, fraud with its type, or not found —, the value found, a note. The examiner the parcel is
 * assigned to records it; a supervisor (`parcels:write`) may record it for any parcel, in the assigned examiner's
 * name. A second outcome is refused (409) with the one recorded: there is no correction yet. Audited.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import type { ParcelFraudType, ParcelInspectionResult } from './model.ts';

export interface InspectionInput {
  result: ParcelInspectionResult;
  fraud_type?: ParcelFraudType | null | undefined;
  found_value?: number | null | undefined;
  found_currency?: string | null | undefined;
  note?: string | null | undefined;
  /** When the parcel was inspected (ISO date and time); now when absent. */
  inspected_at?: string | null | undefined;
}

export interface ParcelInspection {
  parcel_id: number;
  examiner: string;
  result: ParcelInspectionResult;
  fraud_type: ParcelFraudType | null;
  found_value: number | null;
  found_currency: string | null;
  note: string | null;
  inspected_at: string;
  recorded_by: string;
  recorded_at: string;
}

/** Who records: the signed-in user's name, and whether they may record a parcel not assigned to them. */
export interface Recorder {
  username: string;
  supervisor: boolean;
}

/** Clock skew allowed between a tablet and the server before an inspection time counts as in the future. */
const SKEW_MS = 5 * 60_000;

function check(input: InspectionInput, now: Date): Date {
  const bad = (path: string, message: string): never => {
    throw new AppError('parcels.bad_inspection', `${path}: ${message}`, 400, [{ path: `/${path}`, message }]);
  };
  if (input.result === 'fraud' && !input.fraud_type) bad('fraud_type', 'expected the type of fraud found');
  if (input.result !== 'fraud' && input.fraud_type) bad('fraud_type', 'expected no fraud type unless fraud');
  const hasValue = input.found_value !== null && input.found_value !== undefined;
  const hasCurrency = Boolean(input.found_currency);
  if (input.result === 'not_found' && hasValue)
    bad('found_value', 'expected no value when the goods were not found');
  if (hasValue && !hasCurrency) bad('found_currency', 'expected the currency of the value found');
  if (!hasValue && hasCurrency) bad('found_value', 'expected a value with its currency');
  if (!input.inspected_at) return now;
  const at = new Date(input.inspected_at);
  if (Number.isNaN(at.getTime())) bad('inspected_at', 'expected a date and time');
  if (at.getTime() > now.getTime() + SKEW_MS) bad('inspected_at', 'expected a time that has passed');
  return at;
}

const toInspection = (r: {
  parcel_id: number | string;
  examiner: string;
  result: ParcelInspectionResult;
  fraud_type: ParcelFraudType | null;
  found_value: number | string | null;
  found_currency: string | null;
  note: string | null;
  inspected_at: Date | string;
  recorded_by: string;
  recorded_at: Date | string;
}): ParcelInspection => ({
  parcel_id: Number(r.parcel_id),
  examiner: r.examiner,
  result: r.result,
  fraud_type: r.fraud_type,
  found_value: r.found_value === null ? null : Number(r.found_value),
  found_currency: r.found_currency,
  note: r.note,
  inspected_at: iso(r.inspected_at),
  recorded_by: r.recorded_by,
  recorded_at: iso(r.recorded_at),
});

/** The outcome recorded on a parcel, or null. */
export async function inspectionOf(db: Kysely<DB>, parcelId: number): Promise<ParcelInspection | null> {
  const row = await db
    .selectFrom('parcel_inspections')
    .selectAll()
    .where('parcel_id', '=', parcelId)
    .executeTakeFirst();
  return row ? toInspection(row) : null;
}

/** Records what was found on a parcel: once, by its examiner or a supervisor; audited (`parcels.inspected`). */
export async function recordInspection(
  database: Database,
  actor: Actor,
  recorder: Recorder,
  parcelId: number,
  input: InspectionInput,
): Promise<ParcelInspection> {
  const inspectedAt = check(input, new Date());
  return database.transaction(async (session) => {
    const parcel = await session.db
      .selectFrom('parcels as p')
      .leftJoin('parcel_assignments as a', 'a.parcel_id', 'p.id')
      .leftJoin('parcel_examiners as e', 'e.id', 'a.examiner_id')
      .select(['p.id', 'p.carrier', 'p.consignment_number', 'p.arrival_office', 'e.username as assigned_to'])
      .where('p.id', '=', parcelId)
      .executeTakeFirst();
    if (!parcel) throw new NotFoundError('parcel.not_found', `no parcel ${parcelId}`);
    const name = `${parcel.carrier} ${parcel.consignment_number}`;
    const assignedTo = parcel.assigned_to ?? null;
    if (assignedTo !== recorder.username && !recorder.supervisor)
      throw new AppError(
        'parcels.not_your_inspection',
        assignedTo
          ? `parcel ${name} is assigned to ${assignedTo}, not to you: only its examiner or a supervisor records its outcome`
          : `parcel ${name} is not assigned to you: only its examiner or a supervisor records its outcome`,
        403,
      );
    const row = await session.db
      .insertInto('parcel_inspections')
      .values({
        parcel_id: parcelId,
        examiner: assignedTo ?? recorder.username,
        result: input.result,
        fraud_type: input.result === 'fraud' ? (input.fraud_type ?? null) : null,
        found_value: input.found_value ?? null,
        found_currency: input.found_currency ? input.found_currency.toUpperCase() : null,
        note: input.note?.trim() || null,
        inspected_at: inspectedAt,
        recorded_by: actor.name,
      })
      .onConflict((oc) => oc.column('parcel_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const existing = (await inspectionOf(session.db, parcelId))!;
      throw new AppError(
        'parcels.inspection_already_recorded',
        `parcel ${name} already has an outcome: ${existing.result}${existing.fraud_type ? ` (${existing.fraud_type})` : ''} by ${existing.examiner} at ${existing.inspected_at}`,
        409,
        { existing },
      );
    }
    const inspection = toInspection(row);
    await appendAudit(session, actor, {
      action: 'parcels.inspected',
      target_type: 'parcel',
      target_id: parcelId,
      after: inspection,
      details: {
        parcel: name,
        office: parcel.arrival_office,
        assigned_to: assignedTo,
        ...(assignedTo !== actor.name ? { by_supervisor: true } : {}),
      },
    });
    return inspection;
  });
}
