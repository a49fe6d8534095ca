/**
 * The data contract of the OSINT text analysis: what goes in (a post, as collection, the API and file mode give it)
 * and what comes out (label, score, signals with evidence, entities). The zod schema validates input at the file
 * and HTTP boundaries; the output types are plain so that they serialise to the JSONL contract of
 * `vigie osint analyze` unchanged. Field names are snake_case like everywhere else in Vigie.
 */
import { z } from 'zod';

export const RISK_LABELS = ['counterfeit', 'health_risk', 'duty_evasion'] as const;
export type RiskLabel = (typeof RISK_LABELS)[number];
export const LABELS = [...RISK_LABELS, 'benign'] as const;
export type Label = (typeof LABELS)[number];

/** One post as collected. `id` may be a number in files; it is echoed back unchanged. */
export const postSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  text: z.string(),
  url: z.string().nullish(),
  platform: z.string().nullish(),
  author: z.string().nullish(),
  price: z.union([z.number(), z.string()]).nullish(),
  currency: z.string().nullish(),
  posted_at: z.string().nullish(),
});
export type Post = z.infer<typeof postSchema>;

export type SignalCategory = RiskLabel | 'sale_intent' | 'context';

/**
 * One piece of evidence. `start`/`end` are offsets into the ORIGINAL post text in UTF-16 code units (what
 * `String.prototype.slice` uses), so `text === post.text.slice(start, end)` always holds.
 */
export interface Signal {
  /** Stable identifier of the rule, e.g. `counterfeit.high_copy`, `health.no_prescription`. */
  type: string;
  category: SignalCategory;
  /** Contribution to its category's score before context adjustments (0 when negated). */
  weight: number;
  start: number;
  end: number;
  text: string;
  /** True when a negation or a warning governs the term ("not a copy", "beware of fakes"): not counted. */
  negated?: boolean;
  /** Plain-language detail, e.g. the genuine price range a price was compared with. */
  detail?: string;
}

export interface PriceEntity {
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** Converted with the static rate table (rates.ts); null when the currency has no rate. */
  amount_mad: number | null;
  /** Evidence in the original text; null when the price came from the post's `price` field. */
  text: string | null;
  start: number | null;
  end: number | null;
}

export interface HandleEntity {
  platform: 'instagram' | 'tiktok' | 'facebook' | 'telegram' | 'whatsapp' | 'snapchat' | 'x' | 'unknown';
  handle: string;
}

export interface PlaceEntity {
  /** Canonical name (gazetteer), e.g. `Casablanca`, `Derb Ghallef`. */
  name: string;
  kind: 'city' | 'district';
  /** For a district, its city. */
  city: string;
}

export interface CountryEntity {
  name: string;
  /** ISO 3166-1 alpha-2 of the country (for a hub: the country it lies in). */
  code: string;
  kind: 'country' | 'hub';
}

export interface Entities {
  /** Canonical brand names from the gazetteer. */
  brands: string[];
  /** E.164, Morocco as default region. */
  phones: string[];
  emails: string[];
  urls: string[];
  handles: HandleEntity[];
  cities: PlaceEntity[];
  countries: CountryEntity[];
  prices: PriceEntity[];
}

export interface AnalysisResult {
  id: string | number;
  label: Label;
  /** Risk in [0, 1] of the chosen label (for `benign`: the highest risk found, below the threshold). */
  score: number;
  /** Scores of the three risk labels after context adjustments (and classifier blend when used). */
  scores: Record<RiskLabel, number>;
  /** Plain-language reasons, each citing its evidence. */
  reasons: string[];
  signals: Signal[];
  entities: Entities;
  language: LanguageGuess;
  /** The learned model's calibrated probabilities (decision 0032); absent on the rule path alone. */
  model?: ModelOpinion;
}

export interface ModelOpinion {
  probabilities: Record<Label, number>;
  /** True when the model flagged a post the rules left benign (the label is then the model's). */
  decided: boolean;
}

export type LanguageCode = 'fr' | 'ar' | 'en' | 'es' | 'ary' | 'und';

export interface LanguageGuess {
  /** Main language; `ary` is Moroccan Darija written in Latin letters (arabizi). */
  language: LanguageCode;
  /** Other languages with a real share of the words (code-switching is the norm in Moroccan posts). */
  also: LanguageCode[];
  script: 'latin' | 'arabic' | 'mixed' | 'none';
}
