import { describe, expect, it } from 'vitest';
import { type FeatureSpec, matrixFromRows } from '../matrix.ts';
import { trainGbdt } from './booster.ts';
import {
  type CompiledModel,
  type GbdtModel,
  goesLeft,
  KIND_LEAF,
  loadModel,
  serializeModel,
} from './model.ts';
import { predictMargin } from './predict.ts';
import { Rng } from './prng.ts';

const features: FeatureSpec[] = [
  { name: 'x', kind: 'numeric' },
  { name: 'kind', kind: 'categorical', categories: ['a', 'b', 'c', 'd', 'e'] },
];

function fixture() {
  const rng = new Rng(4);
  const rows = Array.from({ length: 500 }, () => [rng.next() < 0.1 ? Number.NaN : rng.next(), rng.int(5)]);
  const y = rows.map(([x, k]) => ((x! > 0.5 ? 1 : 0) + (k === 3 ? 1 : 0) + rng.next() > 1.3 ? 1 : 0));
  return { matrix: matrixFromRows(features, rows), label: y };
}

describe('model format', () => {
  it('round-trips through JSON with identical predictions', () => {
    const data = fixture();
    const model = trainGbdt(data, { nTrees: 20 });
    const json = serializeModel(model);
    const parsed = JSON.parse(json) as GbdtModel;
    expect(parsed.format).toBe('vigie-gbdt');
    expect(parsed.version).toBe(1);
    expect(parsed.features).toEqual(features);
    expect(parsed.params.nTrees).toBe(20);
    expect(parsed.training.nRows).toBe(500);
    expect(parsed.trees[0]!.feature.length).toBe(parsed.trees[0]!.value.length);
    const a = predictMargin(loadModel(model), data.matrix);
    const b = predictMargin(loadModel(json), data.matrix);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('batch prediction agrees with a plain tree walk, missing and unseen categories included', () => {
    const data = fixture();
    const c = loadModel(trainGbdt(data, { nTrees: 25, maxDepth: 5 }));
    const walk = (model: CompiledModel, x: number[], nTrees = model.nTrees) => {
      let sum = model.baseScore;
      for (let t = 0; t < nTrees; t++) {
        let nd = model.roots[t]!;
        while (model.kind[nd] !== KIND_LEAF) {
          nd = goesLeft(model, nd, x[model.feature[nd]!]!) ? model.left[nd]! : model.right[nd]!;
        }
        sum += model.value[nd]!;
      }
      return sum;
    };
    const rng = new Rng(8);
    // Categories 0..4 exist; 7 and 300 were never seen; NaN is missing. 1,003 rows: not a multiple of the lanes.
    const rows = Array.from({ length: 1003 }, () => [
      rng.next() < 0.2 ? Number.NaN : rng.next() * 1.2 - 0.1,
      [0, 1, 2, 3, 4, 7, 300, Number.NaN][rng.int(8)]!,
    ]);
    const m = matrixFromRows(features, rows);
    const fast = predictMargin(c, m);
    for (const [i, x] of rows.entries()) expect(fast[i]).toBeCloseTo(walk(c, x), 12);
    // Odd tree counts take the single-tree path.
    const three = predictMargin(c, m, 3);
    for (const [i, x] of rows.entries()) expect(three[i]).toBeCloseTo(walk(c, x, 3), 12);
  });

  it('predicts with the first n trees', () => {
    const data = fixture();
    const c = loadModel(trainGbdt(data, { nTrees: 10 }));
    const all = predictMargin(c, data.matrix);
    const none = predictMargin(c, data.matrix, 0);
    expect(none[0]).toBe(c.baseScore);
    expect(all[0]).not.toBe(c.baseScore);
  });

  it('rejects malformed models with a clear message', () => {
    const model = trainGbdt(fixture(), { nTrees: 2 });
    expect(() => loadModel({ ...model, format: 'other' } as unknown as GbdtModel)).toThrow(/format/);
    expect(() => loadModel({ ...model, version: 99 })).toThrow(/version 99/);
    const broken = JSON.parse(serializeModel(model)) as GbdtModel;
    broken.trees[0]!.left[0] = 0;
    expect(() => loadModel(broken)).toThrow(/bad children/);
    const short = JSON.parse(serializeModel(model)) as GbdtModel;
    short.trees[0]!.value.pop();
    expect(() => loadModel(short)).toThrow(/value has/);
    expect(() => loadModel('{"format":')).toThrow();
  });
});
