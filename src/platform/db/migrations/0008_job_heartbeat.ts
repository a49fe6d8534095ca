/**
 * Which worker runs a job, and when it last gave a sign of life: a job whose worker died (kill -9, a lost host) is
 * taken up again within a minute, instead of holding until its expiry (30 minutes by default).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table job_runs add column worker text, add column heartbeat_at timestamptz`.execute(db);
}
