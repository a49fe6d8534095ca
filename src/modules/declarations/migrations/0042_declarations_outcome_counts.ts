/**
 * Outcome counts kept on the declaration row (docs/decisions/0042-declaration-outcome-counts.md): the list shows,
 * for each declaration, how many of its items were inspected and how many found fraud or critical fraud. Counting
 * them at read time cost two index lookups and an aggregate per row of every page — on PGlite, which serves one
 * query at a time, half of a page's time at 1,000,000 declarations. The counts now live on the row:
 * - the import writes them with the declaration (it holds the outcomes in hand) and says so to the trigger by the
 *   transaction-local setting `vigie.outcome_counts = 'written'`, so that a bulk load writes each row once;
 * - every other change of outcomes (an officer's outcome, a correction, a purge, plain SQL) goes through statement
 *   triggers that recount the declarations touched and update only the rows whose counts changed.
 * The counts keep the meaning the list gave them: items with at least one outcome, with at least one fraud outcome,
 * with at least one critical outcome (a corrected outcome still counts, as it did).
 */
import { type Kysely, sql } from 'kysely';

const RECOUNT = (changed: string) => `
  update declarations d
     set inspected_items = c.inspected, fraud_items = c.fraud, critical_items = c.critical
    from (select t.declaration_id,
                 count(distinct o.item_id)::int as inspected,
                 count(distinct o.item_id) filter (where o.result = 'fraud')::int as fraud,
                 count(distinct o.item_id) filter (where o.result = 'critical')::int as critical
            from (select distinct i.declaration_id from ${changed} x
                    join declaration_items i on i.id = x.item_id) t
            join declaration_items i on i.declaration_id = t.declaration_id
            left join inspection_outcomes o on o.item_id = i.id
           group by t.declaration_id) c
   where d.id = c.declaration_id
     and (d.inspected_items, d.fraud_items, d.critical_items) is distinct from (c.inspected, c.fraud, c.critical);`;

const statements = [
  `alter table declarations
     add column inspected_items integer not null default 0 check (inspected_items >= 0),
     add column fraud_items integer not null default 0 check (fraud_items >= 0),
     add column critical_items integer not null default 0 check (critical_items >= 0)`,
  // The outcomes already stored: every declaration that has one, recounted as the triggers recount.
  RECOUNT('inspection_outcomes'),
  `create function declarations_outcome_counts() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('vigie.outcome_counts', true), '') = 'written' then
        return null;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        ${RECOUNT('new_outcomes')}
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        ${RECOUNT('old_outcomes')}
      end if;
      return null;
    end $$`,
  `create trigger declarations_outcome_counts_insert after insert on inspection_outcomes
     referencing new table as new_outcomes for each statement execute function declarations_outcome_counts()`,
  `create trigger declarations_outcome_counts_update after update on inspection_outcomes
     referencing old table as old_outcomes new table as new_outcomes
     for each statement execute function declarations_outcome_counts()`,
  `create trigger declarations_outcome_counts_delete after delete on inspection_outcomes
     referencing old table as old_outcomes for each statement execute function declarations_outcome_counts()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql
      .raw(`drop trigger if exists declarations_outcome_counts_${op} on inspection_outcomes`)
      .execute(db);
  await sql`drop function if exists declarations_outcome_counts()`.execute(db);
  await sql`alter table declarations drop column inspected_items, drop column fraud_items,
    drop column critical_items`.execute(db);
}
