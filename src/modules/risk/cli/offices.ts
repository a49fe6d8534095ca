/** `vigie risk offices list|set`: per-office selection parameters. */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { listCommand } from '../../../platform/cli/list-command.ts';
import { printJson } from '../../../platform/cli/output.ts';
import { listOfficeParams, officeParamsPatch, setOfficeParams } from '../offices.ts';
import { int, num, pct } from './shared.ts';

export function registerOfficeCommands(risk: Command, context: CliContext): void {
  const offices = risk.command('offices').description('per-office selection parameters');
  listCommand(offices.command('list'), context, (database) => listOfficeParams(database.db), {
    office: (r) => r.office_code,
    'capacity items': (r) => r.capacity_items,
    'capacity hours': (r) => r.capacity_hours,
    red: (r) => pct(r.rate_red),
    yellow: (r) => pct(r.rate_yellow),
    blue: (r) => pct(r.rate_blue),
    random: (r) => pct(r.random_rate),
    'min red': (r) => r.minutes_red,
    'min yellow': (r) => r.minutes_yellow,
  });
  offices
    .command('set')
    .argument('<office>', "office code ('*' for the default)")
    .option('--capacity-items <n>', 'items a day (none: from the rates)', int('--capacity-items'))
    .option('--capacity-hours <h>', 'officer hours a day', num('--capacity-hours'))
    .option('--rate-red <x>', 'target share of items in red', num('--rate-red'))
    .option('--rate-yellow <x>', 'target share in yellow', num('--rate-yellow'))
    .option('--rate-blue <x>', 'target share in blue', num('--rate-blue'))
    .option('--random-rate <x>', 'minimum random share of capacity', num('--random-rate'))
    .action(
      async (
        office: string,
        options: {
          capacityItems?: number;
          capacityHours?: number;
          rateRed?: number;
          rateYellow?: number;
          rateBlue?: number;
          randomRate?: number;
        },
      ) => {
        const patch = officeParamsPatch.parse({
          ...(options.capacityItems !== undefined ? { capacity_items: options.capacityItems } : {}),
          ...(options.capacityHours !== undefined ? { capacity_hours: options.capacityHours } : {}),
          ...(options.rateRed !== undefined ? { rate_red: options.rateRed } : {}),
          ...(options.rateYellow !== undefined ? { rate_yellow: options.rateYellow } : {}),
          ...(options.rateBlue !== undefined ? { rate_blue: options.rateBlue } : {}),
          ...(options.randomRate !== undefined ? { random_rate: options.randomRate } : {}),
        });
        await context.withDatabase(async (database) => {
          const after = await setOfficeParams(database, cliActor(), office, patch);
          printJson(after);
        });
      },
    );
}
