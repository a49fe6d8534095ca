/**
 * The `vigie` command. Modules add their own sub-commands (src/modules/registry.ts); the platform ones are here.
 */
import { Command, CommanderError } from 'commander';
import { describeCounts } from '../modules/imports/index.ts';
import { CliContext } from '../platform/cli/context.ts';
import { formatBytes, formatInt } from '../platform/cli/output.ts';
import { importProgressBar } from '../platform/cli/progress.ts';
import { ConfigError } from '../platform/config.ts';
import { migrateToLatest, migrationStatus } from '../platform/db/migrate.ts';
import { FileProblem } from '../platform/ingest/problems.ts';
import { ProfileError } from '../platform/ingest/profile.ts';
import { VERSION } from '../platform/lib/version.ts';
import { loadDemo } from './demo/demo.ts';
import { modules, registry } from './modules.ts';
import { registerServeCommands } from './serve.ts';

// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const program = new Command('vigie')
  .description('Vigie — customs intelligence and risk targeting')
  .version(VERSION)
  .option('--data-dir <dir>', 'embedded database folder (default: VIGIE_DATA_DIR or ./.vigie)')
  .option(
    '--database-url <url>',
    'PostgreSQL URL instead of the embedded database (default: VIGIE_DATABASE_URL)',
  )
  .showHelpAfterError()
  .exitOverride();

const context = new CliContext(program, registry);

/** The command being run: the first argument that is neither a global option nor the value such an option takes. */
function firstCommand(args: string[]): string | undefined {
  const withValue = new Set(
    program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter(Boolean)),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) return arg;
    if (withValue.has(arg)) i++;
  }
  return undefined;
}

const db = program.command('db').description('the database');
db.command('migrate')
  .description('bring the database schema to the latest version')
  .action(async () => {
    const config = context.config();
    const { openDatabase } = await import('../platform/db/database.ts');
    const database = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
    );
    try {
      const report = await migrateToLatest(database, registry.migrations);
      console.log(
        report.applied.length
          ? `applied ${report.applied.join(', ')} (${report.total} migrations in all) on ${database.description}`
          : `already up to date (${report.total} migrations) on ${database.description}`,
      );
    } finally {
      await database.close();
    }
  });
db.command('status')
  .description('list the migrations and when each ran')
  .action(async () => {
    await context.withDatabase(async (database) => {
      for (const m of await migrationStatus(database, registry.migrations)) {
        console.log(`${m.executedAt ? m.executedAt.toISOString() : 'pending                 '}  ${m.name}`);
      }
    });
  });

program
  .command('demo')
  .description(
    'load the bundled demo data (a KCS sample and consistent partner files; then a demo model, and the arrivals of the first week of 2021 targeted); loading twice changes nothing',
  )
  .option('--no-targeting', 'only the 2020 history: no model, no arrivals, no selections')
  .option('--no-osint', 'no online-monitoring sources, posts and alerts')
  .option('--no-graph', 'no planted network, persons, vehicles and properties, and no graph build')
  .option('--no-parcels', 'no week of e-commerce parcels')
  .action(async (options: { targeting: boolean; osint: boolean; graph: boolean; parcels: boolean }) => {
    await context.withDatabase(async (database) => {
      let bar: ReturnType<typeof importProgressBar> | undefined;
      let current = '';
      const summaries = await loadDemo(database, (file, progress) => {
        if (file !== current) {
          bar?.stop();
          bar = importProgressBar(file.padEnd(16));
          current = file;
        }
        bar?.update(progress);
      });
      bar?.stop();
      for (const s of summaries) console.log(`${s.file.split('/').pop()}: ${describeCounts(s.counts)}`);
      if (options.targeting) {
        const { trainDemoModel } = await import('./demo/model.ts');
        const { loadDemoTargeting } = await import('./demo/targeting.ts');
        const active = await database.db
          .selectFrom('model_versions')
          .select('id')
          .where('status', '=', 'active')
          .executeTakeFirst();
        if (!active) {
          const model = await trainDemoModel(database);
          if (model)
            console.log(`model #${model.id} "${model.name}" (${model.trees} trees) trained and active`);
        }
        const targeting = await loadDemoTargeting(database, (line) => console.log(line.trim()));
        for (const s of targeting.arrivals)
          console.log(`${s.file.split('/').pop()}: ${describeCounts(s.counts)}`);
      }
      if (options.osint) {
        const { loadOsintDemo } = await import('./demo/osint.ts');
        const osint = await loadOsintDemo(database);
        console.log(
          `online monitoring: ${osint.sources} sources, ${osint.items} posts, ${osint.alerts} alerts`,
        );
      }
      if (options.graph) {
        const { loadDemoGraph } = await import('./demo/graph.ts');
        const graph = await loadDemoGraph(database);
        for (const s of graph.imports) console.log(`${s.file.split('/').pop()}: ${describeCounts(s.counts)}`);
        console.log(
          `link graph: ${graph.build.read} records read, ${graph.build.entities} new entities, ${graph.build.links} new links`,
        );
      }
      if (options.parcels) {
        const { loadDemoParcels } = await import('./demo/parcels.ts');
        const parcels = await loadDemoParcels(database);
        for (const s of parcels.imports)
          console.log(`${s.file.split('/').pop()}: ${describeCounts(s.counts)}`);
        if (parcels.scoring)
          console.log(
            `parcels scored before arrival: ${parcels.scoring.parcels}, referred ${parcels.scoring.referred} (split orders ${parcels.scoring.split_orders}, linked to an online seller ${parcels.scoring.linked_online_seller})`,
          );
      }
      console.log(`into ${database.description}`);
    });
  });

