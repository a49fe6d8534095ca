import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { type NativeRow, nativeRow } from '../../../test/factories.ts';
import { loadLines, recordOutcome } from '../risk/index.ts';
import { importRows, resetRisk, SYSTEM } from '../risk/testing/fixtures.ts';
import { findingFor, ReferenceIndex } from './check.ts';
import {
  computeReferences,
  LOG_MAD_FLOOR,
  loadReferences,
  MAD_SCALE,
  rebuildReferences,
} from './references.ts';
import { checkLines } from './service.ts';
import { DEFAULT_VALUATION_SETTINGS } from './settings.ts';

/** percentile_cont as PostgreSQL computes it (linear interpolation between closest ranks). */
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
const median = (v: number[]) => percentile(v, 0.5);

let n = 0;
/** An item whose value per kg is `uv` (1 kg). */
const row = (uv: number, overrides: NativeRow = {}): NativeRow =>
  nativeRow({
    reference: `V-${++n}`,
    lodged_on: '2024-03-01',
    hs_code: '6208220000',
    origin_country: 'CN',
    net_mass_kg: '1',
    customs_value: String(uv),
    duty_rate: '10',
    ...overrides,
  });

const CN = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28];

describeEachDatabase('reference values', (t) => {
  beforeEach(async () => {
    n = 0;
    await t.reset();
    await resetRisk(t.database);
  });

  async function seed() {
    await importRows(t.database, [
      ...CN.map((uv) => row(uv)),
      row(1000), // an outlier
      row(1, { result: 'fraud', inspected_on: '2024-03-01' }), // a known fraud
      row(15, { origin_country: 'VN' }),
      row(16, { origin_country: 'VN' }),
      row(17, { origin_country: 'VN' }),
      row(30, { hs_code: '6208210000' }),
      row(40, { hs_code: '6208210000' }),
      row(50, { hs_code: '8517120000', lodged_on: '2022-01-01' }), // outside the window
    ]);
  }

  it('computes median, quartiles, P10, P90, MAD and count as hand-computed, outliers and frauds left out', async () => {
    await seed();
    const result = await rebuildReferences(t.database, { scope: 'full' });
    expect(result.window).toEqual({ from: '2023-03-03', to: '2024-03-01' });
    const refs = await loadReferences(t.database.db, null);
    const ref = refs.find((r) => r.level === 'hs6_origin' && r.hs === '620822' && r.origin === 'CN')!;
    expect(ref).toMatchObject({
      unit: 'kg',
      currency: 'MAD',
      n: 10,
      excluded_outliers: 1,
      window_from: '2023-03-03',
      window_to: '2024-03-01',
    });
    expect(ref.median).toBeCloseTo(19, 9);
    expect(ref.q1).toBeCloseTo(14.5, 9);
    expect(ref.q3).toBeCloseTo(23.5, 9);
    expect(ref.p10).toBeCloseTo(11.8, 9);
    expect(ref.p90).toBeCloseTo(26.2, 9);
    expect(ref.mad).toBeCloseTo(5, 9);
    const logs = CN.map(Math.log);
    expect(ref.log_median).toBeCloseTo(median(logs), 9);
    expect(ref.log_mad).toBeCloseTo(median(logs.map((x) => Math.abs(x - median(logs)))), 9);
    // VN has 3 observations (< 10): no HS6 × origin reference; HS6 pools CN and VN (13 kept, the outlier out).
    expect(refs.find((r) => r.level === 'hs6_origin' && r.origin === 'VN')).toBeUndefined();
    const hs6 = refs.find((r) => r.level === 'hs6' && r.hs === '620822')!;
    expect(hs6.n).toBe(13);
    expect(hs6.median).toBeCloseTo(median([...CN, 15, 16, 17]), 9);
    // HS4 6208 pools 620822 and 620821; 8517 is outside the window.
    expect(refs.find((r) => r.level === 'hs4' && r.hs === '6208')!.n).toBe(15);
    expect(refs.filter((r) => r.hs.startsWith('8517'))).toEqual([]);
    expect(result.levels).toEqual({ hs6_origin: 1, hs6: 1, hs4: 1 });
    // A back-test computes the same statistics without storing them.
    const computed = await computeReferences(t.database, result.window!, DEFAULT_VALUATION_SETTINGS);
    expect(computed.find((r) => r.level === 'hs6_origin')!.median).toBeCloseTo(19, 9);
  });

  it('builds per-item references from counts only: a quantity in kg or litres is no number of items', async () => {
    await importRows(t.database, [
      ...CN.map((uv) => row(uv, { quantity: '2', quantity_unit: 'PCE' })),
      ...CN.map((uv) => row(uv, { hs_code: '3304990000', quantity: '5', quantity_unit: 'LTR' })),
    ]);
    await rebuildReferences(t.database, { scope: 'full' });
    const refs = await loadReferences(t.database.db, null);
    const perItem = refs.filter((r) => r.unit === 'item' && r.level === 'hs6_origin');
    expect(perItem.map((r) => r.hs)).toEqual(['620822']);
    expect(perItem[0]!.median).toBeCloseTo(19 / 2, 9);
    expect(refs.some((r) => r.hs === '330499' && r.unit === 'kg')).toBe(true);
  });

  it('falls back HS6 × origin → HS6 → HS4, and gives ratio, robust z, under-valuation and duties at stake', async () => {
    await seed();
    await rebuildReferences(t.database, { scope: 'full' });
    const index = new ReferenceIndex(await loadReferences(t.database.db, null));
    const lines = await loadLines(t.database.db, {});
    const byRef = new Map(lines.map((l) => [l.reference, l]));
    const settings = DEFAULT_VALUATION_SETTINGS;
    const cn = findingFor(
      { ...byRef.get('V-1')!, item: { ...byRef.get('V-1')!.item, customs_value: 50, net_mass_kg: 10 } },
      index,
      settings,
    )!;
    expect(cn.level).toBe('hs6_origin');
    expect(cn.unit_value).toBe(5);
    expect(cn.ratio).toBeCloseTo(5 / 19, 9);
    const ref = index.lookup('620822', 'CN', 'kg', 'MAD')!;
    expect(cn.robust_z).toBeCloseTo(
      (Math.log(5) - ref.log_median) / (MAD_SCALE * Math.max(ref.log_mad, LOG_MAD_FLOOR)),
      9,
    );
    expect(cn.undervaluation_amount).toBeCloseTo((19 - 5) * 10, 9);
    expect(cn.duties_at_stake).toBeCloseTo(0.1 * 140, 9);
    expect(cn.flagged).toBe(true);
    expect(findingFor(byRef.get('V-13')!, index, settings)).toMatchObject({
      level: 'hs6',
      hs: '620822',
      origin: '',
    });
    expect(findingFor(byRef.get('V-16')!, index, settings)).toMatchObject({
      level: 'hs4',
      hs: '6208',
      flagged: false,
    });
    expect(findingFor(byRef.get('V-18')!, index, settings)).toBeNull();
    // A value at the median is not flagged and has nothing at stake.
    const at = findingFor(
      { ...byRef.get('V-1')!, item: { ...byRef.get('V-1')!.item, customs_value: 19 } },
      index,
      settings,
    )!;
    expect(at).toMatchObject({ flagged: false, undervaluation_amount: 0, duties_at_stake: 0 });
    // The check of lines read from a file gives the same.
    const checked = await checkLines(t.database.db, [byRef.get('V-13')!]);
    expect(checked[0]!.finding?.level).toBe('hs6');
  });

  it('rebuilds incrementally what was imported since, and what outcomes changed', async () => {
    await seed();
    const first = await rebuildReferences(t.database, { scope: 'incremental' });
    expect(first.hs4).toBeNull(); // the first build is a full one
    expect(await rebuildReferences(t.database, { scope: 'incremental' })).toMatchObject({
      skipped: 'nothing new since the last build',
    });
    await importRows(
      t.database,
      Array.from({ length: 10 }, (_, i) => row(100 + i, { hs_code: '8517120000', origin_country: 'VN' })),
    );
    const second = await rebuildReferences(t.database, { scope: 'incremental' });
    expect(second.hs4).toEqual(['8517']);
    const refs = await loadReferences(t.database.db, null);
    expect(refs.find((r) => r.hs === '851712' && r.level === 'hs6_origin')?.n).toBe(10);
    const builds = await t.database.db
      .selectFrom('valuation_references')
      .select(['hs', 'build_id'])
      .execute();
    expect(new Set(builds.filter((b) => b.hs.startsWith('6208')).map((b) => b.build_id))).toEqual(
      new Set([first.build_id]),
    );

    // An officer finds fraud on one of the CN items: it leaves the reference at once.
    const item = await t.database.db
      .selectFrom('declaration_items as i')
      .innerJoin('declarations as d', 'd.id', 'i.declaration_id')
      .select('i.id')
      .where('d.reference', '=', 'V-10')
      .executeTakeFirstOrThrow();
    await recordOutcome(
      t.database,
      SYSTEM,
      { item_id: item.id, result: 'fraud', fraud_type: 'valuation' },
      { office: null },
    );
    const after = (await loadReferences(t.database.db, null)).find(
      (r) => r.level === 'hs6_origin' && r.origin === 'CN',
    );
    expect(after).toBeUndefined(); // 9 observations left: below the minimum sample
  });
});
