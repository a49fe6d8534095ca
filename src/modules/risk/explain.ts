/**
 * Explanations in plain English, French and Arabic: the channel and why (forced by a rule, ranked within capacity, drawn
 * at random, deferred, released), then for the riskiest item its score and breakdown, each rule hit with the
 * values of the fields and indicators it tested, its rationale and what to check, the valuation finding and the
 * model's reasons. Sensitive intelligence is never part of an explanation.
 */

import { inLang, numberLocale, say, type Texts } from '../../platform/lib/lang.ts';
import { numberFormat } from '../../platform/lib/number-format.ts';
import type { Channel } from '../declarations/index.ts';
import { describeFinding } from '../valuation/index.ts';
import { indicatorOf, type Lang } from './indicators/index.ts';
import { FIELDS, type Value } from './rules/fields.ts';
import { localText, type Rule } from './rules/schema.ts';
import type { DeclarationResult, Hit, ItemScore } from './score.ts';
import type { Basis, MinScore, Why } from './select.ts';

export type { Basis };
/** 'score': a declaration scored alone, its channel indicated by the score thresholds (no selection yet). */
export type ExplainBasis = Basis | 'score';

export interface DecisionContext {
  channel: Channel;
  basis: ExplainBasis;
  /** For 'score': the thresholds of the profile. */
  thresholds?: { red: number; yellow: number };
  /** Rank by expected value among the office-day's candidates (ranked and deferred). */
  rank?: number | null;
  candidates?: number;
  randomShare?: number;
  capacityItems?: number | null;
  capacityMinutes?: number | null;
  /** What decided the channel in the selection (select.ts), with the capacity's split and the minimums. */
  why?: Why;
  takenBy?: string[] | undefined;
  /** Ranked by the mixed ranking for its duties at stake rather than its probability (`rank_by: mixed`). */
  forRevenue?: boolean;
  unit?: 'items' | 'minutes';
  budget?: number;
  slots?: { random: number; red: number; yellow: number };
  minScore?: MinScore;
}

/** The main reason of a random pick, in the queue and the explanation alike. */
export const RANDOM_REASON = {
  en: 'random selection (exploration)',
  fr: 'sélection aléatoire (exploration)',
  ar: 'انتقاء عشوائي (استكشاف)',
} as const;

/** How a list of names is joined in `lang` (Arabic has its own comma). */
const list = (names: readonly string[], lang: Lang) => names.join(lang === 'ar' ? '، ' : ', ');

/** "capacity 20 items: 1 random, 11 red, 8 yellow" */
function capacityText(ctx: DecisionContext, lang: Lang): string {
  const s = ctx.slots ?? { random: 0, red: 0, yellow: 0 };
  const n = (x: number) => formatNumber(x, lang);
  if (lang === 'fr')
    return `capacité ${n(ctx.budget ?? 0)} ${ctx.unit === 'minutes' ? 'minutes' : 'articles'} : ${n(s.random)} aléatoire(s), ${n(s.red)} rouge(s), ${n(s.yellow)} jaune(s)`;
  if (lang === 'ar')
    return `طاقة المراقبة ${n(ctx.budget ?? 0)} ${ctx.unit === 'minutes' ? 'دقيقة' : 'صنفًا'}: ${n(s.random)} عشوائي، ${n(s.red)} أحمر، ${n(s.yellow)} أصفر`;
  return `capacity ${n(ctx.budget ?? 0)} ${ctx.unit === 'minutes' ? 'minutes' : 'items'}: ${n(s.random)} random, ${n(s.red)} red, ${n(s.yellow)} yellow`;
}

