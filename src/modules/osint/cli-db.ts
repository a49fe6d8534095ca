/**
 * The osint commands that work on the database:
 *
 *   vigie osint sources list|show|add|update|remove
 *   vigie osint collect SOURCE [--file F] [--url U…] | --due      (runs here, with progress on a terminal)
 *   vigie osint submit URL…
 *   vigie osint items [--source S] [--label L] [--min-score X] [--group]
 *   vigie osint sellers list|show|identifiers
 *   vigie osint alerts list|confirm|dismiss|case
 *   vigie osint watch list|add|remove
 *   vigie osint evidence verify|show|export
 *   vigie osint reanalyze [--source S]
 *   vigie osint model
 *
 * `vigie osint analyze` and `vigie osint train` stay in cli.ts: file mode, no database.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { formatBytes, formatDuration, printJson, table } from '../../platform/cli/output.ts';
import type { Database } from '../../platform/db/database.ts';
import {
  addWatchTerm,
  decideAlert,
  listAlerts,
  listWatchTerms,
  removeWatchTerm,
  WATCH_KINDS,
  type WatchKind,
} from './alerts.ts';
import { LABELS } from './analysis/index.ts';
import { evidenceBuffer, getEvidence, verifyEvidence } from './evidence.ts';
import { listItems } from './items.ts';
import { modelInfo } from './model.ts';
import { reanalyzeItems } from './reanalyze.ts';
import { listRuns, type RunSummary, runCollection } from './run.ts';
import { getSellerProfile, listSellers } from './seller-views.ts';
import { sellerIdentifiers } from './sellers.ts';
import { SOURCE_TYPES, type SourceType } from './source-config.ts';
import {
  claimDueSource,
  createSource,
  deleteSource,
  dueSources,
  listSources,
  releaseSource,
  resolveSource,
  submittedUrlSource,
  updateSource,
} from './sources.ts';
import type { OsintAlertStatus, OsintLabel } from './tables.ts';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};
const score = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};
const labelOption = () => new Option('--label <label>', 'a label').choices(LABELS as unknown as string[]);

function readConfig(options: { config?: string; configJson?: string }): unknown {
  if (options.configJson) return JSON.parse(options.configJson);
  if (!options.config) return undefined;
  const text = readFileSync(options.config, 'utf8');
  return /\.json$/i.test(options.config) ? JSON.parse(text) : parseYaml(text);
}

function progressLine(enabled: boolean) {
  let last = 0;
  return {
    update(done: number, message?: string) {
      if (!enabled || Date.now() - last < 200) return;
      last = Date.now();
      process.stderr.write(`\r\x1b[K${done} documents${message ? `, ${message}` : ''}`);
    },
    stop() {
      if (enabled) process.stderr.write('\r\x1b[K');
    },
  };
}

function printRun(s: RunSummary, name: string): void {
  console.log(
    `${s.status === 'ok' ? '✔' : s.status === 'partial' ? '⚠' : '✖'} ${name}: run #${s.run_id} ${s.status} in ${formatDuration(s.duration_ms)} — ${s.fetched} documents, ${s.items_new} new items, ${s.items_seen} seen again, ${s.reposts} reposts grouped, ${s.alerts} alerts, ${s.errors} errors, ${s.warnings} warnings`,
  );
  for (const p of s.problems) console.log(`  ${p.severity}: ${p.code}: ${p.message}`);
  if (s.errors + s.warnings > s.problems.length)
    console.log(
      `  … ${s.errors + s.warnings - s.problems.length} more (vigie osint sources show ${s.source_id})`,
    );
}

async function collectOne(
  database: Database,
  sourceId: number,
  name: string,
  params: { urls?: string[]; file?: { path: string; name: string } },
  options: { json?: boolean; progress: boolean; dataDir: string },
): Promise<RunSummary> {
  const line = progressLine(options.progress && !options.json && Boolean(process.stderr.isTTY));
  const controller = new AbortController();
  const stop = () => controller.abort('cancelled');
  process.once('SIGINT', stop);
  try {
    const summary = await runCollection(database, {
      sourceId,
      actor: cliActor(),
      params,
      signal: controller.signal,
      progress: (p) => line.update(p.done, p.message),
      dataDir: options.dataDir,
    });
    line.stop();
    if (options.json) printJson(summary);
    else printRun(summary, name);
    if (summary.status === 'failed') process.exitCode = 1;
    return summary;
  } finally {
    line.stop();
    process.off('SIGINT', stop);
  }
}

export function registerOsintDbCommands(osint: Command, context: CliContext): void {
  // ── sources ──
  const sources = osint.command('sources').description('sources of online monitoring');
  sources
    .command('list')
    .description('sources with their health')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listSources(database.db, {}, { limit: 500, offset: 0 });
        if (options.json) return printJson(page.items);
        console.log(
          table(
            ['id', 'name', 'type', 'every', 'enabled', 'last run', 'status', 'items', 'errors', 'total'],
            page.items.map((s) => [
              s.id,
              s.name,
              s.type,
              s.interval_minutes ? `${s.interval_minutes} min` : 'manual',
              s.enabled ? 'yes' : 'no',
              s.health.last_run_at?.slice(0, 16).replace('T', ' ') ?? '',
              s.health.running ? 'running' : (s.health.last_status ?? ''),
              s.health.last_items,
              s.health.last_errors,
              s.health.total_items,
            ]),
          ),
        );
      });
    });
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

  // ── collect ──
  osint
    .command('collect')
    .description('collect from a source now, here (or every source that is due with --due)')
    .argument('[source]', 'id or name')
    .option('--file <file>', 'file sources: the export file to read')
    .option('--url <url...>', 'URLs to fetch instead of the configured ones')
    .option('--due', 'collect every source whose interval is due')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress line')
    .action(
      async (
        ref: string | undefined,
        options: { file?: string; url?: string[]; due?: boolean; json?: boolean; progress: boolean },
      ) => {
        if (!ref && !options.due) throw new Error('name a source, or use --due');
        await context.withDatabase(async (database, config) => {
          const run = { json: options.json, progress: options.progress, dataDir: config.dataDir };
          if (options.due) {
            const due = await dueSources(database.db);
            if (!due.length && !options.json) console.log('no source is due');
            for (const s of due) {
              // Claimed like the server's scheduler claims it: a source another process is collecting is left.
              const claim = randomUUID();
              if (!(await claimDueSource(database.db, s.id, claim))) {
                if (!options.json) console.log(`${s.name}: being collected elsewhere, left alone`);
                continue;
              }
              try {
                await collectOne(database, s.id, s.name, {}, run);
              } finally {
                await releaseSource(database.db, s.id, claim);
              }
            }
            return;
          }
          const source = await resolveSource(database.db, ref!);
          await collectOne(
            database,
            source.id,
            source.name,
            {
              ...(options.url ? { urls: options.url } : {}),
              ...(options.file
                ? { file: { path: options.file, name: options.file.split(/[/\\]/).pop()! } }
                : {}),
            },
            run,
          );
        });
      },
    );
  osint
    .command('submit')
    .description('collect single URLs (kept as evidence and analysed) under the source "submitted-urls"')
    .argument('<url...>', 'URLs')
    .option('--json', 'print the summary as JSON')
    .action(async (urls: string[], options: { json?: boolean }) => {
      await context.withDatabase(async (database, config) => {
        const source = await submittedUrlSource(database, cliActor());
        await collectOne(
          database,
          source.id,
          source.name,
          { urls },
          { json: options.json, progress: true, dataDir: config.dataDir },
        );
      });
    });

  // ── items ──
  osint
    .command('items')
    .description('collected items, newest first')
    .option('--source <id>', 'of one source', positiveInt)
    .option('--seller <id>', 'of one seller', positiveInt)
    .addOption(labelOption())
    .option('--min-score <x>', 'score at least', score)
    .option('--group', 'one row per ad (reposts folded)')
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        source?: number;
        seller?: number;
        label?: OsintLabel;
        minScore?: number;
        group?: boolean;
        limit: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const page = await listItems(
            database.db,
            {
              source_id: options.source,
              seller_id: options.seller,
              label: options.label,
              min_score: options.minScore,
              group: options.group,
            },
            { limit: options.limit, offset: 0 },
          );
          if (options.json) return printJson(page);
          console.log(
            table(
              ['id', 'label', 'score', 'platform', 'author', 'seller', 'reposts', 'text'],
              page.items.map((i) => [
                i.id,
                i.confirmed_label ? `${i.confirmed_label} ✔` : i.label,
                i.score.toFixed(2),
                i.platform ?? '',
                i.author ?? '',
                i.seller_id ?? '',
                i.reposts,
                (i.title ?? i.text).replace(/\s+/g, ' ').slice(0, 60),
              ]),
            ),
          );
          console.log(`${page.total} items`);
        });
      },
    );

  // ── sellers ──
  const sellers = osint
    .command('sellers')
    .description('sellers: accounts grouped across platforms by shared identifiers');
  sellers
    .command('list')
    .description('sellers, highest score first')
    .option('--min-score <x>', 'score at least', score)
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(async (options: { minScore?: number; limit: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listSellers(
          database.db,
          { min_score: options.minScore },
          { limit: options.limit, offset: 0 },
        );
        if (options.json) return printJson(page);
        console.log(
          table(
            [
              'id',
              'seller',
              'score',
              'label',
              'ads',
              'risky',
              'accounts',
              'platforms',
              'brands',
              'last seen',
            ],
            page.items.map((s) => [
              s.id,
              s.display_name,
              s.score.toFixed(2),
              s.label ?? '',
              s.ad_count,
              s.risky_ad_count,
              s.accounts.length,
              s.platforms.join(', '),
              s.brands
                .map((b) => b.name)
                .slice(0, 3)
                .join(', '),
              s.last_seen_at?.slice(0, 10) ?? '',
            ]),
          ),
        );
      });
    });
  sellers
    .command('show')
    .description('one seller: profile, accounts, identifiers')
    .argument('<id>', 'seller id', positiveInt)
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const s = await getSellerProfile(database.db, id);
        if (options.json) return printJson(s);
        console.log(
          `seller #${s.id} ${s.display_name}: score ${s.score.toFixed(2)} (${s.label ?? 'benign'})${s.merged_from.length ? `, merged from #${s.merged_from.join(', #')}` : ''}`,
        );
        for (const r of s.reasons) console.log(`  ${r}`);
        console.log(`  ${s.item_count} items, ${s.ad_count} distinct ads (${s.risky_ad_count} risky)`);
        console.log(`  accounts: ${s.accounts.map((a) => `${a.platform}:${a.handle}`).join(', ')}`);
        console.log(
          `  brands: ${s.brands.map((b) => `${b.name} (${b.count})`).join(', ') || '—'}; cities: ${s.cities.map((c) => c.name).join(', ') || '—'}`,
        );
        if (s.price_min_mad !== null) console.log(`  prices: ${s.price_min_mad}–${s.price_max_mad} MAD`);
        console.log(
          `  seen ${s.first_seen_at?.slice(0, 10) ?? '?'} → ${s.last_seen_at?.slice(0, 10) ?? '?'}`,
        );
        const i = s.identifiers;
        console.log(
          `  phones: ${i.phones.join(', ') || '—'}; e-mails: ${i.emails.join(', ') || '—'}; shops: ${i.shop_urls.join(', ') || '—'}`,
        );
      });
    });
  sellers
    .command('identifiers')
    .description(
      "a seller's identifiers as JSON (phones, e-mails, handles, shop URLs, company names, addresses)",
    )
    .argument('<id>', 'seller id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => printJson(await sellerIdentifiers(database.db, id)));
    });

  // ── alerts ──
  const alerts = osint.command('alerts').description('alerts: confirm, dismiss, send to a case');
  alerts
    .command('list')
    .description('alerts, newest first')
    .addOption(
      new Option('--status <status>', 'status')
        .choices(['open', 'confirmed', 'dismissed', 'case_opened'])
        .default('open'),
    )
    .addOption(new Option('--kind <kind>', 'kind').choices(['post', 'seller', 'watchlist']))
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        status: OsintAlertStatus;
        kind?: 'post' | 'seller' | 'watchlist';
        limit: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const page = await listAlerts(
            database.db,
            { status: options.status, kind: options.kind },
            { limit: options.limit, offset: 0 },
          );
          if (options.json) return printJson(page);
          console.log(
            table(
              ['id', 'kind', 'label', 'score', 'about', 'reason'],
              page.items.map((a) => [
                a.id,
                a.kind,
                a.label ?? '',
                a.score?.toFixed(2) ?? '',
                a.item
                  ? `item #${a.item.id}${a.item.reposts ? ` (+${a.item.reposts} reposts)` : ''}`
                  : a.seller
                    ? `seller #${a.seller.id} ${a.seller.display_name}`
                    : '',
                a.reason.replace(/\s+/g, ' ').slice(0, 70),
              ]),
            ),
          );
          console.log(`${page.total} ${options.status} alerts`);
        });
      },
    );
  for (const [name, decision, help] of [
    ['confirm', 'confirm', 'confirm an alert (teaches the classifier)'],
    ['dismiss', 'dismiss', 'dismiss an alert (a post alert teaches the classifier the post is benign)'],
    ['case', 'open_case', 'send an alert to a case'],
  ] as const) {
    const command = alerts
      .command(name)
      .description(help)
      .argument('<id>', 'alert id', positiveInt)
      .option('--note <text>', 'why');
    if (decision !== 'open_case') command.addOption(labelOption());
    command.action(async (id: number, options: { note?: string; label?: OsintLabel }) => {
      await context.withDatabase(async (database) => {
        const result = await decideAlert(database, cliActor(), id, {
          decision,
          label: options.label,
          note: options.note,
        });
        console.log(
          `✔ alert #${id} ${result.alert.status.replace('_', ' ')}${result.alert.decision_label ? ` (${result.alert.decision_label})` : ''}${result.model_version ? `; classifier now version ${result.model_version}` : ''}`,
        );
      });
    });
  }

  // ── watchlist ──
  const watch = osint
    .command('watch')
    .description('the watchlist: brands, products, keywords, phone numbers');
  watch
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const terms = await listWatchTerms(database.db, { activeOnly: true });
        if (options.json) return printJson(terms);
        console.log(
          table(
            ['id', 'kind', 'value', 'note'],
            terms.map((t) => [t.id, t.kind, t.value, t.note ?? '']),
          ),
        );
      });
    });
  watch
    .command('add')
    .argument('<kind>', WATCH_KINDS.join(' | '))
    .argument('<value>', 'the brand, product, keyword or phrase, or phone number')
    .option('--note <text>', 'why')
    .action(async (kind: string, value: string, options: { note?: string }) => {
      if (!(WATCH_KINDS as readonly string[]).includes(kind))
        throw new Error(`unknown kind "${kind}": expected ${WATCH_KINDS.join(', ')}`);
      await context.withDatabase(async (database) => {
        const term = await addWatchTerm(database, cliActor(), {
          kind: kind as WatchKind,
          value,
          note: options.note,
        });
        console.log(`✔ watching ${term.kind} "${term.value}" (#${term.id})`);
      });
    });
  watch
    .command('remove')
    .argument('<id>', 'watch term id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => {
        await removeWatchTerm(database, cliActor(), id);
        console.log(`✔ watch term #${id} removed`);
      });
    });

  // ── evidence ──
  const evidence = osint.command('evidence').description('evidence: what was collected, byte for byte');
  evidence
    .command('verify')
    .description('re-hash every evidence row; names each whose content or description changed (exit code 1)')
    .option('--from <id>', 'from this evidence id on', positiveInt)
    .option('--json', 'print as JSON')
    .action(async (options: { from?: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const result = await verifyEvidence(database.db, { fromId: options.from });
        if (options.json) printJson(result);
        else if (result.ok)
          console.log(`✔ ${result.checked} evidence rows intact (${formatBytes(result.bytes)} re-hashed)`);
        else {
          console.log(`✖ ${result.problems.length} problems in ${result.checked} evidence rows:`);
          for (const p of result.problems) console.log(`  ${p.kind}: ${p.message}`);
        }
        if (!result.ok) process.exitCode = 1;
      });
    });
  evidence
    .command('show')
    .description('what an evidence row says (URL, time, status, headers, SHA-256, collector)')
    .argument('<id>', 'evidence id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => {
        const e = await getEvidence(database.db, id);
        if (!e) throw new Error(`no evidence #${id}`);
        printJson(e);
      });
    });
  evidence
    .command('export')
    .description('write the raw content of an evidence row to a file')
    .argument('<id>', 'evidence id', positiveInt)
    .requiredOption('--out <file>', 'where to write it')
    .action(async (id: number, options: { out: string }) => {
      await context.withDatabase(async (database) => {
        const e = await getEvidence(database.db, id);
        if (!e) throw new Error(`no evidence #${id}`);
        const content = await evidenceBuffer(database.db, id);
        writeFileSync(options.out, content);
        console.log(
          `✔ evidence #${id} (${formatBytes(content.length)}, SHA-256 ${e.sha256}) written to ${options.out}`,
        );
      });
    });

  osint
    .command('reanalyze')
    .description('analyse collected items again with the current model')
    .option('--source <id>', 'only the items of one source', positiveInt)
    .action(async (options: { source?: number }) => {
      await context.withDatabase(async (database) => {
        const s = await reanalyzeItems(database, { sourceId: options.source });
        console.log(
          `✔ ${s.items} items analysed with model version ${s.model_version}: ${s.changed} changed, ${s.alerts} new alerts`,
        );
      });
    });
  osint
    .command('model')
    .description('the classifier in use: version, training, confirmations waiting')
    .action(async () => {
      await context.withDatabase(async (database) => printJson(await modelInfo(database.db)));
    });
}
