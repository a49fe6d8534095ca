/**
 * Growing one regression tree, depth-wise (level by level, like XGBoost) or leaf-wise (best gain first, like
 * LightGBM), both bounded by max depth and max leaves. Rows of a node stay contiguous in one index array,
 * partitioned in place. For each split only the smaller child's histogram is built; the larger child's is the
 * parent's minus the smaller (subtraction trick), and nodes that cannot split get no histogram at all. The
 * histogram work is sent to the kernels in one batch per level (depth-wise) or per split (leaf-wise).
 */
import type { BinnedMatrix } from './binning.ts';
import { unpackSum } from './histogram.ts';
import { JOB_WIDTH, OP_BUILD, OP_RELEASE, OP_SPLIT, OP_SUBTRACT } from './kernel.ts';
import type { KernelRunner } from './runner.ts';
import type { SplitCandidate, SplitParams } from './split.ts';

export interface GrowParams extends SplitParams {
  maxDepth: number;
  maxLeaves: number;
  growPolicy: 'depthwise' | 'lossguide';
  learningRate: number;
}

/** A trained tree. Leaves have feature -1; `value` holds leaf outputs with the learning rate applied. */
export interface Tree {
  feature: Int32Array;
  /** Numeric splits: go left when value <= threshold. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  defaultLeft: Uint8Array;
  value: Float64Array;
  /** Sum of hessians of the training rows reaching the node (TreeSHAP weights). */
  cover: Float64Array;
  gain: Float64Array;
  /** Categorical splits: category codes sent left (others right; missing follows defaultLeft). */
  catLeft: (Int32Array | null)[];
  /** Training only: per-node bin routing table, to predict on binned data. */
  goesLeft: (Uint8Array | null)[];
}

interface Open {
  node: number;
  start: number;
  end: number;
  depth: number;
  /** Node sums as the quantised histograms see them; exact sums are recomputed for leaf values. */
  g: number;
  h: number;
  split: SplitCandidate | null;
}

export interface GrownTree {
  tree: Tree;
  /** Leaf node id and row range in `rows`, to update training margins without walking the tree. */
  leaves: { node: number; start: number; end: number }[];
}

export class TreeGrower {
  private readonly scratch: Uint32Array;
  private jobs = new Float64Array(64 * JOB_WIDTH);

  constructor(
    private readonly data: BinnedMatrix,
    private readonly params: GrowParams,
    private readonly runner: KernelRunner,
    /** Shared with the kernels: row indices (reordered here), packed gradients and their quantisation. */
    private readonly rows: Uint32Array,
    private readonly packed: Float64Array,
    private readonly quant: Float64Array,
  ) {
    this.scratch = new Uint32Array(data.nRows);
  }

  private canSplit(o: Open): boolean {
    const p = this.params;
    return (p.maxDepth <= 0 || o.depth < p.maxDepth) && o.end - o.start >= 2 && o.h >= 2 * p.minChildWeight;
  }

  /** Grows a tree on rows[0, nRows); `packed` must hold this round's quantised gradients. */
  grow(gh: Float64Array, nRows: number): GrownTree {
    const p = this.params;
    const rows = this.rows;
    const maxLeaves = p.maxLeaves > 0 ? p.maxLeaves : p.maxDepth > 0 ? 2 ** p.maxDepth : 31;
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const defaultLeft: number[] = [];
    const gain: number[] = [];
    const catLeft: (Int32Array | null)[] = [];
    const goesLeft: (Uint8Array | null)[] = [];
    const addNode = () => {
      feature.push(-1);
      threshold.push(0);
      left.push(-1);
      right.push(-1);
      defaultLeft.push(0);
      gain.push(0);
      catLeft.push(null);
      goesLeft.push(null);
      return feature.length - 1;
    };
    let total = 0;
    for (let k = 0; k < nRows; k++) total += this.packed[rows[k]!]!;
    const [g0, h0] = unpackSum(total, this.quant);
    const root: Open = { node: addNode(), start: 0, end: nRows, depth: 0, g: g0, h: h0, split: null };
    const open: Open[] = [root];
    const targets: Open[] = [];
    let nJobs = 0;
    const job = (op: number, node: number, a = 0, b = 0, c = 0) => {
      if ((nJobs + 1) * JOB_WIDTH > this.jobs.length) {
        const bigger = new Float64Array(this.jobs.length * 2);
        bigger.set(this.jobs);
        this.jobs = bigger;
      }
      const at = nJobs++ * JOB_WIDTH;
      this.jobs[at] = op;
      this.jobs[at + 1] = node;
      this.jobs[at + 2] = a;
      this.jobs[at + 3] = b;
      this.jobs[at + 4] = c;
    };
    const askSplit = (o: Open) => {
      job(OP_SPLIT, o.node, o.g, o.h);
      targets.push(o);
    };
    const flush = () => {
      if (nJobs === 0) return;
      const results = this.runner.run(this.jobs, nJobs, targets.length);
      targets.forEach((o, i) => {
        o.split = results[i]!.feature >= 0 ? results[i]!.clone() : null;
      });
      targets.length = 0;
      nJobs = 0;
    };
    if (this.canSplit(root)) {
      job(OP_BUILD, root.node, 0, nRows);
      askSplit(root);
      flush();
    }
    let nLeaves = 1;
    let cursor = 0;
    while (nLeaves < maxLeaves) {
      // Depth-wise: every open node of the current level (creation order); leaf-wise: the best gain.
      const picks: Open[] = [];
      if (p.growPolicy === 'depthwise') {
        while (cursor < open.length && picks.length + nLeaves < maxLeaves) {
          const o = open[cursor++]!;
          if (o.split) picks.push(o);
        }
      } else {
        let best: Open | null = null;
        for (const o of open) if (o.split && (!best || o.split.gain > best.split!.gain)) best = o;
        if (best) picks.push(best);
      }
      if (picks.length === 0) break;
      for (const parent of picks) {
        const split = parent.split!;
        parent.split = null;
        const mid = this.partition(parent.start, parent.end, split);
        const id = parent.node;
        const l: Open = {
          node: addNode(),
          start: parent.start,
          end: mid,
          depth: parent.depth + 1,
          g: split.leftG,
          h: split.leftH,
          split: null,
        };
        const r: Open = {
          node: addNode(),
          start: mid,
          end: parent.end,
          depth: parent.depth + 1,
          g: parent.g - split.leftG,
          h: parent.h - split.leftH,
          split: null,
        };
        feature[id] = split.feature;
        left[id] = l.node;
        right[id] = r.node;
        defaultLeft[id] = split.defaultLeft ? 1 : 0;
        gain[id] = split.gain;
        goesLeft[id] = split.goesLeft;
        const mapper = this.data.mappers[split.feature]!;
        if (mapper.kind === 'numeric') threshold[id] = mapper.cuts[split.binThreshold - 1]!;
        else {
          const codes: number[] = [];
          for (let c = 0; c < mapper.catToBin.length; c++)
            if (split.goesLeft[mapper.catToBin[c]!]) codes.push(c);
          catLeft[id] = Int32Array.from(codes);
        }
        nLeaves++;
        const wantL = this.canSplit(l);
        const wantR = this.canSplit(r);
        if (wantL || wantR) {
          const lSmall = l.end - l.start <= r.end - r.start;
          const small = lSmall ? l : r;
          const large = lSmall ? r : l;
          const smallWanted = lSmall ? wantL : wantR;
          const largeWanted = lSmall ? wantR : wantL;
          job(OP_BUILD, small.node, small.start, small.end);
          if (largeWanted) job(OP_SUBTRACT, large.node, id, small.node);
          else job(OP_RELEASE, id);
          if (smallWanted) askSplit(small);
          else job(OP_RELEASE, small.node);
          if (largeWanted) askSplit(large);
        } else job(OP_RELEASE, id);
        open.push(l, r);
      }
      flush();
    }
    this.runner.endTree();
    return this.finish(gh, open, { feature, threshold, left, right, defaultLeft, gain, catLeft, goesLeft });
  }

