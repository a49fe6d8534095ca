/**
 * The valuation module's settings move into a table of its own: they were a row (key 'valuation') of the risk
 * module's `risk_settings`, which made valuation read another module's table while risk already depends on
 * valuation (docs/decisions/0010-table-ownership.md). One row at most; the stored value moves over as it is.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table valuation_settings (
    id smallint primary key default 1 check (id = 1),
    value jsonb not null,
    updated_by text,
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`insert into valuation_settings (value, updated_by, updated_at)
    select value, updated_by, updated_at from risk_settings where key = 'valuation'`.execute(db);
  await sql`delete from risk_settings where key = 'valuation'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`insert into risk_settings (key, value, updated_by, updated_at)
    select 'valuation', value, updated_by, updated_at from valuation_settings
    on conflict (key) do nothing`.execute(db);
  await sql`drop table valuation_settings`.execute(db);
}