/** The capacity or threshold that decided a selected or released declaration; '' without selection facts. */
function decidedBy(d: DeclarationResult, ctx: DecisionContext, lang: Lang): string {
  if (!ctx.why || !ctx.minScore || !ctx.slots) return '';
  const s = formatNumber(d.score, lang);
  const red = formatNumber(ctx.minScore.red, lang);
  const yellow = formatNumber(ctx.minScore.yellow, lang);
  const cap = capacityText(ctx, lang);
  const rank = ctx.rank ?? '–';
  const of = ctx.candidates ?? '–';
  switch (ctx.why) {
    case 'red_slot':
      return say(lang, {
        en: `; red: within the red slots (${cap}), score ${s} ≥ red minimum ${red}`,
        fr: `; rouge : dans les places rouges (${cap}), score ${s} ≥ minimum rouge ${red}`,
        ar: `؛ أحمر: ضمن المقاعد الحمراء (${cap})، درجة المخاطر ${s} ≥ الحد الأدنى للأحمر ${red}`,
      });
    case 'below_red_minimum':
      return say(lang, {
        en: `; yellow: score ${s} below the red minimum ${red} (≥ yellow minimum ${yellow}; ${cap})`,
        fr: `; jaune : score ${s} sous le minimum rouge ${red} (≥ minimum jaune ${yellow}; ${cap})`,
        ar: `؛ أصفر: درجة المخاطر ${s} دون الحد الأدنى للأحمر ${red} (≥ الحد الأدنى للأصفر ${yellow}؛ ${cap})`,
      });
    case 'red_full': {
      const holders = ctx.takenBy?.length
        ? say(lang, {
            en: `taken by ${ctx.takenBy.join(', ')}`,
            fr: `prises par ${ctx.takenBy.join(', ')}`,
            ar: `شغلتها ${list(ctx.takenBy, lang)}`,
          })
        : say(lang, { en: 'no red slot left', fr: 'aucune place rouge ne reste', ar: 'لم يبق أي مقعد أحمر' });
      return say(lang, {
        en: `; yellow although rank ${ctx.rank}: red slots ${holders} (${cap}); score ${s} ≥ red minimum ${red}`,
        fr: `; jaune bien que rang ${ctx.rank} : places rouges ${holders} (${cap}); score ${s} ≥ minimum rouge ${red}`,
        ar: `؛ أصفر رغم الرتبة ${ctx.rank}: المقاعد الحمراء ${holders} (${cap})؛ درجة المخاطر ${s} ≥ الحد الأدنى للأحمر ${red}`,
      });
    }
    case 'below_minimum':
      return say(lang, {
        en: `score ${s} below the yellow minimum ${yellow} (red minimum ${red}): not controlled, whatever the capacity (rank ${rank} of ${of})`,
        fr: `score ${s} sous le minimum jaune ${yellow} (minimum rouge ${red}) : pas de contrôle, quelle que soit la capacité (rang ${rank} sur ${of})`,
        ar: `درجة المخاطر ${s} دون الحد الأدنى للأصفر ${yellow} (الحد الأدنى للأحمر ${red}): لا مراقبة مهما كانت طاقة المراقبة (الرتبة ${rank} من ${of})`,
      });
    case 'capacity_full':
      return say(lang, {
        en: `not selected: rank ${rank} of ${of}, the capacity went to forced, random and better-ranked declarations (${cap}); score ${s} ≥ yellow minimum ${yellow}`,
        fr: `non sélectionnée : rang ${rank} sur ${of}, la capacité est prise par les déclarations imposées, tirées au hasard ou mieux classées (${cap}); score ${s} ≥ minimum jaune ${yellow}`,
        ar: `غير منتقى: الرتبة ${rank} من ${of}، ذهبت طاقة المراقبة إلى التصريحات المفروضة والعشوائية والأعلى رتبة (${cap})؛ درجة المخاطر ${s} ≥ الحد الأدنى للأصفر ${yellow}`,
      });
    default:
      return '';
  }
}

const CHANNEL_WORDS: Record<Lang, Record<Channel, string>> = {
  en: {
    red: 'Red channel (physical inspection)',
    yellow: 'Yellow channel (documentary check)',
    blue: 'Blue channel (released, deferred control)',
    green: 'Green channel (released)',
  },
  fr: {
    red: 'Circuit rouge (visite physique)',
    yellow: 'Circuit jaune (contrôle documentaire)',
    blue: 'Circuit bleu (mainlevée, contrôle différé)',
    green: 'Circuit vert (mainlevée)',
  },
  ar: {
    red: 'القناة الحمراء (معاينة مادية)',
    yellow: 'القناة الصفراء (مراقبة وثائقية)',
    blue: 'القناة الزرقاء (رفع اليد، مراقبة لاحقة)',
    green: 'القناة الخضراء (رفع اليد)',
  },
};

