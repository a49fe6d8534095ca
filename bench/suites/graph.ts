/**
 * The link graph:
 * - building it from N synthetic declarations (with their parties and a company register) against a bare keyset
 *   scan of the same rows through the same read model, then neighbours at depth 2 and a path on the result;
 * - building it from the KCS train split written 10 times with distinct references (--quick: a tenth of it, once)
 *   and its partner files (company register, manifests, payments: bench/kcs-graph-data.ts), imported through the
 *   ordinary import path: entities/s and links/s against COPY of the same entities and links into tables shaped
 *   and indexed like the graph's, and records/s against a plain keyset read of the same source rows. Skipped
 *   without ../shared/data/customs-declarations.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { declarationParties } from '../../src/modules/declarations/index.ts';
import { neighbours, shortestPath } from '../../src/modules/graph/analysis.ts';
import { buildGraph } from '../../src/modules/graph/build.ts';
import { findEntity } from '../../src/modules/graph/store.ts';
import { auditedImport } from '../../src/modules/imports/index.ts';
import {
  companyRecords,
  manifestRecords,
  type PartnerCursor,
  paymentRecords,
} from '../../src/modules/partners/index.ts';
import { copyJson, copyNumber, copyText } from '../../src/platform/db/copy-text.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { resolveProfile, type TargetName } from '../../src/platform/ingest/profile.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { type KcsGraphFiles, writeKcsGraphFiles } from '../kcs-graph-data.ts';
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

/** The KCS files imported as any file is (atomic, validated, audited), register first. */
async function importKcs(ctx: BenchContext, database: Database, files: KcsGraphFiles) {
  await migrateToLatest(database, registry.migrations);
  const steps: [TargetName, string, string][] = [
    ['companies', files.companies, 'native'],
    ['declarations', files.declarations, 'kcs'],
    ['manifests', files.manifests, 'native'],
    ['payments', files.payments, 'native'],
  ];
  const actor = { id: null, name: 'system:bench', ip: null };
  const took = await timed(async () => {
    for (const [target, file, profile] of steps) {
      const summary = await auditedImport(
        database,
        registry.importTargets.get(target)!,
        { file, profile: resolveProfile(target, profile) },
        actor,
      );
      if (!summary.ok)
        throw new Error(
          `${target} did not import: ${summary.fileError?.message ?? summary.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`,
        );
    }
  });
  await sql`analyze`.execute(database.db);
  ctx.log(`graph (${database.kind}): KCS files imported in ${Math.round(took.ms / 1000)} s`);
}

/** The baseline read: every source row through its read model, by keyset, in pages of 2,000 (as the build). */
async function scanSources(database: Database): Promise<number> {
  let n = 0;
  for (let afterId = 0; ; ) {
    const page = await declarationParties(database.db, { afterId, limit: 2000 });
    n += page.length;
    if (page.length < 2000) break;
    afterId = page[page.length - 1]!.id;
  }
  const partners = [
    [companyRecords, (r: { company_id: string }) => r.company_id],
    [manifestRecords, (r: { document_number: string }) => r.document_number],
    [paymentRecords, (r: { payment_reference: string }) => r.payment_reference],
  ] as const;
  for (const [read, key] of partners) {
    for (let after: PartnerCursor = null; ; ) {
      const page = await (read as typeof companyRecords)(database.db, { after, limit: 2000 });
      n += page.length;
      if (page.length < 2000) break;
      const last = page[page.length - 1]!;
      after = { at: last.cursor_at, key: (key as (r: unknown) => string)(last) };
    }
  }
  return n;
}

/**
 * The baseline write: the graph's own entities and links, read back and COPYed into empty tables made `like` the
 * graph's with their defaults and indexes (unique keys included, no foreign keys); only the COPY is timed.
 */
async function copyBaseline(database: Database): Promise<{ entities: number; links: number; ms: number }> {
  await sql`create table bench_copy_entities (like graph_entities including defaults including identity including indexes)`.execute(
    database.db,
  );
  await sql`create table bench_copy_links (like graph_links including defaults including identity including indexes)`.execute(
    database.db,
  );
  let ms = 0;
  let entities = 0;
  let links = 0;
  const page = 100_000;
  for (let after = 0; ; ) {
    const { rows } = await sql<{
      id: string;
      type: string;
      key: string;
      label: string;
      attributes: unknown;
      source_table: string | null;
      source_id: string | null;
    }>`select id, type, key, label, attributes, source_table, source_id from graph_entities
       where id > ${after} order by id limit ${page}`.execute(database.db);
    if (!rows.length) break;
    const text = rows
      .map(
        (r) =>
          `${copyText(r.type)}\t${copyText(r.key)}\t${copyText(r.label)}\t${copyJson(r.attributes)}\t${copyText(r.source_table)}\t${copyText(r.source_id)}\n`,
      )
      .join('');
    const t = await timed(() =>
      database.transaction((s) =>
        s.copyIn(
          'bench_copy_entities',
          ['type', 'key', 'label', 'attributes', 'source_table', 'source_id'],
          text,
        ),
      ),
    );
    ms += t.ms;
    entities += rows.length;
    after = Number(rows[rows.length - 1]!.id);
  }
  for (let after = 0; ; ) {
    const { rows } = await sql<{
      id: string;
      from_id: string;
      to_id: string;
      type: string;
      source_table: string;
      source_id: string;
      first_seen: string | null;
      last_seen: string | null;
      confidence: number;
    }>`select id, from_id, to_id, type, source_table, source_id, first_seen::text, last_seen::text, confidence
       from graph_links where id > ${after} order by id limit ${page}`.execute(database.db);
    if (!rows.length) break;
    const text = rows
      .map(
        (r) =>
          `${r.from_id}\t${r.to_id}\t${copyText(r.type)}\t${copyText(r.source_table)}\t${copyText(r.source_id)}\t${copyText(r.first_seen)}\t${copyText(r.last_seen)}\t${copyNumber(Number(r.confidence))}\n`,
      )
      .join('');
    const t = await timed(() =>
      database.transaction((s) =>
        s.copyIn(
          'bench_copy_links',
          ['from_id', 'to_id', 'type', 'source_table', 'source_id', 'first_seen', 'last_seen', 'confidence'],
          text,
        ),
      ),
    );
    ms += t.ms;
    links += rows.length;
    after = Number(rows[rows.length - 1]!.id);
  }
  return { entities, links, ms };
}

