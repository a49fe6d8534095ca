/**
 * What the ML module does: train a fraud-targeting model on labelled declaration lines, score new lines, explain a
 * score in plain language, evaluate on labelled lines, and (de)serialise the whole model — trees, feature state
 * and anomaly detector — as one JSON document. Everything runs in memory on typed arrays; no database.
 */
import { addDays } from '../../platform/lib/days.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import {
  anomalyPercentile,
  anomalyScores,
  fitIsolationForest,
  type IsolationForestModel,
} from './anomaly/isolation-forest.ts';
import {
  type AnomalyProfile,
  describeUnusual,
  fitAnomalyProfile,
  relativeMatrix,
  relativeRows,
  type Unusual,
  unusualFeatures,
} from './anomaly/profile.ts';
import { type Lang, type Reason, reasonsFrom } from './explain.ts';
import { type BuilderOptions, FeatureBuilder } from './features/builder.ts';
import { dutiesOf, type KeyDim, keyOf } from './features/keys.ts';
import { FeatureState, type FeatureStateJSON, type FeatureStateOptions } from './features/state.ts';
import { trainGbdt } from './gbdt/booster.ts';
import { type CompiledModel, compileModel, type GbdtModel } from './gbdt/model.ts';
import type { GbdtParams } from './gbdt/params.ts';
import { predictMargin, sigmoid } from './gbdt/predict.ts';
import { type ShapResult, treeShap } from './gbdt/shap.ts';
import { type ShapThreadOptions, treeShapBatch } from './gbdt/shap-parallel.ts';
import type { FeatureMatrix } from './matrix.ts';
import { type Calibration, calibration, precisionAt, psi, recallAt, revenueAt, rocAuc } from './metrics.ts';

export type { Lang, Reason } from './explain.ts';
export type { GbdtParams } from './gbdt/params.ts';

export const MODEL_FORMAT = 'vigie-model';
export const MODEL_VERSION = 1;

/** What the model predicts: any fraud (result fraud or critical), or critical fraud only. */
export type Target = 'fraud' | 'critical';

/** Parameters shipped by default, chosen on a time-ordered split inside the 2020 data (docs/ml.md). */
export const RECOMMENDED_PARAMS: Partial<GbdtParams> = {
  nTrees: 1000,
  learningRate: 0.05,
  maxDepth: 6,
  minChildWeight: 1,
  lambda: 1,
  subsample: 0.8,
  colsampleByTree: 0.8,
  earlyStoppingRounds: 50,
  evalMetric: 'logloss',
};

export interface TrainOptions {
  /** Labelled lines of a LATER period, for early stopping; otherwise the last `holdoutDays` days are used. */
  validation?: DeclarationLine[];
  params?: Partial<GbdtParams>;
  target?: Target;
  /** Days at the end of the training lines held out for early stopping when no validation set is given. */
  holdoutDays?: number;
  /** Retrain on all lines with the number of trees early stopping chose (default true). */
  refit?: boolean;
  featureOptions?: Partial<FeatureStateOptions>;
  /** Fit an isolation forest too (default true). */
  anomaly?: boolean;
  /**
   * Also measure the held-out period with a model trained without the exact-repeat profile (default false): the
   * honest figure beside the headline (docs/decisions/ml-repeat-profile.md). One more training on the fit lines.
   */
  withoutRepeat?: boolean;
}

/** Out-of-time figures of the held-out period. */
export interface HoldoutFigures {
  bestIteration: number;
  auc: number;
  precisionAt5: number;
  precisionAt10: number;
}

export interface TrainedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  target: Target;
  gbdt: GbdtModel;
  featureState: FeatureStateJSON;
  anomaly: IsolationForestModel | null;
  /** What "usual" is per HS6 × origin, to say why a line is unusual (absent from models trained before it). */
  anomalyProfile?: AnomalyProfile | null;
  training: {
    nLines: number;
    firstDate: string;
    lastDate: string;
    fraudRate: number;
    /** Early-stopping period and the metrics there (the model's honest out-of-time check). */
    holdout:
      | (HoldoutFigures & {
          from: string;
          to: string;
          nLines: number;
          /** The same period, by a model trained without the exact-repeat profile (`withoutRepeat`). */
          withoutRepeat?: HoldoutFigures;
        })
      | null;
    refit: boolean;
    durationMs: number;
    trainedAt: string;
  };
}

/** A model ready to score: compiled trees, feature builder over its state, anomaly detector. */
export interface LoadedModel {
  trained: TrainedModel;
  gbdt: CompiledModel;
  builder: FeatureBuilder;
}

