import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv, nativeCsv, nativeRow } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { readValidatedRows, runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from './import-target.ts';
import { loadLines } from './lines.ts';

const files = tempFiles();

describeEachDatabase('declaration lines from the database', (t) => {
  it('gives back exactly the lines that were imported, in lodgement order, filtered', async () => {
    const file = files.write('kcs.csv', kcsCsv(40));
    const profile = resolveProfile('declarations', 'kcs');
    await runImport(t.database, declarationsTarget, { file, profile });
    const fromFile = (await readValidatedRows(declarationsTarget, { file, profile })).rows;
    const fromDb = await loadLines(t.database.db);
    const order = (
      a: { lodged_on: string; reference: string },
      b: { lodged_on: string; reference: string },
    ) => a.lodged_on.localeCompare(b.lodged_on) || a.reference.localeCompare(b.reference);
    expect(fromDb).toEqual([...fromFile].sort(order));
    expect(await loadLines(t.database.db, { from: '2020-01-10', to: '2020-01-11' })).toHaveLength(4);
    expect((await loadLines(t.database.db, { references: ['10000003'] }))[0]?.outcome?.result).toBe('fraud');
  });

  it('keeps parties with their names and items without outcome', async () => {
    const file = files.write(
      'native.csv',
      nativeCsv([
        nativeRow({ reference: 'N1' }),
        nativeRow({ reference: 'N1', line_no: '2', result: 'fraud' }),
      ]),
    );
    await runImport(t.database, declarationsTarget, {
      file,
      profile: resolveProfile('declarations', 'native'),
    });
    const lines = await loadLines(t.database.db, { references: ['N1'] });
    expect(lines.map((l) => [l.item.line_no, l.importer, l.outcome?.result ?? null])).toEqual([
      [1, { code: 'IMP001', name: 'Atlas Import SARL' }, null],
      [2, { code: 'IMP001', name: 'Atlas Import SARL' }, 'fraud'],
    ]);
    expect(await loadLines(t.database.db, { references: ['N1'], labelledOnly: true })).toHaveLength(1);
  });
});
