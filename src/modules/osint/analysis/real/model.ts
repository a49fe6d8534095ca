/**
 * The learned multilingual model (decision 0032): character n-grams 1–5 over the whole text (across word
 * boundaries, so scripts without spaces and obfuscated spellings are covered), hashed into 2^bits buckets per
 * label, sublinear counts, L2-normalised; multinomial logistic regression trained by AdaGrad with class-balanced
 * weights and L2; probabilities calibrated on the validation split by a temperature. A second, tiny logistic
 * regression (the "stacker", also fitted on validation) combines the rule scores with the model's log-probabilities
 * so that the rules' evidence keeps its weight where the model is unsure.
 *
 * Written by hand rather than taken from npm: the maintained JS ML libraries either pull native or WASM runtimes
 * with install scripts, or have no sparse hashed features; the whole thing is ~250 lines and deterministic.
 * Weights are quantised to int8 (one scale per label) and shipped in `data/real-model.json` (~0.4 MB), loaded at
 * first use — never downloaded.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { mulberry32 } from '../../../../platform/lib/random.ts';
import { LABELS, type Label, RISK_LABELS, type RiskLabel } from '../types.ts';

export interface RealModel {
  version: 1;
  bits: number;
  minN: number;
  maxN: number;
  /** Characters of the text used for features (the start of a post carries the offer). */
  maxChars: number;
  labels: Label[];
  /** weights[k * 2^bits + bucket] */
  weights: Float32Array;
  bias: number[];
  /** Calibration temperature fitted on validation (logits / T). */
  temperature: number;
  /**
   * Rules first: a post the rules flag keeps the rules' label; otherwise the model flags its most probable risk
   * label when that probability reaches `flagAt` (fitted on validation).
   */
  flagAt: number;
  /**
   * The bar when the rules found benign context (news, warning, education, pharmacy, licensed import, genuine
   * item): null means the model never overrules what an investigator can read there (the shipped choice).
   */
  flagAtWithContext: number | null;
  /**
   * Labels the model may flag on its own: those with at least MIN_REAL_TRAIN real training texts. With fewer
   * (duty evasion: 11 real texts in this corpus) its probability is shown but the rules decide.
   */
  overrules: RiskLabel[];
  /** The alternative tried (decision 0032): per label [bias, w·rule scores (3), w·log p (4)], fitted on validation. */
  stacker: number[][] | null;
  /** Free-form provenance (corpus size, date, validation figures). */
  trainedOn: string;
}

export interface TrainOptions {
  bits?: number;
  minN?: number;
  maxN?: number;
  maxChars?: number;
  epochs?: number;
  l2?: number;
  learningRate?: number;
  seed?: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Lower case, NFKC, digits to 0, runs of spaces folded: what the n-grams see. */
export function normalizeForModel(text: string, maxChars: number): string {
  return ` ${text
    .slice(0, maxChars * 2)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d/g, '0')
    .replace(/\s+/g, ' ')
    .slice(0, maxChars)} `;
}

export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

export function featurize(
  text: string,
  m: Pick<RealModel, 'bits' | 'minN' | 'maxN' | 'maxChars'>,
): SparseVector {
  const t = normalizeForModel(text, m.maxChars);
  const mask = (1 << m.bits) - 1;
  const counts = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= m.maxN && i + n <= t.length; n++) {
      h = Math.imul(h ^ t.charCodeAt(i + n - 1), FNV_PRIME);
      if (n < m.minN) continue;
      const b = ((h ^ n) >>> 0) & mask;
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  const idx = new Uint32Array(counts.size);
  const val = new Float32Array(counts.size);
  let k = 0;
  let norm = 0;
  for (const [b, c] of counts) {
    const v = 1 + Math.log(c);
    idx[k] = b;
    val[k] = v;
    norm += v * v;
    k++;
  }
  const inv = norm ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < val.length; j++) val[j]! *= inv;
  return { idx, val };
}

function logits(m: RealModel, f: SparseVector): number[] {
  const size = 1 << m.bits;
  return m.labels.map((_, k) => {
    let z = m.bias[k]!;
    const off = k * size;
    for (let j = 0; j < f.idx.length; j++) z += m.weights[off + f.idx[j]!]! * f.val[j]!;
    return z;
  });
}

