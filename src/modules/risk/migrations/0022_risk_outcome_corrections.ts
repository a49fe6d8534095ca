/**
 * Corrections of officer outcomes (decision 0022): a second outcome on an item already controlled is refused unless
 * it is an explicit correction with a reason. The correction is a new outcome row (the one in force: readers take an
 * item's latest outcome); the first is kept; this table links the two with the reason, the officer and the time.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table risk_outcome_corrections (
    id bigint generated always as identity primary key,
    item_id bigint not null references declaration_items (id) on delete cascade,
    outcome_id bigint not null references inspection_outcomes (id) on delete cascade,
    correction_id bigint not null unique references inspection_outcomes (id) on delete cascade,
    reason text not null check (length(reason) >= 5),
    officer text not null,
    at timestamptz not null default now()
  )`.execute(db);
  await sql`create index risk_outcome_corrections_outcome on risk_outcome_corrections (outcome_id)`.execute(
    db,
  );
  await sql`create index risk_outcome_corrections_item on risk_outcome_corrections (item_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table risk_outcome_corrections`.execute(db);
}
