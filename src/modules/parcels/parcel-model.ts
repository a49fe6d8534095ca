/**
 * The parcel model (docs/decisions/0048-parcel-model.md): a GBDT of the ML module (its booster, prediction and
 * TreeSHAP, through ml's index) on what a parcel says before it arrives — its value in euros, per article and per
 * kg, weight, item count, the analyzer's wording scores on its description, and as categories its currency, kind,
 * carrier, sender country, shop (platform, or sender name without one), HS chapter and office of arrival — trained
 * on inspection outcomes in force (fraud: 1, compliant: 0), time-ordered: the latest fifth of the arrival days is
 * held out for early stopping and the hold-out figures, then the model is refitted on every parcel with the number
 * of trees early stopping chose (as ml's `trainModel` does for declarations).
 *
 * Scoring (`loadParcelModel`): one matrix and one prediction per batch of the scorer's first pass; a parcel whose
 * probability reaches `MIN_TERM_PROBABILITY` gets the model's term — `MODEL_POINTS` points per unit of probability
 * (as the declarations model's term in risk) — with its three features that push it most towards fraud (TreeSHAP,
 * for those parcels only), in words.
 *
 * This file loads the ML module: only models.ts (when a model is active) and train.ts import it, lazily.
 */
import {
  type CompiledModel,
  compileModel,
  createMatrix,
  type FeatureMatrix,
  type FeatureSpec,
  type GbdtModel,
  precisionAt,
  predictMargin,
  rocAuc,
  sigmoid,
  trainGbdt,
  treeShap,
} from '../ml/index.ts';
import { type AnalysisResult, analyzePost } from '../osint/index.ts';
import type { ParcelModel, ParcelModelInput, ParcelReason } from './model.ts';

export const PARCEL_MODEL_FORMAT = 'vigie-parcel-model';
export const PARCEL_MODEL_VERSION = 1;
/** Points of the model's term per unit of fraud probability (risk's `scoring.model.weight` for declarations). */
export const MODEL_POINTS = 60;
/** Below this probability a parcel gets no model term (18 points): the many ordinary parcels are not written. */
export const MIN_TERM_PROBABILITY = 0.3;
/** A category seen fewer times in training is "unseen" (missing for the trees): no leaf learns from 1 or 2 rows. */
const MIN_CATEGORY_COUNT = 3;
/** Codes 0..253 at most (ml's prediction buffer); the most frequent categories first. */
const MAX_CATEGORIES = 250;

const NUMERIC = [
  'value_eur',
  'value_per_article',
  'weight_kg',
  'value_per_kg',
  'item_count',
  'wording_counterfeit',
  'wording_health_risk',
  'wording_duty_evasion',
  'brand_named',
  'below_genuine',
] as const;
const CATEGORICAL = [
  'currency',
  'kind',
  'carrier',
  'sender_country',
  'shop',
  'hs_chapter',
  'arrival_office',
] as const;
type Categorical = (typeof CATEGORICAL)[number];

/** A parcel with its outcome in force, as training reads it (every column of the model's input). */
export interface TrainingParcel extends Required<ParcelModelInput> {
  arrival_date: string;
  /** 1: fraud found; 0: compliant. */
  label: number;
}

/** Out-of-time figures on the held-out latest arrivals. */
export interface HoldoutMetrics {
  from: string;
  to: string;
  parcels: number;
  frauds: number;
  auc: number;
  /** The share of parcels referred (scoring runs so far; 5 % without any) and the share of frauds among the top. */
  referral_rate: number;
  precision_at_referral: number;
  /** The fraud rate of the hold-out: what a random pick at that rate would find. */
  base_rate: number;
  trees: number;
}

/** A trained parcel model as stored (`parcel_models.model`). */
export interface ParcelModelDocument {
  format: typeof PARCEL_MODEL_FORMAT;
  version: number;
  features: FeatureSpec[];
  gbdt: GbdtModel;
  training: {
    parcels: number;
    frauds: number;
    from: string;
    to: string;
    holdout: HoldoutMetrics;
    duration_ms: number;
  };
}