const FIELD_FR: Record<string, string> = {
  reference: 'référence',
  office: 'bureau',
  lodged_on: 'date de dépôt',
  procedure: 'régime',
  transport_mode: 'mode de transport',
  departure_country: 'pays de provenance',
  currency: 'monnaie',
  'declarant.code': 'déclarant',
  'importer.code': 'importateur',
  'importer.name': "nom déclaré de l'importateur",
  'seller.code': 'vendeur',
  'seller.country': 'pays du vendeur',
  'courier.code': 'messagerie',
  'item.line_no': "numéro d'article",
  'item.hs_code': 'code SH',
  'item.description': 'désignation',
  'item.origin_country': "pays d'origine",
  'item.quantity': 'quantité',
  'item.quantity_unit': 'unité',
  'item.net_mass_kg': 'masse nette (kg)',
  'item.customs_value': 'valeur en douane',
  'item.duty_rate': 'taux de droit (%)',
  'item.tax_type': 'régime fiscal',
  'item.origin_indicator': "preuve d'origine",
};

const FIELD_AR: Record<string, string> = {
  reference: 'المرجع',
  office: 'المكتب',
  lodged_on: 'تاريخ الإيداع',
  procedure: 'النظام الجمركي',
  transport_mode: 'وسيلة النقل',
  departure_country: 'بلد الإرسال',
  currency: 'العملة',
  'declarant.code': 'المصرّح',
  'importer.code': 'المستورد',
  'importer.name': 'اسم المستورد المصرّح به',
  'seller.code': 'البائع',
  'seller.country': 'بلد البائع',
  'courier.code': 'شركة البريد السريع',
  'item.line_no': 'رقم الصنف',
  'item.hs_code': 'رمز النظام المنسق',
  'item.description': 'تعيين البضاعة',
  'item.origin_country': 'بلد المنشأ',
  'item.quantity': 'الكمية',
  'item.quantity_unit': 'الوحدة',
  'item.net_mass_kg': 'الكتلة الصافية (كلغ)',
  'item.customs_value': 'القيمة لدى الجمرك',
  'item.duty_rate': 'سعر الرسم (%)',
  'item.tax_type': 'النظام الجبائي',
  'item.origin_indicator': 'إثبات المنشأ',
};

export function formatNumber(x: number, lang: Lang): string {
  const abs = Math.abs(x);
  return numberFormat(numberLocale(lang), {
    maximumFractionDigits: abs >= 100 ? 0 : abs >= 1 ? 2 : 3,
  }).format(x);
}

const pct = (x: number, lang: Lang) => `${formatNumber(x * 100, lang)} %`;

function formatValue(
  subject: string,
  kind: 'field' | 'indicator',
  value: Value,
  lang: Lang,
  hit: Hit,
): string {
  if (value === null || value === undefined)
    return say(lang, { en: 'not given', fr: 'non renseigné', ar: 'غير مصرّح به' });
  if (kind === 'indicator') {
    const def = indicatorOf(subject);
    if (def?.format) return def.format(value, lang);
  }
  if (typeof value === 'boolean')
    return value
      ? say(lang, { en: 'yes', fr: 'oui', ar: 'نعم' })
      : say(lang, { en: 'no', fr: 'non', ar: 'لا' });
  if (typeof value === 'number') return formatNumber(value, lang);
  if (Array.isArray(value)) return list(value.slice(0, 5), lang) + (value.length > 5 ? '…' : '');
  void hit;
  return value;
}

function subjectLabel(subject: string, kind: 'field' | 'indicator', lang: Lang): string {
  // An indicator's description without its asides in brackets reads as a label.
  if (kind === 'indicator')
    return indicatorOf(subject)?.description[lang].replace(/\s*\([^)]*\)/g, '') ?? subject;
  if (lang === 'ar') return FIELD_AR[subject] ?? subject;
  return lang === 'fr' ? (FIELD_FR[subject] ?? subject) : (FIELDS[subject]?.description ?? subject);
}

