import { describe, expect, it } from 'vitest';
import { type FeatureSpec, matrixFromRows } from '../matrix.ts';
import { rocAuc } from '../metrics.ts';
import { trainGbdt } from './booster.ts';
import { loadModel, serializeModel } from './model.ts';
import { predict, predictMargin } from './predict.ts';
import { Rng } from './prng.ts';

const num = (name: string): FeatureSpec => ({ name, kind: 'numeric' });

describe('histogram GBDT', () => {
  it('finds the single split of a step function', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i / 100);
    const m = matrixFromRows(
      [num('x')],
      xs.map((x) => [x]),
    );
    const y = xs.map((x) => (x > 0.5 ? 1 : 0));
    const model = trainGbdt(
      { matrix: m, label: y },
      { objective: 'regression', nTrees: 1, maxDepth: 1, learningRate: 1, lambda: 0, minChildWeight: 0 },
    );
    const tree = model.trees[0]!;
    expect(tree.feature[0]).toBe(0);
    // Cut halfway between 0.5 and 0.51 (float32 inputs).
    expect(tree.threshold[0]).toBeCloseTo((0.5 + Math.fround(0.51)) / 2, 9);
    const c = loadModel(model);
    const p = predict(c, matrixFromRows([num('x')], [[0.2], [0.5], [0.51], [0.9]]));
    expect(Array.from(p).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 0, 1, 1]);
  });

  it('routes missing values to the side learnt from the data', () => {
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      if (i % 2) {
        rows.push([Number.NaN]);
        y.push(1);
      } else {
        const x = i / 200;
        rows.push([x]);
        y.push(x > 0.8 ? 1 : 0);
      }
    }
    const model = trainGbdt(
      { matrix: matrixFromRows([num('x')], rows), label: y },
      { objective: 'regression', nTrees: 1, maxDepth: 1, learningRate: 1, lambda: 0, minChildWeight: 0 },
    );
    const tree = model.trees[0]!;
    expect(tree.threshold[0]).toBeGreaterThan(0.79);
    expect(tree.threshold[0]).toBeLessThan(0.82);
    // Missing rows are all positive: they must join the x > 0.8 side, which is the right child.
    expect(tree.defaultLeft[0]).toBe(0);
    const p = predict(loadModel(model), matrixFromRows([num('x')], [[Number.NaN], [0.1], [0.95]]));
    expect(p[0]).toBeCloseTo(1, 6);
    expect(p[1]).toBeCloseTo(0, 6);
    expect(p[2]).toBeCloseTo(1, 6);
  });

  it('sends missing values to the heavier side when training saw none', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i < 80 ? 0 : 1]);
    const y = rows.map((r) => r[0]!);
    const model = trainGbdt(
      { matrix: matrixFromRows([num('x')], rows), label: y },
      { objective: 'regression', nTrees: 1, maxDepth: 1, learningRate: 1, lambda: 0, minChildWeight: 0 },
    );
    expect(model.trees[0]!.defaultLeft[0]).toBe(1);
    expect(predict(loadModel(model), matrixFromRows([num('x')], [[Number.NaN]]))[0]).toBeCloseTo(0, 6);
  });

  it('learns a categorical split that no threshold on the codes could make', () => {
    const categories = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const risky = new Set([0, 2, 5, 7]);
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      rows.push([i % 8]);
      y.push(risky.has(i % 8) ? 1 : 0);
    }
    const spec: FeatureSpec = { name: 'cat', kind: 'categorical', categories };
    const model = trainGbdt(
      { matrix: matrixFromRows([spec], rows), label: y },
      {
        objective: 'regression',
        nTrees: 1,
        maxDepth: 1,
        learningRate: 1,
        lambda: 0,
        catL2: 0,
        minChildWeight: 0,
      },
    );
    const tree = model.trees[0]!;
    expect(tree.catNodes).toEqual([0]);
    const left = new Set(tree.catSets[0]);
    const expected = left.has(0) ? [0, 2, 5, 7] : [1, 3, 4, 6];
    expect([...left].sort()).toEqual(expected);
    const p = predict(
      loadModel(model),
      matrixFromRows(
        [spec],
        categories.map((_, c) => [c]),
      ),
    );
    expect(Array.from(p).map((v) => Math.round(v))).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
  });

  it('stops early when the validation loss stops improving', () => {
    const rng = new Rng(3);
    const make = (n: number) => {
      const rows = Array.from({ length: n }, () => [rng.next(), rng.next()]);
      return {
        matrix: matrixFromRows([num('a'), num('b')], rows),
        label: rows.map(() => (rng.next() < 0.3 ? 1 : 0)),
      };
    };
    let calls = 0;
    const model = trainGbdt(
      make(600),
      { nTrees: 200, earlyStoppingRounds: 5, learningRate: 0.3 },
      { validation: make(300), onIteration: () => calls++ },
    );
    // Labels are pure noise: the best round comes early and training stops 5 rounds later.
    expect(calls).toBeLessThan(200);
    expect(calls).toBe(model.training.bestIteration + 1 + 5);
    expect(model.trees.length).toBe(model.training.bestIteration + 1);
  });

  it('is deterministic for a seed, with row and column subsampling, on one or two threads', () => {
    const rng = new Rng(11);
    const nf = 40;
    const feats = Array.from({ length: nf }, (_, f) => num(`f${f}`));
    const rows = Array.from({ length: 6000 }, () => Array.from({ length: nf }, () => rng.next()));
    const y = rows.map((r) => (r[0]! + r[1]! * r[2]! + 0.3 * rng.next() > 0.9 ? 1 : 0));
    const data = { matrix: matrixFromRows(feats, rows), label: y };
    const params = { nTrees: 15, subsample: 0.7, colsampleByTree: 0.6, seed: 5 };
    const a = trainGbdt(data, { ...params, nThreads: 1 });
    const b = trainGbdt(data, { ...params, nThreads: 1 });
    const two = trainGbdt(data, { ...params, nThreads: 2 });
    const all = trainGbdt(data, { nTrees: 15, seed: 5, nThreads: 2 });
    const allOne = trainGbdt(data, { nTrees: 15, seed: 5, nThreads: 1 });
    const other = trainGbdt(data, { ...params, seed: 6, nThreads: 1 });
    expect(JSON.stringify(b.trees)).toBe(JSON.stringify(a.trees));
    expect(two.training.threads).toBe(2);
    expect(a.training.threads).toBe(1);
    expect(JSON.stringify(two.trees)).toBe(JSON.stringify(a.trees));
    expect(JSON.stringify(all.trees)).toBe(JSON.stringify(allOne.trees));
    expect(JSON.stringify(other.trees)).not.toBe(JSON.stringify(a.trees));
  });

  it('learns an interaction (XOR) with depth-2 trees', () => {
    const rng = new Rng(1);
    const rows = Array.from({ length: 2000 }, () => [rng.next(), rng.next()]);
    const y = rows.map(([a, b]) => (a! > 0.5 !== b! > 0.5 ? 1 : 0));
    const m = matrixFromRows([num('a'), num('b')], rows);
    const model = trainGbdt({ matrix: m, label: y }, { nTrees: 30, maxDepth: 2, learningRate: 0.3 });
    expect(rocAuc(y, predictMargin(loadModel(model), m))).toBeGreaterThan(0.99);
  });

  it('grows leaf-wise up to maxLeaves, deeper than a depth-wise tree of as many leaves', () => {
    const rng = new Rng(2);
    const rows = Array.from({ length: 3000 }, () => [rng.next(), rng.next(), rng.next()]);
    const y = rows.map(([a, b, c]) => (a! > 0.9 || (b! > 0.95 && c! < 0.2) ? 1 : 0));
    const m = matrixFromRows([num('a'), num('b'), num('c')], rows);
    const model = trainGbdt(
      { matrix: m, label: y },
      { nTrees: 1, growPolicy: 'lossguide', maxLeaves: 5, maxDepth: 0, minChildWeight: 0.01 },
    );
    const tree = model.trees[0]!;
    expect(tree.feature.filter((f) => f < 0)).toHaveLength(5);
    const depth = (nd: number): number =>
      tree.feature[nd]! < 0 ? 0 : 1 + Math.max(depth(tree.left[nd]!), depth(tree.right[nd]!));
    expect(depth(0)).toBeGreaterThanOrEqual(3);
  });

  it('weights positives with scalePosWeight', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i % 10]);
    const y = rows.map((_, i) => (i % 5 === 0 ? 1 : 0));
    const m = matrixFromRows([num('x')], rows);
    const plain = trainGbdt({ matrix: m, label: y }, { nTrees: 1 });
    const weighted = trainGbdt({ matrix: m, label: y }, { nTrees: 1, scalePosWeight: 4 });
    // Base rate 0.2 → odds 0.25; with weight 4 the weighted odds are 1.
    expect(plain.baseScore).toBeCloseTo(Math.log(0.25), 9);
    expect(weighted.baseScore).toBeCloseTo(0, 9);
  });

  it('rejects empty input, one-class labels, bad parameters and a mismatched schema', () => {
    const m = matrixFromRows([num('x')], [[1], [2], [3]]);
    expect(() => trainGbdt({ matrix: matrixFromRows([num('x')], []), label: [] })).toThrow(/no rows/);
    expect(() => trainGbdt({ matrix: m, label: [1, 1, 1] })).toThrow(/both classes/);
    expect(() => trainGbdt({ matrix: m, label: [0, 1] })).toThrow(/2 labels for 3 rows/);
    expect(() => trainGbdt({ matrix: m, label: [0, 1, 2] })).toThrow(/binary label 2/);
    expect(() => trainGbdt({ matrix: m, label: [0, 1, 0] }, { maxBins: 300 })).toThrow(/maxBins/);
    const model = loadModel(serializeModel(trainGbdt({ matrix: m, label: [0, 1, 0] }, { nTrees: 2 })));
    expect(() => predict(model, matrixFromRows([num('y')], [[1]]))).toThrow(/schema mismatch/);
    expect(() => predict(model, matrixFromRows([num('x'), num('z')], [[1, 2]]))).toThrow(/schema mismatch/);
  });
});
