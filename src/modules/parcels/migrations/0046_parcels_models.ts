/**
 * Trained parcel models (docs/decisions/0048-parcel-model.md): the serialized model (GBDT trees and the feature
 * vocabularies), its training period and counts, its hold-out figures, and which one is active (at most one, by a
 * partial unique index). Scoring reads the active one; activating is audited.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table parcel_models (
    id bigint generated always as identity primary key,
    name text not null,
    version text not null,
    model jsonb not null,
    from_date date not null,
    to_date date not null,
    parcels int not null,
    frauds int not null,
    metrics jsonb not null,
    active boolean not null default false,
    trained_by text not null,
    trained_at timestamptz not null default now(),
    activated_by text,
    activated_at timestamptz,
    unique (name, version)
  )`,
  `create unique index parcel_models_one_active on parcel_models (active) where active`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists parcel_models`.execute(db);
}
