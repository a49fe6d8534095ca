/**
 * What the osint commands share: option parsers (positive integers, scores from 0 to 1, a label) and how a list is
 * printed (a table for people, JSON for scripts).
 */
import { InvalidArgumentError, Option } from 'commander';
import { printJson, table } from '../../../platform/cli/output.ts';
import { LABELS } from '../analysis/index.ts';

export const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};
export const score = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};
export const labelOption = () =>
  new Option('--label <label>', 'a label').choices(LABELS as unknown as string[]);

type Cell = string | number | null | undefined;

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
