/**
 * Why an item is unusual, in words: the isolation forest says *how* unusual a line is (one score over every
 * feature), not *what* is unusual. For that, training keeps robust statistics — median and MAD on the log scale —
 * of a few quantities people reason about (net mass, customs value, value per kg, value per item) per HS6 × origin,
 * per HS6 and over all lines. An item's quantity is compared with the most specific group that has at least
 * `minCount` training values of it: robust z = (x − median) / (1.4826 × max(MAD, 0.05)). A quantity is named when
 * |z| ≥ 3 and it is at least twice, or at most half, the group's median ("net mass 40× the usual for HS 620822
 * from CN"). Simple on purpose: an officer can check the figure against the declarations of the group; the forest
 * may also find a line unusual for a combination of other features, which is then said as such.
 */
import { type Lang, numberLocale, type Texts } from '../../../platform/lib/lang.ts';
import type { DeclarationLine } from '../../declarations/index.ts';
import { hs6Of } from '../features/keys.ts';
import type { FeatureMatrix } from '../matrix.ts';

/** The features described, all on a log scale (log1p for value and mass, log for the per-unit values). */
export const PROFILED_FEATURES = ['log_mass', 'log_value', 'log_unit_value', 'log_value_per_item'] as const;
export type ProfiledFeature = (typeof PROFILED_FEATURES)[number];

/** Per profiled feature (null: fewer than minCount values in the group): [count, median, MAD]. */
export type GroupStats = ([number, number, number] | null)[];

export interface AnomalyProfile {
  format: 'vigie-anomaly-profile';
  version: 1;
  features: ProfiledFeature[];
  minCount: number;
  all: GroupStats;
  hs6: Record<string, GroupStats>;
  hs6Origin: Record<string, GroupStats>;
}

export type GroupLevel = 'hs6_origin' | 'hs6' | 'all';

export interface Unusual {
  feature: ProfiledFeature;
  level: GroupLevel;
  /** HS6 (and origin) of the group compared with. */
  hs6: string | null;
  origin: string | null;
  /** Training values in the group. */
  n: number;
  /** Robust z-score on the log scale. */
  z: number;
  /** The item's value over the group's median (exp of the log difference). */
  ratio: number;
}

export const MIN_Z = 3;
export const MIN_RATIO = 2;
const MAD_FLOOR = 0.05;

const originOf = (line: DeclarationLine) => line.item.origin_country ?? '';
const round = (x: number) => Math.round(x * 1e4) / 1e4;

function median(sorted: Float64Array): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

function statsOf(m: FeatureMatrix, columns: number[], rows: readonly number[], minCount: number): GroupStats {
  return columns.map((f) => {
    if (f < 0) return null;
    const values: number[] = [];
    for (const i of rows) {
      const v = m.values[f * m.nRows + i]!;
      if (!Number.isNaN(v)) values.push(v);
    }
    if (values.length < minCount) return null;
    const sorted = Float64Array.from(values).sort();
    const med = median(sorted);
    const dev = Float64Array.from(sorted, (v) => Math.abs(v - med)).sort();
    return [values.length, round(med), round(median(dev))];
  });
}

/** Robust statistics of the profiled features per HS6 × origin, HS6 and overall, from the training matrix. */
export function fitAnomalyProfile(
  m: FeatureMatrix,
  lines: readonly DeclarationLine[],
  minCount = 10,
): AnomalyProfile {
  if (lines.length !== m.nRows) throw new Error('anomaly profile: one line per matrix row is needed');
  const columns = PROFILED_FEATURES.map((name) => m.features.findIndex((f) => f.name === name));
  const byHs6 = new Map<string, number[]>();
  const byPair = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const hs6 = hs6Of(line);
    for (const [map, key] of [
      [byHs6, hs6],
      [byPair, `${hs6}|${originOf(line)}`],
    ] as const) {
      const rows = map.get(key);
      if (rows) rows.push(i);
      else map.set(key, [i]);
    }
  });
  const groups = (map: Map<string, number[]>) => {
    const out: Record<string, GroupStats> = {};
    for (const [key, rows] of map) {
      if (rows.length < minCount) continue;
      const stats = statsOf(m, columns, rows, minCount);
      if (stats.some((s) => s !== null)) out[key] = stats;
    }
    return out;
  };
  return {
    format: 'vigie-anomaly-profile',
    version: 1,
    features: [...PROFILED_FEATURES],
    minCount,
    all: statsOf(
      m,
      columns,
      lines.map((_, i) => i),
      minCount,
    ),
    hs6: groups(byHs6),
    hs6Origin: groups(byPair),
  };
}

