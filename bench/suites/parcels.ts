/**
 * E-commerce parcels (issue 18, docs/decisions/0029-parcels-speed-and-queue.md): pre-arrival scoring of 1,000,000
 * parcels on PostgreSQL (100,000 on PGlite; `--quick`: 100,000 and 20,000) with every indicator — goods wording and
 * under-valued brands (the online analyzer), contacts linked to online sellers (the link graph, the planted
 * network), split orders by phone and by address, and the parcel model's term (a model trained first on two months
 * of generated past parcels with inspection outcomes, parcels' history.ts, and activated; its training time and
 * hold-out figures are reported, and the same scoring before the model was trained) —
 * against a plain keyset read of the same rows and columns in the same run; target ≥ 50,000 parcels/s on
 * PostgreSQL. Memory: the live heap (after full collections) while scoring a third of the parcels and all of
 * them (flat: ratio ≈ 1).
 * Import: the parcel lines through the ordinary import (mapping profile, validation, upsert writer) against `psql
 * \copy` of the same rows, as Vigie wrote them, into the same indexed table (the floor of that schema).
 *
 * The parcels are generated (seeded): a month of arrivals at six offices from 400 shops to a pool of recipients a
 * third the size of the parcels (so recipients come back), 40 kinds of goods of which a few read as counterfeit or
 * name a brand, a planted split order every 500 parcels, and a parcel to the planted seller's phone every 10,000.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import { registry } from '../../src/app/modules.ts';
import { buildGraph } from '../../src/modules/graph/index.ts';
import { plantNetwork } from '../../src/modules/graph/testing/network.ts';
import { generatedParcelHistory } from '../../src/modules/parcels/history.ts';
import { parcelsTarget } from '../../src/modules/parcels/import-target.ts';
import { recordPastOutcomes } from '../../src/modules/parcels/past-outcomes.ts';
import { scoreParcels } from '../../src/modules/parcels/score.ts';
import { trainParcelModel } from '../../src/modules/parcels/train.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { resolveProfile } from '../../src/platform/ingest/profile.ts';
import { runImport } from '../../src/platform/ingest/run.ts';
import { mulberry32 } from '../../src/platform/lib/random.ts';
import { type BenchContext, type BenchSuite, timed } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const exec = promisify(execFile);
const ACTOR = { id: null, name: 'bench', ip: null };
const FIRST_DAY = Date.UTC(2026, 9, 1);
const DAYS = 30;
const day = (n: number) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10);
const PERIOD = { from: day(0), to: day(DAYS - 1) };
/** The first third of the month (10 days of 30): the small run of the memory comparison (several batches). */
const THIRD = { from: day(0), to: day(9) };

const GOODS: [string, number][] = [
  ['phone case', 8],
  ['cotton t-shirts', 25],
  ['women dress', 30],
  ['LED strip lights', 15],
  ['plush toy', 12],
  ['wireless earphones', 28],
  ['watch strap', 7],
  ['kitchen utensils set', 22],
  ['face cream 50 ml', 18],
  ['phone charger', 11],
  ['leather wallet', 35],
  ['hair clips', 6],
  ['yoga mat', 24],
  ['sunglasses', 16],
  ['bicycle lights', 14],
  ['baby clothes', 19],
  ['car phone holder', 9],
  ['bed sheets', 40],
  ['backpack', 33],
  ['desk lamp', 27],
  ['screen protector', 5],
  ['nail polish set', 13],
  ['fishing lure', 10],
  ['gaming mouse', 26],
  ['keyboard cover', 8],
  ['phone tripod', 17],
  ['socks 10 pairs', 12],
  ['curtains', 38],
  ['wall stickers', 9],
  ['makeup brushes', 15],
  ['sport shoes', 45],
  ['handbag', 42],
  ['smart watch', 55],
  ['Nike Air Jordan replica AAA', 30],
  ['Rolex Submariner watch', 60],
  ['Louis Vuitton handbag', 45],
  ['Viagra 100mg tablets', 20],
  ['Gucci belt', 25],
  ['high copy Adidas sneakers', 28],
  ['slimming pills', 15],
];
const CITIES = [
  ['Casablanca', '301'],
  ['Rabat', '302'],
  ['Marrakech', '303'],
  ['Tanger', '304'],
  ['Fes', '305'],
  ['Agadir', '306'],
] as const;
const COUNTRIES = ['CN', 'CN', 'CN', 'TR', 'FR', 'ES', 'US', 'KR'] as const;
const CARRIERS = ['DHL', 'FEDEX', 'UPS', 'ARAMEX', 'CNPOST', 'LAPOSTE'] as const;
const HEADER =
  'consignment_number,carrier,kind,master_manifest,sender_name,sender_country,sender_platform,recipient_name,recipient_address,recipient_city,recipient_phone,recipient_email,description,declared_value,currency,weight_kg,hs_code,item_count,arrival_date,arrival_office';

