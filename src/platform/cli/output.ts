/** Plain, aligned text output for people; `--json` output for scripts. */

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A table cell: a number is right-aligned and grouped, null and undefined are blank. */
export type Cell = string | number | null | undefined;

/** Columns left-aligned, numbers right-aligned, one space-padded line per row. */
export function table(headers: string[], rows: Cell[][]): string {
  const cells = rows.map((row) =>
    row.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? formatInt(c) : c)),
  );
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] == null),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A list for people or, with `--json`, for scripts: `json` is printed as it is; otherwise a table of `rows` with
 * one column per entry of `columns` (its header → its cell of a row), then `footer` when there is one.
 */
export function printList<T>(
  options: { json?: boolean | undefined },
  json: unknown,
  rows: readonly T[],
  columns: Record<string, (row: T) => Cell>,
  footer?: string,
): void {
  if (options.json) {
    printJson(json);
    return;
  }
  const cells = Object.values(columns);
  console.log(
    table(
      Object.keys(columns),
      rows.map((row) => cells.map((cell) => cell(row))),
    ),
  );
  if (footer !== undefined) console.log(footer);
}

/** What a command did: with `--json`, `value` as JSON; otherwise the line `text` for people. */
export function printResult(options: { json?: boolean | undefined }, value: unknown, text: string): void {
  if (options.json) printJson(value);
  else console.log(text);
}
