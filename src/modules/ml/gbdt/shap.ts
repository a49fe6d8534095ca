/**
 * Exact path-dependent TreeSHAP (Lundberg et al. 2020): per-feature contributions φ with Σφ + E[f] = f(x) on
 * the margin scale, E[f] being the cover-weighted mean prediction.
 *
 * A leaf l with path features P (a feature repeated on the path counts once: its "zero fraction" z_j is the
 * product of its cover ratios, its "one fraction" o_j ∈ {0,1} says whether x follows all its branches) adds to
 * feature i ∈ P:  v_l · (o_i − z_i) · Σ_k k!(d−1−k)!/d! · e_k,  where e_k is the coefficient of t^k in
 * Π_{j∈P, j≠i} (z_j + o_j t) and d = |P|. That is the algorithm's unwound-path sum in closed form. As o is
 * binary, the whole contribution only depends on the leaf and the pattern p of o bits, so it is tabulated once
 * per leaf and pattern (the "v2" idea of Fast TreeSHAP, Yang 2021). Explaining a row then costs, per tree, one
 * pass over the nodes (routing x and propagating the pattern from parent to child) and d table reads per leaf:
 * O(nodes + leaves · depth) instead of O(leaves · depth²). Tables are built on first use and cached per model.
 */
import type { FeatureMatrix } from '../matrix.ts';
import {
  type CompiledModel,
  goesLeft,
  KIND_LEAF,
  KIND_NUM_MISSING_LEFT,
  KIND_NUM_MISSING_RIGHT,
} from './model.ts';
import { checkSchema } from './predict.ts';

/** What the TreeSHAP loop reads of a compiled model (a worker thread receives only these). */
export type ShapModel = Pick<
  CompiledModel,
  | 'nFeatures'
  | 'nTrees'
  | 'roots'
  | 'kind'
  | 'feature'
  | 'threshold'
  | 'left'
  | 'right'
  | 'catOffset'
  | 'catWords'
  | 'catBits'
>;

/**
 * Per-leaf tables of a model. Their typed arrays live in SharedArrayBuffers, so worker threads read the same
 * memory (shap-parallel.ts) instead of a copy: the contribution table of a 300-tree, depth-6 model is tens of MB.
 */
export interface ShapTables {
  /** Per tree: first leaf and leaf count. */
  treeLeafStart: Int32Array;
  treeLeafCount: Int32Array;
  /** Per leaf. */
  leafValue: Float64Array;
  leafD: Int32Array;
  /** Offset of the leaf's unique-feature entries (feature, z). */
  uniqStart: Int32Array;
  uniqFeature: Int32Array;
  uniqZ: Float64Array;
  /** Per canonical node: the leaf index (leaves), and the bit of its feature among its path's features. */
  nodeLeaf: Int32Array;
  nodeBit: Int32Array;
  /** Contributions: table[tableStart[l] + p · d + i] = v_l (o_i − z_i) Σ_k w_k e_k for pattern p. */
  tableStart: Int32Array;
  table: Float64Array;
  expected: number;
  /** Largest node count of a tree: the pattern scratch holds that many nodes of SHAP_BLOCK rows. */
  width: number;
  buildMs: number;
}

const cache = new WeakMap<CompiledModel, ShapTables>();
export const SHAP_BLOCK = 64;

function factorial(k: number): number {
  let r = 1;
  for (let i = 2; i <= k; i++) r *= i;
  return r;
}

/** A typed array over shared memory, filled from `values` (plain ones cannot be shared with workers). */
function shared<T extends Int32Array | Float64Array>(
  Kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
  values?: ArrayLike<number>,
): T {
  const a = new Kind(new SharedArrayBuffer(Math.max(1, length) * Kind.BYTES_PER_ELEMENT));
  if (values) a.set(values);
  return length ? a : (a.subarray(0, 0) as T);
}

