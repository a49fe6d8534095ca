/**
 * Sources of online monitoring: what to collect (type and configuration), how often (interval in minutes, none
 * for manual runs), whether it is enabled, who owns it, and its health (last run, items, errors, last error).
 * Every change is audited in the transaction that makes it.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { parseSourceConfig, type SourceConfig, type SourceType } from './source-config.ts';

export interface SourceView {
  id: number;
  name: string;
  type: SourceType;
  config: Record<string, unknown>;
  interval_minutes: number | null;
  enabled: boolean;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  health: {
    next_run_at: string | null;
    running: boolean;
    running_job_id: string | null;
    last_run_at: string | null;
    last_success_at: string | null;
    last_status: 'ok' | 'partial' | 'failed' | 'cancelled' | null;
    last_items: number;
    last_errors: number;
    last_error: string | null;
    total_items: number;
    runs: number;
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type SourceRow = Awaited<ReturnType<typeof selectSources>>[number];
function selectSources(db: Kysely<DB>) {
  return db.selectFrom('osint_sources').selectAll().execute();
}

export function toSourceView(r: SourceRow): SourceView {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    config: r.config,
    interval_minutes: r.interval_minutes,
    enabled: r.enabled,
    owner_id: r.owner_id,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
    health: {
      next_run_at: iso(r.next_run_at),
      running: r.running_job_id !== null,
      running_job_id: r.running_job_id,
      last_run_at: iso(r.last_run_at),
      last_success_at: iso(r.last_success_at),
      last_status: r.last_status,
      last_items: r.last_items,
      last_errors: r.last_errors,
      last_error: r.last_error,
      total_items: Number(r.total_items),
      runs: r.runs,
    },
  };
}

export interface SourceInput {
  name: string;
  type: SourceType;
  config: unknown;
  interval_minutes?: number | null | undefined;
  enabled?: boolean | undefined;
}

export async function getSourceRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('osint_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getSource(db: Kysely<DB>, id: number): Promise<SourceView> {
  const row = await getSourceRow(db, id);
  if (!row) throw new NotFoundError('osint.source_not_found', `no source #${id}`);
  return toSourceView(row);
}

export async function findSourceByName(db: Kysely<DB>, name: string) {
  return db.selectFrom('osint_sources').selectAll().where('name', '=', name).executeTakeFirst();
}

/** A source by id (digits) or by name. */
export async function resolveSource(db: Kysely<DB>, ref: string): Promise<SourceView> {
  const row = /^\d+$/.test(ref) ? await getSourceRow(db, Number(ref)) : await findSourceByName(db, ref);
  if (!row)
    throw new NotFoundError('osint.source_not_found', `no source ${/^\d+$/.test(ref) ? '#' : ''}${ref}`);
  return toSourceView(row);
}

/** The configuration of a stored source, parsed (defaults filled in). */
export function sourceConfig(source: { type: SourceType; config: unknown }): SourceConfig {
  return parseSourceConfig(source.type, source.config);
}

function checkName(name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 200)
    throw new AppError('osint.invalid_source', 'a name of 1 to 200 characters', 400);
  return n;
}

