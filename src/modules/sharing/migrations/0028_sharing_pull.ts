/**
 * The pull (docs/decisions/0028-sharing-faults.md): how far this installation has read each partner's feed of
 * messages for it (the partner's outbox id of the last one received), so that a pull asks only for what is new.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sharing_partners add column pull_cursor bigint not null default 0`.execute(db);
}
