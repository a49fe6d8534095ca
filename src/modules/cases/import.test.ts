import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { openCase } from './cases.ts';
import { seizuresTarget } from './import-target.ts';
import { listSeizures } from './seizures.ts';

const files = tempFiles();
const actor = { id: null, name: 'test', ip: null };
const HEADER =
  'reference,seized_on,office,case_number,description,hs_code,category,quantity,unit,estimated_value,brand,health_risk,officers,duties_recovered\n';

describeEachDatabase('seizures import', (t) => {
  const run = (name: string, content: string) =>
    runImport(t.database, seizuresTarget, {
      file: files.write(name, content),
      profile: resolveProfile('seizures', 'native'),
    });
  const count = async () => (await listSeizures(t.database.db, {}, { limit: 1, offset: 0 })).total;

  it('locates every bad row (line, column, what was expected) and writes nothing', async () => {
    const summary = await run(
      'bad.csv',
      `${HEADER}S1,2025-03-02,300,,Sneakers,6403,counterfeit_footwear,120,pairs,36000,Nike,no,A;B,0\n` +
        'S2,2025-02-30,300,,Pills,3004,medicines,10,boxes,,,,,\n' +
        'S3,2025-03-04,300,,Cigarettes,24AB,tobacco,-5,cartons,,,maybe,,\n' +
        'S4,2025-03-05,300,,Stuff,,weapons_of_love,1,,,,,,\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'seized_on', expect.stringMatching(/date/)],
      [4, 'hs_code', 'expected an HS code of 2 to 10 digits'],
      [4, 'quantity', 'expected zero or more'],
      [4, 'health_risk', expect.stringMatching(/^expected one of yes, no/)],
      [5, 'category', expect.stringMatching(/^expected one of counterfeit_clothing/)],
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a row naming an unknown case, with its line, and nothing is written', async () => {
    const summary = await run(
      'unknown-case.csv',
      `${HEADER}S1,2025-03-02,300,,Sneakers,6403,counterfeit_footwear,120,pairs,36000,Nike,no,,\n` +
        'S2,2025-03-02,300,300/1999/0042,Bags,4202,counterfeit_accessories,5,pieces,,,,,\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'case_number', message: 'no case 300/1999/0042' }),
    ]);
    expect(await count()).toBe(0);
  });

  it('imports good rows linked to their case; importing again changes nothing', async () => {
    const kase = await openCase(t.database, actor, {
      title: 'Port seizure',
      type: 'counterfeiting',
      office: '301',
    });
    const content =
      `${HEADER}S10,2025-03-02,301,${kase.number},Sneakers,6403.99,counterfeit_footwear,120,pairs,36000,Nike,yes,A;B,1500\n` +
      'S11,2025-04-10,301,,Cigarettes,2402,tobacco,50,cartons,12500,,,,\n';
    const first = await run('good.csv', content);
    expect(first.ok).toBe(true);
    expect(first.counts).toEqual({ seizures_inserted: 2, seizures_unchanged: 0 });
    const again = await run('good.csv', content);
    expect(again.counts).toEqual({ seizures_inserted: 0, seizures_unchanged: 2 });
    const linked = await listSeizures(t.database.db, { case_id: kase.id }, { limit: 10, offset: 0 });
    expect(linked.items).toEqual([
      expect.objectContaining({
        reference: 'S10',
        hs_code: '640399',
        quantity: 120,
        health_risk: true,
        officers: ['A', 'B'],
        duties_recovered: 1500,
        goods_status: 'held',
      }),
    ]);
  });
});
