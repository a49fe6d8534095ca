/** Explanations in Arabic: every sentence of the channel's basis, the item lines, and every indicator's description. */
import { describe, expect, it } from 'vitest';
import { latinWords } from '../../../test/arabic.ts';
import type { Finding } from '../valuation/index.ts';
import { type DecisionContext, explainAll, explainDecision } from './explain.ts';
import { listIndicators } from './indicators/index.ts';
import type { Rule } from './rules/schema.ts';
import type { DeclarationResult, ItemScore } from './score.ts';

const finding: Finding = {
  level: 'hs6_origin',
  hs: '620822',
  origin: 'CN',
  unit: 'kg',
  currency: 'MAD',
  sample_n: 57,
  window_from: '2023-01-01',
  window_to: '2023-12-31',
  reference_median: 120,
  reference_q1: 90,
  reference_p10: 60,
  unit_value: 30,
  divisor: 100,
  ratio: 0.25,
  robust_z: -3.4,
  undervaluation_amount: 9000,
  duty_rate: 25,
  duties_at_stake: 2250,
  flagged: true,
};

const item: ItemScore = {
  index: 0,
  item_id: 1,
  line_no: 1,
  score: 85.5,
  probability: 0.62,
  stake: 4000,
  expected_value: 2480,
  critical: false,
  breakdown: [
    { source: 'rule', id: 'national/textiles', points: 40 },
    { source: 'valuation', id: 'hs6_origin', points: 15 },
    { source: 'model', id: 'gbdt-7', points: 30.5 },
  ],
  hits: [
    {
      profile_id: 1,
      profile: 'national',
      version: 3,
      rule_id: 'textiles',
      title: {
        en: 'Textiles below the reference',
        fr: 'Textiles sous la référence',
        ar: 'منسوجات دون المرجع',
      },
      points: 40,
      channel: 'red',
      critical: false,
      tags: [],
      campaign: null,
      probability: 0.6,
      values: [
        { subject: 'item.hs_code', kind: 'field', value: '6208220000' },
        { subject: 'valuation.ratio', kind: 'indicator', value: 0.25 },
        { subject: 'history.importer.fraud_rate', kind: 'indicator', value: 0.5 },
        { subject: 'goods.departure_differs', kind: 'indicator', value: true },
        { subject: 'importer.registered', kind: 'indicator', value: null },
        { subject: 'watchlist.lists', kind: 'indicator', value: ['textiles-2024', 'importers-a'] },
      ],
    },
  ],
  forced: null,
  tags: [],
  campaigns: [],
  finding,
  model: {
    name: 'gbdt-7',
    probability: 0.71,
    reasons: [{ en: 'unit value low', fr: 'valeur unitaire basse', ar: 'قيمة وحدوية منخفضة' }],
    anomaly: {
      score: 0.74,
      percentile: 0.995,
      reasons: [{ en: 'net mass 40×', fr: 'masse nette 40 fois', ar: 'الكتلة الصافية 40 أضعاف المعتاد' }],
    },
  },
};

const declaration: DeclarationResult = {
  reference: 'R-0001',
  declaration_id: 1,
  office: '301',
  lodged_on: '2024-03-18',
  currency: 'MAD',
  items: [item, { ...item, line_no: 2, hits: [], finding: null, model: null, breakdown: [], score: 0 }],
  score: 85.5,
  probability: 0.62,
  expected_value: 2480,
  critical: false,
  forced: { channel: 'red', rule_id: 'textiles', profile: 'national', line_no: 1 },
  indicative_channel: 'red',
  top: item,
};

const rule = {
  id: 'textiles',
  title: { en: 'Textiles below the reference', fr: 'Textiles sous la référence', ar: 'منسوجات دون المرجع' },
  rationale: { en: 'Often under-valued', fr: 'Souvent minorés', ar: 'كثيرًا ما تُخفَّض قيمتها' },
  instructions: { en: 'Open the cartons', fr: 'Ouvrir les cartons', ar: 'فتح الصناديق' },
} as unknown as Rule;
const rules = new Map([['1|textiles', rule]]);

const selection: Partial<DecisionContext> = {
  rank: 3,
  candidates: 49,
  randomShare: 0.05,
  unit: 'items',
  budget: 20,
  slots: { random: 1, red: 11, yellow: 8 },
  minScore: { red: 20, yellow: 10 },
};

/** Every basis and every reason a selection gives (select.ts's `Why`). */
const CONTEXTS: DecisionContext[] = [
  { channel: 'red', basis: 'forced' },
  { channel: 'red', basis: 'ranked', ...selection, why: 'red_slot' },
  { channel: 'yellow', basis: 'ranked', ...selection, why: 'below_red_minimum' },
  { channel: 'yellow', basis: 'ranked', ...selection, why: 'red_full', takenBy: ['R-0007', 'R-0009'] },
  { channel: 'yellow', basis: 'ranked', ...selection, why: 'red_full' },
  { channel: 'red', basis: 'ranked', ...selection, forRevenue: true, why: 'red_slot' },
  { channel: 'green', basis: 'none', ...selection, why: 'below_minimum' },
  { channel: 'green', basis: 'none', ...selection, why: 'capacity_full' },
  { channel: 'green', basis: 'none', rank: 60, candidates: 80 },
  { channel: 'red', basis: 'random', ...selection, why: 'random' },
  { channel: 'red', basis: 'random', ...selection, why: 'random_squeezed' },
  { channel: 'red', basis: 'random', randomShare: 0.05 },
  { channel: 'blue', basis: 'deferred', rank: 21, candidates: 49 },
  { channel: 'red', basis: 'score', thresholds: { red: 60, yellow: 30 } },
  { channel: 'yellow', basis: 'score', thresholds: { red: 60, yellow: 30 } },
  { channel: 'green', basis: 'score', thresholds: { red: 60, yellow: 30 } },
];

