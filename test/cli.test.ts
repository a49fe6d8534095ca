/**
 * The `vigie` command as a user runs it: a separate process, exit codes, what it prints. On each database: a
 * fresh PGlite folder, or a PostgreSQL schema passed through the connection URL.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from './db.ts';
import { kcsCsv, nativeCsv, nativeRow } from './factories.ts';
import { tempFiles } from './files.ts';
import { vigieCommand } from './vigie-command.ts';

const files = tempFiles();

for (const backend of testBackends()) {
  // Each test starts the command as a process (and migrates a database): a wider limit for a loaded machine.
  describe(`vigie command [${backend}]`, { timeout: 180_000 }, () => {
    const vigie = vigieCommand(backend, {
      dataDir: join(files.dir, 'data'),
      schemaPrefix: 'vigie_cli',
      timeoutMs: 60_000,
    });

    it('loads a lazily registered command after a global option and its value', async () => {
      const listed = await vigie(
        '--data-dir',
        join(files.dir, `lazy-${backend}`),
        'risk',
        'profiles',
        'list',
      );
      expect(listed.code, listed.stderr).toBe(0);
    });

    it('exits 2 with the usage on a wrong command or kind', async () => {
      const wrong = await vigie('import', 'shipments', 'x.csv');
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(
        /value 'shipments' is invalid for argument 'kind'. Allowed choices are declarations, manifests/,
      );
    });

    it('refuses a bad file with located errors, exit 1, and writes nothing', async () => {
      const file = files.write(
        `bad-${backend}.csv`,
        nativeCsv([nativeRow({ reference: 'A' }), nativeRow({ reference: 'B', hs_code: '12' })]),
      );
      const result = await vigie('import', 'declarations', file, '--no-progress');
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(1);
      expect(result.stdout).toContain('1 error in 2 rows — nothing was written');
      expect(result.stdout).toContain(
        `bad-${backend}.csv:3: column "hs_code" (item.hs_code): expected an HS code of 6 to 10 digits`,
      );
      const stats = await vigie('declarations', 'stats', '--json');
      expect(JSON.parse(stats.stdout)).toMatchObject({ declarations: 0, items: 0 });
    });

    it('imports a KCS file, prints the counts, and stats --json reads them', async () => {
      const file = files.write(`kcs-${backend}.csv`, kcsCsv(25));
      const result = await vigie('import', 'declarations', file, '--profile', 'kcs', '--no-progress');
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/✔ .*: 25 rows read in .* rows\/s\), import #\d+/);
      expect(result.stdout).toContain('25 declarations inserted, 25 items inserted, 25 outcomes inserted');
      const stats = JSON.parse((await vigie('declarations', 'stats', '--json')).stdout);
      expect(stats).toMatchObject({ declarations: 25, items: 25, outcomes: 25 });
      const shown = await vigie('declarations', 'show', '10000003');
      expect(shown.stdout).toContain('Declaration 10000003 — office 10, lodged 2020-01-04');
      const listed = JSON.parse((await vigie('declarations', 'list', '--office', '20', '--json')).stdout);
      expect(listed.total).toBe(8);
    });

    it('keeps the good rows with --skip-invalid and writes the rejects file', async () => {
      const file = files.write(
        `skip-${backend}.csv`,
        nativeCsv([nativeRow({ reference: 'S1' }), nativeRow({ reference: 'S2', lodged_on: 'soon' })]),
      );
      const result = await vigie('import', 'declarations', file, '--skip-invalid', '--json');
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({
        ok: true,
        rowsRead: 2,
        rowsRejected: 1,
        counts: { declarations_inserted: 1 },
      });
      expect(existsSync(summary.rejectsPath)).toBe(true);
    });
  });
}
