/**
 * A module's `vigie` commands run inside the test process: the commands use only `config()` and `withDatabase()` of
 * the CLI context, so the test's database stands in for the installation's (the command as a separate process is
 * test/vigie-command.ts). Commander's own error output can be silenced for tests of refusals.
 */
import { Command } from 'commander';
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
