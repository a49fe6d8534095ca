/**
 * The demo's link analysis (docs/graph.md, "Demo"): the planted network of the graph's tests — online sellers on
 * TikTok and Instagram ("HighCopy Casa", alerts confirmed) sharing a phone with the manager of an importing
 * company (ATLASIMP, Atlas Trading) whose declarations are under-valued, its warehouse in Casablanca, a sister
 * company whose manager is the same person written differently, an unrelated importer — then the manager, a
 * warehouse keeper and a foreign sales agent (demo/graph/persons.csv), a vehicle and a lorry (vehicles.csv) and the
 * warehouse and a flat the manager owns (properties.csv), imported like any file; and last the graph is built.
 * Everything goes through the modules' ordinary functions (validated, audited). Loading twice changes nothing.
 */
import { join } from 'node:path';
import { buildGraph, PLANTED, PLANTED_SOURCE, plantNetwork } from '../../modules/graph/index.ts';
import { findSourceByName } from '../../modules/osint/index.ts';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Database } from '../../platform/db/database.ts';
import type { TargetName } from '../../platform/ingest/profile.ts';
import type { ImportSummary } from '../../platform/ingest/run.ts';
import { DEMO_ACTOR, DEMO_DIR, importDemoFile } from './demo.ts';

export const GRAPH_DEMO_FILES: { target: TargetName; file: string }[] = [
  { target: 'persons', file: 'graph/persons.csv' },
  { target: 'vehicles', file: 'graph/vehicles.csv' },
  { target: 'properties', file: 'graph/properties.csv' },
];

/** Where to start in the demo: the online seller's phone, the importer, the manager (`vigie graph show KEY`). */
export const GRAPH_DEMO_KEYS = {
  phone: `phone:${PLANTED.phone}`,
  importer: `company:${PLANTED.importer}`,
  manager: 'person:cin:BK123456',
};

export interface DemoGraph {
  planted: boolean;
  imports: ImportSummary[];
  build: Awaited<ReturnType<typeof buildGraph>>;
}

export async function loadDemoGraph(database: Database): Promise<DemoGraph> {
  let planted = false;
  if (!(await findSourceByName(database.db, PLANTED_SOURCE))) {
    await plantNetwork(database);
    planted = true;
  }
  const imports: ImportSummary[] = [];
  for (const { target, file } of GRAPH_DEMO_FILES) {
    const summary = await importDemoFile(
      database,
      target,
      join(DEMO_DIR, file),
      'native',
      `demo file ${file}`,
    );
    imports.push(summary);
  }
  const build = await buildGraph(database);
  if (build.read > 0)
    await appendAudit(database, DEMO_ACTOR, { action: 'graph.built', target_type: 'graph', after: build });
  return { planted, imports, build };
}
