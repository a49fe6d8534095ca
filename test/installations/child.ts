/**
 * One Vigie installation as a process of its own, for the tests and the bench that start several on loopback and
 * kill them: what `vigie serve` runs (the database migrated, the audit trail sealed with the installation's key,
 * the job queue started, the HTTP API listening) without the web workbench's build, and with the job queue in a
 * schema of its own on PostgreSQL (installations sharing one test database must not share their queues).
 * Prints `listening <port>` once it serves.
 *
 * Run as `node bin/run-ts.js test/installations/child.ts '<json>'` with {backend, dataDir, url?, schema?, port}.
 */
import { registry } from '../../src/app/modules.ts';
import { startAuditSealing } from '../../src/platform/audit/sealing.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';

export interface InstallationOptions {
  backend: 'pglite' | 'postgres';
  dataDir: string;
  url?: string;
  schema?: string;
  port: number;
}

const options = JSON.parse(process.argv[2]!) as InstallationOptions;
const config = loadConfig({
  dataDir: options.dataDir,
  port: options.port,
  host: '127.0.0.1',
  logLevel: 'warn',
});
const logger = createLogger('warn');
const database = await openDatabase(
  options.backend === 'pglite'
    ? { dataDir: options.dataDir }
    : { url: options.url!, schema: options.schema!, poolSize: 4 },
);
await migrateToLatest(database, registry.migrations);
await startAuditSealing(database, config);
const jobs = new JobQueue(database, config, logger, registry);
await jobs.start({ work: false });
const app = await buildApp({ registry, database, config, logger, jobs });
await app.listen({ port: options.port, host: '127.0.0.1' });
process.stdout.write(`listening ${options.port}\n`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
