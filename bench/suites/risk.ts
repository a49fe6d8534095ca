/**
 * Risk targeting: batch scoring of the KCS train split (37,385 items; the demo sample when ../shared is missing)
 * with the starter profile's rules and the valuation check, against reading the same lines from the database (the
 * baseline, measured in the same run) — target ≥ 20,000 items/s, lines read and scored; then the scoring of one
 * declaration through the API at a steady 100 requests/s on loopback (autocannon, API token), against reading one
 * declaration through the API at the same rate — target p99 < 20 ms on PostgreSQL, < 40 ms on PGlite — sent evenly
 * (one request every 10 ms, open loop) and in bursts (ten at once every 100 ms). The load comes from another process
 * (bench/load-child.ts: in the server's process it adds its own work to the latency). On PGlite, and on
 * PostgreSQL too when a server answers.
 */

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { registry } from '../../src/app/modules.ts';
import { createApiToken, createUser } from '../../src/modules/auth/service.ts';
import { declarationsTarget } from '../../src/modules/declarations/import-target.ts';
import { loadLines } from '../../src/modules/risk/lines.ts';
import { activateProfile, activeProfiles, createProfileVersion } from '../../src/modules/risk/profiles.ts';
import { scoreLines } from '../../src/modules/risk/score.ts';
import { cachedIndicatorOptions } from '../../src/modules/risk/service.ts';
import { rebuildReferences } from '../../src/modules/valuation/references.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { resolveProfile } from '../../src/platform/ingest/profile.ts';
import { runImport } from '../../src/platform/ingest/run.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { type BenchContext, type BenchSuite, repoRoot, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const SYSTEM = { id: null, name: 'bench', ip: null };
const run = promisify(execFile);

async function prepare(ctx: BenchContext, database: Database, file: string): Promise<number> {
  await migrateToLatest(database, registry.migrations);
  const imported = await timed(() =>
    runImport(database, declarationsTarget, { file, profile: resolveProfile('declarations', 'kcs') }),
  );
  if (!imported.result.ok)
    throw new Error(`import failed: ${imported.result.fileError?.message ?? 'rows refused'}`);
  const built = await rebuildReferences(database, { scope: 'full' });
  ctx.log(
    `${database.kind}: ${imported.result.rowsRead.toLocaleString('en-US')} rows imported in ${Math.round(imported.ms)} ms; ` +
      `${built.groups} references built in ${built.duration_ms} ms`,
  );
  const profile = await createProfileVersion(database, SYSTEM, {
    name: 'kcs-starter',
    text: readFileSync(join(repoRoot, 'profiles', 'risk', 'kcs-starter.yaml'), 'utf8'),
    reason: 'benchmark',
  });
  await activateProfile(database, SYSTEM, profile.id, 'benchmark');
  return imported.result.rowsRead;
}

/** Best of `runs` after a warm-up: reading alone, and reading + scoring. */
async function batchFigures(ctx: BenchContext, database: Database, label: string, runs: number) {
  const profiles = await activeProfiles(database.db, '2020-06-30');
  const options = await cachedIndicatorOptions(database);
  let read = Number.POSITIVE_INFINITY;
  let scored = Number.POSITIVE_INFINITY;
  let items = 0;
  for (let i = 0; i <= runs; i++) {
    const a = await timed(() => loadLines(database.db, {}));
    const b = await timed(async () => {
      const lines = await loadLines(database.db, {});
      return scoreLines(database.db, lines, { profiles, indicatorOptions: options });
    });
    items = b.result.items.length;
    if (i === 0) continue; // warm-up
    read = Math.min(read, a.ms);
    scored = Math.min(scored, b.ms);
  }
  const rate = items / (scored / 1000);
  const baseline = items / (read / 1000);
  ctx.report({
    name: `batch scoring, rules + valuation, ${items.toLocaleString('en-US')} items (${label})`,
    value: rate,
    unit: 'items/s',
    baseline: { name: 'reading the same lines', value: baseline, unit: 'items/s' },
    ratio: rate / baseline,
    target: '≥ 20,000 items/s',
    note: `${Math.round(scored)} ms read + scored, ${Math.round(read)} ms read alone; best of ${runs}`,
  });
}

/** How the 100 requests of a second are sent (bench/load-child.ts): ten at once every 100 ms, or one every 10 ms. */
type Pace = 'bursts' | 'even';

