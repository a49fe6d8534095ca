/**
 * Outcome history by key and day (docs/decisions/0045-outcome-history-by-key.md): the risk indicators
 * `history.<dim>.*` count, for a declaration, the earlier inspections, frauds and critical frauds of its importer,
 * declarant, seller, HS6, HS6 × origin and identical goods, known strictly before its lodgement date. A single
 * scoring read every such outcome (thousands for a busy declarant or HS6: 25–37 ms on PostgreSQL); it now sums at
 * most one row per day and key of `outcome_history`.
 *
 * A row holds, for one key of one dimension and one day (the inspection date, else the lodgement date of the
 * inspected declaration), how many items had their outcome in force known that day, and how many of those were
 * fraud (fraud or critical) and critical. An item counts once, by its latest outcome (a correction replaces the
 * first), as the indicators always counted.
 *
 * Kept by statement triggers on `inspection_outcomes`, as deltas: for the items a statement touched, the
 * contribution of their outcome in force after it, minus the one before it (the rows the statement added are left
 * out, the rows it removed or changed put back). Two writers of the same item must take turns (the officer's
 * outcome takes the item's advisory lock first, and the import only adds outcomes to the items it creates): the
 * second then sees the first's rows. The import's own outcomes (migration 0042's setting `vigie.outcome_counts =
 * 'written'`) are all of items it has just created: only added, without looking for earlier ones. Deleting items (a purge) rebuilds the table from the outcomes, as the keys of
 * the deleted outcomes can no longer be read.
 */
import { type Kysely, sql } from 'kysely';

/**
 * Each outcome's keys: the same texts as `outcomeHistoryKey` in outcome-history.ts. Numbers read as
 * `trim_scale(…)::text` (1234.50 → 1234.5), which is also how JavaScript writes them.
 */
const KEYS = `(values
      ('importer', d.importer_code),
      ('declarant', d.declarant_code),
      ('seller', d.seller_code),
      ('hs6', substr(i.hs_code, 1, 6)),
      ('hs6_origin', substr(i.hs_code, 1, 6) || '|' || i.origin_country),
      ('same_goods', substr(i.hs_code, 1, 6) || '|' || coalesce(i.origin_country, '') || '|' ||
         trim_scale(i.customs_value)::text || '|' || coalesce(trim_scale(i.net_mass_kg)::text, ''))
    ) k(dim, key)`;

/** Each item's outcome in force among `outcomes`, with its sign. */
const IN_FORCE = (outcomes: string, sign: number) => `
  (select distinct on (o.item_id) o.item_id, o.inspected_on, o.result, ${sign} as sign
     from ${outcomes} o
    order by o.item_id, o.id desc)`;

/** Rows of `outcome_history` for signed outcomes (item_id, inspected_on, result, sign). */
const CONTRIBUTIONS = (signed: string) => `
  select k.dim, k.key, coalesce(s.inspected_on, d.lodged_on) as day,
         sum(s.sign)::int as inspected,
         sum(s.sign) filter (where s.result <> 'compliant')::int as frauds,
         sum(s.sign) filter (where s.result = 'critical')::int as critical
    from (${signed}) s
    join declaration_items i on i.id = s.item_id
    join declarations d on d.id = i.declaration_id
   cross join lateral ${KEYS}
   where k.key is not null
   group by 1, 2, 3`;

const ADD = (rows: string) => `
  insert into outcome_history as h (dim, key, day, inspected, frauds, critical)
  select dim, key, day, inspected, coalesce(frauds, 0), coalesce(critical, 0) from (${rows}) c
   where (inspected, coalesce(frauds, 0), coalesce(critical, 0)) <> (0, 0, 0)
  on conflict (dim, key, day) do update
     set inspected = h.inspected + excluded.inspected, frauds = h.frauds + excluded.frauds,
         critical = h.critical + excluded.critical`;

/**
 * The change of a statement: for the items it touched, their outcome in force now minus the one before. `added` and
 * `removed` are its transition tables (or null for an insert's old rows and a delete's new ones).
 */
const DELTA = (added: string | null, removed: string | null) => {
  const touched = [added, removed]
    .filter((t): t is string => t !== null)
    .map((t) => `select item_id from ${t}`)
    .join(' union ');
  const now = `(select o.* from inspection_outcomes o where o.item_id in (${touched}))`;
  const before = `(select o.* from inspection_outcomes o where o.item_id in (${touched})
      ${added ? `and o.id not in (select id from ${added})` : ''}
      ${removed ? `union all select * from ${removed}` : ''})`;
  return `${ADD(CONTRIBUTIONS(`${IN_FORCE(now, 1)} union all ${IN_FORCE(before, -1)}`))};
    delete from outcome_history where (inspected, frauds, critical) = (0, 0, 0);`;
};

const FILL = ADD(CONTRIBUTIONS(IN_FORCE('inspection_outcomes', 1)));
const REBUILD = `delete from outcome_history; ${FILL};`;

const statements = [
  `create table outcome_history (
     dim text not null,
     key text not null,
     day date not null,
     inspected integer not null,
     frauds integer not null,
     critical integer not null,
     primary key (dim, key, day)
   )`,
  FILL,
  `create function outcome_history_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' and coalesce(current_setting('vigie.outcome_counts', true), '') = 'written' then
        -- The import's outcomes (its writer set this, migration 0042): all of items it has just created, which
        -- had none before. No earlier outcome to take back.
        ${ADD(CONTRIBUTIONS(IN_FORCE('new_outcomes', 1)))};
      elsif tg_op = 'INSERT' then
        ${DELTA('new_outcomes', null)}
      elsif tg_op = 'UPDATE' then
        ${DELTA('new_outcomes', 'old_outcomes')}
      else
        ${DELTA(null, 'old_outcomes')}
      end if;
      return null;
    end $$`,
  `create trigger outcome_history_insert after insert on inspection_outcomes
     referencing new table as new_outcomes for each statement execute function outcome_history_change()`,
  `create trigger outcome_history_update after update on inspection_outcomes
     referencing old table as old_outcomes new table as new_outcomes
     for each statement execute function outcome_history_change()`,
  `create trigger outcome_history_delete after delete on inspection_outcomes
     referencing old table as old_outcomes for each statement execute function outcome_history_change()`,
  `create function outcome_history_rebuild() returns trigger language plpgsql as $$
    begin
      ${REBUILD}
      return null;
    end $$`,
  // After the cascade: the deleted items' outcomes are gone, and so are their keys. Only when items went.
  `create function outcome_history_items_gone() returns trigger language plpgsql as $$
    begin
      if exists (select from old_items) then
        ${REBUILD}
      end if;
      return null;
    end $$`,
  `create trigger outcome_history_items_delete after delete on declaration_items
     referencing old table as old_items for each statement execute function outcome_history_items_gone()`,
  `create trigger outcome_history_truncate after truncate on inspection_outcomes
     for each statement execute function outcome_history_rebuild()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger if exists outcome_history_${op} on inspection_outcomes`).execute(db);
  await sql`drop trigger if exists outcome_history_truncate on inspection_outcomes`.execute(db);
  await sql`drop trigger if exists outcome_history_items_delete on declaration_items`.execute(db);
  for (const fn of ['change', 'rebuild', 'items_gone'])
    await sql.raw(`drop function if exists outcome_history_${fn}()`).execute(db);
  await sql`drop table if exists outcome_history`.execute(db);
}
