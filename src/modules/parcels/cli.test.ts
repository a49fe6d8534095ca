/**
 * `vigie import parcels` and `vigie parcels …` as a user runs them: a separate process, exit codes, what they
 * print. On each database: a fresh PGlite folder, or a PostgreSQL schema passed through the connection URL.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';

const run = promisify(execFile);
const files = tempFiles();
const bin = join(INSTALL_DIR, 'bin', 'vigie.js');
const samples = join(INSTALL_DIR, 'demo', 'parcels');

for (const backend of testBackends()) {
  describe(`vigie parcels [${backend}]`, { timeout: 300_000 }, () => {
    const env: NodeJS.ProcessEnv = { ...process.env, VIGIE_LOG_LEVEL: 'warn' };
    let schema: string | undefined;
    beforeAll(async () => {
      if (backend === 'postgres') {
        const url = process.env.VIGIE_TEST_DATABASE_URL!;
        schema = `vigie_parcels_${randomBytes(5).toString('hex')}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`create schema ${schema}`);
        await client.end();
        env.VIGIE_DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      } else env.VIGIE_DATA_DIR = join(files.dir, `data-${backend}`);
    });
    afterAll(async () => {
      if (schema) {
        const client = new pg.Client({ connectionString: process.env.VIGIE_TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
    });
    const vigie = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };

    it('refuses a bad file with located errors and exit code 1, writing nothing; then imports, scores and shows', async () => {
      const bad = files.write(
        `bad-${backend}.csv`,
        'ItemId,OrgPostOperatorCd,MailClassCd,SenderName,SenderCountryCd,AddresseeName,ContentDescription,DeclaredValue,DeclaredValueCurrencyCd,ExpectedArrivalDt,DestinationOfficeCd\n' +
          'RR1,CNPOST,Z,Shop,CN,Ali,socks,10,EUR,20261104,301\n',
      );
      const refused = await vigie('import', 'parcels', bad, '--profile', 'itmatt');
      expect(refused.code).toBe(1);
      expect(refused.stdout + refused.stderr).toContain(
        `bad-${backend}.csv:2: column "MailClassCd" (kind): unexpected value "Z": expected one of "U", "C", "L", "E", "X"`,
      );
      expect(refused.stdout + refused.stderr).toMatch(/nothing was written/);
      const imported = await vigie(
        'import',
        'parcels',
        join(samples, 'sample-itmatt.csv'),
        '--profile',
        'itmatt',
        '--json',
      );
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, counts: { parcels_inserted: 2 } });
      const scored = await vigie('parcels', 'score', '--from', '2026-11-01', '--to', '2026-11-07', '--json');
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout)).toMatchObject({ parcels: 2, referred: 0 });
      const shown = await vigie('parcels', 'show', 'cnpost/LX987654321CN');
      expect(shown.stdout).toMatch(/CNPOST LX987654321CN \(postal\), arriving 2026-11-04 at 301/);
      expect(shown.stdout).toMatch(/score 0, green/);
      const badPeriod = await vigie('parcels', 'score', '--from', '2026-11-08', '--to', '2026-11-01');
      expect(badPeriod.code).not.toBe(0);
      expect(badPeriod.stderr).toMatch(/from \(2026-11-08\) is after to \(2026-11-01\)/);
    });
  });
}
