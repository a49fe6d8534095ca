/**
 * Best-split search over a node's packed gradient histogram (see histogram.ts for the packing). Splits are
 * scored with the second-order gain ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)]; missing values (bin 0) are tried
 * on both sides and routed to the better one. Categorical features get LightGBM-style many-vs-many splits
 * (categories ordered by gradient ratio, prefixes scanned from both ends) or one-vs-rest when they are few.
 * Nothing is allocated per node: candidates are written into a reusable `SplitCandidate`.
 */

export interface SplitParams {
  lambda: number;
  minChildWeight: number;
  minSplitGain: number;
  /** Extra L2 for categorical splits: many-way partitions overfit more easily than thresholds. */
  catL2: number;
  /** Added to the hessian when ordering categories by gradient ratio, so tiny categories are not ranked extreme. */
  catSmooth: number;
  /** At most this many categories on the left side of a categorical split. */
  maxCatThreshold: number;
  /** Categorical features with at most this many categories use one-vs-rest splits. */
  maxCatToOneHot: number;
}

/** How packed sums decode: integer G = floor(s / base), H = s − G·base; real values G·gUnit, H·hUnit. */
export interface Quantisation {
  base: number;
  gUnit: number;
  hUnit: number;
}

export class SplitCandidate {
  gain = 0;
  feature = -1;
  /** Numeric: bins 1..binThreshold go left; -1 for categorical. */
  binThreshold = -1;
  defaultLeft = false;
  leftG = 0;
  leftH = 0;
  /** goesLeft[bin] = 1 when the bin's rows go left (bin 0: missing values). */
  readonly goesLeft = new Uint8Array(256);

  reset(minGain: number): void {
    this.gain = minGain;
    this.feature = -1;
  }

  copyFrom(o: SplitCandidate): void {
    this.gain = o.gain;
    this.feature = o.feature;
    this.binThreshold = o.binThreshold;
    this.defaultLeft = o.defaultLeft;
    this.leftG = o.leftG;
    this.leftH = o.leftH;
    this.goesLeft.set(o.goesLeft);
  }

  clone(): SplitCandidate {
    const c = new SplitCandidate();
    c.copyFrom(this);
    return c;
  }
}

export class SplitFinder {
  private readonly g = new Float64Array(256);
  private readonly h = new Float64Array(256);
  private readonly used = new Int32Array(256);
  private readonly key = new Float64Array(256);

  constructor(private readonly p: SplitParams) {}

  /** Decodes the bins of one feature into `g` and `h`. */
  private decode(hist: Float64Array, off: number, nb: number, q: Quantisation): void {
    const { base, gUnit, hUnit } = q;
    const inv = 1 / base;
    for (let b = 0; b < nb; b++) {
      const s = hist[off + b]!;
      if (s === 0) {
        this.g[b] = 0;
        this.h[b] = 0;
        continue;
      }
      const gi = Math.floor(s * inv);
      this.g[b] = gi * gUnit;
      this.h[b] = (s - gi * base) * hUnit;
    }
  }

