/**
 * Field types of the import targets and how a source value becomes a typed value. Coercion is syntactic (a
 * number, a date in the profile's format, an upper-cased code); what the value may be (pattern, range, length) is
 * then checked by the field's zod schema. Both happen per field, so every message names its field and column, and
 * no whole-row object is copied on the import path (a row-level zod parse cost ~6 µs a row, most of the budget).
 */
import { z } from 'zod';

export type FieldType =
  | 'text'
  | 'country'
  | 'currency'
  | 'hs'
  | 'number'
  | 'integer'
  | 'date'
  | 'enum'
  | 'text[]'
  | 'integer[]';

export interface FieldDef {
  type: FieldType;
  description: string;
  required?: boolean;
  /** For 'enum': the allowed values. */
  values?: readonly string[];
  /** Example value for the documentation. */
  example?: string;
  /** Constraints on a non-empty typed value; by default the type's own (see defaultSchema). */
  schema?: z.ZodType;
  /**
   * Fields of one group (e.g. an inspection outcome) may be absent from a file together: when the file has none of
   * the columns that only the group's fields read, they map to nothing instead of the file being refused.
   */
  group?: string;
}

/** The fields a target accepts, by dotted path (`item.hs_code`). A path ending in `.*` accepts any sub-key. */
export type FieldCatalog = Record<string, FieldDef>;

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'YYYYMMDD',
  'YYYY/MM/DD',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface CoerceOptions {
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
  split: string;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (message: string): Coerced => ({ ok: false, message });

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const SPACES = /[\s\u00a0\u202f]/g;

export function parseNumber(text: string, decimalSeparator: '.' | ','): number | undefined {
  let t = text.replace(SPACES, '');
  if (decimalSeparator === ',') {
    if (GROUPED_COMMA.test(t)) t = t.replace(/\./g, '');
    t = t.replace(',', '.');
  } else if (GROUPED_POINT.test(t)) t = t.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const DATE_PATTERNS: Record<DateFormat, { re: RegExp; order: [number, number, number] }> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, order: [1, 2, 3] },
  'YYYY/MM/DD': { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'DD-MM-YYYY': { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: [3, 2, 1] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};

const dateCache = new Map<string, string | undefined>();

/** 'YYYY-MM-DD' for a real calendar day written in `format`, else undefined. */
export function parseDate(text: string, format: DateFormat): string | undefined {
  // Files repeat the same few hundred dates: remember the answers (bounded).
  const key = format + text;
  if (dateCache.has(key)) return dateCache.get(key);
  if (dateCache.size > 20_000) dateCache.clear();
  const day = computeDate(text, format);
  dateCache.set(key, day);
  return day;
}

function computeDate(text: string, format: DateFormat): string | undefined {
  const { re, order } = DATE_PATTERNS[format];
  const m = re.exec(text);
  if (!m) return undefined;
  const year = Number(m[order[0]]);
  const month = Number(m[order[1]]);
  const day = Number(m[order[2]]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || year < 1900 || year > 2200) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function coerceScalar(def: FieldDef, value: unknown, options: CoerceOptions): Coerced {
  switch (def.type) {
    case 'number':
    case 'integer': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string') n = parseNumber(value, options.decimalSeparator);
      if (n === undefined || !Number.isFinite(n)) {
        return fail(`expected ${def.type === 'integer' ? 'a whole number' : 'a number'}, got ${show(value)}`);
      }
      if (def.type === 'integer' && !Number.isInteger(n))
        return fail(`expected a whole number, got ${show(value)}`);
      return ok(n);
    }
    case 'date': {
      const text = asText(value);
      const day = text === undefined ? undefined : parseDate(text, options.dateFormat);
      return day ? ok(day) : fail(`expected a date as ${options.dateFormat}, got ${show(value)}`);
    }
    default: {
      const text = asText(value);
      if (text === undefined) return fail(`expected a text value, got ${show(value)}`);
      if (def.type === 'country' || def.type === 'currency') return ok(text.toUpperCase());
      if (def.type === 'enum') return ok(text.toLowerCase());
      if (def.type === 'hs') return ok(text.replace(/[.\s]/g, ''));
      return ok(text);
    }
  }
}

/** Turns a mapped source value (string from CSV, any JSON value) into the field's type; null stays null. */
export function coerce(def: FieldDef, value: unknown, options: CoerceOptions): Coerced {
  if (value === null || value === undefined) return ok(null);
  if (def.type === 'text[]' || def.type === 'integer[]') {
    const list = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value
            .split(options.split)
            .map((v) => v.trim())
            .filter((v) => v !== '')
        : [value];
    const element: FieldDef = { ...def, type: def.type === 'text[]' ? 'text' : 'integer' };
    const out: unknown[] = [];
    for (const item of list) {
      const c = coerceScalar(element, item, options);
      if (!c.ok) return c;
      out.push(c.value);
    }
    return ok(out);
  }
  if (typeof value === 'object') return fail(`expected a single value, got ${show(value)}`);
  return coerceScalar(def, value, options);
}

// Leaf schemas shared by the targets. Messages say what was expected; the import layer adds file, line, column.
export const zText = (max = 500) => z.string().max(max, `expected at most ${max} characters`);
export const zCode = (max = 64) =>
  z
    .string()
    .min(1, 'expected a code')
    .max(max, `expected at most ${max} characters`)
    .regex(/^[^\t\n\r]+$/, 'expected a code without tabs or line breaks');
export const zCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected a two-letter ISO 3166 country code, e.g. CN');
export const zCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 currency code, e.g. MAD');
export const zHs = z.string().regex(/^\d{6,10}$/, 'expected an HS code of 6 to 10 digits');
export const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date');
export const zAmount = z.number().min(0, 'expected zero or more');

const FIELD_SCHEMAS: Record<FieldType, z.ZodType> = {
  text: zText(500),
  country: zCountry,
  currency: zCurrency,
  hs: zHs,
  number: z.number(),
  integer: z.number().int(),
  date: zDate,
  enum: z.string(),
  'text[]': z.array(zText(200)),
  'integer[]': z.array(z.number().int()),
};

/** The zod schema a field's non-empty values must pass. */
export function fieldSchema(def: FieldDef): z.ZodType {
  if (def.schema) return def.schema;
  if (def.type === 'enum' && def.values?.length) {
    return z.enum(def.values as [string, ...string[]], { error: `expected one of ${def.values.join(', ')}` });
  }
  return FIELD_SCHEMAS[def.type];
}

/** Text values of a wildcard field (`attributes.*`): checked by hand, as z.record costs ~0.5 µs a row. */
export const zTextMap = (max = 500) =>
  z.custom<Record<string, string>>(
    (value) =>
      value !== null &&
      typeof value === 'object' &&
      Object.values(value).every((v) => typeof v === 'string' && v.length <= max),
    { message: `expected text values of at most ${max} characters` },
  );

/**
 * Position of each non-wildcard field of a catalog in the flat value array a compiled mapping produces. Targets
 * build their row from these slots with plain property reads, which keeps the per-row path allocation-light.
 */
export function slotsOf<C extends FieldCatalog>(catalog: C): Record<keyof C & string, number> {
  const slots: Record<string, number> = {};
  let i = 0;
  for (const path of Object.keys(catalog)) if (!path.endsWith('.*')) slots[path] = i++;
  return slots as Record<keyof C & string, number>;
}
