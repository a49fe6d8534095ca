/**
 * The risk module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { FourEyesColumns, FourEyesStatus } from '../../platform/lib/four-eyes.ts';

export type ChannelColumn = 'green' | 'yellow' | 'red' | 'blue';

export interface RiskSettingsTable {
  key: string;
  value: unknown;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RiskProfilesTable {
  id: Id;
  name: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  document: JSONColumnType<Record<string, unknown>>;
  source_text: string | null;
  author: string;
  reason: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Timestamp;
  activated_at: Date | null;
  activated_by: string | null;
  retired_at: Date | null;
  retired_by: string | null;
}

export type ApprovalStatus = FourEyesStatus;

/** Four-eyes activation requests (migration 0039). */
export interface RiskActivationRequestsTable extends FourEyesColumns {
  profile_id: number;
  profile_name: string;
  active_profile_id: number | null;
  backtest_job: string;
  backtest: JSONColumnType<Record<string, unknown>>;
}

export interface RiskWatchlistsTable {
  id: Id;
  name: string;
  type: 'trader' | 'declarant' | 'seller' | 'hs_code' | 'country' | 'transport_document';
  description: string | null;
  owner: string;
  expires_on: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RiskWatchlistEntriesTable {
  list_id: number;
  value: string;
  note: string | null;
  expires_on: string | null;
  added_by: string | null;
  added_at: Timestamp;
}

export interface RiskOfficeParamsTable {
  office_code: string;
  capacity_items: number | null;
  capacity_hours: number | null;
  rate_red: Generated<number>;
  rate_yellow: Generated<number>;
  rate_blue: Generated<number>;
  random_rate: Generated<number>;
  minutes_red: Generated<number>;
  minutes_yellow: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RiskFxRatesTable {
  currency: string;
  units_per_usd: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RiskSelectionRunsTable {
  id: Id;
  office_code: string;
  day: string;
  profile_versions: JSONColumnType<unknown[]>;
  seed: string;
  capacity_items: number | null;
  capacity_minutes: number | null;
  random_share: number;
  candidates: number;
  items: number;
  selected_items: number;
  random_items: number;
  counts: JSONColumnType<Record<string, number>>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RiskDecisionsTable {
  id: Id;
  declaration_id: number;
  reference: string;
  office_code: string;
  lodged_on: string;
  run_id: number | null;
  channel: ChannelColumn;
  initial_channel: ChannelColumn;
  basis: 'forced' | 'ranked' | 'random' | 'deferred' | 'none';
  score: number;
  probability: number;
  expected_value: number;
  rank: number | null;
  profile_versions: JSONColumnType<unknown[]>;
  breakdown: JSONColumnType<unknown[]>;
  /** Rows stored before Arabic explanations (decision 0043) have no `ar`: they are read as French (queue.ts). */
  explanation: JSONColumnType<{ en: string; fr: string; ar?: string }>;
  decided_by: string | null;
  decided_at: Timestamp;
  superseded_at: Date | null;
}

export interface RiskDecisionItemsTable {
  decision_id: number;
  item_id: number;
  line_no: number;
  score: number;
  probability: number;
  expected_value: number;
  breakdown: JSONColumnType<unknown[]>;
  tags: Generated<string[]>;
  indicators: JSONColumnType<Record<string, unknown>>;
  /** The model's anomaly of the item (migration 0023); null without a model that has an anomaly detector. */
  anomaly: JSONColumnType<StoredAnomaly | null, string | null | undefined, string | null>;
}

export interface StoredAnomaly {
  score: number;
  percentile: number;
  /** `ar` absent from rows stored before Arabic explanations: read as French. */
  reasons: { feature?: string; en: string; fr: string; ar?: string }[];
}

export interface RiskDecisionHitsTable {
  decision_id: number;
  item_id: number;
  profile_id: number;
  rule_id: string;
  points: number;
  channel: ChannelColumn | null;
  critical: Generated<boolean>;
}

/** A correction of an officer outcome: the outcome corrected (kept) and the one that corrects it (in force). */
export interface RiskOutcomeCorrectionsTable {
  id: Id;
  item_id: number;
  outcome_id: number;
  correction_id: number;
  reason: string;
  officer: string;
  at: Timestamp;
}

export interface RiskOverridesTable {
  id: Id;
  decision_id: number;
  declaration_id: number;
  office_code: string;
  from_channel: ChannelColumn;
  to_channel: ChannelColumn;
  reason: string;
  officer: string;
  officer_id: number | null;
  at: Timestamp;
}

export interface RiskAttachmentsTable {
  id: Id;
  upload_id: number;
  declaration_id: number;
  outcome_id: number | null;
  kind: 'photo' | 'document';
  content_type: string;
  file_name: string;
  bytes: number;
  sha256: string;
  note: string | null;
  added_by: string;
  added_by_id: number | null;
  added_at: Timestamp;
}

export interface RiskCampaignsTable {
  id: Id;
  name: string;
  description: string | null;
  hs_prefixes: Generated<string[]>;
  keywords: Generated<string[]>;
  origins: Generated<string[]>;
  date_from: string | null;
  date_to: string | null;
  status: Generated<'active' | 'closed'>;
  owner: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RiskCampaignItemsTable {
  campaign_id: number;
  declaration_id: number;
  status: Generated<'todo' | 'done' | 'finding'>;
  source: 'match' | 'rule';
  note: string | null;
  queued_by: string | null;
  queued_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    risk_attachments: RiskAttachmentsTable;
    risk_campaign_items: RiskCampaignItemsTable;
    risk_campaigns: RiskCampaignsTable;
    risk_decision_hits: RiskDecisionHitsTable;
    risk_decision_items: RiskDecisionItemsTable;
    risk_decisions: RiskDecisionsTable;
    risk_fx_rates: RiskFxRatesTable;
    risk_office_params: RiskOfficeParamsTable;
    risk_outcome_corrections: RiskOutcomeCorrectionsTable;
    risk_overrides: RiskOverridesTable;
    risk_profiles: RiskProfilesTable;
    risk_activation_requests: RiskActivationRequestsTable;
    risk_selection_runs: RiskSelectionRunsTable;
    risk_settings: RiskSettingsTable;
    risk_watchlist_entries: RiskWatchlistEntriesTable;
    risk_watchlists: RiskWatchlistsTable;
  }
}
