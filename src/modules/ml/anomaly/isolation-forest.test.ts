import { describe, expect, it } from 'vitest';
import { Rng } from '../gbdt/prng.ts';
import { matrixFromRows } from '../matrix.ts';
import {
  anomalyPercentile,
  anomalyScores,
  averagePathLength,
  fitIsolationForest,
} from './isolation-forest.ts';

const features = [
  { name: 'a', kind: 'numeric' as const },
  { name: 'b', kind: 'numeric' as const },
];

describe('isolation forest', () => {
  const rng = new Rng(9);
  const rows = Array.from({ length: 1000 }, () => [rng.next(), rng.next() < 0.05 ? Number.NaN : rng.next()]);
  const m = matrixFromRows(features, rows);

  it('scores an outlier far above ordinary rows', () => {
    const forest = fitIsolationForest(m, { seed: 1 });
    const probe = matrixFromRows(features, [
      [0.5, 0.5],
      [25, -30],
    ]);
    const [normal, outlier] = anomalyScores(forest, probe);
    expect(normal).toBeLessThan(0.55);
    expect(outlier).toBeGreaterThan(normal! + 0.1);
    expect(anomalyPercentile(forest, outlier!)).toBe(1);
    expect(anomalyPercentile(forest, normal!)).toBeLessThan(0.9);
  });

  it('is deterministic for a seed', () => {
    const a = anomalyScores(fitIsolationForest(m, { seed: 4, nTrees: 20 }), m);
    const b = anomalyScores(fitIsolationForest(m, { seed: 4, nTrees: 20 }), m);
    const c = anomalyScores(fitIsolationForest(m, { seed: 5, nTrees: 20 }), m);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('uses the paper normalisation c(n)', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // c(256) ≈ 10.24 (Liu et al. 2008).
    expect(averagePathLength(256)).toBeCloseTo(10.24, 1);
  });

  it('rejects empty input and a mismatched schema', () => {
    expect(() => fitIsolationForest(matrixFromRows(features, []))).toThrow(/no rows/);
    const forest = fitIsolationForest(m, { nTrees: 5 });
    expect(() => anomalyScores(forest, matrixFromRows([features[1]!, features[0]!], [[1, 2]]))).toThrow(
      /schema/,
    );
  });
});
