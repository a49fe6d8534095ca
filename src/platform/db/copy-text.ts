/**
 * Encoding of values for PostgreSQL's COPY text format: one line per row, columns separated by tabs, `\N` for
 * NULL, and backslash escapes for the characters that would break a line.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function copyNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '\\N' : String(value);
}

/** A text[] value: `{"a","b"}` with array-level quoting, then COPY-level escaping. */
export function copyTextArray(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined) return '\\N';
  const inner = values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',');
  return copyText(`{${inner}}`);
}

export function copyNumberArray(values: readonly number[] | null | undefined): string {
  if (values === null || values === undefined) return '\\N';
  return `{${values.join(',')}}`;
}

export function copyJson(value: unknown): string {
  return copyText(JSON.stringify(value));
}
