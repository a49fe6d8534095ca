import { describe, expect, it } from 'vitest';
import { normalizeText } from '../normalize.ts';
import { extractPhones } from './phones.ts';

const phones = (text: string) => extractPhones(normalizeText(text), text);

// Fictitious numbers in Moroccan mobile ranges: sequences nobody is assigned on purpose.
describe('extractPhones', () => {
  it.each([
    ['+212 6 12 34 56 78'],
    ['06.12.34.56.78'],
    ['0612345678'],
    ['00212612345678'],
    ['+212-612-345678'],
    ['06 12 34 56 78'],
    ['06-12-34-56-78'],
    ['(+212) 612 345 678'],
    ['212612345678'],
    ['٠٦١٢٣٤٥٦٧٨'],
  ])('reads %s as +212612345678', (written) => {
    const [p] = phones(`Contact ${written} svp`);
    expect(p?.e164).toBe('+212612345678');
    expect(p?.text).toBe(written);
  });

  it('keeps spans in the original text, Arabic-Indic digits included', () => {
    const text = 'للتواصل ٠٦١٢٣٤٥٦٧٨ شكرا';
    const [p] = phones(text);
    expect(text.slice(p!.start, p!.end)).toBe('٠٦١٢٣٤٥٦٧٨');
  });

  it('reads landlines and foreign numbers', () => {
    expect(phones('Boutique: 0522 12 34 56').map((p) => p.e164)).toEqual(['+212522123456']);
    expect(phones('France +33 6 12 34 56 78').map((p) => p.e164)).toEqual(['+33612345678']);
  });

  it('splits two numbers written one after the other', () => {
    expect(phones('0612345678 0700000013').map((p) => p.e164)).toEqual(['+212612345678', '+212700000013']);
    expect(phones('06 12 34 56 78 / 07 00 00 00 13').map((p) => p.e164)).toEqual([
      '+212612345678',
      '+212700000013',
    ]);
  });

  it('does not take prices, dates, sizes or model numbers for phones', () => {
    expect(phones('Prix 10 990 DH, saison 2024/2025, pointures 39 40 41 42 43, Galaxy S24')).toEqual([]);
    expect(phones('commande n° 123456789 du 12.05.2024')).toEqual([]);
  });

  it('leaves numbers inside links to the URL extractor', () => {
    expect(phones('wa.me/212612345678')).toEqual([]);
  });
});
