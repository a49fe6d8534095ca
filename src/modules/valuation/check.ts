/**
 * Valuation findings: each item's unit value against the reference of its HS code × origin (falling back to HS6,
 * then HS4), with the ratio, the robust z-score on the log scale, the estimated under-valuation and the duties at
 * stake. A finding is advisory: it flags and explains, it never replaces the declared value.
 */

import { type Lang, numberLocale } from '../../platform/lib/lang.ts';
import { numberFormat } from '../../platform/lib/number-format.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import {
  LOG_MAD_FLOOR,
  MAD_SCALE,
  MASS_UNITS as MASS_UNIT_LIST,
  type ReferenceLevel,
  type ReferenceRow,
  type ValueUnit,
} from './references.ts';
import type { ValuationSettings } from './settings.ts';

export interface Finding {
  /** Which reference served, and how much evidence stands behind it. */
  level: ReferenceLevel;
  hs: string;
  origin: string;
  unit: ValueUnit;
  currency: string;
  sample_n: number;
  window_from: string;
  window_to: string;
  reference_median: number;
  reference_q1: number;
  reference_p10: number;
  /** Declared value ÷ quantity (unit 'item') or ÷ net mass (unit 'kg'). */
  unit_value: number;
  /** The quantity or mass the unit value divides by. */
  divisor: number;
  ratio: number;
  robust_z: number;
  /** (reference median − unit value) × divisor when positive, in the declaration's currency. */
  undervaluation_amount: number;
  duty_rate: number | null;
  /** Duty rate × the under-valuation amount. */
  duties_at_stake: number;
  /** Below the flag ratio or the flag z-score. */
  flagged: boolean;
}

/** References indexed for lookups: level|hs|origin|unit|currency → row. */
export class ReferenceIndex {
  private readonly map = new Map<string, ReferenceRow>();
  readonly size: number;

  constructor(rows: readonly ReferenceRow[]) {
    for (const r of rows) this.map.set(ReferenceIndex.key(r.level, r.hs, r.origin, r.unit, r.currency), r);
    this.size = rows.length;
  }

  static key(level: string, hs: string, origin: string, unit: string, currency: string): string {
    return `${level}|${hs}|${origin}|${unit}|${currency}`;
  }

  /** The most specific reference: HS6 × origin, then HS6, then HS4. */
  lookup(
    hsCode: string,
    origin: string | null,
    unit: ValueUnit,
    currency: string | null,
  ): ReferenceRow | null {
    const hs6 = hsCode.slice(0, 6);
    const c = currency ?? '';
    if (origin) {
      const r = this.map.get(ReferenceIndex.key('hs6_origin', hs6, origin, unit, c));
      if (r) return r;
    }
    return (
      this.map.get(ReferenceIndex.key('hs6', hs6, '', unit, c)) ??
      this.map.get(ReferenceIndex.key('hs4', hs6.slice(0, 4), '', unit, c)) ??
      null
    );
  }
}

/** A quantity in one of these is a mass, a volume or an area, not a number of items. */
const MASS_UNITS = new Set(MASS_UNIT_LIST);

/** The unit value of an item: per item when a count is declared and a reference exists for it, else per kg. */
export function unitValueOf(line: DeclarationLine): { unit: ValueUnit; value: number; divisor: number }[] {
  const out: { unit: ValueUnit; value: number; divisor: number }[] = [];
  const { quantity, quantity_unit, net_mass_kg, customs_value } = line.item;
  if (!(customs_value > 0)) return out;
  if (quantity && quantity > 0 && !MASS_UNITS.has((quantity_unit ?? '').toLowerCase()))
    out.push({ unit: 'item', value: customs_value / quantity, divisor: quantity });
  if (net_mass_kg && net_mass_kg > 0)
    out.push({ unit: 'kg', value: customs_value / net_mass_kg, divisor: net_mass_kg });
  return out;
}

