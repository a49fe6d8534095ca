/**
 * Reference unit values: what a kilogram of this HS6 code from this origin usually costs. Declared unit values far
 * below the reference are the classic undervaluation signal. The valuation module will later supply curated
 * references through `ReferenceValueSource`; until then `MedianReferenceTable` learns them from past compliant
 * declarations (median of a sliding window per key, HS6×origin falling back to HS6 then HS4).
 */

export type ReferenceBasis = 'hs6_origin' | 'hs6' | 'hs4';

export interface ReferencePrice {
  /** Value per kilogram, in the declarations' currency. */
  unitValue: number;
  basis: ReferenceBasis;
  /** Observations behind the reference. */
  n: number;
}

/** What the feature builder asks of any reference-value provider. */
export interface ReferenceValueSource {
  lookup(hs6: string, origin: string | null, lodgedOn: string): ReferencePrice | null;
}

export interface ReferenceTableJSON {
  window: number;
  minCount: number;
  /** Per level: keys, the length of each key's window, and all windows' values (arrival order) end to end. */
  levels: Record<ReferenceBasis, { keys: string[]; lengths: number[]; values: number[] }>;
}

const LEVELS: ReferenceBasis[] = ['hs6_origin', 'hs6', 'hs4'];

/** Sorted copy kept beside the arrival-ordered window so the median is O(1) and updates O(window). */
class Window {
  constructor(
    readonly fifo: number[] = [],
    readonly sorted: number[] = fifo.slice().sort((a, b) => a - b),
  ) {}

  add(v: number, cap: number): void {
    this.fifo.push(v);
    this.sorted.splice(lowerBound(this.sorted, v), 0, v);
    if (this.fifo.length > cap) {
      const old = this.fifo.shift()!;
      this.sorted.splice(lowerBound(this.sorted, old), 1);
    }
  }

  median(): number {
    const s = this.sorted;
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  }
}

function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function referenceKey(basis: ReferenceBasis, hs6: string, origin: string | null): string | null {
  if (basis === 'hs6_origin') return origin ? `${hs6}|${origin}` : null;
  return basis === 'hs6' ? hs6 : hs6.slice(0, 4);
}

export class MedianReferenceTable implements ReferenceValueSource {
  private readonly tables = new Map<ReferenceBasis, Map<string, Window>>(LEVELS.map((l) => [l, new Map()]));

  /** `window`: most recent values kept per key (prices drift); `minCount`: observations needed to use a level. */
  constructor(
    readonly window = 1000,
    readonly minCount = 3,
  ) {}

  add(hs6: string, origin: string | null, unitValue: number): void {
    if (!(unitValue >= 0) || !Number.isFinite(unitValue)) return;
    // Kept at full precision: many declarations repeat a price exactly, and "exactly the usual price" is
    // itself informative, so the ratio must come out as exactly 0.
    const v = unitValue;
    for (const level of LEVELS) {
      const key = referenceKey(level, hs6, origin);
      if (key === null) continue;
      const table = this.tables.get(level)!;
      let w = table.get(key);
      if (!w) {
        w = new Window();
        table.set(key, w);
      }
      w.add(v, this.window);
    }
  }

  /** The most specific level with enough observations (HS4 accepts any count as the last resort). */
  lookup(hs6: string, origin: string | null): ReferencePrice | null {
    for (const level of LEVELS) {
      const key = referenceKey(level, hs6, origin);
      if (key === null) continue;
      const w = this.tables.get(level)!.get(key);
      if (w && (w.fifo.length >= this.minCount || (level === 'hs4' && w.fifo.length > 0))) {
        return { unitValue: w.median(), basis: level, n: w.fifo.length };
      }
    }
    return null;
  }

  /** Reference at one level only (e.g. HS6 over all origins), regardless of minCount. */
  lookupLevel(level: ReferenceBasis, hs6: string, origin: string | null): ReferencePrice | null {
    const key = referenceKey(level, hs6, origin);
    const w = key === null ? undefined : this.tables.get(level)!.get(key);
    return w ? { unitValue: w.median(), basis: level, n: w.fifo.length } : null;
  }

  toJSON(): ReferenceTableJSON {
    const levels = {} as ReferenceTableJSON['levels'];
    for (const level of LEVELS) {
      const keys: string[] = [];
      const lengths: number[] = [];
      const values: number[] = [];
      for (const [k, w] of this.tables.get(level)!) {
        keys.push(k);
        lengths.push(w.fifo.length);
        for (const v of w.fifo) values.push(v);
      }
      levels[level] = { keys, lengths, values };
    }
    return { window: this.window, minCount: this.minCount, levels };
  }

  static fromJSON(json: ReferenceTableJSON): MedianReferenceTable {
    const t = new MedianReferenceTable(json.window, json.minCount);
    for (const level of LEVELS) {
      const data = json.levels[level];
      const total = data?.lengths?.reduce((a, b) => a + b, 0);
      if (!data || data.keys.length !== data.lengths.length || total !== data.values.length) {
        throw new Error(`reference table: bad level ${level}`);
      }
      const table = t.tables.get(level)!;
      // One sort per key: re-adding values one by one would be quadratic in the window.
      let at = 0;
      for (let i = 0; i < data.keys.length; i++) {
        const len = data.lengths[i]!;
        table.set(data.keys[i]!, new Window(data.values.slice(at + Math.max(0, len - t.window), at + len)));
        at += len;
      }
    }
    return t;
  }
}