function describeHit(hit: Hit, rule: Rule | undefined, lang: Lang): string {
  const title = localText(hit.title, lang);
  const sign = hit.points >= 0 ? '+' : '−';
  const points = `${sign}${formatNumber(Math.abs(hit.points), lang)}`;
  const values = hit.values
    .map(
      (v) =>
        `${subjectLabel(v.subject, v.kind, lang)} = ${formatValue(v.subject, v.kind, v.value, lang, hit)}`,
    )
    .join(lang === 'ar' ? '؛ ' : '; ');
  const parts = [
    say(lang, {
      en: `rule "${title}" (${hit.profile} v${hit.version}, ${points} points)`,
      fr: `règle « ${title} » (${hit.profile} v${hit.version}, ${points} points)`,
      ar: `القاعدة «${title}» (${hit.profile} الإصدار ${hit.version}، ${points} نقطة)`,
    }),
  ];
  if (values) parts.push(values);
  if (hit.channel) {
    const channel = hit.channel;
    parts.push(
      say(lang, {
        en: `sets the ${channel} channel`,
        fr: `impose le circuit ${CHANNEL_WORDS.fr[channel].split(' (')[0]!.replace('Circuit ', '')}`,
        ar: `تفرض ${CHANNEL_WORDS.ar[channel].split(' (')[0]}`,
      }),
    );
  }
  if (rule) {
    parts.push(
      `${say(lang, { en: 'why:', fr: 'motif :', ar: 'السبب:' })} ${localText(rule.rationale, lang)}`,
    );
    if (rule.instructions)
      parts.push(
        `${say(lang, { en: 'what to check:', fr: 'à vérifier :', ar: 'ما يجب التحقق منه:' })} ${localText(rule.instructions, lang)}`,
      );
  }
  return parts.join(' — ');
}

