/**
 * `vigie risk score-parcels --from --to` (scores the parcels arriving in a period through the registered
 * pre-arrival source: the parcels module) and `vigie risk pre-arrival` (the queue's pre-arrival referrals).
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printJson, printList } from '../../../platform/cli/output.ts';
import { listPreArrival, preArrivalSource } from '../decisions/prearrival.ts';

export function registerPreArrivalCommands(risk: Command, context: CliContext): void {
  risk
    .command('score-parcels')
    .description('score the e-commerce parcels arriving between two dates, before arrival (audited)')
    .requiredOption('--from <date>', 'first arrival date (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last arrival date (YYYY-MM-DD)')
    .action(async (o: { from: string; to: string }) => {
      await context.withDatabase(async (database) => {
        const source = preArrivalSource('parcels');
        if (!source.score) throw new Error('the parcels source does not score');
        printJson(await source.score(database, cliActor(), { from: o.from, to: o.to }));
      });
    });
  risk
    .command('pre-arrival')
    .description("the selection queue's pre-arrival referrals (parcels), highest score first")
    .option('--office <code>', 'office of arrival')
    .option('--from <date>', 'arriving on or after')
    .option('--to <date>', 'arriving on or before')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (o: { office?: string; from?: string; to?: string; limit: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listPreArrival(
          database.db,
          'parcels',
          { office: o.office, from: o.from, to: o.to },
          { office: null },
          { limit: Number.parseInt(o.limit, 10) || 50 },
        );
        printList(
          o,
          page,
          page.items,
          {
            reference: (r) => r.reference,
            office: (r) => r.office,
            arrival: (r) => r.arrival_date,
            score: (r) => r.score,
            channel: (r) => r.channel,
            examiner: (r) => r.assigned_to ?? '',
            'main reason': (r) => r.explanation[0]?.message.slice(0, 80) ?? '',
          },
          `${page.items.length} of ${page.total} pre-arrival referrals`,
        );
      });
    });
}
