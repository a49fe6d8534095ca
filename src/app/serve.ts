/**
 * `vigie serve --role all|api|worker` and `vigie start`. `all` (the default) runs the HTTP API and the job workers in
 * one process; several `api` and `worker` processes can share one PostgreSQL (PGlite serves one process only).
 * `start` is the quick start: demo data and demo accounts on an empty database, then `serve --role all`.
 * All migrate first and stop cleanly on SIGINT/SIGTERM: in-flight requests finish, running jobs go back to the queue
 * for another worker, then the database closes.
 */
import { type Command, Option } from 'commander';
import { countUsers, createDemoUsers } from '../modules/auth/index.ts';
import { describeCounts } from '../modules/imports/index.ts';
import { checkpointAudit } from '../platform/audit/sealing.ts';
import type { CliContext } from '../platform/cli/context.ts';
import { formatDuration } from '../platform/cli/output.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import { JobQueue } from '../platform/jobs/queue.ts';
import { createLogger, type Logger } from '../platform/lib/logger.ts';
import { loadDemo } from './demo/demo.ts';
import { GRAPH_DEMO_KEYS, loadDemoGraph } from './demo/graph.ts';
import { trainDemoModel } from './demo/model.ts';
import { loadOsintDemo } from './demo/osint.ts';
import { loadDemoParcels } from './demo/parcels.ts';
import { loadDemoTargeting } from './demo/targeting.ts';
import { registry } from './modules.ts';

export type ServeRole = 'all' | 'api' | 'worker';

/**
 * Before the workbench is rebuilt at start: do web/src/api/schema.gen.ts's types still describe this server's API?
 * An app of its own, never listening, gives the OpenAPI document; its hash is compared with the file's.
 */
async function apiTypesCheck(
  database: Database,
  config: Config,
  logger: Logger,
  jobs: JobQueue,
): Promise<string | null> {
  const { buildApp } = await import('../platform/server/app.ts');
  const { apiTypesStaleness } = await import('../platform/server/api-document.ts');
  const app = await buildApp({
    registry,
    database,
    config,
    logger: logger.child({}, { level: 'silent' }),
    jobs,
  });
  try {
    await app.ready();
    return apiTypesStaleness(app);
  } finally {
    await app.close();
  }
}

async function run(
  database: Database,
  config: Config,
  role: ServeRole,
  logger: Logger,
): Promise<{ url?: string }> {
  if (role !== 'all' && database.kind === 'pglite') {
    throw new Error(
      `--role ${role} needs PostgreSQL (VIGIE_DATABASE_URL): the embedded database serves one process`,
    );
  }
  const jobs = new JobQueue(database, config, logger, registry);
  await jobs.start({ work: role !== 'api' });
  // The active model of the registry scores in the risk engine of every process (API and workers alike).
  const { followActiveModel, syncModelScorer } = await import('../modules/ml/index.ts');
  const model = await syncModelScorer(database);
  if (model) logger.info({ model: model.name, id: model.id }, 'active model loaded');
  const stopFollowing = followActiveModel(database);
  // Checkpoints of the audit trail, outside the database, once a minute when it has grown.
  const checkpoints = setInterval(
    () =>
      void checkpointAudit(database, config, (err) => logger.warn({ err }, 'audit checkpoint not written')),
    60_000,
  );
  checkpoints.unref();
  let app: import('fastify').FastifyInstance | undefined;
  let url: string | undefined;
  if (role !== 'worker') {
    // The HTTP stack loads only for the roles that serve.
    const { buildApp } = await import('../platform/server/app.ts');
    const { ensureWebBuilt } = await import('../platform/server/web.ts');
    const web = await ensureWebBuilt(logger, { check: () => apiTypesCheck(database, config, logger, jobs) });
    app = await buildApp({ registry, database, config, logger, jobs, web });
    const address = await app.listen({ port: config.port, host: config.host });
    url = `http://localhost:${new URL(address).port}`;
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, role }, 'shutting down');
    stopFollowing();
    clearInterval(checkpoints);
    await app?.close();
    await jobs.stop();
    await checkpointAudit(database, config);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { ...(url ? { url } : {}) };
}

const roleOption = () =>
  new Option('--role <role>', 'all: API and workers; api: HTTP only; worker: jobs only')
    .choices(['all', 'api', 'worker'])
    .default('all');

