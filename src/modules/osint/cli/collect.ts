/**
 * `vigie osint collect` and `vigie osint submit`: a collection run in this process, with a progress line on a
 * terminal and Ctrl-C to cancel; `--due` claims each due source as the server's scheduler does.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { formatDuration, printJson } from '../../../platform/cli/output.ts';
import type { Database } from '../../../platform/db/database.ts';
import { type RunSummary, runCollection } from '../run.ts';
import { claimDueSource, dueSources, releaseSource, resolveSource, submittedUrlSource } from '../sources.ts';

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

export function registerCollectCommands(osint: Command, context: CliContext): void {
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
}
