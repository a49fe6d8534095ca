/**
 * Scale: the declaration list and scoring by reference at 1,000,000 declarations, through the API at a steady 100
 * requests/s (autocannon in another process, API token), each against a bare query of the same rows served by a
 * route of the same app with the same authentication (`/bench/…`, registered here only), so that the ratio shows
 * what the list itself adds: the first page, pages deep in the list by cursor, a filtered first page; scoring one
 * declaration by reference against reading its row and items. On PGlite also: the read p99 while a large import
 * runs, against the same reads idle. Targets (issue 11): list p99 < 100 ms on PostgreSQL and < 300 ms on PGlite at
 * 100 requests/s; reads p99 < 500 ms during an import on PGlite.
 *
 * Rows: VIGIE_BENCH_SCALE_ROWS (default 1,000,000; --quick 50,000), for PGlite VIGIE_BENCH_SCALE_PGLITE_ROWS
 * (default the same); the import file: VIGIE_BENCH_SCALE_IMPORT_ROWS KCS lines (default 200,000, about 20 MB).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { createApiToken, createUser } from '../../src/modules/auth/service.ts';
import { declarationsTarget } from '../../src/modules/declarations/import-target.ts';
import { activateProfile, createProfileVersion } from '../../src/modules/risk/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { encodeCursor } from '../../src/platform/db/keyset.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { resolveProfile } from '../../src/platform/ingest/profile.ts';
import { runImport } from '../../src/platform/ingest/run.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { kcsCsv } from '../../test/factories.ts';
import { type BenchContext, type BenchSuite, repoRoot, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const SYSTEM = { id: null, name: 'bench', ip: null };
const PAGE = 50;
const run = promisify(execFile);

function rowsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/**
 * N declarations of one item each (10 % with an outcome; 3,000 HS6 codes × 12 origins, 20,000 importers, 2,000
 * declarants, 50,000 sellers, 40 offices over four years), made by the database itself in batches.
 */
export async function generate(ctx: BenchContext, database: Database, rows: number): Promise<void> {
  await migrateToLatest(database, registry.migrations);
  const made = await timed(async () => {
    const db = database.db;
    await sql`insert into offices (code) select 'OF' || g from generate_series(0, 39) g`.execute(db);
    await sql`insert into importers (code, name) select 'IMP' || g, 'Importer ' || g
      from generate_series(1, 20000) g`.execute(db);
    await sql`insert into declarants (code, name) select 'DEC' || g, 'Declarant ' || g
      from generate_series(1, 2000) g`.execute(db);
    await sql`insert into sellers (code, name, country) select 'SEL' || g, 'Seller ' || g, 'CN'
      from generate_series(1, 50000) g`.execute(db);
    const step = 100_000;
    for (let from = 1; from <= rows; from += step) {
      const to = Math.min(rows, from + step - 1);
      await sql`insert into declarations (reference, office_code, lodged_on, importer_code, declarant_code,
                  seller_code, currency, item_count, total_value, content_hash)
        select 'S' || lpad(g::text, 8, '0'), 'OF' || (g % 40), date '2019-01-01' + (g % 1460),
               'IMP' || (g % 20000 + 1), 'DEC' || (g % 2000 + 1), 'SEL' || (g % 50000 + 1), 'USD', 1,
               ((g::bigint * 7919) % 100000) / 10.0 + 1, md5(g::text)
        from generate_series(${from}::int, ${to}::int) g`.execute(db);
      await sql`insert into declaration_items (declaration_id, line_no, hs_code, origin_country, quantity,
                  quantity_unit, net_mass_kg, customs_value)
        select d.id, 1, (610000 + (d.id * 7) % 3000 * 13)::text,
               (array['CN', 'TR', 'VN', 'IN', 'BD', 'PK', 'IT', 'ES', 'DE', 'US', 'KR', 'MA'])[d.id % 12 + 1],
               10, 'PCE', 12.5, d.total_value
        from declarations d where d.reference between ${`S${String(from).padStart(8, '0')}`}
                                                 and ${`S${String(to).padStart(8, '0')}`}`.execute(db);
    }
    await sql`insert into inspection_outcomes (item_id, inspected_on, result, source)
      select i.id, date '2021-01-15', case when i.id % 3 = 0 then 'fraud' else 'compliant' end, 'import'
      from declaration_items i where i.id % 10 = 0`.execute(db);
    await sql`analyze`.execute(db);
  });
  ctx.log(
    `${database.kind}: ${rows.toLocaleString('en-US')} declarations, items and outcomes made in ${Math.round(made.ms / 1000)} s`,
  );
}