/** Writes `count` parcel lines (native layout) to `file`, in chunks: the generator's memory does not grow. */
export async function writeParcels(file: string, count: number): Promise<void> {
  const random = mulberry32(18_000_000 + count);
  const recipients = Math.max(10, Math.floor(count / 3));
  const out = createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));
  await write(`${HEADER}\n`);
  let chunk: string[] = [];
  const line = (
    i: number,
    shop: number,
    r: number,
    good: number,
    value: number,
    d: number,
    phone?: string,
  ) => {
    const [city, office] = CITIES[r % CITIES.length]!;
    const carrier = CARRIERS[i % CARRIERS.length]!;
    const country = COUNTRIES[shop % COUNTRIES.length]!;
    return [
      `B${String(i).padStart(9, '0')}`,
      carrier,
      carrier === 'CNPOST' || carrier === 'LAPOSTE' ? 'postal' : 'express',
      `AWB-${carrier}-${d}`,
      `Shop ${shop} Trading`,
      country,
      `shop${shop % 50}.example`,
      `Recipient ${r}`,
      `${1 + (r % 200)} rue ${r % 997}`,
      city,
      phone ?? `+2126${String(10_000_000 + r).slice(-8)}`,
      r % 5 === 0 ? `r${r}@example.ma` : '',
      GOODS[good]![0],
      value.toFixed(2),
      i % 4 === 0 ? 'USD' : 'EUR',
      (0.2 + (i % 30) / 10).toFixed(1),
      '',
      1 + (i % 3),
      day(d),
      office,
    ].join(',');
  };
  for (let i = 0; i < count; ) {
    if (i % 500 === 499 && i + 3 <= count) {
      // A planted split order: three parcels, one shop, one recipient, two days, 60 EUR each.
      const shop = Math.floor(random() * 400);
      const r = Math.floor(random() * recipients);
      const d = Math.floor(random() * (DAYS - 1));
      for (let k = 0; k < 3; k++) chunk.push(line(i + k, shop, r, 1, 60, d + (k === 2 ? 1 : 0)));
      i += 3;
    } else {
      const good = random() < 0.05 ? 30 + Math.floor(random() * 10) : Math.floor(random() * 30);
      const [, base] = GOODS[good]!;
      const value = Math.round(base * (0.5 + random() * 2.5) * 100) / 100;
      const phone = i % 10_000 === 5_100 ? '+212612345678' : undefined;
      chunk.push(
        line(
          i,
          Math.floor(random() * 400),
          Math.floor(random() * recipients),
          good,
          value,
          Math.floor(random() * DAYS),
          phone,
        ),
      );
      i++;
    }
    if (chunk.length >= 10_000) {
      await write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) await write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** A full collection on demand: `--expose-gc` set from here, the function taken from a new context. */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/**
 * Memory over `fn`: the live heap (what it holds: the heap after a full collection, forced every 50 ms) and, for
 * comparison, the peak heap with its garbage and the RSS sampled every 25 ms. The live heap is the figure of
 * "stays flat": the peak with garbage depends on when V8 chooses to collect (on the same code it measured ratios
 * of 1.3 to 2.5 between a third of the parcels and all of them). Timings are taken in separate runs.
 */
async function withMemory<T>(fn: () => Promise<T>) {
  collect();
  const start = process.memoryUsage();
  let heap = start.heapUsed;
  let rss = start.rss;
  let live = start.heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 25);
  const full = setInterval(() => {
    collect();
    live = Math.max(live, process.memoryUsage().heapUsed);
  }, 50);
  try {
    const result = await fn();
    const m = process.memoryUsage();
    return {
      result,
      liveMb: (live - start.heapUsed) / 1_048_576,
      heapMb: (Math.max(heap, m.heapUsed) - start.heapUsed) / 1_048_576,
      rssMb: (Math.max(rss, m.rss) - start.rss) / 1_048_576,
    };
  } finally {
    clearInterval(sample);
    clearInterval(full);
  }
}

