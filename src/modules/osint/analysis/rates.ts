/**
 * A small static currency table, enough to compare a price with a brand's genuine range: the "far below" test uses
 * a 50 % margin, so rates good to ±10 % do not change the outcome. Rates are MAD per unit, mid-2025 averages of
 * Bank Al-Maghrib reference rates, rounded. Update them here; nothing else depends on their exact values.
 */

export const MAD_PER_UNIT: Record<string, number> = {
  MAD: 1,
  EUR: 10.8,
  USD: 9.3,
  GBP: 12.5,
  CHF: 11.4,
  CAD: 6.8,
  CNY: 1.3,
  AED: 2.5,
  SAR: 2.5,
  TRY: 0.25,
};

/** Currency words and symbols as sellers write them (folded: lower case, no accents), mapped to ISO 4217. */
export const CURRENCY_WORDS: Record<string, string> = {
  dh: 'MAD',
  dhs: 'MAD',
  dirham: 'MAD',
  dirhams: 'MAD',
  mad: 'MAD',
  درهم: 'MAD',
  دراهم: 'MAD',
  'د.م': 'MAD',
  'د.م.': 'MAD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  يورو: 'EUR',
  $: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  dolares: 'USD',
  دولار: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  chf: 'CHF',
  cad: 'CAD',
  '¥': 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  cny: 'CNY',
  aed: 'AED',
  sar: 'SAR',
};

export function toMad(amount: number, currency: string): number | null {
  const rate = MAD_PER_UNIT[currency];
  return rate === undefined ? null : Math.round(amount * rate * 100) / 100;
}

/** Converts between two currencies through MAD; null when either has no rate. */
export function convert(amount: number, from: string, to: string): number | null {
  const a = MAD_PER_UNIT[from];
  const b = MAD_PER_UNIT[to];
  return a === undefined || b === undefined ? null : (amount * a) / b;
}
