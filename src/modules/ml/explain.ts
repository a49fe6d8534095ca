/**
 * Plain-language reasons, in English, French or Arabic, for the features that pushed a declaration's score up: the
 * officer reads "unit value 73 % below the reference for HS 620822 from CN", not "uv_ratio_ref = −1.31". One
 * template per feature family; values come from the feature row (what the model saw), the line itself and, for
 * profiles, the raw counts of the feature state (the model sees smoothed rates; people read "5 of 12").
 */

import { type Lang, numberLocale, say, type Texts } from '../../platform/lib/lang.ts';
import { numberFormat } from '../../platform/lib/number-format.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import { hs6Of } from './features/keys.ts';

export type { Lang };

export interface Contribution {
  feature: string;
  /** The feature's value as the model saw it (NaN: missing). */
  value: number;
  /** SHAP contribution on the log-odds scale; positive pushes towards fraud. */
  contribution: number;
}

export interface Reason extends Contribution {
  text: string;
}

/** What a template may look up beyond the feature row: raw [inspections, frauds, critical] of a profile. */
export interface ExplainContext {
  counts?: (dim: string) => [number, number, number] | undefined;
}

const locale = numberLocale;
const NBSP = '\u00a0';

const pct = (x: number, lang: Lang) =>
  `${numberFormat(locale(lang), { maximumFractionDigits: x < 0.1 ? 1 : 0 }).format(x * 100)}${NBSP}%`;

const amount = (x: number, lang: Lang, currency: string | null) => {
  const f = numberFormat(locale(lang), { maximumFractionDigits: Math.abs(x) < 10 ? 2 : 0 });
  const unit = currency ? `${NBSP}${currency}` : '';
  if (Math.abs(x) >= 1e6)
    return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(x / 1e6)}${NBSP}${lang === 'ar' ? 'مليون' : 'M'}${unit}`;
  return `${f.format(x)}${unit}`;
};

const count = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(n);

const inspections = (n: number, lang: Lang) =>
  say(lang, {
    en: `${count(n, lang)} inspection${n === 1 ? '' : 's'}`,
    fr: `${count(n, lang)} contrôle${n > 1 ? 's' : ''}`,
    ar: `${count(n, lang)} مراقبة`,
  });

const MONTHS: Record<Lang, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  // The months as written in Morocco (the ar-MA locale of the web).
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'ماي',
    'يونيو',
    'يوليوز',
    'غشت',
    'شتنبر',
    'أكتوبر',
    'نونبر',
    'دجنبر',
  ],
};

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
};

/** How a profile dimension reads: [whose (possessive), what (noun phrase)]. */
function subject(dim: string, line: DeclarationLine, lang: Lang): [string, string] {
  const hs6 = hs6Of(line);
  const o = line.item.origin_country ?? '?';
  const en: Record<string, [string, string]> = {
    importer: ["importer's", 'importer'],
    declarant: ["declarant's", 'declarant'],
    seller: ["seller's", 'seller'],
    courier: ["courier's", 'courier'],
    hs6: [`HS ${hs6}'s`, `HS ${hs6}`],
    hs4: [`heading ${hs6.slice(0, 4)}'s`, `heading ${hs6.slice(0, 4)}`],
    hs2: [`chapter ${hs6.slice(0, 2)}'s`, `chapter ${hs6.slice(0, 2)}`],
    origin: [`origin ${o}'s`, `origin ${o}`],
    office: [`office ${line.office}'s`, `office ${line.office}`],
    tax_type: [`tax type ${line.item.tax_type}'s`, `tax type ${line.item.tax_type}`],
    hs6_origin: [`HS ${hs6} from ${o}:`, `HS ${hs6} from ${o}`],
    repeat: [
      `identical declarations (HS ${hs6} from ${o}, same value and mass):`,
      `identical declaration (HS ${hs6} from ${o}, same value and mass)`,
    ],
  };
  const fr: Record<string, [string, string]> = {
    importer: ["de l'importateur", "l'importateur"],
    declarant: ['du déclarant', 'le déclarant'],
    seller: ['du vendeur', 'le vendeur'],
    courier: ['du transporteur express', 'le transporteur express'],
    hs6: [`du SH ${hs6}`, `le SH ${hs6}`],
    hs4: [`de la position ${hs6.slice(0, 4)}`, `la position ${hs6.slice(0, 4)}`],
    hs2: [`du chapitre ${hs6.slice(0, 2)}`, `le chapitre ${hs6.slice(0, 2)}`],
    origin: [`de l'origine ${o}`, `l'origine ${o}`],
    office: [`du bureau ${line.office}`, `le bureau ${line.office}`],
    tax_type: [`du type de taxe ${line.item.tax_type}`, `le type de taxe ${line.item.tax_type}`],
    hs6_origin: [`du SH ${hs6} origine ${o}`, `le SH ${hs6} origine ${o}`],
    repeat: [
      `des déclarations identiques (SH ${hs6} origine ${o}, même valeur et même masse)`,
      `déclaration identique (SH ${hs6} origine ${o}, même valeur et même masse)`,
    ],
  };
  if (lang === 'ar') {
    // Arabic needs no possessive form: "معدل الغش السابق لدى <subject>".
    const ar: Record<string, string> = {
      importer: 'المستورد',
      declarant: 'المصرّح',
      seller: 'البائع',
      courier: 'شركة البريد السريع',
      hs6: `البند الفرعي ${hs6}`,
      hs4: `البند ${hs6.slice(0, 4)}`,
      hs2: `الفصل ${hs6.slice(0, 2)}`,
      origin: `المنشأ ${o}`,
      office: `المكتب ${line.office}`,
      tax_type: `النوع الضريبي ${line.item.tax_type}`,
      hs6_origin: `البند الفرعي ${hs6} من المنشأ ${o}`,
    };
    if (dim === 'repeat')
      return [
        `التصريحات المطابقة (البند الفرعي ${hs6} من المنشأ ${o}، نفس القيمة والكتلة)`,
        `تصريح مطابق (البند الفرعي ${hs6} من المنشأ ${o}، نفس القيمة والكتلة)`,
      ];
    const what = ar[dim] ?? dim;
    return [what, what];
  }
  return (lang === 'fr' ? fr : en)[dim] ?? [dim, dim];
}