/** A plain read of the rows and columns scoring reads, by keyset, 10,000 at a time (the baseline). */
async function plainRead(database: Database, period: { from: string; to: string }): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = await database.db
      .selectFrom('parcels')
      .select([
        'id',
        'description',
        'declared_value',
        'currency',
        'item_count',
        'recipient_phone',
        'recipient_email',
        'sender_key',
        'recipient_address_key',
        'arrival_date',
        'value_eur',
      ])
      .where('arrival_date', '>=', period.from)
      .where('arrival_date', '<=', period.to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(10_000)
      .execute();
    if (!rows.length) return n;
    n += rows.length;
    after = Number(rows.at(-1)!.id);
  }
}

async function figures(
  ctx: BenchContext,
  database: Database,
  label: string,
  count: number,
  file: string,
  copyFloor?: (database: Database) => Promise<number>,
) {
  await migrateToLatest(database, registry.migrations);
  await plantNetwork(database);
  await buildGraph(database);
  const imported = await timed(() =>
    runImport(database, parcelsTarget, { file, profile: resolveProfile('parcels', 'native') }),
  );
  if (!imported.result.ok)
    throw new Error(
      `import failed: ${imported.result.fileError?.message ?? JSON.stringify(imported.result.errors.slice(0, 3))}`,
    );
  const importRate = count / (imported.ms / 1000);
  if (copyFloor) {
    const copyMs = await copyFloor(database);
    const copyRate = count / (copyMs / 1000);
    ctx.report({
      name: `import of ${count.toLocaleString('en-US')} parcel lines, mapping + validation + upsert (${label})`,
      value: importRate,
      unit: 'rows/s',
      baseline: {
        name: 'psql \\copy of the same rows into the same indexed table',
        value: copyRate,
        unit: 'rows/s',
      },
      ratio: importRate / copyRate,
      note: `${(imported.ms / 1000).toFixed(1)} s vs ${(copyMs / 1000).toFixed(1)} s`,
    });
  } else
    ctx.report({
      name: `import of ${count.toLocaleString('en-US')} parcel lines, mapping + validation + upsert (${label})`,
      value: importRate,
      unit: 'rows/s',
      note: `${(imported.ms / 1000).toFixed(1)} s (no COPY baseline on PGlite)`,
    });
  // Two months before the period, generated parcels with inspection outcomes: a parcel model is trained on them
  // and activated, so that scoring below runs with the model's term (decision 0048).
  const history = generatedParcelHistory({ from: day(-61), days: 60, perDay: 50, seed: 18, prefix: 'P' });
  const historyFile = `${file}.history.csv`;
  writeFileSync(historyFile, history.csv);
  const past = await runImport(database, parcelsTarget, {
    file: historyFile,
    profile: resolveProfile('parcels', 'native'),
  });
  rmSync(historyFile, { force: true });
  if (!past.ok) throw new Error('history import failed');
  await recordPastOutcomes(database, ACTOR, history.outcomes);
  // Fresh tables' statistics (a planner that believes `parcel_inspections` empty picks plans 3× slower).
  await sql`analyze parcels`.execute(database.db);
  await sql`analyze parcel_inspections`.execute(database.db);
  // The same scoring before any model is trained: what the model's term costs, in the same run.
  await scoreParcels(database, ACTOR, PERIOD);
  const withoutModel = await timed(() => scoreParcels(database, ACTOR, PERIOD));
  if (withoutModel.result.model !== null) throw new Error('a parcel model was active before training');
  const trained = await timed(() => trainParcelModel(database, ACTOR, { to: day(-1), activate: true }));
  const m = trained.result;
  const h = m.metrics.holdout as {
    auc: number;
    precision_at_referral: number;
    referral_rate: number;
    base_rate: number;
  };
  ctx.report({
    name: `parcel model training on ${m.parcels.toLocaleString('en-US')} outcomes (${m.frauds} frauds), read + train + store (${label})`,
    value: trained.ms / 1000,
    unit: 's',
    note: `hold-out AUC ${h.auc.toFixed(3)}, precision ${(h.precision_at_referral * 100).toFixed(0)} % at ${(h.referral_rate * 100).toFixed(1)} % (fraud rate ${(h.base_rate * 100).toFixed(1)} %)`,
  });
  await sql`analyze parcels`.execute(database.db);

  // Warm-up on the third, then the memory comparison (third, then all), then the timed run and the read baseline.
  await scoreParcels(database, ACTOR, THIRD);
  const small = await withMemory(() => scoreParcels(database, ACTOR, THIRD));
  const memory = await withMemory(() => scoreParcels(database, ACTOR, PERIOD));
  const all = await timed(() => scoreParcels(database, ACTOR, PERIOD));
  const read = await timed(() => plainRead(database, PERIOD));
  const s = all.result;
  if (s.parcels !== count || read.result !== count)
    throw new Error(`scored ${s.parcels}, read ${read.result}, expected ${count}`);
  const rate = s.parcels / (all.ms / 1000);
  const readRate = read.result / (read.ms / 1000);
  ctx.report({
    name: `pre-arrival scoring of ${count.toLocaleString('en-US')} parcels: wording + contacts + split orders + model (${label})`,
    value: rate,
    unit: 'parcels/s',
    baseline: { name: 'plain keyset read of the same rows', value: readRate, unit: 'rows/s' },
    ratio: rate / readRate,
    target: label === 'PostgreSQL' ? '≥ 50,000 parcels/s' : undefined,
    note: `${(all.ms / 1000).toFixed(1)} s vs ${(read.ms / 1000).toFixed(1)} s; ${s.referred.toLocaleString('en-US')} referred, ${s.split_orders.toLocaleString('en-US')} split orders (${s.split_order_parcels.toLocaleString('en-US')} parcels), ${s.goods_wording.toLocaleString('en-US')} wording, ${s.linked_online_seller} linked to a seller; model ${s.model ? `${s.model.name} ${s.model.version}` : 'none'}; without a model (same run, before training) ${Math.round(count / (withoutModel.ms / 1000)).toLocaleString('en-US')} parcels/s`,
  });
  ctx.report({
    name: `live heap growth scoring ${count.toLocaleString('en-US')} parcels (${label})`,
    value: memory.liveMb,
    unit: 'MB',
    baseline: {
      name: `scoring ${small.result.parcels.toLocaleString('en-US')} (a third)`,
      value: small.liveMb,
      unit: 'MB',
    },
    ratio: memory.liveMb / Math.max(small.liveMb, 1),
    target: 'flat (ratio ≈ 1)',
    note: `heap after a full collection every 50 ms; peak with garbage ${memory.heapMb.toFixed(0)} MB vs ${small.heapMb.toFixed(0)} MB; RSS growth ${memory.rssMb.toFixed(0)} MB vs ${small.rssMb.toFixed(0)} MB${label === 'PGlite' ? ' (PGlite runs in this process: its memory is in the RSS)' : ''}`,
  });
}

