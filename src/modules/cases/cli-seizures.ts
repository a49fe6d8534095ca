/**
 * `vigie seizures list|import|report`: the commands are declared here, light; what they do is in cli.ts, loaded
 * when one of them runs (the module's one lazy command is `vigie cases`).
 */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { REPORT_LANGS, type ReportLang } from './model.ts';

const impl = () => import('./cli.ts');

export function registerSeizuresCli(program: Command, context: CliContext): void {
  const seizures = program
    .command('seizures')
    .description('seizures: list, import past ones, offence reports');
  seizures
    .command('list')
    .option('--case <case>', 'case number or id')
    .option('--office <code>', 'office')
    .option('--from <date>', 'seized on or after')
    .option('--to <date>', 'seized on or before')
    .option('--operation <code>', 'tagged to this operation (code)')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).seizuresList(context, o));
  seizures
    .command('import')
    .description('import past seizures (all or nothing; every bad row located by file, line and column)')
    .argument('<file>', 'CSV, NDJSON or JSON file of seizures')
    .option('-p, --profile <name|path>', 'mapping profile', 'native')
    .option('--skip-invalid', 'write the good rows (default: all or nothing)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o) => (await impl()).seizuresImport(context, file, o));
  seizures
    .command('report')
    .description('generate the offence report of a case (PDF) and write it to a file')
    .argument('<case>', 'case number or id')
    .option(
      '--lang <lang>',
      REPORT_LANGS.join(' | '),
      (v: string) => {
        if (!(REPORT_LANGS as readonly string[]).includes(v))
          throw new Error(`unknown language "${v}": fr or ar`);
        return v as ReportLang;
      },
      'fr',
    )
    .option('--legal-basis <text>', 'legal basis (default: the customs code)')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (ref: string, o) => (await impl()).seizuresReport(context, ref, o));
}