function unitValueReason(
  name: string,
  value: number,
  row: ReadonlyMap<string, number>,
  line: DeclarationLine,
  lang: Lang,
) {
  const hs6 = hs6Of(line);
  const o = line.item.origin_country ?? '?';
  const basis =
    name === 'uv_ratio_hs6' ? 1 : name === 'uv_ratio_hs6_origin' ? 0 : (row.get('ref_basis') ?? 0);
  const heading = hs6.slice(0, 4);
  const where =
    basis === 0
      ? say(lang, {
          en: `for HS ${hs6} from ${o}`,
          fr: `pour le SH ${hs6} origine ${o}`,
          ar: `للبند الفرعي ${hs6} من المنشأ ${o}`,
        })
      : basis === 1
        ? say(lang, {
            en: `for HS ${hs6} (all origins)`,
            fr: `pour le SH ${hs6} (toutes origines)`,
            ar: `للبند الفرعي ${hs6} (جميع المناشئ)`,
          })
        : say(lang, {
            en: `for heading ${heading}`,
            fr: `pour la position ${heading}`,
            ar: `للبند ${heading}`,
          });
  if (Number.isNaN(value)) {
    return line.item.net_mass_kg === null
      ? say(lang, {
          en: 'no net mass declared: no unit value',
          fr: 'masse nette non déclarée : pas de valeur unitaire',
          ar: 'لم يُصرَّح بالكتلة الصافية: لا قيمة وحدوية',
        })
      : say(lang, {
          en: `no reference unit value ${where}`,
          fr: `aucune valeur unitaire de référence ${where}`,
          ar: `لا قيمة وحدوية مرجعية ${where}`,
        });
  }
  const ratio = Math.exp(value);
  if (Math.abs(ratio - 1) < 0.005)
    return say(lang, {
      en: `unit value equal to the reference ${where}`,
      fr: `valeur unitaire égale à la référence ${where}`,
      ar: `قيمة وحدوية مساوية للمرجع ${where}`,
    });
  const gap =
    ratio < 1
      ? pct(1 - ratio, lang)
      : ratio < 10
        ? pct(ratio - 1, lang)
        : `×${count(Math.round(ratio), lang)}`;
  if (ratio < 1)
    return say(lang, {
      en: `unit value ${gap} below the reference ${where}`,
      fr: `valeur unitaire inférieure de ${gap} à la référence ${where}`,
      ar: `قيمة وحدوية أقل من المرجع ${where} بنسبة ${gap}`,
    });
  if (ratio >= 10)
    return say(lang, {
      en: `unit value ${gap} the reference ${where}`,
      fr: `valeur unitaire ${gap} la référence ${where}`,
      ar: `قيمة وحدوية تبلغ ${gap} المرجع ${where}`,
    });
  return say(lang, {
    en: `unit value ${gap} above the reference ${where}`,
    fr: `valeur unitaire supérieure de ${gap} à la référence ${where}`,
    ar: `قيمة وحدوية أعلى من المرجع ${where} بنسبة ${gap}`,
  });
}

