/**
 * `npm run bench [-- SUITE…] [--quick]`: runs the benchmark suites of bench/suites/ and prints every figure with
 * its baseline and ratio. Results are also written to .bench/results.json.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type BenchContext,
  type BenchFigure,
  type BenchSuite,
  benchTmpDir,
  formatNumber,
  repoRoot,
  sharedDataDir,
} from './harness.ts';
import { postgresAnswers } from './postgres.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));

const suiteDir = join(repoRoot, 'bench', 'suites');
const files = readdirSync(suiteDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const suites: BenchSuite[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(suiteDir, file)).href)) as { default: BenchSuite };
  suites.push(mod.default);
}
const selected = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
if (wanted.length && selected.length !== wanted.length) {
  const known = suites.map((s) => s.name).join(', ');
  console.error(`unknown suite in ${wanted.join(', ')}; known suites: ${known}`);
  process.exit(2);
}

// This machine and CI run PostgreSQL on 127.0.0.1:5432 (trust auth, database test): use it unless told otherwise.
const candidateUrl =
  process.env.VIGIE_BENCH_DATABASE_URL ??
  process.env.VIGIE_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const postgresUrl = candidateUrl && (await postgresAnswers(candidateUrl)) ? candidateUrl : undefined;
const figures: BenchFigure[] = [];
const skipped: { suite: string; reason: string }[] = [];

console.log(`vigie bench — node ${process.version}, ${quick ? 'quick' : 'full'} run`);
console.log(
  `PostgreSQL: ${postgresUrl ? postgresUrl.replace(/:[^:@/]*@/, ':***@') : 'not available (set VIGIE_BENCH_DATABASE_URL)'}`,
);
console.log(`shared data: ${sharedDataDir() ?? 'not found (../shared/data/customs-declarations)'}\n`);

for (const suite of selected) {
  console.log(`▶ ${suite.name}: ${suite.description}`);
  const ctx: BenchContext = {
    tmpDir: benchTmpDir(suite.name),
    sharedDataDir: sharedDataDir(),
    postgresUrl,
    quick,
    report(figure) {
      const full = { suite: suite.name, ...figure };
      figures.push(full);
      let line = `  ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`;
      if (figure.baseline) {
        line += `  | ${figure.baseline.name}: ${formatNumber(figure.baseline.value)} ${figure.baseline.unit}`;
      }
      if (figure.ratio !== undefined) line += `  | ratio ${figure.ratio.toFixed(2)}`;
      if (figure.target) line += `  | target ${figure.target}`;
      if (figure.note) line += `  (${figure.note})`;
      console.log(line);
    },
    log(message) {
      console.log(`  · ${message}`);
    },
    skip(reason) {
      skipped.push({ suite: suite.name, reason });
      console.log(`  – skipped: ${reason}`);
    },
  };
  try {
    await suite.run(ctx);
  } catch (error) {
    console.error(`  ✖ ${suite.name} failed:`, error);
    process.exitCode = 1;
  }
  console.log('');
}

writeFileSync(
  join(repoRoot, '.bench', 'results.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, quick, figures, skipped }, null, 2),
);
console.log(`results written to .bench/results.json (${figures.length} figures, ${skipped.length} skipped)`);
