/**
 * A module's `vigie` commands run inside the test process: the commands use only `config()` and `withDatabase()` of
 * the CLI context, so the test's database stands in for the installation's (the command as a separate process is
 * test/vigie-command.ts). Commander's own error output can be silenced for tests of refusals.
 */
import { Command } from 'commander';
import { afterEach, beforeEach, vi } from 'vitest';
import type { CliContext } from '../src/platform/cli/context.ts';
import { type ConfigOverrides, loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/database.ts';

export async function runCliInProcess(
  database: Database,
  dataDir: string,
  register: (program: Command, context: CliContext) => void,
  args: readonly string[],
  options: { quietErrors?: boolean; config?: ConfigOverrides } = {},
): Promise<void> {
  // Four-eyes off unless a test turns it on (as test/app.ts).
  const config = loadConfig({ dataDir, fourEyes: false, ...options.config });
  const context = {
    config: () => config,
    withDatabase: <T>(fn: (database: Database, c: typeof config) => Promise<T>) => fn(database, config),
  } as unknown as CliContext;
  const program = new Command('vigie').exitOverride();
  if (options.quietErrors) program.configureOutput({ writeErr: () => {} });
  register(program, context);
  await program.parseAsync([...args], { from: 'user' });
}

/** Where printed output can be captured from: `console.log`, `process.stdout` and `process.stderr`. */
export type OutputStream = 'log' | 'stdout' | 'stderr';

/**
 * Captures, for every test of the suite it is called in, what the commands print on `streams` into the returned
 * array (emptied before each test; a test may empty it too with `out.length = 0`); after each test the spies are
 * restored and `process.exitCode` is cleared.
 */
export function captureOutput(streams: readonly OutputStream[] = ['log', 'stdout']): string[] {
  const out: string[] = [];
  const write = (chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  };
  beforeEach(() => {
    out.length = 0;
    if (streams.includes('log'))
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        out.push(args.join(' '));
      });
    if (streams.includes('stdout')) vi.spyOn(process.stdout, 'write').mockImplementation(write);
    if (streams.includes('stderr')) vi.spyOn(process.stderr, 'write').mockImplementation(write);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return out;
}