const categoryOf = (row: ParcelModelInput, f: Categorical): string | null => {
  switch (f) {
    case 'shop':
      return row.sender_platform || row.sender_name?.toLowerCase() || null;
    case 'hs_chapter':
      return row.hs_code && row.hs_code.length >= 2 ? row.hs_code.slice(0, 2) : null;
    default:
      return row[f] ?? null;
  }
};

/** The analysis of a description as the scorer asks for it: the declared value per article, in its currency. */
export function analysisOf(row: ParcelModelInput): AnalysisResult {
  const perArticle = row.declared_value / Math.max(1, row.item_count);
  return analyzePost({
    id: row.id,
    text: row.description,
    price: Math.round(perArticle * 100) / 100,
    currency: row.currency,
  });
}

/** The feature schema: numeric features, then categorical ones with their vocabularies (label-free). */
export function featureSchema(rows: readonly ParcelModelInput[]): FeatureSpec[] {
  const specs: FeatureSpec[] = NUMERIC.map((name) => ({ name, kind: 'numeric' }));
  for (const name of CATEGORICAL) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const c = categoryOf(r, name);
      if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const categories = [...counts]
      .filter(([, n]) => n >= MIN_CATEGORY_COUNT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CATEGORIES)
      .map(([c]) => c);
    specs.push({ name, kind: 'categorical', categories });
  }
  return specs;
}

/** Category → code, once per vocabulary. */
const codeMaps = new WeakMap<FeatureSpec, Map<string, number>>();
function codesOf(spec: FeatureSpec): Map<string, number> {
  let codes = codeMaps.get(spec);
  if (!codes) {
    codes = new Map(spec.categories!.map((c, i) => [c, i]));
    codeMaps.set(spec, codes);
  }
  return codes;
}

/** The rows' features, column-major (ml's matrix): missing and unseen values are NaN. */
export function featureMatrix(
  features: readonly FeatureSpec[],
  rows: readonly ParcelModelInput[],
  analyses: readonly AnalysisResult[],
): FeatureMatrix {
  const n = rows.length;
  const m = createMatrix([...features], n);
  const v = m.values;
  features.forEach((spec, f) => {
    const at = f * n;
    if (spec.kind === 'categorical') {
      const codes = codesOf(spec);
      for (let i = 0; i < n; i++) {
        const c = categoryOf(rows[i]!, spec.name as Categorical);
        v[at + i] = c === null ? Number.NaN : (codes.get(c) ?? Number.NaN);
      }
      return;
    }
    for (let i = 0; i < n; i++) v[at + i] = numeric(spec.name, rows[i]!, analyses[i]!);
  });
  return m;
}

function numeric(name: string, r: ParcelModelInput, a: AnalysisResult): number {
  const value = r.value_eur ?? Number.NaN;
  const weight = r.weight_kg ?? Number.NaN;
  switch (name) {
    case 'value_eur':
      return value;
    case 'value_per_article':
      return value / Math.max(1, r.item_count);
    case 'weight_kg':
      return weight;
    case 'value_per_kg':
      return weight > 0 ? value / weight : Number.NaN;
    case 'item_count':
      return r.item_count;
    case 'wording_counterfeit':
      return a.scores.counterfeit;
    case 'wording_health_risk':
      return a.scores.health_risk;
    case 'wording_duty_evasion':
      return a.scores.duty_evasion;
    case 'brand_named':
      return a.entities.brands.length > 0 ? 1 : 0;
    case 'below_genuine':
      return a.signals.some((s) => !s.negated && s.type === 'counterfeit.price_below_genuine') ? 1 : 0;
    default:
      throw new Error(`unknown parcel feature ${name}`);
  }
}

const money = (x: number) => `${x.toFixed(2)} EUR`;

