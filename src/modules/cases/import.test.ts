import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { openCase } from './cases.ts';
import { seizuresTarget } from './import-target.ts';
import { createOperation } from './operations.ts';
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
    expect(first.counts).toEqual({ seizures_inserted: 2, seizures_unchanged: 0, lines_inserted: 2 });
    const again = await run('good.csv', content);
    expect(again.counts).toEqual({ seizures_inserted: 0, seizures_unchanged: 2, lines_inserted: 0 });
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

  it('refuses lines of one seizure that disagree on the seizure, or come apart, with their lines; nothing written', async () => {
    const summary = await run(
      'lines-bad.csv',
      `${HEADER}L1,2025-05-02,300,,Sneakers,6403,counterfeit_footwear,10,pairs,1000,Nike,no,,\n` +
        'L1,2025-05-03,300,,Caps,6505,counterfeit_clothing,5,pieces,200,Nike,no,,\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'seized_on', expect.stringMatching(/^differs from line 2 of the same seizure/)],
    ]);
    const apart = await run(
      'lines-apart.csv',
      `${HEADER}L2,2025-05-02,300,,Pills,3004,medicines,10,boxes,,,yes,,\n` +
        'L3,2025-05-02,300,,Cigarettes,2402,tobacco,5,cartons,,,,,\n' +
        'L2,2025-05-02,300,,Syrup,3004,medicines,1,boxes,,,yes,,\n',
    );
    expect(apart.ok).toBe(false);
    expect(apart.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [4, 'reference', expect.stringMatching(/lines of one seizure must follow each other/)],
    ]);
    expect((await listSeizures(t.database.db, { office: '300' }, { limit: 1, offset: 0 })).total).toBe(0);
  });

  it('groups the rows of one reference into the lines of one seizure, its value their sum', async () => {
    const summary = await run(
      'lines.csv',
      `${HEADER}M1,2025-06-02,302,,Sneakers,640399,counterfeit_footwear,10,pairs,1000,Nike,no,A,300\n` +
        'M1,2025-06-02,302,,Pills,3004,medicines,5,boxes,250,,yes,A,300\n' +
        'M2,2025-06-03,302,,Cigarettes,2402,tobacco,50,cartons,,,,,\n',
    );
    expect(summary.ok).toBe(true);
    expect(summary.counts).toEqual({ seizures_inserted: 2, seizures_unchanged: 0, lines_inserted: 3 });
    const items = (await listSeizures(t.database.db, { office: '302' }, { limit: 10, offset: 0 })).items;
    const m1 = items.find((s) => s.reference === 'M1')!;
    expect(m1).toMatchObject({
      description: 'Sneakers',
      category: 'counterfeit_footwear',
      estimated_value: 1250,
      quantity: null,
      unit: null,
      health_risk: true,
      duties_recovered: 300,
    });
    expect(m1.lines.map((l) => [l.line_no, l.category, l.quantity, l.unit, l.estimated_value])).toEqual([
      [1, 'counterfeit_footwear', 10, 'pairs', 1000],
      [2, 'medicines', 5, 'boxes', 250],
    ]);
    const medicines = await listSeizures(
      t.database.db,
      { office: '302', category: 'medicines' },
      { limit: 10, offset: 0 },
    );
    expect(medicines.items.map((s) => s.reference)).toEqual(['M1']);
  });

  it('refuses a row naming an unknown operation with its line, and counts a known one', async () => {
    const op = await createOperation(t.database, actor, {
      code: 'STOP-IV',
      name: 'STOP IV',
      starts_on: '2025-06-01',
      ends_on: '2025-06-30',
    });
    const header = 'reference,seized_on,office,operation_code,description,category,estimated_value\n';
    const bad = await run(
      'op-bad.csv',
      `${header}O1,2025-06-02,305,STOP-IV,Pills,medicines,10\nO2,2025-06-02,305,NOPE,Syrup,medicines,20\n`,
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'operation_code', message: 'no operation NOPE' }),
    ]);
    expect((await listSeizures(t.database.db, { office: '305' }, { limit: 1, offset: 0 })).total).toBe(0);
    const good = await run('op-good.csv', `${header}O1,2025-06-02,305,STOP-IV,Pills,medicines,10\n`);
    expect(good.ok).toBe(true);
    const tagged = await listSeizures(t.database.db, { operation_id: op.id }, { limit: 10, offset: 0 });
    expect(tagged.items.map((s) => s.reference)).toEqual(['O1']);
  });
});
