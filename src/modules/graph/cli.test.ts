import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { buildGraph } from './build.ts';
import { registerGraphCli } from './cli.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

describeEachDatabase('vigie graph export', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-graph-cli-'));
  const out = captureOutput();
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const vigie = (...args: string[]) =>
    runCliInProcess(t.database, dir, registerGraphCli, args, { quietErrors: true });

  it('refuses an unknown format and an unknown entity', async () => {
    await expect(
      vigie('graph', 'export', `company:${PLANTED.importer}`, '--format', 'pdf', '--out', join(dir, 'x')),
    ).rejects.toThrow(/Allowed choices are csv, graphml/);
    await expect(vigie('graph', 'export', 'company:NOPE', '--out', join(dir, 'x'))).rejects.toThrow(
      /no entity company:NOPE/,
    );
  });

  it('writes the nodes and edges CSV and the GraphML of a neighbourhood, audited', async () => {
    const base = join(dir, 'network.csv');
    await vigie('graph', 'export', 'phone:06 12 34 56 78', '--depth', '2', '--format', 'csv', '--out', base);
    expect(out.at(-1)).toMatch(/^\d+ entities, \d+ links → .*network\.nodes\.csv, .*network\.edges\.csv$/);
    const nodes = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'network.nodes.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(nodes.find((n) => n.depth === '0')).toMatchObject({ type: 'phone', key: PLANTED.phone });
    expect(nodes.map((n) => n.key)).toContain(PLANTED.importer);
    const graphml = join(dir, 'network.graphml');
    out.length = 0;
    await vigie(
      'graph',
      'export',
      `phone:${PLANTED.phone}`,
      '--format',
      'graphml',
      '--out',
      graphml,
      '--json',
    );
    expect(JSON.parse(out.join(''))).toMatchObject({ files: [graphml], truncated: false });
    expect(readFileSync(graphml, 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<graphml /);
    const audit = await listAudit(t.database.db, {}, { limit: 20, offset: 0 });
    expect(audit.items.filter((e) => e.action === 'graph.exported')).toHaveLength(2);
  });
});
