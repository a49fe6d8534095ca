import { describe, expect, it } from 'vitest';
import { normalizeText } from '../normalize.ts';
import { extractPrices, normalizeCurrency, parseAmount } from './prices.ts';

const prices = (text: string, currency?: string) =>
  extractPrices(normalizeText(text), text, currency).map((p) => [p.amount, p.currency, p.text]);

describe('parseAmount', () => {
  it.each([
    ['350', 350],
    ['1.200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1.200,00', 1200],
    ['1,200.50', 1200.5],
    ['12.5', 12.5],
    ['1,5', 1.5],
    ['75 000', 75000],
  ])('%s → %d', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });
});

describe('extractPrices', () => {
  it('reads dirhams in every spelling', () => {
    expect(prices('350dh, 400 DH, 120 dhs, 99 MAD, 1500 dirhams, 70 درهم')).toEqual([
      [350, 'MAD', '350dh'],
      [400, 'MAD', '400 DH'],
      [120, 'MAD', '120 dhs'],
      [99, 'MAD', '99 MAD'],
      [1500, 'MAD', '1500 dirhams'],
      [70, 'MAD', '70 درهم'],
    ]);
  });

  it('reads Arabic-Indic digits with their span in the original', () => {
    expect(prices('الثمن ٣٥٠ درهم فقط')).toEqual([[350, 'MAD', '٣٥٠ درهم']]);
  });

  it('reads euros and dollars before or after the number', () => {
    expect(prices('1.200,00 €, €45, $45, 60$, 120 USD, 30 euros')).toEqual([
      [1200, 'EUR', '1.200,00 €'],
      [45, 'EUR', '€45'],
      [45, 'USD', '$45'],
      [60, 'USD', '60$'],
      [120, 'USD', '120 USD'],
      [30, 'EUR', '30 euros'],
    ]);
  });

  it('reads thousands separated by spaces, and k / m suffixes', () => {
    expect(prices('iPhone 15 à partir de 10 990 DH, lot à 1.5k dh, £1m de marchandises')).toEqual([
      [10990, 'MAD', '10 990 DH'],
      [1500, 'MAD', '1.5k dh'],
      [1000000, 'GBP', '£1m'],
    ]);
  });

  it('reads "prix : 350" with the post currency, or MAD', () => {
    expect(prices('Prix : 350, livraison gratuite')).toEqual([[350, 'MAD', '350']]);
    expect(prices('precio 35', 'EUR')).toEqual([[35, 'EUR', '35']]);
  });

  it('ignores numbers that are not prices', () => {
    expect(
      prices('100ml, 3 pour le prix de 2, -30%, saison 2024/25, taille 42, 10 sachets, dhl express'),
    ).toEqual([]);
  });

  it('converts to MAD with the static rate table', () => {
    const [p] = extractPrices(normalizeText('20€'), '20€');
    expect(p?.amount_mad).toBe(216);
  });
});

describe('normalizeCurrency', () => {
  it.each([
    ['dh', 'MAD'],
    ['DHS', 'MAD'],
    ['€', 'EUR'],
    ['eur', 'EUR'],
    ['usd', 'USD'],
    ['TRY', 'TRY'],
    ['', undefined],
    ['dirham!', undefined],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeCurrency(raw)).toBe(iso);
  });
});
