/**
 * The feature state: everything the feature builder knows from labelled history — vocabularies of the raw
 * categorical fields, outcome counts per importer / declarant / HS code / …, and the reference unit values. It is
 * serialised with the model, so scoring a file needs no database: the state at the end of training (or updated
 * later with new outcomes via `absorb`) is the whole memory of the past.
 */
import type { DeclarationLine } from '../../declarations/index.ts';
import { CountTable } from './counts.ts';
import { hs6Of, KEY_DIMS, type KeyDim, keyOf, unitValueOf } from './keys.ts';
import { MedianReferenceTable, type ReferenceTableJSON } from './reference.ts';

export const STATE_FORMAT = 'vigie-feature-state';
export const STATE_VERSION = 1;

/** Raw categorical fields of the header and item (attributes are added per key found in training data). */
export const RAW_CATEGORICALS = [
  'office',
  'procedure',
  'transport_mode',
  'departure_country',
  'origin_country',
  'tax_type',
  'origin_indicator',
] as const;

export const OTHER_CATEGORY = '(other)';

export function rawCategorical(line: DeclarationLine, field: string): string | null {
  switch (field) {
    case 'office':
      return line.office || null;
    case 'procedure':
      return line.procedure;
    case 'transport_mode':
      return line.transport_mode;
    case 'departure_country':
      return line.departure_country;
    case 'origin_country':
      return line.item.origin_country;
    case 'tax_type':
      return line.item.tax_type;
    case 'origin_indicator':
      return line.item.origin_indicator;
    default:
      return field.startsWith('attr_') ? (line.attributes[field.slice(5)] ?? null) : null;
  }
}

export interface FeatureStateOptions {
  /** m of the m-estimate: rates are (frauds + m × prior) / (count + m). */
  smoothing: number;
  /** Categories kept per raw field (most frequent); the rest share OTHER_CATEGORY. */
  maxCategories: number;
  /** Attributes present on fewer lines than this share are not turned into features. */
  minAttributeShare: number;
  referenceWindow: number;
  referenceMinCount: number;
  /** Smooth HS6 toward HS4, HS4 toward HS2, HS6×origin toward HS6 instead of toward the global rate. */
  hierarchical: boolean;
  /**
   * Profile exact repeats (same HS6, origin, value and mass as earlier declarations). Very strong on the KCS
   * data, see docs/decisions/ml-repeat-profile.md; off removes the two features.
   */
  repeatProfile: boolean;
}

export const DEFAULT_STATE_OPTIONS: FeatureStateOptions = {
  smoothing: 5,
  maxCategories: 200,
  minAttributeShare: 0.01,
  referenceWindow: 1000,
  referenceMinCount: 3,
  hierarchical: false,
  repeatProfile: true,
};

export interface FeatureStateJSON {
  format: typeof STATE_FORMAT;
  version: number;
  options: FeatureStateOptions;
  vocab: Record<string, string[]>;
  /** Outcome counts per dimension: for each key, [n, frauds, critical] at counts[3k..3k+2]. */
  profiles: Record<string, { keys: string[]; counts: number[] }>;
  prior: [number, number, number];
  references: ReferenceTableJSON;
  lastLabelDate: string | null;
}

/** [labelled count, frauds (incl. critical), critical] */
export type Counts = [number, number, number];

export class FeatureState {
  readonly profiles = new Map<KeyDim, CountTable>(KEY_DIMS.map((d) => [d, new CountTable()]));
  readonly prior: Counts = [0, 0, 0];
  lastLabelDate: string | null = null;
  private readonly codes: Map<string, Map<string, number>>;

  private constructor(
    readonly options: FeatureStateOptions,
    /** Raw categorical feature name → categories (index = code). */
    readonly vocab: Record<string, string[]>,
    readonly references: MedianReferenceTable,
  ) {
    this.codes = new Map(Object.entries(vocab).map(([k, cats]) => [k, new Map(cats.map((c, i) => [c, i]))]));
  }