async function kcsFigures(ctx: BenchContext, database: Database, files: KcsGraphFiles, label: string) {
  await importKcs(ctx, database, files);
  const scan = await timed(() => scanSources(database));
  const build = await timed(() => buildGraph(database));
  const r = build.result;
  const copy = await copyBaseline(database);
  const seconds = build.ms / 1000;
  const sources = Object.entries(r.sources)
    .filter(([, s]) => s.read)
    .map(([name, s]) => `${name} ${s.read.toLocaleString('en-US')}`)
    .join(', ');
  const what = `${label}, ${database.kind}`;
  ctx.report({
    name: `graph build from ${label}: entities/s (${database.kind})`,
    value: r.entities / seconds,
    unit: 'entities/s',
    baseline: {
      name: "COPY of the same entities and links into tables like the graph's (their indexes): entities/s over both",
      value: copy.entities / (copy.ms / 1000),
      unit: 'entities/s',
    },
    ratio: r.entities / seconds / (copy.entities / (copy.ms / 1000)),
    note: `${r.entities.toLocaleString('en-US')} entities, ${r.links.toLocaleString('en-US')} links, ${r.hubs} hubs, in ${Math.round(seconds)} s; COPY of ${copy.entities.toLocaleString('en-US')} entities and ${copy.links.toLocaleString('en-US')} links ${Math.round(copy.ms / 100) / 10} s`,
  });
  ctx.report({
    name: `graph build from ${label}: links/s (${database.kind})`,
    value: r.links / seconds,
    unit: 'links/s',
    baseline: {
      name: "COPY of the same entities and links into tables like the graph's (links/s over both)",
      value: copy.links / (copy.ms / 1000),
      unit: 'links/s',
    },
    ratio: r.links / seconds / (copy.links / (copy.ms / 1000)),
  });
  ctx.report({
    name: `graph build from ${label}: source records/s (${database.kind})`,
    value: r.read / seconds,
    unit: 'records/s',
    baseline: {
      name: 'plain keyset read of the same source rows through the read models',
      value: scan.result / (scan.ms / 1000),
      unit: 'records/s',
    },
    ratio: r.read / seconds / (scan.result / (scan.ms / 1000)),
    note: `${what}: ${sources}; read alone ${Math.round(scan.ms / 100) / 10} s`,
  });
}

/** The KCS case on both databases, or a skip saying why not. */
async function kcsCase(ctx: BenchContext): Promise<void> {
  if (!ctx.sharedDataDir) return ctx.skip('KCS build: ../shared/data/customs-declarations not found');
  const copies = ctx.quick ? 1 : 10;
  const every = ctx.quick ? 10 : 1;
  const files = writeKcsGraphFiles(join(ctx.sharedDataDir, 'train.csv'), ctx.tmpDir, { copies, every });
  const label = ctx.quick ? 'a tenth of the KCS train split' : '10× the KCS train split';
  ctx.log(
    `graph: ${label}: ${files.counts.declarations.toLocaleString('en-US')} declarations, ${files.counts.companies.toLocaleString('en-US')} companies, ${files.counts.manifests.toLocaleString('en-US')} manifests, ${files.counts.payments.toLocaleString('en-US')} payments`,
  );
  const dataDir = join(ctx.tmpDir, 'kcs-data');
  rmSync(dataDir, { recursive: true, force: true });
  const pglite = await openDatabase({ dataDir });
  try {
    await kcsFigures(ctx, pglite, files, label);
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!ctx.postgresUrl) return ctx.skip('KCS build on PostgreSQL: no server answers');
  await withSchema(ctx.postgresUrl, async (schema) => {
    const postgres = await openDatabase({ url: ctx.postgresUrl!, schema });
    try {
      await kcsFigures(ctx, postgres, files, label);
    } finally {
      await postgres.close();
    }
  });
}

const suite: BenchSuite = {
  name: 'graph',
  description:
    'the link graph: build speed against a bare scan and COPY (synthetic, and 10× the KCS train split), neighbours at depth 2, a path',
  async run(ctx) {
    if (process.env.VIGIE_BENCH_GRAPH_CASE !== 'synthetic') await kcsCase(ctx);
    if (process.env.VIGIE_BENCH_GRAPH_CASE === 'kcs') return;
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
