/**
 * The languages explanations and reasons are written in (docs/decisions/0043-arabic-explanations.md): English,
 * French and Arabic, with the number locale of each — Arabic follows the web (Morocco, Latin digits).
 */

export const LANGS = ['en', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

/** One text per language, as written today. */
export type Texts = Record<Lang, string>;

/** A text as stored: rows and documents written before Arabic existed have no `ar`. */
export interface StoredTexts {
  en: string;
  fr: string;
  ar?: string | undefined;
}

/** The Intl locale numbers are formatted with (the web's `locale()` for Arabic: ar-MA with Latin digits). */
export function numberLocale(lang: Lang): string {
  return lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'fr' ? 'fr-FR' : 'en-US';
}

/** The sentence in `lang`, each language written out in full (no word-by-word assembly across languages). */
export function say(lang: Lang, texts: Texts): string {
  return texts[lang];
}

/** The text in `lang`; a text without Arabic (stored before it existed, or not written by an analyst) reads French. */
export function inLang(t: StoredTexts, lang: Lang): string {
  return lang === 'ar' ? (t.ar ?? t.fr) : t[lang];
}

/** The three texts, Arabic falling back to French when absent (old stored rows). */
export function withArabic<T extends StoredTexts>(t: T): T & Texts {
  return { ...t, ar: t.ar ?? t.fr };
}
