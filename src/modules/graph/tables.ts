/**
 * The graph module's tables, as Kysely sees them (kept by hand in step with migrations/); they join the platform's
 * `DB` interface. Only this module queries them.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';

export interface GraphEntitiesTable {
  id: Id;
  type: string;
  key: string;
  label: string;
  attributes: JSONColumnType<Record<string, unknown>>;
  source_table: string | null;
  source_id: string | null;
  manual: Generated<boolean>;
  note: string | null;
  merged_into: number | null;
  hub: Generated<boolean>;
  hub_kept: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GraphLinksTable {
  id: Id;
  from_id: number;
  to_id: number;
  type: string;
  source_table: string;
  source_id: string;
  first_seen: string | null;
  last_seen: string | null;
  weight: Generated<number>;
  confidence: Generated<number>;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

export interface GraphSuggestionsTable {
  id: Id;
  entity_a: number;
  entity_b: number;
  score: number;
  reasons: JSONColumnType<string[]>;
  status: Generated<SuggestionStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  created_at: Timestamp;
}

export interface GraphMergesTable {
  id: Id;
  entity_id: number;
  into_id: number;
  suggestion_id: number | null;
  merged_by: string;
  merged_at: Timestamp;
  split_by: string | null;
  split_at: Date | null;
}

export interface GraphBuildStateTable {
  source: string;
  cursor: JSONColumnType<Record<string, unknown> | null>;
  rows_read: Generated<number>;
  updated_at: Timestamp;
}

/** A person, vehicle or property record as last imported (graph_persons, graph_vehicles, graph_properties). */
export interface GraphRecordsTable {
  id: Id;
  key: string;
  data: JSONColumnType<Record<string, unknown>>;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A value that never links (graph_exclusions). */
export interface GraphExclusionsTable {
  type: string;
  key: string;
  note: string;
  created_by: string;
  created_at: Timestamp;
}

/** A saved chart (graph_networks): its entities with positions; the links are read when it is opened. */
export interface SavedNode {
  id: number;
  x: number;
  y: number;
  pinned?: boolean;
}

export interface GraphNetworksTable {
  id: Id;
  name: string;
  note: Generated<string>;
  start_key: string | null;
  filters: JSONColumnType<Record<string, unknown>>;
  nodes: JSONColumnType<SavedNode[]>;
  node_count: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    graph_build_state: GraphBuildStateTable;
    graph_entities: GraphEntitiesTable;
    graph_exclusions: GraphExclusionsTable;
    graph_links: GraphLinksTable;
    graph_merges: GraphMergesTable;
    graph_networks: GraphNetworksTable;
    graph_persons: GraphRecordsTable;
    graph_properties: GraphRecordsTable;
    graph_vehicles: GraphRecordsTable;
    graph_suggestions: GraphSuggestionsTable;
  }
}
