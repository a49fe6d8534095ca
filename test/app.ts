/**
 * A Vigie HTTP application over a test database, with its job queue (started on demand). Four-eyes activation is
 * off unless a test turns it on (`{ fourEyes: true }`): most suites activate profiles and models directly.
 */
import type { FastifyInstance } from 'fastify';
import { registry } from '../src/app/modules.ts';
import { type Config, type ConfigOverrides, loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/database.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import { createLogger } from '../src/platform/lib/logger.ts';
import { buildApp } from '../src/platform/server/app.ts';

export interface TestApp {
  app: FastifyInstance;
  jobs: JobQueue;
  config: Config;
  close(): Promise<void>;
}

export async function testApp(
  database: Database,
  overrides: ConfigOverrides = {},
  options: { jobs?: 'off' | 'queue' | 'work' } = {},
): Promise<TestApp> {
  const config = loadConfig({ dataDir: '/tmp/vigie-test-data', fourEyes: false, ...overrides });
  const logger = createLogger('silent');
  const jobs = new JobQueue(database, config, logger, registry);
  if (options.jobs && options.jobs !== 'off') await jobs.start({ work: options.jobs === 'work' });
  const app = await buildApp({ registry, database, config, logger, jobs });
  await app.ready();
  return {
    app,
    jobs,
    config,
    async close() {
      await app.close();
      await jobs.stop();
    },
  };
}
