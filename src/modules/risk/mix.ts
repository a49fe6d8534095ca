/**
 * Fraud and revenue together (docs/decisions/0040-mixed-ranking-and-replay.md): one ranking score from the fraud
 * probability and the expected recovery (probability × duties at stake), with the profile's revenue weight w:
 *
 *   mixed = (1 − w) · p + w · log(1 + p · duties) / log(1 + max over the candidates of p · duties)
 *
 * Both terms lie in [0, 1]: the probability as it is, the expected recovery on a log scale normalised by the
 * largest of the candidates ranked together (an office-day in the selection, the period in the back-test). The
 * log keeps a few huge declarations from taking the whole revenue term; the probability inside it keeps a
 * declaration with large duties and no sign of fraud from taking a slot. w = 0: probability alone; w = 1: expected
 * recovery alone (in log order, the same order as by expected recovery). Pure and shared by the selection and
 * the ML module's back-test, so the back-test measures what the selection does.
 */

/** Mixed ranking scores (higher first) from each candidate's probability and expected recovery (p × duties). */
export function mixedScores(
  probability: ArrayLike<number>,
  recovery: ArrayLike<number>,
  weight: number,
): Float64Array {
  if (!(weight >= 0 && weight <= 1)) throw new Error(`the revenue weight must be in [0, 1], got ${weight}`);
  const n = probability.length;
  if (recovery.length !== n) throw new Error(`${recovery.length} recoveries for ${n} probabilities`);
  const log = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const r = recovery[i]!;
    log[i] = Math.log1p(Number.isFinite(r) && r > 0 ? r : 0);
    if (log[i]! > max) max = log[i]!;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = (1 - weight) * clamp01(probability[i]!) + weight * (max > 0 ? log[i]! / max : 0);
  return out;
}

/** The revenue term's share of a mixed score: above one half, the candidate was ranked for its duties. */
export function revenueShareOf(probability: number, mixed: number, weight: number): number {
  if (!(mixed > 0)) return 0;
  return Math.max(0, Math.min(1, (mixed - (1 - weight) * clamp01(probability)) / mixed));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
