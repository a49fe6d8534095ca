import { describe, expect, it } from 'vitest';
import { type FeatureSpec, matrixFromRows } from '../matrix.ts';
import { trainGbdt } from './booster.ts';
import { type CompiledModel, goesLeft, KIND_LEAF, loadModel } from './model.ts';
import { predictMargin } from './predict.ts';
import { Rng } from './prng.ts';
import { treeShap } from './shap.ts';

/** E[f(x) | x_S] as path-dependent TreeSHAP defines it: follow x on features in S, else average by cover. */
function conditional(c: CompiledModel, x: number[], inS: boolean[]): number {
  let total = c.baseScore;
  const walk = (nd: number): number => {
    if (c.kind[nd] === KIND_LEAF) return c.value[nd]!;
    const f = c.feature[nd]!;
    const l = c.left[nd]!;
    const r = c.right[nd]!;
    if (inS[f]) return walk(goesLeft(c, nd, x[f]!) ? l : r);
    return (c.cover[l]! * walk(l) + c.cover[r]! * walk(r)) / c.cover[nd]!;
  };
  for (let t = 0; t < c.nTrees; t++) total += walk(c.roots[t]!);
  return total;
}

function bruteForceShapley(c: CompiledModel, x: number[]): number[] {
  const m = x.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array<number>(m).fill(0);
  for (let mask = 0; mask < 1 << m; mask++) {
    const inS = Array.from({ length: m }, (_, j) => ((mask >> j) & 1) === 1);
    const size = inS.filter(Boolean).length;
    const base = conditional(c, x, inS);
    for (let i = 0; i < m; i++) {
      if (inS[i]) continue;
      const withI = inS.slice();
      withI[i] = true;
      phi[i]! += ((fact(size) * fact(m - size - 1)) / fact(m)) * (conditional(c, x, withI) - base);
    }
  }
  return phi;
}

describe('TreeSHAP', () => {
  const features: FeatureSpec[] = [
    { name: 'a', kind: 'numeric' },
    { name: 'b', kind: 'numeric' },
    { name: 'c', kind: 'categorical', categories: ['p', 'q', 'r', 's', 't', 'u'] },
    { name: 'd', kind: 'numeric' },
  ];
  const rng = new Rng(7);
  const rows = Array.from({ length: 800 }, () => [
    rng.next() < 0.1 ? Number.NaN : rng.next(),
    rng.next(),
    rng.next() < 0.05 ? Number.NaN : rng.int(6),
    rng.next(),
  ]);
  const y = rows.map(([a, b, c, d]) =>
    (a! > 0.6 ? 1 : 0) + (b! * d! > 0.3 ? 1 : 0) + (c === 1 || c === 4 ? 1 : 0) + 0.5 * rng.next() > 1.2
      ? 1
      : 0,
  );
  const matrix = matrixFromRows(features, rows);
  const model = loadModel(trainGbdt({ matrix, label: y }, { nTrees: 6, maxDepth: 4, learningRate: 0.5 }));

  it('matches brute-force Shapley values of the path-dependent value function', () => {
    const probe = [0, 1, 2, 3, 17, 99, 250, 401];
    const shap = treeShap(model, matrix, probe);
    expect(shap.expected).toBeCloseTo(conditional(model, rows[0]!, [false, false, false, false]), 10);
    probe.forEach((row, k) => {
      const exact = bruteForceShapley(model, rows[row]!);
      for (let f = 0; f < features.length; f++) expect(shap.values[k * 4 + f]).toBeCloseTo(exact[f]!, 9);
    });
  });

  it('contributions plus the expected value equal the margin', () => {
    const margin = predictMargin(model, matrix);
    const shap = treeShap(model, matrix);
    for (let r = 0; r < matrix.nRows; r++) {
      let sum = shap.expected;
      for (let f = 0; f < 4; f++) sum += shap.values[r * 4 + f]!;
      expect(Math.abs(sum - margin[r]!)).toBeLessThan(1e-6);
    }
  });

  it('handles repeated features on a path and deeper trees', () => {
    const deep = loadModel(
      trainGbdt({ matrix, label: y }, { nTrees: 3, maxDepth: 7, learningRate: 0.5, minChildWeight: 0.1 }),
    );
    expect(deep.maxDepth).toBeGreaterThan(4);
    const shap = treeShap(deep, matrix, [5, 6]);
    [5, 6].forEach((row, k) => {
      const exact = bruteForceShapley(deep, rows[row]!);
      for (let f = 0; f < 4; f++) expect(shap.values[k * 4 + f]).toBeCloseTo(exact[f]!, 9);
    });
  });
});
