/**
 * The boosting loop: gradients of the objective, one tree per round on the binned matrix, optional row and
 * column subsampling, and early stopping on a validation set given by the caller (time-ordered: the later
 * period). Deterministic for a seed: all randomness comes from one seeded Rng.
 */

import { availableParallelism } from 'node:os';
import type { FeatureMatrix } from '../matrix.ts';
import { rocAuc } from '../metrics.ts';
import { applyBins, type BinnedMatrix, fitBinMappers } from './binning.ts';
import { quantiseGradients } from './histogram.ts';
import { type GbdtModel, MODEL_FORMAT, MODEL_VERSION, type SerializedTree, serializeTree } from './model.ts';
import { parallelRunner } from './parallel.ts';
import { type GbdtParams, resolveParams } from './params.ts';
import { Rng, shuffle } from './prng.ts';
import { type KernelRunner, localRunner, type SharedTrainingArrays, sharedArrays } from './runner.ts';
import { addBinnedPredictions, TreeGrower } from './tree.ts';

export interface Dataset {
  matrix: FeatureMatrix;
  label: ArrayLike<number>;
  /** Optional per-row weights (e.g. class weights). */
  weight?: ArrayLike<number>;
}

export interface TrainGbdtOptions {
  validation?: Dataset;
  /** Called after each tree with the validation metric (NaN without validation). */
  onIteration?: (iteration: number, metric: number) => void;
}

function checkDataset(d: Dataset, objective: GbdtParams['objective'], what: string): void {
  const n = d.matrix.nRows;
  if (n === 0) throw new Error(`${what}: no rows`);
  if (d.label.length !== n) throw new Error(`${what}: ${d.label.length} labels for ${n} rows`);
  if (d.weight && d.weight.length !== n) throw new Error(`${what}: ${d.weight.length} weights for ${n} rows`);
  for (let i = 0; i < n; i++) {
    const y = d.label[i]!;
    if (!Number.isFinite(y)) throw new Error(`${what}: label of row ${i} is not a finite number`);
    if (objective === 'binary' && y !== 0 && y !== 1)
      throw new Error(`${what}: binary label ${y} at row ${i}`);
  }
}

function rowWeights(d: Dataset, p: GbdtParams): Float64Array {
  const w = new Float64Array(d.matrix.nRows);
  for (let i = 0; i < w.length; i++) {
    const base = d.weight ? d.weight[i]! : 1;
    w[i] = p.objective === 'binary' && d.label[i] === 1 ? base * p.scalePosWeight : base;
  }
  return w;
}

function baseScore(label: ArrayLike<number>, w: Float64Array, p: GbdtParams): number {
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < w.length; i++) {
    sw += w[i]!;
    sy += w[i]! * label[i]!;
  }
  const mean = sy / sw;
  return p.objective === 'binary' ? Math.log(mean / (1 - mean)) : mean;
}

