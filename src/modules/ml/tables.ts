/**
 * The ml module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { FourEyesColumns } from '../../platform/lib/four-eyes.ts';

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

export interface ModelCardsTable {
  id: Id;
  model_id: number;
  card: unknown;
  generated_by: string;
  generated_at: Timestamp;
}

/** Four-eyes promotion requests (migration 0039). */
export interface ModelPromotionRequestsTable extends FourEyesColumns {
  model_id: number;
  target: string;
  active_model_id: number | null;
  evaluation: unknown;
}

export interface ModelReplaysTable {
  id: Id;
  job_id: string;
  model_id: number | null;
  period_from: string;
  period_to: string;
  exploration_share: number;
  inspection_rate: number;
  strategies: unknown;
  lines: number;
  results: unknown;
  created_by: number | null;
  created_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    model_versions: ModelVersionsTable;
    model_cards: ModelCardsTable;
    model_promotion_requests: ModelPromotionRequestsTable;
    model_replays: ModelReplaysTable;
  }
}
