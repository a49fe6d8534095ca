/**
 * The cases module's tables, as Kysely sees them (kept by hand in step with migrations/0015_cases.ts and 0018_cases_lines_operations.ts); they join
 * the platform's `DB` interface. Only this module queries them.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type {
  CasePriority,
  CaseStatus,
  CaseType,
  GoodsStatus,
  LinkType,
  OriginType,
  ReportLang,
  TakedownStatus,
  TestPurchaseResult,
} from './model.ts';

type Numeric = ColumnType<number | null, number | null | undefined, number | null>;

export interface CaseCountersTable {
  kind: string;
  office: string;
  year: number;
  last: number;
}

export interface CasesTable {
  id: Id;
  number: string;
  office: string;
  year: number;
  seq: number;
  title: string;
  type: CaseType;
  status: Generated<CaseStatus>;
  status_reason: string | null;
  priority: Generated<CasePriority>;
  assignee: string | null;
  origin_type: OriginType | null;
  origin_ref: string | null;
  summary: string | null;
  report_number: string | null;
  opened_by: string;
  opened_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Date | null;
  operation_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CaseLinksTable {
  id: Id;
  case_id: number;
  target_type: LinkType;
  target_ref: string;
  note: string | null;
  hold_id: number | null;
  added_by: string;
  added_at: Timestamp;
}

export interface CaseTasksTable {
  id: Id;
  case_id: number;
  title: string;
  assignee: string | null;
  due_on: string | null;
  status: Generated<'todo' | 'done'>;
  created_by: string;
  created_at: Timestamp;
  done_at: Date | null;
}

export interface CaseNotesTable {
  id: Id;
  case_id: number;
  body: string;
  author: string;
  created_at: Timestamp;
}

export interface CaseEvidenceTable {
  id: Id;
  case_id: number;
  upload_id: number;
  file_name: string;
  content_type: string;
  bytes: number;
  sha256: string;
  description: string | null;
  added_by: string;
  added_at: Timestamp;
}

export interface CaseEventsTable {
  id: Id;
  case_id: number;
  at: Timestamp;
  actor: string;
  kind: string;
  details: JSONColumnType<Record<string, unknown> | null>;
}

/** The goods columns of a seizure line, and of the seizure itself (their summary: lines.ts). */
interface GoodsColumns {
  description: string;
  hs_code: string | null;
  category: string;
  quantity: Numeric;
  unit: string | null;
  net_mass_kg: Numeric;
  estimated_value: Numeric;
  brand: string | null;
  rights_holder: string | null;
  health_risk: Generated<boolean>;
}

export interface SeizuresTable extends GoodsColumns {
  id: Id;
  reference: string;
  case_id: number | null;
  seized_on: string;
  office: string;
  place: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  value_method: string | null;
  currency: Generated<string>;
  transport_mode: string | null;
  concealment: string | null;
  detection_source: string | null;
  officers: Generated<string[]>;
  duty_rate: Numeric;
  duties_at_stake: Numeric;
  duties_recovered: Numeric;
  fines: Numeric;
  settlement_amount: Numeric;
  goods_status: Generated<GoodsStatus>;
  goods_status_on: string | null;
  import_id: number | null;
  operation_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OffenceReportsTable {
  id: Id;
  case_id: number;
  number: string;
  version: number;
  lang: ReportLang;
  upload_id: number;
  bytes: number;
  sha256: string;
  generated_by: string;
  generated_at: Timestamp;
}

export interface SeizureLinesTable extends GoodsColumns {
  id: Id;
  seizure_id: number;
  line_no: number;
}

export interface OperationsTable {
  id: Id;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  participants: Generated<string[]>;
  threat_categories: Generated<string[]>;
  coordinator: string | null;
  description: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseTestPurchasesTable {
  id: Id;
  case_id: number;
  platform: string;
  seller_ref: string | null;
  post_url: string | null;
  account_used: string | null;
  ordered_on: string;
  amount_paid: Numeric;
  currency: Generated<string>;
  payment_method: string | null;
  tracking_number: string | null;
  received_on: string | null;
  result: Generated<TestPurchaseResult>;
  result_note: string | null;
  evidence_ids: Generated<number[]>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseTakedownsTable {
  id: Id;
  case_id: number;
  platform: string;
  seller_ref: string | null;
  urls: string[];
  legal_basis: string;
  rights_holder: string | null;
  sent_on: string;
  status: Generated<TakedownStatus>;
  answer: string | null;
  answered_on: string | null;
  taken_down_on: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    case_counters: CaseCountersTable;
    cases: CasesTable;
    case_links: CaseLinksTable;
    case_tasks: CaseTasksTable;
    case_notes: CaseNotesTable;
    case_evidence: CaseEvidenceTable;
    case_events: CaseEventsTable;
    seizures: SeizuresTable;
    offence_reports: OffenceReportsTable;
    seizure_lines: SeizureLinesTable;
    operations: OperationsTable;
    case_test_purchases: CaseTestPurchasesTable;
    case_takedowns: CaseTakedownsTable;
  }
}
