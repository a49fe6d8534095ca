/**
 * Plain-language reasons, in French or English, for the features that pushed a declaration's score up: the
 * officer reads "unit value 73 % below the reference for HS 620822 from CN", not "uv_ratio_ref = −1.31". One
 * template per feature family; values come from the feature row (what the model saw), the line itself and, for
 * profiles, the raw counts of the feature state (the model sees smoothed rates; people read "5 of 12").
 */

import { numberFormat } from '../../platform/lib/number-format.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import { hs6Of } from './features/keys.ts';

export type Lang = 'fr' | 'en';

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

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');
const NBSP = '\u00a0';

const pct = (x: number, lang: Lang) =>
  `${numberFormat(locale(lang), { maximumFractionDigits: x < 0.1 ? 1 : 0 }).format(x * 100)}${NBSP}%`;

const amount = (x: number, lang: Lang, currency: string | null) => {
  const f = numberFormat(locale(lang), { maximumFractionDigits: Math.abs(x) < 10 ? 2 : 0 });
  const unit = currency ? `${NBSP}${currency}` : '';
  if (Math.abs(x) >= 1e6)
    return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(x / 1e6)}${NBSP}M${unit}`;
  return `${f.format(x)}${unit}`;
};

const count = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(n);

const inspections = (n: number, lang: Lang) =>
  lang === 'fr'
    ? `${count(n, lang)} contrôle${n > 1 ? 's' : ''}`
    : `${count(n, lang)} inspection${n === 1 ? '' : 's'}`;

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
};

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
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
  return (lang === 'fr' ? fr : en)[dim] ?? [dim, dim];
}

function unitValueReason(
  name: string,
  value: number,
  row: ReadonlyMap<string, number>,
  line: DeclarationLine,
  lang: Lang,
) {
  const fr = lang === 'fr';
  const hs6 = hs6Of(line);
  const o = line.item.origin_country ?? '?';
  const basis =
    name === 'uv_ratio_hs6' ? 1 : name === 'uv_ratio_hs6_origin' ? 0 : (row.get('ref_basis') ?? 0);
  const where =
    basis === 0
      ? fr
        ? `pour le SH ${hs6} origine ${o}`
        : `for HS ${hs6} from ${o}`
      : basis === 1
        ? fr
          ? `pour le SH ${hs6} (toutes origines)`
          : `for HS ${hs6} (all origins)`
        : fr
          ? `pour la position ${hs6.slice(0, 4)}`
          : `for heading ${hs6.slice(0, 4)}`;
  if (Number.isNaN(value)) {
    return line.item.net_mass_kg === null
      ? fr
        ? 'masse nette non déclarée : pas de valeur unitaire'
        : 'no net mass declared: no unit value'
      : fr
        ? `aucune valeur unitaire de référence ${where}`
        : `no reference unit value ${where}`;
  }
  const ratio = Math.exp(value);
  if (Math.abs(ratio - 1) < 0.005)
    return fr
      ? `valeur unitaire égale à la référence ${where}`
      : `unit value equal to the reference ${where}`;
  const gap =
    ratio < 1
      ? pct(1 - ratio, lang)
      : ratio < 10
        ? pct(ratio - 1, lang)
        : `×${count(Math.round(ratio), lang)}`;
  if (ratio < 1)
    return fr
      ? `valeur unitaire inférieure de ${gap} à la référence ${where}`
      : `unit value ${gap} below the reference ${where}`;
  if (ratio >= 10)
    return fr ? `valeur unitaire ${gap} la référence ${where}` : `unit value ${gap} the reference ${where}`;
  return fr
    ? `valeur unitaire supérieure de ${gap} à la référence ${where}`
    : `unit value ${gap} above the reference ${where}`;
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
  const fr = lang === 'fr';
  const [whose, what] = subject(dim, line, lang);
  if (Number.isNaN(value)) return fr ? `${what} non renseigné` : `${what} not given`;
  const c = ctx.counts?.(dim);
  const n = c?.[0] ?? row.get(`${dim}_n`) ?? 0;
  if (n === 0) {
    return fr ? `${what} jamais contrôlé auparavant` : `${what} never inspected before`;
  }
  // People read raw counts; the smoothed rate the model used is given when counts are unavailable.
  const hits = c ? (critical ? c[2] : c[1]) : undefined;
  const rate = hits === undefined ? value : hits / n;
  const detail =
    hits === undefined
      ? inspections(n, lang)
      : fr
        ? `${count(hits, lang)} sur ${inspections(n, lang)}`
        : `${count(hits, lang)} of ${inspections(n, lang)}`;
  const kind = critical ? (fr ? 'fraude critique' : 'critical-fraud') : fr ? 'fraude' : 'fraud';
  return fr
    ? `taux de ${kind} passé ${whose} ${pct(rate, lang)} (${detail})`
    : `${whose} past ${kind} rate ${pct(rate, lang)} (${detail})`;
}

function noveltyReason(name: string, value: number, line: DeclarationLine, lang: Lang): string | null {
  const fr = lang === 'fr';
  const hs6 = hs6Of(line);
  const o = line.item.origin_country ?? '?';
  const times = count(value, lang);
  switch (name) {
    case 'importer_hs6_n':
      if (value === 0)
        return fr
          ? `premier contrôle du SH ${hs6} chez cet importateur`
          : `first inspection of HS ${hs6} for this importer`;
      return fr
        ? `SH ${hs6} déjà contrôlé ${times} fois chez cet importateur`
        : `HS ${hs6} inspected ${times} times before for this importer`;
    case 'importer_origin_n':
      if (value === 0)
        return fr
          ? `premier contrôle d'une importation origine ${o} chez cet importateur`
          : `first inspection of an import from ${o} for this importer`;
      return fr
        ? `importations origine ${o} déjà contrôlées ${times} fois chez cet importateur`
        : `imports from ${o} inspected ${times} times before for this importer`;
    case 'declarant_importer_n':
      if (value === 0)
        return fr
          ? 'premier contrôle de ce déclarant pour cet importateur'
          : 'first inspection of this declarant for this importer';
      return fr
        ? `ce déclarant déjà contrôlé ${times} fois pour cet importateur`
        : `this declarant inspected ${times} times before for this importer`;
  }
  return null;
}

