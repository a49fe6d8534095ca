/**
 * The columnar feature matrix every part of the ML module exchanges: one Float32Array, column-major
 * (`values[f * nRows + i]`), so that binning, statistics and drift checks read one feature contiguously and no
 * object is allocated per row or per cell. Missing values are NaN. Categorical features hold the integer code of
 * the category in `categories` (NaN when missing or unseen).
 */
export type FeatureKind = 'numeric' | 'categorical';

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
  /** Categorical features: the vocabulary, indexed by code. */
  categories?: string[];
}

export interface FeatureMatrix {
  nRows: number;
  features: FeatureSpec[];
  values: Float32Array;
}

export function createMatrix(features: FeatureSpec[], nRows: number): FeatureMatrix {
  return { nRows, features, values: new Float32Array(features.length * nRows) };
}

/** Builds a matrix from row arrays (tests and small inputs; hot paths fill `values` directly). */
export function matrixFromRows(features: FeatureSpec[], rows: ArrayLike<number>[]): FeatureMatrix {
  const m = createMatrix(features, rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== features.length) {
      throw new Error(`row ${i} has ${row.length} values, expected ${features.length}`);
    }
    for (let f = 0; f < features.length; f++) m.values[f * rows.length + i] = row[f]!;
  }
  return m;
}

/** Selects rows (in the given order) into a new matrix. */
export function selectRows(m: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const out = createMatrix(m.features, rows.length);
  for (let f = 0; f < m.features.length; f++) {
    const src = f * m.nRows;
    const dst = f * rows.length;
    for (let k = 0; k < rows.length; k++) out.values[dst + k] = m.values[src + rows[k]!]!;
  }
  return out;
}

/** Concatenates matrices with identical schemas. */
export function concatRows(parts: FeatureMatrix[]): FeatureMatrix {
  if (parts.length === 0) throw new Error('concatRows: no matrix given');
  const features = parts[0]!.features;
  const n = parts.reduce((s, p) => s + p.nRows, 0);
  const out = createMatrix(features, n);
  let at = 0;
  for (const p of parts) {
    if (p.features.length !== features.length) throw new Error('concatRows: schemas differ');
    for (let f = 0; f < features.length; f++) {
      out.values.set(p.values.subarray(f * p.nRows, (f + 1) * p.nRows), f * n + at);
    }
    at += p.nRows;
  }
  return out;
}

/** One feature's column (a view, not a copy). */
export function column(m: FeatureMatrix, f: number): Float32Array {
  return m.values.subarray(f * m.nRows, (f + 1) * m.nRows);
}
