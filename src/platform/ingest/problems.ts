/**
 * What can be wrong with an input: the whole file (unreadable, wrong format, a column the profile needs is
 * missing) or one record (a located row error). Row errors name the file, the line, the column and the field, and
 * what was expected, so that whoever prepared the file can fix it without guessing.
 */

export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'FileProblem';
  }
}

export interface RowError {
  file: string;
  /** 1-based line where the record starts (the header is line 1 in a CSV file). */
  line: number;
  /** Where inside the record, for nested JSON: `items[2]`. */
  within?: string | undefined;
  /** Source column(s) the value came from. */
  column?: string | undefined;
  /** Vigie field, e.g. `item.hs_code`. */
  field?: string | undefined;
  code: string;
  message: string;
}

export function formatRowError(error: RowError): string {
  const where = `${error.file}:${error.line}${error.within ? ` ${error.within}` : ''}`;
  const what = error.column
    ? `column "${error.column}"${error.field ? ` (${error.field})` : ''}: `
    : error.field
      ? `${error.field}: `
      : '';
  return `${where}: ${what}${error.message}`;
}

/** Shows a value in a message: quoted, cut when long, control characters made visible. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(cut);
  }
  const json = JSON.stringify(value);
  return json && json.length > 60 ? `${json.slice(0, 57)}…` : String(json);
}
