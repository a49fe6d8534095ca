/**
 * `vigie parcels models|train-model|activate-model` as a user runs them: a separate process, exit codes, what they
 * print — no model yet, training refused with the counts when outcomes are too few, an unknown model refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { vigieCommand } from '../../../test/vigie-command.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';

const files = tempFiles();

for (const backend of testBackends()) {
  describe(`vigie parcels models [${backend}]`, { timeout: 300_000 }, () => {
    const vigie = vigieCommand(backend, {
      dataDir: join(files.dir, `data-${backend}`),
      schemaPrefix: 'vigie_pmodels',
      timeoutMs: 120_000,
    });

    it('lists no model, refuses training on too few outcomes and an unknown model, exiting non-zero', async () => {
      const imported = await vigie(
        'import',
        'parcels',
        join(INSTALL_DIR, 'demo', 'parcels', 'sample-native.csv'),
        '--profile',
        'native',
      );
      expect(imported.code).toBe(0);
      const none = await vigie('parcels', 'models');
      expect(none.code).toBe(0);
      expect(none.stdout).toContain('no parcel model yet: vigie parcels train-model');
      expect(JSON.parse((await vigie('parcels', 'models', '--json')).stdout)).toEqual({ items: [] });
      const refused = await vigie('parcels', 'train-model', '--from', '2026-11-01', '--activate');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(
        /too few outcomes to train a parcel model from 2026-11-01 to the last: 0 frauds and 0 compliant parcels inspected; at least 30 of each are needed/,
      );
      const badDate = await vigie('parcels', 'train-model', '--to', '2026-02-30');
      expect(badDate.code).not.toBe(0);
      expect(badDate.stderr).toMatch(/to: expected a date as YYYY-MM-DD/);
      const unknown = await vigie('parcels', 'activate-model', '42');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/no parcel model 42/);
      const scored = await vigie('parcels', 'score', '--from', '2026-11-01', '--to', '2026-11-07');
      expect(scored.stdout).toMatch(/no parcel model active/);
    });
  });
}
