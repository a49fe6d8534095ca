/**
 * Global search (GET /api/search) at 1,000,000 declarations on PostgreSQL and 100,000 on PGlite (`--quick`: 20,000
 * on both), against a bare indexed lookup (one declaration by its exact reference) through the same HTTP stack and
 * authentication, in the same run. The data: the scale suite's declarations (bench/suites/scale.ts), plus a company
 * register for every importer (with phones), manifests with containers, and online sellers with phones and e-mails.
 * The queries mix every family: reference prefixes, importer names and codes, words in any order, phones in other
 * formats, e-mails, containers, HS prefixes and text that matches nothing. Target: p99 < 100 ms on PostgreSQL.
 * Sizes: VIGIE_BENCH_SEARCH_ROWS, VIGIE_BENCH_SEARCH_PGLITE_ROWS.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { createApiToken, createUser } from '../../src/modules/auth/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';
import { generate } from './scale.ts';

const SYSTEM = { id: null, name: 'bench', ip: null };

function rowsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** What the search finds beside declarations: companies, manifests, online sellers and their identifiers. */
export async function generateOthers(database: Database, rows: number): Promise<void> {
  const db = database.db;
  await sql`insert into companies (company_id, name, city, phone)
    select 'IMP' || g, 'Importer ' || g || ' Trading SARL', 'Casablanca', '05' || lpad((22000000 + g)::text, 8, '0')
    from generate_series(1, 20000) g`.execute(db);
  await sql`insert into manifests (document_number, document_type, consignee_code, containers, declaration_reference)
    select 'BL' || lpad(g::text, 8, '0'), 'bill_of_lading', 'IMP' || (g % 20000 + 1),
           array['MSCU' || lpad(g::text, 7, '0')], 'S' || lpad(g::text, 8, '0')
    from generate_series(1, ${Math.max(1, Math.floor(rows / 10))}::int) g`.execute(db);
  await sql`insert into osint_sellers (display_name, platforms, score)
    select 'Shop ' || g || ' Casa', '{tiktok}', (g % 100) / 100.0 from generate_series(1, 10000) g`.execute(
    db,
  );
  await sql`insert into osint_identifiers (kind, value, seller_id)
    select 'phone', '+2126' || lpad(g::text, 8, '0'), g from generate_series(1, 10000) g
    union all
    select 'email', 'shop' || g || '@mail.ma', g from generate_series(1, 10000) g`.execute(db);
  await sql`analyze`.execute(db);
}

export function queries(rows: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < 25; k++) {
    const n = 1 + Math.floor(((k * 7919) % 1000) * (rows / 1000));
    const imp = 1 + ((k * 613) % 20000);
    const seller = 1 + ((k * 389) % 10000);
    out.push(
      `S${String(n).padStart(8, '0').slice(0, 6)}`, // reference prefix
      `Importer ${imp}`, // words of a name
      `trading ${imp}`, // words in another order
      `0${String(600000000 + seller)}`, // an online seller's phone, national format
      `shop${seller}@mail`, // an e-mail's beginning
      `MSCU${String(1 + (k % Math.max(1, Math.floor(rows / 10)))).padStart(7, '0')}`, // a container
      `61${String(k % 100).padStart(2, '0')}`, // an HS prefix
      k % 2 ? 'nothing matches this' : 'zzq',
    );
  }
  return out;
}

async function measure(ctx: BenchContext, database: Database, rows: number, dataDir: string): Promise<void> {
  const config = loadConfig({ dataDir, logLevel: 'silent' });
  const logger = createLogger('silent');
  const jobs = new JobQueue(database, config, logger, []);
  const user = await createUser(database, SYSTEM, {
    username: `bench-search-${Math.random().toString(36).slice(2, 8)}`,
    password: 'benchmark password',
    roles: ['admin'],
  });
  const { token } = await createApiToken(database, SYSTEM, Number(user.id), 'bench', 1);
  const headers = { authorization: `Bearer ${token}` };
  const app = await buildApp({ registry, database, config, logger, jobs });
  // The baseline: one declaration by its exact reference (the unique index), same stack and authentication.
  app.get('/bench/lookup', { config: { permission: 'declarations:read' } }, async (request) => {
    const { q } = request.query as { q: string };
    return database.db
      .selectFrom('declarations')
      .select(['id', 'reference'])
      .where('reference', '=', q)
      .execute();
  });
  await app.ready();
  const list = queries(rows);
  const time = async (url: string) => {
    const { ms, result } = await timed(() => app.inject({ method: 'GET', url, headers }));
    if (result.statusCode !== 200)
      throw new Error(`${url}: ${result.statusCode} ${result.body.slice(0, 200)}`);
    return ms;
  };
  const p = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  };
  try {
    for (const q of list.slice(0, 16)) await time(`/api/search?q=${encodeURIComponent(q)}`); // warm-up
    const search: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 2; round++)
      for (const [i, q] of list.entries()) {
        search.push(await time(`/api/search?q=${encodeURIComponent(q)}`));
        const reference = `S${String(1 + ((i * 7919) % rows)).padStart(8, '0')}`;
        bare.push(await time(`/bench/lookup?q=${reference}`));
      }
    const kind = database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    ctx.report({
      name: `global search p99 at ${rows.toLocaleString('en-US')} declarations (${kind})`,
      value: Math.round(p(search, 0.99)),
      unit: 'ms',
      baseline: {
        name: 'one declaration by exact reference, p99',
        value: Math.round(p(bare, 0.99)),
        unit: 'ms',
      },
      ratio: Math.round((p(search, 0.99) / Math.max(1, p(bare, 0.99))) * 10) / 10,
      ...(database.kind === 'postgres' ? { target: 'p99 < 100 ms' } : {}),
      note: `${search.length} searches of every family (admin: all families); p50 ${Math.round(p(search, 0.5))} vs ${Math.round(p(bare, 0.5))} ms`,
    });
  } finally {
    await app.close();
    await jobs.stop();
  }
}

async function prepare(ctx: BenchContext, database: Database, rows: number): Promise<void> {
  const made = await timed(async () => {
    await generate(ctx, database, rows);
    await generateOthers(database, rows);
  });
  ctx.log(`${database.kind}: search data ready in ${Math.round(made.ms / 1000)} s`);
}

const suite: BenchSuite = {
  name: 'search',
  description:
    'global search (GET /api/search) over every family at 1,000,000 declarations (PostgreSQL) and 100,000 (PGlite), vs one declaration by exact reference',
  async run(ctx) {
    const rows = ctx.quick ? 20_000 : rowsFromEnv('VIGIE_BENCH_SEARCH_ROWS', 1_000_000);
    const pgliteRows = ctx.quick ? rows : rowsFromEnv('VIGIE_BENCH_SEARCH_PGLITE_ROWS', 100_000);
    const dataDir = join(ctx.tmpDir, 'data');
    if (ctx.postgresUrl) {
      await withSchema(ctx.postgresUrl, async (schema) => {
        const postgres = await openDatabase({ url: ctx.postgresUrl!, schema, poolSize: 10 });
        try {
          await prepare(ctx, postgres, rows);
          await measure(ctx, postgres, rows, dataDir);
        } finally {
          await postgres.close();
        }
      });
    } else ctx.skip('PostgreSQL figures: no server answers');

    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      await prepare(ctx, pglite, pgliteRows);
      await measure(ctx, pglite, pgliteRows, dataDir);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
