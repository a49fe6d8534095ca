import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { buildGraph } from './build.ts';
import { plantNetwork } from './testing/network.ts';
import { plantSwitchboard, SWITCHBOARD } from './testing/switchboard.ts';

describeEachDatabase('graph hubs and exclusions API', (t) => {
  let app: TestApp;
  let investigator: Record<string, string>;
  let analyst: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    await plantNetwork(t.database);
    await plantSwitchboard(t.database);
    await buildGraph(t.database);
    app = await testApp(t.database, {}, { jobs: 'queue' });
    investigator = (await userWithToken(t.database, ['investigator'])).headers;
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    officer = (await userWithToken(t.database, ['officer'])).headers;
  });
  afterAll(async () => app?.close());

  const call = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => app.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  describe('errors first', () => {
    it('answers 401 without credentials, 403 without graph:read or graph:manage', async () => {
      expect((await app.app.inject({ method: 'GET', url: '/api/graph/hubs' })).statusCode).toBe(401);
      expect((await call('GET', '/api/graph/hubs', officer)).statusCode).toBe(403);
      expect((await call('GET', '/api/graph/exclusions', officer)).statusCode).toBe(403);
      expect(
        (await call('POST', '/api/graph/exclusions', analyst, { key: 'email:a@b.example', note: 'n' }))
          .statusCode,
      ).toBe(403);
      expect((await call('DELETE', '/api/graph/exclusions?key=email:a@b.example', analyst)).statusCode).toBe(
        403,
      );
      expect((await call('POST', '/api/graph/hubs/1/keep', analyst, { reason: 'r' })).statusCode).toBe(403);
    });
    it('answers 400, 404 and 409 as problems', async () => {
      expect(
        (await call('POST', '/api/graph/exclusions', investigator, { key: 'email:a@b.example' })).statusCode,
      ).toBe(400);
      const party = await call('POST', '/api/graph/exclusions', investigator, {
        key: 'company:ATLASIMP',
        note: 'n',
      });
      expect(party.statusCode).toBe(400);
      expect(party.json()).toMatchObject({ code: 'graph_bad_exclusion_type' });
      expect(
        (await call('DELETE', '/api/graph/exclusions?key=email:none@x.example', investigator)).statusCode,
      ).toBe(404);
      expect(
        (await call('POST', '/api/graph/hubs/99999999/keep', investigator, { reason: 'r' })).statusCode,
      ).toBe(404);
      expect((await call('POST', '/api/graph/hubs/1/keep', investigator, {})).statusCode).toBe(400);
    });
  });

  it('lists the switchboard as a hub to an analyst; an investigator keeps it linking (audited)', async () => {
    const hubs = await call('GET', '/api/graph/hubs', analyst);
    expect(hubs.statusCode).toBe(200);
    const [hub] = hubs.json().items;
    expect(hub).toMatchObject({ type: 'phone', key: SWITCHBOARD.phone, degree: 30, excluded: false });
    const kept = await call('POST', `/api/graph/hubs/${hub.id}/keep`, investigator, { reason: 'one group' });
    expect(kept.statusCode).toBe(200);
    expect((await call('GET', '/api/graph/hubs', analyst)).json().items).toEqual([]);
    expect(
      (await call('POST', `/api/graph/hubs/${hub.id}/keep`, investigator, { reason: 'r' })).statusCode,
    ).toBe(409);
  });

  it('adds and removes an exclusion with a note, audited', async () => {
    const added = await call('POST', '/api/graph/exclusions', investigator, {
      key: 'email:Support@Souk.example',
      note: 'marketplace support',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      type: 'email',
      key: 'support@souk.example',
      note: 'marketplace support',
    });
    expect((await call('GET', '/api/graph/exclusions', analyst)).json().items).toHaveLength(1);
    const removed = await call(
      'DELETE',
      `/api/graph/exclusions?key=${encodeURIComponent('email:support@souk.example')}&note=wrong`,
      investigator,
    );
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', '/api/graph/exclusions', analyst)).json().items).toEqual([]);
    const audit = await listAudit(t.database.db, {}, { limit: 100, offset: 0 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['graph.hub.kept', 'graph.exclusion.added', 'graph.exclusion.removed']),
    );
  });
});
