/**
 * The declarations module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { ItemData } from './types.ts';

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
  /** Items with an outcome, with a fraud outcome, with a critical one (migration 0042: kept by the writer and triggers). */
  inspected_items: Generated<number>;
  fraud_items: Generated<number>;
  critical_items: Generated<number>;
}

/** An item row: the item's data (`ItemData`) under its identifier and declaration. */
export interface DeclarationItemsTable extends ItemData {
  id: Id;
  declaration_id: number;
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

/** Outcomes in force per key and day (migration 0044; kept by triggers, read by outcome-history.ts). */
export interface OutcomeHistoryTable {
  dim: string;
  key: string;
  day: string;
  inspected: number;
  frauds: number;
  critical: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    couriers: PartyTable;
    declarants: PartyTable;
    declaration_items: DeclarationItemsTable;
    declarations: DeclarationsTable;
    importers: PartyTable;
    inspection_outcomes: InspectionOutcomesTable;
    offices: OfficesTable;
    outcome_history: OutcomeHistoryTable;
    sellers: SellersTable;
  }
}