function basisSentence(d: DeclarationResult, ctx: DecisionContext, lang: Lang): string {
  const ev = formatNumber(d.expected_value, lang);
  const cur = d.currency ? ` ${d.currency}` : '';
  const p = pct(d.probability, lang);
  switch (ctx.basis) {
    case 'forced': {
      const f = d.forced!;
      const title = localText(
        d.items.find((i) => i.line_no === f.line_no)?.hits.find((h) => h.rule_id === f.rule_id)?.title ??
          f.rule_id,
        lang,
      );
      return say(lang, {
        en: `set by rule "${title}" (${f.profile}, item ${f.line_no})`,
        fr: `imposé par la règle « ${title} » (${f.profile}, article ${f.line_no})`,
        ar: `مفروضة بالقاعدة «${title}» (${f.profile}، الصنف ${f.line_no})`,
      });
    }
    case 'ranked': {
      if (ctx.forRevenue) {
        const stake = formatNumber(
          d.items.reduce((s, it) => s + it.stake, 0),
          lang,
        );
        const decided = decidedBy(d, ctx, lang);
        return say(lang, {
          en: `picked for revenue: duties at stake ${stake}${cur}, rank ${ctx.rank} of ${ctx.candidates} declarations at office ${d.office} on ${d.lodged_on} by the mixed fraud and revenue ranking${decided} (expected duties ${ev}${cur}, fraud probability ${p})`,
          fr: `sélectionnée pour les recettes : droits en jeu ${stake}${cur}, rang ${ctx.rank} sur ${ctx.candidates} déclarations du bureau ${d.office} le ${d.lodged_on} au classement mixte fraude et recettes${decided} (droits espérés ${ev}${cur}, probabilité de fraude ${p})`,
          ar: `منتقاة من أجل المداخيل: الرسوم المعنية ${stake}${cur}، الرتبة ${ctx.rank} من ${ctx.candidates} تصريحًا في المكتب ${d.office} بتاريخ ${d.lodged_on} حسب الترتيب المختلط بين الغش والمداخيل${decided} (الرسوم المتوقعة ${ev}${cur}، احتمال الغش ${p})`,
        });
      }
      const decided = decidedBy(d, ctx, lang);
      return say(lang, {
        en: `selected by risk ranking, rank ${ctx.rank} of ${ctx.candidates} declarations at office ${d.office} on ${d.lodged_on}${decided} (expected duties ${ev}${cur}, fraud probability ${p})`,
        fr: `sélectionnée par le classement des risques, rang ${ctx.rank} sur ${ctx.candidates} déclarations du bureau ${d.office} le ${d.lodged_on}${decided} (droits espérés ${ev}${cur}, probabilité de fraude ${p})`,
        ar: `منتقاة حسب ترتيب المخاطر، الرتبة ${ctx.rank} من ${ctx.candidates} تصريحًا في المكتب ${d.office} بتاريخ ${d.lodged_on}${decided} (الرسوم المتوقعة ${ev}${cur}، احتمال الغش ${p})`,
      });
    }
    case 'score': {
      const t = ctx.thresholds ?? { red: 0, yellow: 0 };
      const s = formatNumber(d.score, lang);
      if (lang === 'ar')
        return ctx.channel === 'red'
          ? `إرشادي: درجة المخاطر ${s} تساوي عتبة الأحمر ${t.red} أو تفوقها (قبل انتقاء اليوم)`
          : ctx.channel === 'yellow'
            ? `إرشادي: درجة المخاطر ${s} تساوي عتبة الأصفر ${t.yellow} أو تفوقها (قبل انتقاء اليوم)`
            : `إرشادي: درجة المخاطر ${s} دون عتبة الأصفر ${t.yellow} (قبل انتقاء اليوم)`;
      if (lang === 'fr')
        return ctx.channel === 'red'
          ? `indicatif : score ${s} au moins égal au seuil rouge ${t.red} (avant la sélection du jour)`
          : ctx.channel === 'yellow'
            ? `indicatif : score ${s} au moins égal au seuil jaune ${t.yellow} (avant la sélection du jour)`
            : `indicatif : score ${s} sous le seuil jaune ${t.yellow} (avant la sélection du jour)`;
      return ctx.channel === 'red'
        ? `indicative: score ${s} at or above the red threshold ${t.red} (before the day's selection)`
        : ctx.channel === 'yellow'
          ? `indicative: score ${s} at or above the yellow threshold ${t.yellow} (before the day's selection)`
          : `indicative: score ${s} below the yellow threshold ${t.yellow} (before the day's selection)`;
    }
    case 'random': {
      const cap = ctx.slots ? capacityText(ctx, lang) : '';
      const squeezed = ctx.why === 'random_squeezed';
      const own = !ctx.slots
        ? ''
        : squeezed
          ? say(lang, {
              en: `; the capacity is too small for the random share and a ranked red slot both: this draw leaves the ranked declarations no red slot today (${cap})`,
              fr: ` ; la capacité est trop petite pour la part aléatoire et une place rouge classée : ce tirage ne laisse aucune place rouge au classement aujourd'hui (${cap})`,
              ar: `؛ طاقة المراقبة أصغر من أن تتسع للحصة العشوائية ولمقعد أحمر مرتب معًا: هذا السحب لا يترك اليوم أي مقعد أحمر للتصريحات المرتبة (${cap})`,
            })
          : say(lang, {
              en: `; the random share has slots of its own, the ranked declarations keep theirs (${cap})`,
              fr: ` ; la part aléatoire a ses propres places, le classement garde les siennes (${cap})`,
              ar: `؛ للحصة العشوائية مقاعدها الخاصة، وتحتفظ التصريحات المرتبة بمقاعدها (${cap})`,
            });
      const share = pct(ctx.randomShare ?? 0, lang);
      return say(lang, {
        en: `${RANDOM_REASON.en}: drawn at random (random share ${share} of capacity, reproducible draw)${own}; random controls measure the true fraud rate and find new fraud, whatever the score`,
        fr: `${RANDOM_REASON.fr} : tirée au hasard (part aléatoire ${share} de la capacité, tirage reproductible)${own} ; les contrôles aléatoires mesurent le vrai taux de fraude et révèlent des fraudes nouvelles, quel que soit le score`,
        ar: `${RANDOM_REASON.ar}: سُحبت عشوائيًا (الحصة العشوائية ${share} من طاقة المراقبة، سحب قابل للإعادة)${own}؛ تقيس المراقبات العشوائية المعدل الحقيقي للغش وتكشف أنماط غش جديدة، مهما كانت درجة المخاطر`,
      });
    }
    case 'deferred':
      return say(lang, {
        en: `ranked just below the inspection capacity (rank ${ctx.rank} of ${ctx.candidates}): released for deferred control (expected duties ${ev}${cur})`,
        fr: `classée juste après la capacité de contrôle (rang ${ctx.rank} sur ${ctx.candidates}) : mainlevée avec contrôle différé (droits espérés ${ev}${cur})`,
        ar: `مرتبة مباشرة بعد طاقة المراقبة (الرتبة ${ctx.rank} من ${ctx.candidates}): رفع اليد مع مراقبة لاحقة (الرسوم المتوقعة ${ev}${cur})`,
      });
    default: {
      const none = d.top.hits.length === 0 && !d.top.finding?.flagged;
      const decided = decidedBy(d, ctx, lang);
      const noIndicator = say(lang, {
        en: 'no risk indicator',
        fr: 'aucun indicateur de risque',
        ar: 'لا يوجد أي مؤشر للمخاطر',
      });
      if (decided)
        return none
          ? `${noIndicator}${lang === 'ar' ? '؛ ' : lang === 'fr' ? ' ; ' : '; '}${decided}`
          : decided;
      if (none) return noIndicator;
      const s = formatNumber(d.score, lang);
      const rank = ctx.rank ?? '–';
      const of = ctx.candidates ?? '–';
      return say(lang, {
        en: `score ${s} below the day's selection (rank ${rank} of ${of})`,
        fr: `score ${s} sous le seuil de sélection du jour (rang ${rank} sur ${of})`,
        ar: `درجة المخاطر ${s} دون عتبة انتقاء اليوم (الرتبة ${rank} من ${of})`,
      });
    }
  }
}

