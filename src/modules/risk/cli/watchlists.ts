/** `vigie risk watchlists list|create|add`. */
import { type Command, Option } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { listCommand } from '../../../platform/cli/list-command.ts';
import {
  addEntries,
  createWatchlist,
  listWatchlists,
  WATCHLIST_TYPES,
  type WatchlistType,
} from '../watchlists.ts';
import { int } from './shared.ts';

export function registerWatchlistCommands(risk: Command, context: CliContext): void {
  const watchlists = risk.command('watchlists').description('named target lists');
  listCommand(
    watchlists.command('list'),
    context,
    async (database) => (await listWatchlists(database.db, {}, { limit: 500, offset: 0 })).items,
    {
      id: (w) => w.id,
      name: (w) => w.name,
      type: (w) => w.type,
      entries: (w) => w.entries,
      owner: (w) => w.owner,
      expires: (w) => w.expires_on ?? '',
    },
  );
  watchlists
    .command('create')
    .argument('<name>', 'list name')
    .addOption(
      new Option('--type <type>', 'what the list holds').choices(WATCHLIST_TYPES).makeOptionMandatory(),
    )
    .option('--description <text>', 'what it is for')
    .option('--expires-on <date>', 'last day in force')
    .action(
      async (name: string, options: { type: WatchlistType; description?: string; expiresOn?: string }) => {
        await context.withDatabase(async (database) => {
          const w = await createWatchlist(database, cliActor(), {
            name,
            type: options.type,
            description: options.description ?? null,
            expires_on: options.expiresOn ?? null,
          });
          console.log(`✔ watchlist #${w.id} ${w.name} (${w.type})`);
        });
      },
    );
  watchlists
    .command('add')
    .argument('<id>', 'list id', int('id'))
    .argument('<values...>', 'values to add')
    .option('--note <text>', 'why')
    .action(async (id: number, values: string[], options: { note?: string }) => {
      await context.withDatabase(async (database) => {
        const r = await addEntries(database, cliActor(), id, { values, note: options.note ?? null });
        console.log(`✔ ${r.added} added (${r.submitted - r.added} already there)`);
      });
    });
}
