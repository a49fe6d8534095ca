/**
 * `vigie risk select` (the daily selection of an office-day, or of every office of the day) and `vigie risk
 * stats`.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { listCommand } from '../../../platform/cli/list-command.ts';
import { printJson } from '../../../platform/cli/output.ts';
import { officesLodgedOn } from '../../declarations/index.ts';
import { runSelection } from '../decisions/selection.ts';
import { ruleStatistics } from '../decisions/statistics.ts';
import { int, num, pct, withActiveModel } from './shared.ts';

export function registerSelectionCommands(risk: Command, context: CliContext): void {
  risk
    .command('select')
    .description('run the selection of an office for a day (stores and audits the decisions)')
    .requiredOption('--day <date>', 'day of lodgement')
    .option('--office <code>', 'the office (default: every office with declarations that day)')
    .option('--seed <text>', 'seed of the random draws (default: office, day and profile versions)')
    .option(
      '--random-share <x>',
      'share of capacity drawn at random (at least the office minimum)',
      num('--random-share'),
    )
    .option(
      '--capacity-items <n>',
      'items the office can control that day (overrides its parameters)',
      int('--capacity-items'),
    )
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        day: string;
        office?: string;
        seed?: string;
        randomShare?: number;
        capacityItems?: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          await withActiveModel(database);
          const offices = options.office ? [options.office] : await officesLodgedOn(database.db, options.day);
          const results = [];
          for (const office of offices) {
            const r = await runSelection(database, cliActor(), {
              office,
              day: options.day,
              ...(options.seed ? { seed: options.seed } : {}),
              ...(options.randomShare !== undefined ? { random_share: options.randomShare } : {}),
              ...(options.capacityItems !== undefined ? { capacity_items: options.capacityItems } : {}),
            });
            results.push(r);
            if (!options.json)
              console.log(
                `office ${office}: ${r.declarations} declarations, ${r.items} items; capacity ${r.budget} ${r.unit}, ` +
                  `selected ${r.selected_items} (random ${r.random_items}); red ${r.counts.red}, yellow ${r.counts.yellow}, ` +
                  `blue ${r.counts.blue}, green ${r.counts.green}${r.over_capacity ? ' — forced channels exceed capacity' : ''} (run #${r.run_id})`,
              );
          }
          if (options.json) printJson(results);
        });
      },
    );

  listCommand(
    risk
      .command('stats')
      .description(
        'rule statistics from decisions and outcomes: hits, inspected, precision, recoveries, overrides',
      )
      .option('--profile <name>', 'one profile'),
    context,
    (database, options: { profile?: string }) => ruleStatistics(database.db, { profile: options.profile }),
    {
      profile: (r) => r.profile,
      rule: (r) => r.rule_id,
      hits: (r) => r.hits,
      inspected: (r) => r.inspected,
      frauds: (r) => r.frauds,
      precision: (r) => pct(r.precision),
      recovered: (r) => Math.round(r.recovered ?? 0),
      overridden: (r) => pct(r.override_share),
    },
  );
}