function buildTables(c: CompiledModel): ShapTables {
  const started = performance.now();
  const leafValue: number[] = [];
  const leafD: number[] = [];
  const uniqStart: number[] = [];
  const uniqFeature: number[] = [];
  const uniqZ: number[] = [];
  const nodeLeaf = shared(Int32Array, c.kind.length).fill(-1);
  const nodeBit = shared(Int32Array, c.kind.length);
  const treeLeafStart = shared(Int32Array, c.nTrees);
  const treeLeafCount = shared(Int32Array, c.nTrees);
  let expected = c.baseScore;
  // Depth-first walk keeping the current path.
  const stackNode: number[] = [];
  const stackDepth: number[] = [];
  const pathNodes: number[] = [];
  const pathDirs: number[] = [];
  for (let t = 0; t < c.nTrees; t++) {
    treeLeafStart[t] = leafValue.length;
    stackNode.push(c.roots[t]!);
    stackDepth.push(0);
    pathNodes.length = 0;
    pathDirs.length = 0;
    while (stackNode.length) {
      const nd = stackNode.pop()!;
      const depth = stackDepth.pop()!;
      pathNodes.length = depth;
      pathDirs.length = depth;
      if (c.kind[nd] !== KIND_LEAF) {
        // Visit right then left; the path to a child records its parent and direction.
        stackNode.push(c.right[nd]!, c.left[nd]!);
        stackDepth.push(depth + 1, depth + 1);
        pathNodes[depth] = nd;
        pathDirs[depth] = -1;
        continue;
      }
      // Reconstruct directions from parent/child relations.
      const nodes = pathNodes.slice(0, depth);
      const dirs: number[] = [];
      for (let k = 0; k < depth; k++) {
        const next = k + 1 < depth ? nodes[k + 1]! : nd;
        dirs.push(c.left[nodes[k]!] === next ? 1 : 0);
      }
      const feats: number[] = [];
      const zs: number[] = [];
      nodeLeaf[nd] = leafValue.length;
      for (let k = 0; k < depth; k++) {
        const p = nodes[k]!;
        const childNode = dirs[k] ? c.left[p]! : c.right[p]!;
        const ratio = c.cover[p]! > 0 ? c.cover[childNode]! / c.cover[p]! : 0;
        let u = feats.indexOf(c.feature[p]!);
        if (u < 0) {
          u = feats.length;
          feats.push(c.feature[p]!);
          zs.push(ratio);
        } else zs[u]! *= ratio;
        // First-appearance order along the path is a property of the path prefix, so the same bit serves
        // every leaf below this node.
        nodeBit[p] = 1 << u;
      }
      let zAll = 1;
      for (const z of zs) zAll *= z;
      expected += c.value[nd]! * zAll;
      leafValue.push(c.value[nd]!);
      leafD.push(feats.length);
      uniqStart.push(uniqFeature.length);
      uniqFeature.push(...feats);
      uniqZ.push(...zs);
    }
    treeLeafCount[t] = leafValue.length - treeLeafStart[t]!;
  }
  const nLeaves = leafValue.length;
  const tableStart = shared(Int32Array, nLeaves);
  let size = 0;
  for (let l = 0; l < nLeaves; l++) {
    tableStart[l] = size;
    const d = leafD[l]!;
    size += d > 0 ? (1 << d) * d : 0;
  }
  const table = shared(Float64Array, size);
  const poly = new Float64Array(32);
  for (let l = 0; l < nLeaves; l++) {
    const d = leafD[l]!;
    if (d === 0) continue;
    const weights = Array.from({ length: d }, (_, k) => (factorial(k) * factorial(d - 1 - k)) / factorial(d));
    const z0 = uniqStart[l]!;
    const v = leafValue[l]!;
    for (let i = 0; i < d; i++) {
      const zi = uniqZ[z0 + i]!;
      const low = (1 << i) - 1;
      // The weight ignores o_i: compute it once per pattern q of the others, then fill both values of bit i.
      for (let q = 0; q < 1 << (d - 1); q++) {
        poly.fill(0, 0, d);
        poly[0] = 1;
        let deg = 0;
        for (let j = 0, bit = 0; j < d; j++) {
          if (j === i) continue;
          const z = uniqZ[z0 + j]!;
          if ((q >> bit++) & 1) {
            for (let k = deg + 1; k >= 1; k--) poly[k] = poly[k]! * z + poly[k - 1]!;
            poly[0] = poly[0]! * z;
            deg++;
          } else for (let k = 0; k <= deg; k++) poly[k] = poly[k]! * z;
        }
        let w = 0;
        for (let k = 0; k <= deg; k++) w += weights[k]! * poly[k]!;
        const p0 = (q & low) | ((q & ~low) << 1);
        table[tableStart[l]! + p0 * d + i] = v * -zi * w;
        table[tableStart[l]! + (p0 | (1 << i)) * d + i] = v * (1 - zi) * w;
      }
    }
  }
  return {
    treeLeafStart,
    treeLeafCount,
    leafValue: shared(Float64Array, nLeaves, leafValue),
    leafD: shared(Int32Array, nLeaves, leafD),
    uniqStart: shared(Int32Array, nLeaves, uniqStart),
    uniqFeature: shared(Int32Array, uniqFeature.length, uniqFeature),
    uniqZ: shared(Float64Array, uniqZ.length, uniqZ),
    nodeLeaf,
    nodeBit,
    tableStart,
    table,
    expected,
    width: patternWidth(c),
    buildMs: performance.now() - started,
  };
}

