import { describe, expect, it } from 'vitest';
import { predict, type TrainingExample, trainClassifier, updateWithConfirmations } from './classifier.ts';
import { deserializeClassifier, serializeClassifier } from './classifier-io.ts';

const EXAMPLES: TrainingExample[] = [
  { text: 'montre rolex réplique qualité aaa', label: 'counterfeit' },
  { text: 'sac louis vuitton copie originale', label: 'counterfeit' },
  { text: 'nike high copy pas cher', label: 'counterfeit' },
  { text: 'viagra sans ordonnance livraison discrète', label: 'health_risk' },
  { text: 'gélules minceur perdez 10 kg', label: 'health_risk' },
  { text: 'tramadol sans ordonnance', label: 'health_risk' },
  { text: 'colis déclaré cadeau sans douane', label: 'duty_evasion' },
  { text: 'dropshipping chine pas de douane', label: 'duty_evasion' },
  { text: 'petits colis sous le seuil de la douane', label: 'duty_evasion' },
  { text: 'couscous fait maison livraison casa', label: 'benign' },
  { text: 'appartement à louer à tanger', label: 'benign' },
  { text: 'vélo de ville en bon état', label: 'benign' },
];
const small = { bits: 12, epochs: 30 };
const top = (p: Record<string, number>) => Object.entries(p).sort((a, b) => b[1] - a[1])[0]![0];

describe('trainClassifier', () => {
  it('learns the training examples', () => {
    const model = trainClassifier(EXAMPLES, small);
    for (const e of EXAMPLES) expect(top(predict(model, e.text)), e.text).toBe(e.label);
  });

  it('generalises to close wording through character n-grams', () => {
    const model = trainClassifier(EXAMPLES, small);
    expect(top(predict(model, 'RÉPLIQUE rolex AAA'))).toBe('counterfeit');
    expect(top(predict(model, 'viagraaa sans ordonance'))).toBe('health_risk');
  });

  it('gives probabilities that sum to one', () => {
    const p = predict(trainClassifier(EXAMPLES, small), 'anything at all');
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: same examples, same weights', () => {
    const a = trainClassifier(EXAMPLES, small);
    const b = trainClassifier(EXAMPLES, small);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toEqual(b.bias);
    const c = trainClassifier(EXAMPLES, { ...small, seed: 7 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it('refuses an unknown label', () => {
    expect(() => trainClassifier([{ text: 'x', label: 'fraud' as never }])).toThrow(/unknown label/);
  });
});

describe('updateWithConfirmations', () => {
  it('moves predictions towards confirmed labels without changing the original model', () => {
    const model = trainClassifier(EXAMPLES, small);
    const text = 'le film replica sort au cinéma';
    const before = predict(model, text).benign;
    const snapshot = model.weights.slice();
    const updated = updateWithConfirmations(model, [
      { text, label: 'benign' },
      { text: 'replica le film au cinéma megarama', label: 'benign' },
    ]);
    expect(predict(updated, text).benign).toBeGreaterThan(before);
    expect(model.weights).toEqual(snapshot);
    expect(updated.trainedOn).toBe(model.trainedOn + 2);
  });
});

describe('serializeClassifier / deserializeClassifier', () => {
  it('round-trips through JSON with the same predictions', () => {
    const model = trainClassifier(EXAMPLES, small);
    const json = JSON.parse(JSON.stringify(serializeClassifier(model)));
    const back = deserializeClassifier(json);
    for (const e of EXAMPLES) {
      const a = predict(model, e.text);
      const b = predict(back, e.text);
      for (const k of Object.keys(a) as (keyof typeof a)[]) expect(b[k]).toBeCloseTo(a[k], 3);
    }
  });

  it('stores only non-zero weights', () => {
    const json = serializeClassifier(trainClassifier(EXAMPLES, small));
    const stored = json.weights.reduce((n, w) => n + w.idx.length, 0);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(4 * 2 ** 12);
  });

  it('rejects a file that is not a model, naming the field', () => {
    expect(() => deserializeClassifier({ format: 'something else' })).toThrow(/format/);
    const json = serializeClassifier(trainClassifier(EXAMPLES, small));
    expect(() => deserializeClassifier({ ...json, weights: json.weights.slice(1) })).toThrow(
      /one weight vector/,
    );
    const bad = {
      ...json,
      weights: json.weights.map((w, k) => (k === 0 ? { idx: [1 << 20], val: [1] } : w)),
    };
    expect(() => deserializeClassifier(bad)).toThrow(/outside 2\^12/);
  });
});
