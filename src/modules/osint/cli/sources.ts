/** `vigie osint sources list|show|add|update|remove`: what to collect, how often, and its health. */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { listCommand } from '../../../platform/cli/list-command.ts';
import { printJson } from '../../../platform/cli/output.ts';
import { listRuns } from '../run.ts';
import { SOURCE_TYPES, type SourceType } from '../source-config.ts';
import { createSource, deleteSource, listSources, resolveSource, updateSource } from '../sources.ts';
import { positiveInt } from './shared.ts';

function readConfig(options: { config?: string; configJson?: string }): unknown {
  if (options.configJson) return JSON.parse(options.configJson);
  if (!options.config) return undefined;
  const text = readFileSync(options.config, 'utf8');
  return /\.json$/i.test(options.config) ? JSON.parse(text) : parseYaml(text);
}

export function registerSourceCommands(osint: Command, context: CliContext): void {
  const sources = osint.command('sources').description('sources of online monitoring');
  listCommand(
    sources.command('list').description('sources with their health'),
    context,
    async (database) => (await listSources(database.db, {}, { limit: 500, offset: 0 })).items,
    {
      id: (s) => s.id,
      name: (s) => s.name,
      type: (s) => s.type,
      every: (s) => (s.interval_minutes ? `${s.interval_minutes} min` : 'manual'),
      enabled: (s) => (s.enabled ? 'yes' : 'no'),
      'last run': (s) => s.health.last_run_at?.slice(0, 16).replace('T', ' ') ?? '',
      status: (s) => (s.health.running ? 'running' : (s.health.last_status ?? '')),
      items: (s) => s.health.last_items,
      errors: (s) => s.health.last_errors,
      total: (s) => s.health.total_items,
    },
  );
  sources
    .command('show')
    .description('a source: configuration, health, last runs and their problems')
    .argument('<source>', 'id or name')
    .option('--json', 'print as JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const source = await resolveSource(database.db, ref);
        const runs = await listRuns(database, source.id, { limit: 5, offset: 0 });
        if (options.json) return printJson({ ...source, runs: runs.items });
        console.log(
          `#${source.id} ${source.name} (${source.type}), ${source.enabled ? 'enabled' : 'disabled'}`,
        );
        console.log(`configuration: ${JSON.stringify(source.config)}`);
        const h = source.health;
        console.log(
          `health: last run ${h.last_run_at ?? 'never'} (${h.last_status ?? '—'}), ${h.last_items} items, ${h.last_errors} errors; ${h.total_items} items in all over ${h.runs} runs; next run ${h.next_run_at ?? 'manual'}`,
        );
        if (h.last_error) console.log(`last error: ${h.last_error}`);
        for (const r of runs.items) {
          console.log(
            `run #${r.id} ${r.started_at.slice(0, 19).replace('T', ' ')} ${r.status}: ${r.fetched} documents, ${r.items_new} new, ${r.items_seen} seen, ${r.errors} errors`,
          );
          for (const p of r.problems.slice(0, 10)) console.log(`  ${p.severity}: ${p.code}: ${p.message}`);
        }
      });
    });
  sources
    .command('add')
    .description('add a source (configuration in a YAML or JSON file, or inline JSON)')
    .requiredOption('--name <name>', 'a unique name')
    .addOption(
      new Option('--type <type>', 'source type')
        .choices(SOURCE_TYPES as unknown as string[])
        .makeOptionMandatory(),
    )
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--config-json <json>', 'configuration as JSON')
    .option('--interval <minutes>', 'collect every N minutes (default: only when asked)', positiveInt)
    .option('--disabled', 'add it disabled')
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        name: string;
        type: SourceType;
        config?: string;
        configJson?: string;
        interval?: number;
        disabled?: boolean;
        json?: boolean;
      }) => {
        const config = readConfig(options) ?? {};
        await context.withDatabase(async (database) => {
          const source = await createSource(database, cliActor(), {
            name: options.name,
            type: options.type,
            config,
            interval_minutes: options.interval ?? null,
            enabled: !options.disabled,
          });
          if (options.json) printJson(source);
          else console.log(`✔ source #${source.id} ${source.name} (${source.type}) added`);
        });
      },
    );
  sources
    .command('update')
    .description('change a source')
    .argument('<source>', 'id or name')
    .option('--name <name>', 'new name')
    .option('--config <file>', 'new configuration file (YAML or JSON)')
    .option('--config-json <json>', 'new configuration as JSON')
    .option('--interval <minutes>', 'collect every N minutes', positiveInt)
    .option('--manual', 'collect only when asked (no interval)')
    .option('--enable', 'enable')
    .option('--disable', 'disable')
    .action(
      async (
        ref: string,
        options: {
          name?: string;
          config?: string;
          configJson?: string;
          interval?: number;
          manual?: boolean;
          enable?: boolean;
          disable?: boolean;
        },
      ) => {
        await context.withDatabase(async (database) => {
          const source = await resolveSource(database.db, ref);
          const updated = await updateSource(database, cliActor(), source.id, {
            name: options.name,
            config: readConfig(options),
            interval_minutes: options.manual ? null : options.interval,
            enabled: options.enable ? true : options.disable ? false : undefined,
          });
          console.log(`✔ source #${updated.id} ${updated.name} updated`);
        });
      },
    );
  sources
    .command('remove')
    .description('remove a source that never collected anything (otherwise: update --disable)')
    .argument('<source>', 'id or name')
    .action(async (ref: string) => {
      await context.withDatabase(async (database) => {
        const source = await resolveSource(database.db, ref);
        await deleteSource(database, cliActor(), source.id);
        console.log(`✔ source #${source.id} ${source.name} removed`);
      });
    });
}