function itemLines(item: ItemScore, rules: Map<string, Rule>, lang: Lang): string[] {
  const out: string[] = [];
  const terms = item.breakdown.map((b) => {
    const label =
      b.source === 'rule'
        ? b.id
        : b.source === 'valuation'
          ? say(lang, { en: 'valuation', fr: 'valeur', ar: 'القيمة' })
          : say(lang, { en: `model ${b.id}`, fr: `modèle ${b.id}`, ar: `النموذج ${b.id}` });
    return `${label} ${b.points >= 0 ? '+' : '−'}${formatNumber(Math.abs(b.points), lang)}`;
  });
  const score = `${formatNumber(item.score, lang)}${terms.length ? ` = ${terms.join(' ')}` : ''}`;
  const p = pct(item.probability, lang);
  out.push(
    say(lang, {
      en: `Item ${item.line_no}: score ${score}, fraud probability ${p}.`,
      fr: `Article ${item.line_no} : score ${score}, probabilité de fraude ${p}.`,
      ar: `الصنف ${item.line_no}: درجة المخاطر ${score}، احتمال الغش ${p}.`,
    }),
  );
  for (const hit of item.hits)
    out.push(`• ${describeHit(hit, rules.get(`${hit.profile_id}|${hit.rule_id}`), lang)}`);
  if (item.finding?.flagged)
    out.push(
      `• ${say(lang, { en: 'Valuation:', fr: 'Valeur :', ar: 'القيمة:' })} ${describeFinding(item.finding, lang)}`,
    );
  if (item.model) {
    const reasons = item.model.reasons.slice(0, 3).map((r) => inLang(r, lang));
    out.push(
      `• ${say(lang, { en: 'Model', fr: 'Modèle', ar: 'النموذج' })} ${item.model.name}${lang === 'fr' ? ' :' : ':'} ${pct(item.model.probability, lang)}${reasons.length ? ` — ${reasons.join(lang === 'ar' ? '؛ ' : '; ')}` : ''}`,
    );
  }
  const anomaly = anomalyLine(item, lang);
  if (anomaly) out.push(anomaly);
  return out;
}

