/**
 * Model cards (docs/decisions/0035-model-cards-and-revenue.md): what an ethics board or an importer's appeal can
 * read about a model — its data, features, evaluation on a later period, bias and drift — generated from the
 * registry entry and kept as generated (a card is regenerated as a new row; the newest counts). Promotion
 * refuses a model without one.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table model_cards (
    id bigint generated always as identity primary key,
    model_id bigint not null references model_versions (id),
    card jsonb not null,
    generated_by text not null,
    generated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index model_cards_model on model_cards (model_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table model_cards`.execute(db);
}