program
  .command('backup')
  .description(
    'back the database up to FILE (embedded: a gzipped data folder; PostgreSQL: pg_dump custom format)',
  )
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    const { backup } = await import('../platform/ops/backup.ts');
    const { cliActor } = await import('../platform/auth/actor.ts');
    await context.withDatabase(async (database, config) => {
      const result = await backup(database, file, cliActor(), { url: config.databaseUrl });
      console.log(`✔ ${database.description} backed up to ${file} (${formatBytes(result.bytes)})`);
      console.log(`  ${describeTableCounts(result.counts)}`);
    });
  });

/** The tables that hold rows, largest first, and how many are empty. */
function describeTableCounts(counts: Record<string, number>): string {
  const filled = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const empty = Object.keys(counts).length - filled.length;
  return `${filled.map(([t, n]) => `${t} ${formatInt(n)}`).join(', ')}${empty ? ` (${empty} empty tables)` : ''}`;
}

program
  .command('restore')
  .description(
    'restore a backup: into an empty data folder (embedded) or into VIGIE_DATABASE_URL (PostgreSQL)',
  )
  .argument('<file>', 'a file written by vigie backup')
  .option('--force', 'embedded database: keep the current data folder aside and restore in its place')
  .action(async (file: string, options: { force?: boolean }) => {
    const { restore } = await import('../platform/ops/backup.ts');
    const { cliActor } = await import('../platform/auth/actor.ts');
    const { loadAuditKeyring, installAuditKeyring } = await import('../platform/audit/key.ts');
    const config = context.config();
    const keyring = loadAuditKeyring(config.auditKeyFile, { create: true });
    installAuditKeyring(keyring);
    const result = await restore(file, { dataDir: config.dataDir, url: config.databaseUrl }, cliActor(), {
      ...options,
      keyring,
      checkpointFile: config.auditCheckpointFile,
      migrations: registry.migrations,
    });
    if (result.keptAside) console.log(`  the previous database was kept in ${result.keptAside}`);
    if (result.checkpointsAside)
      console.log(`  the audit checkpoints of the previous trail were kept in ${result.checkpointsAside}`);
    console.log(`✔ restored ${file} into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
    console.log(`  ${describeTableCounts(result.counts)}`);
  });

registerServeCommands(program, context);
// The first argument that is not an option names the command being run.
const commandName = firstCommand(process.argv.slice(2));
for (const module of modules) {
  module.cli?.(program, context);
  if (module.lazyCli) {
    const { command, description, load } = module.lazyCli;
    if (commandName === command) (await load())(program, context);
    else program.command(command).description(description);
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (
    error instanceof ConfigError ||
    error instanceof FileProblem ||
    error instanceof ProfileError ||
    error instanceof Error
  ) {
    const known =
      error instanceof ConfigError || error instanceof FileProblem || error instanceof ProfileError;
    console.error(`✖ ${error.message}`);
    if (!known && process.env.VIGIE_DEBUG) console.error(error.stack);
    process.exitCode = 1;
  } else {
    console.error('✖', error);
    process.exitCode = 1;
  }
}
