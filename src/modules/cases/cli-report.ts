/**
 * `vigie report seizures`: the director's figures over a date window, one table as CSV or the whole as PDF (French
 * or Arabic), written to a file and audited like the API's exports. Declared here, light; what it does is loaded
 * when it runs.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { oneOf } from '../../platform/cli/options.ts';
import { FIGURE_TABLES, type FigureTable } from './figures.ts';
import { REPORT_LANGS, type ReportLang } from './model.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string) => {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw new Error(`"${value}" is not a date (YYYY-MM-DD)`);
  return value;
};

export function registerReportCli(program: Command, context: CliContext): void {
  const report = program.command('report').description('reports of an annual report: seizures figures');
  report
    .command('seizures')
    .description(
      "the director's figures over a window: seizures by month/office/HS chapter/category/brand, cases by status and age",
    )
    .requiredOption('--from <date>', 'seized on or after (YYYY-MM-DD)', date)
    .requiredOption('--to <date>', 'seized on or before (YYYY-MM-DD)', date)
    .option('--office <code>', 'one office')
    .option('--format <format>', 'csv | pdf', oneOf(['csv', 'pdf'] as const, 'format'), 'pdf')
    .option(
      '--table <table>',
      `the CSV table: ${FIGURE_TABLES.join(' | ')}`,
      oneOf(FIGURE_TABLES, 'table'),
      'category',
    )
    .option('--lang <lang>', REPORT_LANGS.join(' | '), oneOf(REPORT_LANGS, 'language'), 'fr')
    .requiredOption('--out <file>', 'where to write the CSV or PDF')
    .action(
      async (o: {
        from: string;
        to: string;
        office?: string;
        format: 'csv' | 'pdf';
        table: FigureTable;
        lang: ReportLang;
        out: string;
      }) => {
        if (o.from > o.to) throw new Error(`--from ${o.from} is after --to ${o.to}`);
        const { caseFigures, figuresCsv } = await import('./figures.ts');
        const { renderFiguresPdf } = await import('./figures-pdf.ts');
        const { appendAudit } = await import('../../platform/audit/store.ts');
        await context.withDatabase(async (database) => {
          const filters = { from: o.from, to: o.to, office: o.office };
          const figures = await caseFigures(database.db, filters);
          const body =
            o.format === 'csv' ? figuresCsv(figures, o.table) : await renderFiguresPdf(figures, o.lang);
          await database.transaction((session) =>
            appendAudit(session, cliActor(), {
              action: 'cases.figures_exported',
              target_type: 'figures',
              target_id: o.format === 'csv' ? o.table : 'pdf',
              details: { ...filters, format: o.format, lang: o.format === 'pdf' ? o.lang : undefined },
            }),
          );
          writeFileSync(o.out, body);
          console.log(
            `✔ seizures ${o.from} — ${o.to}${o.office ? ` (${o.office})` : ''}: ${figures.totals.seizures} seizure(s) (${o.format}) → ${o.out}`,
          );
        });
      },
    );
}
