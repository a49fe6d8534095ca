/**
 * Loader for the Customs Import Declaration Datasets (KCS, MIT licence) used by the ML tests and benchmark until
 * the import engine exists: one CSV row → one DeclarationLine, mapped as the import profile will map it.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { DeclarationLine, OutcomeResult } from '../../declarations/index.ts';

type Row = Record<string, string>;

const text = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

const num = (v: string | undefined): number | null => {
  const t = v?.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

const party = (v: string | undefined) => {
  const code = text(v);
  return code ? { code, name: null } : null;
};

export function kcsRowToLine(row: Row): DeclarationLine {
  const date = text(row['Date']);
  if (!date) throw new Error(`KCS row ${row['Declaration ID']}: no Date`);
  const critical = num(row['Critical Fraud']);
  const fraud = num(row['Fraud']);
  const result: OutcomeResult = critical === 2 ? 'critical' : fraud === 1 ? 'fraud' : 'compliant';
  const hasLabel = fraud !== null || critical !== null;
  const seller = text(row['Seller ID']);
  const attributes: Record<string, string> = {};
  for (const [key, col] of [
    ['import_type', 'Import Type'],
    ['import_use', 'Import Use'],
    ['payment_type', 'Payment Type'],
  ] as const) {
    const v = text(row[col]);
    if (v !== null) attributes[key] = v;
  }
  return {
    reference: text(row['Declaration ID']) ?? '',
    office: text(row['Office ID']) ?? '',
    lodged_on: date,
    procedure: text(row['Process Type']),
    transport_mode: text(row['Mode of Transport']),
    departure_country: text(row['Country of Departure']),
    currency: 'KRW',
    declarant: party(row['Declarant ID']),
    importer: party(row['Importer ID']),
    seller: seller ? { code: seller, name: null, country: null } : null,
    courier: party(row['Courier ID']),
    attributes,
    item: {
      line_no: 1,
      // The CSV stores HS6 codes as integers: restore the leading zero of chapters 01–09.
      hs_code: (text(row['HS6 Code']) ?? '').padStart(6, '0'),
      description: null,
      origin_country: text(row['Country of Origin']),
      quantity: null,
      quantity_unit: null,
      net_mass_kg: num(row['Net Mass']),
      customs_value: num(row['Item Price']) ?? 0,
      duty_rate: num(row['Tax Rate']),
      tax_type: text(row['Tax Type']),
      origin_indicator: text(row['Country of Origin Indicator']),
    },
    outcome: hasLabel
      ? {
          inspected_on: date,
          channel: null,
          result,
          fraud_type: null,
          recovered_amount: null,
          officer: null,
          note: null,
        }
      : null,
  };
}

export function parseKcsCsv(csv: string): DeclarationLine[] {
  const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`KCS CSV: ${e.message} (row ${e.row})`);
  }
  return parsed.data.map(kcsRowToLine);
}

export function loadKcsFile(path: string): DeclarationLine[] {
  return parseKcsCsv(readFileSync(path, 'utf8'));
}

/** The KCS fixture shipped with the tests (MIT, see KCS-LICENSE.md): 1,981 lines of 2020, 408 of 2021 Q1. */
export function loadKcsSample(): DeclarationLine[] {
  return loadKcsFile(new URL('./kcs-sample.csv', import.meta.url).pathname);
}
