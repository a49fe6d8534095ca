/**
 * Valuation indicators: the item's unit value against the reference-value database (valuation module), with the
 * reference's provenance as evidence. A back-test passes its own references (`options.references`) so that a
 * period is judged against references built before it.
 */

import { numberLocale, type Texts } from '../../../platform/lib/lang.ts';
import { numberFormat } from '../../../platform/lib/number-format.ts';
import {
  type Finding,
  findingsFor,
  getValuationSettings,
  loadReferences,
  ReferenceIndex,
  unitValueOf,
  type ValuationSettings,
} from '../../valuation/index.ts';
import type { Value } from '../rules/fields.ts';
import { type IndicatorBatch, type IndicatorResult, type Lang, registerIndicator } from './registry.ts';

/** Above this many lines a batch reads every reference at once instead of filtering by HS code. */
const ALL_REFERENCES_FROM = 2000;

export function valuationFindings(batch: IndicatorBatch): Promise<(Finding | null)[]> {
  return batch.once('valuation.findings', async () => {
    const settings =
      (batch.options.valuationSettings as ValuationSettings | undefined) ??
      (await getValuationSettings(batch.db));
    let references = batch.options.references as ReferenceIndex | undefined;
    if (!references) {
      const hs =
        batch.lines.length > ALL_REFERENCES_FROM
          ? null
          : [...new Set(batch.lines.map((l) => l.item.hs_code))];
      references = new ReferenceIndex(await loadReferences(batch.db, hs));
    }
    return findingsFor(batch.lines, references, settings);
  });
}

function provenance(f: Finding) {
  return {
    level: f.level,
    hs: f.hs,
    origin: f.origin || null,
    unit: f.unit,
    currency: f.currency || null,
    sample: f.sample_n,
    window: `${f.window_from}..${f.window_to}`,
    reference_median: f.reference_median,
    unit_value: f.unit_value,
  };
}

const fmt = (x: Value, lang: Lang, digits = 2) =>
  typeof x === 'number'
    ? numberFormat(numberLocale(lang), {
        maximumFractionDigits: Math.abs(x) >= 100 ? 0 : digits,
      }).format(x)
    : String(x);

function fromFinding(
  name: string,
  type: 'number' | 'boolean' | 'text',
  description: Texts,
  pick: (f: Finding) => Value,
  format?: (v: Value, lang: Lang) => string,
) {
  registerIndicator({
    name,
    type,
    description,
    ...(format ? { format } : {}),
    async compute(batch) {
      const findings = await valuationFindings(batch);
      return findings.map((f): IndicatorResult => (f ? { value: pick(f), evidence: provenance(f) } : null));
    },
  });
}

registerIndicator({
  name: 'valuation.unit_value',
  type: 'number',
  description: {
    en: 'declared value per item (when a count is declared) or per kg of net mass',
    fr: 'valeur déclarée par article (quand un nombre est déclaré) ou par kg de masse nette',
    ar: 'القيمة المصرّح بها للوحدة (عند التصريح بعدد) أو للكيلوغرام من الكتلة الصافية',
  },
  format: (v, lang) => fmt(v, lang),
  async compute(batch) {
    const findings = await valuationFindings(batch);
    return batch.lines.map((line, i) => findings[i]?.unit_value ?? unitValueOf(line)[0]?.value ?? null);
  },
});

fromFinding(
  'valuation.ratio',
  'number',
  {
    en: 'unit value ÷ reference median',
    fr: 'valeur unitaire ÷ médiane de référence',
    ar: 'القيمة الوحدوية ÷ الوسيط المرجعي',
  },
  (f) => f.ratio,
  (v, lang) => `${fmt(v, lang)} ×`,
);
fromFinding(
  'valuation.z',
  'number',
  {
    en: 'robust z-score of the unit value (log scale, median and MAD of the reference)',
    fr: 'z robuste de la valeur unitaire (échelle log, médiane et MAD de la référence)',
    ar: 'المؤشر z المتين للقيمة الوحدوية (سلم لوغاريتمي، وسيط المرجع وانحرافه المطلق الوسيط)',
  },
  (f) => f.robust_z,
  (v, lang) => fmt(v, lang),
);
fromFinding(
  'valuation.flagged',
  'boolean',
  {
    en: 'unit value below the flag ratio or z-score of the reference',
    fr: 'valeur unitaire sous le seuil (ratio ou z) de la référence',
    ar: 'قيمة وحدوية دون عتبة المرجع (النسبة أو المؤشر z)',
  },
  (f) => f.flagged,
);
fromFinding(
  'valuation.level',
  'text',
  {
    en: 'reference level used: hs6_origin, hs6 or hs4',
    fr: 'niveau de référence utilisé : hs6_origin, hs6 ou hs4',
    ar: 'مستوى المرجع المستعمل: hs6_origin أو hs6 أو hs4',
  },
  (f) => f.level,
);
fromFinding(
  'valuation.sample',
  'number',
  {
    en: 'declarations behind the reference',
    fr: 'déclarations derrière la référence',
    ar: 'التصريحات التي بُني عليها المرجع',
  },
  (f) => f.sample_n,
);
fromFinding(
  'valuation.undervaluation',
  'number',
  {
    en: 'estimated under-valuation: (reference median − unit value) × quantity',
    fr: 'minoration estimée : (médiane de référence − valeur unitaire) × quantité',
    ar: 'التخفيض المقدَّر للقيمة: (الوسيط المرجعي − القيمة الوحدوية) × الكمية',
  },
  (f) => f.undervaluation_amount,
  (v, lang) => fmt(v, lang),
);
fromFinding(
  'valuation.duties_at_stake',
  'number',
  {
    en: 'duty rate × estimated under-valuation',
    fr: 'taux de droit × minoration estimée',
    ar: 'سعر الرسم × التخفيض المقدَّر للقيمة',
  },
  (f) => f.duties_at_stake,
  (v, lang) => fmt(v, lang),
);
