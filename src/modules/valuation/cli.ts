/**
 * `vigie valuation rebuild|check|references`: the reference-value database from the command line.
 */
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { formatInt, printJson, table } from '../../platform/cli/output.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { readValidatedRows } from '../../platform/ingest/run.ts';
import { declarationsTarget } from '../declarations/index.ts';
import { describeFinding } from './check.ts';
import { listReferences, rebuildReferences } from './references.ts';
import { checkLines } from './service.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number`);
  return n;
};

export function registerValuationCli(program: Command, context: CliContext): void {
  const valuation = program
    .command('valuation')
    .description('the reference-value database ("base valeur"): rebuild it, check a file against it');

  valuation
    .command('rebuild')
    .description('rebuild reference unit values (set-based SQL): full by default')
    .option('--incremental', 'only the HS4 headings imported or inspected since the last build')
    .option('--hs <codes>', 'only these HS4 headings (comma-separated)')
    .option('--to <date>', 'end of the window (default: the last lodgement date)')
    .option('--window-days <n>', 'days of history (default: the settings’, 365)', int('--window-days'))
    .option(
      '--min-sample <n>',
      'fewest observations for a reference (default: the settings’, 10)',
      int('--min-sample'),
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        incremental?: boolean;
        hs?: string;
        to?: string;
        windowDays?: number;
        minSample?: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const result = await rebuildReferences(database, {
            scope: options.hs ? 'hs' : options.incremental ? 'incremental' : 'full',
            ...(options.hs ? { hs: options.hs.split(',').map((h) => h.trim()) } : {}),
            ...(options.to ? { to: options.to } : {}),
            settings: {
              ...(options.windowDays !== undefined ? { window_days: options.windowDays } : {}),
              ...(options.minSample !== undefined ? { min_sample: options.minSample } : {}),
            },
            by: cliActor().name,
          });
          if (options.json) printJson(result);
          else if (result.skipped) console.log(`nothing rebuilt: ${result.skipped}`);
          else
            console.log(
              `✔ ${formatInt(result.groups)} references (HS6 × origin ${formatInt(result.levels.hs6_origin)}, HS6 ${formatInt(result.levels.hs6)}, HS4 ${formatInt(result.levels.hs4)})` +
                `${result.window ? ` over ${result.window.from} to ${result.window.to}` : ''} in ${result.duration_ms} ms`,
            );
        });
      },
    );

  valuation
    .command('check')
    .description('check the unit values of a declarations file against the references (nothing is written)')
    .argument('<file>', 'CSV, NDJSON or JSON file of declarations')
    .option('-p, --profile <name|path>', 'mapping profile (native, kcs… or a file)', 'native')
    .option('--all', 'list every item, not only the flagged ones')
    .option('--limit <n>', 'items listed at most', int('--limit'), 50)
    .option('--json', 'print the findings as JSON')
    .action(
      async (file: string, options: { profile: string; all?: boolean; limit: number; json?: boolean }) => {
        await context.withDatabase(async (database, config) => {
          const profile = resolveProfile('declarations', options.profile, config.dataDir);
          const read = await readValidatedRows(declarationsTarget, { file, profile });
          if (read.fileError) throw new Error(read.fileError.message);
          const results = await checkLines(database.db, read.rows);
          const flagged = results.filter((r) => r.finding?.flagged);
          const shown = (options.all ? results : flagged).sort(
            (a, b) => (b.finding?.duties_at_stake ?? 0) - (a.finding?.duties_at_stake ?? 0),
          );
          if (options.json) {
            printJson({
              rows_read: read.rowsRead,
              rows_rejected: read.rowsRejected,
              errors: read.errors,
              items: results.length,
              with_reference: results.filter((r) => r.finding).length,
              flagged: flagged.length,
              findings: shown,
            });
            return;
          }
          console.log(
            `${formatInt(read.rowsRead)} rows read, ${formatInt(read.rowsRejected)} rejected; ${formatInt(results.length)} items, ` +
              `${formatInt(results.filter((r) => r.finding).length)} with a reference, ${formatInt(flagged.length)} flagged`,
          );
          for (const e of read.errors.slice(0, 10)) console.log(`  ✖ line ${e.line}: ${e.message}`);
          if (shown.length === 0) return;
          console.log(
            table(
              [
                'reference',
                'item',
                'HS',
                'origin',
                'level',
                'n',
                'ratio',
                'z',
                'under-valuation',
                'duties at stake',
              ],
              shown
                .slice(0, options.limit)
                .map((r) => [
                  r.reference,
                  r.line_no,
                  r.hs_code,
                  r.origin_country ?? '',
                  r.finding?.level ?? '–',
                  r.finding?.sample_n ?? null,
                  r.finding ? r.finding.ratio.toFixed(2) : '–',
                  r.finding ? r.finding.robust_z.toFixed(1) : '–',
                  r.finding ? Math.round(r.finding.undervaluation_amount) : null,
                  r.finding ? Math.round(r.finding.duties_at_stake) : null,
                ]),
            ),
          );
          const top = shown.find((r) => r.finding?.flagged);
          if (top?.finding)
            console.log(`\n${top.reference} item ${top.line_no}: ${describeFinding(top.finding, 'en')}`);
          if (shown.length > options.limit)
            console.log(`(${formatInt(shown.length - options.limit)} more; --limit, --json)`);
        });
      },
    );

  valuation
    .command('references')
    .description('list reference values')
    .option('--hs <prefix>', 'HS prefix')
    .option('--origin <country>', 'origin (ISO alpha-2)')
    .option('--limit <n>', 'rows', int('--limit'), 50)
    .option('--json', 'print as JSON')
    .action(async (options: { hs?: string; origin?: string; limit: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listReferences(
          database.db,
          { hs: options.hs, origin: options.origin },
          { limit: options.limit, offset: 0 },
        );
        if (options.json) return printJson(page);
        console.log(
          table(
            ['level', 'HS', 'origin', 'unit', 'currency', 'n', 'P10', 'Q1', 'median', 'Q3', 'MAD', 'window'],
            page.items.map((r) => [
              r.level,
              r.hs,
              r.origin,
              r.unit,
              r.currency,
              r.n,
              r.p10.toPrecision(4),
              r.q1.toPrecision(4),
              r.median.toPrecision(4),
              r.q3.toPrecision(4),
              r.mad.toPrecision(3),
              `${r.window_from}..${r.window_to}`,
            ]),
          ),
        );
        console.log(`${formatInt(page.total)} references in all`);
      });
    });
}
