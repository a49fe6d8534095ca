/**
 * Two-thread training: this thread and one long-lived worker each own half of the features (feature-parallel),
 * build their histograms and find their best splits; the runner merges the two candidates. Jobs and results
 * cross through SharedArrayBuffers and Atomics.wait/notify — a few microseconds per batch, and batches are one
 * per tree level — so the gain is close to 2× on the histogram and split work. The worker loads the TypeScript
 * kernel through tsx (ts-worker.ts); when that is impossible, or it does not answer in time, training stays on one thread
 * with identical results.
 */
import type { Worker } from 'node:worker_threads';
import type { BinnedMatrix } from './binning.ts';
import { HistogramKernel, JOB_WIDTH, RESULT_WIDTH, readResult } from './kernel.ts';
import type { SessionMessage } from './kernel-worker.ts';
import {
  CMD_EXIT,
  CMD_RELEASE,
  CMD_RUN,
  CTRL_CMD,
  CTRL_COUNT,
  CTRL_DONE,
  CTRL_ERROR,
  CTRL_READY,
  CTRL_SEQ,
} from './protocol.ts';
import { type KernelRunner, kernelData, mergeCandidate, type SharedTrainingArrays } from './runner.ts';
import { SplitCandidate, type SplitParams } from './split.ts';
import { startTsWorker, WORKER_LOADED, WORKER_LOADING } from './ts-worker.ts';

const READY_TIMEOUT_MS = 20_000;

let worker: Worker | null = null;
let workerBroken = false;
/** status[0]: 0 loading, 1 loaded, 2 failed — shared so this thread can wait on it while blocked. */
let status: Int32Array | null = null;

function getWorker(): Worker | null {
  if (workerBroken) return null;
  if (worker) return worker;
  try {
    const started = startTsWorker(new URL('./kernel-worker.ts', import.meta.url));
    const w = started.worker;
    status = started.status;
    w.on('error', () => {
      workerBroken = true;
      worker = null;
    });
    w.on('exit', () => {
      worker = null;
    });
    worker = w;
    return w;
  } catch {
    workerBroken = true;
    return null;
  }
}

class ParallelRunner implements KernelRunner {
  readonly threads = 2;
  private readonly localResults: Float64Array;
  private readonly out: SplitCandidate[] = [];
  private readonly other = new SplitCandidate();

  constructor(
    private readonly local: HistogramKernel,
    private readonly ctrl: Int32Array,
    private readonly jobs: Float64Array,
    private readonly results: Float64Array,
    private readonly errorText: Uint8Array,
  ) {
    this.localResults = new Float64Array(results.length);
  }

  private command(cmd: number, count: number): void {
    Atomics.store(this.ctrl, CTRL_COUNT, count);
    Atomics.store(this.ctrl, CTRL_CMD, cmd);
    Atomics.add(this.ctrl, CTRL_SEQ, 1);
    Atomics.notify(this.ctrl, CTRL_SEQ);
  }

  private await(): void {
    const seq = Atomics.load(this.ctrl, CTRL_SEQ);
    for (;;) {
      const done = Atomics.load(this.ctrl, CTRL_DONE);
      if (done === seq) break;
      if (Atomics.wait(this.ctrl, CTRL_DONE, done, READY_TIMEOUT_MS) === 'timed-out') {
        throw new Error('GBDT worker thread stopped answering');
      }
    }
    if (Atomics.load(this.ctrl, CTRL_ERROR)) {
      const text = new TextDecoder().decode(this.errorText.slice()).replace(/\0+$/, '');
      throw new Error(`GBDT worker thread failed: ${text}`);
    }
  }

  run(jobs: Float64Array, count: number, nSplits: number): SplitCandidate[] {
    if (count * JOB_WIDTH > this.jobs.length || nSplits * RESULT_WIDTH > this.results.length) {
      throw new Error('GBDT job batch larger than the shared buffers');
    }
    this.jobs.set(jobs.subarray(0, count * JOB_WIDTH));
    this.command(CMD_RUN, count);
    this.local.run(this.jobs, count, this.localResults);
    this.await();
    while (this.out.length < nSplits) this.out.push(new SplitCandidate());
    for (let i = 0; i < nSplits; i++) {
      readResult(this.localResults, i * RESULT_WIDTH, this.out[i]!);
      readResult(this.results, i * RESULT_WIDTH, this.other);
      mergeCandidate(this.out[i]!, this.other);
    }
    return this.out;
  }

  endTree(): void {
    this.command(CMD_RELEASE, 0);
    this.local.releaseAll();
    this.await();
  }

  close(): void {
    this.command(CMD_EXIT, 0);
    try {
      this.await();
    } catch {
      // The worker is gone; nothing left to release.
    }
  }
}

/**
 * A two-thread runner, or null when no worker is available (the caller then trains on one thread).
 * `maxSplitsPerBatch` bounds the shared buffers: one batch never holds more than two SPLIT jobs per leaf.
 */
export function parallelRunner(
  data: BinnedMatrix,
  features: Int32Array,
  shared: SharedTrainingArrays,
  params: SplitParams,
  maxLeaves: number,
): KernelRunner | null {
  if (features.length < 2) return null;
  const w = getWorker();
  if (!w || !status) return null;
  if (Atomics.load(status, 0) === WORKER_LOADING) Atomics.wait(status, 0, WORKER_LOADING, READY_TIMEOUT_MS);
  if (Atomics.load(status, 0) !== WORKER_LOADED) {
    workerBroken = true;
    void w.terminate();
    worker = null;
    return null;
  }
  // Alternate features between the two kernels so both get a similar mix of wide and narrow ones.
  const mine = features.filter((_, j) => j % 2 === 0);
  const theirs = features.filter((_, j) => j % 2 === 1);
  const maxSplits = 2 * maxLeaves + 2;
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * 8));
  const jobs = new Float64Array(new SharedArrayBuffer(8 * JOB_WIDTH * (4 * maxLeaves + 8)));
  const results = new Float64Array(new SharedArrayBuffer(8 * RESULT_WIDTH * maxSplits));
  const errorText = new Uint8Array(new SharedArrayBuffer(4096));
  const message: SessionMessage = {
    type: 'session',
    data: kernelData(data, theirs, shared),
    params,
    ctrl,
    jobs,
    results,
    errorText,
  };
  w.postMessage(message);
  if (
    Atomics.wait(ctrl, CTRL_READY, 0, READY_TIMEOUT_MS) === 'timed-out' &&
    !Atomics.load(ctrl, CTRL_READY)
  ) {
    // Too slow to start (or failing): train on one thread and do not try again in this process.
    workerBroken = true;
    void w.terminate();
    worker = null;
    return null;
  }
  const local = new HistogramKernel(kernelData(data, mine, shared), params);
  return new ParallelRunner(local, ctrl, jobs, results, errorText);
}
