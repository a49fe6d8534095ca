/**
 * `vigie report seizures` and GET /api/cases/figures/pdf: the director's figures over a date window as CSV and
 * PDF; a seizure outside the window is not counted; audited; refused to a role without reports:read.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { registerReportCli } from './cli-report.ts';

type Headers = Record<string, string>;

describeEachDatabase('seizure figures report (CSV, PDF)', (t) => {
  let opened: TestApp;
  let dir: string;
  const out = captureOutput(['log']);
  const users = {} as Record<'officer' | 'auditor' | 'liaison', Headers>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    for (const role of ['officer', 'auditor', 'liaison'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
    for (const [seized_on, value] of [
      ['2025-03-10', 1000],
      ['2025-03-20', 2000],
      ['2025-05-02', 4000],
    ] as const) {
      const res = await opened.app.inject({
        method: 'POST',
        url: '/api/seizures',
        headers: users.officer,
        payload: {
          seized_on,
          office: '880',
          description: 'Cigarettes',
          hs_code: '240220',
          category: 'tobacco',
          estimated_value: value,
          brand: 'Marlboro',
        },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await opened?.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-report-cli-'));
  });

  const vigie = (...args: string[]) => runCliInProcess(t.database, dir, registerReportCli, args);

  it('writes the CSV and the PDF of a window, leaving out a seizure outside it', async () => {
    const csv = join(dir, 'march.csv');
    const window = ['--from', '2025-03-01', '--to', '2025-03-31', '--office', '880'];
    await vigie('report', 'seizures', ...window, '--format', 'csv', '--table', 'month', '--out', csv);
    expect(readFileSync(csv, 'utf8').trim().split(/\r?\n/)).toEqual([
      'month,seizures,estimated_value,duties_recovered,fines,settlements,lines',
      '2025-03,2,3000,0,0,0,2',
    ]);
    expect(out.at(-1)).toMatch(/2 seizure\(s\) \(csv\)/);
    await vigie('report', 'seizures', ...window, '--format', 'csv', '--out', csv);
    expect(readFileSync(csv, 'utf8')).toMatch(/^category,.*\r?\ntobacco,2,3000,/);
    for (const lang of ['fr', 'ar']) {
      const pdf = join(dir, `march-${lang}.pdf`);
      await vigie('report', 'seizures', ...window, '--format', 'pdf', '--lang', lang, '--out', pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const audit = await listAudit(
      t.database.db,
      { action: 'cases.figures_exported' },
      { limit: 100, offset: 0 },
    );
    expect(audit.items.some((e) => (e.details as { format?: string })?.format === 'pdf')).toBe(true);
    await expect(
      vigie('report', 'seizures', '--from', '2025-13-01', '--to', '2025-03-31', '--out', csv),
    ).rejects.toThrow(/not a date/);
    await expect(
      vigie(
        'report',
        'seizures',
        '--from',
        '2025-03-01',
        '--to',
        '2025-03-31',
        '--format',
        'doc',
        '--out',
        csv,
      ),
    ).rejects.toThrow(/unknown format "doc"/);
  });

  it('gives the PDF over the API, audited, and refuses it without reports:read', async () => {
    const url = '/api/cases/figures/pdf?from=2025-03-01&to=2025-03-31&office=880';
    for (const lang of ['fr', 'ar']) {
      const res = await opened.app.inject({
        method: 'GET',
        url: `${url}&lang=${lang}`,
        headers: users.auditor,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const csv = await opened.app.inject({
      method: 'GET',
      url: '/api/cases/figures/export?from=2025-03-01&to=2025-03-31&office=880&table=month',
      headers: users.auditor,
    });
    expect(csv.body).not.toMatch(/2025-05/);
    expect(csv.body).toMatch(/2025-03,2,3000/);
    const audit = await listAudit(
      t.database.db,
      { action: 'cases.figures_exported' },
      { limit: 100, offset: 0 },
    );
    expect(
      audit.items.some((e) => e.target_id === 'pdf' && (e.details as { lang?: string })?.lang === 'ar'),
    ).toBe(true);
    for (const role of ['officer', 'liaison'] as const)
      expect((await opened.app.inject({ method: 'GET', url, headers: users[role] })).statusCode).toBe(403);
    expect(
      (await opened.app.inject({ method: 'GET', url: `${url}&lang=xx`, headers: users.auditor })).statusCode,
    ).toBe(400);
  });
});
