/**
 * Partner data as import profiles see it: port manifests, foreign-exchange payments, the company register and
 * registered trademarks. Each field carries the zod schema its values must pass.
 */
import { z } from 'zod';
import {
  type FieldCatalog,
  slotsOf,
  zAmount,
  zCode,
  zCountry,
  zCurrency,
  zText,
} from '../../platform/ingest/fields.ts';
import type { FieldProblem } from '../../platform/ingest/mapping.ts';

export const DOCUMENT_TYPES = ['bill_of_lading', 'air_waybill', 'road_consignment', 'other'] as const;

export const manifestCatalog = {
  document_number: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: 'Transport document number (bill of lading, air waybill…): the natural key.',
    example: 'MSCUCN1234567',
  },
  document_type: {
    type: 'enum',
    required: true,
    values: DOCUMENT_TYPES,
    description: 'bill_of_lading, air_waybill, road_consignment or other.',
  },
  carrier: { type: 'text', schema: zText(200), description: 'Shipping line or airline.' },
  vessel_or_flight: {
    type: 'text',
    schema: zText(100),
    description: 'Vessel name and voyage, or flight number.',
  },
  port_of_loading: {
    type: 'text',
    schema: zText(100),
    description: 'Port or airport of loading (UN/LOCODE when known).',
  },
  port_of_discharge: { type: 'text', schema: zText(100), description: 'Port or airport of discharge.' },
  arrival_date: { type: 'date', description: 'Date of arrival.' },
  consignee_code: {
    type: 'text',
    schema: zCode(64),
    description: 'Consignee identifier (the importer code).',
  },
  consignee_name: { type: 'text', schema: zText(300), description: 'Consignee name as manifested.' },
  goods_description: { type: 'text', schema: zText(2000), description: 'Goods as manifested.' },
  packages: {
    type: 'integer',
    schema: z.number().int().min(0, 'expected zero or more'),
    description: 'Number of packages.',
  },
  gross_mass_kg: { type: 'number', schema: zAmount, description: 'Gross mass in kilograms.' },
  containers: {
    type: 'text[]',
    schema: z.array(
      z.string().regex(/^[A-Z]{4}\d{7}$/, 'expected container numbers like MSCU1234567 (ISO 6346)'),
    ),
    description: 'Container numbers, separated by ";" in CSV.',
  },
  declaration_reference: {
    type: 'text',
    schema: zCode(64),
    description: 'Reference of the declaration that cleared it.',
  },
} satisfies FieldCatalog;

export const paymentCatalog = {
  payment_reference: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: "The bank's reference of the transfer: the natural key.",
  },
  importer_code: { type: 'text', required: true, schema: zCode(64), description: 'Importer identifier.' },
  paid_on: { type: 'date', required: true, description: 'Date of the payment.' },
  amount: {
    type: 'number',
    required: true,
    schema: z.number().positive('expected an amount above zero'),
    description: 'Amount paid.',
  },
  currency: { type: 'currency', required: true, description: 'Currency of the amount (ISO 4217).' },
  beneficiary_name: { type: 'text', schema: zText(300), description: 'Foreign beneficiary.' },
  beneficiary_country: { type: 'country', description: "Beneficiary's country (ISO 3166 alpha-2)." },
  bank: { type: 'text', schema: zText(200), description: 'Paying bank.' },
  declaration_reference: { type: 'text', schema: zCode(64), description: 'Declaration the payment settles.' },
} satisfies FieldCatalog;

export const companyCatalog = {
  company_id: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: 'Company identifier in the register (the importer code in declarations).',
  },
  name: { type: 'text', required: true, schema: zText(300), description: 'Registered name.' },
  legal_form: { type: 'text', schema: zText(50), description: 'Legal form (SARL, SA, SNC…).' },
  created_on: { type: 'date', description: 'Date of registration.' },
  capital: { type: 'number', schema: zAmount, description: 'Share capital.' },
  address: { type: 'text', schema: zText(500), description: 'Registered address.' },
  city: { type: 'text', schema: zText(100), description: 'City.' },
  activity: { type: 'text', schema: zText(500), description: 'Declared activity.' },
  phone: { type: 'text', schema: zText(40), description: 'Phone number as registered.' },
  managers: { type: 'text[]', description: 'Managers, separated by ";" in CSV.' },
} satisfies FieldCatalog;

export const trademarkCatalog = {
  brand: { type: 'text', required: true, schema: zCode(200), description: 'Brand name.' },
  owner: { type: 'text', required: true, schema: zCode(300), description: 'Right holder.' },
  registration_number: { type: 'text', schema: zText(64), description: 'Registration number.' },
  owner_country: { type: 'country', description: "Right holder's country." },
  nice_classes: {
    type: 'integer[]',
    schema: z.array(
      z.number().int().min(1, 'expected Nice classes 1 to 45').max(45, 'expected Nice classes 1 to 45'),
    ),
    description: 'Nice classes (1–45), separated by ";" in CSV.',
  },
  registered_on: { type: 'date', description: 'Date of registration.' },
  expires_on: { type: 'date', description: 'Date of expiry.' },
} satisfies FieldCatalog;

/** Builds a flat record from values by slot: partner rows have no nested parts. */
export function flatBuilder<Row>(catalog: FieldCatalog) {
  const entries = Object.entries(slotsOf(catalog) as Record<string, number>);
  return (values: unknown[], _extras: unknown, _problems: FieldProblem[]): Row => {
    const row: Record<string, unknown> = {};
    for (const [field, slot] of entries) row[field] = values[slot];
    return row as Row;
  };
}

export interface ManifestRow {
  document_number: string;
  document_type: (typeof DOCUMENT_TYPES)[number];
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
  containers: string[] | null;
  declaration_reference: string | null;
}

export interface PaymentRow {
  payment_reference: string;
  importer_code: string;
  paid_on: string;
  amount: number;
  currency: string;
  beneficiary_name: string | null;
  beneficiary_country: string | null;
  bank: string | null;
  declaration_reference: string | null;
}

export interface CompanyRow {
  company_id: string;
  name: string;
  legal_form: string | null;
  created_on: string | null;
  capital: number | null;
  address: string | null;
  city: string | null;
  activity: string | null;
  phone: string | null;
  managers: string[] | null;
}

export interface TrademarkRow {
  brand: string;
  owner: string;
  registration_number: string | null;
  owner_country: string | null;
  nice_classes: number[] | null;
  registered_on: string | null;
  expires_on: string | null;
}

export { zCountry, zCurrency };
