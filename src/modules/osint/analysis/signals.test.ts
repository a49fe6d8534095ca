import { describe, expect, it } from 'vitest';
import { extractSignals } from './signals.ts';

const types = (text: string) =>
  extractSignals(text)
    .signals.filter((s) => !s.negated && s.weight > 0)
    .map((s) => s.type);
const negated = (text: string) =>
  extractSignals(text)
    .signals.filter((s) => s.negated)
    .map((s) => s.text);

describe('extractSignals: evidence spans', () => {
  it('points every signal into the original text, whatever the folding', () => {
    const text = '🔥🔥 HIIIGH COPYYY Nïke Air Force 1 — ٣٥٠ درهم, نسخة طبق الأصـــل, DM 📩';
    const x = extractSignals(text);
    expect(x.signals.length).toBeGreaterThan(4);
    for (const s of x.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(x.signals.find((s) => s.type === 'counterfeit.high_copy')?.text).toBe('HIIIGH COPYYY');
    expect(x.signals.find((s) => s.type === 'counterfeit.copy_original')?.text).toBe('نسخة طبق الأصـــل');
  });

  it('finds counterfeit vocabulary in every language', () => {
    expect(types('Sac copie originale 1:1')).toEqual(
      expect.arrayContaining(['counterfeit.copy_original', 'counterfeit.one_to_one']),
    );
    expect(types('master copy and mirror quality')).toEqual(
      expect.arrayContaining(['counterfeit.master_copy', 'counterfeit.mirror']),
    );
    expect(types('zapatillas réplica calidad AAA')).toEqual(
      expect.arrayContaining(['counterfeit.replica', 'counterfeit.aaa_grade']),
    );
    expect(types('ساعات كوبي')).toContain('counterfeit.copy');
    expect(types('montres copie dyal lwa9t, kif l original')).toEqual(
      expect.arrayContaining(['counterfeit.copy_original', 'counterfeit.same_as_original']),
    );
    expect(types('r3pl1ca watches')).toContain('counterfeit.replica');
  });

  it('finds health, duty and sale signals', () => {
    expect(types('Viagra sans ordonnance')).toEqual(
      expect.arrayContaining(['health.ed_medicine', 'health.no_prescription']),
    );
    expect(types('حبوب التنحيف بدون وصفة')).toEqual(
      expect.arrayContaining(['health.slimming', 'health.no_prescription']),
    );
    expect(types('colis déclaré cadeau, bla diwana, jdid men sin')).toEqual(
      expect.arrayContaining(['duty.gift_declaration', 'duty.no_customs', 'duty.direct_from_china']),
    );
    expect(types('prix en MP, paiement à la livraison, wa.me/212612345678')).toEqual(
      expect.arrayContaining(['sale.private_message', 'sale.cash_on_delivery', 'sale.messaging_link']),
    );
  });

  it('weighs "1:1" as a grade next to a quality word, and not at all in a score', () => {
    const w = (t: string) =>
      extractSignals(t).signals.find((s) => s.type === 'counterfeit.one_to_one')?.weight;
    expect(w('qualité 1:1')).toBe(0.75);
    expect(w('Montre 1:1')).toBe(0.45);
    expect(w('match nul 1:1 ce soir')).toBeUndefined();
    expect(w('échelle 1:18')).toBeUndefined();
  });
});

describe('extractSignals: negation and warnings', () => {
  it('cancels a term negated just before it, and counts it as a sign of authenticity', () => {
    expect(negated("Ce n'est pas une copie")).toEqual(['copie']);
    expect(negated('100% original, not a replica')).toEqual(['replica']);
    expect(negated('No es réplica')).toEqual(['réplica']);
    expect(negated('ماشي كوبي، أصلي')).toEqual(['كوبي']);
    expect(negated('pas de copie ni de réplique')).toEqual(['copie', 'réplique']);
    expect(extractSignals('pas une copie').context.has('authentic')).toBe(true);
  });

  it('does not take idioms or other clauses for negation', () => {
    expect(negated('pas cher high copy')).toEqual([]);
    expect(negated('pas mal, réplique AAA')).toEqual([]);
    expect(negated('Pas de retour. Copie AAA')).toEqual([]);
    expect(negated('vous ne payez pas de droits')).toEqual([]);
  });

  it('cancels what a warning warns against, up to the end of the sentence', () => {
    expect(negated('Attention aux contrefaçons !')).toEqual(['contrefaçons']);
    expect(negated('Beware of fakes and replicas sold on Instagram')).toEqual(['fakes', 'replicas']);
    expect(negated('Ne jamais acheter de médicaments sans ordonnance')).toEqual(['sans ordonnance']);
    expect(negated('احذروا من المنتجات المقلدة')).toEqual(['المقلدة']);
    expect(negated('Attention aux arnaques. Copie AAA 300dh')).toEqual([]);
  });

  it('drops risky words used in an innocent sense', () => {
    expect(types('Pack of 12 AAA batteries')).not.toContain('counterfeit.aaa_grade');
    expect(types('copie certifiée de la CIN')).not.toContain('counterfeit.copy');
    expect(types('réplique miniature de la tour Hassan')).not.toContain('counterfeit.replica');
  });

  it('records context: reporting, pharmacy, second hand, legal import, buyer question', () => {
    const ctx = (t: string) => [...extractSignals(t).context].sort();
    expect(ctx('La douane a saisi 10 000 contrefaçons, selon un communiqué')).toContain('reporting');
    expect(ctx('Pharmacie de garde : insuline sur ordonnance')).toContain('pharmacy');
    expect(ctx("iPhone d'occasion avec facture")).toEqual(
      expect.arrayContaining(['authentic', 'second_hand']),
    );
    expect(ctx('livraison depuis la Chine, droits de douane et TVA inclus')).toContain('legit_import');
    expect(ctx('Wach kayn chi boutique? bghit nchri Nike')).toContain('buyer_question');
  });
});

describe('extractSignals: brands, prices and places', () => {
  it('flags a price far below the genuine range of the brand or product line', () => {
    const x = extractSignals('Rolex Daytona 1200 dh');
    const s = x.signals.find((y) => y.type === 'counterfeit.price_below_genuine');
    expect(s?.text).toBe('1200 dh');
    expect(s?.detail).toBe('1,200 MAD for Rolex, whose genuine price starts around 60,000 MAD');
    expect(extractSignals('AirPods Pro 250 DH').signals.map((y) => y.detail)).toContain(
      '250 MAD for Apple AirPods, whose genuine price starts around 1,500 MAD',
    );
    expect(
      extractSignals('Jordan 1 $45').signals.some((y) => y.type === 'counterfeit.price_below_genuine'),
    ).toBe(true);
  });

  it('does not flag genuine prices, and compares a perfume with perfumes', () => {
    const below = (t: string) =>
      extractSignals(t).signals.some((y) => y.type === 'counterfeit.price_below_genuine');
    expect(below('Rolex Datejust 75 000 DH')).toBe(false);
    expect(below('Samsung Galaxy S24 9 499 DH')).toBe(false);
    expect(below('Chanel N°5 parfum 1200 درهم')).toBe(false);
    expect(below('Chanel N°5 parfum 150dh')).toBe(true);
    expect(below('Gucci 700 €')).toBe(false);
  });

  it('uses the price field of the post and its currency', () => {
    const x = extractSignals('Montre Rolex neuve', { price: 90, currency: 'eur' });
    expect(x.entities.prices).toEqual([
      { amount: 90, currency: 'EUR', amount_mad: 972, text: null, start: null, end: null },
    ]);
    expect(x.signals.some((y) => y.type === 'counterfeit.price_below_genuine')).toBe(true);
  });

  it('recognises brands in Latin and Arabic script, capitalised-only aliases only when capitalised', () => {
    expect(extractSignals('نايك و رولكس و لويس فيتون').entities.brands).toEqual([
      'Nike',
      'Rolex',
      'Louis Vuitton',
    ]);
    expect(extractSignals('Hoodies Supreme').entities.brands).toEqual(['Supreme']);
    expect(extractSignals('qualité supreme').entities.brands).toEqual([]);
  });

  it('recognises cities and districts with their variants', () => {
    const names = (t: string) => extractSignals(t).entities.cities.map((c) => c.name);
    expect(names('Casa, Dar el Beida, الدار البيضاء')).toEqual(['Casablanca']);
    expect(names('Derb Ghalef et درب عمر')).toEqual(['Derb Ghallef', 'Derb Omar']);
    expect(extractSignals('derb ghallef').entities.cities).toEqual([
      { name: 'Derb Ghallef', kind: 'district', city: 'Casablanca' },
    ]);
    expect(names('Tanger, Tangier, طنجة')).toEqual(['Tangier']);
    expect(names('Fès, Fes, Fez, فاس')).toEqual(['Fès']);
    expect(
      names('livraison Marrakech, Kénitra, Meknès, Tétouan, Laâyoune, Oujda, Nador, Agadir'),
    ).toHaveLength(8);
    expect(names('Livraison à Salé')).toEqual(['Salé']);
    expect(names('for sale, safi khouya, sel3a jdida')).toEqual([]);
  });

  it('recognises origin countries and sourcing hubs, Darija "sin" only after a preposition', () => {
    const c = (t: string) => extractSignals(t).entities.countries.map((x) => x.name);
    expect(c('jaya men sin, الصين, Chine')).toEqual(['China']);
    expect(c('envío sin aduana')).toEqual([]);
    expect(c('Guangzhou, Yiwu, Putian, Istanbul, Dubai, Turquie')).toEqual([
      'Guangzhou',
      'Yiwu',
      'Putian',
      'Istanbul',
      'Dubai',
      'Turkey',
    ]);
    expect(extractSignals('Yiwu').entities.countries).toEqual([{ name: 'Yiwu', code: 'CN', kind: 'hub' }]);
  });

  it('collects phones, e-mails, URLs and handles, without duplicates', () => {
    const e = extractSignals(
      'WhatsApp 06 12 34 56 78 ou wa.me/212612345678, insta @luxe.ma, mail shop@example.ma, t.me/deals',
    ).entities;
    expect(e.phones).toEqual(['+212612345678']);
    expect(e.emails).toEqual(['shop@example.ma']);
    expect(e.urls).toEqual(['https://wa.me/212612345678', 'https://t.me/deals']);
    expect(e.handles).toEqual([
      { platform: 'telegram', handle: 'deals' },
      { platform: 'instagram', handle: 'luxe.ma' },
    ]);
  });
});
