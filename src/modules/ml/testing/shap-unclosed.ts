/**
 * Run by shap-parallel.test.ts in a child process: explains a batch on two threads and never closes the worker
 * pool. The process must still exit by itself (idle workers are unref'd); it prints how many rows it explained.
 */
import { trainGbdt } from '../gbdt/booster.ts';
import { loadModel } from '../gbdt/model.ts';
import { Rng } from '../gbdt/prng.ts';
import { shapWorkerCount, treeShapBatch } from '../gbdt/shap-parallel.ts';
import { type FeatureSpec, matrixFromRows } from '../matrix.ts';

const features: FeatureSpec[] = [
  { name: 'a', kind: 'numeric' },
  { name: 'b', kind: 'numeric' },
];
const rng = new Rng(5);
const rows = Array.from({ length: 600 }, () => [rng.next(), rng.next()]);
const matrix = matrixFromRows(features, rows);
const label = rows.map(([a, b]) => (a! + b! > 1 ? 1 : 0));
const model = loadModel(trainGbdt({ matrix, label }, { nTrees: 4, maxDepth: 3 }));
const shap = await treeShapBatch(model, matrix, undefined, { threads: 2 });
console.log(JSON.stringify({ rows: shap.values.length / shap.nFeatures, workers: shapWorkerCount() }));
