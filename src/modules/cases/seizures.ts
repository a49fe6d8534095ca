/**
 * Seizures: what was seized, where, when, how much, for which rights holder, how it was found; the duties, fines
 * and settlement at stake and recovered; the fate of the goods. A seizure may belong to a case (its timeline shows
 * it) or stand alone (past seizures imported from a file).
 */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { lockOpenCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import type { DetectionSource, GoodsStatus, SeizureCategory } from './model.ts';
import { nextSeq } from './numbering.ts';
import type { SeizuresTable } from './tables.ts';

export interface SeizureInput {
  reference?: string | undefined;
  case_id?: number | null | undefined;
  seized_on: string;
  office: string;
  place?: string | null | undefined;
  city?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  description: string;
  hs_code?: string | null | undefined;
  category: SeizureCategory;
  quantity?: number | null | undefined;
  unit?: string | null | undefined;
  net_mass_kg?: number | null | undefined;
  estimated_value?: number | null | undefined;
  value_method?: string | null | undefined;
  currency?: string | undefined;
  brand?: string | null | undefined;
  rights_holder?: string | null | undefined;
  health_risk?: boolean | undefined;
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

/** What may change after the seizure is recorded: amounts recovered and the fate of the goods. */
export interface SeizureUpdate {
  duties_at_stake?: number | null | undefined;
  duties_recovered?: number | null | undefined;
  fines?: number | null | undefined;
  settlement_amount?: number | null | undefined;
  goods_status?: GoodsStatus | undefined;
  goods_status_on?: string | null | undefined;
  estimated_value?: number | null | undefined;
  value_method?: string | null | undefined;
}

export function seizureView(r: Selectable<SeizuresTable>) {
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
    created_by: r.created_by,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
export type SeizureView = ReturnType<typeof seizureView>;

/** The columns of a seizure from its input (the reference, case and author apart). */
export function seizureColumns(input: SeizureInput) {
  return {
    seized_on: input.seized_on,
    office: input.office,
    place: input.place ?? null,
    city: input.city ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    description: input.description,
    hs_code: input.hs_code ?? null,
    category: input.category,
    quantity: input.quantity ?? null,
    unit: input.unit ?? null,
    net_mass_kg: input.net_mass_kg ?? null,
    estimated_value: input.estimated_value ?? null,
    value_method: input.value_method ?? null,
    currency: input.currency ?? 'MAD',
    brand: input.brand ?? null,
    rights_holder: input.rights_holder ?? null,
    health_risk: input.health_risk ?? false,
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

export async function recordSeizure(
  database: Database,
  actor: Actor,
  input: SeizureInput,
): Promise<SeizureView> {
  return database.transaction(async (session) => {
    const caseId = input.case_id ?? null;
    if (caseId !== null) await lockOpenCase(session, caseId);
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
        ...seizureColumns(input),
        reference,
        case_id: caseId,
        created_by: actor.name,
        import_id: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = seizureView(row);
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
    const changes = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
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
    await appendAudit(session, actor, {
      action: 'seizure.updated',
      target_type: 'seizure',
      target_id: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
      after: changes,
    });
    if (row.case_id !== null)
      await recordEvent(session, actor, Number(row.case_id), 'seizure_updated', { seizure: id, ...changes });
    return seizureView(row);
  });
}

export async function getSeizure(db: Kysely<DB>, id: number): Promise<SeizureView> {
  const row = await db.selectFrom('seizures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('seizure.not_found', `no seizure #${id}`);
  return seizureView(row);
}

export interface SeizureFilters {
  case_id?: number | undefined;
  office?: string | undefined;
  category?: SeizureCategory | undefined;
  from?: string | undefined;
  to?: string | undefined;
  brand?: string | undefined;
}

export async function listSeizures(
  db: Kysely<DB>,
  filters: SeizureFilters,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('seizures');
  if (filters.case_id !== undefined) query = query.where('case_id', '=', filters.case_id);
  if (filters.office) query = query.where('office', '=', filters.office);
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.from) query = query.where('seized_on', '>=', filters.from);
  if (filters.to) query = query.where('seized_on', '<=', filters.to);
  if (filters.brand) query = query.where('brand', '=', filters.brand);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy('seized_on', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(total), items: rows.map(seizureView) };
}
