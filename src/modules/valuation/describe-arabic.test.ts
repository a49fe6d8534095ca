/** A valuation finding in Arabic: the sentence, its provenance and numbers as the web writes Arabic. */
import { describe, expect, it } from 'vitest';
import { latinWords } from '../../../test/arabic.ts';
import { describeFinding, type Finding } from './index.ts';

const finding: Finding = {
  level: 'hs4',
  hs: '6208',
  origin: '',
  unit: 'item',
  currency: 'MAD',
  sample_n: 57,
  window_from: '2023-01-01',
  window_to: '2023-12-31',
  reference_median: 1200,
  reference_q1: 900,
  reference_p10: 600,
  unit_value: 30.5,
  divisor: 10,
  ratio: 0.25,
  robust_z: -3.4,
  undervaluation_amount: 9000,
  duty_rate: 25,
  duties_at_stake: 2250,
  flagged: true,
};

describe('valuation finding in Arabic', () => {
  it('says the unit value against its reference, with no English or French word', () => {
    const ar = describeFinding(finding, 'ar');
    expect(ar).toBe(
      'القيمة الوحدوية 30,5 MAD/وحدة، أي 0,25 × المرجع 1.200 MAD/وحدة (البند 6208، 57 تصريحًا من 2023-01-01 إلى ' +
        '2023-12-31؛ المؤشر z المتين \u200e-3,4)؛ التخفيض المقدَّر للقيمة 9.000 MAD، الرسوم المعنية 2.250 MAD',
    );
    expect(latinWords(ar, ['MAD'])).toEqual([]);
    const noUnder = describeFinding(
      { ...finding, unit: 'kg', undervaluation_amount: 0, level: 'hs6_origin', hs: '620822', origin: 'CN' },
      'ar',
    );
    expect(noUnder).toContain('/كلغ');
    expect(noUnder).toContain('البند الفرعي × المنشأ 620822/CN');
    expect(latinWords(noUnder, ['MAD', 'CN'])).toEqual([]);
  });
});
