/**
 * Rules compiled to predicates over a batch: each leaf reads a column (a field of the lines or an indicator
 * computed for the batch) at line i. A missing value (null) makes a leaf false, except `exists: false`; `not` of
 * such a leaf is therefore true.
 */
import type { WatchlistIndex } from '../watchlists.ts';
import { onList, WATCHLIST_SUBJECT } from '../watchlists.ts';
import { FIELDS, fieldOf, type Value } from './fields.ts';
import { type Condition, DURATION, type Leaf } from './schema.ts';

export type Predicate = (i: number) => boolean;

/** What compiled predicates read. */
export interface EvalContext {
  lodgedOn: readonly string[];
  field(name: string): Value[];
  indicator(name: string): Value[];
  watchlists: WatchlistIndex;
}

/** The subject a leaf tests: its field or indicator, or, for `in_watchlist` alone, the list type's subject. */
export function subjectOf(
  leaf: Leaf,
  watchlists?: WatchlistIndex,
): { field?: string; indicator?: string } | null {
  if (leaf.field) return { field: leaf.field };
  if (leaf.indicator) return { indicator: leaf.indicator };
  if (leaf.in_watchlist) {
    const list = watchlists?.get(leaf.in_watchlist);
    return list ? WATCHLIST_SUBJECT[list.type] : null;
  }
  return null;
}

/** Every leaf of a condition, in order. */
export function leavesOf(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition as Leaf];
}

/** Indicators a condition needs (including those behind watchlists of transport documents). */
export function indicatorsOf(condition: Condition, watchlists?: WatchlistIndex): Set<string> {
  const out = new Set<string>();
  for (const leaf of leavesOf(condition)) {
    const s = subjectOf(leaf, watchlists);
    if (s?.indicator) out.add(s.indicator);
  }
  return out;
}

const cutoffCache = new Map<string, string>();

/** The date `duration` before `date` (YYYY-MM-DD), calendar-aware for months and years. */
export function dateBefore(date: string, duration: string): string {
  const key = `${date}|${duration}`;
  const cached = cutoffCache.get(key);
  if (cached) return cached;
  const m = DURATION.exec(duration)!;
  const n = Number(m[1]);
  const d = new Date(`${date}T00:00:00Z`);
  switch (m[2]) {
    case 'd':
      d.setUTCDate(d.getUTCDate() - n);
      break;
    case 'w':
      d.setUTCDate(d.getUTCDate() - 7 * n);
      break;
    case 'm':
      d.setUTCMonth(d.getUTCMonth() - n);
      break;
    default:
      d.setUTCFullYear(d.getUTCFullYear() - n);
  }
  const out = d.toISOString().slice(0, 10);
  if (cutoffCache.size > 100_000) cutoffCache.clear();
  cutoffCache.set(key, out);
  return out;
}

function anyOf(v: Value, test: (s: string) => boolean): boolean {
  if (typeof v === 'string') return test(v);
  if (Array.isArray(v)) return v.some(test);
  return false;
}

function leafPredicate(leaf: Leaf, ctx: EvalContext): Predicate {
  const subject = subjectOf(leaf, ctx.watchlists);
  if (!subject) return () => false; // a watchlist that no longer exists matches nothing
  const column = subject.field ? ctx.field(subject.field) : ctx.indicator(subject.indicator!);
  if (leaf.exists !== undefined) {
    const want = leaf.exists;
    return (i) => {
      const v = column[i];
      const present = v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
      return present === want;
    };
  }
  if (leaf.equals !== undefined) {
    const target = leaf.equals;
    return (i) => {
      const v = column[i];
      if (Array.isArray(v)) return v.includes(String(target));
      return v === target;
    };
  }
  if (leaf.in !== undefined) {
    const strings = new Set(leaf.in.map(String));
    const numbers = new Set(leaf.in.map(Number).filter((n) => Number.isFinite(n)));
    return (i) => {
      const v = column[i];
      if (typeof v === 'number') return numbers.has(v);
      return anyOf(v ?? null, (s) => strings.has(s));
    };
  }
  if (leaf.hs_prefix !== undefined) {
    const prefixes = new Set(Array.isArray(leaf.hs_prefix) ? leaf.hs_prefix : [leaf.hs_prefix]);
    const lengths = [...new Set([...prefixes].map((p) => p.length))];
    return (i) =>
      anyOf(column[i] ?? null, (s) => lengths.some((n) => s.length >= n && prefixes.has(s.slice(0, n))));
  }
  if (leaf.range !== undefined) {
    const { gt, gte, lt, lte } = leaf.range;
    return (i) => {
      const v = column[i];
      if (typeof v !== 'number' || Number.isNaN(v)) return false;
      if (gt !== undefined && !(v > gt)) return false;
      if (gte !== undefined && !(v >= gte)) return false;
      if (lt !== undefined && !(v < lt)) return false;
      if (lte !== undefined && !(v <= lte)) return false;
      return true;
    };
  }
  if (leaf.regex !== undefined) {
    const re = new RegExp(leaf.regex, leaf.flags ?? '');
    return (i) => anyOf(column[i] ?? null, (s) => re.test(s));
  }
  if (leaf.older_than !== undefined || leaf.newer_than !== undefined) {
    const duration = (leaf.older_than ?? leaf.newer_than)!;
    const older = leaf.older_than !== undefined;
    return (i) => {
      const v = column[i];
      if (typeof v !== 'string') return false;
      const cutoff = dateBefore(ctx.lodgedOn[i]!, duration);
      return older ? v < cutoff : v > cutoff;
    };
  }
  if (leaf.in_watchlist !== undefined) {
    const list = ctx.watchlists.get(leaf.in_watchlist);
    if (!list) return () => false;
    return (i) => anyOf(column[i] ?? null, (s) => onList(list, s));
  }
  return () => false;
}

export function compileCondition(condition: Condition, ctx: EvalContext): Predicate {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, ctx));
    return (i) => {
      for (const p of parts) if (!p(i)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, ctx));
    return (i) => {
      for (const p of parts) if (p(i)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, ctx);
    return (i) => !inner(i);
  }
  return leafPredicate(condition as Leaf, ctx);
}

/** Columns of fields over lines, computed on first use. */
export function fieldColumns<L>(lines: readonly L[]): (name: string) => Value[] {
  const cache = new Map<string, Value[]>();
  return (name) => {
    let col = cache.get(name);
    if (!col) {
      const def = FIELDS[name] ?? fieldOf(name);
      col = def ? lines.map((l) => def.get(l as never)) : lines.map(() => null);
      cache.set(name, col);
    }
    return col;
  };
}