function softmax(z: readonly number[]): number[] {
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export type Probabilities = Record<Label, number>;

/** Calibrated probabilities of the model alone. */
export function predictModel(m: RealModel, text: string): Probabilities {
  const p = softmax(logits(m, featurize(text, m)).map((z) => z / m.temperature));
  return Object.fromEntries(m.labels.map((l, k) => [l, p[k]!])) as Probabilities;
}

/** Stacker inputs: the three rule scores and the model's four log-probabilities. */
export function stackInputs(rules: Record<RiskLabel, number>, p: Probabilities): number[] {
  return [...RISK_LABELS.map((l) => rules[l]), ...LABELS.map((l) => Math.log(Math.max(1e-6, p[l])))];
}

/**
 * The label of rules and model together, rules first: the rules' label when they flag the post (their evidence is
 * cited), else the model's most probable risk label if its calibrated probability reaches `flagAt`, else benign.
 */
export function combineRulesFirst(
  m: RealModel,
  rulesLabel: Label,
  p: Probabilities,
  context = false,
  words = MIN_WORDS,
): Label {
  if (rulesLabel !== 'benign') return rulesLabel;
  // a title or a goods description ("Rolex watch") is too short for the model to tell a fake from the real thing
  if (words < MIN_WORDS) return 'benign';
  const best = RISK_LABELS.reduce((a, b) => (p[b] > p[a] ? b : a));
  if (!m.overrules.includes(best)) return 'benign';
  const bar = context ? m.flagAtWithContext : m.flagAt;
  return bar !== null && p[best] >= bar ? best : 'benign';
}

/** The stacker alternative: rules and model combined by a logistic regression, or the model alone without one. */
export function combine(m: RealModel, rules: Record<RiskLabel, number>, p: Probabilities): Probabilities {
  if (!m.stacker) return p;
  const x = stackInputs(rules, p);
  const z = m.stacker.map((w) => w[0]! + x.reduce((s, v, j) => s + v * w[j + 1]!, 0));
  const q = softmax(z);
  return Object.fromEntries(LABELS.map((l, k) => [l, q[k]!])) as Probabilities;
}

/** Words a text needs before the model may flag it without the rules. */
export const MIN_WORDS = 8;

/**
 * Languages in which the model may flag a post without the rules: those with at least MIN_REAL_TRAIN real training
 * texts. The real corpus's training split is 99.8 % English (decision 0032: 6,934 English texts, 11 French, 9
 * Arabic, none in Darija), so on a French listing the model's probabilities say little — it called a hand-painted
 * tajine from Safi "counterfeit" at 0.58. Elsewhere its probabilities are shown but the rules decide. A test checks
 * this list against the manifest.
 */
export const MODEL_LANGUAGES: ReadonlySet<string> = new Set(['en']);

/** Real training texts a label needs before the model may flag it without the rules. */
export const MIN_REAL_TRAIN = 100;

export interface Example {
  text: string;
  label: Label;
}

/** Multinomial logistic regression by AdaGrad on hashed n-grams, class-balanced. Deterministic for a seed. */
export function trainModel(examples: readonly Example[], options: TrainOptions = {}): RealModel {
  const o = {
    bits: 18,
    minN: 1,
    maxN: 5,
    maxChars: 1000,
    epochs: 6,
    l2: 1e-6,
    learningRate: 0.5,
    seed: 7,
    ...options,
  };
  const labels = [...LABELS];
  const size = 1 << o.bits;
  const K = labels.length;
  const m: RealModel = {
    version: 1,
    bits: o.bits,
    minN: o.minN,
    maxN: o.maxN,
    maxChars: o.maxChars,
    labels,
    weights: new Float32Array(K * size),
    bias: labels.map(() => 0),
    temperature: 1,
    flagAt: 0.5,
    flagAtWithContext: null,
    overrules: [...RISK_LABELS],
    stacker: null,
    trainedOn: '',
  };
  const data = examples.map((e) => ({ f: featurize(e.text, m), y: labels.indexOf(e.label) }));
  const counts = labels.map((_, k) => data.filter((d) => d.y === k).length);
  const present = counts.filter((c) => c > 0).length;
  const classWeight = counts.map((c) => (c ? data.length / (present * c) : 0));
  const g2 = new Float32Array(K * size);
  const gb = labels.map(() => 0);
  const rand = mulberry32(o.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { f, y } = data[i]!;
      const p = softmax(logits(m, f));
      const cw = classWeight[y]!;
      for (let k = 0; k < K; k++) {
        const g = (p[k]! - (k === y ? 1 : 0)) * cw;
        if (g === 0) continue;
        const off = k * size;
        for (let j = 0; j < f.idx.length; j++) {
          const b = off + f.idx[j]!;
          const grad = g * f.val[j]! + o.l2 * m.weights[b]!;
          g2[b]! += grad * grad;
          m.weights[b]! -= (o.learningRate * grad) / Math.sqrt(g2[b]! + 1e-8);
        }
        gb[k]! += g * g;
        m.bias[k]! -= (o.learningRate * g) / Math.sqrt(gb[k]! + 1e-8);
      }
    }
  }
  return m;
}

function nll(pOf: (i: number) => number[], ys: readonly number[]): number {
  let s = 0;
  ys.forEach((y, i) => {
    s -= Math.log(Math.max(1e-12, pOf(i)[y]!));
  });
  return s / Math.max(1, ys.length);
}

/** The temperature that minimises the validation negative log-likelihood (grid 0.25–8). */
export function calibrateTemperature(m: RealModel, validation: readonly Example[]): number {
  const z = validation.map((e) => logits(m, featurize(e.text, m)));
  const ys = validation.map((e) => m.labels.indexOf(e.label));
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.25; t <= 8; t *= 1.1) {
    const loss = nll((i) => softmax(z[i]!.map((v) => v / t)), ys);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Math.round(best * 1000) / 1000;
}