interface Load {
  rps: number;
  p99: number;
  p50: number;
  errors: number;
  total: number;
}

/** 100 requests/s for `seconds` from another process (bench/load-child.ts), GET `paths` in turn or POST `bodies`. */
async function load(
  base: string,
  seconds: number,
  headers: Record<string, string>,
  what: { paths: string[] } | { path: string; bodies: string[] },
): Promise<Load> {
  const spec =
    'paths' in what
      ? { url: `${base}${what.paths[0]}`, seconds, headers, paths: what.paths }
      : { url: `${base}${what.path}`, seconds, headers, bodies: what.bodies };
  const { stdout } = await run(
    process.execPath,
    [join(repoRoot, 'bin', 'run-ts.js'), join(repoRoot, 'bench', 'load-child.ts'), JSON.stringify(spec)],
    { maxBuffer: 1 << 24, timeout: (seconds + 120) * 1000 },
  );
  return JSON.parse(stdout) as Load;
}

/** The bare reads the figures are compared with: the same rows, no counts, no total, same authentication. */
function registerBareRoutes(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const columns = [
    'id',
    'reference',
    'office_code',
    'lodged_on',
    'procedure',
    'importer_code',
    'declarant_code',
    'seller_code',
    'currency',
    'item_count',
    'total_value',
  ] as const;
  app.get('/bench/bare', { config: { permission: 'declarations:read' } }, async (request) => {
    const q = request.query as { office?: string; lodged_on?: string; id?: string };
    return db
      .selectFrom('declarations')
      .select(columns)
      .$if(Boolean(q.office), (s) => s.where('office_code', '=', q.office!))
      .$if(Boolean(q.lodged_on), (s) =>
        s.where(sql<boolean>`(lodged_on, id) < (${q.lodged_on}::date, ${Number(q.id)}::bigint)`),
      )
      .orderBy('lodged_on', 'desc')
      .orderBy('id', 'desc')
      .limit(PAGE)
      .execute();
  });
  app.get('/bench/bare/:reference', { config: { permission: 'declarations:read' } }, async (request) => {
    const { reference } = request.params as { reference: string };
    return db
      .selectFrom('declarations as d')
      .innerJoin('declaration_items as i', 'i.declaration_id', 'd.id')
      .selectAll('i')
      .select(['d.reference', 'd.office_code', 'd.lodged_on', 'd.importer_code', 'd.declarant_code'])
      .where('d.reference', '=', reference)
      .execute();
  });
}

async function serve(database: Database, dataDir: string) {
  const config = loadConfig({ dataDir, logLevel: 'silent', loginIpLimit: 10_000 });
  const logger = createLogger('silent');
  const jobs = new JobQueue(database, config, logger, []);
  const suffix = Math.random().toString(36).slice(2, 8);
  const user = await createUser(database, SYSTEM, {
    username: `bench-${suffix}`,
    password: 'benchmark password',
    roles: ['analyst'],
  });
  const { token } = await createApiToken(database, SYSTEM, Number(user.id), 'bench', 1);
  const app = await buildApp({ registry, database, config, logger, jobs });
  registerBareRoutes(app, database);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    address,
    headers: { authorization: `Bearer ${token}` },
    async close() {
      await app.close();
      await jobs.stop();
    },
  };
}

