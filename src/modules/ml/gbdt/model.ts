/**
 * The GBDT model format: plain JSON with flat arrays per tree (one entry per node), the feature schema, the
 * parameters and training metadata. `compileModel` turns it into concatenated typed arrays for prediction and
 * TreeSHAP; this is the only work `loadModel` does beyond JSON.parse, so loading stays well under 100 ms.
 */
import type { FeatureSpec } from '../matrix.ts';
import type { GbdtParams, Objective } from './params.ts';
import type { Tree } from './tree.ts';

export const MODEL_FORMAT = 'vigie-gbdt';
export const MODEL_VERSION = 1;

export interface SerializedTree {
  /** Split feature per node, -1 for leaves. */
  feature: number[];
  /** Numeric split value (go left when value <= threshold); 0 for leaves and categorical splits. */
  threshold: number[];
  left: number[];
  right: number[];
  /** 1 when missing values go left. */
  defaultLeft: number[];
  /** Leaf output (learning rate applied); for internal nodes, the output the node would have as a leaf. */
  value: number[];
  /** Sum of training hessians reaching the node. */
  cover: number[];
  /** Loss reduction of the split (0 for leaves), for gain importance. */
  gain: number[];
  /** Categorical split nodes and, for each, the category codes sent left. */
  catNodes: number[];
  catSets: number[][];
}

export interface TrainingInfo {
  nRows: number;
  nPositives?: number;
  nValidationRows?: number;
  nTrees: number;
  /** Index of the last kept tree when early stopping chose it. */
  bestIteration: number;
  bestScore?: number;
  evalMetric?: string;
  /** Threads that actually trained (a worker may be unavailable). */
  threads: number;
  durationMs: number;
  trainedAt: string;
}

export interface GbdtModel {
  format: typeof MODEL_FORMAT;
  version: number;
  objective: Objective;
  /** Margin every prediction starts from (log-odds of the base rate for the binary objective). */
  baseScore: number;
  features: FeatureSpec[];
  params: GbdtParams;
  training: TrainingInfo;
  trees: SerializedTree[];
}

// Nine significant digits keep float32-level precision of outputs while halving the JSON size; thresholds keep
// full precision because they must reproduce the training bins exactly.
const compact = (v: number) => (v === 0 ? 0 : Number(v.toPrecision(9)));
/** Gains only rank features (importance): four digits are plenty. */
const rough = (v: number) => (v === 0 ? 0 : Number(v.toPrecision(4)));

export function serializeTree(tree: Tree): SerializedTree {
  const catNodes: number[] = [];
  const catSets: number[][] = [];
  tree.catLeft.forEach((set, node) => {
    if (set) {
      catNodes.push(node);
      catSets.push(Array.from(set));
    }
  });
  return {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    defaultLeft: Array.from(tree.defaultLeft),
    value: Array.from(tree.value, compact),
    cover: Array.from(tree.cover, compact),
    gain: Array.from(tree.gain, rough),
    catNodes,
    catSets,
  };
}

/** Node kinds in compiled form; numeric splits are split by missing direction so NaN needs no extra test. */
export const KIND_NUM_MISSING_RIGHT = 0;
export const KIND_NUM_MISSING_LEFT = 1;
export const KIND_CATEGORICAL = 2;
export const KIND_LEAF = 3;

/** All trees concatenated into typed arrays (child indices are global). */
export interface CompiledModel {
  model: GbdtModel;
  nFeatures: number;
  nTrees: number;
  baseScore: number;
  roots: Int32Array;
  kind: Uint8Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  cover: Float64Array;
  /** Categorical nodes: bitset of left codes at catBits[catOffset[n] .. catOffset[n] + catWords[n]). */
  catOffset: Int32Array;
  catWords: Int32Array;
  catBits: Uint32Array;
  maxDepth: number;
  /** Fast layout for batch prediction, see `buildFastLayout`. */
  fast: FastLayout;
}

/**
 * Prediction layout (built at load time), see docs/decisions/ml-prediction-layout.md. Siblings are adjacent, so
 * a step is `nd = child + goRight`, with goRight computed without any branch for every kind of node:
 *   goRight = (v > threshold) | (1 ^ bit(catBase + code))
 * - numeric nodes: catBase 0 points to a block of all-one bits, so the second term is 0. Missing values are
 *   handled by the row buffer, which holds every numeric feature twice (NaN → −∞, NaN → +∞): each node reads the
 *   copy that sends NaN to its missing side;
 * - categorical nodes: threshold +∞, and a 256-bit block of the codes sent left; the buffer holds codes 0..253,
 *   254 for codes the model never saw (go right) and 255 for missing (bit set when missing goes left);
 * - leaves point to themselves (threshold +∞, catBase 0), so a tree is walked a fixed number of steps.
 */
