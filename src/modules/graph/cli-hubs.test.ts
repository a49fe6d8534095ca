import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { buildGraph } from './build.ts';
import { registerGraphCli } from './cli.ts';
import { plantNetwork } from './testing/network.ts';
import { plantSwitchboard, SWITCHBOARD } from './testing/switchboard.ts';

describeEachDatabase('vigie graph hubs, keep, exclude, exclusions, include', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-graph-hubs-cli-'));
  const out = captureOutput();
  beforeAll(async () => {
    await plantNetwork(t.database);
    await plantSwitchboard(t.database);
    await buildGraph(t.database, { hubDegree: 1000 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const vigie = (...args: string[]) =>
    runCliInProcess(t.database, dir, registerGraphCli, args, { quietErrors: true });
  const json = () => JSON.parse(out.join(''));

  it('refuses an exclusion without a note, of a party, and an include of what is not excluded', async () => {
    await expect(vigie('graph', 'exclude', 'email:a@b.example')).rejects.toThrow(/--note/);
    await expect(vigie('graph', 'exclude', 'company:ATLASIMP', '--note', 'n')).rejects.toThrow(
      /only identifiers can be excluded/,
    );
    await expect(vigie('graph', 'include', 'email:none@x.example')).rejects.toThrow(/is not excluded/);
    await expect(vigie('graph', 'keep', '1')).rejects.toThrow(/--reason/);
  });

  it('marks by degree on demand, lists, keeps, excludes and includes, audited', async () => {
    await vigie('graph', 'hubs', '--json');
    expect(json()).toEqual([]);
    out.length = 0;
    await vigie('graph', 'hubs', '--mark', '--degree', '25', '--json');
    const marked = json();
    expect(marked.marked).toBe(1);
    expect(marked.hubs[0]).toMatchObject({ type: 'phone', key: SWITCHBOARD.phone, degree: 30 });
    out.length = 0;
    await vigie('graph', 'keep', String(marked.hubs[0].id), '--reason', 'one group');
    expect(out.at(-1)).toBe(`phone:${SWITCHBOARD.phone} links again (30 links)`);
    out.length = 0;
    await vigie('graph', 'exclude', 'phone:05 22 00 00 02', '--note', 'a bank call centre');
    expect(out.at(-1)).toBe('phone:+212522000002 excluded: it no longer links');
    out.length = 0;
    await vigie('graph', 'exclusions', '--json');
    expect(json()).toMatchObject([{ type: 'phone', key: '+212522000002', note: 'a bank call centre' }]);
    out.length = 0;
    await vigie('graph', 'include', 'phone:+212522000002', '--note', 'mistake');
    out.length = 0;
    await vigie('graph', 'exclusions', '--json');
    expect(json()).toEqual([]);
    const audit = await listAudit(t.database.db, {}, { limit: 50, offset: 0 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['graph.hub.kept', 'graph.exclusion.added', 'graph.exclusion.removed']),
    );
  });
});