function patternWidth(c: ShapModel): number {
  let width = 1;
  for (let t = 0; t < c.nTrees; t++) {
    const last = t + 1 < c.nTrees ? c.roots[t + 1]! : c.kind.length;
    width = Math.max(width, last - c.roots[t]!);
  }
  return width;
}

/** The model's tables, built on first use and cached with the model. */
export function tablesOf(c: CompiledModel): ShapTables {
  let t = cache.get(c);
  if (!t) {
    t = buildTables(c);
    cache.set(c, t);
  }
  return t;
}

export interface ShapResult {
  /** E[f] on the margin scale (base score included). */
  expected: number;
  /** Row-major contributions: values[r * nFeatures + f]. */
  values: Float64Array;
  nFeatures: number;
}

/** Milliseconds spent building the model's SHAP tables (0 until first use). */
export function shapTablesBuildMs(c: CompiledModel): number {
  return cache.get(c)?.buildMs ?? 0;
}

/** Copies the given rows (all by default) of a column-major matrix into row-major `x`, from row `start` on. */
export function gatherRows(
  m: FeatureMatrix,
  rows: ArrayLike<number> | undefined,
  start: number,
  size: number,
  x: Float64Array,
  xStart = 0,
): void {
  const n = m.nRows;
  const nf = m.features.length;
  for (let b = 0; b < size; b++) {
    const row = rows ? rows[start + b]! : start + b;
    if (!(row >= 0 && row < n)) throw new Error(`row ${row} out of range`);
    const xb = (xStart + b) * nf;
    for (let f = 0; f < nf; f++) x[xb + f] = m.values[f * n + row]!;
  }
}

/** Scratch of one thread for `shapBlock`. */
export function shapScratch(T: ShapTables): Int32Array {
  return new Int32Array(SHAP_BLOCK * T.width);
}

/**
 * Adds the contributions of rows xFrom..xFrom+size (at most SHAP_BLOCK) of the row-major `x` to rows
 * outFrom..outFrom+size of `values`. Each row's sums run in the same order whatever the block, the thread or the other rows, so any split
 * of the rows gives bit-identical results.
 */
