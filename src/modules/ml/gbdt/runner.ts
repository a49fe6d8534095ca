/**
 * Runs histogram jobs on one kernel (this thread) or two (this thread + a worker, see parallel.ts) and merges
 * the per-kernel best splits. Merging keeps the larger gain and, on ties, the lower feature index: the same
 * rule a single kernel applies while scanning features in order, so results do not depend on the thread count.
 */
import type { BinnedMatrix } from './binning.ts';
import { HistogramKernel, type KernelData, kernelRowBins, RESULT_WIDTH, readResult } from './kernel.ts';
import { SplitCandidate, type SplitParams } from './split.ts';

export interface KernelRunner {
  readonly threads: number;
  /** Runs the jobs; returns the merged best split of each SPLIT job, in order (feature -1: no split). */
  run(jobs: Float64Array, count: number, nSplits: number): SplitCandidate[];
  /** Releases every histogram at the end of a tree. */
  endTree(): void;
  close(): void;
}

/** Memory shared by the trainer and the kernels. */
export interface SharedTrainingArrays {
  rows: Uint32Array;
  packed: Float64Array;
  quant: Float64Array;
  active: Uint8Array;
}

export function sharedArrays(nRows: number, nFeatures: number): SharedTrainingArrays {
  return {
    rows: new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, nRows))),
    packed: new Float64Array(new SharedArrayBuffer(8 * Math.max(1, nRows))),
    quant: new Float64Array(new SharedArrayBuffer(8 * 3)),
    active: new Uint8Array(new SharedArrayBuffer(Math.max(1, nFeatures))),
  };
}

/** Kernel data for a subset of the binned matrix's features. */
export function kernelData(
  data: BinnedMatrix,
  features: Int32Array,
  shared: SharedTrainingArrays,
): KernelData {
  const nBins = Int32Array.from(features, (f) => data.mappers[f]!.nBins);
  const categorical = Uint8Array.from(features, (f) => (data.mappers[f]!.kind === 'categorical' ? 1 : 0));
  const { rowBins, offsets, size } = kernelRowBins(data.bins, data.nRows, features, nBins);
  return { nRows: data.nRows, features, nBins, categorical, rowBins, offsets, size, ...shared };
}

/** Keeps in `into` the better of two candidates (larger gain, then lower feature). */
export function mergeCandidate(into: SplitCandidate, other: SplitCandidate): void {
  if (other.feature < 0) return;
  if (
    into.feature < 0 ||
    other.gain > into.gain ||
    (other.gain === into.gain && other.feature < into.feature)
  ) {
    into.copyFrom(other);
  }
}

export class LocalRunner implements KernelRunner {
  readonly threads = 1;
  private results = new Float64Array(0);
  private readonly out: SplitCandidate[] = [];

  constructor(private readonly kernel: HistogramKernel) {}

  run(jobs: Float64Array, count: number, nSplits: number): SplitCandidate[] {
    if (this.results.length < nSplits * RESULT_WIDTH)
      this.results = new Float64Array(2 * nSplits * RESULT_WIDTH);
    this.kernel.run(jobs, count, this.results);
    while (this.out.length < nSplits) this.out.push(new SplitCandidate());
    for (let i = 0; i < nSplits; i++) readResult(this.results, i * RESULT_WIDTH, this.out[i]!);
    return this.out;
  }

  endTree(): void {
    this.kernel.releaseAll();
  }

  close(): void {}
}

export function localRunner(
  data: BinnedMatrix,
  features: Int32Array,
  shared: SharedTrainingArrays,
  params: SplitParams,
): LocalRunner {
  return new LocalRunner(new HistogramKernel(kernelData(data, features, shared), params));
}
