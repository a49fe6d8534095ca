import { describe, expect, it } from 'vitest';
import { analyzePost, toContractRecord } from '../pipeline.ts';
import {
  calibrateTemperature,
  combineRulesFirst,
  deserializeModel,
  featurize,
  predictModel,
  type RealModel,
  serializeModel,
  shippedModel,
  trainModel,
} from './model.ts';

const TOY = [
  { text: 'cheap replica rolex watches, swiss replica', label: 'counterfeit' as const },
  { text: 'replica handbags and fake watches for sale', label: 'counterfeit' as const },
  { text: 'buy viagra cialis online pharmacy no prescription', label: 'health_risk' as const },
  { text: 'cheap meds, viagra pills without prescription', label: 'health_risk' as const },
  {
    text: 'we declare the parcel as a gift with a low value to avoid customs',
    label: 'duty_evasion' as const,
  },
  { text: 'marked as gift, low declared value, no import tax for you', label: 'duty_evasion' as const },
  { text: 'meeting moved to 3pm, see you in the conference room', label: 'benign' as const },
  { text: 'the quarterly report is attached, please review', label: 'benign' as const },
];

describe('learned model', () => {
  it('rejects a model file that is not one, saying which field', () => {
    expect(() => deserializeModel('{oops', 'm.json')).toThrow(/m\.json: invalid JSON/);
    const good = JSON.parse(serializeModel(trainModel(TOY, { bits: 10, epochs: 2 })));
    expect(() => deserializeModel(JSON.stringify({ ...good, bits: 40 }), 'm.json')).toThrow(
      /m\.json: field bits/,
    );
    expect(() => deserializeModel(JSON.stringify({ ...good, weights: 'AAAA' }), 'm.json')).toThrow(
      /field weights: 3 bytes, expected 4096/,
    );
  });

  it('learns a toy task, survives int8 serialisation, and gives probabilities that sum to 1', () => {
    const m = trainModel(TOY, { bits: 12, epochs: 20 });
    const back = deserializeModel(serializeModel(m));
    for (const model of [m, back]) {
      const p = predictModel(model, 'replica rolex for sale');
      expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(p.counterfeit).toBeGreaterThan(p.benign);
      expect(predictModel(model, 'viagra without prescription').health_risk).toBeGreaterThan(0.4);
    }
    // deterministic for a seed
    expect(Array.from(trainModel(TOY, { bits: 12, epochs: 3 }).weights.slice(0, 50))).toEqual(
      Array.from(trainModel(TOY, { bits: 12, epochs: 3 }).weights.slice(0, 50)),
    );
  });

  it('features depend on text only, across scripts, and calibration gives a positive temperature', () => {
    const dims = { bits: 12, minN: 1, maxN: 5, maxChars: 1000 };
    expect(featurize('高仿包包微信', dims).idx.length).toBeGreaterThan(10);
    expect(featurize('', dims).idx.length).toBeGreaterThan(0); // the padding spaces
    const m = trainModel(TOY, { bits: 12, epochs: 5 });
    expect(calibrateTemperature(m, TOY)).toBeGreaterThan(0);
  });

  it('rules first: the model never unflags a rule label, never overrules benign context, only labels it may', () => {
    const m = {
      flagAt: 0.6,
      flagAtWithContext: null,
      overrules: ['counterfeit', 'health_risk'],
    } as RealModel;
    const p = { counterfeit: 0.1, health_risk: 0.8, duty_evasion: 0.05, benign: 0.05 };
    expect(combineRulesFirst(m, 'counterfeit', p)).toBe('counterfeit');
    expect(combineRulesFirst(m, 'benign', p)).toBe('health_risk');
    expect(combineRulesFirst(m, 'benign', p, true)).toBe('benign');
    expect(combineRulesFirst(m, 'benign', { ...p, health_risk: 0.5, benign: 0.35 })).toBe('benign');
    expect(combineRulesFirst(m, 'benign', { ...p, health_risk: 0.05, duty_evasion: 0.8 })).toBe('benign');
    expect(combineRulesFirst(m, 'benign', p, false, 3)).toBe('benign'); // too short to judge
    // a brand name alone (a goods description, an official shop's title) is never flagged by the model
    expect(analyzePost({ id: 'g', text: 'Rolex watch' }).label).toBe('benign');
    expect(analyzePost({ id: 'g', text: 'Rolex watch' }).model?.probabilities.counterfeit).toBeGreaterThan(
      0.5,
    );
  });

  it('is shipped in the repository, small, and used by the pipeline without changing the contract', () => {
    const m = shippedModel();
    expect(m).not.toBeNull();
    expect(m!.weights.length).toBe(4 << m!.bits);
    const r = analyzePost({ id: 1, text: 'Buy cheap Viagra online, no prescription, discreet shipping' });
    expect(r.model?.probabilities.health_risk).toBeGreaterThan(0.5);
    expect(Object.keys(toContractRecord(r))).toEqual(['id', 'label', 'score', 'signals', 'entities']);
    const rulesOnly = analyzePost({ id: 1, text: 'Buy cheap Viagra online' }, { learned: null });
    expect(rulesOnly.model).toBeUndefined();
  });

  it('flags, with the model as the reason, spam the rules miss; keeps the rules when they see context', () => {
    const spam = 'Subject: hi paliourg have pills here . everything for you . we are providing the best meds';
    expect(analyzePost({ id: 's', text: spam }, { learned: null }).label).toBe('benign');
    const after = analyzePost({ id: 's', text: spam });
    expect(after.label).toBe('health_risk');
    expect(after.model?.decided).toBe(true);
    expect(after.score).toBe(after.model?.probabilities.health_risk);
    expect(after.reasons[0]).toMatch(/^Learned model: health risk 0\.\d\d with no rule evidence/);
    // a post the rules flag keeps the rules' label and evidence
    const rolex = analyzePost({ id: 'r', text: 'Swiss made watches, Patek exact copies shipped discreetly' });
    expect(rolex.label).toBe('counterfeit');
    expect(rolex.model?.decided).toBe(false);
    expect(rolex.signals.some((s) => s.category === 'counterfeit')).toBe(true);
    const news = analyzePost({
      id: 'n',
      text: 'La douane a saisi 2 000 contrefaçons de montres Rolex au port de Tanger',
    });
    expect(news.label).toBe('benign');
  });
});
