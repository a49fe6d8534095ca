/** `vigie osint alerts list|confirm|dismiss|case`: alerts and investigators' decisions (audited). */
import { type Command, Option } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printList } from '../../../platform/cli/output.ts';
import { decideAlert } from '../alert-decisions.ts';
import { listAlerts } from '../alerts.ts';
import type { OsintAlertStatus, OsintLabel } from '../tables.ts';
import { labelOption, positiveInt } from './shared.ts';

export function registerAlertCommands(osint: Command, context: CliContext): void {
  const alerts = osint.command('alerts').description('alerts: confirm, dismiss, send to a case');
  alerts
    .command('list')
    .description('alerts, newest first')
    .addOption(
      new Option('--status <status>', 'status')
        .choices(['open', 'confirmed', 'dismissed', 'case_opened'])
        .default('open'),
    )
    .addOption(new Option('--kind <kind>', 'kind').choices(['post', 'seller', 'watchlist']))
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        status: OsintAlertStatus;
        kind?: 'post' | 'seller' | 'watchlist';
        limit: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const page = await listAlerts(
            database.db,
            { status: options.status, kind: options.kind },
            { limit: options.limit, offset: 0 },
          );
          printList(
            options,
            page,
            page.items,
            {
              id: (a) => a.id,
              kind: (a) => a.kind,
              label: (a) => a.label ?? '',
              score: (a) => a.score?.toFixed(2) ?? '',
              about: (a) =>
                a.item
                  ? `item #${a.item.id}${a.item.reposts ? ` (+${a.item.reposts} reposts)` : ''}`
                  : a.seller
                    ? `seller #${a.seller.id} ${a.seller.display_name}`
                    : '',
              reason: (a) => a.reason.replace(/\s+/g, ' ').slice(0, 70),
            },
            `${page.total} ${options.status} alerts`,
          );
        });
      },
    );
  for (const [name, decision, help] of [
    ['confirm', 'confirm', 'confirm an alert (teaches the classifier)'],
    ['dismiss', 'dismiss', 'dismiss an alert (a post alert teaches the classifier the post is benign)'],
    ['case', 'open_case', 'send an alert to a case'],
  ] as const) {
    const command = alerts
      .command(name)
      .description(help)
      .argument('<id>', 'alert id', positiveInt)
      .option('--note <text>', 'why');
    if (decision !== 'open_case') command.addOption(labelOption());
    command.action(async (id: number, options: { note?: string; label?: OsintLabel }) => {
      await context.withDatabase(async (database) => {
        const result = await decideAlert(database, cliActor(), id, {
          decision,
          label: options.label,
          note: options.note,
        });
        console.log(
          `✔ alert #${id} ${result.alert.status.replace('_', ' ')}${result.alert.decision_label ? ` (${result.alert.decision_label})` : ''}${result.model_version ? `; classifier now version ${result.model_version}` : ''}`,
        );
      });
    });
  }
}
