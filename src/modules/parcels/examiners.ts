/**
 * Examiners of parcels and their assignments (docs/decisions/0021-parcels.md, "Examiners"). An examiner works at
 * one office with specialities — HS prefixes, kinds of parcel (postal, express), risk indicators (split orders,
 * goods wording…) — and a daily capacity. `assignParcels` gives each referred, unassigned parcel of a period, highest
 * score first, to an active examiner of its office of arrival: the best speciality match, then the lightest load of
 * that day, never beyond capacity (a parcel nobody can take stays unassigned and is counted). A manual reassignment
 * needs a reason and stays within the office. Every change is audited.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { auditCreated, definedFields } from '../../platform/lib/records.ts';
import {
  PARCEL_INDICATORS,
  type ParcelChannel,
  type ParcelIndicator,
  type ParcelInspectionResult,
  type ParcelKind,
  type ParcelReason,
} from './model.ts';
import { getParcel } from './store.ts';

export interface ExaminerInput {
  username: string;
  name: string;
  office: string;
  hs_prefixes?: string[] | undefined;
  kinds?: ParcelKind[] | undefined;
  indicators?: ParcelIndicator[] | undefined;
  daily_capacity?: number | undefined;
}

export interface Examiner {
  id: number;
  username: string;
  name: string;
  office: string;
  hs_prefixes: string[];
  kinds: ParcelKind[];
  indicators: ParcelIndicator[];
  daily_capacity: number;
  active: boolean;
}

const COLUMNS = [
  'id',
  'username',
  'name',
  'office',
  'hs_prefixes',
  'kinds',
  'indicators',
  'daily_capacity',
  'active',
] as const;

const toExaminer = (r: Record<string, unknown>): Examiner => ({
  ...(r as unknown as Examiner),
  id: Number(r.id),
});

function check(input: Partial<ExaminerInput>): void {
  const bad = (path: string, message: string) => {
    throw new AppError('parcels.bad_examiner', `${path}: ${message}`, 400, [{ path: `/${path}`, message }]);
  };
  for (const p of input.hs_prefixes ?? [])
    if (!/^\d{2,10}$/.test(p)) bad('hs_prefixes', `expected 2 to 10 digits, got "${p}"`);
  for (const i of input.indicators ?? [])
    if (!(PARCEL_INDICATORS as readonly string[]).includes(i))
      bad('indicators', `expected ${PARCEL_INDICATORS.join(', ')}`);
  if (
    input.daily_capacity !== undefined &&
    !(Number.isInteger(input.daily_capacity) && input.daily_capacity >= 1 && input.daily_capacity <= 1000)
  )
    bad('daily_capacity', 'expected a whole number from 1 to 1000');
}

export async function addExaminer(database: Database, actor: Actor, input: ExaminerInput): Promise<Examiner> {
  check(input);
  return database.transaction(async (session) => {
    const row = await session.db
      .insertInto('parcel_examiners')
      .values({
        username: input.username,
        name: input.name,
        office: input.office,
        hs_prefixes: input.hs_prefixes ?? [],
        kinds: input.kinds ?? [],
        indicators: input.indicators ?? [],
        ...(input.daily_capacity ? { daily_capacity: input.daily_capacity } : {}),
        created_by: actor.name,
      })
      .onConflict((oc) => oc.columns(['office', 'username']).doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row)
      throw new AppError(
        'parcels.examiner_exists',
        `${input.username} is already an examiner at office ${input.office}`,
        409,
        [{ path: '/username', message: 'already an examiner at this office' }],
      );
    return auditCreated(
      session,
      actor,
      { action: 'parcels.examiner_added', target_type: 'parcel_examiner', target_id: Number(row.id) },
      toExaminer(row),
    );
  });
}

export async function updateExaminer(
  database: Database,
  actor: Actor,
  id: number,
  change: Partial<Omit<ExaminerInput, 'username' | 'office'>> & { active?: boolean | undefined },
): Promise<Examiner> {
  check(change);
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('parcel_examiners')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('parcels.examiner_not_found', `no examiner ${id}`);
    const set = definedFields(change);
    const row = await session.db
      .updateTable('parcel_examiners')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toExaminer(row);
    await appendAudit(session, actor, {
      action: 'parcels.examiner_changed',
      target_type: 'parcel_examiner',
      target_id: id,
      before: toExaminer(before),
      after,
    });
    return after;
  });
}

export async function listExaminers(db: Kysely<DB>, office?: string): Promise<Examiner[]> {
  let q = db.selectFrom('parcel_examiners').select(COLUMNS);
  if (office) q = q.where('office', '=', office);
  return (await q.orderBy('office').orderBy('username').execute()).map(toExaminer);
}

/** How well an examiner fits a parcel: 2 for an HS prefix of its code, 2 per indicator that fired, 1 for its kind. */
export function specialityMatch(
  examiner: Pick<Examiner, 'hs_prefixes' | 'kinds' | 'indicators'>,
  parcel: { hs_code: string | null; kind: ParcelKind; indicators: readonly string[] },
): { points: number; matched: string[] } {
  const matched: string[] = [];
  let points = 0;
  const hs = parcel.hs_code ? examiner.hs_prefixes.find((p) => parcel.hs_code!.startsWith(p)) : undefined;
  if (hs) {
    points += 2;
    matched.push(`HS ${hs}`);
  }
  for (const i of examiner.indicators)
    if (parcel.indicators.includes(i)) {
      points += 2;
      matched.push(i.replace('_', ' '));
    }
  if (examiner.kinds.includes(parcel.kind)) {
    points += 1;
    matched.push(parcel.kind);
  }
  return { points, matched };
}

