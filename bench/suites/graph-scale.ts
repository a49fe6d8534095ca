/**
 * The link graph at scale (issue 13): a graph of 1,000,000 entities and 5,000,000 links on PostgreSQL (100,000 and
 * 500,000 on PGlite), made by the database itself, then
 * - neighbours at depth 2 of typical entities (p50/p99 of 200), against a plain recursive SQL query that answers the
 *   same entities;
 * - shortest paths between entities at distance at most 4 (p50/p99 of 50 pairs), against a recursive SQL query that
 *   walks paths from one end until it meets the other;
 * - communities (Louvain) of one 100,000-entity component, against a recursive SQL query that only finds the
 *   component's members.
 * Targets (PostgreSQL): neighbours p99 < 50 ms, path p99 < 200 ms, communities < 10 s.
 *
 * Shape: entities in clusters of 100 (about 10 links per entity, nearly all inside its cluster), 3 % of the links
 * to any cluster of its region (a small world, as networks of people and companies are); regions of 1,000 clusters
 * (100,000 entities) are the connected components. Sizes: VIGIE_BENCH_GRAPH_ENTITIES (default 1,000,000; --quick
 * 100,000) and VIGIE_BENCH_GRAPH_PGLITE_ENTITIES (default 100,000; --quick 20,000); links are five per entity.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { communities, neighbours, shortestPath } from '../../src/modules/graph/analysis.ts';
import { entitiesByIds } from '../../src/modules/graph/store.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { mulberry32 } from '../../src/platform/lib/random.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const CLUSTER = 100;
const REGION_CLUSTERS = 1000;
const LINKS_PER_ENTITY = 5;
const TYPES = ['company', 'person', 'phone', 'email', 'address', 'declaration', 'online_seller', 'vehicle'];

function sizeFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value >= CLUSTER * 10 ? value : fallback;
}

/** An integer of ours written into the SQL (PGlite sends untyped parameters as text). */
const lit = (n: number) => sql.raw(String(Math.trunc(n)));

/** Deterministic hashes of k in SQL, one multiplier per salt (kept in bigint range), so that ends are independent. */
const MULTIPLIERS = [2654435761, 2246822519, 3266489917, 668265263];
const hash = (k: ReturnType<typeof sql.raw>, salt: number) =>
  sql`((${k} * ${sql.raw(String(MULTIPLIERS[salt]))}) % 4294967291)`;