/** 100 requests/s for `seconds`, from a load generator in another process (bench/load-child.ts). */
async function load(
  url: string,
  seconds: number,
  headers: Record<string, string>,
  bodies?: string[],
  pace: Pace = 'bursts',
) {
  const { stdout } = await run(
    process.execPath,
    [
      join(repoRoot, 'bin', 'run-ts.js'),
      join(repoRoot, 'bench', 'load-child.ts'),
      JSON.stringify({ url, seconds, headers, bodies, pace }),
    ],
    { maxBuffer: 1 << 24, timeout: (seconds + 60) * 1000 },
  );
  return JSON.parse(stdout) as { rps: number; p99: number; p50: number; errors: number; total: number };
}

async function apiFigures(ctx: BenchContext, database: Database, dataDir: string) {
  const config = loadConfig({ dataDir, logLevel: 'silent', loginIpLimit: 10_000 });
  const logger = createLogger('silent');
  const jobs = new JobQueue(database, config, logger, []);
  const user = await createUser(database, SYSTEM, {
    username: 'bench-analyst',
    password: 'benchmark password',
    roles: ['analyst'],
  });
  const { token } = await createApiToken(database, SYSTEM, Number(user.id), 'bench', 1);
  const refs = (
    await database.db.selectFrom('declarations').select('reference').orderBy('id').limit(2000).execute()
  ).map((r) => r.reference);
  const app = await buildApp({ registry, database, config, logger, jobs });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { authorization: `Bearer ${token}` };
    const seconds = ctx.quick ? 10 : 60;
    const scoreBody = refs.map((reference) => JSON.stringify({ reference }));
    // Warm-up, then the baseline (one declaration read through the API) and the scoring, at 100 requests/s: sent
    // evenly (one every 10 ms, open loop) and in autocannon's bursts (ten at once every 100 ms).
    await load(`${address}/api/risk/score`, 3, headers, scoreBody);
    for (const pace of ['even', 'bursts'] as const) {
      const read = await load(`${address}/api/declarations/${refs[0]}`, seconds, headers, undefined, pace);
      const score = await load(`${address}/api/risk/score`, seconds, headers, scoreBody, pace);
      ctx.report({
        name: `single-declaration scoring through the API at 100 requests/s ${pace === 'even' ? 'sent evenly' : 'in bursts of ten'}, p99 (${database.kind})`,
        value: score.p99,
        unit: 'ms',
        baseline: { name: 'reading one declaration through the API, p99', value: read.p99, unit: 'ms' },
        ratio: score.p99 / Math.max(read.p99, 0.001),
        target: `p99 < ${database.kind === 'pglite' ? 40 : 20} ms (lower is better)`,
        note: `p50 ${score.p50} ms vs ${read.p50} ms; ${Math.round(score.rps)} vs ${Math.round(read.rps)} req/s; errors ${score.errors} / ${read.errors} of ${score.total} / ${read.total}`,
      });
    }
  } finally {
    await app.close();
    await jobs.stop();
  }
}

const suite: BenchSuite = {
  name: 'risk',
  description:
    'batch scoring (rules + valuation) of the KCS train split, and single-declaration scoring through the API',
  async run(ctx) {
    const file = ctx.sharedDataDir
      ? join(ctx.sharedDataDir, 'train.csv')
      : join(repoRoot, 'demo', 'kcs-sample.csv');
    if (!existsSync(file)) return ctx.skip(`no KCS file (${file})`);
    ctx.log(`data: ${file}${ctx.sharedDataDir ? '' : ' (the demo sample: ../shared is missing)'}`);
    const runs = ctx.quick ? 2 : 5;

    const dataDir = join(ctx.tmpDir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      await prepare(ctx, pglite, file);
      await batchFigures(ctx, pglite, 'PGlite', runs);
      await apiFigures(ctx, pglite, dataDir);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }

    if (!ctx.postgresUrl) return ctx.skip('PostgreSQL figures: no server answers');
    await withSchema(ctx.postgresUrl, async (schema) => {
      const postgres = await openDatabase({ url: ctx.postgresUrl!, schema });
      try {
        await prepare(ctx, postgres, file);
        await batchFigures(ctx, postgres, 'PostgreSQL', runs);
        await apiFigures(ctx, postgres, dataDir);
      } finally {
        await postgres.close();
      }
    });
  },
};

export default suite;