/** Validation metric; lower is better except AUC, returned negated so that "lower is better" always holds. */
function evalMetric(p: GbdtParams, margin: Float64Array, label: ArrayLike<number>): number {
  const n = margin.length;
  // AUC only depends on the order, so margins serve as well as probabilities.
  if (p.evalMetric === 'auc') return -rocAuc(label, margin);
  let s = 0;
  if (p.evalMetric === 'rmse') {
    for (let i = 0; i < n; i++) {
      const pred = p.objective === 'binary' ? 1 / (1 + Math.exp(-margin[i]!)) : margin[i]!;
      s += (pred - label[i]!) ** 2;
    }
    return Math.sqrt(s / n);
  }
  for (let i = 0; i < n; i++) {
    const m = margin[i]!;
    // log(1 + e^-m) for y=1, log(1 + e^m) for y=0, computed stably.
    const z = label[i] === 1 ? -m : m;
    s += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return s / n;
}

export function trainGbdt(
  train: Dataset,
  params: Partial<GbdtParams> = {},
  options: TrainGbdtOptions = {},
): GbdtModel {
  const started = performance.now();
  const p = resolveParams(params);
  checkDataset(train, p.objective, 'training set');
  const n = train.matrix.nRows;
  const label = train.label;
  if (p.objective === 'binary') {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += label[i]!;
    if (pos === 0 || pos === n) {
      throw new Error(
        `training set: all ${n} labels are ${pos === 0 ? 0 : 1}; a classifier needs both classes`,
      );
    }
  }
  const valid = options.validation;
  if (valid) {
    checkDataset(valid, p.objective, 'validation set');
    if (valid.matrix.features.length !== train.matrix.features.length) {
      throw new Error('validation set: feature schema differs from the training set');
    }
  }
  const rng = new Rng(p.seed);
  const mappers = fitBinMappers(train.matrix, { maxBins: p.maxBins, seed: p.seed });
  const data = applyBins(train.matrix, mappers);
  const vData: BinnedMatrix | null = valid ? applyBins(valid.matrix, mappers) : null;
  const usable = mappers.map((m, f) => (m.trivial ? -1 : f)).filter((f) => f >= 0);
  if (usable.length === 0) throw new Error('training set: every feature is constant, nothing to split on');
  const shared = sharedArrays(n, mappers.length);
  const maxLeaves = p.maxLeaves > 0 ? p.maxLeaves : p.maxDepth > 0 ? 2 ** p.maxDepth : 31;
  const threads = p.nThreads > 0 ? p.nThreads : Math.min(2, availableParallelism());
  // A worker only pays off on enough cells; results are identical either way.
  const runner =
    (threads >= 2 && n * usable.length >= 200_000
      ? parallelRunner(data, Int32Array.from(usable), shared, p, maxLeaves)
      : null) ?? localRunner(data, Int32Array.from(usable), shared, p);
  try {
    return boost(train, options, p, data, vData, runner, shared, usable, rng, started);
  } finally {
    runner.close();
  }
}

function boost(
  train: Dataset,
  options: TrainGbdtOptions,
  p: GbdtParams,
  data: BinnedMatrix,
  vData: BinnedMatrix | null,
  runner: KernelRunner,
  shared: SharedTrainingArrays,
  usable: number[],
  rng: Rng,
  started: number,
): GbdtModel {
  const n = data.nRows;
  const label = train.label;
  const valid = options.validation;
  const w = rowWeights(train, p);
  const base = baseScore(label, w, p);
  const margin = new Float64Array(n).fill(base);
  const vMargin = valid ? new Float64Array(valid.matrix.nRows).fill(base) : null;
  const gh = new Float64Array(2 * n);
  const rows = shared.rows;
  const grower = new TreeGrower(data, p, runner, rows, shared.packed, shared.quant);
  const nCols = Math.max(1, Math.round(usable.length * p.colsampleByTree));
  const colPool = Int32Array.from(usable);
  const trees: SerializedTree[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  let bestIteration = -1;
  for (let it = 0; it < p.nTrees; it++) {
    if (p.objective === 'binary') {
      for (let i = 0; i < n; i++) {
        const prob = 1 / (1 + Math.exp(-margin[i]!));
        gh[2 * i] = (prob - label[i]!) * w[i]!;
        gh[2 * i + 1] = Math.max(prob * (1 - prob), 1e-16) * w[i]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        gh[2 * i] = (margin[i]! - label[i]!) * w[i]!;
        gh[2 * i + 1] = w[i]!;
      }
    }
    let nRows = 0;
    if (p.subsample < 1) {
      for (let i = 0; i < n; i++) if (rng.next() < p.subsample) rows[nRows++] = i;
      if (nRows === 0) rows[nRows++] = rng.int(n);
    } else {
      for (let i = 0; i < n; i++) rows[i] = i;
      nRows = n;
    }
    shared.active.fill(0);
    if (nCols < usable.length) shuffle(colPool, rng);
    for (let j = 0; j < nCols; j++) shared.active[colPool[j]!] = 1;
    quantiseGradients(gh, rows, nRows, rng, shared.packed, shared.quant);
    const { tree, leaves } = grower.grow(gh, nRows);
    if (nRows === n) {
      for (const leaf of leaves) {
        const v = tree.value[leaf.node]!;
        for (let k = leaf.start; k < leaf.end; k++) margin[rows[k]!]! += v;
      }
    } else addBinnedPredictions(tree, data, margin);
    trees.push(serializeTree(tree));
    let metric = Number.NaN;
    if (vData && vMargin && valid) {
      addBinnedPredictions(tree, vData, vMargin);
      metric = evalMetric(p, vMargin, valid.label);
      if (metric < bestScore - 1e-12) {
        bestScore = metric;
        bestIteration = it;
      }
    }
    options.onIteration?.(it, metric);
    if (valid && p.earlyStoppingRounds > 0 && it - bestIteration >= p.earlyStoppingRounds) break;
  }
  const keep = valid && p.earlyStoppingRounds > 0 ? bestIteration + 1 : trees.length;
  let nPositives = 0;
  if (p.objective === 'binary') for (let i = 0; i < n; i++) nPositives += label[i]!;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    objective: p.objective,
    baseScore: base,
    features: train.matrix.features,
    params: p,
    training: {
      nRows: n,
      ...(p.objective === 'binary' ? { nPositives } : {}),
      ...(valid
        ? { nValidationRows: valid.matrix.nRows, bestScore: p.evalMetric === 'auc' ? -bestScore : bestScore }
        : {}),
      evalMetric: p.evalMetric,
      threads: runner.threads,
      nTrees: keep,
      bestIteration: keep - 1,
      durationMs: performance.now() - started,
      trainedAt: new Date().toISOString(),
    },
    trees: trees.slice(0, keep),
  };
}
