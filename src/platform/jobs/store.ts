/** The `job_runs` table: what the platform knows of each background job, its progress and its outcome. */
import { type Kysely, sql } from 'kysely';
import { offsetPage } from '../db/paging.ts';
import type { DB, JobState } from '../db/schema.ts';
import { iso } from '../lib/errors.ts';

export const TERMINAL_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

export interface JobView {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  params: Record<string, unknown>;
  done: number;
  total: number | null;
  unit: string | null;
  message: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  cancel_requested: boolean;
  created_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** Per second, since the job started. */
  rate: number | null;
  /** Seconds left at the current rate. */
  eta_seconds: number | null;
  /** Running, but no word from its worker for a minute: the worker may have died (the job will be retried). */
  stalled: boolean;
}

type Row = Awaited<ReturnType<typeof getRow>>;

async function getRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function toView(row: NonNullable<Row>, now = Date.now()): JobView {
  const started = row.started_at ? new Date(row.started_at).getTime() : null;
  const elapsed = started ? (now - started) / 1000 : 0;
  const running = row.state === 'running';
  const rate = running && started && elapsed > 0.5 ? row.done / elapsed : null;
  const eta = rate && row.total ? Math.max(0, (row.total - row.done) / rate) : null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    params: row.params,
    done: row.done,
    total: row.total,
    unit: row.unit,
    message: row.message,
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    cancel_requested: row.cancel_requested,
    created_by: row.created_by === null ? null : Number(row.created_by),
    created_at: iso(row.created_at),
    started_at: row.started_at ? iso(row.started_at) : null,
    finished_at: row.finished_at ? iso(row.finished_at) : null,
    updated_at: iso(row.updated_at),
    rate: rate === null ? null : Math.round(rate * 10) / 10,
    eta_seconds: eta === null ? null : Math.round(eta),
    stalled: running && now - new Date(row.updated_at).getTime() > 60_000,
  };
}

/**
 * The full id of a job given as printed by `vigie jobs list` (its first characters) or whole. Throws a message a
 * person can act on: not an id, no such job, or several that start alike.
 */
export async function resolveJobId(db: Kysely<DB>, given: string): Promise<string> {
  const text = given.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(text))
    throw new Error(`${given}: expected a job id (as vigie jobs list prints it)`);
  const rows = await db
    .selectFrom('job_runs')
    .select('id')
    .where(sql<string>`id::text`, 'like', `${text}%`)
    .limit(2)
    .execute();
  if (rows.length === 0) throw new Error(`no job ${given}`);
  if (rows.length > 1) throw new Error(`several jobs start with ${given}: give more of the id`);
  return rows[0]!.id;
}

export async function getJob(db: Kysely<DB>, id: string): Promise<JobView | undefined> {
  const row = await getRow(db, id);
  return row ? toView(row) : undefined;
}

export async function listJobs(
  db: Kysely<DB>,
  filters: {
    state?: JobState | undefined;
    kind?: string | undefined;
    /** Leave out the runs of these kinds that the scheduler started (one started by someone stays). */
    notScheduledOf?: readonly string[] | undefined;
    /** Runs whose parameter `key` has this value (compared as text). */
    param?: { key: string; value: string | number } | undefined;
  },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('job_runs');
  if (filters.state) query = query.where('state', '=', filters.state);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.param)
    query = query.where(sql<string>`params ->> ${filters.param.key}`, '=', String(filters.param.value));
  const scheduled = filters.notScheduledOf;
  if (scheduled?.length)
    query = query.where((eb) => eb.not(eb.and([eb('kind', 'in', scheduled), eb('created_by', 'is', null)])));
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll().orderBy('created_at', 'desc').orderBy('id'),
    page,
  );
  const now = Date.now();
  return { total, items: rows.map((r) => toView(r, now)) };
}

export async function countJobsByState(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('job_runs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
