/** A compact way to write DeclarationLines in tests. */
import type { DeclarationLine, OutcomeResult } from '../../declarations/index.ts';

export interface LineSpec {
  ref?: string;
  date: string;
  importer?: string | null;
  declarant?: string | null;
  hs?: string;
  origin?: string | null;
  value?: number;
  mass?: number | null;
  rate?: number | null;
  office?: string;
  result?: OutcomeResult | null;
  inspectedOn?: string | null;
}

let counter = 0;

export function makeLine(s: LineSpec): DeclarationLine {
  counter++;
  return {
    reference: s.ref ?? `D${counter}`,
    office: s.office ?? '10',
    lodged_on: s.date,
    procedure: 'B',
    transport_mode: '40',
    departure_country: s.origin ?? 'CN',
    currency: 'KRW',
    declarant: s.declarant === null ? null : { code: s.declarant ?? 'DECL1', name: null },
    importer: s.importer === null ? null : { code: s.importer ?? 'IMP1', name: null },
    seller: null,
    courier: null,
    attributes: { import_type: '11' },
    item: {
      line_no: 1,
      hs_code: s.hs ?? '620822',
      description: null,
      origin_country: s.origin === undefined ? 'CN' : s.origin,
      quantity: null,
      quantity_unit: null,
      net_mass_kg: s.mass === undefined ? 10 : s.mass,
      customs_value: s.value ?? 1000,
      duty_rate: s.rate === undefined ? 8 : s.rate,
      tax_type: 'A',
      origin_indicator: 'Y',
    },
    outcome:
      s.result === null
        ? null
        : {
            inspected_on: s.inspectedOn ?? s.date,
            channel: 'red',
            result: s.result ?? 'compliant',
            fraud_type: null,
            recovered_amount: null,
            officer: null,
            note: null,
          },
  };
}
