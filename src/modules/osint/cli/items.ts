/** `vigie osint items`: collected items, newest first, with filters; one row per ad with `--group`. */
import type { Command } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printList } from '../../../platform/cli/output.ts';
import { listItems } from '../item-views.ts';
import type { OsintLabel } from '../tables.ts';
import { labelOption, positiveInt, score } from './shared.ts';

export function registerItemCommands(osint: Command, context: CliContext): void {
  osint
    .command('items')
    .description('collected items, newest first')
    .option('--source <id>', 'of one source', positiveInt)
    .option('--seller <id>', 'of one seller', positiveInt)
    .addOption(labelOption())
    .option('--min-score <x>', 'score at least', score)
    .option('--group', 'one row per ad (reposts folded)')
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        source?: number;
        seller?: number;
        label?: OsintLabel;
        minScore?: number;
        group?: boolean;
        limit: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const page = await listItems(
            database.db,
            {
              source_id: options.source,
              seller_id: options.seller,
              label: options.label,
              min_score: options.minScore,
              group: options.group,
            },
            { limit: options.limit, offset: 0 },
          );
          printList(
            options,
            page,
            page.items,
            {
              id: (i) => i.id,
              label: (i) => (i.confirmed_label ? `${i.confirmed_label} ✔` : i.label),
              score: (i) => i.score.toFixed(2),
              platform: (i) => i.platform ?? '',
              author: (i) => i.author ?? '',
              seller: (i) => i.seller_id ?? '',
              reposts: (i) => i.reposts,
              text: (i) => (i.title ?? i.text).replace(/\s+/g, ' ').slice(0, 60),
            },
            `${page.total} items`,
          );
        });
      },
    );
}
