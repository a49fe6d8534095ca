/**
 * Empties every osint table, for tests. Evidence refuses TRUNCATE (like the audit trail): the test does what only
 * the tables' owner bypassing that protection could, and puts the protection back.
 */
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';

const TABLES = [
  'osint_confirmations',
  'osint_alerts',
  'osint_watch_terms',
  'osint_item_identifiers',
  'osint_identifiers',
  'osint_captures',
  'osint_item_bands',
  'osint_items',
  'osint_sellers',
  'osint_evidence_chunks',
  'osint_evidence',
  'osint_runs',
  'osint_sources',
  'osint_models',
];

export async function resetOsint(database: Database): Promise<void> {
  await sql`alter table osint_evidence disable trigger user`.execute(database.db);
  await sql`alter table osint_evidence_chunks disable trigger user`.execute(database.db);
  try {
    await sql.raw(`truncate ${TABLES.join(', ')} restart identity cascade`).execute(database.db);
  } finally {
    await sql`alter table osint_evidence enable trigger user`.execute(database.db);
    await sql`alter table osint_evidence_chunks enable trigger user`.execute(database.db);
  }
}

/** Runs a statement with the evidence protection lifted (to tamper with evidence in tests). */
export async function withoutEvidenceProtection(database: Database, statement: string): Promise<void> {
  await sql`alter table osint_evidence disable trigger user`.execute(database.db);
  await sql`alter table osint_evidence_chunks disable trigger user`.execute(database.db);
  try {
    await sql.raw(statement).execute(database.db);
  } finally {
    await sql`alter table osint_evidence enable trigger user`.execute(database.db);
    await sql`alter table osint_evidence_chunks enable trigger user`.execute(database.db);
  }
}
