import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** True when a PostgreSQL server answers at `url` within two seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `fn` in a schema of its own on the server at `url` (created, then dropped whatever happens), with a URL
 * whose connections use it (`options=-c search_path=…`).
 */
export async function withSchema<T>(
  url: string,
  fn: (schema: string, scopedUrl: string) => Promise<T>,
): Promise<T> {
  const schema = `vigie_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return await fn(schema, scoped);
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
