/**
 * What an examiner found when inspecting a parcel (docs/decisions/0021-parcels.md, "Inspection outcomes"): one
 * outcome per parcel — compliant, fraud (with its type) or not found (the goods were not presented) —, the value
 * found, a note, when and by whom. The primary key on the parcel is what refuses a second outcome, even when two
 * examiners save at once.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table parcel_inspections (
    parcel_id bigint primary key references parcels (id) on delete cascade,
    examiner text not null check (length(examiner) between 1 and 64),
    result text not null check (result in ('compliant', 'fraud', 'not_found')),
    fraud_type text check (fraud_type in ('counterfeit', 'health_risk', 'undervaluation', 'prohibited', 'other')),
    found_value numeric(14, 2) check (found_value >= 0),
    found_currency text check (found_currency ~ '^[A-Z]{3}$'),
    note text,
    inspected_at timestamptz not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    check ((result = 'fraud') = (fraud_type is not null)),
    check ((found_value is null) = (found_currency is null)),
    check (result <> 'not_found' or found_value is null)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists parcel_inspections`.execute(db);
}
