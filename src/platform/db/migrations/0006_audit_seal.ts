/**
 * Audit entries sealed with a key kept outside the database: `key_id` names the key (a hash of it, never the key)
 * and `seal` is HMAC-SHA-256 of the entry's hash (src/modules/audit/chain.ts). Entries written before this
 * migration keep no seal: the hash chain alone protects them. The append-only triggers stay as they are.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column key_id text, add column seal text`.execute(db);
}
