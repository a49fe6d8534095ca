/**
 * The osint module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';

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
  purged_at: Date | null;
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

declare module '../../platform/db/schema.ts' {
  interface DB {
    osint_alerts: OsintAlertsTable;
    osint_captures: OsintCapturesTable;
    osint_confirmations: OsintConfirmationsTable;
    osint_evidence: OsintEvidenceTable;
    osint_evidence_chunks: OsintEvidenceChunksTable;
    osint_identifiers: OsintIdentifiersTable;
    osint_item_bands: OsintItemBandsTable;
    osint_item_identifiers: OsintItemIdentifiersTable;
    osint_items: OsintItemsTable;
    osint_models: OsintModelsTable;
    osint_runs: OsintRunsTable;
    osint_sellers: OsintSellersTable;
    osint_sources: OsintSourcesTable;
    osint_watch_terms: OsintWatchTermsTable;
  }
}