export function registerServeCommands(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP API and/or the job workers (migrates the database first)')
    .addOption(roleOption())
    .option('--port <port>', 'port (default: PORT or 8080)')
    .option('--host <host>', 'interface to listen on (default: HOST or 0.0.0.0)')
    .action(async (options: { role: ServeRole; port?: string; host?: string }) => {
      const config = context.config({ port: options.port, host: options.host });
      const database = await context.open(config);
      const { url } = await run(database, config, options.role, createLogger(config.logLevel));
      if (url) process.stderr.write(`Vigie API on ${url} (${database.description}); docs at ${url}/docs\n`);
      if (options.role === 'worker')
        process.stderr.write(`Vigie worker running jobs from ${database.description}\n`);
      if (options.role !== 'worker' && (await countUsers(database.db)) === 0) {
        process.stderr.write(
          'No user yet: create the first administrator with `vigie users create NAME --role admin`.\n',
        );
      }
    });

  program
    .command('start')
    .description('the quick start: demo data and demo accounts on a new database, then the API and workers')
    .option('--port <port>', 'port (default: PORT or 8080)')
    .option('--host <host>', 'interface to listen on (default: HOST or 0.0.0.0)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = context.config(options);
      const say = (line = '') => process.stderr.write(`${line}\n`);
      say(
        `Vigie — opening ${config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`}…`,
      );
      const database = await context.open(config);
      const empty = !(await database.db.selectFrom('declarations').select('id').limit(1).executeTakeFirst());
      if (empty) {
        say(
          'Empty database: loading the demo data (demo/, a sample of the KCS declarations and partner files)…',
        );
        const started = performance.now();
        const summaries = await loadDemo(database);
        for (const s of summaries) say(`  ${s.file.split('/').pop()}: ${describeCounts(s.counts)}`);
        say(`  done in ${formatDuration(performance.now() - started)}`);
        say('Training a demo fraud-scoring model on the demo declarations…');
        const trainedAt = performance.now();
        const model = await trainDemoModel(database);
        if (model)
          say(
            `  model #${model.id} "${model.name}" (${model.trees} trees) active, in ${formatDuration(performance.now() - trainedAt)}`,
          );
        say('Targeting the arrivals of the first week of 2021 (rule profile, reference values, selections)…');
        const targetedAt = performance.now();
        const targeting = await loadDemoTargeting(database, say);
        say(
          `  ${targeting.arrivals.map((s) => `${s.file.split('/').pop()}: ${describeCounts(s.counts)}`).join('; ')}`,
        );
        say(`  done in ${formatDuration(performance.now() - targetedAt)}`);
        say('Online monitoring: collecting the demo platform exports (demo/osint/)…');
        const watchedAt = performance.now();
        const osint = await loadOsintDemo(database);
        say(
          `  ${osint.sources} sources, ${osint.items} posts analysed, ${osint.alerts} alerts, in ${formatDuration(performance.now() - watchedAt)}`,
        );
        say(
          'Link analysis: the planted network, persons, vehicles and properties (demo/graph/), the graph built…',
        );
        const linkedAt = performance.now();
        const graph = await loadDemoGraph(database);
        say(
          `  ${graph.imports.map((s) => `${s.file.split('/').pop()}: ${describeCounts(s.counts)}`).join('; ')}`,
        );
        say(
          `  graph: ${graph.build.entities} entities, ${graph.build.links} links from ${graph.build.read} records, in ${formatDuration(performance.now() - linkedAt)}`,
        );
        say('E-commerce parcels: a week of advance data (postal and express), targeted before arrival…');
        const parcelsAt = performance.now();
        const parcels = await loadDemoParcels(database);
        say(
          `  ${parcels.imports.map((s) => `${s.file.split('/').pop()}: ${describeCounts(s.counts)}`).join('; ')}; ${parcels.scoring?.referred ?? 0} parcels referred, in ${formatDuration(performance.now() - parcelsAt)}`,
        );
      }
      const demo = await createDemoUsers(database, config.dataDir);
      const { url } = await run(database, config, 'all', createLogger(config.logLevel));
      say('');
      say(`Vigie is running on ${url}  (${database.description})`);
      say(`  workbench          ${url}/`);
      say(`  API documentation  ${url}/docs`);
      say(`  health             ${url}/health`);
      say(`  declarations       ${url}/api/declarations?limit=5   (after signing in)`);
      say(`  link analysis      ${url}/graph   (the planted network: start at ${GRAPH_DEMO_KEYS.phone})`);
      if (demo) {
        say('');
        say('  ┌─ DEMO ACCOUNTS (new database; for trying Vigie only, never in production) ──────────');
        say('  │ users:    admin, analyst, officer, investigator, liaison, auditor');
        say(`  │ password: ${demo.password}`);
        say(`  │ also saved in ${demo.file}`);
        say('  └─────────────────────────────────────────────────────────────────────────────────────');
        say(`  sign in:  curl -c cookies.txt -H 'content-type: application/json' \\`);
        say(`              -d '{"username":"analyst","password":"${demo.password}"}' ${url}/api/auth/login`);
        say(`  then:     curl -b cookies.txt ${url}/api/declarations/stats`);
      }
      say('Stop with Ctrl+C.');
    });
}
