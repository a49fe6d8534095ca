/**
 * The parcel models API: 401, 403 and 400 first (no session, a role without the permission, a bad body, too few
 * outcomes, an unknown model), then a model trained on generated outcomes, activated, listed; both audited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { importHistory } from './testing/history.ts';

type Headers = Record<string, string>;
const files = tempFiles();

describeEachDatabase('parcel models API', (t) => {
  let opened: TestApp;
  let analyst: Headers;
  let officer: Headers;
  let liaison: Headers;
  beforeAll(async () => {
    opened = await testApp(t.database);
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    officer = (await userWithToken(t.database, ['officer'])).headers;
    liaison = (await userWithToken(t.database, ['liaison'])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });
  const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });

  it('refuses without a session (401), without the permission (403), a bad body and too few outcomes (400)', async () => {
    expect((await call('GET', '/api/parcels/models', {})).statusCode).toBe(401);
    expect((await call('POST', '/api/parcels/models', {}, {})).statusCode).toBe(401);
    expect((await call('POST', '/api/parcels/models/1/activate', {})).statusCode).toBe(401);
    expect((await call('GET', '/api/parcels/models', liaison)).statusCode).toBe(403);
    expect((await call('POST', '/api/parcels/models', officer, {})).statusCode).toBe(403);
    expect((await call('POST', '/api/parcels/models/1/activate', officer)).statusCode).toBe(403);
    expect((await call('POST', '/api/parcels/models', analyst, { from: '2025-02-30' })).statusCode).toBe(400);
    expect((await call('POST', '/api/parcels/models', analyst, { extra: 1 })).statusCode).toBe(400);
    const few = await call('POST', '/api/parcels/models', analyst, {});
    expect(few.statusCode).toBe(400);
    expect(few.json()).toMatchObject({
      code: 'parcels.model_too_few_outcomes',
      details: { frauds: 0, needed: 30 },
    });
    expect((await call('POST', '/api/parcels/models/0/activate', analyst)).statusCode).toBe(400);
    expect((await call('POST', '/api/parcels/models/999/activate', analyst)).statusCode).toBe(404);
    expect((await call('GET', '/api/parcels/models', officer)).json()).toEqual({ items: [] });
  });

  it('trains on the outcomes, activates the model and lists it; audited', async () => {
    await importHistory(t.database, files, { from: '2025-02-03', days: 60, perDay: 40, seed: 11 });
    const trained = await call('POST', '/api/parcels/models', analyst, { from: '2025-01-01' });
    expect(trained.statusCode).toBe(201);
    const model = trained.json();
    expect(model).toMatchObject({ name: 'parcel-gbdt', version: '1', active: false });
    expect(model.metrics.holdout.auc).toBeGreaterThan(0.7);
    const activated = await call('POST', `/api/parcels/models/${model.id}/activate`, analyst);
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toMatchObject({ id: model.id, active: true });
    const listed = (await call('GET', '/api/parcels/models', officer)).json();
    expect(listed.items.map((m: { id: number; active: boolean }) => [m.id, m.active])).toEqual([
      [model.id, true],
    ]);
    expect(listed.items[0]).not.toHaveProperty('model');
    for (const action of ['parcels.model_trained', 'parcels.model_activated'])
      expect((await listAudit(t.database.db, { action }, { limit: 5, offset: 0 })).items).toHaveLength(1);
  });
});
