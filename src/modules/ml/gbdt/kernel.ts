/**
 * The histogram kernel: builds, subtracts and scans gradient histograms for a subset of the features. Training
 * uses one kernel with every feature, or two (this thread + a worker thread) each owning half of them, so that
 * both histogram building and split search run in parallel without merging histograms.
 *
 * Work arrives as a list of jobs encoded in a Float64Array (the same encoding crosses to the worker through
 * shared memory): BUILD a node's histogram from its rows, SUBTRACT a small child from its parent (the parent's
 * buffer becomes the large child's), SPLIT (best split of a node over this kernel's features), RELEASE.
 */
import { SplitCandidate, SplitFinder, type SplitParams } from './split.ts';

export const OP_BUILD = 1;
export const OP_SUBTRACT = 2;
export const OP_SPLIT = 3;
export const OP_RELEASE = 4;
export const JOB_WIDTH = 5;
/** Result layout per SPLIT job: gain, feature, binThreshold, defaultLeft, leftG, leftH, then 256 table bytes. */
export const RESULT_WIDTH = 6 + 32;

const MIN_ROWS_FOR_COPIES = 1024;

export interface KernelData {
  nRows: number;
  /** Global indices of this kernel's features. */
  features: Int32Array;
  /** Per kernel feature: bins (incl. missing) and kind (1 = categorical). */
  nBins: Int32Array;
  categorical: Uint8Array;
  /** Row-major bins of this kernel's features, already offset into the kernel's histogram. */
  rowBins: Uint16Array;
  offsets: Int32Array;
  size: number;
  /** Shared with the trainer: packed gradients per row and the row index array of the current tree. */
  packed: Float64Array;
  rows: Uint32Array;
  /** [base, gUnit, hUnit] of the current round. */
  quant: Float64Array;
  /** Per global feature: 1 when sampled for the current tree. */
  active: Uint8Array;
}

/** Lays out the row-major bins of a subset of features for a kernel. */
export function kernelRowBins(
  bins: Uint8Array,
  nRows: number,
  features: Int32Array,
  nBins: Int32Array,
): { rowBins: Uint16Array; offsets: Int32Array; size: number } {
  const k = features.length;
  const offsets = new Int32Array(k);
  let size = 0;
  for (let j = 0; j < k; j++) {
    offsets[j] = size;
    size += nBins[j]!;
  }
  const rowBins = new Uint16Array(new SharedArrayBuffer(2 * Math.max(1, nRows * k)));
  for (let j = 0; j < k; j++) {
    const col = bins.subarray(features[j]! * nRows, (features[j]! + 1) * nRows);
    const o = offsets[j]!;
    for (let i = 0; i < nRows; i++) rowBins[i * k + j] = o + col[i]!;
  }
  return { rowBins, offsets, size };
}

export class HistogramKernel {
  private readonly slots = new Map<number, Float64Array>();
  private readonly pool: Float64Array[] = [];
  private readonly scratch: Float64Array;
  private readonly finder: SplitFinder;
  private readonly best = new SplitCandidate();
  private readonly activeList: Int32Array;
  private readonly minGain: number;

  constructor(
    readonly d: KernelData,
    params: SplitParams,
  ) {
    this.minGain = params.minSplitGain > 0 ? params.minSplitGain : 1e-12;
    this.scratch = new Float64Array(4 * d.size);
    this.finder = new SplitFinder(params);
    this.activeList = new Int32Array(d.features.length);
  }

  private take(node: number): Float64Array {
    const buf = this.pool.pop() ?? new Float64Array(this.d.size);
    this.slots.set(node, buf);
    return buf;
  }

  /** Runs `count` jobs; SPLIT results go to `results` (one RESULT_WIDTH record per SPLIT, in order). */
  run(jobs: Float64Array, count: number, results: Float64Array): void {
    const k = this.d.features.length;
    let nActive = 0;
    for (let j = 0; j < k; j++) if (this.d.active[this.d.features[j]!]) this.activeList[nActive++] = j;
    let r = 0;
    for (let i = 0; i < count; i++) {
      const at = i * JOB_WIDTH;
      const op = jobs[at]!;
      const node = jobs[at + 1]!;
      if (op === OP_BUILD) {
        const hist = this.slots.get(node) ?? this.take(node);
        this.build(hist, jobs[at + 2]!, jobs[at + 3]!, nActive);
      } else if (op === OP_SUBTRACT) {
        const parent = this.slots.get(jobs[at + 2]!)!;
        const small = this.slots.get(jobs[at + 3]!)!;
        for (let a = 0; a < nActive; a++) {
          const j = this.activeList[a]!;
          const o = this.d.offsets[j]!;
          const e = o + this.d.nBins[j]!;
          for (let b = o; b < e; b++) parent[b]! -= small[b]!;
        }
        this.slots.delete(jobs[at + 2]!);
        this.slots.set(node, parent);
      } else if (op === OP_SPLIT) {
        this.split(this.slots.get(node)!, jobs[at + 2]!, jobs[at + 3]!, nActive, results, r++ * RESULT_WIDTH);
      } else if (op === OP_RELEASE) {
        const buf = this.slots.get(node);
        if (buf) {
          this.slots.delete(node);
          this.pool.push(buf);
        }
      }
    }
  }

