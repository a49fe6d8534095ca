/**
 * Isolation forest (Liu, Ting & Zhou 2008) over the feature matrix: random trees on small subsamples; anomalies
 * are isolated in few splits. Seeded, so the same data and seed give the same forest. The score is the paper's
 * s = 2^(−E[h(x)] / c(ψ)) in (0, 1) — about 0.5 for ordinary rows, towards 1 for anomalies — and a percentile
 * against the training rows' scores makes it comparable across models.
 */
import { Rng } from '../gbdt/prng.ts';
import type { FeatureMatrix } from '../matrix.ts';

export interface IsolationForestParams {
  nTrees: number;
  sampleSize: number;
  seed: number;
}

export interface IsolationForestModel {
  format: 'vigie-iforest';
  version: 1;
  featureNames: string[];
  sampleSize: number;
  /** Per tree, per node: split feature (-1 leaf), threshold, children, missing side, leaf size. */
  trees: {
    feature: number[];
    threshold: number[];
    left: number[];
    right: number[];
    missingLeft: number[];
    size: number[];
  }[];
  /** Training scores at percentiles 0, 1, …, 100. */
  quantiles: number[];
}

/** Average path length of an unsuccessful search in a binary search tree of n nodes. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

export function fitIsolationForest(
  m: FeatureMatrix,
  params: Partial<IsolationForestParams> = {},
): IsolationForestModel {
  const p: IsolationForestParams = { nTrees: 100, sampleSize: 256, seed: 0, ...params };
  if (m.nRows === 0) throw new Error('isolation forest: no rows');
  const rng = new Rng(p.seed);
  const n = m.nRows;
  const nf = m.features.length;
  const psi = Math.min(p.sampleSize, n);
  const maxDepth = Math.ceil(Math.log2(Math.max(2, psi)));
  const trees: IsolationForestModel['trees'] = [];
  const sample = new Uint32Array(psi);
  const scratch = new Uint32Array(psi);
  for (let t = 0; t < p.nTrees; t++) {
    // Sample without replacement (partial Fisher–Yates over a virtual index array).
    const pool = new Map<number, number>();
    for (let k = 0; k < psi; k++) {
      const j = k + rng.int(n - k);
      sample[k] = pool.get(j) ?? j;
      pool.set(j, pool.get(k) ?? k);
    }
    const tree = {
      feature: [] as number[],
      threshold: [] as number[],
      left: [] as number[],
      right: [] as number[],
      missingLeft: [] as number[],
      size: [] as number[],
    };
    const build = (start: number, end: number, depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.missingLeft.push(0);
      tree.size.push(end - start);
      if (depth >= maxDepth || end - start <= 1) return id;
      // Try a few random features to find one that varies in this node.
      for (let attempt = 0; attempt < 2 * nf; attempt++) {
        const f = rng.int(nf);
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let k = start; k < end; k++) {
          const v = m.values[f * n + sample[k]!]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (!(hi > lo)) continue;
        // Any point of the range isolates as well; seven digits keep the model file small.
        const raw = lo + rng.next() * (hi - lo);
        const rounded = Number(raw.toPrecision(7));
        const thr = rounded > lo && rounded <= hi ? rounded : raw;
        const missLeft = rng.next() < 0.5;
        let l = start;
        let r = 0;
        for (let k = start; k < end; k++) {
          const v = m.values[f * n + sample[k]!]!;
          if (Number.isNaN(v) ? missLeft : v < thr) sample[l++] = sample[k]!;
          else scratch[r++] = sample[k]!;
        }
        sample.set(scratch.subarray(0, r), l);
        tree.feature[id] = f;
        tree.threshold[id] = thr;
        tree.missingLeft[id] = missLeft ? 1 : 0;
        const left = build(start, l, depth + 1);
        const right = build(l, end, depth + 1);
        tree.left[id] = left;
        tree.right[id] = right;
        return id;
      }
      return id;
    };
    build(0, psi, 0);
    trees.push(tree);
  }
  const model: IsolationForestModel = {
    format: 'vigie-iforest',
    version: 1,
    featureNames: m.features.map((f) => f.name),
    sampleSize: psi,
    trees,
    quantiles: [],
  };
  const scores = anomalyScores(model, m).sort();
  model.quantiles = Array.from(
    { length: 101 },
    (_, q) => scores[Math.min(n - 1, Math.floor((q / 100) * n))]!,
  );
  return model;
}

interface CompiledTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  /** Depth reached plus c(leaf size), per node (used at leaves). */
  leafPath: Float64Array;
}

/** Typed copies of the trees, made once per model object (a walk over plain arrays of numbers cost ~3×). */
const compiledTrees = new WeakMap<IsolationForestModel, CompiledTree[]>();

function compiled(model: IsolationForestModel): CompiledTree[] {
  let trees = compiledTrees.get(model);
  if (!trees) {
    trees = model.trees.map((t) => ({
      feature: Int32Array.from(t.feature),
      threshold: Float64Array.from(t.threshold),
      left: Int32Array.from(t.left),
      right: Int32Array.from(t.right),
      missingLeft: Uint8Array.from(t.missingLeft),
      leafPath: Float64Array.from(t.size, (size) => averagePathLength(size)),
    }));
    compiledTrees.set(model, trees);
  }
  return trees;
}

/** s = 2^(−E[h(x)]/c(ψ)) per row: near 1 for anomalies, about 0.5 or less for ordinary rows. */
export function anomalyScores(model: IsolationForestModel, m: FeatureMatrix): Float64Array {
  if (
    m.features.length !== model.featureNames.length ||
    m.features.some((f, i) => f.name !== model.featureNames[i])
  ) {
    throw new Error('isolation forest: feature schema mismatch');
  }
  const n = m.nRows;
  const out = new Float64Array(n);
  const norm = averagePathLength(model.sampleSize);
  const values = m.values;
  for (const t of compiled(model)) {
    const { feature, threshold, left, right, missingLeft, leafPath } = t;
    for (let i = 0; i < n; i++) {
      let nd = 0;
      let depth = 0;
      let f = feature[0]!;
      while (f >= 0) {
        const v = values[f * n + i]!;
        nd = (Number.isNaN(v) ? missingLeft[nd] === 1 : v < threshold[nd]!) ? left[nd]! : right[nd]!;
        f = feature[nd]!;
        depth++;
      }
      out[i]! += depth + leafPath[nd]!;
    }
  }
  for (let i = 0; i < n; i++) out[i] = 2 ** (-out[i]! / model.trees.length / norm);
  return out;
}

/** Share of training rows (0–1) with a lower anomaly score. */
export function anomalyPercentile(model: IsolationForestModel, score: number): number {
  const q = model.quantiles;
  let k = 0;
  while (k < q.length && q[k]! <= score) k++;
  return Math.max(0, k - 1) / 100;
}
