import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { csvLine } from './csv.ts';
import { xlsxRows } from './read-xlsx.ts';
import { xlsxStream } from './xlsx.ts';

async function bytes(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
  return Buffer.concat(parts);
}

async function* rowsOf<T>(rows: T[]) {
  yield* rows;
}

describe('export cells', () => {
  it('neutralises what a spreadsheet would run as a formula, keeps plain negative numbers', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '@SUM(A1)', '+cmd', '-2+3', '-12.5', 'plain', null, 3])).toBe(
      `"'=HYPERLINK(""http://x"")","'@SUM(A1)","'+cmd","'-2+3",-12.5,plain,,3\r\n`,
    );
  });

  it('writes an XLSX that reads back cell for cell, text never as a formula, XML escaped', async () => {
    const rows = [
      ['=1+1', 12.5, '<b>&"x"</b>', null, 'العربية'],
      ['a\u0000b', -3, true, '', 'é'],
    ];
    const file = await bytes(xlsxStream('a list', ['h1', 'h2', 'h3', 'h4', 'h5'], rowsOf(rows)));
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect(xlsxRows(file)).toEqual([
      ['h1', 'h2', 'h3', 'h4', 'h5'],
      ['=1+1', '12.5', '<b>&"x"</b>', '', 'العربية'],
      ['ab', '-3', '1', '', 'é'],
    ]);
    expect(file.toString('latin1')).not.toContain('<f>');
    // The system's unzip agrees (CRC and sizes) when it is installed.
    try {
      const dir = mkdtempSync(join(tmpdir(), 'vigie-xlsx-'));
      writeFileSync(join(dir, 'x.xlsx'), file);
      expect(execFileSync('unzip', ['-t', join(dir, 'x.xlsx')]).toString()).toContain('No errors detected');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  });

  it('streams a large sheet in parts that still make one valid file', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => [i, `row ${i}`]);
    const file = await bytes(xlsxStream('many', ['n', 'text'], rowsOf(many)));
    const rows = xlsxRows(file);
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual(['19999', 'row 19999']);
  });
});

describeEachDatabase('audit export', (t) => {
  let app: TestApp;
  let auditor: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    app = await testApp(t.database);
    auditor = (await userWithToken(t.database, ['auditor'])).headers;
    officer = (await userWithToken(t.database, ['officer'])).headers;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a caller without audit:read, and a wrong format', async () => {
    const denied = await app.app.inject({ method: 'GET', url: '/api/audit/export', headers: officer });
    expect(denied.statusCode).toBe(403);
    const wrong = await app.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=pdf',
      headers: auditor,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('exports the filtered trail as CSV and XLSX, and audits each export', async () => {
    const csv = await app.app.inject({
      method: 'GET',
      url: '/api/audit/export?action=auth.*',
      headers: auditor,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const parsed = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([
      'seq',
      'at',
      'actor',
      'ip',
      'action',
      'target_type',
      'target_id',
      'before',
      'after',
      'details',
      'hash',
    ]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action like 'auth.%'`.execute(t.database.db);
    expect(parsed.length - 1).toBe(rows[0]!.n);
    expect(parsed.slice(1).every((r) => r[4]!.startsWith('auth.'))).toBe(true);

    const xlsx = await app.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=xlsx',
      headers: auditor,
    });
    expect(xlsx.statusCode).toBe(200);
    const sheet = xlsxRows(xlsx.rawPayload);
    // The CSV export's own entry is in the trail the XLSX export read.
    expect(sheet.some((r) => r[4] === 'audit.exported')).toBe(true);
    const entries = await sql<{ details: { format: string } }>`select details from audit_log
      where action = 'audit.exported' order by seq`.execute(t.database.db);
    expect(entries.rows.map((r) => r.details.format)).toEqual(['csv', 'xlsx']);
  });
});
