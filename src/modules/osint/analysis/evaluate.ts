/**
 * Per-label precision, recall and F1 of a labelling function over labelled posts, with the confusion matrix.
 * Used by the benchmark and by the quality tests, so both report the same figures.
 */
import { LABELS, type Label } from './types.ts';

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}
export interface Evaluation {
  perLabel: Record<Label, LabelMetrics>;
  macroF1: number;
  accuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<Label, Record<Label, number>>;
  errors: { id: string; gold: Label; predicted: Label }[];
}

export function evaluate(
  posts: readonly { id: string; text: string; label: Label }[],
  labelOf: (p: { id: string; text: string }) => Label,
): Evaluation {
  const confusion = Object.fromEntries(
    LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))]),
  ) as Evaluation['confusion'];
  const errors: Evaluation['errors'] = [];
  for (const post of posts) {
    const predicted = labelOf(post);
    confusion[post.label][predicted]++;
    if (predicted !== post.label) errors.push({ id: post.id, gold: post.label, predicted });
  }
  const perLabel = {} as Record<Label, LabelMetrics>;
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const predictedL = LABELS.reduce((s, g) => s + confusion[g][l], 0);
    const support = LABELS.reduce((s, p) => s + confusion[l][p], 0);
    const precision = predictedL ? tp / predictedL : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision, recall, f1, support };
  }
  const macroF1 = LABELS.reduce((s, l) => s + perLabel[l].f1, 0) / LABELS.length;
  const accuracy = posts.length ? LABELS.reduce((s, l) => s + confusion[l][l], 0) / posts.length : 0;
  return { perLabel, macroF1, accuracy, confusion, errors };
}