export function labelOf(line: DeclarationLine, target: Target): number {
  const r = line.outcome?.result;
  if (r === undefined) return Number.NaN;
  return target === 'critical' ? (r === 'critical' ? 1 : 0) : r === 'compliant' ? 0 : 1;
}

function labels(lines: readonly DeclarationLine[], target: Target, what: string): Float64Array {
  const y = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const v = labelOf(lines[i]!, target);
    if (Number.isNaN(v))
      throw new Error(`${what}: line ${lines[i]!.reference} has no outcome; training needs labelled lines`);
    y[i] = v;
  }
  return y;
}

function holdoutMetrics(y: ArrayLike<number>, margin: Float64Array) {
  return {
    auc: rocAuc(y, margin),
    precisionAt5: precisionAt(y, margin, 0.05),
    precisionAt10: precisionAt(y, margin, 0.1),
  };
}

/** Trains the targeting model. Lines must carry outcomes; the feature state learns from them in date order. */
export function trainModel(lines: DeclarationLine[], options: TrainOptions = {}): TrainedModel {
  const started = performance.now();
  if (lines.length === 0) throw new Error('trainModel: no training lines');
  const target = options.target ?? 'fraud';
  const y = labels(lines, target, 'trainModel');
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === y.length) {
    throw new Error(
      `trainModel: all ${y.length} lines are ${positives ? 'frauds' : 'compliant'}; both outcomes are needed`,
    );
  }
  const params = { ...RECOMMENDED_PARAMS, ...options.params };
  const dates = lines.map((l) => l.lodged_on).sort();
  const firstDate = dates[0]!;
  const lastDate = dates[dates.length - 1]!;
  // Vocabularies are label-free, so they may see every training line.
  const vocabState = () => FeatureState.fit(lines, options.featureOptions);
  let fitLines = lines;
  let holdLines = options.validation ?? [];
  if (!options.validation) {
    const cut = addDays(lastDate, -(options.holdoutDays ?? 45));
    fitLines = lines.filter((l) => l.lodged_on <= cut);
    holdLines = lines.filter((l) => l.lodged_on > cut);
    if (fitLines.length < 0.5 * lines.length || holdLines.length === 0) {
      // Too little history to hold a period out: no early stopping.
      fitLines = lines;
      holdLines = [];
    }
  }
  const builder = new FeatureBuilder(vocabState());
  const xFit = builder.transformOnline(fitLines);
  const yFit = fitLines === lines ? y : labels(fitLines, target, 'trainModel');
  let holdout: TrainedModel['training']['holdout'] = null;
  let gbdt: GbdtModel;
  const early = holdLines.length > 0 && (params.earlyStoppingRounds ?? 0) > 0;
  if (holdLines.length > 0) {
    const yHold = labels(holdLines, target, 'validation');
    const xHold = builder.transform(holdLines);
    gbdt = trainGbdt({ matrix: xFit, label: yFit }, early ? params : { ...params, earlyStoppingRounds: 0 }, {
      validation: { matrix: xHold, label: yHold },
    });
    const margin = predictMargin(compileModel(gbdt), xHold);
    const hd = holdLines.map((l) => l.lodged_on).sort();
    holdout = {
      from: hd[0]!,
      to: hd[hd.length - 1]!,
      nLines: holdLines.length,
      bestIteration: gbdt.training.bestIteration,
      ...holdoutMetrics(yHold, margin),
    };
    const repeatOn = options.featureOptions?.repeatProfile ?? true;
    if (options.withoutRepeat && repeatOn) {
      const plain = new FeatureBuilder(
        FeatureState.fit(lines, { ...options.featureOptions, repeatProfile: false }),
      );
      const xPlain = plain.transformOnline(fitLines);
      const xPlainHold = plain.transform(holdLines);
      const g = trainGbdt(
        { matrix: xPlain, label: yFit },
        early ? params : { ...params, earlyStoppingRounds: 0 },
        {
          validation: { matrix: xPlainHold, label: yHold },
        },
      );
      holdout.withoutRepeat = {
        bestIteration: g.training.bestIteration,
        ...holdoutMetrics(yHold, predictMargin(compileModel(g), xPlainHold)),
      };
    }
  } else gbdt = trainGbdt({ matrix: xFit, label: yFit }, { ...params, earlyStoppingRounds: 0 });
  let state = builder.state;
  let matrix: FeatureMatrix = xFit;
  let matrixLines = fitLines;
  const refit = (options.refit ?? true) && holdLines.length > 0 && !options.validation;
  if (refit) {
    // Same number of trees, now on every line; the state is rebuilt over all lines in date order.
    const all = new FeatureBuilder(vocabState());
    matrix = all.transformOnline(lines);
    matrixLines = lines;
    gbdt = trainGbdt({ matrix, label: y }, { ...params, nTrees: gbdt.trees.length, earlyStoppingRounds: 0 });
    state = all.state;
  } else if (holdLines.length > 0) {
    // The trees stay; the state still learns the held-out outcomes, which precede what will be scored.
    state.absorb(holdLines);
  }
  // The forest sees each line's quantities relative to its goods group (anomaly/profile.ts, decision 0023).
  const anomalyProfile = options.anomaly === false ? null : fitAnomalyProfile(matrix, matrixLines);
  const anomaly = anomalyProfile
    ? fitIsolationForest(relativeMatrix(anomalyProfile, matrix, matrixLines), { seed: params.seed ?? 0 })
    : null;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    target,
    gbdt,
    featureState: state.toJSON(),
    anomaly,
    anomalyProfile,
    training: {
      nLines: lines.length,
      firstDate,
      lastDate,
      fraudRate: positives / y.length,
      holdout,
      refit,
      durationMs: performance.now() - started,
      trainedAt: new Date().toISOString(),
    },
  };
}

