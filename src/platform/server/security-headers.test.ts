/**
 * Every answer carries the security headers, whatever answers it: a page of the workbench (a file, or index.html
 * for a browser route), an API answer or error, and the Swagger UI at /docs with its one allowance.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithToken } from '../../../test/auth.ts';
import { openTestDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { registry } from '../../app/modules.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { JobQueue } from '../jobs/queue.ts';
import { createLogger } from '../lib/logger.ts';
import { buildApp } from './app.ts';
import { docsContentSecurityPolicy } from './security-headers.ts';

const files = tempFiles();

/** A Content-Security-Policy header as directive → sources. */
function policy(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const STRICT = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

describe('security headers', () => {
  let database: Database;
  let close: () => Promise<void>;
  const apps: { app: FastifyInstance; jobs: JobQueue }[] = [];
  let app: FastifyInstance;
  let headers: Record<string, string>;

  async function start(overrides: { cookieSecure?: boolean } = {}) {
    const web = join(files.dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
    // A built chunk (content-hashed name) with the compressed copies the build writes beside it.
    const chunk = `export const text = '${'vigie '.repeat(400)}';`;
    writeFileSync(join(web, 'assets', 'index-Ci_uf0Oh.js'), chunk);
    writeFileSync(join(web, 'assets', 'index-Ci_uf0Oh.js.br'), brotliCompressSync(chunk));
    writeFileSync(join(web, 'assets', 'index-Ci_uf0Oh.js.gz'), gzipSync(chunk));
    const config = loadConfig({ dataDir: files.dir, ...overrides });
    const logger = createLogger('silent');
    const jobs = new JobQueue(database, config, logger, registry);
    const started = await buildApp({ registry, database, config, logger, jobs, web: true, webDir: web });
    await started.ready();
    apps.push({ app: started, jobs });
    return started;
  }

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    database = opened.database;
    close = opened.close;
    headers = (await userWithToken(database, ['analyst'])).headers;
    app = await start();
  });
  afterAll(async () => {
    for (const a of apps) {
      await a.app.close();
      await a.jobs.stop();
    }
    await close?.();
  });

  const get = (url: string, extra: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...extra } });

  it('are on the pages of the workbench: its files and the page of any browser route', async () => {
    for (const url of ['/', '/selection?office=301', '/declarations/%3Cimg%3E', '/assets/app.js']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(policy(response.headers['content-security-policy']), url).toEqual(STRICT);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      // Over plain HTTP: no HSTS, no upgrade of requests that would then fail.
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    expect((await get('/')).body).toContain('<script type="module" src="/assets/app.js">');
  });

  it('serve a built chunk compressed as the browser accepts it, cached for a year; pages revalidated', async () => {
    const plain = await get('/assets/index-Ci_uf0Oh.js', { 'accept-encoding': 'identity' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/assets/index-Ci_uf0Oh.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await get('/assets/index-Ci_uf0Oh.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // index.html names the current chunks: always asked again; so is a file without a content hash.
    for (const url of ['/', '/selection?office=301', '/assets/app.js'])
      expect((await get(url)).headers['cache-control'], url).toBe('no-cache');
    expect(policy(br.headers['content-security-policy'])).toEqual(STRICT);
  });

  it('are on API answers and errors', async () => {
    const answers = [
      await get('/health', { accept: 'application/json' }),
      await get('/api/declarations', { accept: 'application/json', ...headers }),
      await get('/api/declarations', { accept: 'application/json' }),
      await get('/api/nowhere', { accept: 'application/json' }),
      await get('/api/declarations?limit=nope', { accept: 'application/json', ...headers }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 400]);
    for (const response of answers) {
      expect(policy(response.headers['content-security-policy'])).toEqual(STRICT);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('let the Swagger UI at /docs show its data: icons, and nothing more', async () => {
    for (const url of [
      '/docs/',
      '/docs/static/swagger-initializer.js',
      '/docs/static/swagger-ui.css',
      '/docs/json',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(policy(response.headers['content-security-policy']), url).toEqual({
        ...STRICT,
        'img-src': ["'self'", 'blob:', 'data:'],
      });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    expect(docsContentSecurityPolicy("default-src 'self';img-src 'self' blob:;object-src 'none'")).toBe(
      "default-src 'self';img-src 'self' blob: data:;object-src 'none'",
    );
  });

  it('upgrade requests and ask for HTTPS only when served behind TLS', async () => {
    const tls = await start({ cookieSecure: true });
    const response = await tls.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(policy(response.headers['content-security-policy'])).toEqual({
      ...STRICT,
      'upgrade-insecure-requests': [],
    });
    expect(response.headers['strict-transport-security']).toBe('max-age=15552000');
  });
});
