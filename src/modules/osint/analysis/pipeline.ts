/**
 * The one analysis pipeline used by collection, the API, alerts and file mode: a post in, a label with its score,
 * reasons, evidence and entities out. Rules give the evidence and a first score; a classifier trained on
 * investigators' confirmations then moves each rule score up or down by at most `blend / 2`:
 * score + (blend / 2) × (p(label) − p(benign)). A nudge rather than an average: trained on a few hundred
 * confirmations, the classifier can correct borderline rule scores and learn a unit's false positives, but cannot
 * flag a post on its own, without evidence to cite. Comparing with p(benign) only means that a post it finds
 * counterfeit (p(health) and p(benign) both near 0) leaves the health score alone.
 */
import { type Classifier, predictTokens } from './classifier.ts';
import type { Payload } from './compile.ts';
import { detectLanguage } from './language.ts';
import type { PhraseTrie } from './matcher.ts';
import {
  combineRulesFirst,
  MODEL_LANGUAGES,
  predictModel,
  type RealModel,
  shippedModel,
} from './real/model.ts';
import { explain, pickLabel, ruleScores, THRESHOLD } from './score.ts';
import { defaultClassifier } from './seed.ts';
import { extractSignals } from './signals.ts';
import {
  type AnalysisResult,
  type Label,
  type ModelOpinion,
  type Post,
  RISK_LABELS,
  type RiskLabel,
} from './types.ts';

function roundAll(p: Record<Label, number>): Record<Label, number> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) as Record<
    Label,
    number
  >;
}

export interface AnalyzeOptions {
  /** Classifier blended with the rules; `null` for rules only; default: the model trained on the seed corpus. */
  classifier?: Classifier | null;
  /** How far the classifier may move a rule score: ± blend / 2 (default 0.4, so ± 0.2). */
  blend?: number;
  /** Score at which a post is flagged (default 0.55). */
  threshold?: number;
  /** Longer texts are analysed on their first `maxTextChars` characters (default 50,000). */
  maxTextChars?: number;
  /** A trie built with extra lexicons (compile.ts `buildTrie`). */
  trie?: PhraseTrie<Payload>;
  /**
   * The learned multilingual model (decision 0032), rules first: it may flag a post the rules leave benign, never
   * unflag one, and never overrule benign context the rules found. Default: the model shipped in the repository;
   * `null` for the rule path alone.
   */
  learned?: RealModel | null;
}

export const DEFAULT_BLEND = 0.4;
export const DEFAULT_MAX_TEXT_CHARS = 50_000;

/**
 * Analyses one post.
 *
 * @example
 * const r = analyzePost({ id: 'p1', text: 'Nike Air Force 1 high copy 350dh, livraison partout au Maroc, DM' });
 * r.label; // 'counterfeit'
 * r.signals[0]; // { type: 'counterfeit.brand', start: 0, end: 4, text: 'Nike', … }
 */
export function analyzePost(post: Post, options: AnalyzeOptions = {}): AnalysisResult {
  const max = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const text = post.text.length > max ? post.text.slice(0, max) : post.text;
  const x = extractSignals(text, post, options.trie);
  const rules = ruleScores(x);
  const classifier = options.classifier === undefined ? defaultClassifier() : options.classifier;
  let scores = rules.scores;
  let probabilities: Record<RiskLabel, number> | undefined;
  if (classifier) {
    const p = predictTokens(classifier, x.tokens);
    const blend = options.blend ?? DEFAULT_BLEND;
    const versusBenign = (l: RiskLabel) => p[l] - p.benign;
    probabilities = { counterfeit: p.counterfeit, health_risk: p.health_risk, duty_evasion: p.duty_evasion };
    scores = {} as Record<RiskLabel, number>;
    for (const l of RISK_LABELS) {
      const nudged = rules.scores[l] + (blend / 2) * versusBenign(l);
      scores[l] = Math.round(Math.min(1, Math.max(0, nudged)) * 1000) / 1000;
    }
  }
  const picked = pickLabel(scores, options.threshold ?? THRESHOLD);
  let { label, score } = picked;
  const learned = options.learned === undefined ? shippedModel() : options.learned;
  let model: ModelOpinion | undefined;
  if (learned) {
    const p = predictModel(learned, text);
    const context = x.signals.some((s) => s.category === 'context' && s.type !== 'context.buyer_question');
    const words = text.split(/[\s\p{P}]+/u).filter(Boolean).length;
    // The model may decide alone only in a language it was trained on (see MODEL_LANGUAGES).
    const known = MODEL_LANGUAGES.has(detectLanguage(x.tokens, x.norm.text).language);
    const combined = known ? combineRulesFirst(learned, label, p, context, words) : label;
    const decided = combined !== label;
    if (decided) {
      label = combined;
      score = Math.round(p[combined] * 1000) / 1000;
    }
    model = { probabilities: roundAll(p), decided };
  }
  const reasons = explain(x, label, rules, probabilities);
  if (model?.decided) {
    reasons.unshift(
      `Learned model: ${label.replace('_', ' ')} ${model.probabilities[label].toFixed(2)} with no rule evidence to cite (the rules alone said benign)`,
    );
  }
  return {
    id: post.id,
    label,
    score,
    scores,
    reasons,
    signals: x.signals,
    entities: x.entities,
    language: detectLanguage(x.tokens, x.norm.text),
    ...(model ? { model } : {}),
  };
}

/** An analyser with its options bound (e.g. a model loaded once), for collection workers and the API. */
export function createAnalyzer(options: AnalyzeOptions = {}): (post: Post) => AnalysisResult {
  return (post) => analyzePost(post, options);
}

/** The record of the file-mode contract: exactly `{id, label, score, signals, entities}`. */
export function toContractRecord(
  r: AnalysisResult,
): Pick<AnalysisResult, 'id' | 'label' | 'score' | 'signals' | 'entities'> {
  return { id: r.id, label: r.label, score: r.score, signals: r.signals, entities: r.entities };
}

/**
 * The record of one analysed post, in file mode and through the API: the contract's record, and with `explain`
 * also the reasons, per-label scores and language.
 */
export function toResultRecord(r: AnalysisResult, explain: boolean | undefined) {
  return explain
    ? {
        ...toContractRecord(r),
        reasons: r.reasons,
        scores: r.scores,
        language: r.language,
        ...(r.model ? { model: r.model } : {}),
      }
    : toContractRecord(r);
}