export function serializeModel(model: TrainedModel): string {
  return JSON.stringify(model);
}

/** Parses (when given text), checks and compiles a trained model. */
export function loadModel(json: string | TrainedModel, options: BuilderOptions = {}): LoadedModel {
  const trained = typeof json === 'string' ? (JSON.parse(json) as TrainedModel) : json;
  if (!trained || trained.format !== MODEL_FORMAT)
    throw new Error(`invalid model: format is not ${MODEL_FORMAT}`);
  if (trained.version !== MODEL_VERSION) throw new Error(`unsupported model version ${trained.version}`);
  const gbdt = compileModel(trained.gbdt);
  const builder = new FeatureBuilder(FeatureState.fromJSON(trained.featureState), options);
  const expected = gbdt.model.features;
  if (
    builder.schema.length !== expected.length ||
    builder.schema.some((f, i) => f.name !== expected[i]!.name)
  ) {
    throw new Error('invalid model: the feature state does not produce the features the trees expect');
  }
  return { trained, gbdt, builder };
}

const asLoaded = (m: LoadedModel | TrainedModel | string): LoadedModel =>
  typeof m === 'object' && 'builder' in m ? m : loadModel(m);

/** Feature matrix of lines as the model sees them (state frozen: the lines' own outcomes are never used). */
export function featuresOf(
  model: LoadedModel | TrainedModel,
  lines: readonly DeclarationLine[],
): FeatureMatrix {
  return asLoaded(model).builder.transform(lines);
}

/** Fraud probability of each line (higher = riskier). */
export function scoreLines(
  model: LoadedModel | TrainedModel | string,
  lines: readonly DeclarationLine[],
): Float64Array {
  const m = asLoaded(model);
  const margin = predictMargin(m.gbdt, m.builder.transform(lines));
  for (let i = 0; i < margin.length; i++) margin[i] = sigmoid(margin[i]!);
  return margin;
}

/** Why a line is unusual: a quantity far from its group, with the sentence in each language. */
export interface AnomalyReason extends Unusual {
  en: string;
  fr: string;
  ar: string;
}

export interface LineAnomaly {
  /** Isolation-forest score, 0–1: about 0.5 or less for ordinary lines, towards 1 for anomalies. */
  score: number;
  /** Share of training lines (0–1) with a lower score. */
  percentile: number;
  /** The quantities that make it unusual, most unusual first (empty: nothing stands out on its own). */
  reasons: AnomalyReason[];
}

function anomaliesOf(m: LoadedModel, x: FeatureMatrix, lines: readonly DeclarationLine[]): LineAnomaly[] {
  const forest = m.trained.anomaly;
  if (!forest) throw new Error('this model was trained without an anomaly detector');
  const profile = m.trained.anomalyProfile ?? null;
  // Models trained before the profile existed fitted their forest on the whole feature matrix.
  const rows = profile ? relativeRows(profile, x, lines) : null;
  const score = anomalyScores(forest, profile ? relativeMatrix(profile, x, lines, rows!) : x);
  return Array.from(score, (s, i) => ({
    score: s,
    percentile: anomalyPercentile(forest, s),
    reasons: profile
      ? unusualFeatures(profile, x, i, lines[i]!, rows![i]!).map((u) => ({
          ...u,
          en: describeUnusual(u, 'en'),
          fr: describeUnusual(u, 'fr'),
          ar: describeUnusual(u, 'ar'),
        }))
      : [],
  }));
}

