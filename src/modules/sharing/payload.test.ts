/**
 * The nominal / non-nominal split of a seizure report, field by field, held to the table of
 * docs/decisions/0020-sharing.md: every field of the payload is in the table, and each is kept or removed as the
 * table says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseView, SeizureView } from '../cases/index.ts';
import { isPersonalLink, leafPaths, type SeizureSource, seizureReportPayload } from './payload.ts';

const doc = readFileSync(new URL('../../../docs/decisions/0020-sharing.md', import.meta.url), 'utf8');

function tableOf(marker: string): string[][] {
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

const FIELDS = tableOf('seizure-report-fields');
const PARTIES = tableOf('seizure-report-parties');

const line = (no: number) => ({
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
const seizure: SeizureView = {
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

const kase: CaseView = {
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

const links = [
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

const source: SeizureSource = { seizure, case: kase, links };

/** The value at a documented path, `[]` meaning every element. */
function valuesAt(value: unknown, path: string): unknown[] {
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

describe('seizure report payload', () => {
  const full = seizureReportPayload(source, { nominal: true });
  const split = seizureReportPayload(source, { nominal: false });

  it('documents every field of the payload, and only those', () => {
    expect(FIELDS.length).toBeGreaterThan(40);
    expect(new Set(leafPaths(full.payload))).toEqual(new Set(FIELDS.map((row) => row[0])));
  });

  it('keeps everything when the group allows nominal data, and removes nothing', () => {
    expect(full.removed).toEqual([]);
    expect(full.payload.nominal).toBe(true);
    for (const [path, allowed] of FIELDS) {
      expect(allowed, path).toBe('kept');
      expect(valuesAt(full.payload, path!).length, path).toBeGreaterThan(0);
    }
    expect(valuesAt(full.payload, 'seizure.officers[]')).toEqual(['Karim Benali', 'Sara Idrissi']);
    expect((full.payload.parties as unknown[]).length).toBe(links.length);
  });

  it('keeps or removes each field as the table says when nominal data are excluded', () => {
    expect(split.payload.nominal).toBe(false);
    for (const [path, , excluded] of FIELDS) {
      const before = valuesAt(full.payload, path!);
      const after = valuesAt(split.payload, path!);
      if (excluded === 'removed') expect(after, `${path} should be removed`).toEqual([]);
      else if (path === 'nominal') expect(after).toEqual([false]);
      else if (path!.startsWith('parties[]')) expect(after.length, path).toBeGreaterThan(0);
      else expect(after, `${path} should be kept as it is`).toEqual(before);
    }
  });

  it('removes each party as the parties table says, and lists what it removed', () => {
    const kept = (split.payload.parties as { type: string; ref: string }[]).map((p) => `${p.type} ${p.ref}`);
    expect(kept).toEqual([
      'declaration 2026-300-000123',
      'company RC-45871',
      'trademark Louis Vuitton',
      'graph_entity company:rc-45871',
    ]);
    expect(split.removed).toEqual([
      'seizure.place',
      'seizure.latitude',
      'seizure.longitude',
      'seizure.officers',
      'case.title',
      'parties[0].note',
      'parties[1].note',
      'parties[2].note',
      'parties[3]',
      'parties[4]',
      'parties[5]',
      'parties[6]',
      'parties[7]',
      'parties[8]',
      'parties[9]',
      'parties[10].note',
      'parties[11]',
    ]);
    expect(PARTIES.length).toBeGreaterThan(25);
    for (const [party, verdict] of PARTIES) {
      const [type, entity] = party!.split(':');
      const ref =
        type === 'graph_entity' ? (entity ? `${entity}:some key` : 'no readable type') : 'some reference';
      const name = party!.startsWith('graph_entity without') ? 'graph_entity' : type!;
      expect(isPersonalLink({ target_type: name, target_ref: ref }), party).toBe(verdict === 'removed');
    }
  });

  it('never carries the fiscal follow-up, internal ids or who recorded what', () => {
    for (const payload of [full.payload, split.payload]) {
      const text = JSON.stringify(payload);
      for (const word of [
        'duties',
        'fines',
        'settlement',
        'duty_rate',
        'created_by',
        'assignee',
        'summary',
        'né le 2 mai',
        'operation_id',
        'case_id',
      ])
        expect(text, word).not.toContain(word);
    }
    expect(JSON.stringify(split.payload)).not.toMatch(/El Amrani|Benali|Idrissi|Orangers|\+212|youssef@/);
  });

  it('builds a payload without a case', () => {
    const alone = seizureReportPayload(
      { seizure: { ...seizure, case_id: null }, case: null, links: [] },
      { nominal: false },
    );
    expect(alone.payload.case).toBeNull();
    expect(alone.payload.parties).toEqual([]);
  });
});
