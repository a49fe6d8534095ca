/**
 * The parcels module's tables, as Kysely sees them (kept by hand in step with migrations/0021_parcels.ts, 0025_parcels_examiners.ts, 0029_parcels_speed_seizures.ts, 0043_parcels_inspections.ts and
 * 0045_parcels_inspection_corrections.ts and 0046_parcels_models.ts); they join
 * the platform's `DB` interface. Only this module queries them.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type {
  ParcelChannel,
  ParcelFraudType,
  ParcelInspectionResult,
  ParcelKind,
  ParcelReason,
} from './model.ts';

/** numeric columns come back as text from PostgreSQL: read them through Number(). */
type Numeric = ColumnType<string | number, number, number>;
type NullableNumeric = ColumnType<string | number | null, number | null | undefined, number | null>;

export interface ParcelsTable {
  id: Id;
  carrier: string;
  consignment_number: string;
  kind: ParcelKind;
  master_manifest: string | null;
  sender_name: string;
  sender_address: string | null;
  sender_country: string;
  sender_platform: string | null;
  /** Folded sender name and country: the sender of split-order detection. */
  sender_key: string;
  recipient_name: string;
  recipient_address: string | null;
  recipient_city: string | null;
  /** E.164 when the number parses (digits otherwise). */
  recipient_phone: string | null;
  recipient_email: string | null;
  /** Folded address and city: the address of split-order detection (null without an address). */
  recipient_address_key: string | null;
  description: string;
  declared_value: Numeric;
  currency: string;
  /** The declared value in euros at the exchange rate of the import (risk's rate table). */
  value_eur: Numeric;
  weight_kg: NullableNumeric;
  hs_code: string | null;
  item_count: number;
  arrival_date: ColumnType<string, string, string>;
  arrival_office: string;
  content_hash: string;
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ParcelScoresTable {
  parcel_id: number;
  run_id: number;
  score: number;
  channel: ParcelChannel;
  referred: boolean;
  reasons: JSONColumnType<ParcelReason[]>;
  scored_at: Timestamp;
}

export interface ParcelScoreRunsTable {
  id: Id;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string, string, string>;
  settings: JSONColumnType<Record<string, unknown>>;
  parcels: Generated<number>;
  referred: Generated<number>;
  split_orders: Generated<number>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
}

export interface ParcelSettingsTable {
  id: Generated<number>;
  value: JSONColumnType<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ParcelExaminersTable {
  id: Id;
  username: string;
  name: string;
  office: string;
  hs_prefixes: Generated<string[]>;
  kinds: Generated<string[]>;
  indicators: Generated<string[]>;
  daily_capacity: Generated<number>;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ParcelAssignmentsTable {
  parcel_id: number;
  examiner_id: number;
  day: ColumnType<string, string, string>;
  basis: 'auto' | 'manual';
  reason: string;
  assigned_by: string;
  assigned_at: Timestamp;
}

export interface ParcelSeizuresTable {
  parcel_id: number;
  seizure_id: number;
  seizure_reference: string;
  seized_on: ColumnType<string, string, string>;
  description: string;
  linked_by: string;
  linked_at: Timestamp;
}

export interface ParcelInspectionsTable {
  parcel_id: number;
  examiner: string;
  result: ParcelInspectionResult;
  fraud_type: ParcelFraudType | null;
  found_value: NullableNumeric;
  found_currency: string | null;
  note: string | null;
  inspected_at: ColumnType<Date, Date | string, Date | string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** An outcome replaced by a correction, with why, who and when (0045). */
export interface ParcelInspectionCorrectionsTable extends Omit<ParcelInspectionsTable, 'recorded_at'> {
  id: Id;
  /** The replaced outcome's own time, copied: no default. */
  recorded_at: ColumnType<Date, Date | string, Date | string>;
  reason: string;
  corrected_by: string;
  corrected_at: Timestamp;
}

/** A trained parcel model (0046): serialized, with its period, counts and hold-out figures; one active at most. */
export interface ParcelModelsTable {
  id: Id;
  name: string;
  version: string;
  model: JSONColumnType<Record<string, unknown>>;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string, string, string>;
  parcels: number;
  frauds: number;
  metrics: JSONColumnType<Record<string, unknown>>;
  active: Generated<boolean>;
  trained_by: string;
  trained_at: Timestamp;
  activated_by: string | null;
  activated_at: Date | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    parcels: ParcelsTable;
    parcel_scores: ParcelScoresTable;
    parcel_score_runs: ParcelScoreRunsTable;
    parcel_settings: ParcelSettingsTable;
    parcel_examiners: ParcelExaminersTable;
    parcel_assignments: ParcelAssignmentsTable;
    parcel_seizures: ParcelSeizuresTable;
    parcel_inspections: ParcelInspectionsTable;
    parcel_inspection_corrections: ParcelInspectionCorrectionsTable;
    parcel_models: ParcelModelsTable;
  }
}
