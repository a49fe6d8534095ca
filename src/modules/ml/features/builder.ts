/**
 * THE feature builder: DeclarationLine[] → columnar FeatureMatrix, used by training, scoring and the API.
 *
 * No leakage: features of a line lodged on day D only use outcomes whose label date (inspection, else lodgement)
 * is strictly before D. `transformOnline` walks the days in order — compute the day's features from the state,
 * then absorb the day's outcomes — so rows of the same day never see each other's labels, exactly as at scoring
 * time, where `transform` reads a frozen state.
 */
import type { DeclarationLine } from '../../declarations/index.ts';
import { createMatrix, type FeatureMatrix, type FeatureSpec } from '../matrix.ts';
import {
  dutiesOf,
  hs6Of,
  keyOf,
  labelDateOf,
  PAIR_DIMS,
  PROFILE_DIMS,
  type ProfileDim,
  unitValueOf,
} from './keys.ts';
import type { ReferenceBasis, ReferenceValueSource } from './reference.ts';
import { type Counts, FeatureState, rawCategorical } from './state.ts';

/** Dimensions whose critical-fraud (public safety) rate is a feature too. */
export const CRITICAL_DIMS: ProfileDim[] = ['importer', 'declarant', 'hs6', 'origin'];

/** Smoothing parents: a rare HS6 code borrows strength from its HS4 heading, and so on up. */
const PARENT: Partial<Record<ProfileDim, ProfileDim>> = {
  hs4: 'hs2',
  hs6: 'hs4',
  hs6_origin: 'hs6',
};

const BASIS_CODE: Record<ReferenceBasis, number> = { hs6_origin: 0, hs6: 1, hs4: 2 };

export const NUMERIC_FEATURES = [
  'hs2',
  'hs4',
  'hs6',
  'duty_rate',
  'log_value',
  'log_mass',
  'log_unit_value',
  'log_value_per_item',
  'log_duties',
  'weekday',
  'month',
  'departure_differs',
  'uv_ratio_ref',
  'ref_basis',
  'ref_n',
  'uv_ratio_hs6_origin',
  'uv_ratio_hs6',
] as const;

export interface BuilderOptions {
  /** Reference unit values from the valuation module; the state's learnt medians when absent. */
  references?: ReferenceValueSource;
}

const logOrNaN = (v: number) => (v > 0 ? Math.log(v) : Number.NaN);
const log1pOrNaN = (v: number) => (v >= 0 ? Math.log1p(v) : Number.NaN);

export class FeatureBuilder {
  readonly schema: FeatureSpec[];
  private readonly index: Map<string, number>;
  private readonly catFields: string[];
  private readonly dims: ProfileDim[];
  private readonly dateCache = new Map<string, [number, number]>();

  constructor(
    readonly state: FeatureState,
    private readonly options: BuilderOptions = {},
  ) {
    this.catFields = Object.keys(state.vocab);
    const specs: FeatureSpec[] = this.catFields.map((f) => ({
      name: `cat_${f}`,
      kind: 'categorical',
      categories: state.vocab[f]!,
    }));
    for (const name of NUMERIC_FEATURES) specs.push({ name, kind: 'numeric' });
    this.dims = PROFILE_DIMS.filter((d) => d !== 'repeat' || state.options.repeatProfile);
    for (const d of this.dims)
      specs.push({ name: `${d}_rate`, kind: 'numeric' }, { name: `${d}_n`, kind: 'numeric' });
    for (const d of CRITICAL_DIMS) specs.push({ name: `${d}_critical_rate`, kind: 'numeric' });
    for (const d of PAIR_DIMS) specs.push({ name: `${d}_n`, kind: 'numeric' });
    this.schema = specs;
    this.index = new Map(specs.map((s, i) => [s.name, i]));
  }