const CATEGORICAL_LABELS: Record<string, [string, string]> = {
  office: ['office', 'bureau'],
  procedure: ['procedure', 'procédure'],
  transport_mode: ['transport mode', 'mode de transport'],
  departure_country: ['departure country', 'pays de provenance'],
  origin_country: ['origin', 'origine'],
  tax_type: ['tax type', 'type de taxe'],
  origin_indicator: ['origin indicator', "indicateur d'origine"],
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
  const fr = lang === 'fr';
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
    if (value === 0) return fr ? `${what} jamais contrôlé auparavant` : `${what} never inspected before`;
    return fr
      ? `${what} : ${inspections(value, lang)} auparavant`
      : `${what}: ${inspections(value, lang)} before`;
  }
  switch (name) {
    case 'log_duties': {
      const duties = item.duty_rate === null ? Number.NaN : (item.customs_value * item.duty_rate) / 100;
      return fr
        ? `droits en jeu ${amount(duties, lang, cur)}`
        : `duties at stake ${amount(duties, lang, cur)}`;
    }
    case 'log_value':
      return fr
        ? `valeur déclarée ${amount(item.customs_value, lang, cur)}`
        : `declared value ${amount(item.customs_value, lang, cur)}`;
    case 'log_mass':
      return item.net_mass_kg === null
        ? fr
          ? 'masse nette non déclarée'
          : 'no net mass declared'
        : fr
          ? `masse nette ${count(item.net_mass_kg, lang)} kg`
          : `net mass ${count(item.net_mass_kg, lang)} kg`;
    case 'log_unit_value':
      return fr
        ? `valeur unitaire ${amount(Math.exp(value), lang, cur)}/kg`
        : `unit value ${amount(Math.exp(value), lang, cur)}/kg`;
    case 'log_value_per_item':
      return fr
        ? `valeur par article ${amount(Math.exp(value), lang, cur)}`
        : `value per item ${amount(Math.exp(value), lang, cur)}`;
    case 'duty_rate':
      return fr ? `taux de droit ${count(value, lang)}${NBSP}%` : `duty rate ${count(value, lang)}${NBSP}%`;
    case 'hs2':
    case 'hs4':
    case 'hs6': {
      const code = hs6.slice(0, Number(name.slice(2)));
      return fr ? `marchandise du SH ${code}` : `goods of HS ${code}`;
    }
    case 'weekday':
      return fr ? `déposée un ${WEEKDAYS.fr[value] ?? '?'}` : `lodged on a ${WEEKDAYS.en[value] ?? '?'}`;
    case 'month':
      return fr ? `déposée en ${MONTHS.fr[value - 1] ?? '?'}` : `lodged in ${MONTHS.en[value - 1] ?? '?'}`;
    case 'departure_differs':
      if (Number.isNaN(value)) return fr ? 'provenance ou origine inconnue' : 'departure or origin unknown';
      return value === 1
        ? fr
          ? `expédiée d'un autre pays que l'origine (provenance ${line.departure_country}, origine ${item.origin_country})`
          : `shipped from a country other than the origin (departure ${line.departure_country}, origin ${item.origin_country})`
        : fr
          ? "provenance identique à l'origine"
          : 'departure country equals origin';
    case 'ref_n':
      return fr
        ? `référence de prix fondée sur ${count(value, lang)} déclarations`
        : `price reference based on ${count(value, lang)} declarations`;
    case 'ref_basis':
      return fr ? 'niveau de la référence de prix' : 'level of the price reference';
  }
  if (name.startsWith('cat_')) {
    const field = name.slice(4);
    const label = CATEGORICAL_LABELS[field]?.[fr ? 1 : 0] ?? field.replace(/^attr_/, '').replace(/_/g, ' ');
    return `${label} ${rawValue(field, line) ?? (fr ? 'inconnu' : 'unknown')}`;
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
