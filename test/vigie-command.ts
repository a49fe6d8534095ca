/**
 * The `vigie` command as a user runs it, for tests: a separate process on a fresh PGlite folder or on a PostgreSQL
 * schema of its own (passed through the connection URL), created before the suite and dropped after it. Call inside
 * a `describe`: it registers the suite's hooks.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Backend } from './db.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'vigie.js');

export function vigieCommand(
  backend: Backend,
  options: { dataDir: string; schemaPrefix: string; timeoutMs: number },
): (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }> {
  // Four-eyes activation off, as in test/app.ts: suites that test it set VIGIE_FOUR_EYES themselves.
  const env: NodeJS.ProcessEnv = { VIGIE_FOUR_EYES: 'false', ...process.env, VIGIE_LOG_LEVEL: 'warn' };
  let schema: string | undefined;
  beforeAll(async () => {
    if (backend === 'postgres') {
      const url = process.env.VIGIE_TEST_DATABASE_URL!;
      schema = `${options.schemaPrefix}_${randomBytes(5).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${schema}`);
      await client.end();
      env.VIGIE_DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    } else env.VIGIE_DATA_DIR = options.dataDir;
  });
  afterAll(async () => {
    if (!schema) return;
    const client = new pg.Client({ connectionString: process.env.VIGIE_TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  });
  return async (...args) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env,
        timeout: options.timeoutMs,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}
