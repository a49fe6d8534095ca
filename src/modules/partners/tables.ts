/**
 * The partners module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';
import type { CompanyRow, ManifestRow, PaymentRow, TrademarkRow } from './fields.ts';

/** Each table row is the imported row (fields.ts) with its identifier, list defaults and bookkeeping. */
interface Stored {
  import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ManifestsTable extends Omit<ManifestRow, 'containers'>, Stored {
  id: Id;
  containers: Generated<string[]>;
}

export interface FxPaymentsTable extends PaymentRow, Stored {
  id: Id;
}

export interface CompaniesTable extends Omit<CompanyRow, 'managers'>, Stored {
  managers: Generated<string[]>;
}

export interface TrademarksTable extends Omit<TrademarkRow, 'nice_classes'>, Stored {
  id: Id;
  nice_classes: Generated<number[]>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    companies: CompaniesTable;
    fx_payments: FxPaymentsTable;
    manifests: ManifestsTable;
    trademarks: TrademarksTable;
  }
}
