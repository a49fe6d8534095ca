import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { type DecisionFilters, listDecisions } from '../../src/modules/risk/decisions.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const ROWS = 100_000;
const PAGE = 50;

async function prepare(ctx: BenchContext, database: Database, rows: number) {
  await migrateToLatest(database, registry.migrations);
  const made = await timed(async () => {
    await sql`insert into importers (code, name)
      select 'IMP' || g, 'Importer ' || g from generate_series(1, 5000) g
      on conflict do nothing`.execute(database.db);
    await sql`insert into declarations (reference, office_code, lodged_on, importer_code, currency, item_count,
                total_value, content_hash)
      select 'Q' || lpad(g::text, 7, '0'), 'OF' || (g % 20), date '2021-01-01' + (g % 60), 'IMP' || (g % 5000 + 1),
             'USD', 1, (g % 997) * 10, md5(g::text)
      from generate_series(1, ${rows}) g`.execute(database.db);
    await sql`insert into declaration_items (declaration_id, line_no, hs_code, origin_country, customs_value)
      select id, 1, '640399', 'CN', total_value from declarations`.execute(database.db);
    await sql`insert into risk_decisions (declaration_id, reference, office_code, lodged_on, channel,
                initial_channel, basis, score, probability, expected_value, rank, profile_versions, breakdown,
                explanation)
      select d.id, d.reference, d.office_code, d.lodged_on,
             c.channel, c.channel, case when c.channel = 'green' then 'none' else 'ranked' end,
             (d.id % 1000) / 10.0, (d.id % 100) / 100.0, (d.id % 977) * 3.0, null, '[]'::jsonb,
             jsonb_build_array(
               jsonb_build_object('source', 'rule', 'id', 'kcs/hs6-fraud-prone', 'points', (d.id % 40)),
               jsonb_build_object('source', 'model', 'id', 'demo', 'points', (d.id % 25))),
             '{}'::jsonb
      from declarations d
      cross join lateral (select (array['red', 'yellow', 'green', 'green', 'green', 'blue'])[d.id % 6 + 1]
                          as channel) c`.execute(database.db);
    await sql`insert into risk_decision_items (decision_id, item_id, line_no, score, probability, expected_value,
                breakdown)
      select r.id, i.id, 1, r.score, r.probability, r.expected_value, r.breakdown
      from risk_decisions r join declaration_items i on i.declaration_id = r.declaration_id`.execute(
      database.db,
    );
    await sql`insert into inspection_outcomes (item_id, inspected_on, result, source)
      select i.id, date '2021-03-15', case when i.id % 3 = 0 then 'fraud' else 'compliant' end, 'officer'
      from declaration_items i where i.id % 10 = 0`.execute(database.db);
    await sql`analyze`.execute(database.db);
  });
  ctx.log(
    `${database.kind}: ${rows.toLocaleString('en-US')} declarations and decisions made in ${Math.round(made.ms)} ms`,
  );
}

/** Best of `runs` after a warm-up. */
async function best<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let { result } = await timed(work);
  for (let i = 0; i < runs; i++) {
    const r = await timed(work);
    ms = Math.min(ms, r.ms);
    result = r.result;
  }
  return { ms, result };
}

async function figures(ctx: BenchContext, database: Database, rows: number, runs: number) {
  const everyOffice = { office: null };
  const bare = (offset: number) =>
    database.db
      .selectFrom('risk_decisions')
      .selectAll()
      .where('superseded_at', 'is', null)
      .orderBy('id')
      .limit(PAGE)
      .offset(offset)
      .execute();
  const cases: { name: string; filters: DecisionFilters; offset: number }[] = [
    { name: 'first page, default order (red first, expected value)', filters: {}, offset: 0 },
    {
      name: `deep page (offset ${(rows - PAGE).toLocaleString('en-US')}), default order`,
      filters: {},
      offset: rows - PAGE,
    },
    { name: 'first page sorted by score', filters: { sort: 'score', order: 'desc' }, offset: 0 },
    {
      name: 'pending red and yellow, one office, page 3',
      filters: { selected: true, status: 'pending', office: 'OF7' },
      offset: 2 * PAGE,
    },
  ];
  for (const c of cases) {
    const baseline = await best(runs, () => bare(c.offset));
    const page = await best(runs, () =>
      listDecisions(database.db, c.filters, everyOffice, { limit: PAGE, offset: c.offset }),
    );
    if (page.result.items.length === 0) throw new Error(`${c.name}: the page is empty`);
    ctx.report({
      name: `selection queue at ${rows.toLocaleString('en-US')} decisions: ${c.name} (${database.kind})`,
      value: page.ms,
      unit: 'ms',
      baseline: {
        name: `${PAGE} bare rows of risk_decisions by primary key, same offset`,
        value: baseline.ms,
        unit: 'ms',
      },
      ratio: page.ms / Math.max(baseline.ms, 0.001),
      target: 'a page in < 300 ms (lower is better)',
      note: `${page.result.total.toLocaleString('en-US')} matching; best of ${runs}`,
    });
  }
}

const suite: BenchSuite = {
  name: 'queue',
  description: 'the selection queue (GET /api/risk/decisions) paged and sorted at 100,000 decisions',
  async run(ctx) {
    const rows = ctx.quick ? 20_000 : ROWS;
    const runs = ctx.quick ? 3 : 7;
    const dataDir = join(ctx.tmpDir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const pglite = await openDatabase({ dataDir });
    try {
      await prepare(ctx, pglite, rows);
      await figures(ctx, pglite, rows, runs);
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }

    if (!ctx.postgresUrl) return ctx.skip('PostgreSQL figures: no server answers');
    await withSchema(ctx.postgresUrl, async (schema) => {
      const postgres = await openDatabase({ url: ctx.postgresUrl!, schema });
      try {
        await prepare(ctx, postgres, rows);
        await figures(ctx, postgres, rows, runs);
      } finally {
        await postgres.close();
      }
    });
  },
};

export default suite;