export function findingFor(
  line: DeclarationLine,
  references: ReferenceIndex,
  settings: Pick<ValuationSettings, 'flag_ratio' | 'flag_z'>,
): Finding | null {
  for (const uv of unitValueOf(line)) {
    const ref = references.lookup(line.item.hs_code, line.item.origin_country, uv.unit, line.currency);
    if (!ref) continue;
    const ratio = uv.value / ref.median;
    const robustZ =
      (Math.log(uv.value) - ref.log_median) / (MAD_SCALE * Math.max(ref.log_mad, LOG_MAD_FLOOR));
    const gap = Math.max(0, (ref.median - uv.value) * uv.divisor);
    const rate = line.item.duty_rate;
    return {
      level: ref.level,
      hs: ref.hs,
      origin: ref.origin,
      unit: uv.unit,
      currency: ref.currency,
      sample_n: ref.n,
      window_from: ref.window_from,
      window_to: ref.window_to,
      reference_median: ref.median,
      reference_q1: ref.q1,
      reference_p10: ref.p10,
      unit_value: uv.value,
      divisor: uv.divisor,
      ratio,
      robust_z: robustZ,
      undervaluation_amount: gap,
      duty_rate: rate,
      duties_at_stake: rate !== null ? (gap * rate) / 100 : 0,
      flagged: ratio < settings.flag_ratio || robustZ < settings.flag_z,
    };
  }
  return null;
}

export function findingsFor(
  lines: readonly DeclarationLine[],
  references: ReferenceIndex,
  settings: Pick<ValuationSettings, 'flag_ratio' | 'flag_z'>,
): (Finding | null)[] {
  return lines.map((line) => findingFor(line, references, settings));
}

const LEVEL_WORDS = {
  en: { hs6_origin: 'HS6 × origin', hs6: 'HS6', hs4: 'HS4' },
  fr: { hs6_origin: 'SH6 × origine', hs6: 'SH6', hs4: 'SH4' },
  ar: { hs6_origin: 'البند الفرعي × المنشأ', hs6: 'البند الفرعي', hs4: 'البند' },
} as const;

function num(x: number, lang: Lang, digits = 2): string {
  const locale = numberLocale(lang);
  // Small values keep two significant digits (a ratio of 0.0015 must not read 0).
  if (x !== 0 && Math.abs(x) < 0.1) return numberFormat(locale, { maximumSignificantDigits: 2 }).format(x);
  return numberFormat(locale, { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : digits }).format(x);
}

/** One sentence on a finding, with its provenance, in English, French or Arabic. */
export function describeFinding(f: Finding, lang: Lang): string {
  const cur = f.currency ? ` ${f.currency}` : '';
  const per =
    lang === 'ar'
      ? f.unit === 'kg'
        ? '/كلغ'
        : '/وحدة'
      : f.unit === 'kg'
        ? '/kg'
        : lang === 'fr'
          ? '/article'
          : '/item';
  const where = `${LEVEL_WORDS[lang][f.level]} ${f.hs}${f.origin ? `/${f.origin}` : ''}`;
  if (lang === 'ar') {
    return (
      `القيمة الوحدوية ${num(f.unit_value, lang)}${cur}${per}، أي ${num(f.ratio, lang)} × المرجع ` +
      `${num(f.reference_median, lang)}${cur}${per} (${where}، ${f.sample_n} تصريحًا من ${f.window_from} إلى ` +
      `${f.window_to}؛ المؤشر z المتين ${num(f.robust_z, lang)})` +
      (f.undervaluation_amount > 0
        ? `؛ التخفيض المقدَّر للقيمة ${num(f.undervaluation_amount, lang)}${cur}، الرسوم المعنية ${num(f.duties_at_stake, lang)}${cur}`
        : '')
    );
  }
  if (lang === 'fr') {
    return (
      `valeur unitaire ${num(f.unit_value, lang)}${cur}${per}, soit ${num(f.ratio, lang)} × la référence ` +
      `${num(f.reference_median, lang)}${cur}${per} (${where}, ${f.sample_n} déclarations du ${f.window_from} au ` +
      `${f.window_to}; z robuste ${num(f.robust_z, lang)})` +
      (f.undervaluation_amount > 0
        ? `; minoration estimée ${num(f.undervaluation_amount, lang)}${cur}, droits en jeu ${num(f.duties_at_stake, lang)}${cur}`
        : '')
    );
  }
  return (
    `unit value ${num(f.unit_value, lang)}${cur}${per} is ${num(f.ratio, lang)} × the reference ` +
    `${num(f.reference_median, lang)}${cur}${per} (${where}, ${f.sample_n} declarations ${f.window_from} to ` +
    `${f.window_to}; robust z ${num(f.robust_z, lang)})` +
    (f.undervaluation_amount > 0
      ? `; estimated under-valuation ${num(f.undervaluation_amount, lang)}${cur}, duties at stake ${num(f.duties_at_stake, lang)}${cur}`
      : '')
  );
}
