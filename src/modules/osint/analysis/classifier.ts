/**
 * A small text classifier that learns from investigators' confirmations: hashed character n-grams (2–4, within
 * word boundaries, on the folded text) plus whole words, multinomial (softmax) logistic regression with L2, trained
 * by SGD. Softmax rather than one-vs-rest because its probabilities sum to one and stay comparable across labels
 * when the training set is small (one-vs-rest sigmoids came out uniformly under-confident on the seed corpus).
 *
 * Character n-grams cope with the spelling chaos of five languages and arabizi without a tokeniser per language;
 * hashing keeps the model a fixed size whatever the vocabulary; logistic regression is fast, explainable and
 * serialises to plain JSON. Training is deterministic (fixed seed, fixed order), so the same confirmations give the
 * same model on every machine.
 */

import { mulberry32 } from '../../../platform/lib/random.ts';
import { normalizeText, type Token, tokenize } from './normalize.ts';
import { LABELS, type Label } from './types.ts';

export interface ClassifierOptions {
  /** Hash buckets as a power of two (default 2^16: as accurate as 2^18 on the seed corpus, and cache-friendly). */
  bits?: number;
  epochs?: number;
  /** L2 regularisation strength. */
  l2?: number;
  learningRate?: number;
  seed?: number;
}

export interface TrainingExample {
  text: string;
  label: Label;
}

export interface Classifier {
  labels: readonly Label[];
  bits: number;
  /**
   * Weights interleaved by feature: `weights[i * labels.length + k]` is feature i for label k, so scoring one
   * feature reads one cache line for all labels instead of one per label.
   */
  weights: Float32Array;
  bias: number[];
  trainedOn: number;
  options: Required<ClassifierOptions>;
}

const DEFAULTS: Required<ClassifierOptions> = { bits: 16, epochs: 25, l2: 1e-4, learningRate: 0.5, seed: 42 };
/** Single characters were dropped: no measurable gain on the corpora, a quarter of the features and of the time. */
const MIN_N = 2;
const MAX_N = 4;

/** Sparse feature vector: hashed indices and their (sublinear tf, L2-normalised) values. */
export interface Features {
  idx: Uint32Array;
  val: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Per-process scratch space: counts by bucket and the buckets touched, reused so featurising allocates little. */
let counts = new Uint16Array(0);
let touched = new Int32Array(0);
/** 1 + ln(count) for small counts, the usual sublinear term frequency. */
const SUBLINEAR = Float32Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

/** Features of a text: character n-grams of each folded word padded with spaces, and the word itself. */
export function featurize(text: string, bits: number): Features {
  return featurizeTokens(tokenize(normalizeText(text)), bits);
}

/** Features from tokens already computed by the pipeline (saves folding the text twice). */
export function featurizeTokens(tokens: readonly Token[], bits: number): Features {
  const mask = (1 << bits) - 1;
  if (counts.length !== mask + 1) {
    counts = new Uint16Array(mask + 1);
    touched = new Int32Array(mask + 1);
  }
  let n = 0;
  for (const t of tokens) {
    // The de-elongated form when there is one: "hiiiigh" and "high" should share their n-grams.
    const key = t.keys.length > 1 && t.keys[1]!.length < t.key.length ? t.keys[1]! : t.key;
    // The word padded with a space on each side, read without building the padded string.
    const len = key.length + 2;
    let hw = 0x9e3779b9;
    for (let i = 0; i < len; i++) {
      let h = FNV_OFFSET;
      for (let j = i; j < len && j - i < MAX_N; j++) {
        const c = j === 0 || j === len - 1 ? 32 : key.charCodeAt(j - 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        if (j - i + 1 >= MIN_N) {
          const b = ((h ^ (j - i + 1)) >>> 0) & mask;
          if (counts[b] === 0) touched[n++] = b;
          if (counts[b]! < 65535) counts[b]!++;
        }
      }
      hw = Math.imul(hw ^ (i === 0 || i === len - 1 ? 32 : key.charCodeAt(i - 1)), FNV_PRIME);
    }
    const b = (hw >>> 0) & mask;
    if (counts[b] === 0) touched[n++] = b;
    if (counts[b]! < 65535) counts[b]!++;
  }
  const idx = new Uint32Array(n);
  const val = new Float32Array(n);
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const b = touched[k]!;
    const c = counts[b]!;
    const v = c < 64 ? SUBLINEAR[c]! : 1 + Math.log(c);
    idx[k] = b;
    val[k] = v;
    norm += v * v;
    counts[b] = 0;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < n; k++) val[k]! /= norm;
  return { idx, val };
}

function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function emptyModel(options: Required<ClassifierOptions>): Classifier {
  const size = 1 << options.bits;
  return {
    labels: LABELS,
    bits: options.bits,
    weights: new Float32Array(size * LABELS.length),
    bias: LABELS.map(() => 0),
    trainedOn: 0,
    options,
  };
}

/**
 * SGD over the examples, updating `model` in place. L2 uses the scaling trick (w = s·v) so that each step costs
 * the example's non-zero features, not the whole weight vector. Classes are balanced by example weights.
 */
function sgd(
  model: Classifier,
  examples: readonly TrainingExample[],
  epochs: number,
  learningRate: number,
): void {
  if (examples.length === 0) return;
  const { l2, seed } = model.options;
  const data = examples.map((e) => ({ f: featurize(e.text, model.bits), y: model.labels.indexOf(e.label) }));
  if (data.some((d) => d.y < 0)) throw new Error('training example with an unknown label');
  const counts = model.labels.map((_, k) => data.filter((d) => d.y === k).length);
  const present = counts.filter((c) => c > 0).length;
  const weightOf = (y: number) => data.length / (present * counts[y]!);
  const K = model.labels.length;
  const w = model.weights;
  const scale = model.labels.map(() => 1);
  const order = data.map((_, i) => i);
  const rand = mulberry32(seed);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { f, y } = data[n]!;
      const eta = learningRate / (1 + learningRate * l2 * t++);
      const sw = weightOf(y);
      const z = scores(model, f, scale);
      const p = softmax(z);
      for (let k = 0; k < K; k++) {
        const g = (p[k]! - (y === k ? 1 : 0)) * sw;
        scale[k]! *= 1 - eta * l2;
        const step = (eta * g) / scale[k]!;
        for (let q = 0; q < f.idx.length; q++) w[f.idx[q]! * K + k]! -= step * f.val[q]!;
        model.bias[k]! -= eta * g;
        if (scale[k]! < 1e-6) rescale(model, scale, k);
      }
    }
  }
  for (let k = 0; k < K; k++) rescale(model, scale, k);
  model.trainedOn += examples.length;
}