export async function createSource(
  database: Database,
  actor: Actor,
  input: SourceInput,
): Promise<SourceView> {
  const name = checkName(input.name);
  const config = parseSourceConfig(input.type, input.config);
  return database.transaction(async (session) => {
    if (await findSourceByName(session.db, name))
      throw new AppError('osint.source_exists', `a source named "${name}" exists already`, 409);
    const interval = input.interval_minutes ?? null;
    const row = await session.db
      .insertInto('osint_sources')
      .values({
        name,
        type: input.type,
        config: JSON.stringify(config),
        interval_minutes: interval,
        enabled: input.enabled ?? true,
        owner_id: actor.id,
        next_run_at: interval ? new Date() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toSourceView(row);
    await appendAudit(session, actor, {
      action: 'osint.source.created',
      target_type: 'osint_source',
      target_id: row.id,
      after: { name, type: input.type, config, interval_minutes: interval, enabled: view.enabled },
    });
    return view;
  });
}

export interface SourcePatch {
  name?: string | undefined;
  config?: unknown;
  interval_minutes?: number | null | undefined;
  enabled?: boolean | undefined;
}

export async function updateSource(
  database: Database,
  actor: Actor,
  id: number,
  patch: SourcePatch,
): Promise<SourceView> {
  return database.transaction(async (session) => {
    const before = await getSourceRow(session.db, id);
    if (!before) throw new NotFoundError('osint.source_not_found', `no source #${id}`);
    const changes: Record<string, unknown> = {};
    if (patch.name !== undefined) {
      const name = checkName(patch.name);
      const other = await findSourceByName(session.db, name);
      if (other && other.id !== id)
        throw new AppError('osint.source_exists', `a source named "${name}" exists already`, 409);
      changes.name = name;
    }
    if (patch.config !== undefined)
      changes.config = JSON.stringify(parseSourceConfig(before.type, patch.config));
    if (patch.interval_minutes !== undefined) {
      changes.interval_minutes = patch.interval_minutes;
      changes.next_run_at = patch.interval_minutes ? new Date() : null;
    }
    if (patch.enabled !== undefined) changes.enabled = patch.enabled;
    const row = await session.db
      .updateTable('osint_sources')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const pick = (r: SourceRow) => ({
      name: r.name,
      config: r.config,
      interval_minutes: r.interval_minutes,
      enabled: r.enabled,
    });
    await appendAudit(session, actor, {
      action: 'osint.source.updated',
      target_type: 'osint_source',
      target_id: id,
      before: pick(before),
      after: pick(row),
    });
    return toSourceView(row);
  });
}

/** Removes a source that never collected anything; one with evidence can only be disabled (evidence stays). */
export async function deleteSource(database: Database, actor: Actor, id: number): Promise<void> {
  await database.transaction(async (session) => {
    const before = await getSourceRow(session.db, id);
    if (!before) throw new NotFoundError('osint.source_not_found', `no source #${id}`);
    const used = await session.db
      .selectFrom('osint_evidence')
      .select('id')
      .where('source_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        'osint.source_has_evidence',
        `source #${id} has collected evidence, which is kept: disable the source instead`,
        409,
      );
    await session.db.deleteFrom('osint_sources').where('id', '=', id).execute();
    await appendAudit(session, actor, {
      action: 'osint.source.deleted',
      target_type: 'osint_source',
      target_id: id,
      before: { name: before.name, type: before.type, config: before.config },
    });
  });
}

export interface SourceFilters {
  type?: SourceType | undefined;
  enabled?: boolean | undefined;
  q?: string | undefined;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listSources(
  db: Kysely<DB>,
  filters: SourceFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: SourceView[] }> {
  let q = db.selectFrom('osint_sources');
  if (filters.type) q = q.where('type', '=', filters.type);
  if (filters.enabled !== undefined) q = q.where('enabled', '=', filters.enabled);
  if (filters.q) q = q.where(sql<boolean>`name ilike ${`%${likeEscape(filters.q)}%`} escape '\\'`);
  const { total, rows } = await offsetPage(q, (query) => query.selectAll().orderBy('id'), page);
  return { total, items: rows.map(toSourceView) };
}

/** Sources whose next run is due and that are not running (a run older than two hours is taken as dead). */
export async function dueSources(db: Kysely<DB>, now = new Date()) {
  const stale = new Date(now.getTime() - 2 * 3600_000);
  return db
    .selectFrom('osint_sources')
    .selectAll()
    .where('enabled', '=', true)
    .where('interval_minutes', 'is not', null)
    .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now)]))
    .where((eb) => eb.or([eb('running_job_id', 'is', null), eb('running_since', '<', stale)]))
    .orderBy('next_run_at')
    .execute();
}

/**
 * Marks a due source as started (its next run moves one interval on) unless another tick got there first.
 * Returns false when it was not due any more.
 */
export async function claimDueSource(
  db: Kysely<DB>,
  id: number,
  jobId: string,
  now = new Date(),
): Promise<boolean> {
  const stale = new Date(now.getTime() - 2 * 3600_000);
  const row = await db
    .updateTable('osint_sources')
    .set({
      running_job_id: jobId,
      running_since: now,
      next_run_at: sql`${now}::timestamptz + make_interval(mins => interval_minutes)`,
    })
    .where('id', '=', id)
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('running_job_id', 'is', null), eb('running_since', '<', stale)]))
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function releaseSource(db: Kysely<DB>, id: number, jobId: string): Promise<void> {
  await db
    .updateTable('osint_sources')
    .set({ running_job_id: null, running_since: null })
    .where('id', '=', id)
    .where('running_job_id', '=', jobId)
    .execute();
}

/** The built-in source that investigators' submitted URLs are collected under. */
export const SUBMITTED_SOURCE = 'submitted-urls';

export async function submittedUrlSource(database: Database, actor: Actor): Promise<SourceView> {
  const row = await findSourceByName(database.db, SUBMITTED_SOURCE);
  if (row) return toSourceView(row);
  try {
    return await createSource(database, actor, { name: SUBMITTED_SOURCE, type: 'url', config: {} });
  } catch (error) {
    if ((error as AppError).code === 'osint.source_exists')
      return toSourceView((await findSourceByName(database.db, SUBMITTED_SOURCE))!);
    throw error;
  }
}
