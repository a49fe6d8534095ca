import { describe, expect, it } from 'vitest';
import type { DeclarationLine } from '../../declarations/index.ts';
import { column } from '../matrix.ts';
import { loadKcsSample } from '../testing/kcs.ts';
import { makeLine } from '../testing/lines.ts';
import { createBuilder, FeatureBuilder } from './builder.ts';
import { MedianReferenceTable } from './reference.ts';
import { FeatureState } from './state.ts';

const value = (b: FeatureBuilder, m: { values: Float32Array; nRows: number }, name: string, row: number) =>
  m.values[b.featureIndex(name) * m.nRows + row]!;

describe('feature builder', () => {
  it('is leakage-free: a label on day D never changes features of days <= D', () => {
    const lines = loadKcsSample().slice(0, 1000);
    const days = [...new Set(lines.map((l) => l.lodged_on))].sort();
    const day = days[Math.floor(days.length / 2)]!;
    const flipped: DeclarationLine[] = lines.map((l) =>
      l.lodged_on === day && l.outcome
        ? {
            ...l,
            outcome: { ...l.outcome, result: l.outcome.result === 'compliant' ? 'fraud' : 'compliant' },
          }
        : l,
    );
    const a = createBuilder(lines).transformOnline(lines);
    const b = createBuilder(flipped).transformOnline(flipped);
    let before = 0;
    let afterDiffers = 0;
    for (let i = 0; i < lines.length; i++) {
      const same = a.features.every((_, f) =>
        Object.is(a.values[f * a.nRows + i], b.values[f * b.nRows + i]),
      );
      if (lines[i]!.lodged_on <= day) {
        expect(same, `line ${i} (${lines[i]!.lodged_on}) saw a label of ${day}`).toBe(true);
        before++;
      } else if (!same) afterDiffers++;
    }
    expect(before).toBeGreaterThan(100);
    // The flipped labels do reach later days, so the comparison above can detect leakage.
    expect(afterDiffers).toBeGreaterThan(0);
  });

  it('uses a label only after its inspection date', () => {
    const lines = [
      makeLine({ date: '2024-01-01', importer: 'X', result: 'fraud', inspectedOn: '2024-01-05' }),
      makeLine({ date: '2024-01-03', importer: 'X', result: 'compliant' }),
      makeLine({ date: '2024-01-06', importer: 'X', result: 'compliant' }),
    ];
    const b = createBuilder(lines);
    const m = b.transformOnline(lines);
    expect(value(b, m, 'importer_n', 0)).toBe(0);
    // Day 3 knows nothing yet: the fraud of day 1 is only known on day 5.
    expect(value(b, m, 'importer_n', 1)).toBe(0);
    expect(value(b, m, 'importer_n', 2)).toBe(2);
  });

  it('smooths profile rates toward the prior (m-estimate) and counts inspections', () => {
    const lines = [
      makeLine({ date: '2024-01-01', importer: 'A', result: 'fraud' }),
      makeLine({ date: '2024-01-01', importer: 'A', result: 'compliant' }),
      makeLine({ date: '2024-01-01', importer: 'B', result: 'compliant' }),
      makeLine({ date: '2024-01-01', importer: 'B', result: 'critical' }),
      makeLine({ date: '2024-01-02', importer: 'A', result: null }),
      makeLine({ date: '2024-01-02', importer: 'C', result: null }),
      makeLine({ date: '2024-01-02', importer: null, result: null }),
    ];
    const b = createBuilder(lines);
    const m = b.transformOnline(lines);
    // Prior (2 frauds + 1) / (4 + 2) = 0.5; importer A: (1 + 5 × 0.5) / (2 + 5).
    expect(value(b, m, 'importer_rate', 4)).toBeCloseTo(3.5 / 7, 6);
    expect(value(b, m, 'importer_n', 4)).toBe(2);
    expect(value(b, m, 'importer_rate', 5)).toBeCloseTo(0.5, 6);
    expect(value(b, m, 'importer_n', 5)).toBe(0);
    expect(value(b, m, 'importer_rate', 6)).toBeNaN();
    // Critical rate: (0 + 5 × (1 + 0.1) / 5) / 7 for A, which had no critical outcome.
    expect(value(b, m, 'importer_critical_rate', 4)).toBeCloseTo((5 * (1.1 / 5)) / 7, 6);
    expect(value(b, m, 'importer_hs6_n', 4)).toBe(2);
    expect(value(b, m, 'importer_hs6_n', 5)).toBe(0);
  });

  it('compares unit values with the median of past compliant ones, falling back from HS6×origin to HS6', () => {
    const lines = [
      makeLine({ date: '2024-01-01', hs: '620822', origin: 'CN', value: 100, mass: 1 }),
      makeLine({ date: '2024-01-01', hs: '620822', origin: 'CN', value: 300, mass: 1 }),
      makeLine({ date: '2024-01-01', hs: '620822', origin: 'CN', value: 200, mass: 1 }),
      // A fraud does not move the reference.
      makeLine({ date: '2024-01-01', hs: '620822', origin: 'CN', value: 1, mass: 1, result: 'fraud' }),
      makeLine({ date: '2024-01-02', hs: '620822', origin: 'CN', value: 50, mass: 1, result: null }),
      makeLine({ date: '2024-01-02', hs: '620822', origin: 'VN', value: 400, mass: 1, result: null }),
      makeLine({ date: '2024-01-02', hs: '620822', origin: 'VN', value: 400, mass: null, result: null }),
    ];
    const b = createBuilder(lines);
    const m = b.transformOnline(lines);
    expect(Math.exp(value(b, m, 'uv_ratio_ref', 4))).toBeCloseTo(0.25, 5);
    expect(value(b, m, 'ref_basis', 4)).toBe(0);
    expect(value(b, m, 'ref_n', 4)).toBe(3);
    // No VN history: HS6 over all origins.
    expect(Math.exp(value(b, m, 'uv_ratio_ref', 5))).toBeCloseTo(2, 5);
    expect(value(b, m, 'ref_basis', 5)).toBe(1);
    expect(value(b, m, 'uv_ratio_ref', 6)).toBeNaN();
    expect(value(b, m, 'uv_ratio_ref', 0)).toBeNaN();
  });

  it('takes reference values from an external source when given one', () => {
    const lines = [makeLine({ date: '2024-01-01', value: 30, mass: 1, result: null })];
    const state = FeatureState.fit(lines);
    const b = new FeatureBuilder(state, {
      references: {
        lookup: (hs6, origin) => ({
          unitValue: hs6 === '620822' && origin === 'CN' ? 120 : 1,
          basis: 'hs6_origin',
          n: 9,
        }),
      },
    });
    const m = b.transform(lines);
    expect(Math.exp(value(b, m, 'uv_ratio_ref', 0))).toBeCloseTo(0.25, 5);
    expect(value(b, m, 'ref_n', 0)).toBe(9);
  });

  it('encodes categories with the training vocabulary and unseen ones as missing', () => {
    const lines = [
      makeLine({ date: '2024-01-01', office: '10' }),
      makeLine({ date: '2024-01-01', office: '20' }),
    ];
    const b = createBuilder(lines);
    const m = b.transform([
      makeLine({ date: '2024-02-01', office: '20' }),
      makeLine({ date: '2024-02-01', office: '99' }),
    ]);
    const spec = m.features[b.featureIndex('cat_office')]!;
    expect(spec.kind).toBe('categorical');
    expect(spec.categories![value(b, m, 'cat_office', 0)]).toBe('20');
    expect(value(b, m, 'cat_office', 1)).toBeNaN();
    expect(m.features.some((f) => f.name === 'cat_attr_import_type')).toBe(true);
  });

  it('serialises the state: a reloaded state gives the same features', () => {
    const lines = loadKcsSample();
    const train = lines.slice(0, 1000);
    const b = createBuilder(train);
    b.transformOnline(train);
    const reloaded = new FeatureBuilder(FeatureState.fromJSON(JSON.parse(JSON.stringify(b.state.toJSON()))));
    const later = lines.slice(1000);
    const x = b.transform(later);
    const y = reloaded.transform(later);
    expect(Array.from(y.values)).toEqual(Array.from(x.values));
    expect(() => FeatureState.fromJSON({ ...b.state.toJSON(), version: 7 })).toThrow(/version 7/);
    expect(column(x, b.featureIndex('importer_n')).some((v) => v > 0)).toBe(true);
  });

  it('keeps the reference window bounded and its median exact', () => {
    const t = new MedianReferenceTable(5, 1);
    for (const v of [10, 20, 30, 40, 50, 60, 70]) t.add('111111', 'FR', v);
    // Window keeps 30..70.
    expect(t.lookup('111111', 'FR')).toEqual({ unitValue: 50, basis: 'hs6_origin', n: 5 });
    expect(MedianReferenceTable.fromJSON(t.toJSON()).lookup('111111', 'FR')).toEqual(
      t.lookup('111111', 'FR'),
    );
  });
});
