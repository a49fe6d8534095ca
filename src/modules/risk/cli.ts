/**
 * `vigie risk …`: rule profiles (list, show, validate, create, activate, retire), back-tests, scoring, the daily
 * selection, statistics, watchlists and office parameters from the command line. The command line acts with the
 * database's own rights (like an administrator): it shows rules with their intelligence.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { formatInt, printJson, table } from '../../platform/cli/output.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { readValidatedRows } from '../../platform/ingest/run.ts';
import { declarationsTarget, officesLodgedOn } from '../declarations/index.ts';
import { type BacktestReport, backtest } from './backtest.ts';
import { runSelection } from './decisions/selection.ts';
import { ruleStatistics } from './decisions/statistics.ts';
import { listIndicators } from './indicators/index.ts';
import { loadActiveModel } from './model.ts';
import { listOfficeParams, officeParamsPatch, setOfficeParams } from './offices.ts';
import {
  activateProfile,
  activeProfiles,
  createProfileVersion,
  getProfile,
  knownNames,
  listProfiles,
  profileVersion,
  retireProfile,
} from './profiles.ts';
import { formatProblems, parseProfileText } from './rules/validate.ts';
import type { ProfileVersion } from './score.ts';
import { scoreDeclaration } from './service.ts';
import {
  addEntries,
  createWatchlist,
  listWatchlists,
  WATCHLIST_TYPES,
  type WatchlistType,
} from './watchlists.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number`);
  return n;
};
const num = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name}: expected a number`);
  return n;
};
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`;

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

export function registerRiskCli(program: Command, context: CliContext): void {
  const risk = program
    .command('risk')
    .description('risk targeting: rule profiles, back-tests, scoring, selection');

  risk
    .command('indicators')
    .description('list the indicators rules may test')
    .option('--json', 'print as JSON')
    .option('--lang <lang>', 'en or fr', 'en')
    .action((options: { json?: boolean; lang: 'en' | 'fr' }) => {
      const items = listIndicators().map((i) => ({ name: i.name, type: i.type, description: i.description }));
      if (options.json) printJson(items);
      else
        console.log(
          table(
            ['indicator', 'type', 'meaning'],
            items.map((i) => [i.name, i.type, i.description[options.lang] ?? i.description.en]),
          ),
        );
    });

  // ── profiles ──
  const profiles = risk.command('profiles').description('rule profiles: versions, validation, activation');
  profiles
    .command('list')
    .description('list profile versions')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listProfiles(database.db, {}, { limit: 500, offset: 0 });
        if (options.json) return printJson(page.items);
        console.log(
          table(
            ['id', 'name', 'version', 'status', 'rules', 'author', 'valid', 'reason'],
            page.items.map((p) => [
              p.id,
              p.name,
              p.version,
              p.status,
              p.rules,
              p.author,
              `${p.valid_from ?? '…'} – ${p.valid_to ?? '…'}`,
              p.reason,
            ]),
          ),
        );
      });
    });
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
        await context.withDatabase(async (database) => {
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
        await context.withDatabase(async (database) => {
          const out = await fn(database, cliActor(), id, options.reason);
          console.log(`✔ ${out.name} v${out.version} ${verb}`);
        });
      });
  }

  // ── back-test ──
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
          printReport('Candidate', result.candidate);
          if (result.active)
            printReport(
              `Active now (${result.active.profiles.map((p) => `${p.name} v${p.version}`).join(', ')})`,
              result.active.report,
            );
        });
      },
    );

  // ── scoring ──
  risk
    .command('score')
    .description(
      'score declarations (stored, by reference; or from a file) and explain the scores; nothing is stored',
    )
    .argument('[references...]', 'declaration references')
    .option('--file <file>', 'score the declarations of a file instead')
    .option('-p, --profile <name|path>', 'mapping profile of the file', 'native')
    .option(
      '--profile-id <id>',
      'score with this rule profile version instead of the active ones',
      int('--profile-id'),
    )
    .addOption(new Option('--lang <lang>', 'language of explanations').choices(['en', 'fr']).default('en'))
    .option('--json', 'print as JSON')
    .action(
      async (
        references: string[],
        options: { file?: string; profile: string; profileId?: number; lang: 'en' | 'fr'; json?: boolean },
      ) => {
        await context.withDatabase(async (database, config) => {
          await withActiveModel(database);
          const forced =
            options.profileId !== undefined
              ? await profileVersion(database.db, options.profileId)
              : undefined;
          if (options.profileId !== undefined && !forced)
            throw new Error(`no rule profile #${options.profileId}`);
          const opts = forced ? { profiles: [forced] } : {};
          const inputs: (
            | { reference: string }
            | { lines: import('../declarations/index.ts').DeclarationLine[] }
          )[] = [];
          if (options.file) {
            const read = await readValidatedRows(declarationsTarget, {
              file: options.file,
              profile: resolveProfile('declarations', options.profile, config.dataDir),
            });
            if (read.fileError) throw new Error(read.fileError.message);
            for (const e of read.errors.slice(0, 10)) console.error(`  ✖ line ${e.line}: ${e.message}`);
            const byRef = new Map<string, import('../declarations/index.ts').DeclarationLine[]>();
            for (const line of read.rows)
              byRef.set(line.reference, [...(byRef.get(line.reference) ?? []), line]);
            for (const lines of byRef.values()) inputs.push({ lines });
          }
          for (const reference of references) inputs.push({ reference });
          if (inputs.length === 0) throw new Error('give references or --file');
          const out = [];
          for (const input of inputs) {
            const s = await scoreDeclaration(database, input, opts);
            if (options.json)
              out.push({
                ...s,
                result: { ...s.result, items: s.result.items.map(({ index: _i, ...it }) => it) },
              });
            else {
              console.log(
                `\n${s.reference} (office ${s.office}, ${s.lodged_on}): score ${s.result.score.toFixed(1)}, probability ${pct(s.result.probability)}, ` +
                  `expected duties ${formatInt(Math.round(s.result.expected_value))} — ${s.result.indicative_channel}`,
              );
              console.log(s.explanation[options.lang]);
            }
          }
          if (options.json) printJson(out);
        });
      },
    );

  // ── selection ──
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

  risk
    .command('stats')
    .description(
      'rule statistics from decisions and outcomes: hits, inspected, precision, recoveries, overrides',
    )
    .option('--profile <name>', 'one profile')
    .option('--json', 'print as JSON')
    .action(async (options: { profile?: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const rows = await ruleStatistics(database.db, { profile: options.profile });
        if (options.json) return printJson(rows);
        console.log(
          table(
            ['profile', 'rule', 'hits', 'inspected', 'frauds', 'precision', 'recovered', 'overridden'],
            rows.map((r) => [
              r.profile,
              r.rule_id,
              r.hits,
              r.inspected,
              r.frauds,
              pct(r.precision),
              Math.round(r.recovered ?? 0),
              pct(r.override_share),
            ]),
          ),
        );
      });
    });

  // ── watchlists ──
  const watchlists = risk.command('watchlists').description('named target lists');
  watchlists
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listWatchlists(database.db, {}, { limit: 500, offset: 0 });
        if (options.json) return printJson(page.items);
        console.log(
          table(
            ['id', 'name', 'type', 'entries', 'owner', 'expires'],
            page.items.map((w) => [w.id, w.name, w.type, w.entries, w.owner, w.expires_on ?? '']),
          ),
        );
      });
    });
  watchlists
    .command('create')
    .argument('<name>', 'list name')
    .addOption(
      new Option('--type <type>', 'what the list holds').choices(WATCHLIST_TYPES).makeOptionMandatory(),
    )
    .option('--description <text>', 'what it is for')
    .option('--expires-on <date>', 'last day in force')
    .action(
      async (name: string, options: { type: WatchlistType; description?: string; expiresOn?: string }) => {
        await context.withDatabase(async (database) => {
          const w = await createWatchlist(database, cliActor(), {
            name,
            type: options.type,
            description: options.description ?? null,
            expires_on: options.expiresOn ?? null,
          });
          console.log(`✔ watchlist #${w.id} ${w.name} (${w.type})`);
        });
      },
    );
  watchlists
    .command('add')
    .argument('<id>', 'list id', int('id'))
    .argument('<values...>', 'values to add')
    .option('--note <text>', 'why')
    .action(async (id: number, values: string[], options: { note?: string }) => {
      await context.withDatabase(async (database) => {
        const r = await addEntries(database, cliActor(), id, { values, note: options.note ?? null });
        console.log(`✔ ${r.added} added (${r.submitted - r.added} already there)`);
      });
    });

  // ── offices ──
  const offices = risk.command('offices').description('per-office selection parameters');
  offices
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const rows = await listOfficeParams(database.db);
        if (options.json) return printJson(rows);
        console.log(
          table(
            [
              'office',
              'capacity items',
              'capacity hours',
              'red',
              'yellow',
              'blue',
              'random',
              'min red',
              'min yellow',
            ],
            rows.map((r) => [
              r.office_code,
              r.capacity_items,
              r.capacity_hours,
              pct(r.rate_red),
              pct(r.rate_yellow),
              pct(r.rate_blue),
              pct(r.random_rate),
              r.minutes_red,
              r.minutes_yellow,
            ]),
          ),
        );
      });
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

/** Scores from the command line as the server does: with the registry's active model, when there is one. */
async function withActiveModel(database: import('../../platform/db/database.ts').Database): Promise<void> {
  await loadActiveModel(database);
}
