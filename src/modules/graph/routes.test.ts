import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildGraph } from './build.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

describeEachDatabase('graph API', (t) => {
  let app: TestApp;
  let investigator: Record<string, string>;
  let analyst: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
    app = await testApp(t.database, {}, { jobs: 'queue' });
    investigator = (await userWithToken(t.database, ['investigator'])).headers;
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    officer = (await userWithToken(t.database, ['officer'])).headers;
  });
  afterAll(async () => app?.close());

  const get = (url: string, headers: Record<string, string>) =>
    app.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
    app.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });

  describe('errors first', () => {
    it('answers 401 without credentials and 403 to a role without graph:read or graph:manage', async () => {
      expect((await app.app.inject({ method: 'GET', url: '/api/graph/build' })).statusCode).toBe(401);
      const refused = await get('/api/graph/neighbours?key=company:ATLASIMP', officer);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: expect.any(String) });
      expect((await post('/api/graph/build', analyst, {})).statusCode).toBe(403);
      expect((await post('/api/graph/suggestions/1/accept', analyst, {})).statusCode).toBe(403);
    });
    it('answers 404 as a problem for unknown entities and suggestions', async () => {
      const missing = await get('/api/graph/entities/company:NOPE', investigator);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'graph_entity_not_found' });
      expect((await get('/api/graph/entities/99999999', investigator)).statusCode).toBe(404);
      expect(
        (await get('/api/graph/path?from=company:ATLASIMP&to=phone:0600000000', investigator)).statusCode,
      ).toBe(404);
      expect((await post('/api/graph/suggestions/99999/reject', investigator, {})).statusCode).toBe(404);
    });
    it('answers 400 for bad parameters', async () => {
      expect((await get('/api/graph/neighbours?key=company:ATLASIMP&depth=9', investigator)).statusCode).toBe(
        400,
      );
      expect((await get('/api/graph/neighbours?key=not%20a%20key', investigator)).statusCode).toBe(400);
      expect(
        (await get('/api/graph/neighbours?key=company:ATLASIMP&types=spaceship', investigator)).statusCode,
      ).toBe(400);
      expect(
        (await get('/api/graph/neighbours?key=company:ATLASIMP&since=yesterday', investigator)).statusCode,
      ).toBe(400);
      expect(
        (
          await post('/api/graph/links', investigator, {
            from: 'company:ATLASIMP',
            to: 'company:NORDIMP',
            type: 'related',
          })
        ).statusCode,
      ).toBe(400);
      expect((await post('/api/graph/suggestions', investigator, { auto_merge_above: 0.5 })).statusCode).toBe(
        400,
      );
    });
    it('hides online-only entities from a role that may not read online monitoring', async () => {
      const seen = await get(
        `/api/graph/neighbours?key=phone:${encodeURIComponent('06 12 34 56 78')}`,
        analyst,
      );
      expect(seen.statusCode).toBe(200);
      expect(seen.json().nodes.some((n: { type: string }) => n.type === 'online_seller')).toBe(false);
      expect((await get('/api/graph/signals?importers=ATLASIMP', analyst)).statusCode).toBe(403);
    });
  });

  it('finds a company by its register identifier, in any case, and by its name', async () => {
    for (const q of [PLANTED.importer, PLANTED.importer.toLowerCase(), 'atlas trading']) {
      const found = await get(`/api/graph/entities?q=${encodeURIComponent(q)}&type=company`, investigator);
      expect(found.statusCode).toBe(200);
      expect(found.json().items.map((e: { key: string }) => e.key)).toContain(PLANTED.importer);
    }
  });

  it('walks from the online seller to the importer: neighbours, path with evidence, entity detail', async () => {
    const phone = await get(
      `/api/graph/neighbours?key=phone:${encodeURIComponent(PLANTED.phone)}&depth=1`,
      investigator,
    );
    expect(phone.statusCode).toBe(200);
    const seller = phone.json().nodes.find((n: { type: string }) => n.type === 'online_seller');
    expect(seller).toBeDefined();
    const path = await get(`/api/graph/path?from=${seller.id}&to=company:${PLANTED.importer}`, investigator);
    expect(path.json()).toMatchObject({ found: true, length: 2 });
    expect(path.json().steps[1].evidence[0]).toMatchObject({
      source_table: 'companies',
      source_id: PLANTED.importer,
    });
    const detail = await get(`/api/graph/entities/company:${PLANTED.importer}`, investigator);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().links.items.map((l: { type: string }) => l.type)).toEqual(
      expect.arrayContaining(['importer_of', 'has_phone', 'manager_of']),
    );
    const signals = await get(
      `/api/graph/signals?importers=${PLANTED.importer},${PLANTED.clean}`,
      investigator,
    );
    expect(signals.json().items[0]).toMatchObject({ importer: PLANTED.importer, score: 0.7 });
    expect(signals.json().items[0].explanation).toContain(PLANTED.phone);
    const communities = await get('/api/graph/communities?min_size=3', investigator);
    expect(communities.statusCode).toBe(200);
    const around = await get(
      `/api/graph/communities?min_size=2&around=company:${PLANTED.importer}`,
      investigator,
    );
    expect(around.statusCode).toBe(200);
    expect(around.json().components.count).toBe(1);
    expect(around.json().nodes).toBeLessThan(communities.json().nodes);
    const nowhere = await get('/api/graph/communities?around=company:NOSUCH', investigator);
    expect(nowhere.statusCode).toBe(404);
    const centrality = await get(
      `/api/graph/centrality?key=company:${PLANTED.importer}&depth=2`,
      investigator,
    );
    expect(centrality.statusCode).toBe(200);
  });

  it('adds a link by hand, proposes and rejects a suggestion, starts a build: all audited', async () => {
    const link = await post('/api/graph/links', investigator, {
      from: `company:${PLANTED.sister}`,
      to: `company:${PLANTED.importer}`,
      type: 'related',
      note: 'same warehouse seen on a visit',
    });
    expect(link.statusCode).toBe(201);
    const proposed = await post('/api/graph/suggestions', investigator, {});
    expect(proposed.statusCode).toBe(200);
    const open = await get('/api/graph/suggestions?status=open&type=person', investigator);
    const s = open
      .json()
      .items.find((i: { b: { label: string }; a: { label: string } }) =>
        [i.a.label, i.b.label].includes(PLANTED.managerVariant),
      );
    expect(s).toBeDefined();
    const rejected = await post(`/api/graph/suggestions/${s.id}/reject`, investigator, {
      note: 'two people',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await post(`/api/graph/suggestions/${s.id}/accept`, investigator, {})).statusCode).toBe(409);
    const build = await post('/api/graph/build', investigator, {});
    expect(build.statusCode).toBe(202);
    const admin = (await userWithToken(t.database, ['admin'])).headers;
    const audit = await get('/api/audit?limit=50', admin);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'graph.link.added',
        'graph.suggestions.proposed',
        'graph.suggestion.rejected',
        'graph.build.requested',
      ]),
    );
  });
});
