import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { normalizeText, tokenize } from './normalize.ts';

const lang = (text: string) => {
  const n = normalizeText(text);
  return detectLanguage(tokenize(n), n.text);
};

describe('detectLanguage', () => {
  it.each([
    ['Sacs de marque avec boîte, livraison partout au Maroc, paiement à la livraison', 'fr'],
    ['Top quality watches with the original box, shipping worldwide, order now', 'en'],
    ['Zapatillas de calidad con envío a toda España, pedidos por privado', 'es'],
    ['ساعات بجودة عالية مع العلبة، التوصيل لجميع المدن', 'ar'],
    ['Salam khouya, bghit nchri wach kayn chi haja mzyana b flouss qlal', 'ary'],
    ['3ndi sneakers jdad, twsil l ga3 lmodon, dwi m3aya', 'ary'],
  ])('%s → %s', (text, expected) => {
    expect(lang(text).language).toBe(expected);
  });

  it('reports code-switching: Darija with French, Arabic script with Latin', () => {
    const g = lang(
      'Wach bghiti tna9ss kerch? 3ndna des capsules minceur avec une livraison gratuite pour vous',
    );
    expect(g.language).toBe('ary');
    expect(g.also).toContain('fr');
    const mixed = lang('Nike Dunk high copy 350dh فقط، التوصيل لجميع المدن');
    expect(mixed.script).toBe('mixed');
    expect([mixed.language, ...mixed.also]).toContain('ar');
  });

  it('does not take model numbers and units for arabizi', () => {
    expect(lang('iPhone S24 ultra 100mg 5kg ps5 the best price for you').language).toBe('en');
  });

  it('says und when there are no letters', () => {
    expect(lang('06 12 34 56 78 !!!')).toEqual({ language: 'und', also: [], script: 'none' });
  });
});
