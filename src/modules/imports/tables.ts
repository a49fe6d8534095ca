/**
 * The imports module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';

export interface ImportsTable {
  id: Id;
  kind: 'declarations' | 'manifests' | 'payments' | 'companies' | 'trademarks';
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

declare module '../../platform/db/schema.ts' {
  interface DB {
    imports: ImportsTable;
  }
}
