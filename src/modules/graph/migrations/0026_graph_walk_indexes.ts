/**
 * Walking the graph from either end of a link reads the index only (docs/graph.md, "Speed"): links by `to_id` now
 * carry `from_id` too, as the unique key already does the other way round, so that a breadth-first walk over a
 * large component (communities around an entity, `bench/suites/graph-scale.ts`) does not visit the table's pages
 * for the ids; and the few hub entities are found without a scan.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'create index graph_links_to_from on graph_links (to_id, from_id)',
    'drop index graph_links_to',
    'create index graph_entities_hubs on graph_entities (id) where hub',
  ])
    await sql.raw(statement).execute(db);
}
