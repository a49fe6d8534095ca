/** The shapes the risk panel reads from the API (see /docs/json: RiskDecision, RiskScore, Attachment). */
import { useMediaQuery } from '@mantine/hooks';

/** Under 768 px (a phone, a tablet held upright with the menu open): one column, shorter labels. */
export function useNarrow(): boolean {
  return useMediaQuery('(max-width: 47.99em)') ?? false;
}
export const CHANNELS = ['red', 'yellow', 'blue', 'green'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RESULTS = ['compliant', 'fraud', 'critical'] as const;
export type Result = (typeof RESULTS)[number];
export const FRAUD_TYPES = ['valuation', 'origin', 'classification', 'ipr', 'prohibited', 'other'] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

/** Mantine colours of the channels (always shown with their name, never by colour alone). */
export const CHANNEL_COLOURS: Record<Channel, string> = {
  red: 'red',
  yellow: 'yellow',
  blue: 'blue',
  green: 'green',
};
export const RESULT_COLOURS: Record<string, string> = {
  compliant: 'green',
  fraud: 'orange',
  critical: 'red',
};

export type LocalText = string | { en: string; fr: string };

export interface BreakdownEntry {
  source: string;
  id: string;
  points: number;
}

export interface DecisionSummary {
  id: number;
  reference: string;
  office: string;
  lodged_on: string;
  run_id: number | null;
  channel: Channel;
  initial_channel: Channel;
  basis: string;
  score: number;
  probability: number;
  expected_value: number;
  rank: number | null;
  decided_at: string;
}

export interface DecisionOutcome {
  id: number;
  result: string;
  fraud_type: string | null;
  recovered_amount: number | null;
  officer: string | null;
  source: string;
  inspected_on: string | null;
  channel: string | null;
  note: string | null;
}

export interface Decision extends DecisionSummary {
  profile_versions: { id: number; name: string; version: number }[];
  breakdown: BreakdownEntry[];
  explanation: { en: string; fr: string };
  decided_by: string | null;
  superseded_at: string | null;
  items: {
    item_id: number;
    line_no: number;
    score: number;
    probability: number;
    expected_value: number;
    breakdown: BreakdownEntry[];
    tags: string[];
    indicators: Record<string, unknown>;
    hits: {
      profile: string;
      version: number;
      rule_id: string;
      points: number;
      channel: Channel | null;
      critical: boolean;
    }[];
    outcomes: DecisionOutcome[];
  }[];
  overrides: {
    id: number;
    from_channel: Channel;
    to_channel: Channel;
    reason: string;
    officer: string;
    at: string;
  }[];
}

export interface Finding {
  level: string;
  hs: string;
  origin: string;
  unit: 'kg' | 'item';
  currency: string;
  sample_n: number;
  window_from: string;
  window_to: string;
  reference_median: number;
  reference_q1: number;
  reference_p10: number;
  unit_value: number;
  ratio: number;
  duty_rate: number | null;
  duties_at_stake: number;
  undervaluation_amount: number;
  flagged: boolean;
}

export interface Hit {
  profile: string;
  version: number;
  rule_id: string;
  title: LocalText;
  points: number;
  channel: Channel | null;
  critical: boolean;
  tags: string[];
  values: { subject: string; kind: string; value: unknown; evidence?: Record<string, unknown> }[];
}

export interface ModelReason {
  en: string;
  fr: string;
  feature?: string;
  contribution?: number;
}

export interface ScoreItem {
  item_id: number | null;
  line_no: number;
  score: number;
  probability: number;
  stake: number;
  expected_value: number;
  critical: boolean;
  breakdown: BreakdownEntry[];
  hits: Hit[];
  forced: { channel: Channel; rule_id: string; profile: string } | null;
  tags: string[];
  finding: Finding | null;
  model: { name: string; probability: number; reasons: ModelReason[] } | null;
}

export interface Score {
  reference: string;
  office: string;
  lodged_on: string;
  stored: boolean;
  model: string | null;
  score: number;
  probability: number;
  expected_value: number;
  critical: boolean;
  indicative_channel: Channel;
  forced: { channel: Channel; rule_id: string; profile: string; line_no: number } | null;
  breakdown: BreakdownEntry[];
  items: ScoreItem[];
  explanation: { en: string; fr: string };
}

export interface Reference {
  level: string;
  hs: string;
  origin: string;
  unit: string;
  currency: string;
  n: number;
  median: number;
  q1: number;
  q3: number;
  p10: number;
  p90: number;
}

export interface Attachment {
  id: number;
  reference: string;
  outcome_id: number | null;
  kind: 'photo' | 'document';
  content_type: string;
  file_name: string;
  bytes: number;
  sha256: string;
  note: string | null;
  added_by: string;
  added_at: string;
}

/** The part of GET /api/declarations/:reference the panel uses (shared cache with the declaration page). */
export interface DeclarationItems {
  reference: string;
  currency: string | null;
  items: {
    id: number;
    line_no: number;
    hs_code: string;
    description: string | null;
    origin_country: string | null;
  }[];
}

/** The explanation in the UI language: French or English; Arabic falls back on French. */
export function localText(text: LocalText | { en: string; fr: string }, language: string): string {
  if (typeof text === 'string') return text;
  return language === 'en' ? text.en : text.fr;
}

/** Query keys of the panel: all start with 'risk' so that one invalidation refreshes the panel. */
export const keys = {
  decisions: (reference: string) => ['risk', 'decisions', reference] as const,
  decision: (id: number) => ['risk', 'decision', id] as const,
  score: (reference: string) => ['risk', 'score', reference] as const,
  attachments: (reference: string) => ['risk', 'attachments', reference] as const,
  reference: (f: Finding) => ['risk', 'valuation-reference', f.level, f.hs, f.origin, f.unit] as const,
};

export const declarationKey = (reference: string) => ['declaration', reference] as const;

/** Whether a query belongs to the declaration's views: the panel's ('risk'…) or the page's (…reference…). */
export function isDeclarationQuery(queryKey: readonly unknown[], reference: string): boolean {
  return queryKey[0] === 'risk' || queryKey[0] === reference || queryKey.includes(reference);
}
