import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import type { ImportTarget } from '../../platform/ingest/target.ts';
import { getCompany, listManifests, listPayments, listTrademarks } from './store.ts';
import { companiesTarget, manifestsTarget, paymentsTarget, trademarksTarget } from './targets.ts';

const files = tempFiles();

describeEachDatabase('partner imports', (t) => {
  beforeEach(() => t.reset());

  const run = <Row>(target: ImportTarget<Row>, name: string, content: string) =>
    runImport(t.database, target, {
      file: files.write(name, content),
      profile: resolveProfile(target.name, 'native'),
    });

  it('refuses a key seen twice in a file, naming the first line', async () => {
    const summary = await run(
      paymentsTarget,
      'dup.csv',
      'payment_reference,importer_code,paid_on,amount,currency\nP1,I1,2024-01-02,10,USD\nP2,I1,2024-01-02,20,USD\nP1,I2,2024-01-03,30,EUR\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'import.duplicate_key',
        message: 'payment P1 already appears at line 2 of this file',
      }),
    ]);
    expect((await listPayments(t.database.db, {}, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('checks amounts, currencies, container numbers and Nice classes', async () => {
    const payments = await run(
      paymentsTarget,
      'bad-pay.csv',
      'payment_reference,importer_code,paid_on,amount,currency\nP1,I1,2024-01-02,0,USD\nP2,I1,2024-01-02,5,dollars\n',
    );
    expect(payments.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'amount', 'expected an amount above zero'],
      [3, 'currency', expect.stringMatching(/ISO 4217/)],
    ]);
    const manifests = await run(
      manifestsTarget,
      'bad-man.csv',
      'document_number,document_type,containers\nB1,bill_of_lading,MSCU1234567;12345\nB2,ship,\n',
    );
    expect(manifests.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'containers', expect.stringMatching(/ISO 6346/)],
      [3, 'document_type', 'expected one of bill_of_lading, air_waybill, road_consignment, other'],
    ]);
    const marks = await run(
      trademarksTarget,
      'bad-tm.csv',
      'brand,owner,nice_classes\nNike,Nike Inc,25;99\n',
    );
    expect(marks.errors[0]).toMatchObject({
      column: 'nice_classes',
      message: 'expected Nice classes 1 to 45',
    });
  });

  it('inserts new register entries, updates changed ones and leaves identical ones alone', async () => {
    const header = 'company_id,name,city,created_on,capital,managers\n';
    const first = await run(
      companiesTarget,
      'c1.csv',
      `${header}C1,Atlas Import,Casablanca,2019-05-02,100000,Karim A;Salma B\nC2,Rif Trading,Nador,2023-11-20,10000,\n`,
    );
    expect(first.counts).toEqual({ companies_inserted: 2, companies_updated: 0, companies_unchanged: 0 });
    const second = await run(
      companiesTarget,
      'c2.csv',
      `${header}C1,Atlas Import,Tanger,2019-05-02,100000,Karim A;Salma B\nC2,Rif Trading,Nador,2023-11-20,10000,\nC3,Souss Négoce,Agadir,,,\n`,
    );
    expect(second.counts).toEqual({ companies_inserted: 1, companies_updated: 1, companies_unchanged: 1 });
    expect(await getCompany(t.database.db, 'C1')).toMatchObject({
      city: 'Tanger',
      managers: ['Karim A', 'Salma B'],
      capital: 100000,
      created_on: '2019-05-02',
    });
    expect(await getCompany(t.database.db, 'C3')).toMatchObject({ managers: [], capital: null });
  });

  it('stores manifests with their containers and trademarks with their classes', async () => {
    const manifests = await run(
      manifestsTarget,
      'm.csv',
      'document_number,document_type,consignee_code,gross_mass_kg,containers,declaration_reference\nB1,bill_of_lading,I1,1200.5,MSCU1234567;MSCU7654321,D1\nA1,air_waybill,I1,12,,D2\n',
    );
    expect(manifests.ok).toBe(true);
    const page = await listManifests(t.database.db, { consignee: 'I1' }, { limit: 10, offset: 0 });
    expect(page.items.map((m) => [m.document_number, m.containers])).toEqual(
      expect.arrayContaining([
        ['B1', ['MSCU1234567', 'MSCU7654321']],
        ['A1', []],
      ]),
    );
    await run(trademarksTarget, 't.csv', 'brand,owner,nice_classes,owner_country\nRolex,Rolex SA,14,ch\n');
    expect(
      (await listTrademarks(t.database.db, { brand: 'rol' }, { limit: 10, offset: 0 })).items[0],
    ).toMatchObject({
      nice_classes: [14],
      owner_country: 'CH',
    });
  });
});
