import { describe, expect, it } from 'vitest';
import type { DeclarationLine } from '../declarations/index.ts';
import {
  anomalyOf,
  driftReport,
  evaluate,
  explainAllLangs,
  explainAllLangsBatch,
  explainLine,
  loadModel,
  scoreLines,
  scoreWithAnomaly,
  serializeModel,
  trainModel,
  updateState,
} from './api.ts';
import { backtest, select } from './backtest.ts';
import { Rng } from './gbdt/prng.ts';
import { closeShapWorkers, shapWorkerCount } from './gbdt/shap-parallel.ts';
import { loadKcsSample } from './testing/kcs.ts';

const lines = loadKcsSample();
const train = lines.filter((l) => l.lodged_on < '2021-01-01');
const later = lines.filter((l) => l.lodged_on >= '2021-01-01');
const quick = { nTrees: 40, learningRate: 0.2, earlyStoppingRounds: 10 };

describe('ML API', () => {
  const model = trainModel(train, { params: quick, holdoutDays: 60 });

  it('trains on KCS lines, holds out the last period and ranks later lines better than chance', () => {
    expect(model.format).toBe('vigie-model');
    expect(model.training.nLines).toBe(train.length);
    expect((model.training.holdout?.from ?? '') > '2020-10-01').toBe(true);
    expect(model.training.refit).toBe(true);
    const e = evaluate(model, later, [0.1]);
    expect(e.n).toBe(later.length);
    expect(e.auc).toBeGreaterThan(0.6);
    expect(e.precisionAt['0.1']).toBeGreaterThan(0.3);
    expect(e.calibration.bins).toHaveLength(10);
  });

  it('measures the held-out period without the exact-repeat profile too, when asked, and changes nothing else', () => {
    expect(model.training.holdout!.withoutRepeat).toBeUndefined();
    const honest = trainModel(train, { params: quick, holdoutDays: 60, withoutRepeat: true });
    expect(honest.training.holdout!.withoutRepeat).toEqual({
      bestIteration: expect.any(Number),
      auc: expect.any(Number),
      precisionAt5: expect.any(Number),
      precisionAt10: expect.any(Number),
    });
    expect(honest.gbdt.trees).toEqual(model.gbdt.trees);
    const plain = trainModel(train, {
      params: quick,
      holdoutDays: 60,
      withoutRepeat: true,
      featureOptions: { repeatProfile: false },
    });
    expect(plain.training.holdout!.withoutRepeat).toBeUndefined();
  });

  it('scores identically after a serialisation round trip', () => {
    const before = scoreLines(model, later);
    const after = scoreLines(loadModel(serializeModel(model)), later);
    expect(Array.from(after)).toEqual(Array.from(before));
    for (const p of before) expect(p > 0 && p < 1).toBe(true);
  });

  it('never uses the outcomes of the lines it scores', () => {
    const flipped: DeclarationLine[] = later.map((l) => ({ ...l, outcome: null }));
    expect(Array.from(scoreLines(model, flipped))).toEqual(Array.from(scoreLines(model, later)));
  });

  it('explains a score: contributions sum to the margin, reasons in both languages', () => {
    const loaded = loadModel(model);
    const line = later[3]!;
    const en = explainLine(loaded, line, 'en');
    const fr = explainLine(loaded, line, 'fr');
    const p = scoreLines(loaded, [line])[0]!;
    expect(en.probability).toBeCloseTo(p, 9);
    const sum = en.contributions.reduce((s, c) => s + c.contribution, en.expected);
    expect(Math.abs(sum - Math.log(p / (1 - p)))).toBeLessThan(1e-6);
    expect(en.reasons.length).toBeGreaterThan(0);
    expect(fr.reasons.map((r) => r.feature)).toEqual(en.reasons.map((r) => r.feature));
    for (const r of en.reasons) expect(r.contribution).toBeGreaterThan(0);
    expect(en.reasons[0]!.text).not.toBe(fr.reasons[0]!.text);
  });

  it('explains a batch on two threads exactly as line by line, in the three languages', async () => {
    const loaded = loadModel(model);
    const batch = later.slice(0, 400);
    try {
      const explained = await explainAllLangsBatch(loaded, batch, 5, { threads: 2 });
      expect(explained).toHaveLength(400);
      expect(shapWorkerCount()).toBe(1);
      expect(explained).toEqual(batch.map((line) => explainAllLangs(loaded, line)));
      expect(await explainAllLangsBatch(loaded, [])).toEqual([]);
    } finally {
      await closeShapWorkers();
    }
  });

  it('gives anomaly scores and absorbs new outcomes without retraining', () => {
    const a = anomalyOf(model, later);
    expect(a.score).toHaveLength(later.length);
    for (const s of a.score) expect(s > 0 && s < 1).toBe(true);
    const updated = updateState(model, later.slice(0, 100));
    expect(updated.featureState.prior[0]).toBe(model.featureState.prior[0] + 100);
    expect(updated.gbdt).toBe(model.gbdt);
  });

  it('finds a planted absurd item unusual for its HS code and origin, and says why; ordinary items not', () => {
    const loaded = loadModel(serializeModel(model));
    // A line of a well-known group (HS 950699 from CN: 48 lines in 2020) that nothing singles out…
    const base = later.find((l) => l.item.hs_code === '950699' && l.item.origin_country === 'CN')!;
    // …and the same declared as 1,000 times the mass at a thousandth of the value.
    const planted: DeclarationLine = {
      ...base,
      reference: 'PLANTED',
      item: {
        ...base.item,
        net_mass_kg: base.item.net_mass_kg! * 1000,
        customs_value: base.item.customs_value / 1000,
      },
    };
    const a = anomalyOf(loaded, [base, planted]);
    expect(a.score[0]).toBeLessThan(0.5);
    expect(a.reasons[0]).toEqual([]);
    expect(a.score[1]).toBeGreaterThanOrEqual(0.65);
    expect(a.percentile[1]).toBeGreaterThan(0.95);
    expect(a.reasons[1]!.map((r) => [r.feature, r.level])).toEqual([
      ['log_unit_value', 'hs6_origin'],
      ['log_mass', 'hs6_origin'],
      ['log_value', 'hs6_origin'],
    ]);
    expect(a.reasons[1]![1]).toMatchObject({
      en: 'net mass more than 1,000× the usual for HS 950699 from CN (median of 48 declarations)',
      fr: 'masse nette plus de 1\u202f000 fois l’habituel pour le SH 950699 origine CN (médiane de 48 déclarations)',
    });
    expect(a.reasons[1]![0]!.en).toBe(
      'value per kg less than 1/1,000 of the usual for HS 950699 from CN (median of 48 declarations)',
    );
    // Ordinary lines: few reach the rule threshold of the example (0.65); the 2021 lines that do are odd ones.
    const all = anomalyOf(loaded, later).score;
    expect(all.filter((s) => s >= 0.65).length / all.length).toBeLessThan(0.1);
    // One feature matrix for probability and anomaly: the same figures as the two calls apart.
    const both = scoreWithAnomaly(loaded, [base, planted]);
    expect(Array.from(both.probability)).toEqual(Array.from(scoreLines(loaded, [base, planted])));
    expect(both.anomaly!.map((x) => x.score)).toEqual(Array.from(a.score));
  });

  it('reports drift: none against itself, some against another period', () => {
    const same = driftReport(model, later, later);
    expect(same.score).toBeCloseTo(0, 9);
    const moved = driftReport(model, train.slice(0, 400), later);
    expect(moved.features[0]!.psi).toBeGreaterThan(0.1);
    expect(moved.features.map((f) => f.feature)).toContain('month');
  });

  it('rejects empty input, one-class labels, unlabelled training lines and foreign models', () => {
    expect(() => trainModel([])).toThrow(/no training lines/);
    const compliant = train.filter((l) => l.outcome?.result === 'compliant');
    expect(() => trainModel(compliant)).toThrow(/all \d+ lines are compliant/);
    expect(() => trainModel([{ ...train[0]!, outcome: null }, ...train])).toThrow(/has no outcome/);
    expect(() => loadModel('{"format":"other"}')).toThrow(/format/);
    const broken = JSON.parse(serializeModel(model));
    broken.gbdt.features.pop();
    expect(() => loadModel(broken)).toThrow(/features/);
  });
});

