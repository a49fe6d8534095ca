/**
 * Exploration replays (docs/decisions/0040-mixed-ranking-and-replay.md): the week-by-week replay of exploitation
 * against exploration (random or uncertainty share) run as a job from the API; its results are kept here, per
 * strategy and week, so that the targeting cell can read them after the job's record is purged.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table model_replays (
    id bigint generated always as identity primary key,
    job_id text not null unique,
    model_id bigint references model_versions (id),
    period_from text not null,
    period_to text not null,
    exploration_share double precision not null check (exploration_share >= 0 and exploration_share <= 1),
    inspection_rate double precision not null check (inspection_rate > 0 and inspection_rate <= 1),
    strategies jsonb not null,
    lines integer not null,
    results jsonb not null,
    created_by bigint,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index model_replays_created on model_replays (id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table model_replays`.execute(db);
}
