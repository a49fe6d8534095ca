/**
 * The parcels block of the dashboard (issue 18): over a period of arrival days, how many parcels arrived, were
 * scored, referred (red, yellow), flagged as split orders (parcels and orders) or as linked to an online seller,
 * inspected, found in fraud (by type) and still pending — in total and per office of arrival, in one grouped pass —
 * and the workload and throughput of each examiner and office, from `examinerWorkload` (the examiners page's own
 * query). Pending means what it means there: assigned, not inspected, arrival day today or past.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, daysIn } from '../../platform/lib/days.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { type ExaminerWorkload, examinerWorkload } from './examiners.ts';
import type { ParcelFraudType } from './model.ts';

export interface ParcelFigures {
  arrived: number;
  scored: number;
  referred: number;
  red: number;
  yellow: number;
  /** Parcels flagged as part of a split order, and the orders they make (one per set of parcels named). */
  split_order_parcels: number;
  split_orders: number;
  linked_online_seller: number;
  inspected: number;
  fraud: number;
  pending: number;
}

export interface WorkloadFigures {
  assigned: number;
  inspected: number;
  pending: number;
  fraud: number;
  /** Parcels inspected per calendar day of the period. */
  inspected_per_day: number;
  /** Assigned and inspected parcels per arrival day (days without any left out), oldest first. */
  days: { day: string; assigned: number; inspected: number }[];
}

export interface ParcelsDashboard {
  from: string;
  to: string;
  /** Calendar days in the period. */
  days: number;
  totals: ParcelFigures;
  frauds_by_type: { fraud_type: ParcelFraudType | 'unknown'; parcels: number }[];
  by_office: (ParcelFigures & { office: string })[];
  examiners: (WorkloadFigures & {
    examiner_id: number;
    username: string;
    name: string;
    office: string;
    active: boolean;
  })[];
  offices: (WorkloadFigures & { office: string; examiners: number })[];
}

/** The longest period the block sums up: a year of arrivals. */
export const MAX_PERIOD_DAYS = 366;

/**
 * The period asked for (dates already checked as YYYY-MM-DD): one date alone is that day; none is the week up to
 * the last arrival day on or before `today` (today when no parcel arrived yet). Backwards or over a year: 400.
 */
export async function dashboardPeriod(
  db: Kysely<DB>,
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): Promise<{ from: string; to: string }> {
  let { from, to } = asked;
  if (!from && !to) {
    const last = await db
      .selectFrom('parcels')
      .select(sql<string | null>`to_char(max(arrival_date), 'YYYY-MM-DD')`.as('day'))
      .where('arrival_date', '<=', today)
      .executeTakeFirst();
    to = last?.day ?? today;
    from = addDays(to, -6);
  }
  from ??= to!;
  to ??= from;
  if (to < from)
    throw new AppError('parcels.bad_period', `the period ends (${to}) before it starts (${from})`, 400, [
      { path: '/to', message: 'expected a date on or after from' },
    ]);
  if (daysIn(from, to) > MAX_PERIOD_DAYS)
    throw new AppError(
      'parcels.period_too_long',
      `the period from ${from} to ${to} is longer than ${MAX_PERIOD_DAYS} days`,
      400,
      [{ path: '/to', message: `expected at most ${MAX_PERIOD_DAYS} days after from` }],
    );
  return { from, to };
}

const has = (indicator: string) => sql<boolean>`s.reasons @> ${JSON.stringify([{ indicator }])}::jsonb`;

type FigureRow = { [K in keyof ParcelFigures]: number | string } & { office: string | null; whole: number };

