/**
 * The benchmark harness shared by every suite in bench/suites/.
 *
 * A suite measures its subject and a baseline in the same run and reports both, so the figures read as ratios
 * that survive a slower or busier machine. Suites skip (with a reason) what the machine cannot run, for example
 * PostgreSQL when no server answers or XGBoost when python3-xgboost is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One measured figure. `ratio` compares it with a baseline measured in the same run (higher is better unless said). */
export interface BenchFigure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  ratio?: number;
  target?: string;
  note?: string;
}

export interface BenchContext {
  /** Scratch folder for this suite, emptied by nobody: suites name their files. */
  tmpDir: string;
  /** `../shared/data/customs-declarations` when present (the project must still run without it). */
  sharedDataDir: string | undefined;
  /** PostgreSQL URL when a server answers (VIGIE_BENCH_DATABASE_URL, else VIGIE_TEST_DATABASE_URL). */
  postgresUrl: string | undefined;
  /** `--quick`: smaller inputs, for a smoke run. */
  quick: boolean;
  report(figure: Omit<BenchFigure, 'suite'>): void;
  log(message: string): void;
  skip(reason: string): void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

export function sharedDataDir(): string | undefined {
  const dir = resolve(repoRoot, '..', 'shared', 'data', 'customs-declarations');
  return existsSync(join(dir, 'train.csv')) ? dir : undefined;
}

export function benchTmpDir(suite: string): string {
  const dir = join(repoRoot, '.bench', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Wall-clock milliseconds of `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
