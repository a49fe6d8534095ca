/**
 * The link graph: building it from N declarations (with their parties and a company register) against a bare
 * keyset scan of the same rows through the same read model, then neighbours at depth 2 and a path on the result.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { declarationParties } from '../../src/modules/declarations/index.ts';
import { neighbours, shortestPath } from '../../src/modules/graph/analysis.ts';
import { buildGraph } from '../../src/modules/graph/build.ts';
import { findEntity } from '../../src/modules/graph/store.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

async function prepare(database: Database, rows: number) {
  await migrateToLatest(database, registry.migrations);
  const importers = Math.max(50, Math.round(rows / 20));
  await sql`insert into importers (code, name) select 'IMP' || g, 'Importer ' || g from generate_series(1, ${importers}) g`.execute(
    database.db,
  );
  await sql`insert into declarants (code, name) select 'DEC' || g, 'Declarant ' || g from generate_series(1, 200) g`.execute(
    database.db,
  );
  await sql`insert into sellers (code, name, country) select 'SEL' || g, 'Seller ' || g, 'CN' from generate_series(1, 2000) g`.execute(
    database.db,
  );
  await sql`insert into declarations (reference, office_code, lodged_on, importer_code, declarant_code, seller_code, currency,
              item_count, total_value, content_hash)
    select 'G' || lpad(g::text, 8, '0'), 'OF' || (g % 20), date '2021-01-01' + (g % 300), 'IMP' || (g % ${importers} + 1),
           'DEC' || (g % 200 + 1), 'SEL' || (g % 2000 + 1), 'USD', 1, (g % 997) * 10, md5(g::text)
    from generate_series(1, ${rows}) g`.execute(database.db);
  await sql`insert into companies (company_id, name, city, phone, managers, address)
    select 'IMP' || g, 'Importer ' || g, 'City ' || (g % 30), '+2126' || lpad((10000000 + g % ${Math.round(importers * 0.8)})::text, 8, '0'),
           array['Manager ' || (g % ${Math.round(importers / 2)})], g || ' rue ' || (g % 40)
    from generate_series(1, ${importers}) g`.execute(database.db);
  await sql`analyze`.execute(database.db);
  return importers;
}

async function figures(ctx: BenchContext, database: Database, rows: number) {
  const scan = await timed(async () => {
    let afterId = 0;
    let n = 0;
    for (;;) {
      const page = await declarationParties(database.db, { afterId, limit: 2000 });
      if (!page.length) break;
      n += page.length;
      afterId = page[page.length - 1]!.id;
    }
    return n;
  });
  const build = await timed(() => buildGraph(database, { sources: ['declarations', 'companies'] }));
  const r = build.result;
  ctx.report({
    name: `graph build from ${rows.toLocaleString('en-US')} declarations and their register (${database.kind})`,
    value: r.read / (build.ms / 1000),
    unit: 'records/s',
    baseline: {
      name: 'bare keyset scan of the same declarations (read model only)',
      value: scan.result / (scan.ms / 1000),
      unit: 'records/s',
    },
    ratio: scan.ms / Math.max(build.ms, 0.001),
    note: `${r.entities.toLocaleString('en-US')} entities (${Math.round(r.entities / (build.ms / 1000))}/s), ${r.links.toLocaleString('en-US')} links (${Math.round(r.links / (build.ms / 1000))}/s) in ${Math.round(build.ms)} ms; scan ${Math.round(scan.ms)} ms`,
  });
  const again = await timed(() => buildGraph(database));
  ctx.report({
    name: `graph build again, nothing new (${database.kind})`,
    value: again.ms,
    unit: 'ms',
    note: `${again.result.read} records read`,
  });
  const company = await findEntity(database.db, 'company:IMP7');
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 20; i++) {
    const n = await timed(() => neighbours(database.db, company, { depth: 2, maxNodes: 2000 }));
    times.push(n.ms);
    size = n.result.nodes.length;
  }
  times.sort((a, b) => a - b);
  ctx.report({
    name: `neighbours at depth 2 of an importer, p50 of 20 (${database.kind})`,
    value: times[10]!,
    unit: 'ms',
    note: `${size} entities; p95 ${Math.round(times[18]!)} ms`,
  });
  const other = await findEntity(database.db, 'company:IMP9');
  const path = await timed(() =>
    shortestPath(database.db, company, other, { maxDepth: 6, maxNodes: 20_000 }),
  );
  ctx.report({
    name: `shortest path between two importers (${database.kind})`,
    value: path.ms,
    unit: 'ms',
    note: path.result.found ? `length ${path.result.length}, ${path.result.explored} explored` : 'no path',
  });
}

const suite: BenchSuite = {
  name: 'graph',
  description: 'the link graph: build speed against a bare scan, neighbours at depth 2, a path',
  async run(ctx) {
    const rows = ctx.quick ? 10_000 : 100_000;
    const dataDir = join(ctx.tmpDir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      await prepare(pglite, rows);
      await figures(ctx, pglite, rows);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (!ctx.postgresUrl) return ctx.skip('PostgreSQL figures: no server answers');
    await withSchema(ctx.postgresUrl, async (schema) => {
      const postgres = await openDatabase({ url: ctx.postgresUrl!, schema });
      try {
        await prepare(postgres, rows);
        await figures(ctx, postgres, rows);
      } finally {
        await postgres.close();
      }
    });
  },
};

export default suite;