/** The figures of a period, per office of arrival and in total (grouping sets: one pass over the parcels). */
async function figures(db: Kysely<DB>, from: string, to: string, today: string) {
  const { rows } = await sql<FigureRow>`
    select p.arrival_office as office, grouping(p.arrival_office) as whole,
      count(*) as arrived,
      count(s.parcel_id) as scored,
      count(*) filter (where s.referred) as referred,
      count(*) filter (where s.referred and s.channel = 'red') as red,
      count(*) filter (where s.referred and s.channel = 'yellow') as yellow,
      count(*) filter (where ${has('split_order')}) as split_order_parcels,
      count(distinct o.members) as split_orders,
      count(*) filter (where ${has('linked_online_seller')}) as linked_online_seller,
      count(i.parcel_id) as inspected,
      count(*) filter (where i.result = 'fraud') as fraud,
      count(*) filter (where a.parcel_id is not null and i.parcel_id is null and p.arrival_date <= ${today}::date)
        as pending
    from parcels p
    left join parcel_scores s on s.parcel_id = p.id
    left join parcel_assignments a on a.parcel_id = p.id
    left join parcel_inspections i on i.parcel_id = p.id
    left join lateral (
      select r -> 'evidence' -> 'parcels' as members from jsonb_array_elements(s.reasons) r
      where r ->> 'indicator' = 'split_order' limit 1
    ) o on true
    where p.arrival_date between ${from}::date and ${to}::date
    group by grouping sets ((p.arrival_office), ())
    order by whole desc, arrived desc, office`.execute(db);
  const toFigures = (r: FigureRow): ParcelFigures => ({
    arrived: Number(r.arrived),
    scored: Number(r.scored),
    referred: Number(r.referred),
    red: Number(r.red),
    yellow: Number(r.yellow),
    split_order_parcels: Number(r.split_order_parcels),
    split_orders: Number(r.split_orders),
    linked_online_seller: Number(r.linked_online_seller),
    inspected: Number(r.inspected),
    fraud: Number(r.fraud),
    pending: Number(r.pending),
  });
  // The empty grouping set gives its row even when no parcel arrived: all zeros.
  return {
    totals: toFigures(rows.find((r) => Number(r.whole) === 1)!),
    by_office: rows.filter((r) => Number(r.whole) === 0).map((r) => ({ office: r.office!, ...toFigures(r) })),
  };
}

/** Fraud found on the period's parcels, by type (outcomes in force), most frequent first. */
async function fraudsByType(db: Kysely<DB>, from: string, to: string) {
  const rows = await db
    .selectFrom('parcel_inspections as i')
    .innerJoin('parcels as p', 'p.id', 'i.parcel_id')
    .select(['i.fraud_type', (eb) => eb.fn.countAll<number>().as('parcels')])
    .where('i.result', '=', 'fraud')
    .where('p.arrival_date', '>=', from)
    .where('p.arrival_date', '<=', to)
    .groupBy('i.fraud_type')
    .execute();
  return rows
    .map((r) => ({ fraud_type: r.fraud_type ?? ('unknown' as const), parcels: Number(r.parcels) }))
    .sort((a, b) => b.parcels - a.parcels || a.fraud_type.localeCompare(b.fraud_type));
}

/** Sums examiners' workloads (one office's, or every one's) into one, their days merged. */
function summed(rows: ExaminerWorkload[], days: number): WorkloadFigures {
  const byDay = new Map<string, { day: string; assigned: number; inspected: number }>();
  for (const d of rows.flatMap((r) => r.days)) {
    const into = byDay.get(d.day) ?? { day: d.day, assigned: 0, inspected: 0 };
    into.assigned += d.assigned;
    into.inspected += d.inspected;
    byDay.set(d.day, into);
  }
  const sum = (key: 'assigned' | 'inspected' | 'pending' | 'fraud') => rows.reduce((n, r) => n + r[key], 0);
  return {
    assigned: sum('assigned'),
    inspected: sum('inspected'),
    pending: sum('pending'),
    fraud: sum('fraud'),
    inspected_per_day: Math.round((sum('inspected') / days) * 10) / 10,
    days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** Everything the dashboard's parcels block shows for a period (checked by `dashboardPeriod`). */
export async function parcelsDashboard(
  db: Kysely<DB>,
  period: { from: string; to: string },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ParcelsDashboard> {
  const { from, to } = period;
  const days = daysIn(from, to);
  const [counted, byType, workload] = await Promise.all([
    figures(db, from, to, today),
    fraudsByType(db, from, to),
    examinerWorkload(db, { from, to }, today),
  ]);
  const offices = [...new Set(workload.map((w) => w.office))].sort();
  return {
    from,
    to,
    days,
    ...counted,
    frauds_by_type: byType,
    examiners: workload.map((w) => ({
      examiner_id: w.examiner_id,
      username: w.username,
      name: w.name,
      office: w.office,
      active: w.active,
      ...summed([w], days),
    })),
    offices: offices.map((office) => {
      const of = workload.filter((w) => w.office === office);
      return { office, examiners: of.length, ...summed(of, days) };
    }),
  };
}