export interface Relative {
  level: GroupLevel;
  n: number;
  z: number;
  ratio: number;
}

/** Compares the profiled quantities of matrix rows with their group: the most specific with enough values. */
export class GroupComparer {
  private readonly columns: number[];
  constructor(
    readonly profile: AnomalyProfile,
    readonly m: FeatureMatrix,
  ) {
    this.columns = profile.features.map((name) => m.features.findIndex((s) => s.name === name));
  }

  /** Per profiled feature: the row's position in its group, or null (value missing, or no group has it). */
  row(row: number, line: DeclarationLine): (Relative | null)[] {
    const hs6 = hs6Of(line);
    const pair = this.profile.hs6Origin[`${hs6}|${originOf(line)}`];
    const single = this.profile.hs6[hs6];
    return this.columns.map((f, k) => {
      if (f < 0) return null;
      const x = this.m.values[f * this.m.nRows + row]!;
      if (Number.isNaN(x)) return null;
      const found: [GroupLevel, [number, number, number]] | null = pair?.[k]
        ? ['hs6_origin', pair[k]!]
        : single?.[k]
          ? ['hs6', single[k]!]
          : this.profile.all[k]
            ? ['all', this.profile.all[k]!]
            : null;
      if (!found) return null;
      const [level, [n, med, mad]] = found;
      return { level, n, z: (x - med) / (1.4826 * Math.max(mad, MAD_FLOOR)), ratio: Math.exp(x - med) };
    });
  }
}

/** The isolation forest's inputs: each profiled quantity as a (log-compressed) robust z-score within its group. */
export const RELATIVE_FEATURES = PROFILED_FEATURES.map((f) => `z_${f}`);

/**
 * The matrix the isolation forest sees: per line, the robust z-score of each profiled quantity within its group
 * (NaN when missing). Relative to the goods group, so that 40 t of a good usually shipped by the tonne is ordinary
 * and 40 t of one usually shipped by the kilo is not.
 */
export function relativeMatrix(
  profile: AnomalyProfile,
  m: FeatureMatrix,
  lines: readonly DeclarationLine[],
  rows: (Relative | null)[][] = relativeRows(profile, m, lines),
): FeatureMatrix {
  const n = m.nRows;
  const values = new Float32Array(RELATIVE_FEATURES.length * n);
  for (let i = 0; i < n; i++) {
    const rel = rows[i]!;
    for (let k = 0; k < rel.length; k++) {
      // sign × log(1 + |z|): a few absurd training lines (z in the thousands) must not stretch the ranges the
      // forest draws its random thresholds in, or a line 40× its group would rarely be cut off early.
      const z = rel[k]?.z ?? Number.NaN;
      values[k * n + i] = Math.sign(z) * Math.log1p(Math.abs(z));
    }
  }
  return { nRows: n, features: RELATIVE_FEATURES.map((name) => ({ name, kind: 'numeric' })), values };
}

/** Every row's position in its groups (one look-up per row, shared by the forest's matrix and the reasons). */
export function relativeRows(
  profile: AnomalyProfile,
  m: FeatureMatrix,
  lines: readonly DeclarationLine[],
): (Relative | null)[][] {
  const comparer = new GroupComparer(profile, m);
  return lines.map((line, i) => comparer.row(i, line));
}