/** An anomaly matters when a rule tested it on this item, or when the item is in the top 1 % of the training lines. */
export const ANOMALY_SHOWN_PERCENTILE = 0.99;
const ANOMALY_INDICATORS = new Set(['model.anomaly', 'model.anomaly_percentile']);

/** "• Unusual (anomaly 0.7, above 98 % of the model's training lines): net mass 40× the usual for HS … from …". */
function anomalyLine(item: ItemScore, lang: Lang): string | null {
  const a = item.model?.anomaly;
  if (!a) return null;
  const tested = item.hits.some((h) => h.values.some((v) => ANOMALY_INDICATORS.has(v.subject)));
  if (!tested && a.percentile < ANOMALY_SHOWN_PERCENTILE) return null;
  const reasons = a.reasons.slice(0, 3).map((r) => inLang(r, lang));
  const score = formatNumber(Math.round(a.score * 100) / 100, lang);
  const above = pct(a.percentile, lang);
  if (lang === 'ar')
    return `• غير مألوف (درجة الشذوذ ${score}، أعلى من ${above} من أسطر تدريب النموذج): ${
      reasons.length
        ? reasons.join('؛ ')
        : 'تركيبة غير مألوفة من قيمه، دون أن تبتعد أي قيمة بمفردها كثيرًا عن مجموعتها'
    }`;
  if (lang === 'fr')
    return `• Inhabituel (anomalie ${score}, au-dessus de ${above} des lignes d’apprentissage du modèle) : ${
      reasons.length
        ? reasons.join(' ; ')
        : 'combinaison inhabituelle de ses valeurs, aucune très éloignée de son groupe à elle seule'
    }`;
  return `• Unusual (anomaly ${score}, above ${above} of the model's training lines): ${
    reasons.length
      ? reasons.join('; ')
      : 'an unusual combination of its values, none far from its group on its own'
  }`;
}

/** The explanation of a decision in one language. `rules` maps profile id|rule id to the rule (for rationale). */
export function explainDecision(
  d: DeclarationResult,
  ctx: DecisionContext,
  rules: Map<string, Rule>,
  lang: Lang,
): string {
  const lines = [
    `${CHANNEL_WORDS[lang][ctx.channel]}${lang === 'fr' ? ' :' : ':'} ${basisSentence(d, ctx, lang)}.`,
  ];
  const risky = d.items.filter((i) => i.hits.length > 0 || i.finding?.flagged || i.model);
  const shown = (risky.length ? risky : [d.top]).sort((a, b) => b.score - a.score).slice(0, 5);
  for (const item of shown) lines.push(...itemLines(item, rules, lang));
  if (risky.length > shown.length)
    lines.push(
      say(lang, {
        en: `(${risky.length - shown.length} more items at risk)`,
        fr: `(${risky.length - shown.length} autres articles à risque)`,
        ar: `(${risky.length - shown.length} أصناف أخرى معرضة للمخاطر)`,
      }),
    );
  return lines.join('\n');
}

/** The explanation in English, French and Arabic, as stored with each decision. */
export function explainAll(d: DeclarationResult, ctx: DecisionContext, rules: Map<string, Rule>): Texts {
  return {
    en: explainDecision(d, ctx, rules, 'en'),
    fr: explainDecision(d, ctx, rules, 'fr'),
    ar: explainDecision(d, ctx, rules, 'ar'),
  };
}

/** Rules of the profiles, by profile id|rule id. */
export function ruleMap(profiles: readonly { id: number; document: { rules: Rule[] } }[]): Map<string, Rule> {
  const m = new Map<string, Rule>();
  for (const p of profiles) for (const r of p.document.rules) m.set(`${p.id}|${r.id}`, r);
  return m;
}
