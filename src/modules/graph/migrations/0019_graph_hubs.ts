/**
 * Over-correlation control (docs/graph.md, "Hubs and exclusions"): the editable exclusion list (values that never
 * link: `type` + `key` as stored on graph_entities, with who added it and why), and `hub_kept` on entities, set
 * when an analyst clears a hub mark so that the automatic marking by degree leaves the entity linking.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table graph_exclusions (
       type text not null,
       key text not null,
       note text not null,
       created_by text not null,
       created_at timestamptz not null default now(),
       primary key (type, key)
     )`,
    'alter table graph_entities add column hub_kept boolean not null default false',
  ])
    await sql.raw(statement).execute(db);
}
