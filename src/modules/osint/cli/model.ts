/** `vigie osint reanalyze` and `vigie osint model`: the classifier in use, and stored items analysed again. */
import type { Command } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printJson } from '../../../platform/cli/output.ts';
import { modelInfo } from '../model.ts';
import { reanalyzeItems } from '../reanalyze.ts';
import { positiveInt } from './shared.ts';

export function registerModelCommands(osint: Command, context: CliContext): void {
  osint
    .command('reanalyze')
    .description('analyse collected items again with the current model')
    .option('--source <id>', 'only the items of one source', positiveInt)
    .action(async (options: { source?: number }) => {
      await context.withDatabase(async (database) => {
        const s = await reanalyzeItems(database, { sourceId: options.source });
        console.log(
          `✔ ${s.items} items analysed with model version ${s.model_version}: ${s.changed} changed, ${s.alerts} new alerts`,
        );
      });
    });
  osint
    .command('model')
    .description('the classifier in use: version, training, confirmations waiting')
    .action(async () => {
      await context.withDatabase(async (database) => printJson(await modelInfo(database.db)));
    });
}
