/**
 * Targeting metrics. Customs selects the top n % of declarations by score, so precision, recall and revenue "at
 * n %" are the headline figures; ROC-AUC, calibration (reliability bins, Brier), population stability (drift)
 * and a per-group bias report complete the picture. `share` arguments are fractions (0.05 = top 5 %).
 */

/** Row indices by decreasing score; ties keep input order so results are reproducible. */
export function rankByScore(score: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(score.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => score[b]! - score[a]! || a - b);
  return idx;
}

/** Number of rows selected at a share: floor(n × share), at least 1. */
export function selectedCount(n: number, share: number): number {
  if (!(share > 0 && share <= 1)) throw new Error(`share must be in (0, 1], got ${share}`);
  if (n === 0) throw new Error('no rows to select from');
  return Math.max(1, Math.floor(n * share + 1e-9));
}

function checkLengths(label: ArrayLike<number>, score: ArrayLike<number>): void {
  if (label.length !== score.length) throw new Error(`${label.length} labels for ${score.length} scores`);
  if (label.length === 0) throw new Error('metrics need at least one row');
}

/** Share of frauds among the top `share` of rows by score. */
export function precisionAt(label: ArrayLike<number>, score: ArrayLike<number>, share: number): number {
  checkLengths(label, score);
  const order = rankByScore(score);
  const k = selectedCount(label.length, share);
  let hits = 0;
  for (let j = 0; j < k; j++) hits += label[order[j]!]! > 0 ? 1 : 0;
  return hits / k;
}

/** Share of all frauds found in the top `share` of rows. */
export function recallAt(label: ArrayLike<number>, score: ArrayLike<number>, share: number): number {
  checkLengths(label, score);
  const order = rankByScore(score);
  const k = selectedCount(label.length, share);
  let hits = 0;
  let total = 0;
  for (let i = 0; i < label.length; i++) total += label[i]! > 0 ? 1 : 0;
  for (let j = 0; j < k; j++) hits += label[order[j]!]! > 0 ? 1 : 0;
  return total ? hits / total : 0;
}

/** Revenue of the frauds caught in the top `share` over the revenue of all frauds (e.g. duties at stake). */
export function revenueAt(
  label: ArrayLike<number>,
  score: ArrayLike<number>,
  revenue: ArrayLike<number>,
  share: number,
): number {
  checkLengths(label, score);
  if (revenue.length !== label.length)
    throw new Error(`${revenue.length} revenues for ${label.length} labels`);
  const order = rankByScore(score);
  const k = selectedCount(label.length, share);
  let caught = 0;
  let total = 0;
  for (let i = 0; i < label.length; i++) if (label[i]! > 0) total += revenue[i]!;
  for (let j = 0; j < k; j++) if (label[order[j]!]! > 0) caught += revenue[order[j]!]!;
  return total > 0 ? caught / total : 0;
}

/** ROC-AUC by the rank-sum formula, tied scores sharing their average rank. */
export function rocAuc(label: ArrayLike<number>, score: ArrayLike<number>): number {
  checkLengths(label, score);
  const n = label.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => score[a]! - score[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[idx[j + 1]!] === score[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (label[idx[k]!]! > 0) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  n: number;
  meanPredicted: number;
  observedRate: number;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Mean squared error of the probabilities. */
  brier: number;
  /** Expected calibration error: row-weighted mean |observed − predicted| over bins. */
  ece: number;
}

/** Reliability table over equal-width probability bins. */
export function calibration(label: ArrayLike<number>, prob: ArrayLike<number>, nBins = 10): Calibration {
  checkLengths(label, prob);
  const n = label.length;
  const cnt = new Float64Array(nBins);
  const sp = new Float64Array(nBins);
  const sy = new Float64Array(nBins);
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const p = prob[i]!;
    const y = label[i]! > 0 ? 1 : 0;
    brier += (p - y) ** 2;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor(p * nBins)));
    cnt[b]!++;
    sp[b]! += p;
    sy[b]! += y;
  }
  const bins: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    const c = cnt[b]!;
    const bin = {
      lo: b / nBins,
      hi: (b + 1) / nBins,
      n: c,
      meanPredicted: c ? sp[b]! / c : 0,
      observedRate: c ? sy[b]! / c : 0,
    };
    bins.push(bin);
    ece += (c / n) * Math.abs(bin.observedRate - bin.meanPredicted);
  }
  return { bins, brier: brier / n, ece };
}