// Codes and names the explanation quotes: profile, rule and model ids, references, HS, countries, currency.
const QUOTED = [
  'national/textiles',
  'national',
  'gbdt-7',
  'textiles-2024',
  'importers-a',
  'R-0007',
  'R-0009',
];
const QUOTED_CODES = ['MAD', 'CN'];

describe('Arabic explanations', () => {
  it('writes every basis and every selection reason in Arabic, with no English or French word', () => {
    for (const ctx of CONTEXTS) {
      const ar = explainDecision(declaration, ctx, rules, 'ar');
      expect(ar, `${ctx.basis}/${ctx.why}`).toMatch(/^القناة (الحمراء|الصفراء|الزرقاء|الخضراء) \(/);
      expect(latinWords(ar, [...QUOTED, ...QUOTED_CODES]), `${ctx.basis}/${ctx.why}: ${ar}`).toEqual([]);
    }
  });

  it('says the rule, its values, rationale and checks, the valuation, the model and the anomaly in Arabic', () => {
    const ar = explainDecision(declaration, CONTEXTS[1]!, rules, 'ar');
    // The check itself finds the words of a French sentence.
    expect(
      latinWords(explainDecision(declaration, CONTEXTS[1]!, rules, 'fr'), QUOTED).length,
    ).toBeGreaterThan(5);
    expect(ar).toContain('القاعدة «منسوجات دون المرجع» (national الإصدار 3، +40 نقطة)');
    expect(ar).toContain('رمز النظام المنسق = 6208220000');
    expect(ar).toContain('تفرض القناة الحمراء');
    expect(ar).toContain('السبب: كثيرًا ما تُخفَّض قيمتها');
    expect(ar).toContain('ما يجب التحقق منه: فتح الصناديق');
    expect(ar).toContain('غير مصرّح به');
    expect(ar).toContain('textiles-2024، importers-a');
    expect(ar).toContain('• القيمة: القيمة الوحدوية 30 MAD/كلغ');
    expect(ar).toContain('• النموذج gbdt-7: 71 % — قيمة وحدوية منخفضة');
    expect(ar).toContain(
      '• غير مألوف (درجة الشذوذ 0,74، أعلى من 99,5 % من أسطر تدريب النموذج): الكتلة الصافية',
    );
    // Numbers as the web writes Arabic: Morocco's separators, Latin digits.
    expect(ar).toContain(
      'الصنف 1: درجة المخاطر 85,5 = national/textiles +40 القيمة +15 النموذج gbdt-7 +30,5',
    );
  });

  it('stores the three languages, English and French as before', () => {
    const all = explainAll(declaration, CONTEXTS[1]!, rules);
    expect(Object.keys(all)).toEqual(['en', 'fr', 'ar']);
    expect(all.en).toMatch(/^Red channel \(physical inspection\): selected by risk ranking, rank 3 of 49/);
    expect(all.fr).toMatch(/^Circuit rouge \(visite physique\) : sélectionnée par le classement des risques/);
    expect(all.ar).toMatch(/^القناة الحمراء \(معاينة مادية\): منتقاة حسب ترتيب المخاطر، الرتبة 3 من 49/);
  });

  it('reads a rule the analyst wrote without Arabic in French', () => {
    const french = {
      ...rule,
      title: { en: 'Textiles', fr: 'Textiles (fr)' },
      rationale: { en: 'Often', fr: 'Souvent' },
    } as unknown as Rule;
    const hit = { ...item.hits[0]!, title: { en: 'Textiles', fr: 'Textiles (fr)' } };
    const d = { ...declaration, items: [{ ...item, hits: [hit] }], top: { ...item, hits: [hit] } };
    const ar = explainDecision(d, CONTEXTS[0]!, new Map([['1|textiles', french]]), 'ar');
    expect(ar).toContain('مفروضة بالقاعدة «Textiles (fr)»');
    expect(ar).toContain('السبب: Souvent');
  });

  it('describes every indicator in Arabic (codes of settings aside)', () => {
    const indicators = listIndicators();
    expect(indicators.length).toBeGreaterThan(30);
    const settings = ['recent_days', 'fx_ratio', 'mass_ratio', 'hs6_origin', 'hs6', 'hs4'];
    for (const i of indicators) {
      expect(i.description.ar, i.name).toMatch(/[\u0600-\u06FF]/);
      expect(latinWords(i.description.ar, settings), i.name).toEqual([]);
    }
  });
});