  /** Exact leaf values from the true gradients; internal nodes sum their children (children have larger ids). */
  private finish(
    gh: Float64Array,
    open: Open[],
    n: {
      feature: number[];
      threshold: number[];
      left: number[];
      right: number[];
      defaultLeft: number[];
      gain: number[];
      catLeft: (Int32Array | null)[];
      goesLeft: (Uint8Array | null)[];
    },
  ): GrownTree {
    const p = this.params;
    const count = n.feature.length;
    const sg = new Float64Array(count);
    const sh = new Float64Array(count);
    const leaves: GrownTree['leaves'] = [];
    for (const o of open) {
      if (n.feature[o.node] !== -1) continue;
      leaves.push({ node: o.node, start: o.start, end: o.end });
      let g = 0;
      let h = 0;
      for (let k = o.start; k < o.end; k++) {
        const r = this.rows[k]! << 1;
        g += gh[r]!;
        h += gh[r + 1]!;
      }
      sg[o.node] = g;
      sh[o.node] = h;
    }
    const value = new Float64Array(count);
    for (let i = count - 1; i >= 0; i--) {
      if (n.feature[i]! >= 0) {
        sg[i] = sg[n.left[i]!]! + sg[n.right[i]!]!;
        sh[i] = sh[n.left[i]!]! + sh[n.right[i]!]!;
      }
      value[i] = (-sg[i]! / (sh[i]! + p.lambda)) * p.learningRate;
    }
    const tree: Tree = {
      feature: Int32Array.from(n.feature),
      threshold: Float64Array.from(n.threshold),
      left: Int32Array.from(n.left),
      right: Int32Array.from(n.right),
      defaultLeft: Uint8Array.from(n.defaultLeft),
      value,
      cover: sh,
      gain: Float64Array.from(n.gain),
      catLeft: n.catLeft,
      goesLeft: n.goesLeft,
    };
    return { tree, leaves };
  }

  /** Stable in-place partition of rows[start, end) by the split; returns the first right index. */
  private partition(start: number, end: number, split: SplitCandidate): number {
    const n = this.data.nRows;
    const col = this.data.bins.subarray(split.feature * n, (split.feature + 1) * n);
    const table = split.goesLeft;
    const rows = this.rows;
    const scratch = this.scratch;
    let l = start;
    let r = 0;
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      if (table[col[row]!]) rows[l++] = row;
      else scratch[r++] = row;
    }
    rows.set(scratch.subarray(0, r), l);
    return l;
  }
}

/** Adds the tree's outputs for binned rows (all rows of `data`) to `out`. */
export function addBinnedPredictions(tree: Tree, data: BinnedMatrix, out: Float64Array): void {
  const n = data.nRows;
  const bins = data.bins;
  const { feature, left, right, value, goesLeft } = tree;
  for (let i = 0; i < n; i++) {
    let nd = 0;
    while (feature[nd]! >= 0) {
      nd = goesLeft[nd]![bins[feature[nd]! * n + i]!] ? left[nd]! : right[nd]!;
    }
    out[i]! += value[nd]!;
  }
}
