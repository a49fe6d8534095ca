/**
 * A kind of data kept for a limited time: what it is, its default period, and how to remove what is older than
 * a date (or only count it, for a dry run) without touching what a legal hold protects. Modules contribute their
 * kinds through the module contract (`VigieModule.retention`); the platform brings its own below.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { heldCondition } from './holds.ts';

export interface PurgeResult {
  /** Rows removed (or that would be, in a dry run). */
  removed: number;
  /** Rows old enough but kept by a legal hold or by what still refers to them. */
  kept?: number;
}

export interface RetentionKind {
  name: string;
  /** What is removed and what stays, as an operator reads it. */
  description: string;
  defaultDays: number;
  purge(database: Database, before: Date, options: { dryRun: boolean; now: Date }): Promise<PurgeResult>;
}

/** Runs a count-then-delete pair in one transaction: the dry run stops after the count. */
export async function countThenDelete(
  database: Database,
  count: (db: Database['db']) => Promise<{ removable: number; kept: number }>,
  remove: (db: Database['db']) => Promise<number>,
  dryRun: boolean,
): Promise<PurgeResult> {
  return database.transaction(async (session) => {
    const { removable, kept } = await count(session.db);
    if (dryRun || removable === 0) return { removed: removable, kept };
    return { removed: await remove(session.db), kept };
  });
}

const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

/**
 * Files received for imports and collections, and rejects files, past the date set when they were stored
 * (`VIGIE_UPLOAD_RETENTION_DAYS`); photos and documents of controls have none and stay with their control.
 */
export const uploadsKind: RetentionKind = {
  name: 'uploads',
  description:
    'uploaded files (imports, platform exports, rejects files) past their date; photos and documents of controls are kept with their control',
  defaultDays: 30,
  purge: (database, _before, { dryRun, now }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ removable: number; kept: number }>`
          select count(*) filter (where not ${heldCondition('upload', sql.ref('u.id'))})::int as removable,
                 count(*) filter (where ${heldCondition('upload', sql.ref('u.id'))})::int as kept
          from uploads u where u.expires_at < ${now}`.execute(db);
        return rows[0]!;
      },
      async (db) => {
        const { rows } = await sql<{ n: number }>`
          with gone as (delete from uploads u where u.expires_at < ${now}
                        and not ${heldCondition('upload', sql.ref('u.id'))} returning 1)
          select count(*)::int as n from gone`.execute(db);
        return n(rows);
      },
      dryRun,
    ),
};

/** Finished background jobs: their parameters and results name files and people. */
export const jobRunsKind: RetentionKind = {
  name: 'job_runs',
  description: 'the record of finished background jobs (parameters, progress, results)',
  defaultDays: 180,
  purge: (database, before, { dryRun }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from job_runs
          where state in ('completed', 'failed', 'cancelled') and finished_at < ${before}`.execute(db);
        return { removable: n(rows), kept: 0 };
      },
      async (db) => {
        const { rows } = await sql<{ n: number }>`with gone as (delete from job_runs
          where state in ('completed', 'failed', 'cancelled') and finished_at < ${before} returning 1)
          select count(*)::int as n from gone`.execute(db);
        return n(rows);
      },
      dryRun,
    ),
};

export const PLATFORM_RETENTION: RetentionKind[] = [uploadsKind, jobRunsKind];
