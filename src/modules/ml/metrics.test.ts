import { describe, expect, it } from 'vitest';
import {
  biasReport,
  calibration,
  precisionAt,
  psi,
  rankByScore,
  recallAt,
  revenueAt,
  rocAuc,
  selectedCount,
  selectTop,
} from './metrics.ts';

// Ten rows; by score the order is rows 0..9 (row 0 riskiest).
const score = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
const label = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0];
const revenue = [100, 50, 10, 40, 0, 0, 50, 0, 0, 0];

describe('metrics', () => {
  it('precision, recall and revenue at n %', () => {
    expect(selectedCount(10, 0.3)).toBe(3);
    expect(selectedCount(8134, 0.05)).toBe(406);
    expect(precisionAt(label, score, 0.3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAt(label, score, 0.1)).toBe(1);
    expect(recallAt(label, score, 0.3)).toBeCloseTo(2 / 4, 12);
    expect(recallAt(label, score, 0.5)).toBeCloseTo(3 / 4, 12);
    // Frauds' revenue: 100 + 10 + 40 + 50 = 200; the top 30 % catch rows 0 and 2: 110.
    expect(revenueAt(label, score, revenue, 0.3)).toBeCloseTo(110 / 200, 12);
    expect(() => precisionAt(label, score, 0)).toThrow(/share/);
    expect(() => precisionAt([], [], 0.1)).toThrow(/at least one row/);
  });

  it('ROC-AUC by hand, with ties sharing ranks', () => {
    // Positives 0, 2, 3, 6 against negatives 1, 4, 5, 7, 8, 9: row 0 outranks all 6 negatives, rows 2 and 3
    // outrank 5 each (not row 1), row 6 outranks 3 → 19 of 24 pairs.
    expect(rocAuc(label, score)).toBeCloseTo(19 / 24, 12);
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    // Pairs: (0,1) tied → ½, (0,3) → 1, (2,1) → 0, (2,3) → 0.
    expect(rocAuc([1, 0, 1, 0], [0.9, 0.9, 0.1, 0.2])).toBeCloseTo(1.5 / 4, 12);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('calibration table and Brier score', () => {
    const c = calibration([1, 0, 1, 0], [0.9, 0.1, 0.6, 0.4], 2);
    expect(c.brier).toBeCloseTo((0.01 + 0.01 + 0.16 + 0.16) / 4, 12);
    expect(c.bins[0]).toEqual({ lo: 0, hi: 0.5, n: 2, meanPredicted: 0.25, observedRate: 0 });
    expect(c.bins[1]!.meanPredicted).toBeCloseTo(0.75, 12);
    expect(c.bins[1]!.observedRate).toBe(1);
    expect(c.ece).toBeCloseTo(0.25, 12);
  });

  it('population stability index', () => {
    const base = Array.from({ length: 1000 }, (_, i) => i / 1000);
    expect(psi(base, base)).toBeCloseTo(0, 12);
    // Shifted by half the range: clearly above the 0.25 drift threshold.
    expect(
      psi(
        base,
        base.map((v) => v + 0.5),
      ),
    ).toBeGreaterThan(0.25);
    // Two bins, 50/50 expected against 80/20 actual: (0.3 ln 1.6) + (−0.3 ln 0.4).
    const twoBins = psi([0, 0, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], 2);
    expect(twoBins).toBeCloseTo(0.3 * Math.log(1.6) + -0.3 * Math.log(0.4), 12);
    // Missing values have their own bin.
    expect(psi([1, 2, Number.NaN, 4], [1, 2, 3, 4])).toBeGreaterThan(0);
  });

  it('bias report by group', () => {
    const group = ['A', 'A', 'B', 'B', 'B', 'C'];
    const sel = selectTop([0.9, 0.1, 0.8, 0.7, 0.2, 0.6], 0.5);
    expect(Array.from(sel)).toEqual([1, 0, 1, 1, 0, 0]);
    const rows = biasReport(group, sel, [1, 0, 0, 1, 1, 0]);
    expect(rows.map((r) => r.group)).toEqual(['B', 'A', 'C']);
    expect(rows[0]).toEqual({
      group: 'B',
      n: 3,
      selected: 2,
      selectionRate: 2 / 3,
      precision: 0.5,
      fraudRate: 2 / 3,
      recall: 0.5,
    });
    expect(rows[2]!.precision).toBeNaN();
    expect(Array.from(rankByScore([0.2, 0.9, 0.2]))).toEqual([1, 0, 2]);
  });
});
