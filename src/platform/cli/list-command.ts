/**
 * A command that prints a list: it takes `--json` (added after the command's own options), opens the database and
 * prints what `load` returns, as a table for people or, with `--json`, as JSON for scripts.
 */
import type { Command } from 'commander';
import type { Database } from '../db/database.ts';
import type { CliContext } from './context.ts';
import { type Cell, printList } from './output.ts';

/** What a list command prints: `json` with `--json`; otherwise a table of `rows`, then `footer` when given. */
export interface ListOutput<T> {
  json: unknown;
  rows: readonly T[];
  footer?: string;
}

/**
 * Declares `command`'s `--json` and action: `load` gets the open database and the command's arguments (its
 * positional ones, then its options) and returns the rows (printed as they are with `--json`) or a `ListOutput`;
 * `columns` maps each header to its cell of a row.
 */
export function listCommand<T, A extends unknown[]>(
  command: Command,
  context: CliContext,
  load: (database: Database, ...args: A) => Promise<readonly T[] | ListOutput<T>>,
  columns: Record<string, (row: T) => Cell>,
): Command {
  return command.option('--json', 'print as JSON').action(async (...args: unknown[]) => {
    // commander passes the positional arguments, the options, then the command itself
    const options = args[args.length - 2] as { json?: boolean };
    await context.withDatabase(async (database) => {
      const out = await load(database, ...(args.slice(0, -1) as A));
      const list: ListOutput<T> = 'rows' in out ? out : { json: out, rows: out };
      printList(options, list.json, list.rows, columns, list.footer);
    });
  });
}