/** Cursors (and the bare route's equivalent) at `n` depths spread through the default order. */
async function deepPages(database: Database, rows: number, n: number) {
  const list: string[] = [];
  const bare: string[] = [];
  for (let k = 1; k <= n; k++) {
    const offset = Math.floor((rows * k) / (n + 1));
    const row = await database.db
      .selectFrom('declarations')
      .select(['id', sql<string>`lodged_on::text`.as('key')])
      .orderBy('lodged_on', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(1)
      .executeTakeFirstOrThrow();
    list.push(
      `/api/declarations?limit=${PAGE}&cursor=${encodeCursor({ sort: '-lodged_on', value: row.key, id: row.id })}`,
    );
    bare.push(`/bench/bare?lodged_on=${row.key}&id=${row.id}`);
  }
  return { list, bare };
}

async function apiFigures(ctx: BenchContext, database: Database, rows: number, dataDir: string) {
  const label = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const target = database.kind === 'pglite' ? 'p99 < 300 ms at 100 req/s' : 'p99 < 100 ms at 100 req/s';
  const seconds = ctx.quick ? 8 : 30;
  const server = await serve(database, dataDir);
  const { address, headers } = server;
  const at = `${rows.toLocaleString('en-US')} declarations`;
  try {
    const deep = await deepPages(database, rows, 20);
    const cases = [
      {
        name: 'first page',
        list: [`/api/declarations?limit=${PAGE}`],
        bare: ['/bench/bare'],
      },
      { name: 'pages deep in the list by cursor (20 depths)', ...deep },
      {
        name: 'filtered first page (one office of 40)',
        list: [`/api/declarations?limit=${PAGE}&office=OF7`],
        bare: ['/bench/bare?office=OF7'],
      },
    ];
    await load(address, 3, headers, { paths: [...cases[0]!.list, ...cases[0]!.bare] }); // warm-up
    for (const c of cases) {
      await drain(server);
      const bare = await load(address, seconds, headers, { paths: c.bare });
      await drain(server);
      const list = await load(address, seconds, headers, { paths: c.list });
      ctx.report({
        name: `declaration list at ${at}, ${c.name}, p99 (${label})`,
        value: list.p99,
        unit: 'ms',
        baseline: {
          name: `bare select of the same ${PAGE} rows through the API, p99`,
          value: bare.p99,
          unit: 'ms',
        },
        ratio: list.p99 / Math.max(bare.p99, 1),
        target: `${target} (lower is better)`,
        note: `p50 ${list.p50} vs ${bare.p50} ms; ${Math.round(list.rps)} vs ${Math.round(bare.rps)} req/s; errors ${list.errors} / ${bare.errors} of ${list.total} / ${bare.total}`,
      });
    }

    const refs = (
      await sql<{ reference: string }>`select reference from declarations
        where id % ${Math.max(1, Math.floor(rows / 2000))} = 0 limit 2000`.execute(database.db)
    ).rows.map((r) => r.reference);
    const bodies = refs.map((reference) => JSON.stringify({ reference }));
    await load(address, 3, headers, { path: '/api/risk/score', bodies }); // warm-up
    await drain(server);
    const bare = await load(address, seconds, headers, { paths: refs.map((r) => `/bench/bare/${r}`) });
    await drain(server);
    const score = await load(address, seconds, headers, { path: '/api/risk/score', bodies });
    ctx.report({
      name: `scoring one declaration by reference at ${at}, 100 req/s, p99 (${label})`,
      value: score.p99,
      unit: 'ms',
      baseline: {
        name: 'bare select of its row and items through the API, p99',
        value: bare.p99,
        unit: 'ms',
      },
      ratio: score.p99 / Math.max(bare.p99, 1),
      target: 'lower is better',
      note: `p50 ${score.p50} vs ${bare.p50} ms; ${Math.round(score.rps)} vs ${Math.round(bare.rps)} req/s; errors ${score.errors} / ${bare.errors} of ${score.total} / ${bare.total}`,
    });

    if (database.kind === 'pglite') await duringImport(ctx, database, server, seconds);
  } finally {
    await server.close();
  }
}

/**
 * Waits until the server answers a bare read within 200 ms: requests of a load that outran the server are still
 * queued after the load generator has gone, and would weigh on the next figure.
 */
async function drain(server: { address: string; headers: Record<string, string> }) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${server.address}/bench/bare`, { headers: server.headers }).then((r) => r.arrayBuffer());
    if (performance.now() - started < 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** PGlite: reads at 100 requests/s while a large KCS file is imported in the same process, against the same idle. */
async function duringImport(
  ctx: BenchContext,
  database: Database,
  server: { address: string; headers: Record<string, string> },
  seconds: number,
) {
  const lines = ctx.quick ? 40_000 : rowsFromEnv('VIGIE_BENCH_SCALE_IMPORT_ROWS', 200_000);
  const file = join(ctx.tmpDir, 'import.csv');
  writeFileSync(
    file,
    kcsCsv(lines, (i) => ({ id: String(90_000_000 + i) })),
  );
  const megabytes = statSync(file).size / 1e6;
  // What the workbench asks while an import runs: the list, one declaration, the jobs (the status probe).
  const reference = (
    await database.db.selectFrom('declarations').select('reference').limit(1).executeTakeFirstOrThrow()
  ).reference;
  const paths = [`/api/declarations?limit=${PAGE}`, `/api/declarations/${reference}`, '/api/jobs?limit=20'];
  await drain(server);
  const idle = await load(server.address, seconds, server.headers, { paths });
  let importMs = 0;
  const importing = (async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const done = await timed(() =>
      runImport(database, declarationsTarget, { file, profile: resolveProfile('declarations', 'kcs') }),
    );
    if (!done.result.ok)
      throw new Error(`the import failed: ${done.result.fileError?.message ?? 'rows refused'}`);
    importMs = done.ms;
  })();
  const busy = await load(server.address, seconds, server.headers, { paths });
  await importing;
  rmSync(file, { force: true });
  // Requests still waiting when the load ends are not in autocannon's figures: none answered means p99 ≥ the window.
  const blocked = busy.total === 0;
  ctx.report({
    name: `reads during an import of ${megabytes.toFixed(0)} MB (${lines.toLocaleString('en-US')} lines), p99 (PGlite)`,
    value: blocked ? seconds * 1000 : busy.p99,
    unit: 'ms',
    baseline: { name: 'the same reads idle, p99', value: idle.p99, unit: 'ms' },
    ratio: (blocked ? seconds * 1000 : busy.p99) / Math.max(idle.p99, 1),
    target: 'p99 < 500 ms (lower is better)',
    note: `${blocked ? `no read answered within the ${seconds} s window (p99 ≥ ${seconds} s); ` : ''}import ${Math.round(importMs / 1000)} s, load ${seconds} s from its start; p50 ${busy.p50} vs ${idle.p50} ms; errors (incl. timeouts) ${busy.errors} / ${idle.errors} of ${busy.total} / ${idle.total}`,
  });
}

async function activateStarter(database: Database) {
  const profile = await createProfileVersion(database, SYSTEM, {
    name: 'kcs-starter',
    text: readFileSync(join(repoRoot, 'profiles', 'risk', 'kcs-starter.yaml'), 'utf8'),
    reason: 'benchmark',
  });
  await activateProfile(database, SYSTEM, profile.id, 'benchmark');
}

const suite: BenchSuite = {
  name: 'scale',
  description:
    'the declaration list (first, deep and filtered pages) and scoring by reference at 1,000,000 declarations, ' +
    'vs a bare query of the same rows; reads during a large import on PGlite',
  async run(ctx) {
    const rows = ctx.quick ? 50_000 : rowsFromEnv('VIGIE_BENCH_SCALE_ROWS', 1_000_000);
    const pgliteRows = ctx.quick ? rows : rowsFromEnv('VIGIE_BENCH_SCALE_PGLITE_ROWS', rows);
    const dataDir = join(ctx.tmpDir, 'data');

    if (ctx.postgresUrl) {
      await withSchema(ctx.postgresUrl, async (schema) => {
        const postgres = await openDatabase({ url: ctx.postgresUrl!, schema, poolSize: 10 });
        try {
          await generate(ctx, postgres, rows);
          await activateStarter(postgres);
          await apiFigures(ctx, postgres, rows, dataDir);
        } finally {
          await postgres.close();
        }
      });
    } else ctx.skip('PostgreSQL figures: no server answers');

    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      await generate(ctx, pglite, pgliteRows);
      await activateStarter(pglite);
      await apiFigures(ctx, pglite, pgliteRows, dataDir);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
