/**
 * The valuation module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { ReferenceRow } from './references.ts';

/** A stored reference: the computed row (`ReferenceRow`), with the build that made it. */
export interface ValuationReferencesTable
  extends Omit<ReferenceRow, 'origin' | 'currency' | 'excluded_outliers'> {
  origin: Generated<string>;
  currency: Generated<string>;
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

/** The module's settings: one row (id 1), a JSON document validated by `valuationSettingsSchema`. */
export interface ValuationSettingsTable {
  id: Generated<number>;
  value: unknown;
  updated_by: string | null;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    valuation_builds: ValuationBuildsTable;
    valuation_findings: ValuationFindingsTable;
    valuation_references: ValuationReferencesTable;
    valuation_settings: ValuationSettingsTable;
  }
}
