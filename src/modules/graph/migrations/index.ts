/** The graph module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0014 from './0014_graph.ts';

export const graphMigrations: Record<string, Migration> = {
  '0014_graph': m0014,
};