function profileReason(
  dim: string,
  critical: boolean,
  value: number,
  row: ReadonlyMap<string, number>,
  line: DeclarationLine,
  lang: Lang,
  ctx: ExplainContext,
) {
  const [whose, what] = subject(dim, line, lang);
  if (Number.isNaN(value))
    return say(lang, { en: `${what} not given`, fr: `${what} non renseigné`, ar: `${what} غير مصرّح به` });
  const c = ctx.counts?.(dim);
  const n = c?.[0] ?? row.get(`${dim}_n`) ?? 0;
  if (n === 0) return neverInspected(what, lang);
  // People read raw counts; the smoothed rate the model used is given when counts are unavailable.
  const hits = c ? (critical ? c[2] : c[1]) : undefined;
  const rate = hits === undefined ? value : hits / n;
  const all = inspections(n, lang);
  const detail =
    hits === undefined
      ? all
      : say(lang, {
          en: `${count(hits, lang)} of ${all}`,
          fr: `${count(hits, lang)} sur ${all}`,
          ar: `${count(hits, lang)} من أصل ${all}`,
        });
  const kind = critical
    ? say(lang, { en: 'critical-fraud', fr: 'fraude critique', ar: 'الغش الخطير' })
    : say(lang, { en: 'fraud', fr: 'fraude', ar: 'الغش' });
  const p = pct(rate, lang);
  return say(lang, {
    en: `${whose} past ${kind} rate ${p} (${detail})`,
    fr: `taux de ${kind} passé ${whose} ${p} (${detail})`,
    ar: `معدل ${kind} السابق لدى ${whose} ${p} (${detail})`,
  });
}

const neverInspected = (what: string, lang: Lang) =>
  say(lang, {
    en: `${what} never inspected before`,
    fr: `${what} jamais contrôlé auparavant`,
    ar: `${what} لم يخضع لأي مراقبة من قبل`,
  });

function noveltyReason(name: string, value: number, line: DeclarationLine, lang: Lang): string | null {
  const hs6 = hs6Of(line);
  const o = line.item.origin_country ?? '?';
  const times = count(value, lang);
  switch (name) {
    case 'importer_hs6_n':
      if (value === 0)
        return say(lang, {
          en: `first inspection of HS ${hs6} for this importer`,
          fr: `premier contrôle du SH ${hs6} chez cet importateur`,
          ar: `أول مراقبة للبند الفرعي ${hs6} لدى هذا المستورد`,
        });
      return say(lang, {
        en: `HS ${hs6} inspected ${times} times before for this importer`,
        fr: `SH ${hs6} déjà contrôlé ${times} fois chez cet importateur`,
        ar: `البند الفرعي ${hs6} خضع للمراقبة ${times} مرة من قبل لدى هذا المستورد`,
      });
    case 'importer_origin_n':
      if (value === 0)
        return say(lang, {
          en: `first inspection of an import from ${o} for this importer`,
          fr: `premier contrôle d'une importation origine ${o} chez cet importateur`,
          ar: `أول مراقبة لاستيراد من المنشأ ${o} لدى هذا المستورد`,
        });
      return say(lang, {
        en: `imports from ${o} inspected ${times} times before for this importer`,
        fr: `importations origine ${o} déjà contrôlées ${times} fois chez cet importateur`,
        ar: `الواردات من المنشأ ${o} خضعت للمراقبة ${times} مرة من قبل لدى هذا المستورد`,
      });
    case 'declarant_importer_n':
      if (value === 0)
        return say(lang, {
          en: 'first inspection of this declarant for this importer',
          fr: 'premier contrôle de ce déclarant pour cet importateur',
          ar: 'أول مراقبة لهذا المصرّح لحساب هذا المستورد',
        });
      return say(lang, {
        en: `this declarant inspected ${times} times before for this importer`,
        fr: `ce déclarant déjà contrôlé ${times} fois pour cet importateur`,
        ar: `هذا المصرّح خضع للمراقبة ${times} مرة من قبل لحساب هذا المستورد`,
      });
  }
  return null;
}

