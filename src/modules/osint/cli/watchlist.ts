/** `vigie osint watch list|add|remove`: brands, products, keywords and phone numbers that raise alerts. */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printList } from '../../../platform/cli/output.ts';
import { addWatchTerm, listWatchTerms, removeWatchTerm, WATCH_KINDS, type WatchKind } from '../watchlist.ts';
import { positiveInt } from './shared.ts';

export function registerWatchCommands(osint: Command, context: CliContext): void {
  const watch = osint
    .command('watch')
    .description('the watchlist: brands, products, keywords, phone numbers');
  watch
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const terms = await listWatchTerms(database.db, { activeOnly: true });
        printList(options, terms, terms, {
          id: (t) => t.id,
          kind: (t) => t.kind,
          value: (t) => t.value,
          note: (t) => t.note ?? '',
        });
      });
    });
  watch
    .command('add')
    .argument('<kind>', WATCH_KINDS.join(' | '))
    .argument('<value>', 'the brand, product, keyword or phrase, or phone number')
    .option('--note <text>', 'why')
    .action(async (kind: string, value: string, options: { note?: string }) => {
      if (!(WATCH_KINDS as readonly string[]).includes(kind))
        throw new Error(`unknown kind "${kind}": expected ${WATCH_KINDS.join(', ')}`);
      await context.withDatabase(async (database) => {
        const term = await addWatchTerm(database, cliActor(), {
          kind: kind as WatchKind,
          value,
          note: options.note,
        });
        console.log(`✔ watching ${term.kind} "${term.value}" (#${term.id})`);
      });
    });
  watch
    .command('remove')
    .argument('<id>', 'watch term id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => {
        await removeWatchTerm(database, cliActor(), id);
        console.log(`✔ watch term #${id} removed`);
      });
    });
}
