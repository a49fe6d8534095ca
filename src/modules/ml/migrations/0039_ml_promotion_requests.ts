/**
 * Four-eyes promotion of models (docs/decisions/0039-four-eyes.md): a request to make a model the active one of
 * its target, with the card's evaluation on the period after training (kept as it was shown), decided by a second
 * user. At most one pending request per model.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table model_promotion_requests (
    id bigint generated always as identity primary key,
    model_id bigint not null references model_versions (id),
    target text not null,
    active_model_id bigint references model_versions (id),
    evaluation jsonb not null,
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
  await sql`create unique index model_promotion_requests_pending on model_promotion_requests (model_id)
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table model_promotion_requests`.execute(db);
}
