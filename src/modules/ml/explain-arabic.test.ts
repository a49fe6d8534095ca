/** The model's reasons and the anomaly's in Arabic: every template, no English or French word left. */
import { describe, expect, it } from 'vitest';
import { latinWords } from '../../../test/arabic.ts';
import { describeUnusual } from './anomaly/profile.ts';
import { describeFeature } from './explain.ts';
import { makeLine } from './testing/lines.ts';

const line = makeLine({ date: '2021-01-08', hs: '620822', origin: 'CN', value: 2_500_000, mass: 40 });
const noMass = makeLine({ date: '2021-01-08', mass: null });
const row = new Map([['ref_basis', 0]]);
// Codes the reasons quote: HS codes, countries, office, tax type, currency, the attribute name from the data.
const QUOTED = ['620822', 'CN', 'KRW', 'import type'];

/** [feature, value] pairs that reach every template of describeFeature. */
const FEATURES: [string, number][] = [
  ['uv_ratio_ref', Math.log(0.3)],
  ['uv_ratio_hs6', Math.log(1.5)],
  ['uv_ratio_hs6_origin', Math.log(25)],
  ['uv_ratio_ref', 0],
  ['uv_ratio_ref', Number.NaN],
  ['importer_rate', 0.4],
  ['importer_critical_rate', 0.1],
  ['hs6_origin_rate', 0.5],
  ['repeat_rate', 1],
  ['seller_rate', Number.NaN],
  ['courier_n', 0],
  ['hs4_n', 12],
  ['importer_hs6_n', 0],
  ['importer_hs6_n', 3],
  ['importer_origin_n', 0],
  ['importer_origin_n', 2],
  ['declarant_importer_n', 0],
  ['declarant_importer_n', 4],
  ['log_duties', 1],
  ['log_value', 1],
  ['log_mass', 1],
  ['log_unit_value', Math.log(62_500)],
  ['log_value_per_item', Math.log(12)],
  ['duty_rate', 8],
  ['hs2', 1],
  ['hs4', 1],
  ['hs6', 1],
  ['weekday', 5],
  ['month', 1],
  ['departure_differs', 1],
  ['departure_differs', 0],
  ['departure_differs', Number.NaN],
  ['ref_n', 57],
  ['ref_basis', 1],
  ['cat_office', 1],
  ['cat_tax_type', 1],
  ['cat_attr_import_type', 1],
];

describe('model reasons in Arabic', () => {
  it('writes every template in Arabic, quoting only codes', () => {
    for (const [name, value] of FEATURES) {
      const ar = describeFeature(name, value, row, line, 'ar', { counts: () => [12, 5, 1] });
      // An attribute's name comes from the data (import profiles) and is shown as it is.
      if (!name.startsWith('cat_attr_')) expect(ar, name).toMatch(/[\u0600-\u06FF]/);
      expect(latinWords(ar, QUOTED), `${name}: ${ar}`).toEqual([]);
    }
    expect(describeFeature('uv_ratio_ref', Number.NaN, row, noMass, 'ar')).toBe(
      'لم يُصرَّح بالكتلة الصافية: لا قيمة وحدوية',
    );
    expect(describeFeature('log_mass', 1, row, noMass, 'ar')).toBe('لم يُصرَّح بالكتلة الصافية');
  });

  it('writes numbers as the web does in Arabic (Morocco, Latin digits) and months as in Morocco', () => {
    const ctx = { counts: () => [12, 5, 1] as [number, number, number] };
    expect(describeFeature('importer_rate', 0.4, row, line, 'ar', ctx)).toBe(
      'معدل الغش السابق لدى المستورد 42\u00a0% (5 من أصل 12 مراقبة)',
    );
    expect(describeFeature('log_value', 1, row, line, 'ar')).toBe(
      'القيمة المصرّح بها 2,5\u00a0مليون\u00a0KRW',
    );
    expect(describeFeature('month', 8, row, line, 'ar')).toBe('مودعة في شهر غشت');
    expect(describeFeature('uv_ratio_ref', Math.log(0.3), row, line, 'ar')).toBe(
      'قيمة وحدوية أقل من المرجع للبند الفرعي 620822 من المنشأ CN بنسبة 70\u00a0%',
    );
    // English and French are as they were.
    expect(describeFeature('month', 8, row, line, 'fr')).toBe('déposée en août');
    expect(describeFeature('importer_rate', 0.4, row, line, 'en', ctx)).toBe(
      "importer's past fraud rate 42\u00a0% (5 of 12 inspections)",
    );
  });

  it('says why an item is unusual in Arabic', () => {
    const base = { feature: 'log_mass' as const, hs6: '620822', origin: 'CN', n: 1234, z: 5 };
    const texts = [
      describeUnusual({ ...base, level: 'hs6_origin', ratio: 40 }, 'ar'),
      describeUnusual({ ...base, feature: 'log_unit_value', level: 'hs6', ratio: 0.1 }, 'ar'),
      describeUnusual({ ...base, feature: 'log_value', level: 'all', ratio: 5000 }, 'ar'),
    ];
    expect(texts[0]).toBe(
      'الكتلة الصافية 40 أضعاف المعتاد للبند الفرعي 620822 من المنشأ CN (وسيط 1.234 تصريحًا)',
    );
    expect(texts[2]).toContain('أكثر من 1.000 أضعاف المعتاد على مجموع التصريحات');
    for (const t of texts) expect(latinWords(t, QUOTED), t).toEqual([]);
  });
});