/** Isolation-forest anomaly score (0–1, higher = more unusual) and its percentile among training lines. */
export function anomalyOf(
  model: LoadedModel | TrainedModel,
  lines: readonly DeclarationLine[],
): { score: Float64Array; percentile: Float64Array; reasons: AnomalyReason[][] } {
  const m = asLoaded(model);
  const all = anomaliesOf(m, m.builder.transform(lines), lines);
  return {
    score: Float64Array.from(all, (a) => a.score),
    percentile: Float64Array.from(all, (a) => a.percentile),
    reasons: all.map((a) => a.reasons),
  };
}

/**
 * Fraud probability and, when the model has an anomaly detector, each line's anomaly with its reasons — from one
 * feature matrix: what risk scoring asks of the model for every decision.
 */
export function scoreWithAnomaly(
  model: LoadedModel | TrainedModel | string,
  lines: readonly DeclarationLine[],
): { probability: Float64Array; anomaly: LineAnomaly[] | null } {
  const m = asLoaded(model);
  const x = m.builder.transform(lines);
  const probability = predictMargin(m.gbdt, x);
  for (let i = 0; i < probability.length; i++) probability[i] = sigmoid(probability[i]!);
  return { probability, anomaly: m.trained.anomaly ? anomaliesOf(m, x, lines) : null };
}

export interface Explanation {
  probability: number;
  /** Log-odds: expected + Σ contributions. */
  margin: number;
  expected: number;
  /** Every feature's contribution, strongest (in absolute value) first. */
  contributions: { feature: string; value: number; contribution: number }[];
  /** Plain-language reasons for the strongest positive contributions. */
  reasons: Reason[];
}

/** The explanation of row `row` of `x` (the features of `line`) from its TreeSHAP contributions. */
function explanationOf(
  m: LoadedModel,
  x: FeatureMatrix,
  shap: ShapResult,
  row: number,
  line: DeclarationLine,
  lang: Lang,
  topK: number,
): Explanation {
  const nf = shap.nFeatures;
  const contributions = x.features.map((f, j) => ({
    feature: f.name,
    value: x.values[j * x.nRows + row]!,
    contribution: shap.values[row * nf + j]!,
  }));
  const margin = contributions.reduce((s, c) => s + c.contribution, shap.expected);
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    probability: sigmoid(margin),
    margin,
    expected: shap.expected,
    contributions,
    reasons: reasonsFrom(contributions, line, lang, topK, {
      counts: (dim) => m.builder.state.counts(dim as KeyDim, keyOf(line, dim as KeyDim)),
    }),
  };
}

/** Why a line scores what it scores: TreeSHAP contributions and the top reasons in English, French or Arabic. */
export function explainLine(
  model: LoadedModel | TrainedModel,
  line: DeclarationLine,
  lang: Lang = 'en',
  topK = 5,
): Explanation {
  const m = asLoaded(model);
  const x = m.builder.transform([line]);
  return explanationOf(m, x, treeShap(m.gbdt, x), 0, line, lang, topK);
}

export interface LangReasons {
  probability: number;
  reasons: { feature: string; contribution: number; en: string; fr: string; ar: string }[];
}

/** The English explanation's reasons with their French and Arabic texts. */
function allLangs(m: LoadedModel, en: Explanation, line: DeclarationLine, topK: number): LangReasons {
  const ctx = { counts: (dim: string) => m.builder.state.counts(dim as KeyDim, keyOf(line, dim as KeyDim)) };
  const fr = reasonsFrom(en.contributions, line, 'fr', topK, ctx);
  const ar = reasonsFrom(en.contributions, line, 'ar', topK, ctx);
  return {
    probability: en.probability,
    reasons: en.reasons.map((r, i) => ({
      feature: r.feature,
      contribution: r.contribution,
      en: r.text,
      fr: fr[i]?.text ?? r.text,
      ar: ar[i]?.text ?? r.text,
    })),
  };
}

/** Reasons in English, French and Arabic from one TreeSHAP pass (the risk engine stores all three). */
export function explainAllLangs(
  model: LoadedModel | TrainedModel,
  line: DeclarationLine,
  topK = 5,
): LangReasons {
  const m = asLoaded(model);
  return allLangs(m, explainLine(m, line, 'en', topK), line, topK);
}

