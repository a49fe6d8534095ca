/**
 * The ML module's public face: train, score, explain and evaluate fraud-targeting models (api.ts), the model
 * registry, and the scorer that puts the active model into risk scoring. Loading it loads the trees and features:
 * the composition root and the commands that score import it lazily.
 */

export type { GbdtParams, Lang, Reason, Target } from './api.ts';
export {
  evaluate,
  explainAllLangs,
  explainAllLangsBatch,
  labelOf,
  loadModel,
  MODEL_FORMAT,
  scoreLines,
  serializeModel,
  trainModel,
} from './api.ts';
export { generateCard } from './card.ts';
// The booster on its own, for other modules' models on their own features (parcels' model, decision 0048).
export { trainGbdt } from './gbdt/booster.ts';
export { type CompiledModel, compileModel, type GbdtModel } from './gbdt/model.ts';
export { predictMargin, sigmoid } from './gbdt/predict.ts';
export { treeShap } from './gbdt/shap.ts';
export { createMatrix, type FeatureMatrix, type FeatureSpec } from './matrix.ts';
export { precisionAt, rocAuc } from './metrics.ts';
export { featureImportance, promoteModel, registerModel } from './registry.ts';
export { followActiveModel, syncModelScorer } from './scorer.ts';
