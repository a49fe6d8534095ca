/**
 * The partners module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated } from 'kysely';
import type { Id, Timestamp } from '../../platform/db/schema.ts';

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

declare module '../../platform/db/schema.ts' {
  interface DB {
    companies: CompaniesTable;
    fx_payments: FxPaymentsTable;
    manifests: ManifestsTable;
    trademarks: TrademarksTable;
  }
}
