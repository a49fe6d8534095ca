/**
 * Where a machine-learning model plugs into risk scoring. The ML module (or anything else) registers a scorer;
 * while one is registered, every scoring adds its probability to the item's score (`scoring.model.weight` points
 * per unit of probability) and uses it as the item's base fraud probability. With no scorer, the model part of
 * the score is simply absent.
 *
 *   registerModelScorer({
 *     name: 'gbdt-2024-05',
 *     score(lines, { explain }) {
 *       return probabilities.map((p, i) => ({ probability: p, reasons: explain ? reasonsOf(i) : [] }));
 *     },
 *   });
 *
 * Lines are given without their outcome (`outcome: null`): a model must never see what it predicts.
 */
import type { Database } from '../../platform/db/database.ts';
import type { DeclarationLine } from '../declarations/index.ts';

export interface ModelReason {
  /** The model's feature name, when the reason comes from one. */
  feature?: string;
  /** Its contribution (e.g. SHAP value on the log-odds scale); positive pushes towards fraud. */
  contribution?: number;
  en: string;
  fr: string;
  ar: string;
}

/** How unusual a line is for the model's anomaly detector, and which of its values make it so. */
export interface ModelAnomaly {
  /** 0 to 1: about 0.5 or less for ordinary lines, towards 1 for anomalies (rules test it as `model.anomaly`). */
  score: number;
  /** Share of the model's training lines with a lower score (`model.anomaly_percentile`). */
  percentile: number;
  /** The values that make the line unusual, most unusual first ("net mass 40× the usual for HS … from …"). */
  reasons: ModelReason[];
}

export interface ModelScore {
  /** Fraud probability of the line, 0 to 1. */
  probability: number;
  /** Plain-language reasons, strongest first (may be empty when `explain` is false). */
  reasons: ModelReason[];
  /** Present when the model has an anomaly detector; computed with the probability, for every line. */
  anomaly?: ModelAnomaly | null;
}

export interface ModelScorer {
  /** Shown in decisions and explanations (e.g. the model's name and version). */
  name: string;
  /**
   * Last day of the outcomes the model learnt from (YYYY-MM-DD). A back-test of a period that starts after it
   * scores with the model: the model knows nothing of that period.
   */
  trainedTo?: string;
  /** One score per line, in the same order. Called once per batch: thousands of lines at a time. */
  score(
    lines: readonly DeclarationLine[],
    options: { explain: boolean },
  ): ModelScore[] | Promise<ModelScore[]>;
}

let active: ModelScorer | null = null;

/** Makes `scorer` the active model (replacing any other). */
export function registerModelScorer(scorer: ModelScorer): void {
  active = scorer;
}

/** Removes the active model (or only `name`, when it is the active one). */
export function unregisterModelScorer(name?: string): void {
  if (!name || active?.name === name) active = null;
}

export function activeModelScorer(): ModelScorer | null {
  return active;
}

type ModelLoader = (database: Database) => Promise<unknown>;
let loader: ModelLoader | null = null;

/**
 * How the registry's active model is loaded into scoring (the ML module registers it): so that a command that
 * scores outside the server (`vigie risk score|select`) scores as the server does, without risk knowing ML.
 */
export function registerModelLoader(load: ModelLoader): void {
  loader = load;
}

/** Loads the active model, when a loader is registered; otherwise scoring goes on with rules and valuation. */
export async function loadActiveModel(database: Database): Promise<void> {
  await loader?.(database);
}
