/**
 * French (default), English and Arabic (right to left). The language is remembered in the browser; numbers, dates
 * and amounts are formatted for it (Arabic with Latin digits, as Moroccan administrations write them). The messages
 * are data: i18next's JSON resources, the core ones here (fr.json, en.json, ar.json) and each area's beside its pages.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { toolsMessages } from '../components/tools/messages.ts';
import { adminMessages } from '../pages/admin/messages.ts';
import { casesMessages } from '../pages/cases/messages.ts';
import { graphMessages } from '../pages/graph/messages.ts';
import { osintMessages } from '../pages/osint/messages.ts';
import { parcelsMessages } from '../pages/parcels/messages.ts';
import { registerMessages } from '../pages/register/messages.ts';
import { declarationRiskMessages } from '../pages/risk/declaration-messages.ts';
import { riskMessages } from '../pages/risk/messages.ts';
import { rulesMessages } from '../pages/rules/messages.ts';
import { sharingMessages } from '../pages/sharing/messages.ts';
import { targetingMessages } from '../pages/targeting/messages.ts';
import ar from './ar.json';
import type { MessageBundle } from './bundle.ts';
import en from './en.json';
import fr from './fr.json';

export type { MessageBundle } from './bundle.ts';

export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('vigie.language');
const initial: Language = (LANGUAGES as readonly string[]).includes(stored ?? '')
  ? (stored as Language)
  : 'fr';

const BUNDLES: MessageBundle[] = [
  riskMessages,
  declarationRiskMessages,
  rulesMessages,
  osintMessages,
  graphMessages,
  casesMessages,
  toolsMessages,
  adminMessages,
  targetingMessages,
  registerMessages,
  sharingMessages,
  parcelsMessages,
];

function merged(core: Record<string, unknown>, language: Language): Record<string, unknown> {
  const out: Record<string, unknown> = { ...core, errors: { ...(core.errors as object) } };
  for (const bundle of BUNDLES) {
    const { errors, ...rest } = bundle[language];
    for (const key of Object.keys(rest))
      if (key in out) throw new Error(`message bundle redefines "${key}" (${language})`);
    Object.assign(out, rest);
    Object.assign(out.errors as object, errors ?? {});
  }
  return out;
}

/** Every message, by language: the core ones and each area's bundle. */
export const RESOURCES: Record<Language, Record<string, unknown>> = {
  fr: merged(fr, 'fr'),
  en: merged(en satisfies typeof fr, 'en'),
  ar: merged(ar satisfies typeof fr, 'ar'),
};

void i18next.use(initReactI18next).init({
  resources: {
    fr: { translation: RESOURCES.fr },
    en: { translation: RESOURCES.en },
    ar: { translation: RESOURCES.ar },
  },
  lng: initial,
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});

/**
 * What a page needs to speak the user's language: `t`, the language its numbers and dates are formatted for, and
 * whether it reads right to left (charts mirror their axes).
 */
export function useLang() {
  const { t, i18n } = useTranslation();
  return { t, i18n, lang: i18n.language, rtl: direction(i18n.language) === 'rtl' };
}

export function direction(language: string): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function setLanguage(language: Language): void {
  localStorage.setItem('vigie.language', language);
  void i18next.changeLanguage(language);
}

/** The locale for Intl: Arabic for Morocco with Latin digits. */
export function locale(language: string): string {
  return language === 'ar' ? 'ar-MA-u-nu-latn' : language === 'en' ? 'en-GB' : 'fr-FR';
}

export function formatNumber(language: string, value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value);
}

export function formatDate(language: string, day: string | null | undefined): string {
  if (!day) return '—';
  const date = new Date(day.length === 10 ? `${day}T00:00:00Z` : day);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(language: string, at: string | null | undefined): string {
  if (!at) return '—';
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(at),
  );
}

export function formatMoney(language: string, value: number, currency: string | null | undefined): string {
  if (!currency) return formatNumber(language, value, 2);
  try {
    return new Intl.NumberFormat(locale(language), {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${formatNumber(language, value)} ${currency}`;
  }
}

export default i18next;