export async function generate(ctx: BenchContext, database: Database, entities: number): Promise<number> {
  await migrateToLatest(database, registry.migrations);
  const clusters = Math.floor(entities / CLUSTER);
  const n = clusters * CLUSTER;
  const batch = 250_000;
  const made = await timed(async () => {
    for (let start = 1; start <= n; start += batch) {
      const end = Math.min(n, start + batch - 1);
      await sql`insert into graph_entities (id, type, key, label, attributes, source_table, source_id)
        select g, (${sql.val(TYPES)}::text[])[1 + g % ${lit(TYPES.length)}], 'k' || g, 'Entity ' || g, '{}'::jsonb,
               'bench', g::text
        from generate_series(${start}::bigint, ${end}::bigint) g`.execute(database.db);
    }
    const links = n * LINKS_PER_ENTITY;
    const k = sql.raw('k');
    for (let start = 1; start <= links; start += batch) {
      const end = Math.min(links, start + batch - 1);
      // Link k: in cluster c (k mod clusters); every 33rd goes to any cluster of c's region.
      await sql`insert into graph_links (from_id, to_id, type, source_table, source_id, first_seen)
        select a, b, 'linked_to', 'bench', k::text, date '2021-01-01' + (k % 365)::int
        from (
          select k,
                 (k % ${lit(clusters)}) * ${lit(CLUSTER)} + ${hash(k, 1)} % ${lit(CLUSTER)} + 1 as a,
                 case when k % 33 = 0
                   then ((k % ${lit(clusters)}) / ${lit(REGION_CLUSTERS)} * ${lit(REGION_CLUSTERS)}
                         + ${hash(k, 3)} % least(${lit(REGION_CLUSTERS)}, ${lit(clusters)})) * ${lit(CLUSTER)}
                         + ${hash(k, 2)} % ${lit(CLUSTER)} + 1
                   else (k % ${lit(clusters)}) * ${lit(CLUSTER)} + ${hash(k, 2)} % ${lit(CLUSTER)} + 1
                 end as b
          from generate_series(${start}::bigint, ${end}::bigint) k
        ) x
        where a <> b`.execute(database.db);
      if (end % 1_000_000 === 0 || end === links)
        ctx.log(`graph-scale: ${end.toLocaleString('en-US')} links`);
    }
    await sql`select setval(pg_get_serial_sequence('graph_entities', 'id'), ${n})`.execute(database.db);
    // As autovacuum leaves a table at rest: statistics, and the visibility map that lets index-only scans skip pages.
    await sql`vacuum analyze graph_entities`.execute(database.db);
    await sql`vacuum analyze graph_links`.execute(database.db);
  });
  const count = await sql<{ n: string }>`select count(*) as n from graph_links`.execute(database.db);
  ctx.log(
    `graph-scale (${database.kind}): ${n.toLocaleString('en-US')} entities, ${Number(count.rows[0]!.n).toLocaleString('en-US')} links made in ${Math.round(made.ms / 1000)} s`,
  );
  return n;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Neighbouring ids of `id` (both directions). */
const around = (id: ReturnType<typeof sql.raw>) => sql`(
  select to_id as o from graph_links where from_id = ${id}
  union all
  select from_id from graph_links where to_id = ${id})`;

async function recursiveNeighbours(database: Database, id: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    with recursive n(id, depth) as (
      select ${id}::bigint, 0
      union
      select x.o, n.depth + 1 from n cross join lateral ${around(sql.raw('n.id'))} x where n.depth < 2
    )
    select e.id, e.type, e.key, e.label from graph_entities e where e.id in (select id from n)`.execute(
    database.db,
  );
  return rows.length;
}

async function recursivePath(database: Database, from: number, to: number): Promise<number | null> {
  const { rows } = await sql<{ length: number }>`
    with recursive p(id, path) as (
      select ${from}::bigint, array[${from}::bigint]
      union all
      select x.o, p.path || x.o from p cross join lateral ${around(sql.raw('p.id'))} x
      where cardinality(p.path) <= 4 and p.id <> ${to} and x.o <> all(p.path)
    )
    select cardinality(path) - 1 as length from p where id = ${to} limit 1`.execute(database.db);
  return rows[0] ? Number(rows[0].length) : null;
}

async function recursiveComponent(database: Database, id: number): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    with recursive c(id) as (
      select ${id}::bigint
      union
      select x.o from c cross join lateral ${around(sql.raw('c.id'))} x
    )
    select count(*) as n from c`.execute(database.db);
  return Number(rows[0]!.n);
}

/** Pairs at distance 1 to 4: the ends of a random walk of 4 steps (revisits make some shorter). */
async function pairs(
  database: Database,
  random: () => number,
  starts: number[],
): Promise<[number, number][]> {
  const out: [number, number][] = [];
  for (const start of starts) {
    let at = start;
    for (let step = 0; step < 4; step++) {
      const { rows } = await sql<{
        o: string;
      }>`select o from ${around(sql.raw(String(at)))} x order by o`.execute(database.db);
      if (!rows.length) break;
      at = Number(rows[Math.floor(random() * rows.length)]!.o);
    }
    if (at !== start) out.push([start, at]);
  }
  return out;
}

export async function measure(
  ctx: BenchContext,
  database: Database,
  entities: number,
  target: boolean,
): Promise<void> {
  const random = mulberry32(42);
  const sample = Array.from({ length: 200 }, () => 1 + Math.floor(random() * entities));
  const rows = new Map((await entitiesByIds(database.db, sample)).map((e) => [e.id, e]));
  const ours: number[] = [];
  const plain: number[] = [];
  let sizes = 0;
  // One warm-up of each, then alternate so that both see the same cache.
  await neighbours(database.db, rows.get(sample[0]!)!, { depth: 2, maxNodes: 2000 });
  await recursiveNeighbours(database, sample[0]!);
  for (const id of sample) {
    const a = await timed(() => neighbours(database.db, rows.get(id)!, { depth: 2, maxNodes: 2000 }));
    ours.push(a.ms);
    sizes += a.result.nodes.length;
    plain.push((await timed(() => recursiveNeighbours(database, id))).ms);
  }
  ours.sort((x, y) => x - y);
  plain.sort((x, y) => x - y);
  const label = `${entities.toLocaleString('en-US')} entities, ${database.kind}`;
  ctx.report({
    name: `neighbours at depth 2, p99 of ${sample.length} typical entities (${label})`,
    value: percentile(ours, 99),
    unit: 'ms',
    baseline: { name: 'recursive SQL of the same entities, p99', value: percentile(plain, 99), unit: 'ms' },
    ratio: percentile(plain, 99) / percentile(ours, 99),
    ...(target ? { target: '< 50 ms' } : {}),
    note: `p50 ${percentile(ours, 50).toFixed(1)} ms (SQL ${percentile(plain, 50).toFixed(1)} ms); ${Math.round(sizes / sample.length)} entities on average, with their links and evidence`,
  });

  const ends = await pairs(database, random, sample.slice(0, 50));
  const oursPath: number[] = [];
  const plainPath: number[] = [];
  const lengths = new Map<number, number>();
  let disagree = 0;
  for (const [from, to] of ends) {
    const [a, b] = await entitiesByIds(database.db, [from, to]).then((r) => [
      r.find((e) => e.id === from)!,
      r.find((e) => e.id === to)!,
    ]);
    const p = await timed(() => shortestPath(database.db, a!, b!, { maxDepth: 6, maxNodes: 20_000 }));
    oursPath.push(p.ms);
    const q = await timed(() => recursivePath(database, from, to));
    plainPath.push(q.ms);
    const length = p.result.length ?? -1;
    lengths.set(length, (lengths.get(length) ?? 0) + 1);
    if (q.result !== p.result.length) disagree++;
  }
  oursPath.sort((x, y) => x - y);
  plainPath.sort((x, y) => x - y);
  ctx.report({
    name: `shortest path at distance ≤ 4, p99 of ${ends.length} pairs (${label})`,
    value: percentile(oursPath, 99),
    unit: 'ms',
    baseline: {
      name: 'recursive SQL walking paths of ≤ 4 links, p99',
      value: percentile(plainPath, 99),
      unit: 'ms',
    },
    ratio: percentile(plainPath, 99) / percentile(oursPath, 99),
    ...(target ? { target: '< 200 ms' } : {}),
    note: `p50 ${percentile(oursPath, 50).toFixed(1)} ms (SQL ${percentile(plainPath, 50).toFixed(1)} ms); lengths ${[
      ...lengths.entries(),
    ]
      .sort((x, y) => x[0] - y[0])
      .map(([l, c]) => `${l}: ${c}`)
      .join(', ')}${disagree ? `; ${disagree} answers differ from SQL's` : '; same lengths as SQL'}`,
  });

  const center = rows.get(sample[0]!)!;
  const component = await timed(() => recursiveComponent(database, center.id));
  const found = await timed(() =>
    communities(database.db, {
      around: center,
      maxNodes: 150_000,
      minSize: 3,
      maxLinks: 2_000_000,
      limit: 20,
    }),
  );
  ctx.report({
    name: `communities (Louvain) of a ${found.result.nodes.toLocaleString('en-US')}-entity component (${label})`,
    value: found.ms / 1000,
    unit: 's',
    baseline: { name: 'recursive SQL finding the component only', value: component.ms / 1000, unit: 's' },
    ratio: component.ms / found.ms,
    ...(target ? { target: '< 10 s' } : {}),
    note: `${found.result.links.toLocaleString('en-US')} links, ${found.result.communities.length} communities shown, modularity ${found.result.modularity?.toFixed(3)}; SQL component ${component.result.toLocaleString('en-US')} entities`,
  });
}

const suite: BenchSuite = {
  name: 'graph-scale',
  description:
    'the link graph at 1,000,000 entities: neighbours, paths and communities against recursive SQL',
  async run(ctx) {
    const pgliteSize = sizeFromEnv('VIGIE_BENCH_GRAPH_PGLITE_ENTITIES', ctx.quick ? 20_000 : 100_000);
    const dataDir = join(ctx.tmpDir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      const n = await generate(ctx, pglite, pgliteSize);
      await measure(ctx, pglite, n, false);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (!ctx.postgresUrl) return ctx.skip('PostgreSQL figures: no server answers');
    const size = sizeFromEnv('VIGIE_BENCH_GRAPH_ENTITIES', ctx.quick ? 100_000 : 1_000_000);
    await withSchema(ctx.postgresUrl, async (schema) => {
      const postgres = await openDatabase({ url: ctx.postgresUrl!, schema });
      try {
        const n = await generate(ctx, postgres, size);
        await measure(ctx, postgres, n, true);
      } finally {
        await postgres.close();
      }
    });
  },
};

export default suite;
