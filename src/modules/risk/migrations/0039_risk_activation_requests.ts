/**
 * Four-eyes activation of rule profiles (docs/decisions/0039-four-eyes.md): a request to activate a draft, with
 * the figures of the back-test it rests on (kept here: the job result may be purged), decided by a second user.
 * At most one pending request per version.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table risk_activation_requests (
    id bigint generated always as identity primary key,
    profile_id bigint not null references risk_profiles (id),
    profile_name text not null,
    active_profile_id bigint references risk_profiles (id),
    backtest_job text not null,
    backtest jsonb not null,
    status text not null default 'pending'
      check (status in ('pending', 'approved', 'rejected', 'stale')),
    reason text not null,
    requested_by text not null,
    requested_by_id bigint,
    requested_at timestamptz not null default now(),
    decided_by text,
    decided_by_id bigint,
    decision_reason text,
    decided_at timestamptz
  )`.execute(db);
  await sql`create unique index risk_activation_requests_pending on risk_activation_requests (profile_id)
    where status = 'pending'`.execute(db);
  await sql`create index risk_activation_requests_status on risk_activation_requests (status, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table risk_activation_requests`.execute(db);
}
