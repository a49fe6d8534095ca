import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { buildGraph } from './build.ts';
import { xmlText } from './export.ts';
import { writeBatch } from './store.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

const FORMULA = '=HYPERLINK("http://evil.example","click")';
const MARKUP = 'Ben & Sons <"quoted"> \'x\'\u0001';

/** Parses XML strictly (well-formedness, namespaces); throws at the first error. */
function parseXml(text: string) {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const stack: (typeof elements)[number][] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element = {
      name: tag.local,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      text: '',
    };
    elements.push(element);
    stack.push(element);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  return elements;
}

describe('xml text', () => {
  it('escapes markup and drops what XML 1.0 cannot carry', () => {
    expect(xmlText(MARKUP)).toBe('Ben &amp; Sons &lt;&quot;quoted&quot;&gt; &apos;x&apos;');
    expect(xmlText('a\uD800b\uFFFEc😀')).toBe('abc😀');
  });
});

describeEachDatabase('graph exports', (t) => {
  let app: TestApp;
  let investigator: Awaited<ReturnType<typeof userWithToken>>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
    // Names as hostile as a file can bring: a formula, markup, a control character.
    await writeBatch(t.database.db, {
      entities: [
        { type: 'person', key: 'formula', label: FORMULA },
        { type: 'person', key: 'markup', label: MARKUP },
      ],
      links: ['formula', 'markup'].map((key) => ({
        from: { type: 'person' as const, key },
        to: { type: 'company' as const, key: PLANTED.importer },
        type: 'manager_of',
        source_table: 'manual',
        source_id: key,
      })),
    });
    app = await testApp(t.database, {}, { jobs: 'queue' });
    investigator = await userWithToken(t.database, ['investigator']);
    officer = (await userWithToken(t.database, ['officer'])).headers;
  });
  afterAll(async () => app?.close());

  const get = (query: string, headers: Record<string, string> = investigator.headers) =>
    app.app.inject({ method: 'GET', url: `/api/graph/export?${query}`, headers });

  describe('errors first', () => {
    it('answers 401, 403 without graph:read, 404 for an unknown entity, 400 for bad parameters', async () => {
      expect(
        (await app.app.inject({ method: 'GET', url: '/api/graph/export?key=company:ATLASIMP' })).statusCode,
      ).toBe(401);
      expect((await get('key=company:ATLASIMP', officer)).statusCode).toBe(403);
      const missing = await get('key=company:NOPE');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'graph_entity_not_found' });
      expect((await get('key=company:ATLASIMP&format=pdf')).statusCode).toBe(400);
      expect((await get('key=company:ATLASIMP&depth=7')).statusCode).toBe(400);
      expect((await get('key=company:ATLASIMP&part=faces')).statusCode).toBe(400);
    });
  });

  it('exports nodes and edges as CSV, formula cells escaped, and audits it', async () => {
    const nodes = await get(`key=company:${PLANTED.importer}&depth=2&format=csv`);
    expect(nodes.statusCode).toBe(200);
    expect(nodes.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(nodes.headers['content-disposition']).toMatch(
      /^attachment; filename="vigie-network-company-\d+\.nodes\.csv"$/,
    );
    const rows = Papa.parse<Record<string, string>>(nodes.body, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual(['id', 'type', 'key', 'label', 'depth', 'hub', 'attributes']);
    expect(rows.find((r) => r.depth === '0')).toMatchObject({ type: 'company', key: PLANTED.importer });
    expect(rows.map((r) => r.type)).toEqual(
      expect.arrayContaining(['company', 'phone', 'online_seller', 'person', 'declaration', 'address']),
    );
    expect(rows.find((r) => r.key === 'formula')!.label).toBe(`'${FORMULA}`);
    expect(rows.find((r) => r.key === 'markup')!.label).toBe(MARKUP);

    const edges = await get(`key=company:${PLANTED.importer}&depth=2&format=csv&part=edges`);
    const links = Papa.parse<Record<string, string>>(edges.body, { header: true, skipEmptyLines: true }).data;
    const ids = new Set(rows.map((r) => r.id));
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) {
      expect(ids.has(l.source!) && ids.has(l.target!)).toBe(true);
    }
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source_key: `company:${PLANTED.importer}`,
          target_key: `phone:${PLANTED.phone}`,
          link_types: 'has_phone',
          evidence: `has_phone companies:${PLANTED.importer}`,
        }),
      ]),
    );

    const trail = await listAudit(
      t.database.db,
      { actor: investigator.user.username },
      { limit: 10, offset: 0 },
    );
    expect(trail.items.filter((e) => e.action === 'graph.exported')).toHaveLength(2);
  });

  it('exports well-formed GraphML with every node and edge', async () => {
    const csvNodes = Papa.parse((await get(`key=company:${PLANTED.importer}&depth=2`)).body, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const answer = await get(`key=company:${PLANTED.importer}&depth=2&format=graphml`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
    const elements = parseXml(answer.body);
    expect(elements[0]).toMatchObject({ name: 'graphml' });
    const nodes = elements.filter((e) => e.name === 'node');
    const edges = elements.filter((e) => e.name === 'edge');
    expect(nodes).toHaveLength(csvNodes.length);
    const nodeIds = new Set(nodes.map((n) => n.attributes.id));
    for (const e of edges) {
      expect(nodeIds.has(e.attributes.source!)).toBe(true);
      expect(nodeIds.has(e.attributes.target!)).toBe(true);
    }
    const labels = elements
      .filter((e) => e.name === 'data' && e.attributes.key === 'n_label')
      .map((e) => e.text);
    expect(labels).toEqual(expect.arrayContaining([FORMULA, MARKUP.replace('\u0001', ''), 'Atlas Trading']));
  });
});
