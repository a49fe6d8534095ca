/**
 * Compiles a profile, for one file, into a function from a raw record to a nested row of typed values (plus the
 * problems found), checking once up front what can be checked once: unknown fields, required fields not mapped,
 * columns missing from the file.
 */
import {
  type CoerceOptions,
  coerce,
  type FieldCatalog,
  type FieldDef,
  fieldSchema,
  slotsOf,
} from './fields.ts';
import { FileProblem } from './problems.ts';
import { type ColumnRule, type FieldSpec, type Profile, ProfileError } from './profile.ts';
import type { RawRecord } from './readers.ts';

export interface FieldProblem {
  field: string;
  column?: string | undefined;
  message: string;
}

export interface MappedRecord {
  /** Values by slot (see slotsOf): null where the profile maps nothing or the source is empty. */
  values: unknown[];
  /** Values of wildcard fields, by prefix: `{ attributes: { import_type: '11' } }`. */
  extras: Record<string, Record<string, unknown>>;
  problems: FieldProblem[];
}

export interface CompiledMapping {
  map(record: RawRecord): MappedRecord;
  /** The source column(s) a field comes from, for messages. */
  columnOf(field: string): string | undefined;
  /** CSV columns that no field uses (reported, not an error). */
  unusedColumns: string[];
}

type Data = string[] | Record<string, unknown>;
type Getter = (data: Data) => unknown;
type Produce = (data: Data) => { value: unknown } | { error: string };

export function catalogEntry(catalog: FieldCatalog, field: string): FieldDef | undefined {
  const exact = catalog[field];
  if (exact) return exact;
  const dot = field.lastIndexOf('.');
  return dot > 0 ? catalog[`${field.slice(0, dot)}.*`] : undefined;
}