  /** Drops every histogram (end of a tree). */
  releaseAll(): void {
    for (const buf of this.slots.values()) this.pool.push(buf);
    this.slots.clear();
  }

  private build(hist: Float64Array, start: number, end: number, nActive: number): void {
    const { rowBins: rb, packed, rows, size: T } = this.d;
    const k = this.d.features.length;
    if (nActive < k) {
      // Column-sampled tree: only the sampled features, through the active list.
      const act = this.activeList;
      hist.fill(0);
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const v = packed[r]!;
        const b = r * k;
        for (let a = 0; a < nActive; a++) hist[rb[b + act[a]!]!]! += v;
      }
      return;
    }
    if (end - start < MIN_ROWS_FOR_COPIES) {
      hist.fill(0);
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const v = packed[r]!;
        let b = r * k;
        const e = b + k;
        for (; b < e; b++) hist[rb[b]!]! += v;
      }
      return;
    }
    // Four interleaved copies: consecutive rows never wait on each other's store to the same bin.
    const h = this.scratch;
    h.fill(0);
    const T2 = 2 * T;
    const T3 = 3 * T;
    let i = start;
    for (; i + 3 < end; i += 4) {
      const r0 = rows[i]!;
      const r1 = rows[i + 1]!;
      const r2 = rows[i + 2]!;
      const r3 = rows[i + 3]!;
      const v0 = packed[r0]!;
      const v1 = packed[r1]!;
      const v2 = packed[r2]!;
      const v3 = packed[r3]!;
      let b0 = r0 * k;
      const d1 = r1 * k - b0;
      const d2 = r2 * k - b0;
      const d3 = r3 * k - b0;
      const e = b0 + k;
      for (; b0 < e; b0++) {
        h[rb[b0]!]! += v0;
        h[T + rb[b0 + d1]!]! += v1;
        h[T2 + rb[b0 + d2]!]! += v2;
        h[T3 + rb[b0 + d3]!]! += v3;
      }
    }
    for (; i < end; i++) {
      const r = rows[i]!;
      const v = packed[r]!;
      let b = r * k;
      const e = b + k;
      for (; b < e; b++) h[rb[b]!]! += v;
    }
    for (let b = 0; b < T; b++) hist[b] = h[b]! + h[T + b]! + h[T2 + b]! + h[T3 + b]!;
  }

  private split(
    hist: Float64Array,
    sumG: number,
    sumH: number,
    nActive: number,
    results: Float64Array,
    at: number,
  ): void {
    const best = this.best;
    best.reset(this.minGain);
    const q = { base: this.d.quant[0]!, gUnit: this.d.quant[1]!, hUnit: this.d.quant[2]! };
    for (let a = 0; a < nActive; a++) {
      const j = this.activeList[a]!;
      const f = this.d.features[j]!;
      if (this.d.categorical[j])
        this.finder.categorical(hist, this.d.offsets[j]!, this.d.nBins[j]!, q, sumG, sumH, f, best);
      else this.finder.numeric(hist, this.d.offsets[j]!, this.d.nBins[j]!, q, sumG, sumH, f, best);
    }
    writeResult(best, results, at);
  }
}

export function writeResult(c: SplitCandidate, out: Float64Array, at: number): void {
  out[at] = c.feature >= 0 ? c.gain : 0;
  out[at + 1] = c.feature;
  out[at + 2] = c.binThreshold;
  out[at + 3] = c.defaultLeft ? 1 : 0;
  out[at + 4] = c.leftG;
  out[at + 5] = c.leftH;
  // The 256-entry routing table, 8 entries per float as bits.
  for (let w = 0; w < 32; w++) {
    let bits = 0;
    for (let b = 0; b < 8; b++) if (c.goesLeft[w * 8 + b]) bits |= 1 << b;
    out[at + 6 + w] = bits;
  }
}

export function readResult(src: Float64Array, at: number, c: SplitCandidate): void {
  c.gain = src[at]!;
  c.feature = src[at + 1]!;
  c.binThreshold = src[at + 2]!;
  c.defaultLeft = src[at + 3] === 1;
  c.leftG = src[at + 4]!;
  c.leftH = src[at + 5]!;
  for (let w = 0; w < 32; w++) {
    const bits = src[at + 6 + w]!;
    for (let b = 0; b < 8; b++) c.goesLeft[w * 8 + b] = (bits >> b) & 1;
  }
}