/** Fits the stacker (7 inputs → 4 labels, L2, class-balanced, full-batch gradient descent) on validation rows. */
export function fitStacker(rows: readonly { x: number[]; y: Label }[], l2 = 1e-3, steps = 3000): number[][] {
  const K = LABELS.length;
  const D = rows[0]?.x.length ?? 7;
  const w = Array.from({ length: K }, () => new Array<number>(D + 1).fill(0));
  const counts = LABELS.map((l) => rows.filter((r) => r.y === l).length);
  const present = counts.filter((c) => c > 0).length;
  const cw = counts.map((c) => (c ? rows.length / (present * c) : 0));
  const lr = 0.5;
  for (let step = 0; step < steps; step++) {
    const grad = Array.from({ length: K }, () => new Array<number>(D + 1).fill(0));
    for (const r of rows) {
      const y = LABELS.indexOf(r.y);
      const p = softmax(w.map((wk) => wk[0]! + r.x.reduce((s, v, j) => s + v * wk[j + 1]!, 0)));
      for (let k = 0; k < K; k++) {
        const g = (p[k]! - (k === y ? 1 : 0)) * cw[y]!;
        grad[k]![0]! += g;
        for (let j = 0; j < D; j++) grad[k]![j + 1]! += g * r.x[j]!;
      }
    }
    for (let k = 0; k < K; k++)
      for (let j = 0; j <= D; j++) w[k]![j]! -= lr * (grad[k]![j]! / rows.length + (j ? l2 * w[k]![j]! : 0));
  }
  return w.map((wk) => wk.map((v) => Math.round(v * 1e4) / 1e4));
}

// ---- serialisation: int8 weights, one scale per label, base64 ----

const modelJsonSchema = z.object({
  version: z.literal(1),
  bits: z.number().int().min(8).max(22),
  minN: z.number().int().min(1),
  maxN: z.number().int().max(8),
  maxChars: z.number().int().positive(),
  labels: z.array(z.enum(LABELS)).length(LABELS.length),
  scales: z.array(z.number().positive()),
  weights: z.string(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  flagAt: z.number().min(0).max(1),
  flagAtWithContext: z.number().min(0).max(1).nullable(),
  overrules: z.array(z.enum(RISK_LABELS)),
  stacker: z.array(z.array(z.number()).length(8)).length(LABELS.length).nullable(),
  trainedOn: z.string(),
});

export function serializeModel(m: RealModel): string {
  const size = 1 << m.bits;
  const q = new Int8Array(m.weights.length);
  const scales = m.labels.map((_, k) => {
    let max = 1e-9;
    for (let i = k * size; i < (k + 1) * size; i++) max = Math.max(max, Math.abs(m.weights[i]!));
    const s = max / 127;
    for (let i = k * size; i < (k + 1) * size; i++) q[i] = Math.round(m.weights[i]! / s);
    return s;
  });
  return JSON.stringify({
    version: m.version,
    bits: m.bits,
    minN: m.minN,
    maxN: m.maxN,
    maxChars: m.maxChars,
    labels: m.labels,
    scales,
    weights: Buffer.from(q.buffer).toString('base64'),
    bias: m.bias,
    temperature: m.temperature,
    flagAt: m.flagAt,
    flagAtWithContext: m.flagAtWithContext,
    overrules: m.overrules,
    stacker: m.stacker,
    trainedOn: m.trainedOn,
  });
}

export function deserializeModel(json: string, where = 'model'): RealModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(
      `${where}: invalid JSON: ${(e as Error).message} (expected a model written by serializeModel)`,
    );
  }
  const parsed = modelJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${where}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const j = parsed.data;
  const size = 1 << j.bits;
  const bytes = Buffer.from(j.weights, 'base64');
  if (bytes.length !== size * j.labels.length) {
    throw new Error(`${where}: field weights: ${bytes.length} bytes, expected ${size * j.labels.length}`);
  }
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const weights = new Float32Array(q.length);
  for (let k = 0; k < j.labels.length; k++)
    for (let i = k * size; i < (k + 1) * size; i++) weights[i] = q[i]! * j.scales[k]!;
  return { ...j, version: 1, weights };
}

export const MODEL_URL = new URL('../data/real-model.json', import.meta.url);

let shipped: RealModel | null | undefined;
/** The model shipped in the repository, loaded once; null if the file is missing (then rules work alone). */
export function shippedModel(): RealModel | null {
  if (shipped === undefined) {
    try {
      shipped = deserializeModel(readFileSync(MODEL_URL, 'utf8'), MODEL_URL.pathname);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') shipped = null;
      else throw e;
    }
  }
  return shipped;
}

/** The shipped model's opinion of a text, rounded, for views (the item page); null when no model is shipped. */
export function learnedOpinion(
  text: string,
): { probabilities: Record<string, number>; trained_on: string } | null {
  const m = shippedModel();
  if (!m) return null;
  const p = predictModel(m, text);
  return {
    probabilities: Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    trained_on: m.trainedOn,
  };
}
