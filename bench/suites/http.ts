/**
 * What authentication costs: 60 s of load (autocannon, loopback, 10 connections) on the declaration list with an
 * API token, against the same route registered without authentication, on the demo data. Requests/s, p99 latency,
 * errors; target: authentication costs less than 10 % of throughput, zero errors.
 */

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadDemo } from '../../src/app/demo/demo.ts';
import { registry } from '../../src/app/modules.ts';
import { createApiToken, createUser } from '../../src/modules/auth/service.ts';
import { registerDeclarationList } from '../../src/modules/declarations/routes.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import type { BenchSuite } from '../harness.ts';

async function load(url: string, seconds: number, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

const suite: BenchSuite = {
  name: 'http',
  description: 'authenticated declaration list under load vs the same route without authentication',
  async run(ctx) {
    const seconds = ctx.quick ? 5 : 60;
    let schema: string | undefined;
    let database: Database;
    const dataDir = join(ctx.tmpDir, 'data');
    if (ctx.postgresUrl) {
      schema = `vigie_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: ctx.postgresUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      database = await openDatabase({ url: ctx.postgresUrl, schema });
    } else {
      rmSync(dataDir, { recursive: true, force: true });
      database = await openDatabase({ dataDir });
    }
    const config = loadConfig({ dataDir, logLevel: 'silent', loginIpLimit: 10_000 });
    const logger = createLogger('silent');
    const jobs = new JobQueue(database, config, logger, []);
    try {
      await migrateToLatest(database, registry.migrations);
      await loadDemo(database);
      const system = { id: null, name: 'bench', ip: null };
      const user = await createUser(database, system, {
        username: 'bench',
        password: 'benchmark password',
        roles: ['analyst'],
      });
      const { token } = await createApiToken(database, system, Number(user.id), 'bench', 1);
      const app = await buildApp({ registry, database, config, logger, jobs });
      registerDeclarationList(app, database, { url: '/bench/declarations', permission: 'public' });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      ctx.log(`${database.kind}, demo data, ${seconds} s each, 10 connections`);
      const query = '?limit=50&sort=-lodged_on';
      // A short warm-up of both paths, then the measured runs.
      await load(`${address}/api/declarations${query}`, 2, { authorization: `Bearer ${token}` });
      await load(`${address}/bench/declarations${query}`, 2, {});
      const open = await load(`${address}/bench/declarations${query}`, seconds, {});
      const authed = await load(`${address}/api/declarations${query}`, seconds, {
        authorization: `Bearer ${token}`,
      });
      await app.close();
      ctx.report({
        name: 'declaration list with an API token',
        value: authed.rps,
        unit: 'requests/s',
        baseline: { name: 'same route without authentication', value: open.rps, unit: 'requests/s' },
        ratio: authed.rps / open.rps,
        target: '≥ 0.90 (auth < 10 %)',
        note: `p99 ${authed.p99} ms vs ${open.p99} ms; errors ${authed.errors} / ${open.errors} of ${authed.total} / ${open.total}`,
      });
    } finally {
      await jobs.stop();
      await database.close();
      if (schema && ctx.postgresUrl) {
        const admin = new pg.Client({ connectionString: ctx.postgresUrl });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
