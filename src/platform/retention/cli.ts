/** `vigie retention status|purge` and `vigie holds list|place|release`. */
import type { Command } from 'commander';
import { cliActor } from '../auth/actor.ts';
import type { CliContext } from '../cli/context.ts';
import { formatInt, printJson, table } from '../cli/output.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { listHolds, placeHold, releaseHold } from './holds.ts';
import { configuredPeriods } from './job.ts';
import { retentionPeriods, runPurge } from './purge.ts';

export function registerRetentionCommands(program: Command, context: CliContext): void {
  /** The purge of every registered kind with the configured periods, as the command line (or only counted). */
  const purge = (database: Database, config: Config, dryRun: boolean) =>
    runPurge(database, context.registry.retention, configuredPeriods(config), cliActor(), { dryRun });
  const retention = program.command('retention').description('how long each kind of data is kept; the purge');
  retention
    .command('status')
    .description('the kinds of data kept for a limited time, their periods, and how many rows are past them')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database, config) => {
        const report = await purge(database, config, true);
        if (options.json) return printJson(report);
        const periods = retentionPeriods(context.registry.retention, configuredPeriods(config));
        console.log(
          table(
            ['kind', 'kept', 'past it', 'held', 'what'],
            report.kinds.map((line, i) => [
              line.kind,
              `${formatInt(line.days)} days`,
              formatInt(line.removed),
              formatInt(line.kept),
              periods[i]!.kind.description,
            ]),
          ),
        );
      });
    });
  retention
    .command('purge')
    .description('remove what is past its period now, except what legal holds keep (audited)')
    .option('--dry-run', 'count only')
    .option('--json', 'print as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      await context.withDatabase(async (database, config) => {
        const report = await purge(database, config, options.dryRun ?? false);
        if (options.json) return printJson(report);
        for (const line of report.kinds)
          console.log(
            `${report.dry_run ? 'would remove' : '✔ removed'} ${formatInt(line.removed)} ${line.kind} older than ${line.days} days${line.kept ? ` (${formatInt(line.kept)} kept by holds)` : ''}`,
          );
      });
    });

  const holds = program.command('holds').description('legal holds: records no purge may remove');
  holds
    .command('list')
    .option('--all', 'released ones too')
    .option('--json', 'print as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const rows = await listHolds(database.db, { active: !options.all });
        if (options.json) return printJson(rows);
        console.log(
          table(
            ['#', 'on', 'why', 'by', 'since', 'released'],
            rows.map((h) => [
              h.id,
              `${h.target_type} ${h.target_id}`,
              h.reason,
              h.placed_by,
              h.placed_at.slice(0, 10),
              h.released_at?.slice(0, 10) ?? '',
            ]),
          ),
        );
      });
    });
  holds
    .command('place')
    .argument('<type>', 'kind of record, e.g. osint_item, osint_seller, upload')
    .argument('<id>', 'its id')
    .requiredOption('--reason <text>', 'why (5 characters at least)')
    .action(async (type: string, id: string, options: { reason: string }) => {
      await context.withDatabase(async (database) => {
        const hold = await placeHold(database, cliActor(), {
          target_type: type,
          target_id: id,
          reason: options.reason,
        });
        console.log(`✔ legal hold #${hold.id} on ${type} ${id}`);
      });
    });
  holds
    .command('release')
    .argument('<hold>', 'the hold number')
    .requiredOption('--reason <text>', 'why (5 characters at least)')
    .action(async (hold: string, options: { reason: string }) => {
      await context.withDatabase(async (database) => {
        const released = await releaseHold(database, cliActor(), Number.parseInt(hold, 10), options.reason);
        console.log(`✔ legal hold #${released.id} on ${released.target_type} ${released.target_id} released`);
      });
    });
}