export interface FastLayout {
  roots: Int32Array;
  depth: Int32Array;
  /** child << shift | column. */
  childColumn: Int32Array;
  shift: number;
  threshold: Float64Array;
  value: Float64Array;
  catBase: Int32Array;
  /** Eight words per categorical node, after a first all-ones block. */
  bits: Int32Array;
  /** Features that are categorical (their codes go to the buffer as described above). */
  categorical: Uint8Array;
}

/** Codes of categorical features in the prediction buffer. */
export const CODE_UNSEEN = 254;
export const CODE_MISSING = 255;

function fail(message: string): never {
  throw new Error(`invalid model: ${message}`);
}

export function compileModel(model: GbdtModel): CompiledModel {
  if (!model || model.format !== MODEL_FORMAT) fail(`format is not ${MODEL_FORMAT}`);
  if (model.version !== MODEL_VERSION)
    fail(`unsupported version ${model.version} (expected ${MODEL_VERSION})`);
  if (!Array.isArray(model.trees) || !Array.isArray(model.features)) fail('trees or features missing');
  const nFeatures = model.features.length;
  let total = 0;
  let catTotal = 0;
  for (const t of model.trees) {
    total += t.feature.length;
    for (const set of t.catSets) catTotal += set.length ? (Math.max(...set) >> 5) + 1 : 0;
  }
  const c: CompiledModel = {
    model,
    nFeatures,
    nTrees: model.trees.length,
    baseScore: model.baseScore,
    roots: new Int32Array(model.trees.length),
    kind: new Uint8Array(total),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
    catOffset: new Int32Array(total),
    catWords: new Int32Array(total),
    catBits: new Uint32Array(catTotal),
    maxDepth: 0,
    fast: undefined as unknown as FastLayout,
  };
  let base = 0;
  let catAt = 0;
  model.trees.forEach((t, ti) => {
    const n = t.feature.length;
    if (n === 0) fail(`tree ${ti} is empty`);
    for (const key of ['threshold', 'left', 'right', 'defaultLeft', 'value', 'cover'] as const) {
      if (t[key].length !== n) fail(`tree ${ti}: ${key} has ${t[key].length} entries, expected ${n}`);
    }
    c.roots[ti] = base;
    for (let i = 0; i < n; i++) {
      const g = base + i;
      const f = t.feature[i]!;
      c.feature[g] = f;
      c.value[g] = t.value[i]!;
      c.cover[g] = t.cover[i]!;
      if (f < 0) {
        c.kind[g] = KIND_LEAF;
        c.left[g] = -1;
        c.right[g] = -1;
        continue;
      }
      if (f >= nFeatures) fail(`tree ${ti} node ${i}: feature ${f} out of range`);
      const l = t.left[i]!;
      const r = t.right[i]!;
      if (!(l > i && l < n && r > i && r < n)) fail(`tree ${ti} node ${i}: bad children ${l}, ${r}`);
      c.left[g] = base + l;
      c.right[g] = base + r;
      c.threshold[g] = t.threshold[i]!;
      c.kind[g] = t.defaultLeft[i] ? KIND_NUM_MISSING_LEFT : KIND_NUM_MISSING_RIGHT;
    }
    t.catNodes.forEach((node, k) => {
      const set = t.catSets[k] ?? fail(`tree ${ti}: missing category set`);
      const g = base + node;
      if (c.kind[g] === KIND_LEAF) fail(`tree ${ti}: categorical set on leaf ${node}`);
      // The missing direction of categorical nodes is read from defaultLeft via the kind before overwriting.
      const words = set.length ? (Math.max(...set) >> 5) + 1 : 0;
      c.catOffset[g] = catAt;
      c.catWords[g] = words;
      for (const code of set) c.catBits[catAt + (code >> 5)]! |= 1 << (code & 31);
      catAt += words;
      c.threshold[g] = c.kind[g] === KIND_NUM_MISSING_LEFT ? 1 : 0;
      c.kind[g] = KIND_CATEGORICAL;
    });
    base += n;
  });
  c.fast = buildFastLayout(c);
  c.maxDepth = c.fast.depth.reduce((a, b) => Math.max(a, b), 0);
  return c;
}

