/**
 * Derived indicators rules can test, registered in one place. Each indicator is one function computing its value
 * for every line of a batch at once (set-based: one query for the batch, never one per line), optionally with the
 * evidence behind each value. Indicators share work through `batch.once(key, fn)` (e.g. one query of past
 * outcomes serves every history indicator) and may read each other through `batch.indicator(name)`.
 *
 * Other modules (online monitoring, graph, ML) add theirs with `registerIndicator` at load time.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang, Texts } from '../../../platform/lib/lang.ts';
import type { ScoringLine } from '../lines.ts';
import type { Value, ValueType } from '../rules/fields.ts';

export type { Lang };
export type Evidence = Record<string, unknown>;

/** A value alone, or with the evidence that supports it (payment references, documents, register entry…). */
export type IndicatorResult = Value | { value: Value; evidence: Evidence };

export interface IndicatorColumn {
  values: Value[];
  evidence: (Evidence | undefined)[];
}

/** What an indicator gets: the lines of the batch and shared services. */
export interface IndicatorBatch {
  readonly db: Kysely<DB>;
  readonly lines: readonly ScoringLine[];
  /** Runs `fn` once per batch for `key` and shares its result. */
  once<T>(key: string, fn: () => Promise<T> | T): Promise<T>;
  /** Another indicator's column (computed on demand, once per batch). */
  indicator(name: string): Promise<IndicatorColumn>;
  /** Overrides the scoring context provides (settings, references for a back-test…), by key. */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface IndicatorDefinition {
  /** Dotted name: family.name (e.g. `valuation.ratio`, `history.importer.fraud_rate`). */
  name: string;
  type: ValueType;
  /** What it measures, in English, French and Arabic. */
  description: Texts;
  /** How a value reads in an explanation (default: the number or text as it is). */
  format?(value: Value, lang: Lang, line?: ScoringLine): string;
  compute(batch: IndicatorBatch): Promise<IndicatorResult[]> | IndicatorResult[];
}

const registry = new Map<string, IndicatorDefinition>();

const NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/**
 * Adds an indicator. Names are unique: registering a name twice throws unless `replace` is set (tests, reloads).
 */
export function registerIndicator(
  definition: IndicatorDefinition,
  options: { replace?: boolean } = {},
): void {
  if (!NAME.test(definition.name))
    throw new Error(`indicator name "${definition.name}": expected dotted lower-case words (family.name)`);
  if (registry.has(definition.name) && !options.replace)
    throw new Error(`indicator ${definition.name} is already registered`);
  registry.set(definition.name, definition);
}

export function unregisterIndicator(name: string): boolean {
  return registry.delete(name);
}

export function indicatorOf(name: string): IndicatorDefinition | undefined {
  return registry.get(name);
}

export function listIndicators(): IndicatorDefinition[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function unpack(results: IndicatorResult[], n: number, name: string): IndicatorColumn {
  if (results.length !== n)
    throw new Error(`indicator ${name} returned ${results.length} values for ${n} lines`);
  const values: Value[] = new Array(n);
  const evidence: (Evidence | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    if (r !== null && typeof r === 'object' && !Array.isArray(r)) {
      values[i] = r.value;
      evidence[i] = r.evidence;
    } else {
      values[i] = r ?? null;
      evidence[i] = undefined;
    }
  }
  return { values, evidence };
}

/** A batch over lines: memoised shared work and indicator columns. */
export function createBatch(
  db: Kysely<DB>,
  lines: readonly ScoringLine[],
  options: Record<string, unknown> = {},
): IndicatorBatch {
  const shared = new Map<string, Promise<unknown>>();
  const columns = new Map<string, Promise<IndicatorColumn>>();
  const batch: IndicatorBatch = {
    db,
    lines,
    options,
    once<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
      let p = shared.get(key);
      if (!p) {
        p = Promise.resolve().then(fn);
        shared.set(key, p);
      }
      return p as Promise<T>;
    },
    indicator(name: string): Promise<IndicatorColumn> {
      let p = columns.get(name);
      if (!p) {
        const definition = registry.get(name);
        if (!definition) return Promise.reject(new Error(`unknown indicator ${name}`));
        p = Promise.resolve()
          .then(() => definition.compute(batch))
          .then((results) => unpack(results, lines.length, name));
        columns.set(name, p);
      }
      return p;
    },
  };
  return batch;
}
