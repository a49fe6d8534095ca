/**
 * Quantile binning. Every feature is mapped to at most 256 bins stored as one byte per cell: bin 0 is reserved
 * for missing values, bins 1..k hold values in increasing order (numeric) or categories by decreasing frequency
 * (categorical). Training then only ever touches the Uint8Array, and histograms have a fixed small size.
 */
import type { FeatureKind, FeatureMatrix } from '../matrix.ts';
import { Rng } from './prng.ts';

export const MISSING_BIN = 0;

export interface BinMapper {
  kind: FeatureKind;
  /** Bins including the missing bin 0. */
  nBins: number;
  /** Numeric: bin upper bounds; value v goes to bin 1 + #{cuts < v}, so bins 1..b hold exactly v <= cuts[b-1]. */
  cuts: Float64Array;
  /** Categorical: category code → bin (0 when the code never occurs in training, i.e. treated as missing). */
  catToBin: Int32Array;
  /** Features with a single non-missing value and no missing: no split possible, skipped by training. */
  trivial: boolean;
}

/** Feature-major binned matrix: `bins[f * nRows + i]`. */
export interface BinnedMatrix {
  nRows: number;
  nFeatures: number;
  bins: Uint8Array;
  mappers: BinMapper[];
  /** Histogram offset (in bins) of each feature, so all features share one flat histogram array. */
  offsets: Int32Array;
  totalBins: number;
}

export interface BinningOptions {
  /** Bins for non-missing values, at most 255. */
  maxBins?: number;
  /** Rows sampled to compute the cuts (all rows when fewer). */
  sampleRows?: number;
  seed?: number;
}

function numericCuts(values: Float64Array, maxBins: number): Float64Array {
  values.sort();
  const n = values.length;
  if (n === 0) return new Float64Array(0);
  // Distinct values with their counts.
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (distinct.length && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const cuts: number[] = [];
  const mid = (a: number, b: number) => {
    const m = a + (b - a) / 2;
    return m >= b ? a : m;
  };
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) cuts.push(mid(distinct[i]!, distinct[i + 1]!));
    return Float64Array.from(cuts);
  }
  // Greedy equal-frequency bins over distinct values; re-aiming at each cut keeps a heavy value (e.g. 0) from
  // swallowing the bins meant for the rest of the distribution.
  let remainingRows = n;
  let remainingBins = maxBins;
  let acc = 0;
  for (let i = 0; i + 1 < distinct.length && remainingBins > 1; i++) {
    acc += counts[i]!;
    const target = remainingRows / remainingBins;
    const distinctLeft = distinct.length - i - 1;
    if (acc >= target || distinctLeft < remainingBins) {
      cuts.push(mid(distinct[i]!, distinct[i + 1]!));
      remainingRows -= acc;
      remainingBins--;
      acc = 0;
    }
  }
  return Float64Array.from(cuts);
}

/** Computes the bin mappers of every feature from (a sample of) the matrix. */
export function fitBinMappers(m: FeatureMatrix, options: BinningOptions = {}): BinMapper[] {
  const maxBins = Math.min(255, Math.max(2, options.maxBins ?? 255));
  const sampleRows = options.sampleRows ?? 200_000;
  let rows: Uint32Array | null = null;
  if (m.nRows > sampleRows) {
    const rng = new Rng(options.seed ?? 0);
    rows = new Uint32Array(sampleRows);
    for (let k = 0; k < sampleRows; k++) rows[k] = rng.int(m.nRows);
  }
  const nUsed = rows ? rows.length : m.nRows;
  const mappers: BinMapper[] = [];
  for (let f = 0; f < m.features.length; f++) {
    const spec = m.features[f]!;
    const col = m.values.subarray(f * m.nRows, (f + 1) * m.nRows);
    let missing = 0;
    if (spec.kind === 'numeric') {
      const vals = new Float64Array(nUsed);
      let k = 0;
      for (let j = 0; j < nUsed; j++) {
        const v = col[rows ? rows[j]! : j]!;
        if (Number.isNaN(v)) missing++;
        else vals[k++] = v;
      }
      const cuts = numericCuts(vals.subarray(0, k), maxBins);
      mappers.push({
        kind: 'numeric',
        nBins: cuts.length + 2,
        cuts,
        catToBin: new Int32Array(0),
        trivial: cuts.length === 0 && (missing === 0 || k === 0),
      });
    } else {
      const nCats = spec.categories?.length ?? 0;
      // Prediction keeps category codes in a byte with two reserved values (unseen, missing).
      if (nCats > 254) {
        throw new Error(
          `feature ${spec.name}: ${nCats} categories, at most 254 are supported (group rare ones)`,
        );
      }
      const counts = new Float64Array(nCats);
      for (let j = 0; j < nUsed; j++) {
        const v = col[rows ? rows[j]! : j]!;
        if (Number.isNaN(v)) missing++;
        else if (v >= 0 && v < nCats) counts[v]!++;
        else throw new Error(`feature ${spec.name}: category code ${v} outside its ${nCats} categories`);
      }
      const order = Array.from({ length: nCats }, (_, c) => c)
        .filter((c) => counts[c]! > 0)
        .sort((a, b) => counts[b]! - counts[a]! || a - b);
      const catToBin = new Int32Array(nCats);
      // The rarest categories beyond the byte budget share the last bin.
      for (let r = 0; r < order.length; r++) catToBin[order[r]!] = Math.min(r + 1, maxBins);
      const used = Math.min(order.length, maxBins);
      mappers.push({
        kind: 'categorical',
        nBins: used + 1,
        cuts: new Float64Array(0),
        catToBin,
        trivial: used <= 1 && (missing === 0 || used === 0),
      });
    }
  }
  return mappers;
}

function binColumn(col: Float32Array, mapper: BinMapper, out: Uint8Array): void {
  const n = col.length;
  if (mapper.kind === 'numeric') {
    const cuts = mapper.cuts;
    const nc = cuts.length;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (Number.isNaN(v)) {
        out[i] = MISSING_BIN;
        continue;
      }
      // Lower bound: number of cuts strictly below v.
      let lo = 0;
      let hi = nc;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cuts[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      out[i] = lo + 1;
    }
  } else {
    const map = mapper.catToBin;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      out[i] = Number.isNaN(v) || v < 0 || v >= map.length ? MISSING_BIN : map[v]!;
    }
  }
}

/** Bins a matrix with mappers fitted earlier (training or validation data). */
export function applyBins(m: FeatureMatrix, mappers: BinMapper[]): BinnedMatrix {
  if (mappers.length !== m.features.length) {
    throw new Error(`binning: matrix has ${m.features.length} features, mappers ${mappers.length}`);
  }
  const n = m.nRows;
  const bins = new Uint8Array(n * mappers.length);
  const offsets = new Int32Array(mappers.length);
  let total = 0;
  for (let f = 0; f < mappers.length; f++) {
    offsets[f] = total;
    total += mappers[f]!.nBins;
    binColumn(m.values.subarray(f * n, (f + 1) * n), mappers[f]!, bins.subarray(f * n, (f + 1) * n));
  }
  return { nRows: n, nFeatures: mappers.length, bins, mappers, offsets, totalBins: total };
}
