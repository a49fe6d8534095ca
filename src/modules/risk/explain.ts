/**
 * Explanations in plain French and English: the channel and why (forced by a rule, ranked within capacity, drawn
 * at random, deferred, released), then for the riskiest item its score and breakdown, each rule hit with the
 * values of the fields and indicators it tested, its rationale and what to check, the valuation finding and the
 * model's reasons. Sensitive intelligence is never part of an explanation.
 */

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
} as const;

/** "capacity 20 items: 1 random, 11 red, 8 yellow" */
function capacityText(ctx: DecisionContext, lang: Lang): string {
  const s = ctx.slots ?? { random: 0, red: 0, yellow: 0 };
  const n = (x: number) => formatNumber(x, lang);
  if (lang === 'fr')
    return `capacité ${n(ctx.budget ?? 0)} ${ctx.unit === 'minutes' ? 'minutes' : 'articles'} : ${n(s.random)} aléatoire(s), ${n(s.red)} rouge(s), ${n(s.yellow)} jaune(s)`;
  return `capacity ${n(ctx.budget ?? 0)} ${ctx.unit === 'minutes' ? 'minutes' : 'items'}: ${n(s.random)} random, ${n(s.red)} red, ${n(s.yellow)} yellow`;
}

/** The capacity or threshold that decided a selected or released declaration; '' without selection facts. */
function decidedBy(d: DeclarationResult, ctx: DecisionContext, lang: Lang): string {
  if (!ctx.why || !ctx.minScore || !ctx.slots) return '';
  const s = formatNumber(d.score, lang);
  const red = formatNumber(ctx.minScore.red, lang);
  const yellow = formatNumber(ctx.minScore.yellow, lang);
  const cap = capacityText(ctx, lang);
  const fr = lang === 'fr';
  switch (ctx.why) {
    case 'red_slot':
      return fr
        ? `; rouge : dans les places rouges (${cap}), score ${s} ≥ minimum rouge ${red}`
        : `; red: within the red slots (${cap}), score ${s} ≥ red minimum ${red}`;
    case 'below_red_minimum':
      return fr
        ? `; jaune : score ${s} sous le minimum rouge ${red} (≥ minimum jaune ${yellow}; ${cap})`
        : `; yellow: score ${s} below the red minimum ${red} (≥ yellow minimum ${yellow}; ${cap})`;
    case 'red_full': {
      const holders = ctx.takenBy?.length
        ? fr
          ? `prises par ${ctx.takenBy.join(', ')}`
          : `taken by ${ctx.takenBy.join(', ')}`
        : fr
          ? 'aucune place rouge ne reste'
          : 'no red slot left';
      return fr
        ? `; jaune bien que rang ${ctx.rank} : places rouges ${holders} (${cap}); score ${s} ≥ minimum rouge ${red}`
        : `; yellow although rank ${ctx.rank}: red slots ${holders} (${cap}); score ${s} ≥ red minimum ${red}`;
    }
    case 'below_minimum':
      return fr
        ? `score ${s} sous le minimum jaune ${yellow} (minimum rouge ${red}) : pas de contrôle, quelle que soit la capacité (rang ${ctx.rank ?? '–'} sur ${ctx.candidates ?? '–'})`
        : `score ${s} below the yellow minimum ${yellow} (red minimum ${red}): not controlled, whatever the capacity (rank ${ctx.rank ?? '–'} of ${ctx.candidates ?? '–'})`;
    case 'capacity_full':
      return fr
        ? `non sélectionnée : rang ${ctx.rank ?? '–'} sur ${ctx.candidates ?? '–'}, la capacité est prise par les déclarations imposées, tirées au hasard ou mieux classées (${cap}); score ${s} ≥ minimum jaune ${yellow}`
        : `not selected: rank ${ctx.rank ?? '–'} of ${ctx.candidates ?? '–'}, the capacity went to forced, random and better-ranked declarations (${cap}); score ${s} ≥ yellow minimum ${yellow}`;
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

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

export function formatNumber(x: number, lang: Lang): string {
  const abs = Math.abs(x);
  return numberFormat(locale(lang), {
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
  if (value === null || value === undefined) return lang === 'fr' ? 'non renseigné' : 'not given';
  if (kind === 'indicator') {
    const def = indicatorOf(subject);
    if (def?.format) return def.format(value, lang);
  }
  if (typeof value === 'boolean')
    return value ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (Array.isArray(value)) return value.slice(0, 5).join(', ') + (value.length > 5 ? '…' : '');
  void hit;
  return value;
}

function subjectLabel(subject: string, kind: 'field' | 'indicator', lang: Lang): string {
  // An indicator's description without its asides in brackets reads as a label.
  if (kind === 'indicator')
    return indicatorOf(subject)?.description[lang].replace(/\s*\([^)]*\)/g, '') ?? subject;
  return lang === 'fr' ? (FIELD_FR[subject] ?? subject) : (FIELDS[subject]?.description ?? subject);
}

function describeHit(hit: Hit, rule: Rule | undefined, lang: Lang): string {
  const title = localText(hit.title, lang);
  const sign = hit.points >= 0 ? '+' : '−';
  const values = hit.values
    .map(
      (v) =>
        `${subjectLabel(v.subject, v.kind, lang)} = ${formatValue(v.subject, v.kind, v.value, lang, hit)}`,
    )
    .join('; ');
  const parts = [
    lang === 'fr'
      ? `règle « ${title} » (${hit.profile} v${hit.version}, ${sign}${formatNumber(Math.abs(hit.points), lang)} points)`
      : `rule "${title}" (${hit.profile} v${hit.version}, ${sign}${formatNumber(Math.abs(hit.points), lang)} points)`,
  ];
  if (values) parts.push(values);
  if (hit.channel)
    parts.push(
      lang === 'fr'
        ? `impose le circuit ${CHANNEL_WORDS.fr[hit.channel].split(' (')[0]!.replace('Circuit ', '')}`
        : `sets the ${hit.channel} channel`,
    );
  if (rule) {
    parts.push(`${lang === 'fr' ? 'motif :' : 'why:'} ${localText(rule.rationale, lang)}`);
    if (rule.instructions)
      parts.push(
        `${lang === 'fr' ? 'à vérifier :' : 'what to check:'} ${localText(rule.instructions, lang)}`,
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
      return lang === 'fr'
        ? `imposé par la règle « ${title} » (${f.profile}, article ${f.line_no})`
        : `set by rule "${title}" (${f.profile}, item ${f.line_no})`;
    }
    case 'ranked': {
      if (ctx.forRevenue) {
        const stake = formatNumber(
          d.items.reduce((s, it) => s + it.stake, 0),
          lang,
        );
        return lang === 'fr'
          ? `sélectionnée pour les recettes : droits en jeu ${stake}${cur}, rang ${ctx.rank} sur ${ctx.candidates} déclarations du bureau ${d.office} le ${d.lodged_on} au classement mixte fraude et recettes${decidedBy(d, ctx, lang)} (droits espérés ${ev}${cur}, probabilité de fraude ${p})`
          : `picked for revenue: duties at stake ${stake}${cur}, rank ${ctx.rank} of ${ctx.candidates} declarations at office ${d.office} on ${d.lodged_on} by the mixed fraud and revenue ranking${decidedBy(d, ctx, lang)} (expected duties ${ev}${cur}, fraud probability ${p})`;
      }
      return lang === 'fr'
        ? `sélectionnée par le classement des risques, rang ${ctx.rank} sur ${ctx.candidates} déclarations du bureau ${d.office} le ${d.lodged_on}${decidedBy(d, ctx, lang)} (droits espérés ${ev}${cur}, probabilité de fraude ${p})`
        : `selected by risk ranking, rank ${ctx.rank} of ${ctx.candidates} declarations at office ${d.office} on ${d.lodged_on}${decidedBy(d, ctx, lang)} (expected duties ${ev}${cur}, fraud probability ${p})`;
    }
    case 'score': {
      const t = ctx.thresholds ?? { red: 0, yellow: 0 };
      const s = formatNumber(d.score, lang);
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
      const own = ctx.slots
        ? lang === 'fr'
          ? ctx.why === 'random_squeezed'
            ? ` ; la capacité est trop petite pour la part aléatoire et une place rouge classée : ce tirage ne laisse aucune place rouge au classement aujourd'hui (${capacityText(ctx, lang)})`
            : ` ; la part aléatoire a ses propres places, le classement garde les siennes (${capacityText(ctx, lang)})`
          : ctx.why === 'random_squeezed'
            ? `; the capacity is too small for the random share and a ranked red slot both: this draw leaves the ranked declarations no red slot today (${capacityText(ctx, lang)})`
            : `; the random share has slots of its own, the ranked declarations keep theirs (${capacityText(ctx, lang)})`
        : '';
      return lang === 'fr'
        ? `${RANDOM_REASON.fr} : tirée au hasard (part aléatoire ${pct(ctx.randomShare ?? 0, lang)} de la capacité, tirage reproductible)${own} ; les contrôles aléatoires mesurent le vrai taux de fraude et révèlent des fraudes nouvelles, quel que soit le score`
        : `${RANDOM_REASON.en}: drawn at random (random share ${pct(ctx.randomShare ?? 0, lang)} of capacity, reproducible draw)${own}; random controls measure the true fraud rate and find new fraud, whatever the score`;
    }
    case 'deferred':
      return lang === 'fr'
        ? `classée juste après la capacité de contrôle (rang ${ctx.rank} sur ${ctx.candidates}) : mainlevée avec contrôle différé (droits espérés ${ev}${cur})`
        : `ranked just below the inspection capacity (rank ${ctx.rank} of ${ctx.candidates}): released for deferred control (expected duties ${ev}${cur})`;
    default: {
      const none = d.top.hits.length === 0 && !d.top.finding?.flagged;
      const decided = decidedBy(d, ctx, lang);
      if (decided)
        return none
          ? `${lang === 'fr' ? 'aucun indicateur de risque ; ' : 'no risk indicator; '}${decided}`
          : decided;
      return none
        ? lang === 'fr'
          ? 'aucun indicateur de risque'
          : 'no risk indicator'
        : lang === 'fr'
          ? `score ${formatNumber(d.score, lang)} sous le seuil de sélection du jour (rang ${ctx.rank ?? '–'} sur ${ctx.candidates ?? '–'})`
          : `score ${formatNumber(d.score, lang)} below the day's selection (rank ${ctx.rank ?? '–'} of ${ctx.candidates ?? '–'})`;
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
          ? lang === 'fr'
            ? 'valeur'
            : 'valuation'
          : lang === 'fr'
            ? `modèle ${b.id}`
            : `model ${b.id}`;
    return `${label} ${b.points >= 0 ? '+' : '−'}${formatNumber(Math.abs(b.points), lang)}`;
  });
  out.push(
    lang === 'fr'
      ? `Article ${item.line_no} : score ${formatNumber(item.score, lang)}${terms.length ? ` = ${terms.join(' ')}` : ''}, probabilité de fraude ${pct(item.probability, lang)}.`
      : `Item ${item.line_no}: score ${formatNumber(item.score, lang)}${terms.length ? ` = ${terms.join(' ')}` : ''}, fraud probability ${pct(item.probability, lang)}.`,
  );
  for (const hit of item.hits)
    out.push(`• ${describeHit(hit, rules.get(`${hit.profile_id}|${hit.rule_id}`), lang)}`);
  if (item.finding?.flagged)
    out.push(`• ${lang === 'fr' ? 'Valeur :' : 'Valuation:'} ${describeFinding(item.finding, lang)}`);
  if (item.model) {
    const reasons = item.model.reasons.slice(0, 3).map((r) => r[lang]);
    out.push(
      `• ${lang === 'fr' ? 'Modèle' : 'Model'} ${item.model.name}${lang === 'fr' ? ' :' : ':'} ${pct(item.model.probability, lang)}${reasons.length ? ` — ${reasons.join('; ')}` : ''}`,
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
  const reasons = a.reasons.slice(0, 3).map((r) => r[lang]);
  const score = formatNumber(Math.round(a.score * 100) / 100, lang);
  const above = pct(a.percentile, lang);
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
      lang === 'fr'
        ? `(${risky.length - shown.length} autres articles à risque)`
        : `(${risky.length - shown.length} more items at risk)`,
    );
  return lines.join('\n');
}

export function explainBoth(
  d: DeclarationResult,
  ctx: DecisionContext,
  rules: Map<string, Rule>,
): { en: string; fr: string } {
  return { en: explainDecision(d, ctx, rules, 'en'), fr: explainDecision(d, ctx, rules, 'fr') };
}

/** Rules of the profiles, by profile id|rule id. */
export function ruleMap(profiles: readonly { id: number; document: { rules: Rule[] } }[]): Map<string, Rule> {
  const m = new Map<string, Rule>();
  for (const p of profiles) for (const r of p.document.rules) m.set(`${p.id}|${r.id}`, r);
  return m;
}
