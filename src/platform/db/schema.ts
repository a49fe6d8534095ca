/**
 * Kysely's view of the tables. `DB` holds the platform's own tables (the audit trail, uploads, job runs); each
 * module adds its tables to it from its own `tables.ts` (TypeScript interface merging), so that the platform names
 * no module's tables while every query stays typed. Kept by hand in step with the migrations. Dates are
 * 'YYYY-MM-DD' strings and numeric columns JavaScript numbers (see the type parsers in database.ts).
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AuditContent } from '../audit/chain.ts';
import type { TargetName } from '../ingest/profile.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Id = Generated<number>;

/** An audit entry: what was hashed (`AuditContent`, with `at` as a date), its place in the chain and its seal. */
export interface AuditLogTable extends Omit<AuditContent, 'at'> {
  seq: Generated<number>;
  at: Date;
  prev_hash: string;
  hash: string;
  key_id: string | null;
  seal: string | null;
}

export interface UploadsTable {
  id: Id;
  file_name: string;
  bytes: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Timestamp;
  key: Generated<string>;
  owner: Generated<string>;
  read_permission: Generated<string>;
  expires_at: Date | null;
}

export interface UploadChunksTable {
  upload_id: number;
  seq: number;
  data: Uint8Array;
}

export type JobState = 'queued' | 'running' | 'retrying' | 'completed' | 'failed' | 'cancelled';

export interface JobRunsTable {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  params: JSONColumnType<Record<string, unknown>>;
  done: Generated<number>;
  total: number | null;
  unit: string | null;
  message: string | null;
  result: unknown;
  error: string | null;
  attempts: Generated<number>;
  cancel_requested: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Timestamp;
  worker: string | null;
  heartbeat_at: Date | null;
}

/** One row per successful import run (the ingest engine writes it): file, hash, profile, mode, counts. */
export interface ImportsTable {
  id: Id;
  kind: TargetName;
  file_name: string;
  file_sha256: string | null;
  file_bytes: number | null;
  format: string;
  profile: string;
  mode: 'atomic' | 'skip_invalid';
  rows_read: Generated<number>;
  rows_rejected: Generated<number>;
  counts: JSONColumnType<Record<string, number>>;
  started_at: Timestamp;
  finished_at: Date | null;
  started_by: string | null;
}

/** A record that no purge may remove until the hold is released (migration 0009). */
export interface LegalHoldsTable {
  id: Id;
  target_type: string;
  target_id: string;
  reason: string;
  placed_by: string;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Date | null;
}

/** Every table: the platform's here, the modules' added by their `tables.ts`. */
export interface DB {
  legal_holds: LegalHoldsTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  job_runs: JobRunsTable;
  upload_chunks: UploadChunksTable;
  uploads: UploadsTable;
}
