/**
 * Parcels, second step (docs/decisions/0029-parcels-speed-and-queue.md):
 * - scoring writes a million scores in one statement: the scores' foreign keys (to the parcel, to the run) cost
 *   a lookup and a row lock per score — more than the write itself (measured, bench suite `parcels`). Scores are
 *   derived rows written by that statement from the parcels it reads in the same transaction, runs are never
 *   deleted, and a parcel's deletion takes its score with it (`parcel_scores_parcel_delete` below, one statement
 *   per deletion rather than a check per score written);
 * - the referred queue's index holds the referred scores only (about one parcel in a hundred);
 * - a parcel found to hold seized goods is linked to its seizure (the cases module's record, by id and
 *   reference): repeat senders with past seizures become an indicator.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  'alter table parcel_scores drop constraint if exists parcel_scores_parcel_id_fkey',
  'alter table parcel_scores drop constraint if exists parcel_scores_run_id_fkey',
  `create function parcel_scores_parcel_delete() returns trigger language plpgsql as $$
    begin
      delete from parcel_scores s using old_parcels o where s.parcel_id = o.id;
      return null;
    end $$`,
  `create trigger parcel_scores_parcel_delete after delete on parcels
    referencing old table as old_parcels for each statement execute function parcel_scores_parcel_delete()`,
  'drop index if exists parcel_scores_referred_idx',
  'create index parcel_scores_referred_idx on parcel_scores (score desc, parcel_id) where referred',
  `create table parcel_seizures (
    parcel_id bigint primary key references parcels (id) on delete cascade,
    seizure_id bigint not null,
    seizure_reference text not null,
    seized_on date not null,
    description text not null,
    linked_by text not null,
    linked_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists parcel_seizures`.execute(db);
  await sql`drop trigger if exists parcel_scores_parcel_delete on parcels`.execute(db);
  await sql`drop function if exists parcel_scores_parcel_delete()`.execute(db);
  await sql`drop index if exists parcel_scores_referred_idx`.execute(db);
  await sql`create index parcel_scores_referred_idx on parcel_scores (referred, score desc)`.execute(db);
  await sql`delete from parcel_scores s where not exists (select 1 from parcels p where p.id = s.parcel_id)`.execute(
    db,
  );
  await sql`alter table parcel_scores add foreign key (parcel_id) references parcels (id) on delete cascade`.execute(
    db,
  );
  await sql`alter table parcel_scores add foreign key (run_id) references parcel_score_runs (id)`.execute(db);
}