/** A feature's value in words (`raw`: the row's category when the model never saw it). */
function inWords(spec: FeatureSpec, x: number, raw: string | null): string {
  if (spec.kind === 'categorical') {
    const c = Number.isNaN(x) ? raw : spec.categories![x]!;
    const label = spec.name
      .replace('_', ' ')
      .replace('hs chapter', 'HS chapter')
      .replace('arrival office', 'office');
    return c === null ? `no ${label}` : `${label} ${c}${Number.isNaN(x) ? ' (rare in training)' : ''}`;
  }
  if (Number.isNaN(x))
    return spec.name === 'value_per_kg' || spec.name === 'weight_kg' ? 'no weight' : spec.name;
  switch (spec.name) {
    case 'value_eur':
      return `declared value ${money(x)}`;
    case 'value_per_article':
      return `value per article ${money(x)}`;
    case 'weight_kg':
      return `weight ${Number(x.toFixed(2))} kg`;
    case 'value_per_kg':
      return `value per kg ${money(x)}`;
    case 'item_count':
      return `${x} article${x === 1 ? '' : 's'}`;
    case 'brand_named':
      return x ? 'a brand named in the description' : 'no brand named';
    case 'below_genuine':
      return x ? 'declared far below the genuine price' : 'not below the genuine price';
    default:
      return `${spec.name.replace('wording_', '').replace('_', ' ')} wording ${x.toFixed(2)}`;
  }
}

/** Trains on parcels with outcomes (any order: sorted here by arrival). Throws when a period lacks one class. */
export function trainParcelModel(
  parcels: readonly TrainingParcel[],
  options: { referralRate: number; seed?: number },
): ParcelModelDocument {
  const started = performance.now();
  const rows = [...parcels].sort((a, b) =>
    a.arrival_date < b.arrival_date ? -1 : a.arrival_date > b.arrival_date ? 1 : a.id - b.id,
  );
  const analyses = analyses_(rows);
  const features = featureSchema(rows);
  // The latest fifth of the parcels, cut at a day: the held-out period.
  const cutDay = rows[Math.floor(rows.length * 0.8)]!.arrival_date;
  const fitCount = rows.findIndex((r) => r.arrival_date >= cutDay);
  const fit = rows.slice(0, fitCount);
  const hold = rows.slice(fitCount);
  const frauds = (part: readonly TrainingParcel[]) => part.reduce((s, r) => s + r.label, 0);
  for (const [part, what] of [
    [fit, `before ${cutDay}`],
    [hold, `from ${cutDay} on (the held-out period)`],
  ] as const) {
    const f = frauds(part);
    if (f === 0 || f === part.length)
      throw new Error(
        `the parcels inspected ${what} are all ${f ? 'frauds' : 'compliant'} (${part.length}): the model needs both outcomes in each period`,
      );
  }
  // Few, shallow trees: every scored parcel walks them (and TreeSHAP those with a term), in the scorer's loop.
  const params = {
    nTrees: 200,
    learningRate: 0.1,
    maxDepth: 4,
    minChildWeight: 2,
    subsample: 0.8,
    colsampleByTree: 0.8,
    earlyStoppingRounds: 20,
    evalMetric: 'logloss' as const,
    seed: options.seed ?? 0,
    nThreads: 1,
  };
  const label = (part: readonly TrainingParcel[]) => Float64Array.from(part, (r) => r.label);
  const xFit = featureMatrix(features, fit, analyses.slice(0, fitCount));
  const xHold = featureMatrix(features, hold, analyses.slice(fitCount));
  const yHold = label(hold);
  const early = trainGbdt({ matrix: xFit, label: label(fit) }, params, {
    validation: { matrix: xHold, label: yHold },
  });
  const margin = predictMargin(compileModel(early), xHold);
  const trees = early.trees.length;
  const holdout: HoldoutMetrics = {
    from: cutDay,
    to: hold.at(-1)!.arrival_date,
    parcels: hold.length,
    frauds: frauds(hold),
    auc: rocAuc(yHold, margin),
    referral_rate: options.referralRate,
    precision_at_referral: precisionAt(yHold, margin, options.referralRate),
    base_rate: frauds(hold) / hold.length,
    trees,
  };
  // Refit on every parcel, as many trees as early stopping kept.
  const gbdt = trainGbdt(
    { matrix: featureMatrix(features, rows, analyses), label: label(rows) },
    { ...params, nTrees: trees, earlyStoppingRounds: 0 },
  );
  return {
    format: PARCEL_MODEL_FORMAT,
    version: PARCEL_MODEL_VERSION,
    features,
    gbdt,
    training: {
      parcels: rows.length,
      frauds: frauds(rows),
      from: rows[0]!.arrival_date,
      to: rows.at(-1)!.arrival_date,
      holdout,
      duration_ms: Math.round(performance.now() - started),
    },
  };
}

