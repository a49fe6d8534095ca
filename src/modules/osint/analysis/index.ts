/**
 * Public API of the OSINT text analysis, for collection, the HTTP API, alerts and file mode. Import from here, not
 * from the files behind it, so that the inside can change.
 *
 * @example
 * import { analyzePost } from './modules/osint/analysis/index.ts';
 * const r = analyzePost({ id: 'p1', text: 'Rolex AAA 900dh, WhatsApp 06 12 34 56 78' });
 * r.label; // 'counterfeit'   r.entities.phones; // ['+212612345678']
 */
export {
  type Classifier,
  type ClassifierOptions,
  predict,
  type TrainingExample,
  trainClassifier,
  updateWithConfirmations,
} from './classifier.ts';
export {
  type ClassifierJson,
  classifierJsonSchema,
  deserializeClassifier,
  serializeClassifier,
} from './classifier-io.ts';
export { buildTrie, DEFAULT_LEXICONS } from './compile.ts';
export { normalizePhone } from './entities/phones.ts';
export { type Evaluation, evaluate, type LabelMetrics } from './evaluate.ts';
export {
  type AnalyzeFileOptions,
  type AnalyzeFileSummary,
  analyzeFile,
  formatDiagnostic,
  formatSummary,
} from './file-mode.ts';
export { type Diagnostic, InputUnreadableError, type JsonLine, readJsonLines } from './jsonl.ts';
export type { LexiconEntry } from './lexicon/entry.ts';
export {
  type AnalyzeOptions,
  analyzePost,
  createAnalyzer,
  DEFAULT_BLEND,
  DEFAULT_MAX_TEXT_CHARS,
  toContractRecord,
  toResultRecord,
} from './pipeline.ts';
export { learnedOpinion, type RealModel, shippedModel } from './real/model.ts';
export { CONTEXT_FACTORS, THRESHOLD } from './score.ts';
export { defaultClassifier, loadFreshCorpus, loadSeedCorpus, type SeedPost, splitSeed } from './seed.ts';
export { type Extraction, extractSignals } from './signals.ts';
export * from './types.ts';