  /** A state with vocabularies learnt from `lines` and no outcome absorbed yet. */
  static fit(lines: DeclarationLine[], options: Partial<FeatureStateOptions> = {}): FeatureState {
    const o = { ...DEFAULT_STATE_OPTIONS, ...options };
    const attrCounts = new Map<string, number>();
    for (const l of lines)
      for (const k of Object.keys(l.attributes)) attrCounts.set(k, (attrCounts.get(k) ?? 0) + 1);
    const attrs = [...attrCounts.entries()]
      .filter(([, c]) => c >= o.minAttributeShare * lines.length)
      .map(([k]) => `attr_${k}`)
      .sort();
    const vocab: Record<string, string[]> = {};
    for (const field of [...RAW_CATEGORICALS, ...attrs]) {
      const counts = new Map<string, number>();
      for (const l of lines) {
        const v = rawCategorical(l, field);
        if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const sorted = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([v]) => v);
      vocab[field] =
        sorted.length > o.maxCategories ? [...sorted.slice(0, o.maxCategories - 1), OTHER_CATEGORY] : sorted;
    }
    return new FeatureState(o, vocab, new MedianReferenceTable(o.referenceWindow, o.referenceMinCount));
  }

  /** Code of a raw categorical value: its index, the OTHER code for rare values, NaN when missing or unseen. */
  encode(field: string, value: string | null): number {
    if (value === null) return Number.NaN;
    const map = this.codes.get(field);
    if (!map) return Number.NaN;
    return map.get(value) ?? map.get(OTHER_CATEGORY) ?? Number.NaN;
  }

  counts(dim: KeyDim, key: string | null): Counts | undefined {
    return key === null ? undefined : this.profiles.get(dim)!.get(key);
  }

  /** Adds labelled lines' outcomes to the profiles and compliant lines' unit values to the references. */
  absorb(lines: Iterable<DeclarationLine>): void {
    for (const line of lines) {
      const outcome = line.outcome;
      if (!outcome) continue;
      const fraud = outcome.result === 'compliant' ? 0 : 1;
      const critical = outcome.result === 'critical' ? 1 : 0;
      this.prior[0]++;
      this.prior[1] += fraud;
      this.prior[2] += critical;
      for (const dim of KEY_DIMS) {
        if (dim === 'repeat' && !this.options.repeatProfile) continue;
        const key = keyOf(line, dim);
        if (key === null) continue;
        this.profiles.get(dim)!.add(key, fraud, critical);
      }
      // References describe what honest declarations cost, so only compliant outcomes feed them.
      if (!fraud) this.references.add(hs6Of(line), line.item.origin_country, unitValueOf(line));
      const d =
        outcome.inspected_on && outcome.inspected_on > line.lodged_on ? outcome.inspected_on : line.lodged_on;
      if (this.lastLabelDate === null || d > this.lastLabelDate) this.lastLabelDate = d;
    }
  }

  clone(): FeatureState {
    return FeatureState.fromJSON(this.toJSON());
  }

  toJSON(): FeatureStateJSON {
    const profiles: FeatureStateJSON['profiles'] = {};
    for (const [dim, table] of this.profiles) profiles[dim] = table.toJSON();
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      options: this.options,
      vocab: this.vocab,
      profiles,
      prior: [...this.prior],
      references: this.references.toJSON(),
      lastLabelDate: this.lastLabelDate,
    };
  }

  static fromJSON(json: FeatureStateJSON): FeatureState {
    if (!json || json.format !== STATE_FORMAT)
      throw new Error(`invalid feature state: format is not ${STATE_FORMAT}`);
    if (json.version !== STATE_VERSION) throw new Error(`unsupported feature state version ${json.version}`);
    const s = new FeatureState(
      { ...DEFAULT_STATE_OPTIONS, ...json.options },
      json.vocab,
      MedianReferenceTable.fromJSON(json.references),
    );
    for (const dim of KEY_DIMS) {
      const p = json.profiles[dim];
      if (!p) continue;
      s.profiles.set(dim, CountTable.fromJSON(p, dim));
    }
    s.prior[0] = json.prior[0];
    s.prior[1] = json.prior[1];
    s.prior[2] = json.prior[2];
    s.lastLabelDate = json.lastLabelDate;
    return s;
  }
}
