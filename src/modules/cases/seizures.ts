/**
 * Seizures: what was seized, where, when, how much, for which rights holder, how it was found; the duties, fines
 * and settlement at stake and recovered; the fate of the goods. A seizure may belong to a case (its timeline shows
 * it) or stand alone (past seizures imported from a file). Its goods are one or more lines (lines.ts); the
 * seizure's own goods columns are their summary, so a one-line seizure reads as it always did.
 */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { definedFields, valuesBefore } from '../../platform/lib/records.ts';
import { lockOpenCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import {
  type LineColumns,
  type LineInput,
  type LineView,
  lineColumns,
  lineSummary,
  linesOf,
  writeLines,
} from './lines.ts';
import type { DetectionSource, GoodsStatus, SeizureCategory } from './model.ts';
import { nextSeq } from './numbering.ts';
import type { SeizuresTable } from './tables.ts';

/** A seizure to record; its goods as one line (the one-line shape: description and category are then needed) or as `lines`. */
export interface SeizureInput extends Partial<LineInput> {
  reference?: string | undefined;
  case_id?: number | null | undefined;
  seized_on: string;
  office: string;
  place?: string | null | undefined;
  city?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  value_method?: string | null | undefined;
  currency?: string | undefined;
  /** The goods as lines (one or more); the one-line goods fields are then left out. */
  lines?: LineInput[] | undefined;
  operation_id?: number | null | undefined;
  transport_mode?: string | null | undefined;
  concealment?: string | null | undefined;
  detection_source?: DetectionSource | null | undefined;
  officers?: string[] | undefined;
  duty_rate?: number | null | undefined;
  duties_at_stake?: number | null | undefined;
  duties_recovered?: number | null | undefined;
  fines?: number | null | undefined;
  settlement_amount?: number | null | undefined;
  goods_status?: GoodsStatus | undefined;
  goods_status_on?: string | null | undefined;
}

/**
 * What may change after the seizure is recorded: amounts recovered, the fate of the goods, its goods lines (`lines`
 * replaces every one).
 */
export type SeizureUpdate = Pick<
  SeizureInput,
  | 'lines'
  | 'operation_id'
  | 'duties_at_stake'
  | 'duties_recovered'
  | 'fines'
  | 'settlement_amount'
  | 'goods_status'
  | 'goods_status_on'
  | 'estimated_value'
  | 'value_method'
>;

export function seizureView(r: Selectable<SeizuresTable>, lines: LineView[]) {
  return {
    id: Number(r.id),
    reference: r.reference,
    case_id: r.case_id === null ? null : Number(r.case_id),
    seized_on: r.seized_on,
    office: r.office,
    place: r.place,
    city: r.city,
    latitude: r.latitude,
    longitude: r.longitude,
    description: r.description,
    hs_code: r.hs_code,
    category: r.category as SeizureCategory,
    quantity: r.quantity,
    unit: r.unit,
    net_mass_kg: r.net_mass_kg,
    estimated_value: r.estimated_value,
    value_method: r.value_method,
    currency: r.currency,
    brand: r.brand,
    rights_holder: r.rights_holder,
    health_risk: r.health_risk,
    transport_mode: r.transport_mode,
    concealment: r.concealment,
    detection_source: r.detection_source as DetectionSource | null,
    officers: r.officers,
    duty_rate: r.duty_rate,
    duties_at_stake: r.duties_at_stake,
    duties_recovered: r.duties_recovered,
    fines: r.fines,
    settlement_amount: r.settlement_amount,
    goods_status: r.goods_status,
    goods_status_on: r.goods_status_on,
    operation_id: r.operation_id === null ? null : Number(r.operation_id),
    lines,
    created_by: r.created_by,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
export type SeizureView = ReturnType<typeof seizureView>;

/** The goods lines an input gives: its `lines`, or its one-line goods fields as line 1. */
export function inputLines(input: SeizureInput): LineColumns[] {
  if (input.lines?.length) return input.lines.map(lineColumns);
  if (input.description === undefined || input.category === undefined)
    throw new AppError(
      'seizure.goods_required',
      'a seizure needs its goods: lines, or description and category',
      400,
    );
  return [lineColumns(input as LineInput)];
}

/** The columns of a seizure from its input (the reference, case and author apart), goods as its lines' summary. */
export function seizureColumns(input: SeizureInput, lines: LineColumns[] = inputLines(input)) {
  return {
    ...lineSummary(lines),
    seized_on: input.seized_on,
    office: input.office,
    place: input.place ?? null,
    city: input.city ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    value_method: input.value_method ?? null,
    currency: input.currency ?? 'MAD',
    transport_mode: input.transport_mode ?? null,
    concealment: input.concealment ?? null,
    detection_source: input.detection_source ?? null,
    officers: input.officers ?? [],
    duty_rate: input.duty_rate ?? null,
    duties_at_stake: input.duties_at_stake ?? null,
    duties_recovered: input.duties_recovered ?? null,
    fines: input.fines ?? null,
    settlement_amount: input.settlement_amount ?? null,
    goods_status: input.goods_status ?? 'held',
    goods_status_on: input.goods_status_on ?? null,
  };
}

/** A seizure with its lines, as the API shows it. */
export async function seizureWithLines(db: Kysely<DB>, row: Selectable<SeizuresTable>): Promise<SeizureView> {
  return seizureView(row, (await linesOf(db, [Number(row.id)])).get(Number(row.id)) ?? []);
}

export async function recordSeizure(
  database: Database,
  actor: Actor,
  input: SeizureInput,
): Promise<SeizureView> {
  return database.transaction(async (session) => {
    const caseId = input.case_id ?? null;
    const lines = inputLines(input);
    let operationId = input.operation_id ?? null;
    if (caseId !== null) {
      const kase = await lockOpenCase(session, caseId);
      // A seizure on a case tagged to an operation counts for that operation unless it names another.
      if (input.operation_id === undefined && kase.operation_id !== null)
        operationId = Number(kase.operation_id);
    }
    if (operationId !== null) await assertOperation(session.db, operationId);
    let reference = input.reference?.trim();
    if (!reference) {
      const year = Number(input.seized_on.slice(0, 4));
      const seq = await nextSeq(session, 'seizure', input.office, year);
      reference = `S-${input.office}/${year}/${String(seq).padStart(4, '0')}`;
    }
    const taken = await session.db
      .selectFrom('seizures')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (taken) throw new AppError('seizure.exists', `a seizure ${reference} is already recorded`, 409);
    const row = await session.db
      .insertInto('seizures')
      .values({
        ...seizureColumns(input, lines),
        reference,
        case_id: caseId,
        operation_id: operationId,
        created_by: actor.name,
        import_id: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeLines(session, Number(row.id), lines);
    const view = await seizureWithLines(session.db, row);
    await appendAudit(session, actor, {
      action: 'seizure.recorded',
      target_type: 'seizure',
      target_id: view.id,
      after: view,
    });
    if (caseId !== null)
      await recordEvent(session, actor, caseId, 'seizure_added', { seizure: view.id, reference });
    return view;
  });
}

export async function updateSeizure(
  database: Database,
  actor: Actor,
  id: number,
  update: SeizureUpdate,
): Promise<SeizureView> {
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('seizures')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('seizure.not_found', `no seizure #${id}`);
    const { lines: newLines, ...rest } = update;
    const changes: Record<string, unknown> = definedFields(rest);
    const oldLines = (await linesOf(session.db, [id])).get(id) ?? [];
    let lines: LineColumns[] | undefined;
    if (newLines?.length) {
      if (changes.estimated_value !== undefined)
        throw new AppError('seizure.value_and_lines', 'give the value on the lines, not beside them', 400);
      lines = newLines.map(lineColumns);
    } else if (changes.estimated_value !== undefined) {
      // The value of a one-line seizure is its line's; a seizure of several lines is valued line by line.
      if (oldLines.length > 1)
        throw new AppError(
          'seizure.multi_line_value',
          `seizure ${before.reference} has ${oldLines.length} goods lines: change their values through lines`,
          409,
        );
      lines = oldLines.map((l) => ({ ...l, estimated_value: changes.estimated_value as number | null }));
    }
    if (lines) Object.assign(changes, lineSummary(lines));
    if (changes.operation_id !== undefined && changes.operation_id !== null)
      await assertOperation(session.db, changes.operation_id as number);
    if (
      changes.goods_status &&
      changes.goods_status !== before.goods_status &&
      !('goods_status_on' in changes)
    )
      changes.goods_status_on = new Date().toISOString().slice(0, 10);
    const row = await session.db
      .updateTable('seizures')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (lines) await writeLines(session, id, lines);
    const beforeView = valuesBefore(changes, before);
    await appendAudit(session, actor, {
      action: 'seizure.updated',
      target_type: 'seizure',
      target_id: id,
      before: lines ? { ...beforeView, lines: oldLines } : beforeView,
      after: lines ? { ...changes, lines } : changes,
    });
    if (row.case_id !== null)
      await recordEvent(session, actor, Number(row.case_id), 'seizure_updated', {
        seizure: id,
        ...changes,
        ...(lines ? { lines: lines.length } : {}),
      });
    return seizureWithLines(session.db, row);
  });
}

export async function getSeizure(db: Kysely<DB>, id: number): Promise<SeizureView> {
  const row = await db.selectFrom('seizures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('seizure.not_found', `no seizure #${id}`);
  return seizureWithLines(db, row);
}

/** The id of the seizure with this reference (as partners and the liaison office name it); 404 when none. */
export async function seizureIdByReference(db: Kysely<DB>, reference: string): Promise<number> {
  const row = await db
    .selectFrom('seizures')
    .select('id')
    .where('reference', '=', reference.trim())
    .executeTakeFirst();
  if (!row) throw new NotFoundError('seizure.not_found', `no seizure ${reference.trim()}`);
  return Number(row.id);
}

/** 404 unless the operation exists. */
export async function assertOperation(db: Kysely<DB>, id: number): Promise<void> {
  const found = await db.selectFrom('operations').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new NotFoundError('operation.not_found', `no operation #${id}`);
}

export interface SeizureFilters {
  case_id?: number | undefined;
  office?: string | undefined;
  category?: SeizureCategory | undefined;
  from?: string | undefined;
  to?: string | undefined;
  brand?: string | undefined;
  operation_id?: number | undefined;
}

export async function listSeizures(
  db: Kysely<DB>,
  filters: SeizureFilters,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('seizures');
  if (filters.case_id !== undefined) query = query.where('case_id', '=', filters.case_id);
  if (filters.office) query = query.where('office', '=', filters.office);
  const category = filters.category;
  if (category)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('seizure_lines')
          .select('seizure_lines.id')
          .whereRef('seizure_lines.seizure_id', '=', 'seizures.id')
          .where('seizure_lines.category', '=', category),
      ),
    );
  if (filters.from) query = query.where('seized_on', '>=', filters.from);
  if (filters.to) query = query.where('seized_on', '<=', filters.to);
  if (filters.brand) query = query.where('brand', '=', filters.brand);
  if (filters.operation_id !== undefined) query = query.where('operation_id', '=', filters.operation_id);
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('seized_on', 'desc').orderBy('id', 'desc'),
    page,
  );
  const lines = await linesOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { total, items: rows.map((r) => seizureView(r, lines.get(Number(r.id)) ?? [])) };
}
