/**
 * TreeSHAP of a batch on several threads: this thread and up to `threads − 1` pooled worker threads (started
 * through ts-worker.ts, like the training worker) share the batch's rows. The rows are gathered once, row-major,
 * into shared memory; every thread claims blocks of SHAP_BLOCK rows from one shared counter (Atomics.add) and
 * writes their contributions into a shared output, so a slow or late thread just takes fewer blocks. Each row's
 * sums run in the same order on any thread (shap.ts, `shapBlock`), so results are bit-identical to `treeShap`.
 *
 * The SHAP tables are built in shared memory by the calling thread and handed to each worker once per model (the
 * compiled arrays are copied once, ~1 MB for 300 trees); a worker keeps only the last model it was sent. Small
 * batches stay on the calling thread: a job costs a message round trip, and the first one a worker's start.
 * Workers are unref'd while idle (they never keep the process alive) and `closeShapWorkers` ends them; when a
 * worker cannot start, batches stay on the calling thread with the same results.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FeatureMatrix, FeatureSpec } from '../matrix.ts';
import type { CompiledModel } from './model.ts';
import { checkSchema } from './predict.ts';
import {
  gatherRows,
  SHAP_BLOCK,
  type ShapResult,
  type ShapTables,
  shapBlock,
  shapScratch,
  tablesOf,
  treeShap,
} from './shap.ts';
import type { ShapJobMessage, ShapReply, ShapWorkerModel } from './shap-worker.ts';
import { startTsWorker, WORKER_LOADED } from './ts-worker.ts';

/** Batches of fewer rows stay on the calling thread (about 0.1 s of work on one thread for a 300-tree model). */
export const SHAP_MIN_PARALLEL_ROWS = 256;
/** Default thread count: the machine's, at most this. */
export const SHAP_MAX_DEFAULT_THREADS = 2;

export interface ShapThreadOptions {
  /** Threads in all, the calling one included (default: available parallelism, at most 2); 1: this thread only. */
  threads?: number;
  /** Batches with fewer rows stay on the calling thread (default SHAP_MIN_PARALLEL_ROWS). */
  minRows?: number;
}

interface PooledWorker {
  worker: Worker;
  status: Int32Array;
  /** Model the worker holds (-1: none). */
  modelId: number;
  /** Set by closeShapWorkers: its exit says nothing of whether workers can load. */
  closing: boolean;
  pending: Map<number, { resolve: (blocks: number) => void; reject: (error: Error) => void }>;
}

const pool: PooledWorker[] = [];
/** Set when a worker could not load: later batches stay on the calling thread. */
let unavailable = false;
let nextJobId = 1;
let nextModelId = 1;
const modelIds = new WeakMap<CompiledModel, number>();

function modelIdOf(c: CompiledModel): number {
  let id = modelIds.get(c);
  if (id === undefined) {
    id = nextModelId++;
    modelIds.set(c, id);
  }
  return id;
}

function settle(p: PooledWorker, id: number, outcome: { blocks: number } | Error): void {
  const job = p.pending.get(id);
  if (!job) return;
  p.pending.delete(id);
  if (p.pending.size === 0) p.worker.unref();
  if (outcome instanceof Error) job.reject(outcome);
  else job.resolve(outcome.blocks);
}

function settleAll(p: PooledWorker, outcome: { blocks: number } | Error): void {
  for (const id of [...p.pending.keys()]) settle(p, id, outcome);
}

function startWorker(): PooledWorker | null {
  let started: ReturnType<typeof startTsWorker>;
  try {
    started = startTsWorker(new URL('./shap-worker.ts', import.meta.url));
  } catch {
    unavailable = true;
    return null;
  }
  const p: PooledWorker = { ...started, modelId: -1, closing: false, pending: new Map() };
  p.worker.on('message', (reply: ShapReply) => {
    settle(
      p,
      reply.id,
      reply.type === 'done'
        ? { blocks: reply.blocks }
        : new Error(`TreeSHAP worker thread failed: ${reply.message}`),
    );
  });
  p.worker.on('error', (error) => {
    settleAll(p, new Error(`TreeSHAP worker thread failed: ${error.message}`));
  });
  p.worker.on('exit', (code) => {
    const at = pool.indexOf(p);
    if (at >= 0) pool.splice(at, 1);
    if (p.closing) settleAll(p, new Error('TreeSHAP worker threads closed'));
    else if (Atomics.load(p.status, 0) !== WORKER_LOADED) {
      // It never loaded, so it never claimed a block: this thread did them all. Stay on one thread from now on.
      unavailable = true;
      settleAll(p, { blocks: 0 });
    } else settleAll(p, new Error(`TreeSHAP worker thread stopped (exit code ${code})`));
  });
  pool.push(p);
  return p;
}

/** Up to `count` pooled workers, started when missing; none when workers cannot load here. */
function workers(count: number): PooledWorker[] {
  while (!unavailable && pool.length < count) if (!startWorker()) break;
  return unavailable ? [] : pool.slice(0, count);
}

function modelMessage(c: CompiledModel, id: number, tables: ShapTables): ShapWorkerModel {
  const { nFeatures, nTrees, roots, kind, feature, threshold, left, right, catOffset, catWords, catBits } = c;
  return {
    id,
    nFeatures,
    nTrees,
    roots,
    kind,
    feature,
    threshold,
    left,
    right,
    catOffset,
    catWords,
    catBits,
    features: c.model.features,
    tables,
  };
}