  /**
   * Updates `best` when a threshold on this numeric feature beats it. Decoding is fused with the scan, sums are
   * accumulated as exact integers, and empty bins are skipped (they repeat the previous partition).
   */
  numeric(
    hist: Float64Array,
    off: number,
    nb: number,
    q: Quantisation,
    sumG: number,
    sumH: number,
    feature: number,
    best: SplitCandidate,
  ): void {
    const { lambda, minChildWeight: mcw } = this.p;
    const { base, gUnit, hUnit } = q;
    const inv = 1 / base;
    const s0 = hist[off]!;
    const gi0 = Math.floor(s0 * inv);
    const missG = gi0 * gUnit;
    const missH = (s0 - gi0 * base) * hUnit;
    const parent = (sumG * sumG) / (sumH + lambda);
    let bestGain = best.gain;
    let bin = -1;
    let missLeft = false;
    let gInt = 0;
    let hInt = 0;
    for (let b = 1; b < nb - 1; b++) {
      const s = hist[off + b]!;
      if (s === 0) continue;
      const gi = Math.floor(s * inv);
      gInt += gi;
      hInt += s - gi * base;
      const gl = gInt * gUnit;
      const hl = hInt * hUnit;
      let hr = sumH - hl;
      if (hl >= mcw && hr >= mcw) {
        const gr = sumG - gl;
        const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent);
        if (gain > bestGain) {
          bestGain = gain;
          bin = b;
          missLeft = false;
        }
      }
      if (missH > 0) {
        const gl2 = gl + missG;
        const hl2 = hl + missH;
        hr = sumH - hl2;
        if (hl2 >= mcw && hr >= mcw) {
          const gr = sumG - gl2;
          const gain = 0.5 * ((gl2 * gl2) / (hl2 + lambda) + (gr * gr) / (hr + lambda) - parent);
          if (gain > bestGain) {
            bestGain = gain;
            bin = b;
            missLeft = true;
          }
        }
      }
    }
    if (bin < 0) return;
    gInt = 0;
    hInt = 0;
    for (let b = 1; b <= bin; b++) {
      const s = hist[off + b]!;
      const gi = Math.floor(s * inv);
      gInt += gi;
      hInt += s - gi * base;
    }
    let leftG = gInt * gUnit;
    let leftH = hInt * hUnit;
    best.gain = bestGain;
    best.feature = feature;
    best.binThreshold = bin;
    // With no missing value in this node, future missing values follow the heavier side.
    best.defaultLeft = missH > 0 ? missLeft : leftH >= sumH - leftH;
    if (missLeft) {
      leftG += missG;
      leftH += missH;
    }
    best.leftG = leftG;
    best.leftH = leftH;
    const table = best.goesLeft;
    table.fill(0);
    for (let b = 1; b <= bin; b++) table[b] = 1;
    table[0] = best.defaultLeft ? 1 : 0;
  }

  /** Updates `best` when a partition of this categorical feature's categories beats it. */
  categorical(
    hist: Float64Array,
    off: number,
    nb: number,
    q: Quantisation,
    sumG: number,
    sumH: number,
    feature: number,
    best: SplitCandidate,
  ): void {
    this.decode(hist, off, nb, q);
    const p = this.p;
    const lambda = p.lambda + p.catL2;
    const mcw = p.minChildWeight;
    const G = this.g;
    const H = this.h;
    const missG = G[0]!;
    const missH = H[0]!;
    const used = this.used;
    let nUsed = 0;
    for (let b = 1; b < nb; b++) if (H[b]! > 0) used[nUsed++] = b;
    if (nUsed === 0 || (nUsed === 1 && missH === 0)) return;
    const parent = (sumG * sumG) / (sumH + lambda);
    let bestGain = best.gain;
    // Winning candidate: `count` entries of `used` from the front (dir 1) or the back (dir -1), or one-hot `bin`.
    let winCount = 0;
    let winDir = 0;
    let winMissLeft = false;
    const evaluate = (gl: number, hl: number): number => {
      let improved = 0;
      const hr = sumH - hl;
      if (hl >= mcw && hr >= mcw) {
        const gr = sumG - gl;
        const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent);
        if (gain > bestGain) {
          bestGain = gain;
          improved = 1;
        }
      }
      if (missH > 0) {
        const gl2 = gl + missG;
        const hl2 = hl + missH;
        const hr2 = sumH - hl2;
        if (hl2 >= mcw && hr2 >= mcw) {
          const gr = sumG - gl2;
          const gain = 0.5 * ((gl2 * gl2) / (hl2 + lambda) + (gr * gr) / (hr2 + lambda) - parent);
          if (gain > bestGain) {
            bestGain = gain;
            improved = 2;
          }
        }
      }
      return improved;
    };
    if (nUsed <= p.maxCatToOneHot) {
      for (let k = 0; k < nUsed; k++) {
        const b = used[k]!;
        const r = evaluate(G[b]!, H[b]!);
        if (r) {
          // One-hot: record as "the k-th used bin alone" via a front window of one starting at k.
          winCount = k + 1;
          winDir = 2;
          winMissLeft = r === 2;
        }
      }
    } else {
      // Order categories by G / (H + smooth): insertion sort, nUsed is small.
      const key = this.key;
      for (let k = 0; k < nUsed; k++) key[used[k]!] = G[used[k]!]! / (H[used[k]!]! + p.catSmooth);
      for (let k = 1; k < nUsed; k++) {
        const b = used[k]!;
        const kb = key[b]!;
        let j = k - 1;
        while (j >= 0 && (key[used[j]!]! > kb || (key[used[j]!] === kb && used[j]! > b))) {
          used[j + 1] = used[j]!;
          j--;
        }
        used[j + 1] = b;
      }
      const limit = Math.min(p.maxCatThreshold, nUsed - 1);
      for (const dir of [1, -1]) {
        let gl = 0;
        let hl = 0;
        for (let k = 0; k < limit; k++) {
          const b = dir === 1 ? used[k]! : used[nUsed - 1 - k]!;
          gl += G[b]!;
          hl += H[b]!;
          const r = evaluate(gl, hl);
          if (r) {
            winCount = k + 1;
            winDir = dir;
            winMissLeft = r === 2;
          }
        }
      }
    }
    if (winDir === 0) return;
    const table = best.goesLeft;
    table.fill(0);
    if (winDir === 2) table[used[winCount - 1]!] = 1;
    else for (let k = 0; k < winCount; k++) table[winDir === 1 ? used[k]! : used[nUsed - 1 - k]!] = 1;
    table[0] = winMissLeft ? 1 : 0;
    let leftG = winMissLeft ? missG : 0;
    let leftH = winMissLeft ? missH : 0;
    for (let b = 1; b < nb; b++) {
      if (table[b]) {
        leftG += G[b]!;
        leftH += H[b]!;
      }
    }
    best.gain = bestGain;
    best.feature = feature;
    best.binThreshold = -1;
    best.defaultLeft = winMissLeft;
    best.leftG = leftG;
    best.leftH = leftH;
  }
}
