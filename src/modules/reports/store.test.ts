import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { nativeRow } from '../../../test/factories.ts';
import { recordOutcome } from '../risk/index.ts';
import { importRows, resetRisk, SYSTEM } from '../risk/testing/fixtures.ts';
import { overview } from './store.ts';

describeEachDatabase('reports overview', (t) => {
  beforeEach(async () => {
    await t.reset();
    await resetRisk(t.database);
  });

  it('counts declarations, items and their latest outcomes, in total, on the last day and per month', async () => {
    await importRows(t.database, [
      nativeRow({ reference: 'R-1', lodged_on: '2024-02-10', line_no: '1' }),
      nativeRow({
        reference: 'R-1',
        lodged_on: '2024-02-10',
        line_no: '2',
        result: 'compliant',
        inspected_on: '2024-02-11',
      }),
      nativeRow({
        reference: 'R-2',
        office: '302',
        lodged_on: '2024-03-05',
        result: 'fraud',
        inspected_on: '2024-03-06',
      }),
      nativeRow({ reference: 'R-3', lodged_on: '2024-03-05', hs_code: '8517120000' }),
    ]);
    const item = await t.database.db
      .selectFrom('declaration_items as i')
      .innerJoin('declarations as d', 'd.id', 'i.declaration_id')
      .select('i.id')
      .where('d.reference', '=', 'R-3')
      .executeTakeFirstOrThrow();
    // A later outcome replaces the earlier one in the figures.
    await recordOutcome(
      t.database,
      SYSTEM,
      { item_id: Number(item.id), result: 'critical', fraud_type: 'other', recovered_amount: 500 },
      { office: null },
    );
    const o = await overview(t.database.db);
    expect(o.totals).toEqual({
      declarations: 3,
      items: 4,
      inspected_items: 3,
      fraud_items: 1,
      critical_items: 1,
      recovered_amount: 500,
    });
    expect(o.last_day).toEqual({ date: '2024-03-05', declarations: 2, inspected_items: 2, fraud_items: 2 });
    expect(o.per_month).toEqual([
      { month: '2024-02', declarations: 1, inspected_items: 1, fraud_items: 0 },
      { month: '2024-03', declarations: 2, inspected_items: 2, fraud_items: 2 },
    ]);
    expect(o.by_office).toEqual([
      { office: '301', declarations: 2, fraud_items: 1 },
      { office: '302', declarations: 1, fraud_items: 1 },
    ]);
  });
});