export function compileMapping(
  profile: Profile,
  catalog: FieldCatalog,
  columns: string[] | null,
  context: { file: string; encoding: string },
): CompiledMapping {
  const problems: string[] = [];
  for (const field of Object.keys(profile.fields)) {
    if (!catalogEntry(catalog, field)) problems.push(`fields.${field}: not a ${profile.target} field`);
  }
  for (const [field, def] of Object.entries(catalog)) {
    if (def.required && !field.endsWith('.*') && !(field in profile.fields)) {
      problems.push(`fields: the required field ${field} is not mapped`);
    }
  }
  if (problems.length) throw new ProfileError(profile.source, problems);

  const missing = new Set<string>();
  const used = new Set<string>();
  const index = columns ? new Map(columns.map((c, i) => [c, i])) : undefined;
  // Required columns missing from the file, for the field being compiled (a group may excuse them, below).
  let fieldMissing = new Set<string>();
  const getter = (column: string, optional: boolean): Getter => {
    used.add(column);
    if (index) {
      const i = index.get(column);
      if (i === undefined) {
        if (!optional) fieldMissing.add(column);
        return () => null;
      }
      return (data) => (data as string[])[i];
    }
    const path = column.split('.');
    return (data) => {
      const record = data as Record<string, unknown>;
      if (column in record || path.length === 1) return record[column];
      let value: unknown = record;
      for (const key of path) {
        if (value === null || typeof value !== 'object') return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    };
  };

  const badText = `contains bytes that are not valid ${context.encoding} text (is the file in another encoding? try --encoding windows-1252)`;
  const defaults: CoerceOptions = {
    dateFormat: profile.format.date_format ?? 'YYYY-MM-DD',
    decimalSeparator: profile.format.decimal_separator ?? '.',
    split: profile.format.split ?? ';',
  };

  const slots = slotsOf(catalog) as Record<string, number>;
  const slotCount = Object.keys(slots).length;
  const compiled: {
    field: string;
    slot: number | undefined;
    extra: [string, string] | undefined;
    column: string | undefined;
    produce: Produce;
  }[] = [];
  const columnNames = new Map<string, string>();
  const sources: { group: string | undefined; columns: string[]; missing: Set<string> }[] = [];
  for (const [field, spec] of Object.entries(profile.fields)) {
    const def = catalogEntry(catalog, field)!;
    fieldMissing = new Set();
    const { produce, columns: fromColumns } = compileField(spec, def, getter, defaults, badText);
    sources.push({ group: def.group, columns: fromColumns, missing: fieldMissing });
    const column = fromColumns.length ? [...new Set(fromColumns)].join(', ') : undefined;
    if (column) columnNames.set(field, column);
    const slot = slots[field];
    const dot = field.lastIndexOf('.');
    const extra: [string, string] | undefined =
      slot === undefined ? [field.slice(0, dot), field.slice(dot + 1)] : undefined;
    compiled.push({ field, slot, extra, column, produce });
  }
  // A group whose own columns (read by none of the other fields) are all absent from the file maps to nothing:
  // e.g. declarations not yet controlled, without the outcome columns of a labelled export.
  const absentGroups = new Set<string>();
  if (index) {
    const shared = new Set(sources.filter((s) => s.group === undefined).flatMap((s) => s.columns));
    const own = new Map<string, Set<string>>();
    for (const s of sources) {
      if (s.group === undefined) continue;
      const set = own.get(s.group) ?? new Set<string>();
      for (const c of s.columns) if (!shared.has(c)) set.add(c);
      own.set(s.group, set);
    }
    for (const [group, set] of own)
      if (set.size > 0 && [...set].every((c) => !index.has(c))) absentGroups.add(group);
  }
  sources.forEach((s, k) => {
    if (s.group !== undefined && absentGroups.has(s.group)) compiled[k]!.produce = () => ({ value: null });
    else for (const c of s.missing) missing.add(c);
  });
  if (missing.size) {
    throw new FileProblem(
      context.file,
      'import.missing_columns',
      `line 1: missing column${missing.size > 1 ? 's' : ''} ${[...missing].map((c) => `"${c}"`).join(', ')} required by profile ${profile.name}`,
    );
  }

  return {
    columnOf: (field) => columnNames.get(field),
    unusedColumns: columns ? columns.filter((c) => !used.has(c)) : [],
    map(record) {
      const values: unknown[] = new Array(slotCount).fill(null);
      const extras: Record<string, Record<string, unknown>> = {};
      const problems: FieldProblem[] = [];
      for (const { field, slot, extra, column, produce } of compiled) {
        const result = produce(record.data);
        if ('error' in result) {
          problems.push({ field, column, message: result.error });
        } else if (slot !== undefined) {
          values[slot] = result.value;
        } else if (result.value !== null) {
          const [prefix, key] = extra!;
          const bucket = extras[prefix] ?? {};
          bucket[key] = result.value;
          extras[prefix] = bucket;
        }
      }
      return { values, extras, problems };
    },
  };
}

/** A source value as the profile sees it: trimmed text, '' as null; JSON numbers and booleans kept. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  return value === undefined ? null : value;
}

function asKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type Transforms = Omit<ColumnRule, 'when' | 'column' | 'value' | 'template'>;

function compileField(
  spec: FieldSpec,
  def: FieldDef,
  getter: (column: string, optional: boolean) => Getter,
  defaults: CoerceOptions,
  badText: string,
): { produce: Produce; columns: string[] } {
  const columns: string[] = [];
  const source = (rule: ColumnRule): Getter => {
    if (rule.value !== undefined) {
      const constant = rule.value;
      return () => constant;
    }
    if (rule.template !== undefined) {
      const parts = rule.template.split(/(\{[^}]+\})/).filter((p) => p !== '');
      const getters = parts.map((p) => {
        if (!p.startsWith('{')) return () => p;
        const name = p.slice(1, -1);
        columns.push(name);
        return getter(name, rule.optional ?? false);
      });
      return (data) => {
        let out = '';
        for (const g of getters) {
          const v = asKey(clean(g(data)));
          if (v === null) return null;
          out += v;
        }
        return out;
      };
    }
    columns.push(rule.column!);
    return getter(rule.column!, rule.optional ?? false);
  };
  const withTransforms = (rule: ColumnRule): Produce => {
    const get = source(rule);
    const t: Transforms = rule;
    const options: CoerceOptions = {
      dateFormat: t.date_format ?? defaults.dateFormat,
      decimalSeparator: t.decimal_separator ?? defaults.decimalSeparator,
      split: t.split ?? defaults.split,
    };
    const strip = t.strip ? new RegExp(`[${t.strip.replace(/[\]\\^]/g, '\\$&')}]`, 'g') : undefined;
    const map = t.map;
    const expected = map ? Object.keys(map).map((k) => JSON.stringify(k)) : [];
    const schema = fieldSchema(def);
    const required = def.required === true;
    return (data) => {
      let value = clean(get(data));
      if (typeof value === 'string') {
        if (value.includes('\uFFFD')) return { error: badText };
        if (strip) value = (value as string).replace(strip, '');
        if (t.upper) value = (value as string).toUpperCase();
        if (t.lower) value = (value as string).toLowerCase();
        if (t.pad_start) value = (value as string).padStart(t.pad_start.length, t.pad_start.char);
      }
      if (map && value !== null) {
        const key = asKey(value)!;
        if (Object.hasOwn(map, key)) value = map[key];
        else if (t.map_default !== undefined) value = t.map_default;
        else
          return { error: `unexpected value ${JSON.stringify(key)}: expected one of ${expected.join(', ')}` };
      }
      const coerced = coerce(def, value, options);
      if (!coerced.ok) return { error: coerced.message };
      if (coerced.value === null) return required ? { error: 'a value is required' } : { value: null };
      const checked = schema.safeParse(coerced.value);
      return checked.success ? { value: checked.data } : { error: checked.error.issues[0]!.message };
    };
  };

  if (typeof spec === 'string') return { produce: withTransforms({ column: spec }), columns };
  if ('first' in spec) {
    const rules = spec.first.map((rule) => ({
      test: rule.when ? compileCondition(rule.when, getter, columns) : () => true,
      produce: withTransforms(rule),
      describe: rule.when ? describeCondition(rule.when) : 'otherwise',
    }));
    const expected = rules.map((r) => r.describe).join('; or ');
    return {
      columns,
      produce: (data) => {
        for (const rule of rules) if (rule.test(data)) return rule.produce(data);
        return { error: `no rule matched: expected ${expected}` };
      },
    };
  }
  return { produce: withTransforms(spec as ColumnRule), columns };
}

function compileCondition(
  when: NonNullable<ColumnRule['when']>,
  getter: (column: string, optional: boolean) => Getter,
  columns: string[],
): (data: Data) => boolean {
  columns.push(when.column);
  const get = getter(when.column, false);
  const equals =
    when.equals === undefined
      ? undefined
      : new Set((Array.isArray(when.equals) ? when.equals : [when.equals]).map(asKey));
  const matches = when.matches === undefined ? undefined : new RegExp(when.matches);
  return (data) => {
    const value = asKey(clean(get(data)));
    if (when.empty !== undefined && (value === null) !== when.empty) return false;
    if (equals && !equals.has(value)) return false;
    if (matches && (value === null || !matches.test(value))) return false;
    return true;
  };
}

function describeCondition(when: NonNullable<ColumnRule['when']>): string {
  const parts: string[] = [];
  if (when.equals !== undefined) {
    const list = Array.isArray(when.equals) ? when.equals : [when.equals];
    parts.push(`${when.column} = ${list.map((v) => JSON.stringify(v)).join(' or ')}`);
  }
  if (when.matches !== undefined) parts.push(`${when.column} matching /${when.matches}/`);
  if (when.empty !== undefined) parts.push(`${when.column} ${when.empty ? 'empty' : 'not empty'}`);
  return parts.join(' and ') || `${when.column} present`;
}
