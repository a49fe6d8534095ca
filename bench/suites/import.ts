/**
 * Import speed and memory.
 * - PostgreSQL: `vigie import declarations` of ten copies of the KCS train split with distinct declaration ids
 *   (373,850 rows), as a whole command, against `psql \copy` of the same file into a plain one-table copy on the
 *   same server in the same run. For context, also `\copy` of the rows Vigie wrote (declarations, items, outcomes,
 *   the same indexes) into a fresh schema: the floor any importer into these tables meets.
 * - PGlite: the same command on the embedded database.
 * - Memory: peak RSS of the command on a generated 1,000,000-row file, against a 100,000-row one (flat = same peak).
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchContext, type BenchSuite, repoRoot } from '../harness.ts';
import { withSchema } from '../postgres.ts';

const exec = promisify(execFile);
const BIN = join(repoRoot, 'bin', 'vigie.js');

/** `copies` copies of train.csv (or a synthetic stand-in), each id suffixed so all stay distinct. */
async function writeCopies(source: string | undefined, target: string, rows: number): Promise<number> {
  if (existsSync(target) && statSync(target).size > 0) {
    const lines = readFileSync(target, 'utf8').split('\n').length - 2;
    if (lines === rows) return rows;
  }
  const out = createWriteStream(target);
  let header: string;
  let body: string[];
  if (source) {
    const text = readFileSync(source, 'utf8').trimEnd().split('\n');
    header = text[0]!;
    body = text.slice(1);
  } else {
    const { kcsCsv } = await import('../../test/factories.ts');
    const text = kcsCsv(40_000).trimEnd().split('\n');
    header = text[0]!;
    body = text.slice(1);
  }
  out.write(`${header}\n`);
  let written = 0;
  for (let copy = 0; written < rows; copy++) {
    let chunk = '';
    for (const line of body) {
      if (written >= rows) break;
      const comma = line.indexOf(',');
      chunk += `${line.slice(0, comma)}-${copy}${line.slice(comma)}\n`;
      written++;
    }
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return written;
}

interface CommandRun {
  ms: number;
  maxRssKb: number | undefined;
  stdout: string;
}

/** Runs the vigie command under GNU time (when present) for its peak RSS. */
async function runVigie(args: string[], env: NodeJS.ProcessEnv): Promise<CommandRun> {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = performance.now();
  const { stdout, stderr } = timeBin
    ? await exec(timeBin, ['-f', 'maxrss=%M', process.execPath, BIN, ...args], { env, maxBuffer: 1 << 26 })
    : await exec(process.execPath, [BIN, ...args], { env, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  const rss = /maxrss=(\d+)/.exec(stderr);
  return { ms, maxRssKb: rss ? Number(rss[1]) : undefined, stdout };
}

async function psql(url: string, schema: string, ...commands: string[]): Promise<number> {
  const started = performance.now();
  const args = commands.flatMap((c) => (c.startsWith('--') ? [c] : ['-c', c]));
  await exec('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', ...args], {
    env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
  });
  return performance.now() - started;
}

const PLAIN_TABLE = `create table plain_copy (declaration_id text, date date, office_id text, process_type text,
  import_type text, import_use text, payment_type text, mode_of_transport text, declarant_id text, importer_id text,
  seller_id text, courier_id text, hs6_code text, country_of_departure text, country_of_origin text, tax_rate numeric,
  tax_type text, country_of_origin_indicator text, net_mass numeric, item_price numeric, fraud int, critical_fraud int)`;

async function postgresFigures(ctx: BenchContext, url: string, file: string, rows: number): Promise<void> {
  const hasPsql = await exec('psql', ['--version']).then(
    () => true,
    () => false,
  );
  if (!hasPsql) {
    ctx.skip('psql is not installed: no \\copy baseline');
    return;
  }
  const copyMs = await withSchema(url, async (schema) => {
    await psql(url, schema, PLAIN_TABLE);
    return psql(url, schema, `\\copy plain_copy from '${file}' csv header`);
  });
  const copyRate = rows / (copyMs / 1000);

  const { run, floorMs } = await withSchema(url, async (schema, scoped) => {
    const env = { ...process.env, VIGIE_DATABASE_URL: scoped, VIGIE_LOG_LEVEL: 'warn' };
    await runVigie(['db', 'migrate'], env);
    const result = await runVigie(
      ['import', 'declarations', file, '--profile', 'kcs', '--no-progress', '--json'],
      env,
    );
    const summary = JSON.parse(result.stdout) as { ok: boolean; rowsRead: number };
    if (!summary.ok || summary.rowsRead !== rows)
      throw new Error(`import failed: ${result.stdout.slice(0, 500)}`);
    // The floor: the rows Vigie wrote, copied back with psql into empty tables with the same schema.
    const dump = join(ctx.tmpDir, 'floor');
    for (const table of ['declarations', 'declaration_items', 'inspection_outcomes']) {
      await psql(url, schema, `\\copy ${table} to '${dump}-${table}.tsv'`);
    }
    await psql(url, schema, 'truncate declarations, declaration_items, inspection_outcomes cascade');
    const started = performance.now();
    await psql(
      url,
      schema,
      '--single-transaction',
      ...['declarations', 'declaration_items', 'inspection_outcomes'].map(
        (t) => `\\copy ${t} from '${dump}-${t}.tsv'`,
      ),
    );
    const floor = performance.now() - started;
    for (const table of ['declarations', 'declaration_items', 'inspection_outcomes'])
      rmSync(`${dump}-${table}.tsv`);
    return { run: result, floorMs: floor };
  });
  const rate = rows / (run.ms / 1000);
  ctx.report({
    name: `PostgreSQL import, whole command (${rows.toLocaleString('en-US')} rows)`,
    value: rate,
    unit: 'rows/s',
    baseline: { name: 'psql \\copy into one plain table', value: copyRate, unit: 'rows/s' },
    ratio: rate / copyRate,
    target: '≥ 0.5',
    note: `${(run.ms / 1000).toFixed(1)} s vs ${(copyMs / 1000).toFixed(1)} s`,
  });
  const floorRate = rows / (floorMs / 1000);
  ctx.report({
    name: 'floor: psql \\copy of the same normalised rows into the indexed tables',
    value: floorRate,
    unit: 'rows/s',
    baseline: { name: 'psql \\copy into one plain table', value: copyRate, unit: 'rows/s' },
    ratio: floorRate / copyRate,
    note: `${(floorMs / 1000).toFixed(1)} s; the import reaches ${((rate / floorRate) * 100).toFixed(0)} % of it`,
  });
}

async function pgliteFigure(ctx: BenchContext, file: string, rows: number, label: string): Promise<void> {
  const dataDir = join(ctx.tmpDir, 'pglite');
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'warn' };
  delete env.VIGIE_DATABASE_URL;
  await runVigie(['db', 'migrate'], env);
  const run = await runVigie(
    ['import', 'declarations', file, '--profile', 'kcs', '--no-progress', '--json'],
    env,
  );
  const summary = JSON.parse(run.stdout) as { ok: boolean; rowsRead: number };
  if (!summary.ok) throw new Error('PGlite import failed');
  ctx.report({
    name: `PGlite import, whole command (${label})`,
    value: rows / (run.ms / 1000),
    unit: 'rows/s',
    note: `${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.maxRssKb ? Math.round(run.maxRssKb / 1024) : '?'} MB`,
  });
  rmSync(dataDir, { recursive: true, force: true });
}

async function memoryFigures(ctx: BenchContext, source: string | undefined): Promise<void> {
  const sizes = ctx.quick ? [20_000, 100_000] : [100_000, 1_000_000];
  const peaks: number[] = [];
  for (const size of sizes) {
    const file = join(ctx.tmpDir, `generated-${size}.csv`);
    await writeCopies(source, file, size);
    const run = ctx.postgresUrl
      ? await withSchema(ctx.postgresUrl, async (_schema, scoped) => {
          const env = { ...process.env, VIGIE_DATABASE_URL: scoped, VIGIE_LOG_LEVEL: 'warn' };
          return runVigie(
            ['import', 'declarations', file, '--profile', 'kcs', '--no-progress', '--json'],
            env,
          );
        })
      : await (async () => {
          const dataDir = join(ctx.tmpDir, `pglite-${size}`);
          rmSync(dataDir, { recursive: true, force: true });
          const env: NodeJS.ProcessEnv = { ...process.env, VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'warn' };
          delete env.VIGIE_DATABASE_URL;
          try {
            return await runVigie(
              ['import', 'declarations', file, '--profile', 'kcs', '--no-progress', '--json'],
              env,
            );
          } finally {
            rmSync(dataDir, { recursive: true, force: true });
          }
        })();
    if (run.maxRssKb === undefined) {
      ctx.skip('GNU time (/usr/bin/time) is missing: no peak RSS');
      return;
    }
    peaks.push(run.maxRssKb / 1024);
    ctx.log(
      `${size.toLocaleString('en-US')} rows: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(run.maxRssKb / 1024)} MB`,
    );
  }
  ctx.report({
    name: `peak RSS importing ${sizes[1]!.toLocaleString('en-US')} rows (${ctx.postgresUrl ? 'PostgreSQL' : 'PGlite'})`,
    value: peaks[1]!,
    unit: 'MB',
    baseline: { name: `${sizes[0]!.toLocaleString('en-US')} rows`, value: peaks[0]!, unit: 'MB' },
    ratio: peaks[1]! / peaks[0]!,
    target: '< 400 MB, ratio ≈ 1 (flat)',
  });
}

const suite: BenchSuite = {
  name: 'import',
  description: 'declaration import speed against psql \\copy, PGlite speed, memory on 1,000,000 rows',
  async run(ctx) {
    const source = ctx.sharedDataDir ? join(ctx.sharedDataDir, 'train.csv') : undefined;
    if (!source) ctx.log('../shared data not found: using generated KCS-shaped rows');
    const rows = ctx.quick ? 37_385 : 373_850;
    const file = join(ctx.tmpDir, `kcs-${rows}.csv`);
    await writeCopies(source, file, rows);
    if (ctx.postgresUrl) await postgresFigures(ctx, ctx.postgresUrl, file, rows);
    else ctx.skip('no PostgreSQL: the \\copy comparison needs a server');
    const small = join(ctx.tmpDir, 'kcs-37385.csv');
    await writeCopies(source, small, 37_385);
    await pgliteFigure(
      ctx,
      ctx.quick ? small : file,
      ctx.quick ? 37_385 : rows,
      `${(ctx.quick ? 37_385 : rows).toLocaleString('en-US')} rows`,
    );
    await memoryFigures(ctx, source);
  },
};

export default suite;
