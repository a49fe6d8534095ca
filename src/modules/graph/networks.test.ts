import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { buildGraph } from './build.ts';
import { registerGraphCli } from './cli.ts';
import { mergeByHand } from './resolve.ts';
import { findEntity, writeBatch } from './store.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

interface Node {
  id: number;
  type: string;
  key: string;
  label: string;
  x: number;
  y: number;
  pinned: boolean;
}
interface Edge {
  source: number;
  target: number;
  types: string[];
  evidence: { source_table: string }[];
}
interface Network {
  id: number;
  name: string;
  nodes: Node[];
  edges: Edge[];
  merged: number;
}

/** An e-mail that only online monitoring names (an osint record asserts its only link). */
const ONLINE_ONLY_EMAIL = 'only.online@highcopy.example';
const ONLINE_TYPES = ['online_seller', 'account', 'website'];

describeEachDatabase('saved networks', (t) => {
  let app: TestApp;
  let investigator: Record<string, string>;
  let colleague: Record<string, string>;
  let analyst: Record<string, string>;
  let officer: Record<string, string>;
  /** The chart an investigator saves: depth 2 around the shared phone, with positions. */
  let chart: { id: number; x: number; y: number; pinned?: boolean }[];
  let sellerId: number;
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
    const seller = (
      await t.database.db
        .selectFrom('graph_entities')
        .select('id')
        .where('type', '=', 'online_seller')
        .where('label', 'ilike', `%${PLANTED.seller.split(' ')[0]}%`)
        .executeTakeFirstOrThrow()
    ).id;
    sellerId = Number(seller);
    const sellerRow = await findEntity(t.database.db, sellerId);
    await writeBatch(t.database.db, {
      entities: [
        {
          type: 'email',
          key: ONLINE_ONLY_EMAIL,
          label: ONLINE_ONLY_EMAIL,
          source_table: 'osint_sellers',
          source_id: 'planted-online-only',
        },
      ],
      links: [
        {
          from: { type: 'online_seller', key: sellerRow.key },
          to: { type: 'email', key: ONLINE_ONLY_EMAIL },
          type: 'has_email',
          source_table: 'osint_sellers',
          source_id: 'planted-online-only',
        },
      ],
    });
    app = await testApp(t.database, {}, { jobs: 'queue' });
    investigator = (await userWithToken(t.database, ['investigator'], 'inv1')).headers;
    colleague = (await userWithToken(t.database, ['investigator'], 'inv2')).headers;
    analyst = (await userWithToken(t.database, ['analyst'], 'ana1')).headers;
    officer = (await userWithToken(t.database, ['officer'], 'off1')).headers;
    const around = await app.app.inject({
      method: 'GET',
      url: `/api/graph/neighbours?key=phone:${encodeURIComponent(PLANTED.phone)}&depth=2&max_nodes=500`,
      headers: investigator,
    });
    expect(around.statusCode).toBe(200);
    const nodes = around.json().nodes as { id: number }[];
    const email = await findEntity(t.database.db, `email:${ONLINE_ONLY_EMAIL}`);
    chart = [...new Set([...nodes.map((n) => n.id), email.id])].map((id, i) => ({
      id,
      x: i * 10.5,
      y: 5 - i * 3,
      ...(i === 0 ? { pinned: true } : {}),
    }));
  });
  afterAll(async () => app?.close());

  const inject = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers?: Record<string, string>,
    payload?: unknown,
  ) =>
    app.app.inject({
      method,
      url,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const audits = async (action: string) =>
    (await listAudit(t.database.db, {}, { limit: 200, offset: 0 })).items.filter((e) => e.action === action);

  describe('errors first', () => {
    it('answers 401 without credentials, 403 without graph:read, 404 for an unknown network', async () => {
      expect((await inject('GET', '/api/graph/networks')).statusCode).toBe(401);
      expect((await inject('GET', '/api/graph/networks', officer)).statusCode).toBe(403);
      expect(
        (await inject('POST', '/api/graph/networks', officer, { name: 'x', nodes: [{ id: 1, x: 0, y: 0 }] }))
          .statusCode,
      ).toBe(403);
      const missing = await inject('GET', '/api/graph/networks/999999', investigator);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'graph_network_not_found' });
      expect((await inject('DELETE', '/api/graph/networks/999999', investigator)).statusCode).toBe(404);
      expect((await inject('GET', '/api/graph/networks/999999/export', investigator)).statusCode).toBe(404);
    });

    it('refuses a bad chart with a located error and saves nothing', async () => {
      const bad = [
        { nodes: chart },
        { name: '  ', nodes: chart },
        { name: 'empty', nodes: [] },
        { name: 'nan', nodes: [{ id: chart[0]!.id, x: 'left', y: 0 }] },
        { name: 'extra', nodes: chart, colour: 'red' },
        { name: 'filters', nodes: chart, filters: { types: ['spaceship'] } },
      ];
      for (const payload of bad)
        expect((await inject('POST', '/api/graph/networks', investigator, payload)).statusCode).toBe(400);
      const twice = await inject('POST', '/api/graph/networks', investigator, {
        name: 'twice',
        nodes: [chart[0], chart[1], chart[0]],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json()).toMatchObject({
        code: 'graph_network_duplicate_node',
        message: expect.stringContaining('nodes[2]'),
      });
      const unknown = await inject('POST', '/api/graph/networks', investigator, {
        name: 'unknown',
        nodes: [chart[0], { id: 987654321, x: 0, y: 0 }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({
        code: 'graph_network_unknown_entities',
        message: expect.stringContaining('987654321 (nodes[1])'),
      });
      // An analyst cannot save what online monitoring alone knows: it is "unknown" to them, not revealed.
      const hidden = await inject('POST', '/api/graph/networks', analyst, {
        name: 'hidden',
        nodes: [{ id: sellerId, x: 0, y: 0 }],
      });
      expect(hidden.statusCode).toBe(400);
      expect(hidden.json()).toMatchObject({ code: 'graph_network_unknown_entities' });
      expect((await inject('GET', '/api/graph/networks', investigator)).json()).toMatchObject({ total: 0 });
      expect(await audits('graph.network.saved')).toHaveLength(0);
    });
  });

  describe('save, open, list, export, delete', () => {
    let saved: Network;
    it('saves a chart with its positions, pins and filters, audited', async () => {
      const response = await inject('POST', '/api/graph/networks', investigator, {
        name: 'HighCopy <Casa> & Atlas',
        note: 'from the confirmed TikTok alert',
        start_key: `phone:${PLANTED.phone}`,
        filters: { depth: 2 },
        nodes: chart,
      });
      expect(response.statusCode, response.body).toBe(201);
      saved = response.json();
      expect(saved.name).toBe('HighCopy <Casa> & Atlas');
      expect(saved.nodes).toHaveLength(chart.length);
      const first = saved.nodes.find((n) => n.id === chart[0]!.id)!;
      expect(first).toMatchObject({ x: 0, y: 5, pinned: true });
      expect(saved.nodes.find((n) => n.id === chart[3]!.id)).toMatchObject({ x: 31.5, y: -4, pinned: false });
      expect(saved.nodes.map((n) => n.type)).toContain('online_seller');
      expect(saved.nodes.map((n) => n.key)).toContain(ONLINE_ONLY_EMAIL);
      expect(saved.edges.length).toBeGreaterThan(3);
      expect(saved.edges.flatMap((e) => e.evidence.map((x) => x.source_table))).toContain('osint_sellers');
      const [audit] = await audits('graph.network.saved');
      expect(audit).toMatchObject({
        actor: 'inv1',
        target_type: 'graph_network',
        target_id: String(saved.id),
        after: { name: 'HighCopy <Casa> & Atlas', nodes: chart.length },
      });
    });

    it('lists it and opens it again as saved', async () => {
      const list = (await inject('GET', '/api/graph/networks', analyst)).json();
      expect(list).toMatchObject({
        total: 1,
        items: [
          { id: saved.id, name: saved.name, note: 'from the confirmed TikTok alert', created_by: 'inv1' },
        ],
      });
      const opened = (await inject('GET', `/api/graph/networks/${saved.id}`, investigator)).json() as Network;
      expect(opened.nodes).toEqual(saved.nodes);
      expect(opened.edges.length).toBe(saved.edges.length);
    });

    it('shows an officer without online monitoring neither online-only entities nor online links', async () => {
      const opened = (await inject('GET', `/api/graph/networks/${saved.id}`, analyst)).json() as Network;
      const types = opened.nodes.map((n) => n.type);
      for (const type of ONLINE_TYPES) expect(types).not.toContain(type);
      // Named only by an online-monitoring record: left out too.
      expect(opened.nodes.map((n) => n.key)).not.toContain(ONLINE_ONLY_EMAIL);
      // The shared phone is in the company register too: it stays, without its online links.
      expect(opened.nodes.map((n) => n.key)).toContain(PLANTED.phone);
      expect(opened.nodes.map((n) => n.key)).toContain(PLANTED.importer);
      const ids = new Set(opened.nodes.map((n) => n.id));
      for (const e of opened.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        for (const x of e.evidence) expect(x.source_table).not.toMatch(/^osint_/);
      }
      expect(opened.nodes.length).toBeLessThan(saved.nodes.length);
      expect(opened.edges.length).toBeGreaterThan(0);
      expect(JSON.stringify(opened)).not.toContain(PLANTED.seller);
      // The files too.
      for (const query of ['format=csv&part=nodes', 'format=csv&part=edges', 'format=graphml']) {
        const file = await inject('GET', `/api/graph/networks/${saved.id}/export?${query}`, analyst);
        expect(file.statusCode).toBe(200);
        expect(file.body).not.toContain(PLANTED.seller);
        expect(file.body).not.toContain(ONLINE_ONLY_EMAIL);
        expect(file.body).not.toContain('osint_sellers');
      }
    });

    it('exports the nodes and edges as CSV and the whole as GraphML, audited', async () => {
      const nodes = await inject('GET', `/api/graph/networks/${saved.id}/export?format=csv`, investigator);
      expect(nodes.statusCode).toBe(200);
      expect(nodes.headers['content-type']).toMatch(/^text\/csv/);
      expect(nodes.headers['content-disposition']).toBe(
        `attachment; filename="vigie-saved-network-${saved.id}.nodes.csv"`,
      );
      const rows = Papa.parse<Record<string, string>>(nodes.body, {
        header: true,
        skipEmptyLines: true,
      }).data;
      expect(rows).toHaveLength(saved.nodes.length);
      expect(rows.map((r) => r.key)).toContain(ONLINE_ONLY_EMAIL);
      const edges = await inject(
        'GET',
        `/api/graph/networks/${saved.id}/export?format=csv&part=edges`,
        investigator,
      );
      expect(
        Papa.parse<Record<string, string>>(edges.body, { header: true, skipEmptyLines: true }).data,
      ).toHaveLength(saved.edges.length);
      const graphml = await inject(
        'GET',
        `/api/graph/networks/${saved.id}/export?format=graphml`,
        investigator,
      );
      expect(graphml.headers['content-type']).toMatch(/^application\/graphml\+xml/);
      expect(graphml.body).toContain('HighCopy &lt;Casa&gt; &amp; Atlas');
      expect(graphml.body.match(/<node /g)).toHaveLength(saved.nodes.length);
      const exported = await audits('graph.network.exported');
      expect(exported.length).toBeGreaterThanOrEqual(6);
      expect(exported[0]).toMatchObject({ target_id: String(saved.id), details: { format: 'graphml' } });
      expect(exported.some((e) => (e.details as { osint: boolean }).osint === false)).toBe(true);
    });

    it('draws a saved entity merged since as the entity that stands for it', async () => {
      const byType = new Map<string, Node[]>();
      for (const n of saved.nodes)
        if (n.type !== 'online_seller') byType.set(n.type, [...(byType.get(n.type) ?? []), n]);
      const [a, b] = [...byType.values()].find((nodes) => nodes.length >= 2)!;
      await mergeByHand(t.database, { id: null, name: 'test', ip: null }, b!.id, a!.id, 'same one');
      const opened = (await inject('GET', `/api/graph/networks/${saved.id}`, investigator)).json() as Network;
      expect(opened.merged).toBe(1);
      expect(opened.nodes.map((n) => n.id)).not.toContain(b!.id);
      expect(opened.nodes.find((n) => n.id === a!.id)).toMatchObject({ x: a!.x, y: a!.y });
      expect(opened.nodes).toHaveLength(saved.nodes.length - 1);
    });

    it('lets only its author or graph:manage delete it, audited', async () => {
      const mine = (
        await inject('POST', '/api/graph/networks', analyst, {
          name: 'analyst view',
          nodes: [{ id: saved.nodes.find((n) => n.key === PLANTED.importer)!.id, x: 1, y: 2 }],
        })
      ).json() as Network;
      const other = await userWithToken(t.database, ['analyst'], 'ana2');
      const refused = await inject('DELETE', `/api/graph/networks/${mine.id}`, other.headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'graph_network_not_yours' });
      expect((await inject('DELETE', `/api/graph/networks/${mine.id}`, analyst)).statusCode).toBe(204);
      // graph:manage deletes a colleague's.
      expect((await inject('DELETE', `/api/graph/networks/${saved.id}`, colleague)).statusCode).toBe(204);
      expect((await inject('GET', `/api/graph/networks/${saved.id}`, investigator)).statusCode).toBe(404);
      const deleted = await audits('graph.network.deleted');
      expect(deleted.map((d) => d.actor).sort()).toEqual(['ana1', 'inv2']);
      expect(deleted.find((d) => d.actor === 'inv2')).toMatchObject({
        before: { name: 'HighCopy <Casa> & Atlas', created_by: 'inv1', nodes: chart.length },
      });
    });
  });

  describe('vigie graph networks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-networks-cli-'));
    const out = captureOutput();
    let id: number;
    beforeAll(async () => {
      const response = await inject('POST', '/api/graph/networks', investigator, {
        name: 'for the command line',
        note: 'Atlas and its phone',
        nodes: chart.slice(0, 6),
      });
      id = (response.json() as Network).id;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const vigie = (...args: string[]) =>
      runCliInProcess(t.database, dir, registerGraphCli, args, { quietErrors: true });

    it('refuses a bad id, an unknown network and an unknown format', async () => {
      await expect(vigie('graph', 'networks', 'show', 'abc')).rejects.toThrow(/id of a saved network/);
      await expect(vigie('graph', 'networks', 'show', '999999')).rejects.toThrow(/no saved network 999999/);
      await expect(
        vigie('graph', 'networks', 'export', String(id), '--format', 'pdf', '--out', join(dir, 'x')),
      ).rejects.toThrow(/Allowed choices are csv, graphml/);
    });

    it('lists, shows and exports a saved network (audited)', async () => {
      await vigie('graph', 'networks', 'list', '--json');
      const list = JSON.parse(out.join(''));
      expect(list.items.map((n: { name: string }) => n.name)).toContain('for the command line');
      out.length = 0;
      await vigie('graph', 'networks', 'show', String(id));
      // Six saved; two of them may have been merged by the test above (drawn once).
      const shown =
        /^for the command line — saved by inv1 at .*: (\d) entities, \d+ links( \(1 merged since\))?$/.exec(
          out[0]!,
        );
      expect(shown).not.toBeNull();
      const entities = Number(shown![1]);
      expect(entities + (shown![2] ? 1 : 0)).toBe(6);
      expect(out.join('\n')).toContain('Atlas and its phone');
      out.length = 0;
      await vigie('graph', 'networks', 'export', String(id), '--out', join(dir, 'net.csv'));
      expect(out.at(-1)).toMatch(
        new RegExp(`^${entities} entities, \\d+ links → .*net\\.nodes\\.csv, .*net\\.edges\\.csv$`),
      );
      const rows = Papa.parse(readFileSync(join(dir, 'net.nodes.csv'), 'utf8'), {
        header: true,
        skipEmptyLines: true,
      }).data;
      expect(rows).toHaveLength(entities);
      await vigie(
        'graph',
        'networks',
        'export',
        String(id),
        '--format',
        'graphml',
        '--out',
        join(dir, 'n.graphml'),
      );
      expect(readFileSync(join(dir, 'n.graphml'), 'utf8')).toContain('for the command line');
      const exported = await audits('graph.network.exported');
      expect(exported.filter((e) => e.actor.startsWith('cli:') && e.target_id === String(id))).toHaveLength(
        3,
      );
    });
  });
});