function buildFastLayout(c: CompiledModel): FastLayout {
  const total = c.kind.length;
  const shift = Math.max(1, Math.ceil(Math.log2(2 * c.nFeatures)));
  if (total * 2 ** shift >= 2 ** 31)
    throw new Error('invalid model: too many nodes and features for prediction');
  let catNodes = 0;
  for (let i = 0; i < total; i++) if (c.kind[i] === KIND_CATEGORICAL) catNodes++;
  const child = new Int32Array(total);
  const column = new Int32Array(total);
  const f: FastLayout = {
    roots: new Int32Array(c.nTrees),
    depth: new Int32Array(c.nTrees),
    childColumn: new Int32Array(total),
    shift,
    threshold: new Float64Array(total),
    value: new Float64Array(total),
    catBase: new Int32Array(total),
    bits: new Int32Array(8 * (catNodes + 1)),
    categorical: Uint8Array.from(c.model.features, (s) => (s.kind === 'categorical' ? 1 : 0)),
  };
  f.bits.fill(-1, 0, 8);
  let nextBlock = 8;
  const queue: number[] = [];
  let at = 0;
  for (let t = 0; t < c.nTrees; t++) {
    // Breadth-first re-layout: each internal node gets two consecutive slots for its children.
    const root = at++;
    f.roots[t] = root;
    queue.length = 0;
    queue.push(c.roots[t]!, root, 0);
    let maxDepth = 0;
    for (let q = 0; q < queue.length; q += 3) {
      const nd = queue[q]!;
      const slot = queue[q + 1]!;
      const d = queue[q + 2]!;
      const kind = c.kind[nd]!;
      f.value[slot] = c.value[nd]!;
      if (kind === KIND_LEAF) {
        child[slot] = slot;
        f.threshold[slot] = Number.POSITIVE_INFINITY;
        maxDepth = Math.max(maxDepth, d);
        continue;
      }
      const first = at;
      at += 2;
      child[slot] = first;
      column[slot] = c.feature[nd]!;
      if (kind === KIND_CATEGORICAL) {
        f.threshold[slot] = Number.POSITIVE_INFINITY;
        f.catBase[slot] = nextBlock;
        const words = Math.min(8, c.catWords[nd]!);
        for (let w = 0; w < words; w++) f.bits[nextBlock + w] = c.catBits[c.catOffset[nd]! + w]! | 0;
        // Codes beyond 253 are not categories of this model: clear them, then mark missing if it goes left.
        f.bits[nextBlock + 7]! &= ~(3 << 30);
        if (c.threshold[nd] === 1) f.bits[nextBlock + 7]! |= 1 << 31;
        nextBlock += 8;
      } else {
        f.threshold[slot] = c.threshold[nd]!;
        if (kind === KIND_NUM_MISSING_RIGHT) column[slot] += c.nFeatures;
      }
      queue.push(c.left[nd]!, first, d + 1, c.right[nd]!, first + 1, d + 1);
    }
    f.depth[t] = maxDepth;
  }
  for (let i = 0; i < total; i++) f.childColumn[i] = (child[i]! << shift) | column[i]!;
  return f;
}

/** What `goesLeft` reads of a compiled model. */
export type RoutingArrays = Pick<CompiledModel, 'kind' | 'threshold' | 'catOffset' | 'catWords' | 'catBits'>;

/** Whether a row with value `v` goes left at node `nd` (the single routing rule for prediction and SHAP). */
export function goesLeft(c: RoutingArrays, nd: number, v: number): boolean {
  const k = c.kind[nd]!;
  if (k === KIND_NUM_MISSING_RIGHT) return v <= c.threshold[nd]!;
  if (k === KIND_NUM_MISSING_LEFT) return !(v > c.threshold[nd]!);
  // Categorical: threshold holds the missing direction.
  if (Number.isNaN(v)) return c.threshold[nd] === 1;
  const code = v | 0;
  const w = code >> 5;
  return code >= 0 && w < c.catWords[nd]! && (c.catBits[c.catOffset[nd]! + w]! & (1 << (code & 31))) !== 0;
}

/** Parses (when given text) and compiles a serialised model. */
export function loadModel(json: string | GbdtModel): CompiledModel {
  const model = typeof json === 'string' ? (JSON.parse(json) as GbdtModel) : json;
  return compileModel(model);
}

export function serializeModel(model: GbdtModel): string {
  return JSON.stringify(model);
}
