/**
 * What an examiner found on inspecting a parcel (docs/decisions/0021-parcels.md, "Inspection outcomes"): one outcome
 * per parcel — compliant, fraud with its type, or not found —, the value found, a note. The examiner the parcel is
 * assigned to records it; a supervisor (`parcels:write`) may record it for any parcel, in the assigned examiner's
 * name. A second outcome is refused (409) with the one recorded; whoever may record it may correct it with a reason
 * (`correctInspection`): the row in force changes, the outcome it replaces is kept with the reason
 * (`parcel_inspection_corrections`). Both audited.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import {
  PARCEL_FRAUD_TYPES,
  PARCEL_INSPECTION_RESULTS,
  type ParcelFraudType,
  type ParcelInspectionResult,
} from './model.ts';

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

/** An outcome that a correction replaced: the outcome as it was, why it was corrected, by whom, when. */
export interface ReplacedInspection extends ParcelInspection {
  reason: string;
  corrected_by: string;
  corrected_at: string;
}

/** A correction: the outcome as it should be (the time of inspection kept when absent) and why. */
export interface CorrectionInput extends InspectionInput {
  reason: string;
}

/**
 * What was found, as the route and the command line take it (the shape and ranges; `check` then the rules between
 * fields): one schema, so both refuse the same input with the same located message.
 */
const outcomeFields = z.object({
  result: z
    .enum(PARCEL_INSPECTION_RESULTS)
    .describe('compliant; fraud (with fraud_type); not_found: the goods were not presented or absent'),
  fraud_type: z.enum(PARCEL_FRAUD_TYPES).nullish(),
  found_value: z
    .number()
    .min(0)
    .max(
      999_999_999_999.99,
      'expected at most 999,999,999,999.99 (the column holds 12 digits before the decimal point)',
    )
    .nullish()
    .describe('the value of the goods found'),
  found_currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code')
    .nullish(),
  note: z.string().max(4000).nullish(),
  inspected_at: z.iso
    .datetime({ offset: true })
    .nullish()
    .describe('when the parcel was inspected; now when absent'),
});

export const outcomeBody = outcomeFields.strict();

/** The smallest reason a correction accepts (as risk's outcome corrections and parcel reassignments). */
export const MIN_REASON = 5;

/** A correction: the outcome as it should be (the time of inspection kept when absent) and why. */
export const correctionBody = outcomeFields
  .extend({
    inspected_at: outcomeFields.shape.inspected_at.describe(
      'when the parcel was inspected; the time recorded is kept when absent',
    ),
    reason: z
      .string()
      .trim()
      .min(MIN_REASON, `expected why the outcome is corrected, ${MIN_REASON} characters at least`)
      .max(1000),
  })
  .strict();

/** Who records: the signed-in user's name, and whether they may record a parcel not assigned to them. */
export interface Recorder {
  username: string;
  supervisor: boolean;
  /** Where it was typed when not in the user's own session: the command line's account (`vigie … --as`). */
  via?: string | undefined;
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

/** What an outcome records of the input, as stored: a fraud type only for a fraud, the currency upper-cased. */
const storedOutcome = (input: InspectionInput) => ({
  result: input.result,
  fraud_type: input.result === 'fraud' ? (input.fraud_type ?? null) : null,
  found_value: input.found_value ?? null,
  found_currency: input.found_currency ? input.found_currency.toUpperCase() : null,
  note: input.note?.trim() || null,
});

const describe = (i: ParcelInspection) =>
  `${i.result}${i.fraud_type ? ` (${i.fraud_type})` : ''} by ${i.examiner} at ${i.inspected_at}`;

/**
 * The parcel (404 when unknown) and whether the recorder may record or correct its outcome: its assigned examiner,
 * or a supervisor (403 otherwise).
 */
async function mayRecord(
  db: Kysely<DB>,
  recorder: Recorder,
  parcelId: number,
): Promise<{ name: string; office: string; assignedTo: string | null }> {
  const parcel = await db
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
  return { name, office: parcel.arrival_office, assignedTo };
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
    const { name, office, assignedTo } = await mayRecord(session.db, recorder, parcelId);
    const row = await session.db
      .insertInto('parcel_inspections')
      .values({
        parcel_id: parcelId,
        examiner: assignedTo ?? recorder.username,
        ...storedOutcome(input),
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
        `parcel ${name} already has an outcome: ${describe(existing)}; to change it, correct it with a reason`,
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
        office,
        assigned_to: assignedTo,
        ...(assignedTo !== actor.name ? { by_supervisor: true } : {}),
        ...(recorder.via ? { via: recorder.via } : {}),
      },
    });
    return inspection;
  });
}

