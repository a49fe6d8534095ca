/** The partner import targets: each row is one record, keyed by its natural key, unique within a file. */
import type { ImportTarget } from '../../platform/ingest/target.ts';
import {
  type CompanyRow,
  companyCatalog,
  flatBuilder,
  type ManifestRow,
  manifestCatalog,
  type PaymentRow,
  paymentCatalog,
  type TrademarkRow,
  trademarkCatalog,
} from './fields.ts';
import { createUpsertWriter } from './writer.ts';

const text = (row: Record<string, unknown>, field: string) =>
  typeof row[field] === 'string' && row[field] !== '' ? (row[field] as string) : undefined;

export const manifestsTarget: ImportTarget<ManifestRow> = {
  name: 'manifests',
  unit: 'manifest',
  catalog: manifestCatalog,
  build: flatBuilder<ManifestRow>(manifestCatalog),
  tables: ['manifests'],
  grouping: 'unique',
  groupKey: (row) => text(row, 'document_number'),
  createWriter: createUpsertWriter<ManifestRow>({
    table: 'manifests',
    key: ['document_number'],
    noun: 'manifests',
    columns: {
      document_number: 'text',
      document_type: 'text',
      carrier: 'text',
      vessel_or_flight: 'text',
      port_of_loading: 'text',
      port_of_discharge: 'text',
      arrival_date: 'text',
      consignee_code: 'text',
      consignee_name: 'text',
      goods_description: 'text',
      packages: 'number',
      gross_mass_kg: 'number',
      containers: 'text[]',
      declaration_reference: 'text',
    },
  }),
};

export const paymentsTarget: ImportTarget<PaymentRow> = {
  name: 'payments',
  unit: 'payment',
  catalog: paymentCatalog,
  build: flatBuilder<PaymentRow>(paymentCatalog),
  tables: ['fx_payments'],
  grouping: 'unique',
  groupKey: (row) => text(row, 'payment_reference'),
  createWriter: createUpsertWriter<PaymentRow>({
    table: 'fx_payments',
    key: ['payment_reference'],
    noun: 'payments',
    columns: {
      payment_reference: 'text',
      importer_code: 'text',
      paid_on: 'text',
      amount: 'number',
      currency: 'text',
      beneficiary_name: 'text',
      beneficiary_country: 'text',
      bank: 'text',
      declaration_reference: 'text',
    },
  }),
};

export const companiesTarget: ImportTarget<CompanyRow> = {
  name: 'companies',
  unit: 'company',
  catalog: companyCatalog,
  build: flatBuilder<CompanyRow>(companyCatalog),
  tables: ['companies'],
  grouping: 'unique',
  groupKey: (row) => text(row, 'company_id'),
  createWriter: createUpsertWriter<CompanyRow>({
    table: 'companies',
    key: ['company_id'],
    noun: 'companies',
    columns: {
      company_id: 'text',
      name: 'text',
      legal_form: 'text',
      created_on: 'text',
      capital: 'number',
      address: 'text',
      city: 'text',
      activity: 'text',
      phone: 'text',
      managers: 'text[]',
    },
  }),
};

export const trademarksTarget: ImportTarget<TrademarkRow> = {
  name: 'trademarks',
  unit: 'trademark',
  catalog: trademarkCatalog,
  build: flatBuilder<TrademarkRow>(trademarkCatalog),
  tables: ['trademarks'],
  grouping: 'unique',
  groupKey: (row) => {
    const brand = text(row, 'brand');
    const owner = text(row, 'owner');
    return brand && owner ? `${brand} / ${owner}` : undefined;
  },
  createWriter: createUpsertWriter<TrademarkRow>({
    table: 'trademarks',
    key: ['brand', 'owner'],
    noun: 'trademarks',
    columns: {
      brand: 'text',
      owner: 'text',
      registration_number: 'text',
      owner_country: 'text',
      nice_classes: 'integer[]',
      registered_on: 'text',
      expires_on: 'text',
    },
  }),
};
