import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type FeatureSpec, matrixFromRows } from '../matrix.ts';
import { trainGbdt } from './booster.ts';
import { loadModel } from './model.ts';
import { Rng } from './prng.ts';
import { gatherRows, SHAP_BLOCK, treeShap } from './shap.ts';
import {
  closeShapWorkers,
  runShapJob,
  SHAP_MIN_PARALLEL_ROWS,
  shapWorkerCount,
  treeShapBatch,
} from './shap-parallel.ts';

const features: FeatureSpec[] = [
  { name: 'a', kind: 'numeric' },
  { name: 'b', kind: 'numeric' },
  { name: 'c', kind: 'categorical', categories: ['p', 'q', 'r', 's', 't', 'u'] },
  { name: 'd', kind: 'numeric' },
];
const rng = new Rng(11);
const rows = Array.from({ length: 1500 }, () => [
  rng.next() < 0.1 ? Number.NaN : rng.next(),
  rng.next(),
  rng.next() < 0.05 ? Number.NaN : rng.int(6),
  rng.next(),
]);
const label = rows.map(([a, b, c, d]) =>
  (a! > 0.6 ? 1 : 0) + (b! * d! > 0.3 ? 1 : 0) + (c === 1 || c === 4 ? 1 : 0) + 0.5 * rng.next() > 1.2
    ? 1
    : 0,
);
const matrix = matrixFromRows(features, rows);
const model = loadModel(trainGbdt({ matrix, label }, { nTrees: 20, maxDepth: 5, learningRate: 0.3 }));
const all = Array.from({ length: rows.length }, (_, i) => i);

/** The batch gathered row-major into shared memory, as treeShapBatch hands it to the workers. */
function shared(rowsOf: number[]): Float64Array {
  const x = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, rowsOf.length * features.length)));
  gatherRows(matrix, rowsOf, 0, rowsOf.length, x);
  return x.subarray(0, rowsOf.length * features.length);
}

describe('TreeSHAP on several threads', () => {
  afterAll(async () => {
    await closeShapWorkers();
  });

  it('rejects a matrix whose features are not the model’s, with the mismatch', async () => {
    const other = matrixFromRows(
      [...features.slice(0, 3), { name: 'e', kind: 'numeric' }],
      rows.slice(0, 300),
    );
    await expect(treeShapBatch(model, other)).rejects.toThrow(
      'feature schema mismatch at 3: model d (numeric), input e (numeric)',
    );
  });

  it('a worker’s error rejects the batch with the worker’s message', async () => {
    // The worker checks the job's schema against its model itself (its model is sent once and kept). This
    // thread takes no block, so the worker surely starts on the job.
    const wrong = features.map((f, j) => (j === 1 ? { ...f, name: 'z' } : f));
    await expect(runShapJob(model, shared(all), all.length, wrong, 1, 0)).rejects.toThrow(
      'TreeSHAP worker thread failed: feature schema mismatch at 1: model b (numeric), input z (numeric)',
    );
  });

  it('rejects a thread count that is not a whole number ≥ 1', async () => {
    await expect(treeShapBatch(model, matrix, all, { threads: 0 })).rejects.toThrow(
      'TreeSHAP threads must be a whole number ≥ 1, got 0',
    );
    await expect(treeShapBatch(model, matrix, [rows.length])).rejects.toThrow(
      `row ${rows.length} out of range`,
    );
  });

  it('keeps small batches on the calling thread, with treeShap’s results', async () => {
    await closeShapWorkers();
    const few = all.slice(0, SHAP_MIN_PARALLEL_ROWS - 1);
    const shap = await treeShapBatch(model, matrix, few, { threads: 2 });
    expect(shapWorkerCount()).toBe(0);
    expect(Array.from(shap.values)).toEqual(Array.from(treeShap(model, matrix, few).values));
    const none = await treeShapBatch(model, matrix, [], { threads: 2 });
    expect(none.values.length).toBe(0);
    expect(none.expected).toBe(treeShap(model, matrix, []).expected);
    expect(shapWorkerCount()).toBe(0);
  });

  it('gives the same contributions, bit for bit, as the one-thread treeShap', async () => {
    const sequential = treeShap(model, matrix, all);
    const parallel = await treeShapBatch(model, matrix, all, { threads: 2 });
    expect(shapWorkerCount()).toBe(1);
    expect(parallel.expected).toBe(sequential.expected);
    expect(parallel.nFeatures).toBe(4);
    expect(parallel.values.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(parallel.values)).toEqual(Array.from(sequential.values));
    // Rows in any order and repeated: each is computed as treeShap does.
    const shuffled = all.map((_, i) => (i * 7919) % rows.length).concat([3, 3, 3]);
    const again = await treeShapBatch(model, matrix, shuffled, { threads: 3 });
    expect(shapWorkerCount()).toBe(2);
    expect(Array.from(again.values)).toEqual(Array.from(treeShap(model, matrix, shuffled).values));
  });

  it('the workers alone give the same contributions (this thread takes no block)', async () => {
    const x = shared(all);
    const { result, blocksHere, blocks } = await runShapJob(model, x, all.length, features, 1, 0);
    expect(blocksHere).toBe(0);
    expect(blocks).toBe(Math.ceil(all.length / SHAP_BLOCK));
    expect(Array.from(result.values)).toEqual(Array.from(treeShap(model, matrix, all).values));
    // Both threads: this one takes at most 11 of the 24 blocks, the worker the others.
    const mixed = await runShapJob(model, x, all.length, features, 1, 11);
    expect(mixed.blocksHere).toBeLessThanOrEqual(11);
    expect(Array.from(mixed.result.values)).toEqual(Array.from(result.values));
    // Another model: the worker is sent it and uses it.
    const other = loadModel(trainGbdt({ matrix, label }, { nTrees: 7, maxDepth: 3, learningRate: 0.5 }));
    const second = await runShapJob(other, x, all.length, features, 1, 0);
    expect(Array.from(second.result.values)).toEqual(Array.from(treeShap(other, matrix, all).values));
    const empty = await runShapJob(model, shared([]), 0, features, 1, 0);
    expect(empty.result.values.length).toBe(0);
  });

  it('closes its workers: none left, and the next batch starts a new one', async () => {
    await treeShapBatch(model, matrix, all, { threads: 2 });
    expect(shapWorkerCount()).toBeGreaterThan(0);
    await closeShapWorkers();
    expect(shapWorkerCount()).toBe(0);
    const shap = await treeShapBatch(model, matrix, all, { threads: 2 });
    expect(shapWorkerCount()).toBe(1);
    expect(Array.from(shap.values)).toEqual(Array.from(treeShap(model, matrix, all).values));
  });

  it('a process that never closes its workers still exits by itself', async () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/run-ts.js', 'src/modules/ml/testing/shap-unclosed.ts'],
      { cwd: root, timeout: 120_000 },
    );
    expect(JSON.parse(stdout.trim())).toEqual({ rows: 600, workers: 1 });
  }, 130_000);
});
