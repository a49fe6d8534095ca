/**
 * Kysely's view of the tables, kept by hand in step with the migrations (src/db/migrations). Dates are
 * 'YYYY-MM-DD' strings and numeric columns JavaScript numbers (see the type parsers in database.ts).
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface ImportsTable {
  id: Id;
  kind: 'declarations' | 'manifests' | 'payments' | 'companies' | 'trademarks';
  file_name: string;
  file_sha256: string | null;
  file_bytes: number | null;
  format: string;
  profile: string;
  mode: 'atomic' | 'skip_invalid';
  rows_read: Generated<number>;
  rows_rejected: Generated<number>;
  counts: JSONColumnType<Record<string, number>>;
  started_at: Timestamp;
  finished_at: Date | null;
  started_by: string | null;
}

export interface OfficesTable {
  code: string;
  name: string | null;
  created_at: Timestamp;
}

export interface PartyTable {
  code: string;
  name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SellersTable extends PartyTable {
  country: string | null;
}

export interface DeclarationsTable {
  id: Id;
  reference: string;
  office_code: string;
  lodged_on: string;
  procedure: string | null;
  transport_mode: string | null;
  departure_country: string | null;
  currency: string | null;
  declarant_code: string | null;
  importer_code: string | null;
  seller_code: string | null;
  courier_code: string | null;
  attributes: JSONColumnType<Record<string, string>>;
  item_count: number;
  total_value: number;
  content_hash: string;
  import_id: number | null;
  created_at: Timestamp;
}

export interface DeclarationItemsTable {
  id: Id;
  declaration_id: number;
  line_no: number;
  hs_code: string;
  description: string | null;
  origin_country: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  net_mass_kg: number | null;
  customs_value: number;
  duty_rate: number | null;
  tax_type: string | null;
  origin_indicator: string | null;
}

export interface InspectionOutcomesTable {
  id: Id;
  item_id: number;
  inspected_on: string | null;
  channel: 'green' | 'yellow' | 'red' | 'blue' | null;
  result: 'compliant' | 'fraud' | 'critical';
  fraud_type: string | null;
  recovered_amount: number | null;
  officer: string | null;
  note: string | null;
  source: Generated<'import' | 'officer'>;
  import_id: number | null;
  recorded_at: Timestamp;
}

export interface ManifestsTable {
  id: Id;
  document_number: string;
  document_type: 'bill_of_lading' | 'air_waybill' | 'road_consignment' | 'other';
  carrier: string | null;
  vessel_or_flight: string | null;
  port_of_loading: string | null;
  port_of_discharge: string | null;
  arrival_date: string | null;
  consignee_code: string | null;
  consignee_name: string | null;
  goods_description: string | null;
  packages: number | null;
  gross_mass_kg: number | null;
  containers: Generated<string[]>;
  declaration_reference: string | null;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FxPaymentsTable {
  id: Id;
  payment_reference: string;
  importer_code: string;
  paid_on: string;
  amount: number;
  currency: string;
  beneficiary_name: string | null;
  beneficiary_country: string | null;
  bank: string | null;
  declaration_reference: string | null;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CompaniesTable {
  company_id: string;
  name: string;
  legal_form: string | null;
  created_on: string | null;
  capital: number | null;
  address: string | null;
  city: string | null;
  activity: string | null;
  phone: string | null;
  managers: Generated<string[]>;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrademarksTable {
  id: Id;
  brand: string;
  owner: string;
  registration_number: string | null;
  owner_country: string | null;
  nice_classes: Generated<number[]>;
  registered_on: string | null;
  expires_on: string | null;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type Role = 'admin' | 'analyst' | 'officer' | 'investigator' | 'liaison' | 'auditor';

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  office_code: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Id;
  token_hash: string;
  prefix: string;
  name: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginAttemptsTable {
  id: Id;
  username: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Date;
  actor_id: number | null;
  actor: string;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  prev_hash: string;
  hash: string;
  key_id: string | null;
  seal: string | null;
}

export interface UploadsTable {
  id: Id;
  file_name: string;
  bytes: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Timestamp;
  key: Generated<string>;
  owner: Generated<string>;
  read_permission: Generated<string>;
  expires_at: Date | null;
}

export interface UploadChunksTable {
  upload_id: number;
  seq: number;
  data: Uint8Array;
}

export type JobState = 'queued' | 'running' | 'retrying' | 'completed' | 'failed' | 'cancelled';

export interface JobRunsTable {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  params: JSONColumnType<Record<string, unknown>>;
  done: Generated<number>;
  total: number | null;
  unit: string | null;
  message: string | null;
  result: unknown;
  error: string | null;
  attempts: Generated<number>;
  cancel_requested: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Timestamp;
  worker: string | null;
  heartbeat_at: Date | null;
}

export interface ModelVersionsTable {
  id: Id;
  name: string;
  target: 'fraud' | 'critical';
  status: Generated<'candidate' | 'active' | 'retired'>;
  trained_from: string;
  trained_to: string;
  n_lines: number;
  params: unknown;
  metrics: Generated<unknown>;
  features: unknown;
  model: string;
  sha256: string;
  notes: string | null;
  created_by: number | null;
  created_at: Timestamp;
  promoted_by: number | null;
  promoted_at: Date | null;
  retired_at: Date | null;
}

export interface DB {
  imports: ImportsTable;
  offices: OfficesTable;
  importers: PartyTable;
  declarants: PartyTable;
  couriers: PartyTable;
  sellers: SellersTable;
  declarations: DeclarationsTable;
  declaration_items: DeclarationItemsTable;
  inspection_outcomes: InspectionOutcomesTable;
  manifests: ManifestsTable;
  fx_payments: FxPaymentsTable;
  companies: CompaniesTable;
  trademarks: TrademarksTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  uploads: UploadsTable;
  upload_chunks: UploadChunksTable;
  job_runs: JobRunsTable;
  model_versions: ModelVersionsTable;
}

// ── Risk targeting and reference values (migration 0003_risk) ──

type ChannelColumn = 'green' | 'yellow' | 'red' | 'blue';

export interface RiskSettingsTable {
  key: string;
  value: unknown;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ValuationReferencesTable {
  level: 'hs6_origin' | 'hs6' | 'hs4';
  hs: string;
  origin: Generated<string>;
  unit: 'kg' | 'item';
  currency: Generated<string>;
  window_from: string;
  window_to: string;
  n: number;
  median: number;
  q1: number;
  q3: number;
  p10: number;
  p90: number;
  mad: number;
  log_median: number;
  log_mad: number;
  excluded_outliers: Generated<number>;
  build_id: number | null;
  built_at: Timestamp;
}

export interface ValuationBuildsTable {
  id: Id;
  scope: 'full' | 'incremental' | 'hs';
  hs4: string[] | null;
  window_from: string | null;
  window_to: string | null;
  min_sample: number;
  import_watermark: number | null;
  groups: Generated<number>;
  rows_used: Generated<number>;
  rows_excluded_fraud: Generated<number>;
  rows_excluded_outliers: Generated<number>;
  started_at: Timestamp;
  finished_at: Date | null;
  built_by: string | null;
}

export interface ValuationFindingsTable {
  id: Id;
  item_id: number;
  declaration_id: number;
  level: string;
  hs: string;
  origin: string;
  unit: string;
  currency: string;
  sample_n: number;
  window_from: string;
  window_to: string;
  reference_median: number;
  reference_p10: number;
  reference_q1: number;
  unit_value: number;
  ratio: number;
  robust_z: number | null;
  undervaluation_amount: number;
  duty_rate: number | null;
  duties_at_stake: number;
  status: Generated<'open' | 'confirmed' | 'dismissed'>;
  justification: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Timestamp;
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
  explanation: JSONColumnType<{ en: string; fr: string }>;
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

// Declaration merging: the risk and valuation tables join the one `DB` interface.
export interface DB {
  risk_settings: RiskSettingsTable;
  valuation_references: ValuationReferencesTable;
  valuation_builds: ValuationBuildsTable;
  valuation_findings: ValuationFindingsTable;
  risk_profiles: RiskProfilesTable;
  risk_watchlists: RiskWatchlistsTable;
  risk_watchlist_entries: RiskWatchlistEntriesTable;
  risk_office_params: RiskOfficeParamsTable;
  risk_fx_rates: RiskFxRatesTable;
  risk_selection_runs: RiskSelectionRunsTable;
  risk_decisions: RiskDecisionsTable;
  risk_decision_items: RiskDecisionItemsTable;
  risk_decision_hits: RiskDecisionHitsTable;
  risk_overrides: RiskOverridesTable;
  risk_attachments: RiskAttachmentsTable;
  risk_campaigns: RiskCampaignsTable;
  risk_campaign_items: RiskCampaignItemsTable;
}

// ── Online monitoring (migration 0004_osint) ──

export type OsintSourceType = 'feed' | 'json_api' | 'web' | 'file' | 'url';
export type OsintLabel = 'counterfeit' | 'health_risk' | 'duty_evasion' | 'benign';
export type OsintRunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled';

export interface OsintSourcesTable {
  id: Id;
  name: string;
  type: OsintSourceType;
  config: JSONColumnType<Record<string, unknown>>;
  interval_minutes: number | null;
  enabled: Generated<boolean>;
  owner_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  next_run_at: Date | null;
  running_job_id: string | null;
  running_since: Date | null;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_status: Exclude<OsintRunStatus, 'running'> | null;
  last_items: Generated<number>;
  last_errors: Generated<number>;
  last_error: string | null;
  total_items: Generated<number>;
  runs: Generated<number>;
}

export interface OsintRunsTable {
  id: Id;
  source_id: number;
  job_id: string | null;
  started_by: string;
  started_by_id: number | null;
  started_at: Timestamp;
  finished_at: Date | null;
  status: OsintRunStatus;
  fetched: Generated<number>;
  skipped: Generated<number>;
  items_new: Generated<number>;
  items_seen: Generated<number>;
  reposts: Generated<number>;
  errors: Generated<number>;
  alerts: Generated<number>;
  problems: JSONColumnType<unknown[]>;
}

export interface OsintEvidenceTable {
  id: Generated<number>;
  source_id: number | null;
  run_id: number | null;
  method: 'http' | 'file' | 'manual';
  url: string;
  final_url: string | null;
  fetched_at: Date;
  http_status: number | null;
  http_headers: JSONColumnType<Record<string, unknown>>;
  content_type: string | null;
  bytes: number;
  sha256: string;
  content: Uint8Array | null;
  chunked: Generated<boolean>;
  collected_by: string;
  collected_by_id: number | null;
  record_hash: string;
}

export interface OsintEvidenceChunksTable {
  evidence_id: number;
  seq: number;
  data: Uint8Array;
}

export interface OsintSellersTable {
  id: Id;
  display_name: string;
  merged_into: number | null;
  score: Generated<number>;
  label: OsintLabel | null;
  reasons: JSONColumnType<string[]>;
  item_count: Generated<number>;
  ad_count: Generated<number>;
  risky_ad_count: Generated<number>;
  accounts: JSONColumnType<{ platform: string; handle: string }[]>;
  platforms: Generated<string[]>;
  brands: JSONColumnType<{ name: string; count: number }[]>;
  cities: JSONColumnType<{ name: string; count: number }[]>;
  price_min_mad: number | null;
  price_max_mad: number | null;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OsintItemsTable {
  id: Id;
  item_key: string;
  source_id: number;
  evidence_id: number;
  locator: string | null;
  platform: string | null;
  kind: Generated<string>;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  author: string | null;
  author_url: string | null;
  title: string | null;
  text: string;
  text_truncated: Generated<boolean>;
  price: number | null;
  currency: string | null;
  posted_at: Date | null;
  attributes: JSONColumnType<Record<string, unknown>>;
  content_hash: string;
  minhash: Uint8Array | null;
  dup_group_id: number;
  label: OsintLabel;
  score: number;
  scores: JSONColumnType<Record<string, number>>;
  reasons: JSONColumnType<string[]>;
  signals: JSONColumnType<unknown[]>;
  entities: JSONColumnType<Record<string, unknown>>;
  language: string | null;
  model_version: number;
  confirmed_label: OsintLabel | null;
  seller_id: number | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  seen_count: Generated<number>;
  updated_at: Timestamp;
}

export interface OsintItemBandsTable {
  band: number;
  hash: number;
  item_id: number;
}

export interface OsintCapturesTable {
  item_id: number;
  evidence_id: number;
  locator: string | null;
  seen_at: Timestamp;
}

export type OsintIdentifierKind = 'phone' | 'email' | 'handle' | 'shop_url' | 'company' | 'address';

export interface OsintIdentifiersTable {
  id: Id;
  kind: OsintIdentifierKind;
  value: string;
  seller_id: number | null;
  hub: Generated<boolean>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface OsintItemIdentifiersTable {
  item_id: number;
  identifier_id: number;
}

export interface OsintWatchTermsTable {
  id: Id;
  kind: 'brand' | 'product' | 'keyword' | 'phone';
  value: string;
  normalized: string;
  note: string | null;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
}

export type OsintAlertStatus = 'open' | 'confirmed' | 'dismissed' | 'case_opened';

export interface OsintAlertsTable {
  id: Id;
  key: string;
  kind: 'post' | 'seller' | 'watchlist';
  item_id: number | null;
  seller_id: number | null;
  watch_term_id: number | null;
  label: OsintLabel | null;
  score: number | null;
  reason: string;
  status: Generated<OsintAlertStatus>;
  decision_label: OsintLabel | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OsintModelsTable {
  version: number;
  base_version: number | null;
  trained_on: number;
  confirmations: Generated<number>;
  model: string | null;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface OsintConfirmationsTable {
  id: Id;
  item_id: number | null;
  alert_id: number | null;
  label: OsintLabel;
  text: string;
  confirmed_by: number | null;
  confirmed_by_name: string;
  created_at: Timestamp;
  model_version: number | null;
}

// Declaration merging: the osint tables join the one `DB` interface.
export interface DB {
  osint_sources: OsintSourcesTable;
  osint_runs: OsintRunsTable;
  osint_evidence: OsintEvidenceTable;
  osint_evidence_chunks: OsintEvidenceChunksTable;
  osint_sellers: OsintSellersTable;
  osint_items: OsintItemsTable;
  osint_item_bands: OsintItemBandsTable;
  osint_captures: OsintCapturesTable;
  osint_identifiers: OsintIdentifiersTable;
  osint_item_identifiers: OsintItemIdentifiersTable;
  osint_watch_terms: OsintWatchTermsTable;
  osint_alerts: OsintAlertsTable;
  osint_models: OsintModelsTable;
  osint_confirmations: OsintConfirmationsTable;
}