export function shapBlock(
  c: ShapModel,
  T: ShapTables,
  x: Float64Array,
  xFrom: number,
  size: number,
  values: Float64Array,
  outFrom: number,
  pattern: Int32Array,
): void {
  const nf = c.nFeatures;
  const { feature, kind, roots, left, right, threshold } = c;
  const { leafD, nodeLeaf, nodeBit, uniqStart, uniqFeature, tableStart, table } = T;
  // Trees one at a time over the whole block, so each leaf's table stays in cache while all rows of the block
  // read it; pattern[k * SHAP_BLOCK + b] is row b's pattern at the tree's k-th node (node-major: a node's rows
  // are contiguous).
  for (let t = 0; t < c.nTrees; t++) {
    // Children follow parents: one forward pass routes x and hands each child its parent's pattern, with the
    // parent's feature bit cleared on the side x does not take. Node by node over the rows, so the node's
    // split is read once and the inner loop has no branch on the data (~half the time of row by row).
    const first = roots[t]!;
    const last = t + 1 < c.nTrees ? roots[t + 1]! : kind.length;
    pattern.fill(-1, 0, size);
    for (let nd = first; nd < last; nd++) {
      const k = kind[nd]!;
      if (k === KIND_LEAF) continue;
      const bit = nodeBit[nd]!;
      const f = feature[nd]!;
      const thr = threshold[nd]!;
      const src = (nd - first) * SHAP_BLOCK;
      const lo = (left[nd]! - first) * SHAP_BLOCK;
      const ro = (right[nd]! - first) * SHAP_BLOCK;
      for (let b = 0, xb = xFrom * nf + f; b < size; b++, xb += nf) {
        const v = x[xb]!;
        // go: 1 when the row goes left. Missing values go to the kind's side: NaN fails both comparisons.
        const go =
          k === KIND_NUM_MISSING_RIGHT
            ? +(v <= thr)
            : k === KIND_NUM_MISSING_LEFT
              ? +!(v > thr)
              : +goesLeft(c, nd, v);
        const p = pattern[src + b]!;
        const off = p & ~bit;
        const on = p & bit;
        pattern[lo + b] = off | (on & -go);
        pattern[ro + b] = off | (on & (go - 1));
      }
    }
    for (let nd = first; nd < last; nd++) {
      if (kind[nd] !== KIND_LEAF) continue;
      const l = nodeLeaf[nd]!;
      const d = leafD[l]!;
      if (d === 0) continue;
      const mask = (1 << d) - 1;
      const t0 = tableStart[l]!;
      const us = uniqStart[l]!;
      const col = nd - first;
      // Most leaves of depth-6 trees have 4 to 6 distinct features: those loops are unrolled with the features
      // in locals (about a quarter faster than the general loop). Each value gets the same additions in the same
      // order either way.
      if (d === 6) {
        const f0 = uniqFeature[us]!;
        const f1 = uniqFeature[us + 1]!;
        const f2 = uniqFeature[us + 2]!;
        const f3 = uniqFeature[us + 3]!;
        const f4 = uniqFeature[us + 4]!;
        const f5 = uniqFeature[us + 5]!;
        for (let b = 0, out = outFrom * nf, pi = col * SHAP_BLOCK; b < size; b++, out += nf, pi++) {
          const base = t0 + (pattern[pi]! & 63) * 6;
          values[out + f0]! += table[base]!;
          values[out + f1]! += table[base + 1]!;
          values[out + f2]! += table[base + 2]!;
          values[out + f3]! += table[base + 3]!;
          values[out + f4]! += table[base + 4]!;
          values[out + f5]! += table[base + 5]!;
        }
      } else if (d === 5) {
        const f0 = uniqFeature[us]!;
        const f1 = uniqFeature[us + 1]!;
        const f2 = uniqFeature[us + 2]!;
        const f3 = uniqFeature[us + 3]!;
        const f4 = uniqFeature[us + 4]!;
        for (let b = 0, out = outFrom * nf, pi = col * SHAP_BLOCK; b < size; b++, out += nf, pi++) {
          const base = t0 + (pattern[pi]! & 31) * 5;
          values[out + f0]! += table[base]!;
          values[out + f1]! += table[base + 1]!;
          values[out + f2]! += table[base + 2]!;
          values[out + f3]! += table[base + 3]!;
          values[out + f4]! += table[base + 4]!;
        }
      } else if (d === 4) {
        const f0 = uniqFeature[us]!;
        const f1 = uniqFeature[us + 1]!;
        const f2 = uniqFeature[us + 2]!;
        const f3 = uniqFeature[us + 3]!;
        for (let b = 0, out = outFrom * nf, pi = col * SHAP_BLOCK; b < size; b++, out += nf, pi++) {
          const base = t0 + (pattern[pi]! & 15) * 4;
          values[out + f0]! += table[base]!;
          values[out + f1]! += table[base + 1]!;
          values[out + f2]! += table[base + 2]!;
          values[out + f3]! += table[base + 3]!;
        }
      } else {
        for (let b = 0, out = outFrom * nf, pi = col * SHAP_BLOCK; b < size; b++, out += nf, pi++) {
          const base = t0 + (pattern[pi]! & mask) * d;
          for (let i = 0; i < d; i++) values[out + uniqFeature[us + i]!]! += table[base + i]!;
        }
      }
    }
  }
}

/** TreeSHAP contributions of the given rows (all rows by default), on this thread. */
export function treeShap(c: CompiledModel, m: FeatureMatrix, rows?: ArrayLike<number>): ShapResult {
  checkSchema(c, m);
  const T = tablesOf(c);
  const nf = c.nFeatures;
  const count = rows ? rows.length : m.nRows;
  const values = new Float64Array(count * nf);
  const pattern = shapScratch(T);
  // One block of rows at a time, transposed to row-major.
  const x = new Float64Array(SHAP_BLOCK * nf);
  for (let start = 0; start < count; start += SHAP_BLOCK) {
    const size = Math.min(SHAP_BLOCK, count - start);
    gatherRows(m, rows, start, size, x);
    shapBlock(c, T, x, 0, size, values, start, pattern);
  }
  return { expected: T.expected, values, nFeatures: nf };
}