/** The profiled quantities of row `row` of `m` (the features of `line`) far from their group, most unusual first. */
export function unusualFeatures(
  profile: AnomalyProfile,
  m: FeatureMatrix,
  row: number,
  line: DeclarationLine,
  relative: (Relative | null)[] = new GroupComparer(profile, m).row(row, line),
): Unusual[] {
  const hs6 = hs6Of(line);
  const origin = originOf(line);
  const out: Unusual[] = [];
  relative.forEach((r, k) => {
    if (!r) return;
    if (Math.abs(r.z) < MIN_Z || (r.ratio < MIN_RATIO && r.ratio > 1 / MIN_RATIO)) return;
    out.push({
      feature: profile.features[k]!,
      level: r.level,
      hs6: r.level === 'all' ? null : hs6,
      origin: r.level === 'hs6_origin' ? origin || null : null,
      n: r.n,
      z: r.z,
      ratio: r.ratio,
    });
  });
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

const LABELS: Record<ProfiledFeature, Texts> = {
  log_mass: { en: 'net mass', fr: 'masse nette', ar: 'الكتلة الصافية' },
  log_value: { en: 'customs value', fr: 'valeur en douane', ar: 'القيمة لدى الجمرك' },
  log_unit_value: { en: 'value per kg', fr: 'valeur au kg', ar: 'القيمة للكيلوغرام' },
  log_value_per_item: { en: 'value per item', fr: 'valeur par unité', ar: 'القيمة للوحدة' },
};

const times = (r: number, lang: Lang) =>
  new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: r >= 10 ? 0 : 1 }).format(r);

/** "net mass 40× the usual for HS 620822 from CN (median of 57 declarations)", in English, French or Arabic. */
export function describeUnusual(u: Unusual, lang: Lang): string {
  const label = LABELS[u.feature][lang];
  const n = new Intl.NumberFormat(numberLocale(lang)).format(u.n);
  // Beyond 1,000× the figure says nothing more (a value of 0 gives ratios of 10^12): "more than 1,000×".
  const r = Math.min(u.ratio, 1000);
  const inv = Math.min(1 / u.ratio, 1000);
  const beyond = u.ratio >= 1000 || u.ratio <= 1 / 1000;
  if (lang === 'ar') {
    const how =
      u.ratio >= 1
        ? `${beyond ? 'أكثر من ' : ''}${times(r, lang)} أضعاف المعتاد`
        : `${beyond ? 'أقل من ' : ''}1/${times(inv, lang)} من المعتاد`;
    const group =
      u.level === 'hs6_origin'
        ? `للبند الفرعي ${u.hs6} من المنشأ ${u.origin ?? '?'}`
        : u.level === 'hs6'
          ? `للبند الفرعي ${u.hs6}`
          : 'على مجموع التصريحات';
    return `${label} ${how} ${group} (وسيط ${n} تصريحًا)`;
  }
  if (lang === 'fr') {
    const how =
      u.ratio >= 1
        ? `${beyond ? 'plus de ' : ''}${times(r, lang)} fois l’habituel`
        : `${beyond ? 'moins de ' : ''}1/${times(inv, lang)} de l’habituel`;
    const group =
      u.level === 'hs6_origin'
        ? `pour le SH ${u.hs6} origine ${u.origin ?? '?'}`
        : u.level === 'hs6'
          ? `pour le SH ${u.hs6}`
          : 'sur l’ensemble des déclarations';
    return `${label} ${how} ${group} (médiane de ${n} déclarations)`;
  }
  const how =
    u.ratio >= 1
      ? `${beyond ? 'more than ' : ''}${times(r, lang)}× the usual`
      : `${beyond ? 'less than ' : ''}1/${times(inv, lang)} of the usual`;
  const group =
    u.level === 'hs6_origin'
      ? `for HS ${u.hs6} from ${u.origin ?? '?'}`
      : u.level === 'hs6'
        ? `for HS ${u.hs6}`
        : 'across all declarations';
  return `${label} ${how} ${group} (median of ${n} declarations)`;
}