/** The outcomes a parcel's corrections replaced, oldest first (empty when never corrected). */
export async function inspectionHistory(db: Kysely<DB>, parcelId: number): Promise<ReplacedInspection[]> {
  const rows = await db
    .selectFrom('parcel_inspection_corrections')
    .selectAll()
    .where('parcel_id', '=', parcelId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...toInspection(r),
    reason: r.reason,
    corrected_by: r.corrected_by,
    corrected_at: iso(r.corrected_at),
  }));
}

/**
 * Corrects the outcome in force, with a reason: the same people as recording (its examiner, a supervisor), only
 * once one is recorded (409 `parcels.nothing_to_correct`), only if something changes (400
 * `parcels.correction_unchanged`). The time of inspection is kept unless given. The outcome replaced is kept in
 * `parcel_inspection_corrections`; the row in force takes the new one, recorded by the corrector now. The row is
 * locked first: two corrections at once apply one after the other, each keeping the one it replaced. Audited
 * (`parcels.inspection_corrected`, before and after).
 */
export async function correctInspection(
  database: Database,
  actor: Actor,
  recorder: Recorder,
  parcelId: number,
  input: CorrectionInput,
): Promise<ParcelInspection & { history: ReplacedInspection[] }> {
  const reason = (input.reason ?? '').trim();
  if (reason.length < MIN_REASON)
    throw new AppError(
      'parcels.bad_inspection',
      `reason: expected why the outcome is corrected, ${MIN_REASON} characters at least`,
      400,
      [{ path: '/reason', message: `expected ${MIN_REASON} characters at least` }],
    );
  const now = new Date();
  const given = check(input, now);
  return database.transaction(async (session) => {
    const { name, office, assignedTo } = await mayRecord(session.db, recorder, parcelId);
    const current = await session.db
      .selectFrom('parcel_inspections')
      .selectAll()
      .where('parcel_id', '=', parcelId)
      .forUpdate()
      .executeTakeFirst();
    if (!current)
      throw new AppError(
        'parcels.nothing_to_correct',
        `parcel ${name} has no outcome to correct: record it first`,
        409,
      );
    const before = toInspection(current);
    const next = {
      ...storedOutcome(input),
      inspected_at: input.inspected_at ? given.toISOString() : before.inspected_at,
    };
    if (
      next.result === before.result &&
      next.fraud_type === before.fraud_type &&
      next.found_value === before.found_value &&
      next.found_currency === before.found_currency &&
      next.note === before.note &&
      Date.parse(next.inspected_at) === Date.parse(before.inspected_at)
    )
      throw new AppError(
        'parcels.correction_unchanged',
        `parcel ${name}: the correction changes nothing (the outcome is already ${describe(before)})`,
        400,
        [{ path: '/result', message: 'expected an outcome different from the one in force' }],
      );
    await session.db
      .insertInto('parcel_inspection_corrections')
      .values({
        parcel_id: parcelId,
        examiner: current.examiner,
        result: current.result,
        fraud_type: current.fraud_type,
        found_value: before.found_value,
        found_currency: current.found_currency,
        note: current.note,
        inspected_at: current.inspected_at,
        recorded_by: current.recorded_by,
        recorded_at: current.recorded_at,
        reason,
        corrected_by: actor.name,
      })
      .execute();
    const row = await session.db
      .updateTable('parcel_inspections')
      .set({
        ...next,
        // The examiner stays who inspected, unless the parcel's own examiner corrects it now.
        examiner: assignedTo === recorder.username ? assignedTo : current.examiner,
        recorded_by: actor.name,
        recorded_at: now,
      })
      .where('parcel_id', '=', parcelId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toInspection(row);
    await appendAudit(session, actor, {
      action: 'parcels.inspection_corrected',
      target_type: 'parcel',
      target_id: parcelId,
      before,
      after,
      details: {
        parcel: name,
        office,
        reason,
        assigned_to: assignedTo,
        ...(assignedTo !== actor.name ? { by_supervisor: true } : {}),
        ...(recorder.via ? { via: recorder.via } : {}),
      },
    });
    return { ...after, history: await inspectionHistory(session.db, parcelId) };
  });
}
