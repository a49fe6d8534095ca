/**
 * Corrections of parcel inspection outcomes (docs/decisions/0021-parcels.md, "Correcting an outcome"): the row of
 * `parcel_inspections` stays the outcome in force (every reader — workload, "my inspections", scoring — reads it
 * alone); each correction first copies the outcome it replaces here, with why, who and when. Nothing recorded is
 * lost: the history of a parcel is these rows in order, then the row in force.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table parcel_inspection_corrections (
    id bigint generated always as identity primary key,
    parcel_id bigint not null references parcels (id) on delete cascade,
    examiner text not null,
    result text not null check (result in ('compliant', 'fraud', 'not_found')),
    fraud_type text,
    found_value numeric(14, 2),
    found_currency text,
    note text,
    inspected_at timestamptz not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    reason text not null check (length(reason) >= 5),
    corrected_by text not null,
    corrected_at timestamptz not null default now()
  )`,
  `create index parcel_inspection_corrections_parcel on parcel_inspection_corrections (parcel_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists parcel_inspection_corrections`.execute(db);
}