  /** Position of a feature in the schema (throws on unknown names). */
  featureIndex(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`unknown feature ${name}`);
    return i;
  }

  /** Features from the current state, which is left untouched (scoring). */
  transform(lines: readonly DeclarationLine[]): FeatureMatrix {
    const m = createMatrix(this.schema, lines.length);
    for (let i = 0; i < lines.length; i++) this.fillRow(m, i, lines[i]!);
    return m;
  }

  /** Features in date order with outcomes absorbed as they become known (training, back-tests). */
  transformOnline(lines: readonly DeclarationLine[]): FeatureMatrix {
    const n = lines.length;
    const m = createMatrix(this.schema, n);
    const byLodged = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
      lines[a]!.lodged_on < lines[b]!.lodged_on ? -1 : lines[a]!.lodged_on > lines[b]!.lodged_on ? 1 : a - b,
    );
    const labelled = byLodged.filter((i) => lines[i]!.outcome !== null);
    const labelDate = labelled.map((i) => labelDateOf(lines[i]!));
    const order = labelled
      .map((_, k) => k)
      .sort((a, b) => (labelDate[a]! < labelDate[b]! ? -1 : labelDate[a]! > labelDate[b]! ? 1 : a - b));
    let a = 0;
    let b = 0;
    const END = '\uffff';
    while (a < n || b < order.length) {
      const dA = a < n ? lines[byLodged[a]!]!.lodged_on : END;
      const dB = b < order.length ? labelDate[order[b]!]! : END;
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings
      const day = dA < dB ? dA : dB;
      for (; a < n && lines[byLodged[a]!]!.lodged_on === day; a++)
        this.fillRow(m, byLodged[a]!, lines[byLodged[a]!]!);
      const batch: DeclarationLine[] = [];
      for (; b < order.length && labelDate[order[b]!] === day; b++) batch.push(lines[labelled[order[b]!]!]!);
      this.state.absorb(batch);
    }
    return m;
  }

  private calendar(date: string): [number, number] {
    let c = this.dateCache.get(date);
    if (!c) {
      const t = Date.parse(`${date}T00:00:00Z`);
      const d = new Date(t);
      c = Number.isNaN(t) ? [Number.NaN, Number.NaN] : [d.getUTCDay(), d.getUTCMonth() + 1];
      this.dateCache.set(date, c);
    }
    return c;
  }

  private fillRow(m: FeatureMatrix, i: number, line: DeclarationLine): void {
    const n = m.nRows;
    const v = m.values;
    const set = (name: string, value: number) => {
      v[this.index.get(name)! * n + i] = value;
    };
    const s = this.state;
    this.catFields.forEach((field, f) => {
      v[f * n + i] = s.encode(field, rawCategorical(line, field));
    });
    const hs6 = hs6Of(line);
    set('hs2', hs6.length >= 2 ? Number(hs6.slice(0, 2)) : Number.NaN);
    set('hs4', hs6.length >= 4 ? Number(hs6.slice(0, 4)) : Number.NaN);
    set('hs6', hs6.length >= 6 ? Number(hs6) : Number.NaN);
    const item = line.item;
    set('duty_rate', item.duty_rate ?? Number.NaN);
    set('log_value', log1pOrNaN(item.customs_value));
    set('log_mass', item.net_mass_kg === null ? Number.NaN : log1pOrNaN(item.net_mass_kg));
    const uv = unitValueOf(line);
    set('log_unit_value', !Number.isNaN(uv) ? Math.log(Math.max(uv, 1e-9)) : Number.NaN);
    set('log_value_per_item', item.quantity ? logOrNaN(item.customs_value / item.quantity) : Number.NaN);
    set('log_duties', log1pOrNaN(dutiesOf(line)));
    const [weekday, month] = this.calendar(line.lodged_on);
    set('weekday', weekday);
    set('month', month);
    const dep = line.departure_country;
    const org = item.origin_country;
    set('departure_differs', dep && org ? (dep === org ? 0 : 1) : Number.NaN);
    // Ratios on a log scale, floored so that a zero value or reference stays finite (and extreme).
    const ratio = (ref: number) =>
      !Number.isNaN(uv) ? Math.log(Math.max(uv, 1e-9) / Math.max(ref, 1e-9)) : Number.NaN;
    const ref = (this.options.references ?? s.references).lookup(hs6, org, line.lodged_on);
    set('uv_ratio_ref', ref ? ratio(ref.unitValue) : Number.NaN);
    set('ref_basis', ref ? BASIS_CODE[ref.basis] : Number.NaN);
    set('ref_n', ref ? ref.n : 0);
    // Each level on its own too, whatever its count: trees weigh them with the counts.
    const refHo = s.references.lookupLevel('hs6_origin', hs6, org);
    set('uv_ratio_hs6_origin', refHo ? ratio(refHo.unitValue) : Number.NaN);
    const refHs6 = s.references.lookupLevel('hs6', hs6, org);
    set('uv_ratio_hs6', refHs6 ? ratio(refHs6.unitValue) : Number.NaN);

    const m0 = s.options.smoothing;
    const p = s.prior;
    const globalRate = (p[1] + 1) / (p[0] + 2);
    const globalCrit = (p[2] + 0.1) / (p[0] + 1);
    const rates = new Map<ProfileDim, number>();
    const rateOf = (dim: ProfileDim): number => {
      const known = rates.get(dim);
      if (known !== undefined) return known;
      const key = keyOf(line, dim);
      const parent = s.options.hierarchical ? PARENT[dim] : undefined;
      const prior = parent ? rateOf(parent) : globalRate;
      const c = s.counts(dim, key);
      const r =
        key === null
          ? Number.NaN
          : c
            ? (c[1] + m0 * (!Number.isNaN(prior) ? prior : globalRate)) / (c[0] + m0)
            : prior;
      rates.set(dim, r);
      return r;
    };
    for (const dim of this.dims) {
      const key = keyOf(line, dim);
      set(`${dim}_rate`, rateOf(dim));
      set(`${dim}_n`, key === null ? Number.NaN : (s.counts(dim, key)?.[0] ?? 0));
    }
    for (const dim of CRITICAL_DIMS) {
      const key = keyOf(line, dim);
      const c: Counts | undefined = s.counts(dim, key);
      set(
        `${dim}_critical_rate`,
        key === null ? Number.NaN : c ? (c[2] + m0 * globalCrit) / (c[0] + m0) : globalCrit,
      );
    }
    for (const dim of PAIR_DIMS) {
      const key = keyOf(line, dim);
      set(`${dim}_n`, key === null ? Number.NaN : (s.counts(dim, key)?.[0] ?? 0));
    }
  }
}

/** A fresh state fitted on `lines` and a builder over it. */
export function createBuilder(lines: DeclarationLine[], options: BuilderOptions = {}): FeatureBuilder {
  return new FeatureBuilder(FeatureState.fit(lines), options);
}