function rescale(model: Classifier, scale: number[], k: number): void {
  const s = scale[k]!;
  if (s === 1) return;
  const K = model.labels.length;
  const w = model.weights;
  for (let i = k; i < w.length; i += K) if (w[i] !== 0) w[i]! *= s;
  scale[k] = 1;
}

/** Linear scores of every label for one feature vector (`scale` undoes the lazy L2 during training). */
function scores(model: Classifier, f: Features, scale?: readonly number[]): number[] {
  const K = model.labels.length;
  const w = model.weights;
  const { idx, val } = f;
  if (K === 4 && !scale) {
    // The hot loop of prediction, unrolled for the four labels: one cache line per feature, no branch.
    let z0 = model.bias[0]!;
    let z1 = model.bias[1]!;
    let z2 = model.bias[2]!;
    let z3 = model.bias[3]!;
    for (let q = 0; q < idx.length; q++) {
      const base = idx[q]! << 2;
      const v = val[q]!;
      z0 += w[base]! * v;
      z1 += w[base + 1]! * v;
      z2 += w[base + 2]! * v;
      z3 += w[base + 3]! * v;
    }
    return [z0, z1, z2, z3];
  }
  const z = model.bias.slice();
  for (let q = 0; q < idx.length; q++) {
    const base = idx[q]! * K;
    const v = val[q]!;
    for (let k = 0; k < K; k++) z[k]! += w[base + k]! * v * (scale ? scale[k]! : 1);
  }
  return z;
}

/**
 * Trains a classifier from labelled posts (investigators' confirmations, or the seed corpus).
 *
 * @example
 * const model = trainClassifier([{ text: 'Rolex AAA 900dh', label: 'counterfeit' }, { text: 'Bonjour', label: 'benign' }]);
 * predict(model, 'montre rolex aaa').counterfeit; // > 0.5
 */
export function trainClassifier(
  examples: readonly TrainingExample[],
  options: ClassifierOptions = {},
): Classifier {
  const opts = { ...DEFAULTS, ...options };
  const model = emptyModel(opts);
  sgd(model, examples, opts.epochs, opts.learningRate);
  return model;
}

/**
 * Learns from new confirmations without the original data: a few SGD epochs from the current weights, at a lower
 * learning rate so that a handful of confirmations nudge the model rather than overwrite it. Returns a new model.
 * For a clean model, retrain with `trainClassifier` on all confirmations kept so far.
 */
export function updateWithConfirmations(
  model: Classifier,
  confirmations: readonly TrainingExample[],
  options: { epochs?: number; learningRate?: number } = {},
): Classifier {
  const copy: Classifier = { ...model, weights: model.weights.slice(), bias: [...model.bias] };
  sgd(copy, confirmations, options.epochs ?? 5, options.learningRate ?? model.options.learningRate / 2);
  return copy;
}

/** Probability of each label (softmax: they sum to 1). */
export function predict(model: Classifier, text: string): Record<Label, number> {
  return predictTokens(model, tokenize(normalizeText(text)));
}

/** `predict` on tokens already computed by the pipeline. */
export function predictTokens(model: Classifier, tokens: readonly Token[]): Record<Label, number> {
  const p = softmax(scores(model, featurizeTokens(tokens, model.bits)));
  const out = { counterfeit: 0, health_risk: 0, duty_evasion: 0, benign: 0 } as Record<Label, number>;
  model.labels.forEach((label, k) => {
    out[label] = p[k]!;
  });
  return out;
}
