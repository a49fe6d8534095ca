/**
 * `vigie risk indicators` and `vigie risk profiles list|show|validate|create|activate|retire|diff` (also `vigie
 * risk profile …`); with four-eyes on, activation goes through `vigie risk approvals` (cli/approvals.ts).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { listCommand } from '../../../platform/cli/list-command.ts';
import { printJson, printList } from '../../../platform/cli/output.ts';
import { FourEyesRequiredError } from '../approvals.ts';
import { listIndicators } from '../indicators/index.ts';
import {
  activateProfile,
  createProfileVersion,
  getProfile,
  knownNames,
  listProfiles,
  retireProfile,
} from '../profiles.ts';
import { formatProblems, parseProfileText } from '../rules/validate.ts';
import { registerApprovalCommands } from './approvals.ts';
import { int } from './shared.ts';

export function registerProfileCommands(risk: Command, context: CliContext): void {
  risk
    .command('indicators')
    .description('list the indicators rules may test')
    .option('--json', 'print as JSON')
    .option('--lang <lang>', 'en, fr or ar', 'en')
    .action((options: { json?: boolean; lang: 'en' | 'fr' | 'ar' }) => {
      const items = listIndicators().map((i) => ({ name: i.name, type: i.type, description: i.description }));
      printList(options, items, items, {
        indicator: (i) => i.name,
        type: (i) => i.type,
        meaning: (i) => i.description[options.lang] ?? i.description.en,
      });
    });

  const profiles = risk
    .command('profiles')
    .alias('profile')
    .description('rule profiles: versions, validation, activation, diff');
  listCommand(
    profiles.command('list').description('list profile versions'),
    context,
    async (database) => (await listProfiles(database.db, {}, { limit: 500, offset: 0 })).items,
    {
      id: (p) => p.id,
      name: (p) => p.name,
      version: (p) => p.version,
      status: (p) => p.status,
      rules: (p) => p.rules,
      author: (p) => p.author,
      valid: (p) => `${p.valid_from ?? '…'} – ${p.valid_to ?? '…'}`,
      reason: (p) => p.reason,
    },
  );
  profiles
    .command('show')
    .description('print a profile version (its source text when it came as text)')
    .argument('<id>', 'profile version id', int('id'))
    .option('--json', 'print the stored document as JSON')
    .action(async (id: number, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const p = await getProfile(database.db, id, { intelligence: true });
        if (!p) throw new Error(`no rule profile #${id}`);
        if (options.json || !p.source_text) printJson(p);
        else process.stdout.write(p.source_text);
      });
    });
  profiles
    .command('validate')
    .description('check a profile file (YAML or JSON): every problem with its path and line')
    .argument('<file>', 'profile document')
    .action(async (file: string) => {
      await context.withDatabase(async (database) => {
        const result = parseProfileText(readFileSync(file, 'utf8'), await knownNames(database.db));
        if (result.ok) console.log(`✔ ${file}: ${result.document.rules.length} rules, valid`);
        else {
          console.error(formatProblems(result.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` }))));
          process.exitCode = 1;
        }
      });
    });
  profiles
    .command('create')
    .description('save a profile file as a new draft version of NAME')
    .argument('<file>', 'profile document (YAML or JSON)')
    .requiredOption('--name <name>', 'profile name (a-z, 0-9, - and _)')
    .requiredOption('--reason <text>', 'why this version')
    .option('--valid-from <date>', 'first day in force')
    .option('--valid-to <date>', 'last day in force')
    .option('--activate', 'activate it at once (with the same reason)')
    .action(
      async (
        file: string,
        options: { name: string; reason: string; validFrom?: string; validTo?: string; activate?: boolean },
      ) => {
        await context.withDatabase(async (database, config) => {
          if (options.activate && config.fourEyes) throw new FourEyesRequiredError('a new version');
          const created = await createProfileVersion(database, cliActor(), {
            name: options.name,
            text: readFileSync(file, 'utf8'),
            reason: options.reason,
            valid_from: options.validFrom ?? null,
            valid_to: options.validTo ?? null,
          });
          console.log(`✔ ${created.name} v${created.version} saved as draft #${created.id}`);
          if (options.activate) {
            await activateProfile(database, cliActor(), created.id, options.reason);
            console.log(`✔ ${created.name} v${created.version} is active`);
          }
        });
      },
    );
  for (const [command, verb, fn] of [
    ['activate', 'activated', activateProfile],
    ['retire', 'retired', retireProfile],
  ] as const) {
    profiles
      .command(command)
      .description(`${command} a profile version (audited)`)
      .argument('<id>', 'profile version id', int('id'))
      .requiredOption('--reason <text>', `why it is ${verb}`)
      .action(async (id: number, options: { reason: string }) => {
        await context.withDatabase(async (database, config) => {
          if (command === 'activate' && config.fourEyes)
            throw new FourEyesRequiredError(`rule profile #${id}`);
          const out = await fn(database, cliActor(), id, options.reason);
          console.log(`✔ ${out.name} v${out.version} ${verb}`);
        });
      });
  }
  registerApprovalCommands(risk, profiles, context);
}