function send(p: PooledWorker, message: Omit<ShapJobMessage, 'model'>, c: CompiledModel, T: ShapTables) {
  return new Promise<number>((resolve, reject) => {
    const job: ShapJobMessage =
      p.modelId === message.modelId ? message : { ...message, model: modelMessage(c, message.modelId, T) };
    p.modelId = message.modelId;
    if (p.pending.size === 0) p.worker.ref();
    p.pending.set(message.id, { resolve, reject });
    p.worker.postMessage(job);
  });
}

/** Threads to use: the option, else the machine's parallelism capped at SHAP_MAX_DEFAULT_THREADS. */
export function shapThreads(options: ShapThreadOptions = {}): number {
  const n = options.threads ?? Math.min(SHAP_MAX_DEFAULT_THREADS, availableParallelism());
  if (!Number.isInteger(n) || n < 1) throw new Error(`TreeSHAP threads must be a whole number ≥ 1, got ${n}`);
  return n;
}

/**
 * Runs one job on this thread and `helpers` pooled workers. `x` holds `count` rows gathered row-major in shared
 * memory and `features` is their schema: the workers check it against the model, as treeShap does on this thread
 * (the caller has). This thread computes at most `maxBlocksHere` blocks (tests: 0 makes the workers do all,
 * and waits for them to start). Resolves with the number of blocks this thread computed, once every worker that
 * took part has answered.
 */
export async function runShapJob(
  c: CompiledModel,
  x: Float64Array,
  count: number,
  features: FeatureSpec[],
  helpers: number,
  maxBlocksHere = Number.POSITIVE_INFINITY,
): Promise<{ result: ShapResult; blocksHere: number; blocks: number }> {
  const T = tablesOf(c);
  const nf = c.nFeatures;
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, count * nf) * 8)).subarray(0, count * nf);
  const helping = workers(helpers);
  // next[0]: the next block to claim; next[1 + i]: set by worker i when it starts on the job.
  const next = new Int32Array(new SharedArrayBuffer(4 * (1 + helping.length)));
  const message = {
    type: 'job' as const,
    id: 0,
    slot: 0,
    modelId: modelIdOf(c),
    // Names and kinds are all the workers' check reads: the categories (vocabularies) need not be copied.
    features: features.map(({ name, kind }) => ({ name, kind })),
    x,
    values,
    count,
    next,
  };
  const replies = helping.map((p, i) => send(p, { ...message, id: nextJobId++, slot: 1 + i }, c, T));
  // Every answer is observed, even those this job stops waiting for (a late error must not go unhandled).
  for (const reply of replies) reply.catch(() => {});
  const blocks = Math.ceil(count / SHAP_BLOCK);
  const pattern = shapScratch(T);
  let blocksHere = 0;
  const claim = (limit: number) => {
    while (blocksHere < limit) {
      const k = Atomics.add(next, 0, 1);
      if (k >= blocks) return;
      const from = k * SHAP_BLOCK;
      shapBlock(c, T, x, from, Math.min(SHAP_BLOCK, count - from), values, from, pattern);
      blocksHere++;
    }
  };
  const limited = replies.length > 0 && maxBlocksHere < blocks;
  claim(limited ? maxBlocksHere : Number.POSITIVE_INFINITY);
  // Once this thread finds no block left, a worker that has not started on the job has claimed none and never
  // will: waiting for it would only add its start (the first job) to this batch, or hang on a worker that never
  // loads. Those that started may be finishing a block: wait for their answers (an error rejects the batch).
  await Promise.all(replies.filter((_, i) => limited || Atomics.load(next, 1 + i) === 1));
  // Blocks left unclaimed (a worker that could not load, after maxBlocksHere): this thread does them.
  claim(Number.POSITIVE_INFINITY);
  // A plain copy, like treeShap's: callers need not know the output was shared.
  return { result: { expected: T.expected, values: values.slice(), nFeatures: nf }, blocksHere, blocks };
}

/**
 * TreeSHAP contributions of the given rows (all rows by default) on several threads — identical to
 * `treeShap(c, m, rows)`, which it falls back to for small batches, one thread, or when no worker can start.
 */
export async function treeShapBatch(
  c: CompiledModel,
  m: FeatureMatrix,
  rows?: ArrayLike<number>,
  options: ShapThreadOptions = {},
): Promise<ShapResult> {
  checkSchema(c, m);
  const threads = shapThreads(options);
  const count = rows ? rows.length : m.nRows;
  if (threads < 2 || count < (options.minRows ?? SHAP_MIN_PARALLEL_ROWS) || unavailable)
    return treeShap(c, m, rows);
  const nf = c.nFeatures;
  const x = new Float64Array(new SharedArrayBuffer(Math.max(1, count * nf) * 8)).subarray(0, count * nf);
  gatherRows(m, rows, 0, count, x);
  return (await runShapJob(c, x, count, m.features, threads - 1)).result;
}

/** Workers currently in the pool (tests: none after closeShapWorkers). */
export function shapWorkerCount(): number {
  return pool.length;
}

/** Ends the pooled workers (their pending jobs are rejected); the next batch starts new ones. */
export async function closeShapWorkers(): Promise<void> {
  const all = pool.splice(0);
  for (const p of all) p.closing = true;
  await Promise.all(all.map((p) => p.worker.terminate()));
}
