import { describe, expect, it } from 'vitest';
import { trainClassifier } from './classifier.ts';
import { analyzePost, createAnalyzer, toContractRecord } from './pipeline.ts';
import { pickLabel, THRESHOLD } from './score.ts';

const rules = (text: string) => analyzePost({ id: 't', text }, { classifier: null });

describe('analyzePost: labels', () => {
  it.each([
    ['Nike Air Force 1 high copy 350dh, livraison partout au Maroc, DM', 'counterfeit'],
    ['ساعات رولكس نسخة طبق الأصل، 1500 درهم، التوصيل لجميع المدن', 'counterfeit'],
    ['3ndi Viagra w Cialis bla ordonnance, b 150dh, whatsapp 07 00 00 00 13', 'health_risk'],
    ['Gélules minceur, perdez 10 kg en 2 semaines, paiement à la livraison', 'health_risk'],
    ['Dropshipping men sin, bla diwana, colis déclaré cadeau, DM', 'duty_evasion'],
    ['We split large orders into small parcels under the duty-free threshold', 'duty_evasion'],
    ['Couscous fait maison, livraison Casa, commandez en DM', 'benign'],
  ])('%s → %s', (text, label) => {
    expect(rules(text).label).toBe(label);
  });

  it('does not flag news about seizures, warnings, official shops, pharmacies or genuine second-hand sales', () => {
    for (const text of [
      'La douane marocaine a saisi 10 000 articles de contrefaçon au port de Tanger Med, selon un communiqué.',
      'Customs seized fake sneakers and replica watches at Casablanca port, the administration said.',
      '⚠️ Attention aux contrefaçons ! Nous ne vendons que des produits 100% authentiques.',
      'Beware of fakes: genuine Rolex watches are only sold by authorised dealers.',
      '100 % original, not a copy: official Lacoste store, Morocco Mall.',
      'Pharmacie de garde : insuline et Ozempic sur ordonnance, consultez votre médecin.',
      "Vends Rolex Datejust authentique, boîte et papiers, facture d'achat, 75 000 DH.",
      'Commandez en ligne : livraison depuis la Chine, droits de douane et TVA inclus, facture fournie.',
    ]) {
      expect(rules(text).label, text).toBe('benign');
    }
  });

  it('keeps a counterfeit grade word decisive even next to "with receipt"', () => {
    expect(rules('Master copy Jordan 1, comes with original box and receipt, $45, inbox').label).toBe(
      'counterfeit',
    );
  });

  it('prefers health risk on ties, and says benign under the threshold', () => {
    expect(pickLabel({ counterfeit: 0.8, health_risk: 0.8, duty_evasion: 0.1 })).toEqual({
      label: 'health_risk',
      score: 0.8,
    });
    expect(pickLabel({ counterfeit: THRESHOLD - 0.01, health_risk: 0, duty_evasion: 0 })).toEqual({
      label: 'benign',
      score: THRESHOLD - 0.01,
    });
  });
});

describe('analyzePost: output', () => {
  it('gives reasons that cite the evidence', () => {
    const r = rules('Rolex Daytona réplique AAA, 1200 dh, WhatsApp 06 12 34 56 78');
    expect(r.label).toBe('counterfeit');
    expect(r.reasons[0]).toMatch(/^Counterfeit \(\d\.\d\d\): .*“réplique”.*“AAA”/);
    expect(r.reasons.join('\n')).toContain(
      '1,200 MAD for Rolex, whose genuine price starts around 60,000 MAD “1200 dh”',
    );
    expect(r.reasons.join('\n')).toMatch(/Sale intent: .*“06 12 34 56 78”/);
  });

  it('explains what lowered a score', () => {
    const r = rules('La douane a saisi 2 000 montres Rolex réplique, selon un communiqué');
    expect(r.label).toBe('benign');
    expect(r.reasons.join('\n')).toMatch(/Lowered: news or official reporting/);
  });

  it('keeps scores in [0, 1] and the contract record to five fields', () => {
    const r = analyzePost({ id: 42, text: 'Sac LV copie originale 500 dh' });
    for (const s of Object.values(r.scores)) expect(s).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(Object.keys(toContractRecord(r))).toEqual(['id', 'label', 'score', 'signals', 'entities']);
    expect(r.id).toBe(42);
  });

  it('analyses a long text on its first characters only', () => {
    const r = analyzePost(
      { id: 'x', text: `${'bla '.repeat(100)}Rolex AAA 900dh` },
      { classifier: null, maxTextChars: 50 },
    );
    expect(r.label).toBe('benign');
    expect(r.signals).toEqual([]);
  });

  it('lets the classifier nudge a score by at most blend / 2, never flag without evidence', () => {
    const text = 'Sac à main cuir, 300 dh';
    const model = trainClassifier([
      ...Array.from({ length: 20 }, () => ({ text, label: 'counterfeit' as const })),
      { text: 'Bonjour à tous', label: 'benign' },
    ]);
    // the seed classifier's nudge alone (the learned model, which may flag, is tested in real/model.test.ts)
    const r = analyzePost({ id: 1, text }, { classifier: model, blend: 0.4, learned: null });
    expect(rules(text).scores.counterfeit).toBe(0);
    expect(r.scores.counterfeit).toBeGreaterThan(0);
    expect(r.scores.counterfeit).toBeLessThanOrEqual(0.2);
    expect(r.label).toBe('benign');
  });

  it('binds options once with createAnalyzer', () => {
    const analyze = createAnalyzer({ classifier: null, threshold: 0.99, learned: null });
    expect(analyze({ id: 1, text: 'Nike high copy 300dh DM' }).label).toBe('benign');
  });
});

describe('analyzePost: hostile input', () => {
  it.each([
    ['digit runs', '0-'.repeat(25_000)],
    ['dotted names', 'a.'.repeat(25_000)],
    ['at signs', '@a'.repeat(25_000)],
    ['numbers', '1 '.repeat(25_000)],
    ['urls', 'www.a'.repeat(10_000)],
  ])('stays fast on 50,000 characters of %s', (_name, text) => {
    const start = performance.now();
    analyzePost({ id: 'h', text }, { classifier: null });
    // Linear work takes tens of milliseconds; a quadratic regex or parse loop took seconds before its fix.
    expect(performance.now() - start).toBeLessThan(1500);
  });

  it('keeps at most ten signals of one type', () => {
    const r = rules('copie '.repeat(500));
    expect(r.signals.filter((s) => s.type === 'counterfeit.copy')).toHaveLength(10);
  });
});
