/**
 * The `vigie osint` command, loaded only when it runs (module.ts): one file per section in cli/.
 *
 *   vigie osint sources list|show|add|update|remove
 *   vigie osint collect SOURCE [--file F] [--url U…] | --due      (runs here, with progress on a terminal)
 *   vigie osint submit URL…
 *   vigie osint items [--source S] [--label L] [--min-score X] [--group]
 *   vigie osint sellers list|show|identifiers
 *   vigie osint alerts list|confirm|dismiss|case
 *   vigie osint watch list|add|remove
 *   vigie osint evidence verify|show|export
 *   vigie osint reanalyze [--source S]
 *   vigie osint model
 *   vigie osint analyze | train                                   (file mode: no database)
 *
 * Without a CLI context (tests of file mode), only the file-mode commands are registered.
 */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { registerAlertCommands } from './cli/alerts.ts';
import { registerCollectCommands } from './cli/collect.ts';
import { registerEvidenceCommands } from './cli/evidence.ts';
import { registerFileModeCommands } from './cli/file-mode.ts';
import { registerItemCommands } from './cli/items.ts';
import { registerModelCommands } from './cli/model.ts';
import { registerSellerCommands } from './cli/sellers.ts';
import { registerSourceCommands } from './cli/sources.ts';
import { registerWatchCommands } from './cli/watchlist.ts';

export function registerOsintCli(program: Command, context?: CliContext): void {
  const osint = program
    .command('osint')
    .description('online monitoring: analysis of posts, listings and ads');
  // The database commands, when run from `vigie`; help lists them in this order.
  if (context) {
    registerSourceCommands(osint, context);
    registerCollectCommands(osint, context);
    registerItemCommands(osint, context);
    registerSellerCommands(osint, context);
    registerAlertCommands(osint, context);
    registerWatchCommands(osint, context);
    registerEvidenceCommands(osint, context);
    registerModelCommands(osint, context);
  }
  registerFileModeCommands(osint);
}