export interface AssignSummary {
  assigned: number;
  unassigned: number;
  by_examiner: Record<string, number>;
}

/** Assigns the referred, unassigned parcels arriving in a period (highest score first). */
export async function assignParcels(
  database: Database,
  actor: Actor,
  period: { from: string; to: string; office?: string | undefined },
): Promise<AssignSummary> {
  return database.transaction(async (session) => {
    const db = session.db;
    let q = db
      .selectFrom('parcels as p')
      .innerJoin('parcel_scores as s', 's.parcel_id', 'p.id')
      .leftJoin('parcel_assignments as a', 'a.parcel_id', 'p.id')
      .select([
        'p.id',
        'p.kind',
        'p.hs_code',
        'p.arrival_office',
        sql<string>`to_char(p.arrival_date, 'YYYY-MM-DD')`.as('day'),
        's.reasons',
      ])
      .where('s.referred', '=', true)
      .where('a.parcel_id', 'is', null)
      .where('p.arrival_date', '>=', period.from)
      .where('p.arrival_date', '<=', period.to);
    if (period.office) q = q.where('p.arrival_office', '=', period.office);
    const parcels = await q.orderBy('s.score', 'desc').orderBy('p.id').execute();
    const examiners = (
      await db.selectFrom('parcel_examiners').select(COLUMNS).where('active', '=', true).execute()
    ).map(toExaminer);
    const loads = new Map<string, number>();
    const days = [...new Set(parcels.map((p) => p.day))];
    if (days.length) {
      const rows = await db
        .selectFrom('parcel_assignments')
        .select([
          'examiner_id',
          sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where(sql<boolean>`day in (${sql.join(days.map((d) => sql`${d}::date`))})`)
        .groupBy(['examiner_id', 'day'])
        .execute();
      for (const r of rows) loads.set(`${r.examiner_id}|${r.day}`, Number(r.n));
    }
    const summary: AssignSummary = { assigned: 0, unassigned: 0, by_examiner: {} };
    const values = [];
    for (const p of parcels) {
      const indicators = (p.reasons as ParcelReason[]).map((r) => r.indicator);
      let best: { e: Examiner; points: number; matched: string[]; load: number } | undefined;
      for (const e of examiners) {
        if (e.office !== p.arrival_office) continue;
        const load = loads.get(`${e.id}|${p.day}`) ?? 0;
        if (load >= e.daily_capacity) continue;
        const m = specialityMatch(e, { hs_code: p.hs_code, kind: p.kind, indicators });
        if (!best || m.points > best.points || (m.points === best.points && load < best.load))
          best = { e, ...m, load };
      }
      if (!best) {
        summary.unassigned++;
        continue;
      }
      loads.set(`${best.e.id}|${p.day}`, best.load + 1);
      summary.assigned++;
      summary.by_examiner[best.e.username] = (summary.by_examiner[best.e.username] ?? 0) + 1;
      values.push({
        parcel_id: Number(p.id),
        examiner_id: best.e.id,
        day: p.day,
        basis: 'auto' as const,
        reason: best.matched.length
          ? `speciality: ${best.matched.join(', ')}; ${best.load} already assigned that day`
          : `no specialist free: lightest load (${best.load} already assigned that day)`,
        assigned_by: actor.name,
      });
    }
    for (let i = 0; i < values.length; i += 500)
      await db
        .insertInto('parcel_assignments')
        .values(values.slice(i, i + 500))
        .execute();
    await appendAudit(session, actor, {
      action: 'parcels.assigned',
      target_type: 'parcel_assignments',
      details: { ...period, ...summary },
    });
    return summary;
  });
}

/** Gives a parcel to another examiner of its office, by hand, with a reason (audited with the one before). */
export async function reassignParcel(
  database: Database,
  actor: Actor,
  parcelId: number,
  examinerId: number,
  reason: string,
): Promise<{ parcel_id: number; examiner: Examiner; reason: string }> {
  if (reason.trim().length < 5)
    throw new AppError(
      'parcels.reason_required',
      'a reassignment needs a reason of 5 characters at least',
      400,
      [{ path: '/reason', message: 'expected 5 characters at least' }],
    );
  return database.transaction(async (session) => {
    const parcel = await getParcel(session.db, parcelId);
    const row = await session.db
      .selectFrom('parcel_examiners')
      .select(COLUMNS)
      .where('id', '=', examinerId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('parcels.examiner_not_found', `no examiner ${examinerId}`);
    const examiner = toExaminer(row);
    if (!examiner.active || examiner.office !== parcel.arrival_office)
      throw new AppError(
        'parcels.examiner_unavailable',
        `${examiner.username} ${examiner.active ? `works at office ${examiner.office}, the parcel arrives at ${parcel.arrival_office}` : 'is not active'}`,
        409,
        [{ path: '/examiner_id', message: 'expected an active examiner of the office of arrival' }],
      );
    const before = await session.db
      .selectFrom('parcel_assignments')
      .select(['examiner_id', 'basis', 'reason', 'assigned_by'])
      .where('parcel_id', '=', parcelId)
      .executeTakeFirst();
    await session.db
      .insertInto('parcel_assignments')
      .values({
        parcel_id: parcelId,
        examiner_id: examinerId,
        day: parcel.arrival_date,
        basis: 'manual',
        reason: reason.trim(),
        assigned_by: actor.name,
      })
      .onConflict((oc) =>
        oc.column('parcel_id').doUpdateSet({
          examiner_id: examinerId,
          basis: 'manual',
          reason: reason.trim(),
          assigned_by: actor.name,
          assigned_at: new Date(),
        }),
      )
      .execute();
    await appendAudit(session, actor, {
      action: 'parcels.reassigned',
      target_type: 'parcel',
      target_id: parcelId,
      before: before ? { ...before, examiner_id: Number(before.examiner_id) } : null,
      after: { examiner_id: examinerId, basis: 'manual', reason: reason.trim() },
    });
    return { parcel_id: parcelId, examiner, reason: reason.trim() };
  });
}

export interface Inspection {
  parcel_id: number;
  carrier: string;
  consignment_number: string;
  arrival_date: string;
  arrival_office: string;
  description: string;
  score: number;
  channel: ParcelChannel;
  basis: 'auto' | 'manual';
  reason: string;
  examiner: string;
  /** The result recorded, once inspected; null while still to inspect. */
  inspected: ParcelInspectionResult | null;
}

/** The parcels assigned to a user (as examiner, at any office) arriving on a day: "my inspections". */
export async function inspectionsOf(db: Kysely<DB>, username: string, day: string): Promise<Inspection[]> {
  const rows = await db
    .selectFrom('parcel_assignments as a')
    .innerJoin('parcel_examiners as e', 'e.id', 'a.examiner_id')
    .innerJoin('parcels as p', 'p.id', 'a.parcel_id')
    .innerJoin('parcel_scores as s', 's.parcel_id', 'p.id')
    .leftJoin('parcel_inspections as i', 'i.parcel_id', 'p.id')
    .select([
      'p.id as parcel_id',
      'p.carrier',
      'p.consignment_number',
      sql<string>`to_char(p.arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
      'p.arrival_office',
      'p.description',
      's.score',
      's.channel',
      'a.basis',
      'a.reason',
      'e.username as examiner',
      'i.result as inspected',
    ])
    .where('e.username', '=', username)
    .where('a.day', '=', day)
    .orderBy('s.score', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...r, parcel_id: Number(r.parcel_id), inspected: r.inspected ?? null }));
}

export interface ExaminerWorkload {
  examiner_id: number;
  username: string;
  name: string;
  office: string;
  daily_capacity: number;
  active: boolean;
  /** Parcels assigned to the examiner arriving in the period; `manual` of them by hand. */
  assigned: number;
  manual: number;
  /** Of those, the parcels linked to a seizure of their goods. */
  seized: number;
  /** Of those, the parcels with a recorded outcome, and those found in fraud. */
  inspected: number;
  fraud: number;
  /** Of those, the parcels still to inspect whose arrival day has come (today or before). */
  pending: number;
  /** Assigned and inspected parcels per arrival day of the period (days without any left out), oldest first. */
  days: { day: string; assigned: number; inspected: number }[];
}

/**
 * The load and throughput of each examiner (of an office, or all) over a period: assigned parcels, those given by
 * hand, those whose goods were seized, those inspected (and found in fraud), those pending — assigned, not
 * inspected, arrival day on or before `today` (the server's day unless given) —, and each day's load and
 * inspections against the daily capacity.
 */
export async function examinerWorkload(
  db: Kysely<DB>,
  period: { from: string; to: string; office?: string | undefined },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ExaminerWorkload[]> {
  let q = db
    .selectFrom('parcel_examiners as e')
    .leftJoin('parcel_assignments as a', (join) =>
      join.onRef('a.examiner_id', '=', 'e.id').on('a.day', '>=', period.from).on('a.day', '<=', period.to),
    )
    .leftJoin('parcel_seizures as s', 's.parcel_id', 'a.parcel_id')
    .leftJoin('parcel_inspections as i', 'i.parcel_id', 'a.parcel_id')
    .select([
      'e.id',
      'e.username',
      'e.name',
      'e.office',
      'e.daily_capacity',
      'e.active',
      (eb) => eb.fn.count<number>('a.parcel_id').as('assigned'),
      sql<number>`count(*) filter (where a.basis = 'manual')`.as('manual'),
      (eb) => eb.fn.count<number>('s.parcel_id').distinct().as('seized'),
      (eb) => eb.fn.count<number>('i.parcel_id').as('inspected'),
      sql<number>`count(*) filter (where i.result = 'fraud')`.as('fraud'),
      sql<number>`count(a.parcel_id) filter (where i.parcel_id is null and a.day <= ${today}::date)`.as(
        'pending',
      ),
    ])
    .groupBy(['e.id', 'e.username', 'e.name', 'e.office', 'e.daily_capacity', 'e.active']);
  if (period.office) q = q.where('e.office', '=', period.office);
  const rows = await q.orderBy('e.office').orderBy('e.username').execute();
  const days = await db
    .selectFrom('parcel_assignments as a')
    .leftJoin('parcel_inspections as i', 'i.parcel_id', 'a.parcel_id')
    .select([
      'a.examiner_id',
      sql<string>`to_char(a.day, 'YYYY-MM-DD')`.as('day'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('i.parcel_id').as('inspected'),
    ])
    .where('a.day', '>=', period.from)
    .where('a.day', '<=', period.to)
    .groupBy(['a.examiner_id', 'a.day'])
    .orderBy('a.day')
    .execute();
  return rows.map((r) => ({
    examiner_id: Number(r.id),
    username: r.username,
    name: r.name,
    office: r.office,
    daily_capacity: r.daily_capacity,
    active: r.active,
    assigned: Number(r.assigned),
    manual: Number(r.manual),
    seized: Number(r.seized),
    inspected: Number(r.inspected),
    fraud: Number(r.fraud),
    pending: Number(r.pending),
    days: days
      .filter((d) => Number(d.examiner_id) === Number(r.id))
      .map((d) => ({ day: d.day, assigned: Number(d.n), inspected: Number(d.inspected) })),
  }));
}