const suite: BenchSuite = {
  name: 'parcels',
  description:
    'pre-arrival scoring of 1,000,000 parcels against a plain read; parcel import against psql \\copy',
  async run(ctx) {
    const pgCount = ctx.quick ? 100_000 : 1_000_000;
    const pgliteCount = ctx.quick ? 20_000 : 100_000;
    if (ctx.postgresUrl) {
      const file = join(ctx.tmpDir, `parcels-${pgCount}.csv`);
      const written = await timed(() => writeParcels(file, pgCount));
      ctx.log(
        `${pgCount.toLocaleString('en-US')} parcel lines generated in ${(written.ms / 1000).toFixed(1)} s`,
      );
      try {
        await withSchema(ctx.postgresUrl, async (schema) => {
          const database = await openDatabase({ url: ctx.postgresUrl!, schema });
          const copyFloor = async () => {
            const dump = join(ctx.tmpDir, 'parcels-floor.tsv');
            const env = { ...process.env, PGOPTIONS: `-c search_path=${schema}` };
            const psql = (...commands: string[]) =>
              exec(
                'psql',
                [ctx.postgresUrl!, '-v', 'ON_ERROR_STOP=1', '-q', ...commands.flatMap((c) => ['-c', c])],
                {
                  env,
                },
              );
            await psql(`\\copy parcels to '${dump}'`);
            await psql('create table parcels_copy (like parcels including all)');
            const started = performance.now();
            await psql(`\\copy parcels_copy from '${dump}'`);
            const ms = performance.now() - started;
            await psql('drop table parcels_copy');
            rmSync(dump, { force: true });
            return ms;
          };
          try {
            await figures(ctx, database, 'PostgreSQL', pgCount, file, copyFloor);
          } finally {
            await database.close();
          }
        });
      } finally {
        rmSync(file, { force: true });
      }
    } else ctx.skip('PostgreSQL figures: no server answers');

    const file = join(ctx.tmpDir, `parcels-${pgliteCount}.csv`);
    await writeParcels(file, pgliteCount);
    const dataDir = join(ctx.tmpDir, 'pglite');
    rmSync(dataDir, { recursive: true, force: true });
    const database = await openDatabase({ dataDir });
    try {
      await figures(ctx, database, 'PGlite', pgliteCount, file);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(file, { force: true });
    }
  },
};

export default suite;
