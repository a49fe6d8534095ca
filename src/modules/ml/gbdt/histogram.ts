/**
 * Gradient quantisation for the histogram kernels (see docs/decisions/ml-histograms.md).
 *
 * Gradients and hessians are quantised to integers with stochastic rounding (unbiased) and packed into ONE
 * float64, g · 2^shift + h. Sums of packed values stay exact integers below 2^53, so a histogram bin needs one
 * add per row instead of two and histogram subtraction is exact. Leaf values are computed afterwards from the
 * exact gradients: quantisation only affects which split is chosen, and only marginally at these resolutions.
 */
import type { Rng } from './prng.ts';

/**
 * Quantises rows[0, nRows) of `gh` (interleaved gradient, hessian) into `packed`; writes [base, gUnit, hUnit]
 * to `quant`. Levels are chosen from the row count so that any sum over all rows is exact: n·levels < 2^shift
 * and n·levels·2^shift < 2^53.
 */
export function quantiseGradients(
  gh: Float64Array,
  rows: Uint32Array,
  nRows: number,
  rng: Rng,
  packed: Float64Array,
  quant: Float64Array,
): void {
  let gMax = 0;
  let hMax = 0;
  for (let k = 0; k < nRows; k++) {
    const r = rows[k]!;
    const g = Math.abs(gh[2 * r]!);
    const h = gh[2 * r + 1]!;
    if (g > gMax) gMax = g;
    if (h > hMax) hMax = h;
  }
  const nBits = Math.ceil(Math.log2(nRows + 1));
  const levelBits = Math.max(2, Math.min(15, Math.floor((52 - 2 * nBits) / 2)));
  const levels = 2 ** levelBits - 1;
  const base = 2 ** (nBits + levelBits + 1);
  const gs = gMax > 0 ? levels / gMax : 0;
  const hs = hMax > 0 ? levels / hMax : 0;
  quant[0] = base;
  quant[1] = gs > 0 ? 1 / gs : 0;
  quant[2] = hs > 0 ? 1 / hs : 0;
  for (let k = 0; k < nRows; k++) {
    const r = rows[k]!;
    const gq = Math.floor(gh[2 * r]! * gs + rng.next());
    const hq = Math.floor(gh[2 * r + 1]! * hs + rng.next());
    packed[r] = gq * base + hq;
  }
}

/** Decodes a packed sum into [gradient, hessian]. */
export function unpackSum(s: number, quant: Float64Array): [number, number] {
  const base = quant[0]!;
  const g = Math.floor(s / base);
  return [g * quant[1]!, (s - g * base) * quant[2]!];
}
