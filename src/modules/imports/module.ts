/**
 * Imports as a whole: `vigie import <kind> FILE`, the mapping profiles (`vigie profiles …`) and the list of
 * import runs (`GET /api/imports`). The targets themselves belong to their modules.
 */
import { readFileSync } from 'node:fs';
import { Argument, type Command, Option } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { printJson, table } from '../../platform/cli/output.ts';
import { importProgressBar } from '../../platform/cli/progress.ts';
import { DATE_FORMATS, type DateFormat } from '../../platform/ingest/fields.ts';
import {
  listProfiles,
  resolveProfile,
  TARGETS,
  type TargetName,
  withFileConventions,
} from '../../platform/ingest/profile.ts';
import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { importJob } from './job.ts';
import { formatImportSummary } from './report.ts';
import { importRoutes } from './routes.ts';
import { auditedImport } from './service.ts';

interface ImportCommandOptions {
  profile: string;
  skipInvalid?: boolean;
  rejects?: string;
  maxErrors: string;
  format?: string;
  encoding?: string;
  delimiter?: string;
  decimalSeparator?: '.' | ',';
  dateFormat?: DateFormat;
  json?: boolean;
  progress: boolean;
}

function registerImportCommand(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('import a file of declarations or partner data, validated, in one transaction')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(TARGETS))
    .argument('<file>', 'CSV, NDJSON or JSON file')
    .option(
      '-p, --profile <name|path>',
      'mapping profile: a name (native, kcs…) or a YAML/JSON file',
      'native',
    )
    .option(
      '--skip-invalid',
      'write the good rows, send the bad ones to a rejects file (default: all or nothing)',
    )
    .option('--rejects <path>', 'rejects file (default: FILE.rejects.csv or .ndjson)')
    .option('--max-errors <n>', 'errors to list in full (all are counted)', '100')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices([
        'csv',
        'ndjson',
        'json',
      ]),
    )
    .option(
      '--encoding <encoding>',
      'text encoding, e.g. windows-1252 (default: the profile’s, else utf-8 — or windows-1252 when the file cannot be utf-8)',
    )
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .addOption(
      new Option(
        '--decimal-separator <char>',
        'decimal separator of numbers (default: the profile’s)',
      ).choices(['.', ',']),
    )
    .addOption(
      new Option('--date-format <format>', 'how dates are written (default: the profile’s)').choices([
        ...DATE_FORMATS,
      ]),
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (kind: TargetName, file: string, options: ImportCommandOptions) => {
      const target = context.registry.importTargets.get(kind)!;
      const config = context.config();
      const profile = withFileConventions(resolveProfile(kind, options.profile, config.dataDir), {
        decimal_separator: options.decimalSeparator,
        date_format: options.dateFormat,
      });
      const maxErrors = Number.parseInt(options.maxErrors, 10);
      if (!Number.isInteger(maxErrors) || maxErrors < 0)
        throw new Error('--max-errors: expected a whole number');
      const database = await context.open(config);
      const bar = importProgressBar(
        `${kind}`,
        options.progress && !options.json && Boolean(process.stderr.isTTY),
      );
      try {
        if (!options.json) {
          process.stderr.write(
            `Importing ${file} as ${kind} (profile ${profile.name}) into ${database.description}\n`,
          );
        }
        const summary = await auditedImport(
          database,
          target,
          {
            file,
            profile,
            mode: options.skipInvalid ? 'skip_invalid' : 'atomic',
            maxErrors,
            ...(options.rejects ? { rejectsPath: options.rejects } : {}),
            ...(options.format ? { format: options.format } : {}),
            ...(options.encoding ? { encoding: options.encoding } : {}),
            ...(options.delimiter ? { delimiter: options.delimiter } : {}),
            onProgress: (p) => bar.update(p),
          },
          cliActor(),
        );
        bar.stop();
        if (options.json) printJson(summary);
        else console.log(formatImportSummary(summary));
        if (!summary.ok) process.exitCode = 1;
      } finally {
        bar.stop();
        await context.close(database, config);
      }
    });
}

function registerProfileCommands(program: Command, context: CliContext): void {
  const profiles = program
    .command('profiles')
    .description('mapping profiles that turn source files into Vigie data');
  profiles
    .command('list')
    .description('list the profiles known for each kind of file')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      const dataDir = context.config().dataDir;
      const rows = TARGETS.flatMap((target) =>
        listProfiles(target, dataDir).map((p) => ({
          target,
          name: p.name,
          description: p.description ?? '',
          source: p.source,
        })),
      );
      if (options.json) printJson(rows);
      else
        console.log(
          table(
            ['kind', 'profile', 'description'],
            rows.map((r) => [r.target, r.name, r.description]),
          ),
        );
    });
  profiles
    .command('show')
    .description('print a profile')
    .argument('<kind>', `one of ${TARGETS.join(', ')}`)
    .argument('<name>', 'profile name')
    .action((kind: string, name: string) => {
      if (!(TARGETS as readonly string[]).includes(kind))
        throw new Error(`unknown kind "${kind}": expected ${TARGETS.join(', ')}`);
      const profile = resolveProfile(kind as TargetName, name, context.config().dataDir);
      process.stdout.write(readFileSync(profile.source, 'utf8'));
    });
}

export const importsModule: VigieModule = {
  name: 'imports',
  cli(program, context) {
    registerImportCommand(program, context);
    registerProfileCommands(program, context);
  },
  routes: importRoutes,
  jobKinds: [importJob as JobKind<never>],
};
