/**
 * `vigie import parcels` and `vigie parcels …` as a user runs them: a separate process, exit codes, what they
 * print. On each database: a fresh PGlite folder, or a PostgreSQL schema passed through the connection URL.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { vigieCommand } from '../../../test/vigie-command.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';

const files = tempFiles();
const samples = join(INSTALL_DIR, 'demo', 'parcels');

for (const backend of testBackends()) {
  describe(`vigie parcels [${backend}]`, { timeout: 300_000 }, () => {
    const vigie = vigieCommand(backend, {
      dataDir: join(files.dir, `data-${backend}`),
      schemaPrefix: 'vigie_parcels',
      timeoutMs: 120_000,
    });

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
