/**
 * Goods lines: the migration gives a seizure recorded before lines its goods as line 1, and the one-line fields
 * stay the summary of the lines whichever way a seizure is recorded or changed.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { lineSummary } from './lines.ts';
import { BACKFILL_LINES } from './migrations/0018_cases_lines_operations.ts';
import { getSeizure, recordSeizure, updateSeizure } from './seizures.ts';

const actor = { id: null, name: 'officer-test', ip: null };

it('summarises lines: line 1 names the goods, values and masses add up, quantities only in one unit', () => {
  const line = {
    description: 'a',
    hs_code: null,
    category: 'tobacco' as const,
    quantity: 2,
    unit: 'cartons',
    net_mass_kg: 1.5,
    estimated_value: null,
    brand: null,
    rights_holder: null,
    health_risk: false,
  };
  expect(lineSummary([line, { ...line, quantity: 3, estimated_value: 10, health_risk: true }])).toMatchObject(
    {
      description: 'a',
      quantity: 5,
      unit: 'cartons',
      net_mass_kg: 3,
      estimated_value: 10,
      health_risk: true,
    },
  );
  expect(lineSummary([line, { ...line, unit: 'kg' }])).toMatchObject({ quantity: null, unit: null });
  expect(lineSummary([line])).toMatchObject({ quantity: 2, unit: 'cartons', estimated_value: null });
});

describeEachDatabase('seizure lines', (t) => {
  it('refuses a value beside lines, and a one-line value on a seizure of several lines (409)', async () => {
    await expect(
      recordSeizure(t.database, actor, { seized_on: '2026-01-01', office: '400' }),
    ).rejects.toMatchObject({ status: 400, code: 'seizure.goods_required' });
    const two = await recordSeizure(t.database, actor, {
      seized_on: '2026-01-01',
      office: '400',
      lines: [
        { description: 'Shoes', category: 'counterfeit_footwear', estimated_value: 100 },
        { description: 'Bags', category: 'counterfeit_accessories', estimated_value: 50 },
      ],
    });
    await expect(updateSeizure(t.database, actor, two.id, { estimated_value: 10 })).rejects.toMatchObject({
      status: 409,
      code: 'seizure.multi_line_value',
    });
    await expect(
      updateSeizure(t.database, actor, two.id, {
        estimated_value: 10,
        lines: [{ description: 'x', category: 'other' }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'seizure.value_and_lines' });
  });

  it('keeps the one-line fields as the summary when lines are recorded, replaced or valued', async () => {
    const one = await recordSeizure(t.database, actor, {
      seized_on: '2026-01-02',
      office: '400',
      description: 'Cigarettes',
      category: 'tobacco',
      quantity: 10,
      unit: 'cartons',
    });
    expect(one.lines).toEqual([
      expect.objectContaining({ line_no: 1, description: 'Cigarettes', quantity: 10 }),
    ]);
    const valued = await updateSeizure(t.database, actor, one.id, { estimated_value: 900 });
    expect(valued.estimated_value).toBe(900);
    expect(valued.lines[0]!.estimated_value).toBe(900);
    const replaced = await updateSeizure(t.database, actor, one.id, {
      lines: [
        {
          description: 'Cigarettes',
          category: 'tobacco',
          quantity: 10,
          unit: 'cartons',
          estimated_value: 900,
        },
        { description: 'Cigars', category: 'tobacco', quantity: 2, unit: 'cartons', estimated_value: 600 },
      ],
    });
    expect(replaced).toMatchObject({ quantity: 12, unit: 'cartons', estimated_value: 1500 });
    expect((await getSeizure(t.database.db, one.id)).lines.map((l) => l.line_no)).toEqual([1, 2]);
    const audit = await listAudit(
      t.database.db,
      { target_type: 'seizure', target_id: String(one.id) },
      { limit: 10, offset: 0 },
    );
    const replacedEntry = audit.items.find(
      (e) => e.action === 'seizure.updated' && JSON.stringify(e.after).includes('Cigars'),
    );
    expect(replacedEntry?.before).toMatchObject({
      lines: [expect.objectContaining({ description: 'Cigarettes' })],
    });
  });

  it("the migration's backfill gives a seizure without lines its goods as line 1, once", async () => {
    const row = await t.database.db
      .insertInto('seizures')
      .values({
        reference: 'OLD-1',
        seized_on: '2024-05-01',
        office: '401',
        description: 'Old seizure',
        hs_code: '6403',
        category: 'counterfeit_footwear',
        quantity: 7,
        unit: 'pairs',
        estimated_value: 700,
        brand: 'Nike',
        health_risk: true,
        created_by: 'legacy',
        import_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql.raw(BACKFILL_LINES).execute(t.database.db);
    await sql.raw(BACKFILL_LINES).execute(t.database.db);
    const seizure = await getSeizure(t.database.db, Number(row.id));
    expect(seizure.lines).toEqual([
      {
        line_no: 1,
        description: 'Old seizure',
        hs_code: '6403',
        category: 'counterfeit_footwear',
        quantity: 7,
        unit: 'pairs',
        net_mass_kg: null,
        estimated_value: 700,
        brand: 'Nike',
        rights_holder: null,
        health_risk: true,
      },
    ]);
  });
});