describe('back-test', () => {
  it('replays weeks, reveals only inspected outcomes and reports every strategy', () => {
    const results = backtest(train, {
      initialWeeks: 12,
      inspectionRate: 0.2,
      strategies: ['exploit', 'hybrid-random', 'random'],
      params: { nTrees: 10, learningRate: 0.3, maxDepth: 3 },
    });
    expect(results.map((r) => r.strategy)).toEqual(['exploit', 'hybrid-random', 'random']);
    for (const r of results) {
      const inspected = r.weeks.reduce((s, w) => s + w.inspected, 0);
      const total = r.weeks.reduce((s, w) => s + w.lines, 0);
      expect(inspected / total).toBeGreaterThan(0.18);
      expect(inspected / total).toBeLessThan(0.23);
      expect(r.precision).toBeGreaterThanOrEqual(0);
      expect(r.newImporterShare).toBeLessThanOrEqual(1);
    }
    // The model beats random inspection.
    expect(results[0]!.precision).toBeGreaterThan(results[2]!.precision);
  });

  it('splits the budget between exploitation and exploration', () => {
    const score = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.3, 0.2, 0.1, 0.05]);
    expect(select(score, 4, 'exploit', 0.5, new Rng(1))).toEqual([0, 1, 2, 3]);
    // Half the budget on the most uncertain of the rest (closest to 0.5).
    expect(select(score, 4, 'hybrid-uncertainty', 0.5, new Rng(1))).toEqual([0, 1, 4, 5]);
    const hybrid = select(score, 4, 'hybrid-random', 0.5, new Rng(1));
    expect(hybrid.slice(0, 2)).toEqual([0, 1]);
    expect(new Set(hybrid).size).toBe(4);
  });
});

