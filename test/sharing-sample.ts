/**
 * A seizure report's source with every field filled and every kind of case link, and the tables of
 * docs/decisions/0020-sharing.md that say what the nominal split keeps: shared by the split's tests
 * (src/modules/sharing/payload.test.ts) and the STIX export's (stix.test.ts).
 */
import { readFileSync } from 'node:fs';
import type { CaseView, SeizureView } from '../src/modules/cases/index.ts';
import type { SeizureSource } from '../src/modules/sharing/payload.ts';

const doc = readFileSync(new URL('../docs/decisions/0020-sharing.md', import.meta.url), 'utf8');

export function tableOf(marker: string): string[][] {
  const text = doc.split(`<!-- ${marker}:start -->`)[1]?.split(`<!-- ${marker}:end -->`)[0] ?? '';
  return text
    .trim()
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replaceAll('`', '')),
    );
}

export const FIELDS = tableOf('seizure-report-fields');
export const PARTIES = tableOf('seizure-report-parties');

export const line = (no: number) => ({
  line_no: no,
  description: `Sacs contrefaits ${no}`,
  hs_code: '420221',
  category: 'counterfeit_accessories' as const,
  quantity: 120,
  unit: 'pieces',
  net_mass_kg: 80.5,
  estimated_value: 60_000,
  brand: 'Louis Vuitton',
  rights_holder: 'LVMH',
  health_risk: false,
});

/** A seizure with every field filled (so that every path shows), on a case with every kind of link. */
export const seizure: SeizureView = {
  id: 7,
  reference: 'S-2026-0042',
  case_id: 3,
  seized_on: '2026-03-14',
  office: '300',
  place: '12 rue des Orangers, villa 4',
  city: 'Tanger',
  latitude: 35.7595,
  longitude: -5.834,
  description: 'Sacs contrefaits 1',
  hs_code: '420221',
  category: 'counterfeit_accessories',
  quantity: 240,
  unit: 'pieces',
  net_mass_kg: 161,
  estimated_value: 120_000,
  value_method: 'genuine_price',
  currency: 'MAD',
  brand: 'Louis Vuitton',
  rights_holder: 'LVMH',
  health_risk: false,
  transport_mode: 'road',
  concealment: 'double floor of a lorry',
  detection_source: 'selectivity_rule',
  officers: ['Karim Benali', 'Sara Idrissi'],
  duty_rate: 0.25,
  duties_at_stake: 30_000,
  duties_recovered: 10_000,
  fines: 5_000,
  settlement_amount: 2_000,
  goods_status: 'held',
  goods_status_on: '2026-03-15',
  operation_id: 2,
  lines: [line(1), line(2)],
  created_by: 'officer1',
  created_at: '2026-03-14T10:00:00.000Z',
  updated_at: '2026-03-14T10:00:00.000Z',
};

export const kase: CaseView = {
  id: 3,
  number: '300/2026/0003',
  office: '300',
  year: 2026,
  title: 'Affaire Youssef El Amrani',
  type: 'counterfeiting',
  status: 'investigation',
  status_reason: null,
  priority: 'high',
  assignee: 'inv1',
  origin_type: 'manual',
  origin_ref: null,
  summary: 'M. El Amrani, né le 2 mai 1980, CIN AB123456, importe via sa société…',
  report_number: null,
  opened_by: 'inv1',
  opened_at: '2026-03-10T09:00:00.000Z',
  updated_at: '2026-03-14T09:00:00.000Z',
  closed_at: null,
  operation_id: 2,
  next_statuses: ['offence_report', 'closed'],
};

export const links = [
  { target_type: 'declaration', target_ref: '2026-300-000123', note: 'the import declaration' },
  { target_type: 'company', target_ref: 'RC-45871', note: 'importer, SARL Atlas Trading' },
  { target_type: 'trademark', target_ref: 'Louis Vuitton', note: null },
  { target_type: 'person', target_ref: 'Youssef El Amrani', note: 'manager, CIN AB123456' },
  { target_type: 'vehicle', target_ref: '12345-A-6', note: 'his lorry' },
  { target_type: 'premises', target_ref: 'Entrepôt 4, zone franche', note: null },
  { target_type: 'osint_seller', target_ref: '77', note: null },
  { target_type: 'osint_item', target_ref: '1204', note: null },
  { target_type: 'graph_entity', target_ref: 'phone:+212600000001', note: 'his mobile' },
  { target_type: 'graph_entity', target_ref: 'email:youssef@example.ma', note: null },
  { target_type: 'graph_entity', target_ref: 'company:rc-45871', note: null },
  { target_type: 'graph_entity', target_ref: 'no-type-here', note: null },
];

export const source: SeizureSource = { seizure, case: kase, links };

/** The value at a documented path, `[]` meaning every element. */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    const array = part.endsWith('[]');
    const key = array ? part.slice(0, -2) : part;
    current = current.flatMap((v) => {
      if (v === null || typeof v !== 'object' || !(key in v)) return [];
      const next = (v as Record<string, unknown>)[key];
      return array ? (next as unknown[]) : [next];
    });
  }
  return current;
}
