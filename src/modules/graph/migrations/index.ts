/** The graph module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0014 from './0014_graph.ts';
import * as m0017 from './0017_graph_records.ts';
import * as m0019 from './0019_graph_hubs.ts';
import * as m0026 from './0026_graph_walk_indexes.ts';
import * as m0034 from './0034_graph_networks.ts';

export const graphMigrations: Record<string, Migration> = {
  '0014_graph': m0014,
  '0017_graph_records': m0017,
  '0019_graph_hubs': m0019,
  '0026_graph_walk_indexes': m0026,
  '0034_graph_networks': m0034,
};
