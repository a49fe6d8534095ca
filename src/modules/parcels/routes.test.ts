/**
 * The parcels API as analysts, officers, auditors and others use it: refusals first (403, 400, 404), then the
 * a scoring run, the filtered list and one parcel with its reasons.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';
import { parcelsTarget } from './import-target.ts';

type Headers = Record<string, string>;
const ROLES = ['admin', 'analyst', 'officer', 'investigator', 'liaison', 'auditor'] as const;

describeEachDatabase('parcels API', (t) => {
  let opened: TestApp;
  const users = {} as Record<(typeof ROLES)[number], Headers>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    for (const role of ROLES) users[role] = (await userWithToken(t.database, [role])).headers;
    const summary = await runImport(t.database, parcelsTarget, {
      file: join(INSTALL_DIR, 'demo', 'parcels', 'sample-itmatt.csv'),
      profile: resolveProfile('parcels', 'itmatt'),
    });
    expect(summary.ok).toBe(true);
    const native = await runImport(t.database, parcelsTarget, {
      file: join(INSTALL_DIR, 'demo', 'parcels', 'sample-native.csv'),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(native.ok).toBe(true);
  });
  afterAll(async () => {
    await opened?.close();
  });
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });

  it('refuses what a role may not do with 403', async () => {
    expect((await call('GET', '/api/parcels', users.liaison)).statusCode).toBe(403);
    for (const role of ['officer', 'investigator', 'auditor', 'liaison'] as const) {
      expect(
        (await call('POST', '/api/parcels/scorings', users[role], { from: '2026-11-01', to: '2026-11-07' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('PUT', '/api/parcels/settings', users[role], { threshold_eur: 10 })).statusCode,
      ).toBe(403);
    }
    for (const role of ['officer', 'investigator', 'auditor', 'analyst', 'admin'] as const)
      expect((await call('GET', '/api/parcels', users[role])).statusCode).toBe(200);
  });

  it('refuses bad input with 400 naming the field, and unknown parcels with 404', async () => {
    const bad = await call('GET', '/api/parcels?origin_country=CHN&value_min=-1', users.analyst);
    expect(bad.statusCode).toBe(400);
    const backwards = await call('POST', '/api/parcels/scorings', users.analyst, {
      from: '2026-11-08',
      to: '2026-11-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'parcels.bad_period', details: [{ path: '/to' }] });
    const settings = await call('PUT', '/api/parcels/settings', users.analyst, {
      referral_score: 80,
      red_score: 70,
    });
    expect(settings.statusCode).toBe(400);
    expect(settings.json()).toMatchObject({
      code: 'parcels.bad_settings',
      details: [{ path: '/red_score' }],
    });
    expect((await call('PUT', '/api/parcels/settings', users.analyst, { nope: 1 })).statusCode).toBe(400);
    expect((await call('GET', '/api/parcels/999999', users.analyst)).statusCode).toBe(404);
    expect((await call('GET', '/api/parcels/settings', users.officer)).json()).toEqual({
      threshold_eur: 150,
      window_days: 3,
      referral_score: 50,
      red_score: 75,
    });
  });

  it('scores, lists with filters and shows a parcel with its reasons', async () => {
    const run = await call('POST', '/api/parcels/scorings', users.analyst, {
      from: '2026-11-01',
      to: '2026-11-07',
    });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-07',
      settings: { threshold_eur: 150 },
    });
    const audit = await listAudit(t.database.db, { action: 'parcels.scored' }, { limit: 5, offset: 0 });
    expect(audit.items[0]).toMatchObject({ target_id: String(run.json().run_id) });

    const turkish = await call(
      'GET',
      '/api/parcels?origin_country=TR&value_min=30&value_max=40',
      users.officer,
    );
    expect(turkish.json()).toMatchObject({
      total: 1,
      items: [
        { consignment_number: 'EE123456789TR', score: 0, channel: 'green', indicators: [], examiner: null },
      ],
    });
    // Each row names the indicators of its reasons, largest first: the queue's reasons in short.
    const all = await call('GET', '/api/parcels?limit=50', users.officer);
    const rows = all.json().items as { id: number; indicators: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const detail = (await call('GET', `/api/parcels/${row.id}`, users.officer)).json() as {
        reasons: { indicator: string; points: number }[];
      };
      expect(row.indicators).toEqual(
        [...detail.reasons].sort((a, b) => b.points - a.points).map((r) => r.indicator),
      );
    }
    const byCarrier = await call(
      'GET',
      '/api/parcels?carrier=cnpost&platform=SHEIN.com&referred=false',
      users.officer,
    );
    expect(byCarrier.json().items.map((p: { consignment_number: string }) => p.consignment_number)).toEqual([
      'LX987654321CN',
    ]);
    const one = await call('GET', `/api/parcels/${byCarrier.json().items[0].id}`, users.auditor);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      consignment_number: 'LX987654321CN',
      reasons: [],
      recipient_phone: '+212655443322',
    });
  });
});
