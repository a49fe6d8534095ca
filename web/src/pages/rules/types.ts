/** Shapes of the risk API the rules and campaigns pages read (see /docs/json), and small shared helpers. */
import { formatNumber } from '../../i18n/index.ts';

export type LocalText = string | { en: string; fr: string };
export type Channel = 'red' | 'yellow' | 'blue' | 'green';
export type ProfileStatus = 'draft' | 'active' | 'retired';

export interface ProfileSummary {
  id: number;
  name: string;
  version: number;
  status: ProfileStatus;
  author: string;
  reason: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
  activated_at: string | null;
  activated_by: string | null;
  retired_at: string | null;
  retired_by: string | null;
  rules: number;
}

export interface Rule {
  id: string;
  title: LocalText;
  rationale: LocalText;
  instructions?: LocalText;
  intelligence?: string;
  enabled: boolean;
  critical: boolean;
  probability?: number;
  when: unknown;
  effect: {
    points: number;
    channel?: Channel | Record<string, number>;
    tags: string[];
    campaign?: string;
  };
}

export interface Profile extends ProfileSummary {
  document: { description?: string; scoring: Record<string, unknown>; rules: Rule[] };
  source_text: string | null;
}

export interface Problem {
  path: string;
  line?: number;
  message: string;
}

export interface Indicator {
  name: string;
  type: string;
  description: { en: string; fr: string };
}

export interface Job {
  id: string;
  kind: string;
  title: string;
  params: Record<string, unknown>;
  state: 'queued' | 'running' | 'retrying' | 'completed' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  message: string | null;
  result: unknown;
  error: string | null;
  created_at: string;
  eta_seconds: number | null;
}

export interface BacktestReport {
  items: number;
  inspected: number;
  frauds: number;
  base_fraud_rate: number | null;
  selection: {
    selected_items: number;
    share: number | null;
    inspected: number;
    frauds: number;
    critical: number;
    precision: number | null;
    recall: number | null;
    duties_recovered: number;
    duties_at_stake_of_frauds_caught?: number;
    channels: Record<string, number>;
    random: { items: number; inspected: number; frauds: number; fraud_rate: number | null };
  };
  rules: {
    rule: string;
    hits: number;
    inspected: number;
    frauds: number;
    critical?: number;
    recovered?: number;
    precision: number | null;
  }[];
  load_per_office: {
    office: string;
    days_with_declarations?: number;
    selected_items: number;
    per_day_mean: number;
    per_active_day_mean?: number;
    per_day_max: number;
  }[];
}

export interface VersionRef {
  id: number;
  name: string;
  version: number;
}

export interface BacktestResult {
  from: string;
  to: string;
  days: number;
  references: 'rolling' | 'current';
  profile: VersionRef[];
  candidate: BacktestReport;
  active?: { profiles: VersionRef[]; report: BacktestReport };
  duration_ms: number;
}

export interface Campaign {
  id: number;
  name: string;
  description: string | null;
  hs_prefixes: string[];
  keywords: string[];
  origins: string[];
  date_from: string | null;
  date_to: string | null;
  status: 'active' | 'closed';
  owner: string;
  created_by: string | null;
  created_at: string;
}

export interface CampaignSummary extends Campaign {
  queued: number;
  findings: number;
}

export type QueueStatus = 'todo' | 'done' | 'finding';

export interface CampaignMatch {
  declaration_id: number;
  reference: string;
  office: string;
  lodged_on: string;
  items: number;
  status: QueueStatus | null;
  note: string | null;
}

export interface CampaignDetail {
  campaign: Campaign;
  matching_declarations: number;
  matching_items: number;
  queue: Record<string, number>;
  page: { total: number; limit: number; offset: number; items: CampaignMatch[] };
}

/** A rule text in the UI language: English for English, French otherwise (Arabic falls back on French). */
export function localText(value: LocalText | undefined, language: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return language === 'en' ? value.en : value.fr;
}

/** A ratio as a percentage, or a dash when there is nothing to divide. */
export function pct(language: string, value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${formatNumber(language, value * 100, digits)} %`;
}

export const STATUS_COLOURS: Record<ProfileStatus, string> = {
  draft: 'blue',
  active: 'green',
  retired: 'gray',
};
export const CHANNEL_COLOURS: Record<string, string> = {
  red: 'red',
  yellow: 'yellow',
  blue: 'blue',
  green: 'green',
};

/** The arrow of a "back" link: it points to the start of the line, left in French and English, right in Arabic. */
export function backArrow(language: string): string {
  return language === 'ar' ? '→' : '←';
}
