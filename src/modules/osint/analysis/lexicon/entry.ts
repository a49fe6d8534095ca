/**
 * The shape of a lexicon entry. Lexicons are data: one entry per idea ("high copy" and its spellings in every
 * language), a weight that says how much that idea alone weighs, and a plain-language description used in reasons.
 * Phrases are written naturally (accents, capitals, Arabic with its usual spelling); the matcher folds them like the
 * post text, so each spelling is written once.
 */
import type { SignalCategory } from '../types.ts';

export interface LexiconEntry {
  /** Stable rule identifier, e.g. `counterfeit.high_copy`; it appears in signals and statistics. */
  type: string;
  category: SignalCategory;
  /** Weight of one occurrence in [0, 1]; occurrences combine by noisy-OR. Context entries use it as strength. */
  weight: number;
  /** How a reason names this evidence, e.g. "counterfeit vocabulary". */
  describe: string;
  phrases: string[];
  /** When true, a negation just before the phrase ("pas une copie", "not a replica") cancels it. */
  negatable?: boolean;
}
