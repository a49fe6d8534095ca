/**
 * Entry of a TreeSHAP worker thread (see shap-parallel.ts). It keeps the last model it was sent — the compiled
 * arrays copied once, the SHAP tables shared with the calling thread — and serves jobs: it claims blocks of rows
 * from the job's shared counter until none is left, writes their contributions into the job's shared output and
 * replies with the number of blocks it did, or with the error that stopped it. It marks its slot of the job's
 * control words first: the caller waits for the answers of the workers that started on a job, and only theirs.
 */
import { parentPort } from 'node:worker_threads';
import type { FeatureSpec } from '../matrix.ts';
import { checkFeatures } from './predict.ts';
import { SHAP_BLOCK, type ShapModel, type ShapTables, shapBlock, shapScratch } from './shap.ts';

/** A model as a worker receives it: what the SHAP loop reads, its feature schema and its tables. */
export interface ShapWorkerModel extends ShapModel {
  id: number;
  features: FeatureSpec[];
  tables: ShapTables;
}

export interface ShapJobMessage {
  type: 'job';
  id: number;
  modelId: number;
  /** Present when this worker does not hold the job's model yet. */
  model?: ShapWorkerModel;
  /** Schema of the rows (the worker checks it against its model, as treeShap does). */
  features: FeatureSpec[];
  /** Row-major input and output (count × nFeatures), in shared memory. */
  x: Float64Array;
  values: Float64Array;
  count: number;
  /**
   * next[0]: the next block of SHAP_BLOCK rows to claim (Atomics.add), shared by every thread of the job;
   * next[slot]: set to 1 by this worker before anything else, so the caller knows to wait for its answer.
   */
  next: Int32Array;
  slot: number;
}

export type ShapReply =
  | { type: 'done'; id: number; blocks: number }
  | { type: 'error'; id: number; message: string };

let held: { model: ShapWorkerModel; pattern: Int32Array } | null = null;

function serve(msg: ShapJobMessage): number {
  Atomics.store(msg.next, msg.slot, 1);
  if (msg.model) held = { model: msg.model, pattern: shapScratch(msg.model.tables) };
  if (!held || held.model.id !== msg.modelId)
    throw new Error(`model #${msg.modelId} was never sent to this worker`);
  const { model, pattern } = held;
  checkFeatures(model.features, msg.features);
  if (msg.x.length !== msg.count * model.nFeatures || msg.values.length !== msg.x.length) {
    throw new Error(`job buffers do not hold ${msg.count} rows of ${model.nFeatures} features`);
  }
  const blocks = Math.ceil(msg.count / SHAP_BLOCK);
  let done = 0;
  for (;;) {
    const k = Atomics.add(msg.next, 0, 1);
    if (k >= blocks) return done;
    const from = k * SHAP_BLOCK;
    shapBlock(
      model,
      model.tables,
      msg.x,
      from,
      Math.min(SHAP_BLOCK, msg.count - from),
      msg.values,
      from,
      pattern,
    );
    done++;
  }
}

parentPort?.on('message', (msg: ShapJobMessage) => {
  if (msg?.type !== 'job') return;
  let reply: ShapReply;
  try {
    reply = { type: 'done', id: msg.id, blocks: serve(msg) };
  } catch (error) {
    reply = { type: 'error', id: msg.id, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
