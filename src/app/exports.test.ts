/**
 * Exports of the lists (CSV and XLSX) on both databases: the list's permission and office scope, formula cells
 * neutralised, every row of the list, and an audit entry per export.
 */
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../test/auth.ts';
import { describeEachDatabase } from '../../test/db.ts';
import { nativeRow } from '../../test/factories.ts';
import { createApiToken, createUser } from '../modules/auth/index.ts';
import { runSelection } from '../modules/risk/decisions.ts';
import { activateProfile, createProfileVersion } from '../modules/risk/profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from '../modules/risk/testing/fixtures.ts';
import { xlsxRows } from '../platform/export/read-xlsx.ts';

const DAY = '2024-03-18';

describeEachDatabase('list exports', (t) => {
  let app: TestApp;
  let analyst: Record<string, string>;
  let investigator: Record<string, string>;
  let officer301: Record<string, string>;
  let liaison: Record<string, string>;

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, [
      ...Array.from({ length: 30 }, (_, i) =>
        nativeRow({
          reference: `A-${i}`,
          office: '301',
          lodged_on: DAY,
          hs_code: i % 2 ? '6208220000' : '8517120000',
        }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        nativeRow({ reference: `B-${i}`, office: '302', lodged_on: DAY }),
      ),
    ]);
    const profile = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document: {
        description: 'export test',
        scoring: { base_probability: 0.1, red_score: 60, yellow_score: 30 },
        rules: [rule('textiles', { field: 'item.hs_code', hs_prefix: '62' }, { points: 40 })],
      },
      reason: 'first version',
    });
    await activateProfile(t.database, SYSTEM, profile.id, 'tested');
    await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
    await runSelection(t.database, SYSTEM, { office: '302', day: DAY, seed: 'fixed' });
    await sql`insert into osint_sellers (display_name, score) values
      ('=HYPERLINK("http://evil.example","click")', 0.9), ('Plain Shop', 0.5)`.execute(t.database.db);
    app = await testApp(t.database);
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    investigator = (await userWithToken(t.database, ['investigator'])).headers;
    liaison = (await userWithToken(t.database, ['liaison'])).headers;
    const officer = await createUser(t.database, SYSTEM, {
      username: 'officer-301-export',
      password: TEST_PASSWORD,
      roles: ['officer'],
      office_code: '301',
    });
    const { token } = await createApiToken(t.database, SYSTEM, Number(officer.id), 'test', 1);
    officer301 = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, headers: Record<string, string>) =>
    app.app.inject({ method: 'GET', url, headers });
  const csvRows = (body: string) =>
    Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  describe('refuses', () => {
    it('a caller without the list’s permission', async () => {
      for (const url of [
        '/api/risk/decisions/export',
        '/api/osint/sellers/export',
        '/api/valuation/findings/export',
        '/api/risk/backtests/export',
        '/api/audit/export',
      ])
        expect((await get(url, liaison)).statusCode, url).toBe(403);
      expect((await get('/api/osint/sellers/export', officer301)).statusCode).toBe(403);
    });
    it('an unknown format or a bad filter, naming it', async () => {
      const response = await get('/api/risk/decisions/export?format=ods', analyst);
      expect(response.statusCode).toBe(400);
      const bad = await get('/api/risk/decisions/export?day=18/03/2024', analyst);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('day');
      // The pattern of a date that is none (the database answered a 500 to it).
      const none = await get('/api/risk/decisions/export?day=2024-02-30', analyst);
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('day');
    });
  });

  it('exports the selection queue within the officer’s office, every row, and audits it', async () => {
    const list = (await get(`/api/risk/decisions?day=${DAY}&limit=500`, officer301)).json<{
      total: number;
    }>();
    const response = await get(`/api/risk/decisions/export?day=${DAY}`, officer301);
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['reference', 'office', 'lodged_on', 'channel']);
    expect(rows.length - 1).toBe(list.total);
    expect(rows.slice(1).every((r) => r[1] === '301')).toBe(true);
    const audit = await sql<{
      actor: string;
      details: { format: string; filters: { scope_office: string } };
    }>`
      select actor, details from audit_log where action = 'risk.decisions.exported'`.execute(t.database.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor: 'officer-301-export',
      details: { format: 'csv', filters: { day: DAY, scope_office: '301' } },
    });
  });

  it('exports the whole queue as XLSX for an analyst (both offices)', async () => {
    const response = await get(`/api/risk/decisions/export?format=xlsx&day=${DAY}`, analyst);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = xlsxRows(response.rawPayload);
    expect(rows.length - 1).toBe(36);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['301', '302']));
  });

  it('neutralises a seller name a spreadsheet would run as a formula', async () => {
    const response = await get('/api/osint/sellers/export', investigator);
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response.body);
    expect(rows.map((r) => r[1])).toEqual([
      'display_name',
      `'=HYPERLINK("http://evil.example","click")`,
      'Plain Shop',
    ]);
  });

  it('exports empty lists as their header row', async () => {
    const findings = csvRows((await get('/api/valuation/findings/export', officer301)).body);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('reference');
    const backtests = csvRows((await get('/api/risk/backtests/export', analyst)).body);
    expect(backtests).toEqual([expect.arrayContaining(['job_id', 'precision', 'active_precision'])]);
  });
});