const CATEGORICAL_LABELS: Record<string, Texts> = {
  office: { en: 'office', fr: 'bureau', ar: 'المكتب' },
  procedure: { en: 'procedure', fr: 'procédure', ar: 'النظام الجمركي' },
  transport_mode: { en: 'transport mode', fr: 'mode de transport', ar: 'وسيلة النقل' },
  departure_country: { en: 'departure country', fr: 'pays de provenance', ar: 'بلد الإرسال' },
  origin_country: { en: 'origin', fr: 'origine', ar: 'المنشأ' },
  tax_type: { en: 'tax type', fr: 'type de taxe', ar: 'النوع الضريبي' },
  origin_indicator: { en: 'origin indicator', fr: "indicateur d'origine", ar: 'مؤشر المنشأ' },
};

function rawValue(field: string, line: DeclarationLine): string | null {
  if (field.startsWith('attr_')) return line.attributes[field.slice(5)] ?? null;
  const values: Record<string, string | null> = {
    office: line.office,
    procedure: line.procedure,
    transport_mode: line.transport_mode,
    departure_country: line.departure_country,
    origin_country: line.item.origin_country,
    tax_type: line.item.tax_type,
    origin_indicator: line.item.origin_indicator,
  };
  return values[field] ?? null;
}

/** One sentence for one contribution. `row` maps feature names to the values the model saw for this line. */
export function describeFeature(
  name: string,
  value: number,
  row: ReadonlyMap<string, number>,
  line: DeclarationLine,
  lang: Lang,
  ctx: ExplainContext = {},
): string {
  const hs6 = hs6Of(line);
  const item = line.item;
  const cur = line.currency;
  if (name.startsWith('uv_ratio_')) return unitValueReason(name, value, row, line, lang);
  const novelty = noveltyReason(name, value, line, lang);
  if (novelty) return novelty;
  let match = /^(.+)_critical_rate$/.exec(name);
  if (match) return profileReason(match[1]!, true, value, row, line, lang, ctx);
  match = /^(.+)_rate$/.exec(name);
  if (match && name !== 'duty_rate') return profileReason(match[1]!, false, value, row, line, lang, ctx);
  match = /^(.+)_n$/.exec(name);
  if (match && name !== 'ref_n') {
    const what = subject(match[1]!, line, lang)[1];
    if (value === 0) return neverInspected(what, lang);
    const all = inspections(value, lang);
    return say(lang, {
      en: `${what}: ${all} before`,
      fr: `${what} : ${all} auparavant`,
      ar: `${what}: ${all} من قبل`,
    });
  }
  switch (name) {
    case 'log_duties': {
      const duties = item.duty_rate === null ? Number.NaN : (item.customs_value * item.duty_rate) / 100;
      const a = amount(duties, lang, cur);
      return say(lang, { en: `duties at stake ${a}`, fr: `droits en jeu ${a}`, ar: `الرسوم المعنية ${a}` });
    }
    case 'log_value': {
      const a = amount(item.customs_value, lang, cur);
      return say(lang, {
        en: `declared value ${a}`,
        fr: `valeur déclarée ${a}`,
        ar: `القيمة المصرّح بها ${a}`,
      });
    }
    case 'log_mass': {
      if (item.net_mass_kg === null)
        return say(lang, {
          en: 'no net mass declared',
          fr: 'masse nette non déclarée',
          ar: 'لم يُصرَّح بالكتلة الصافية',
        });
      const kg = count(item.net_mass_kg, lang);
      return say(lang, {
        en: `net mass ${kg} kg`,
        fr: `masse nette ${kg} kg`,
        ar: `الكتلة الصافية ${kg} كلغ`,
      });
    }
    case 'log_unit_value': {
      const a = amount(Math.exp(value), lang, cur);
      return say(lang, {
        en: `unit value ${a}/kg`,
        fr: `valeur unitaire ${a}/kg`,
        ar: `القيمة الوحدوية ${a}/كلغ`,
      });
    }
    case 'log_value_per_item': {
      const a = amount(Math.exp(value), lang, cur);
      return say(lang, {
        en: `value per item ${a}`,
        fr: `valeur par article ${a}`,
        ar: `القيمة للوحدة ${a}`,
      });
    }
    case 'duty_rate': {
      const rate = `${count(value, lang)}${NBSP}%`;
      return say(lang, { en: `duty rate ${rate}`, fr: `taux de droit ${rate}`, ar: `سعر الرسم ${rate}` });
    }
    case 'hs2':
    case 'hs4':
    case 'hs6': {
      const code = hs6.slice(0, Number(name.slice(2)));
      return say(lang, {
        en: `goods of HS ${code}`,
        fr: `marchandise du SH ${code}`,
        ar: `بضاعة من رمز النظام المنسق ${code}`,
      });
    }
    case 'weekday':
      return say(lang, {
        en: `lodged on a ${WEEKDAYS.en[value] ?? '?'}`,
        fr: `déposée un ${WEEKDAYS.fr[value] ?? '?'}`,
        ar: `مودعة يوم ${WEEKDAYS.ar[value] ?? '?'}`,
      });
    case 'month':
      return say(lang, {
        en: `lodged in ${MONTHS.en[value - 1] ?? '?'}`,
        fr: `déposée en ${MONTHS.fr[value - 1] ?? '?'}`,
        ar: `مودعة في شهر ${MONTHS.ar[value - 1] ?? '?'}`,
      });
    case 'departure_differs':
      if (Number.isNaN(value))
        return say(lang, {
          en: 'departure or origin unknown',
          fr: 'provenance ou origine inconnue',
          ar: 'بلد الإرسال أو المنشأ غير معروف',
        });
      return value === 1
        ? say(lang, {
            en: `shipped from a country other than the origin (departure ${line.departure_country}, origin ${item.origin_country})`,
            fr: `expédiée d'un autre pays que l'origine (provenance ${line.departure_country}, origine ${item.origin_country})`,
            ar: `مرسلة من بلد غير بلد المنشأ (الإرسال ${line.departure_country}، المنشأ ${item.origin_country})`,
          })
        : say(lang, {
            en: 'departure country equals origin',
            fr: "provenance identique à l'origine",
            ar: 'بلد الإرسال مطابق لبلد المنشأ',
          });
    case 'ref_n': {
      const n = count(value, lang);
      return say(lang, {
        en: `price reference based on ${n} declarations`,
        fr: `référence de prix fondée sur ${n} déclarations`,
        ar: `مرجع السعر مبني على ${n} تصريحًا`,
      });
    }
    case 'ref_basis':
      return say(lang, {
        en: 'level of the price reference',
        fr: 'niveau de la référence de prix',
        ar: 'مستوى مرجع السعر',
      });
  }
  if (name.startsWith('cat_')) {
    const field = name.slice(4);
    // Attribute names come from the data (import profiles): shown as they are.
    const label = CATEGORICAL_LABELS[field]?.[lang] ?? field.replace(/^attr_/, '').replace(/_/g, ' ');
    return `${label} ${rawValue(field, line) ?? say(lang, { en: 'unknown', fr: 'inconnu', ar: 'غير معروف' })}`;
  }
  return `${name} = ${value}`;
}

/** The top `k` positive contributions as reasons (strongest first). */
export function reasonsFrom(
  contributions: Contribution[],
  line: DeclarationLine,
  lang: Lang,
  k = 5,
  ctx: ExplainContext = {},
): Reason[] {
  const row = new Map(contributions.map((c) => [c.feature, c.value]));
  return contributions
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, k)
    .map((c) => ({ ...c, text: describeFeature(c.feature, c.value, row, line, lang, ctx) }));
}
