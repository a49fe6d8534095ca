/**
 * `vigie risk backtest`: a profile (stored or from a file) replayed over past declarations, against the active
 * ones.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { formatInt, printJson, table } from '../../../platform/cli/output.ts';
import { type BacktestReport, backtest } from '../backtest.ts';
import { activeProfiles, knownNames, profileVersion } from '../profiles.ts';
import { formatProblems, parseProfileText } from '../rules/validate.ts';
import type { ProfileVersion } from '../score.ts';
import { int, pct, withActiveModel } from './shared.ts';

function printReport(title: string, r: BacktestReport): void {
  const s = r.selection;
  console.log(`\n${title}`);
  console.log(
    `  ${formatInt(r.items)} items, ${formatInt(r.inspected)} inspected, ${formatInt(r.frauds)} frauds (${pct(r.base_fraud_rate)})`,
  );
  console.log(
    `  selected ${formatInt(s.selected_items)} items (${pct(s.share)}): precision ${pct(s.precision)}, recall ${pct(s.recall)}, ` +
      `critical ${formatInt(s.critical)}, duties recovered ${formatInt(Math.round(s.duties_recovered))}, ` +
      `duties at stake of frauds caught ${formatInt(Math.round(s.duties_at_stake_of_frauds_caught))}`,
  );
  console.log(
    `  random share: ${formatInt(s.random.items)} items, fraud rate ${pct(s.random.fraud_rate)}; channels: ` +
      Object.entries(s.channels)
        .map(([c, n]) => `${c} ${formatInt(n)}`)
        .join(', '),
  );
  console.log(
    table(
      ['rule', 'hits', 'inspected', 'frauds', 'precision', 'recovered'],
      r.rules.map((x) => [x.rule, x.hits, x.inspected, x.frauds, pct(x.precision), Math.round(x.recovered)]),
    ),
  );
  console.log(
    table(
      ['office', 'days', 'selected', 'per day', 'per active day', 'max a day'],
      r.load_per_office.map((o) => [
        o.office,
        o.days_with_declarations,
        o.selected_items,
        o.per_day_mean.toFixed(2),
        o.per_active_day_mean.toFixed(2),
        o.per_day_max,
      ]),
    ),
  );
}

export function registerBacktestCommands(risk: Command, context: CliContext): void {
  risk
    .command('backtest')
    .description('back-test a profile on history: hits, precision, duties, load per office per day')
    .option('--profile-id <id>', 'a stored profile version', int('--profile-id'))
    .option('--file <file>', 'a profile document not stored yet')
    .requiredOption('--from <date>', 'first day')
    .requiredOption('--to <date>', 'last day')
    .option('--office <code...>', 'only these offices')
    .option('--no-compare', 'do not compare with the active profiles')
    .addOption(
      new Option('--references <mode>', 'reference values')
        .choices(['rolling', 'current'])
        .default('rolling'),
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        profileId?: number;
        file?: string;
        from: string;
        to: string;
        office?: string[];
        compare: boolean;
        references: 'rolling' | 'current';
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          let candidate: ProfileVersion | undefined;
          if (options.profileId !== undefined)
            candidate = await profileVersion(database.db, options.profileId);
          else if (options.file) {
            const parsed = parseProfileText(
              readFileSync(options.file, 'utf8'),
              await knownNames(database.db),
            );
            if (!parsed.ok) throw new Error(`${options.file}:\n${formatProblems(parsed.problems)}`);
            candidate = { id: 0, name: 'file', version: 0, document: parsed.document };
          } else throw new Error('give --profile-id or --file');
          if (!candidate) throw new Error(`no rule profile #${options.profileId}`);
          const active = options.compare
            ? (await activeProfiles(database.db)).filter((p) => p.id !== candidate.id)
            : null;
          // The active model scores too when it was trained before the period (rules on model.anomaly…).
          await withActiveModel(database);
          const result = await backtest(database, [candidate], active, {
            from: options.from,
            to: options.to,
            offices: options.office,
            references: options.references,
            onProgress: (p) => {
              if (!options.json && process.stderr.isTTY)
                process.stderr.write(`\r  ${p.done}/${p.total} months ${p.message}   `);
            },
          });
          if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
          if (options.json) return printJson(result);
          console.log(
            `Back-test of ${candidate.name} v${candidate.version} over ${result.from} to ${result.to} (${result.days} days, references ${result.references}, ${result.duration_ms} ms)`,
          );
          console.log(`  ${result.model.note}`);
          printReport('Candidate', result.candidate);
          if (result.active)
            printReport(
              `Active now (${result.active.profiles.map((p) => `${p.name} v${p.version}`).join(', ')})`,
              result.active.report,
            );
        });
      },
    );
}
