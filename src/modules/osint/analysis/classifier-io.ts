/**
 * JSON form of a trained classifier: only non-zero weights, as parallel index/value arrays per label, rounded to
 * five significant digits (plenty for a sigmoid and a third of the size). Validated with zod on load, because a
 * model file is input like any other.
 */
import { z } from 'zod';
import type { Classifier } from './classifier.ts';
import { LABELS } from './types.ts';

export const classifierJsonSchema = z.object({
  format: z.literal('vigie.osint.classifier'),
  version: z.literal(1),
  labels: z.array(z.enum(LABELS)).min(2),
  bits: z.number().int().min(8).max(24),
  trained_on: z.number().int().min(0),
  options: z.object({
    bits: z.number(),
    epochs: z.number(),
    l2: z.number(),
    learningRate: z.number(),
    seed: z.number(),
  }),
  bias: z.array(z.number()),
  weights: z.array(z.object({ idx: z.array(z.number().int().min(0)), val: z.array(z.number()) })),
});
export type ClassifierJson = z.infer<typeof classifierJsonSchema>;

export function serializeClassifier(model: Classifier): ClassifierJson {
  return {
    format: 'vigie.osint.classifier',
    version: 1,
    labels: [...model.labels],
    bits: model.bits,
    trained_on: model.trainedOn,
    options: model.options,
    bias: model.bias.map((b) => Number(b.toPrecision(5))),
    weights: model.labels.map((_, k) => {
      const K = model.labels.length;
      const idx: number[] = [];
      const val: number[] = [];
      for (let i = 0; i < model.weights.length / K; i++) {
        const w = model.weights[i * K + k]!;
        if (Math.abs(w) >= 1e-6) {
          idx.push(i);
          val.push(Number(w.toPrecision(5)));
        }
      }
      return { idx, val };
    }),
  };
}

/** Rebuilds a classifier from its JSON form; throws a zod error that names the faulty field. */
export function deserializeClassifier(json: unknown): Classifier {
  const m = classifierJsonSchema.parse(json);
  const size = 1 << m.bits;
  if (m.weights.length !== m.labels.length || m.bias.length !== m.labels.length) {
    throw new Error('classifier: one weight vector and one bias per label expected');
  }
  const K = m.labels.length;
  const weights = new Float32Array(size * K);
  m.weights.forEach(({ idx, val }, k) => {
    if (idx.length !== val.length) throw new Error('classifier: idx and val differ in length');
    idx.forEach((i, q) => {
      if (i >= size) throw new Error(`classifier: weight index ${i} outside 2^${m.bits}`);
      weights[i * K + k] = val[q]!;
    });
  });
  return {
    labels: m.labels,
    bits: m.bits,
    weights,
    bias: m.bias,
    trainedOn: m.trained_on,
    options: m.options,
  };
}
