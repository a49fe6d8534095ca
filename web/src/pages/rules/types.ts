/** Shapes of the risk API the rules and campaigns pages read (generated from /docs/json), and small shared helpers. */
import type { ApiBody, ApiItem, ApiResponse, Schema } from '../../api/types.ts';
import { formatNumber } from '../../i18n/index.ts';

export { CHANNEL_COLOURS, type Channel, type LocalText, localText } from '../../components/risk.ts';
export type ProfileStatus = Schema<'RiskProfileSummary'>['status'];

export type ProfileSummary = Schema<'RiskProfileSummary'>;
export type Rule = Schema<'RiskRule'>;
export type Profile = Schema<'RiskProfile'>;
export type Problem = ApiResponse<'/api/risk/profiles/validate', 'post'>['problems'][number];
export type Indicator = ApiItem<'/api/risk/indicators'>;
export type Job = Schema<'Job'>;
export type References = NonNullable<ApiBody<'/api/risk/backtests'>['references']>;

// A backtest's report is the result of its job, which the API types as `unknown` (jobs of every kind share the
// route): its shape is written here, after src/modules/risk/backtest.ts.
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
  references: References;
  profile: VersionRef[];
  candidate: BacktestReport;
  active?: { profiles: VersionRef[]; report: BacktestReport };
  duration_ms: number;
}

export type Campaign = Schema<'Campaign'>;
export type CampaignSummary = ApiItem<'/api/risk/campaigns'>;
export type CampaignDetail = ApiResponse<'/api/risk/campaigns/{id}'>;
export type CampaignMatch = CampaignDetail['page']['items'][number];
export type QueueStatus = ApiBody<'/api/risk/campaigns/{id}/items/{declaration_id}', 'put'>['status'];
const QUEUE_STATUSES: readonly string[] = ['todo', 'done', 'finding'] satisfies QueueStatus[];
/** A queue entry's status: the campaign page's answer types it as any text, the route that sets it as one of three. */
export function queueStatus(status: string | null): QueueStatus | null {
  return status !== null && QUEUE_STATUSES.includes(status) ? (status as QueueStatus) : null;
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

/** The arrow of a "back" link: it points to the start of the line, left in French and English, right in Arabic. */
export function backArrow(language: string): string {
  return language === 'ar' ? '→' : '←';
}

export type ProfileDiff = Schema<'RiskProfileDiff'>;
export type ActivationRequest = Schema<'RiskActivationRequest'>;
export type ActivationRequestDetail = Schema<'RiskActivationRequestDetail'>;
export type PromotionRequest = Schema<'ModelPromotionRequest'>;