/**
 * `explainAllLangs` of every line, from one feature matrix and one TreeSHAP pass on several threads
 * (gbdt/shap-parallel.ts; small batches stay on this thread): what risk scoring asks when it explains a
 * selection's thousands of lines. Same results as line by line.
 */
export async function explainAllLangsBatch(
  model: LoadedModel | TrainedModel,
  lines: readonly DeclarationLine[],
  topK = 5,
  options: ShapThreadOptions = {},
): Promise<LangReasons[]> {
  const m = asLoaded(model);
  const x = m.builder.transform(lines);
  const shap = await treeShapBatch(m.gbdt, x, undefined, options);
  return lines.map((line, i) => allLangs(m, explanationOf(m, x, shap, i, line, 'en', topK), line, topK));
}

export interface Evaluation {
  n: number;
  frauds: number;
  auc: number;
  /** Keyed by share, e.g. "0.05". */
  precisionAt: Record<string, number>;
  recallAt: Record<string, number>;
  /** Duties at stake of caught frauds over all frauds' duties at stake. */
  revenueAt: Record<string, number>;
  /** The same selection made by expected duties recovered (probability × duties at stake) instead. */
  byExpectedDuties: { precisionAt: Record<string, number>; revenueAt: Record<string, number> };
  calibration: Calibration;
}

/** Probability × duties at stake: the ranking for a revenue-driven selection. */
export function expectedDuties(prob: ArrayLike<number>, lines: readonly DeclarationLine[]): Float64Array {
  return Float64Array.from(lines, (l, i) => {
    const d = dutiesOf(l);
    return prob[i]! * (Number.isNaN(d) ? 0 : d);
  });
}

/** Targeting figures of the model on labelled lines. */
export function evaluate(
  model: LoadedModel | TrainedModel,
  lines: readonly DeclarationLine[],
  shares: number[] = [0.01, 0.05, 0.1, 0.2],
): Evaluation {
  const m = asLoaded(model);
  const y = labels(lines, m.trained.target, 'evaluate');
  const prob = scoreLines(m, lines);
  const duties = Float64Array.from(lines, (l) => {
    const d = dutiesOf(l);
    return !Number.isNaN(d) ? d : 0;
  });
  const at = (f: (s: number) => number) => Object.fromEntries(shares.map((s) => [String(s), f(s)]));
  return {
    n: lines.length,
    frauds: y.reduce((s, v) => s + v, 0),
    auc: rocAuc(y, prob),
    precisionAt: at((s) => precisionAt(y, prob, s)),
    recallAt: at((s) => recallAt(y, prob, s)),
    revenueAt: at((s) => revenueAt(y, prob, duties, s)),
    byExpectedDuties: (() => {
      const ev = expectedDuties(prob, lines);
      return {
        precisionAt: at((s) => precisionAt(y, ev, s)),
        revenueAt: at((s) => revenueAt(y, ev, duties, s)),
      };
    })(),
    calibration: calibration(y, prob),
  };
}

/**
 * The model with new outcomes absorbed into its feature state (no retraining): profiles and reference values
 * stay current between retrainings. Lines should be later than the model's training period.
 */
export function updateState(model: TrainedModel, labelled: readonly DeclarationLine[]): TrainedModel {
  const state = FeatureState.fromJSON(model.featureState);
  state.absorb(labelled);
  return { ...model, featureState: state.toJSON() };
}

export interface DriftReport {
  /** PSI of the fraud probability. */
  score: number;
  /** PSI per feature, largest first (> 0.25: the feature's distribution has moved). */
  features: { feature: string; psi: number }[];
}

/**
 * Population stability of scores and features between a baseline period and a current one, both seen through
 * the model's frozen state (so the comparison is not blurred by the state learning in between).
 */
export function driftReport(
  model: LoadedModel | TrainedModel,
  baseline: readonly DeclarationLine[],
  current: readonly DeclarationLine[],
): DriftReport {
  const m = asLoaded(model);
  const a = m.builder.transform(baseline);
  const b = m.builder.transform(current);
  const features = a.features
    .map((f, j) => ({
      feature: f.name,
      psi: psi(
        a.values.subarray(j * a.nRows, (j + 1) * a.nRows),
        b.values.subarray(j * b.nRows, (j + 1) * b.nRows),
      ),
    }))
    .sort((x, y) => y.psi - x.psi);
  return { score: psi(scoreLines(m, baseline), scoreLines(m, current)), features };
}