/**
 * Population stability index of `actual` against `expected`: bins are the deciles (or `nBins` quantiles) of the
 * expected distribution plus one bin for missing values. Rule of thumb: < 0.1 stable, 0.1–0.25 shift, > 0.25 drift.
 */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>, nBins = 10): number {
  if (expected.length === 0 || actual.length === 0) throw new Error('psi needs two non-empty samples');
  const finite = Array.from(expected).filter((v) => !Number.isNaN(v));
  finite.sort((a, b) => a - b);
  const edges: number[] = [];
  for (let b = 1; b < nBins; b++) {
    const q = finite[Math.floor((b * finite.length) / nBins)];
    if (q !== undefined && (edges.length === 0 || q > edges[edges.length - 1]!)) edges.push(q);
  }
  const hist = (values: ArrayLike<number>) => {
    const h = new Float64Array(edges.length + 2);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        h[edges.length + 1]!++;
        continue;
      }
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      h[lo]!++;
    }
    for (let b = 0; b < h.length; b++) h[b] = h[b]! / values.length;
    return h;
  };
  const e = hist(expected);
  const a = hist(actual);
  let s = 0;
  // A floor on shares keeps empty bins from giving infinite values.
  for (let b = 0; b < e.length; b++) {
    const pe = Math.max(e[b]!, 1e-4);
    const pa = Math.max(a[b]!, 1e-4);
    if (e[b] === 0 && a[b] === 0) continue;
    s += (pa - pe) * Math.log(pa / pe);
  }
  return s;
}

export interface BiasRow {
  group: string;
  n: number;
  selected: number;
  /** Selected / n. */
  selectionRate: number;
  /** Frauds among the selected (NaN when none selected). */
  precision: number;
  /** Frauds / n. */
  fraudRate: number;
  /** Selected frauds / frauds (NaN when the group has none). */
  recall: number;
}

/**
 * Selection rate and precision by group (office, origin, importer size…), to check that targeting does not
 * weigh on a group beyond what its fraud rate justifies. Rows sorted by group size.
 */
export function biasReport(
  group: ArrayLike<string>,
  selected: ArrayLike<boolean | number>,
  label: ArrayLike<number>,
): BiasRow[] {
  if (group.length !== selected.length || group.length !== label.length) {
    throw new Error('biasReport: group, selected and label must have the same length');
  }
  const acc = new Map<string, { n: number; sel: number; selFraud: number; fraud: number }>();
  for (let i = 0; i < group.length; i++) {
    const key = group[i]!;
    let a = acc.get(key);
    if (!a) {
      a = { n: 0, sel: 0, selFraud: 0, fraud: 0 };
      acc.set(key, a);
    }
    const s = Boolean(selected[i]);
    const y = label[i]! > 0;
    a.n++;
    if (s) a.sel++;
    if (y) a.fraud++;
    if (s && y) a.selFraud++;
  }
  return [...acc.entries()]
    .map(([g, a]) => ({
      group: g,
      n: a.n,
      selected: a.sel,
      selectionRate: a.sel / a.n,
      precision: a.sel ? a.selFraud / a.sel : Number.NaN,
      fraudRate: a.fraud / a.n,
      recall: a.fraud ? a.selFraud / a.fraud : Number.NaN,
    }))
    .sort((x, y) => y.n - x.n || (x.group < y.group ? -1 : 1));
}

/** Boolean selection mask of the top `share` of rows by score. */
export function selectTop(score: ArrayLike<number>, share: number): Uint8Array {
  const order = rankByScore(score);
  const k = selectedCount(score.length, share);
  const mask = new Uint8Array(score.length);
  for (let j = 0; j < k; j++) mask[order[j]!] = 1;
  return mask;
}
