/**
 * Evidence whose posts are gone may lose its content under the retention policy while its record stays: the
 * hashes (content SHA-256 and record hash), the address and the time of collection remain, so that what was
 * collected, and that it was not altered while kept, can still be shown. `purged_at` says when; the immutability
 * triggers now let exactly that through — setting `purged_at` once with the content emptied, then deleting the
 * chunks of a purged row — and refuse everything else as before.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  'alter table osint_evidence add column purged_at timestamptz',
  'alter table osint_evidence drop constraint osint_evidence_check',
  `alter table osint_evidence add constraint osint_evidence_content_check
     check (purged_at is not null or (content is null) = chunked)`,
  `create or replace function osint_evidence_refuse() returns trigger language plpgsql as $$
   begin
     -- Nested: a row of the chunks table has no purged_at, and plpgsql would fail reading it there.
     if tg_op = 'UPDATE' and tg_table_name = 'osint_evidence' then
       if old.purged_at is null and new.purged_at is not null and new.content is null
          and (to_jsonb(new) - 'purged_at' - 'content') = (to_jsonb(old) - 'purged_at' - 'content') then
         return new;
       end if;
     end if;
     if tg_op = 'DELETE' and tg_table_name = 'osint_evidence_chunks' then
       if exists (select 1 from osint_evidence e where e.id = old.evidence_id and e.purged_at is not null) then
         return old;
       end if;
     end if;
     raise exception 'evidence is immutable: % on % refused', tg_op, tg_table_name using errcode = '42501';
   end $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