/** One analysis per distinct description, value and currency (descriptions repeat). */
function analyses_(rows: readonly ParcelModelInput[]): AnalysisResult[] {
  const seen = new Map<string, AnalysisResult>();
  return rows.map((r) => {
    const key = `${r.currency}|${r.declared_value / Math.max(1, r.item_count)}|${r.description}`;
    let a = seen.get(key);
    if (!a) {
      a = analysisOf(r);
      seen.set(key, a);
    }
    return a;
  });
}

/** The (at most) three features with the largest positive contributions among `values[at .. at + nf)`. */
function topThree(values: Float64Array, at: number, nf: number): number[] {
  const best = [-1, -1, -1];
  for (let f = 0; f < nf; f++) {
    const v = values[at + f]!;
    if (!(v > 0)) continue;
    let j = 3;
    while (j > 0 && (best[j - 1]! < 0 || v > values[at + best[j - 1]!]!)) j--;
    if (j < 3) {
      best.splice(j, 0, f);
      best.length = 3;
    }
  }
  return best.filter((f) => f >= 0);
}

/** A stored model ready to score batches (its trees compiled once). */
export function loadParcelModel(
  document: ParcelModelDocument,
  meta: { name: string; version: string },
): ParcelModel {
  if (document?.format !== PARCEL_MODEL_FORMAT || document.version !== PARCEL_MODEL_VERSION)
    throw new Error(`invalid parcel model: expected ${PARCEL_MODEL_FORMAT} version ${PARCEL_MODEL_VERSION}`);
  const compiled: CompiledModel = compileModel(document.gbdt);
  const features = document.features;
  return {
    ...meta,
    score(rows, analyses) {
      const out = new Map<number, ParcelReason>();
      if (!rows.length) return out;
      const matrix = featureMatrix(features, rows, analyses);
      const margin = predictMargin(compiled, matrix);
      const picked: number[] = [];
      for (let i = 0; i < margin.length; i++) if (sigmoid(margin[i]!) >= MIN_TERM_PROBABILITY) picked.push(i);
      if (!picked.length) return out;
      const shap = treeShap(compiled, matrix, picked);
      const nf = shap.nFeatures;
      picked.forEach((i, k) => {
        const probability = sigmoid(margin[i]!);
        const top = topThree(shap.values, k * nf, nf).map((f) => {
          const spec = features[f]!;
          const x = matrix.values[f * matrix.nRows + i]!;
          const raw = spec.kind === 'categorical' ? categoryOf(rows[i]!, spec.name as Categorical) : null;
          return {
            feature: spec.name,
            value: spec.kind === 'categorical' ? raw : Number.isNaN(x) ? null : Number(x.toPrecision(6)),
            words: inWords(spec, x, raw),
            contribution: Number(shap.values[k * nf + f]!.toFixed(4)),
          };
        });
        const pct = `${Math.round(probability * 100)} %`;
        out.set(rows[i]!.id, {
          indicator: 'model',
          points: Math.round(MODEL_POINTS * probability),
          message: `model ${meta.name} ${meta.version}: fraud probability ${pct}${top.length ? `, mostly from ${top.map((t) => t.words).join('; ')}` : ''}`,
          evidence: {
            model: meta.name,
            version: meta.version,
            probability: Number(probability.toFixed(4)),
            features: top,
          },
        });
      });
      return out;
    },
  };
}