describe('reasons', () => {
  it('reads like the examples, in both languages', async () => {
    const { describeFeature } = await import('./explain.ts');
    const line = train.find((l) => l.item.hs_code === '620822') ?? {
      ...train[0]!,
      item: { ...train[0]!.item, hs_code: '620822', origin_country: 'CN' },
    };
    const withHs = { ...line, item: { ...line.item, hs_code: '620822', origin_country: 'CN' } };
    const row = new Map([['ref_basis', 0]]);
    const ratio = Math.log(0.27);
    expect(describeFeature('uv_ratio_ref', ratio, row, withHs, 'en')).toBe(
      'unit value 73\u00a0% below the reference for HS 620822 from CN',
    );
    expect(describeFeature('uv_ratio_ref', ratio, row, withHs, 'fr')).toBe(
      'valeur unitaire inférieure de 73\u00a0% à la référence pour le SH 620822 origine CN',
    );
    const ctx = { counts: () => [12, 5, 0] as [number, number, number] };
    expect(describeFeature('importer_rate', 0.4, new Map([['importer_n', 12]]), withHs, 'en', ctx)).toBe(
      "importer's past fraud rate 42\u00a0% (5 of 12 inspections)",
    );
    expect(describeFeature('importer_rate', 0.4, new Map([['importer_n', 12]]), withHs, 'fr', ctx)).toBe(
      "taux de fraude passé de l'importateur 42\u00a0% (5 sur 12 contrôles)",
    );
    expect(describeFeature('importer_hs6_n', 0, row, withHs, 'en')).toBe(
      'first inspection of HS 620822 for this importer',
    );
  });
});
