/**
 * Prices with their currency: "350dh", "350 DH", "1.200,00 €", "€1,200", "$45", "60$", "1 200 MAD", "٣٥٠ درهم"
 * (Arabic-Indic digits are ASCII in the folded text), "1.5k dh", and "prix : 350" with the post's currency (or MAD).
 * Separators are read the way sellers use them: a dot, comma or space followed by exactly three digits groups
 * thousands; followed by one or two digits it marks decimals.
 */
import { type NormalizedText, originalSpan } from '../normalize.ts';
import { CURRENCY_WORDS, toMad } from '../rates.ts';
import type { PriceEntity } from '../types.ts';

const NUM = String.raw`\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CUR_AFTER = String.raw`dhs|dh|dirhams?|mad|درهم|دراهم|د\.م\.?|euros?|eur|€|usd|us\$|\$|dollars?|dolares|دولار|يورو|£|gbp|chf|¥|rmb|yuan|cny|aed|sar`;
const CUR_BEFORE = String.raw`€|us\$|\$|£|usd|eur|mad|dh`;
const KEYWORD = 'prix|price|precio|tarif|الثمن|السعر|ثمن|بثمن|tmn|tmen|thaman';
const END = String.raw`(?![\p{L}\p{N}])`;

const AFTER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM})\s?([km])?\s?(${CUR_AFTER})${END}`, 'gu');
const BEFORE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${CUR_BEFORE})\s?(${NUM})([km])?${END}`, 'gu');
const KEYWORD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${KEYWORD})\s*:?\s*(${NUM})(?![\p{L}\p{N}%])`,
  'gu',
);

/** Parses "1.200,00", "1,200.50", "1 200", "12.5", "350" into a number. */
export function parseAmount(raw: string): number {
  const s = raw.replace(/\s/g, '');
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (last < 0) return Number(s);
  const tail = s.slice(last + 1);
  if (tail.length === 3) return Number(s.replace(/[.,]/g, ''));
  return Number(`${s.slice(0, last).replace(/[.,]/g, '')}.${tail}`);
}

function currencyOf(word: string): string | undefined {
  return (
    CURRENCY_WORDS[word] ?? CURRENCY_WORDS[word.replace(/\.$/, '')] ?? (word === 'us$' ? 'USD' : undefined)
  );
}

const MULT: Record<string, number> = { k: 1_000, m: 1_000_000 };

/**
 * Prices in the folded text, with spans in the original. `defaultCurrency` applies to "prix : 350" forms only.
 *
 * @example
 * extractPrices(normalizeText('Nike 350dh'), 'Nike 350dh')[0]; // { amount: 350, currency: 'MAD', amount_mad: 350, … }
 */
export function extractPrices(
  norm: NormalizedText,
  original: string,
  defaultCurrency = 'MAD',
): PriceEntity[] {
  const found: PriceEntity[] = [];
  const push = (amount: number, currency: string | undefined, start: number, end: number) => {
    if (!currency || !Number.isFinite(amount) || amount <= 0) return;
    const o = originalSpan(norm, start, end);
    if (found.some((p) => p.start! < o.end && o.start < p.end!)) return; // a currency form already covers it
    found.push({
      amount,
      currency,
      amount_mad: toMad(amount, currency),
      text: original.slice(o.start, o.end),
      start: o.start,
      end: o.end,
    });
  };
  const t = norm.text;
  for (const m of t.matchAll(AFTER_RE)) {
    push(parseAmount(m[1]!) * (MULT[m[2] ?? ''] ?? 1), currencyOf(m[3]!), m.index, m.index + m[0].length);
  }
  for (const m of t.matchAll(BEFORE_RE)) {
    push(parseAmount(m[2]!) * (MULT[m[3] ?? ''] ?? 1), currencyOf(m[1]!), m.index, m.index + m[0].length);
  }
  for (const m of t.matchAll(KEYWORD_RE)) {
    const numStart = m.index + m[0].length - m[1]!.length;
    push(parseAmount(m[1]!), defaultCurrency, numStart, m.index + m[0].length);
  }
  return found.sort((a, b) => a.start! - b.start!);
}

/** Normalises a currency written in a post's `currency` field ("dh", "€", "eur", "MAD") to ISO 4217. */
export function normalizeCurrency(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const folded = raw.trim().toLowerCase();
  return currencyOf(folded) ?? (/^[a-z]{3}$/.test(folded) ? folded.toUpperCase() : undefined);
}
