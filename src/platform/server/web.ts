/**
 * The workbench (web/, React + Vite) served at / by the API process: built files from web/dist, and index.html for
 * any other non-API page so that the browser's routes work on reload. The build is made, or remade when the
 * sources are newer, at start (Vite takes a few seconds); an installation without the build tools serves what
 * web/dist holds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../lib/logger.ts';
import { INSTALL_DIR } from '../lib/paths.ts';

export const WEB_DIR = join(INSTALL_DIR, 'web');
const DIST = join(WEB_DIR, 'dist');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * Runs `work` holding a lock folder, so that processes starting together (two API processes, two browser test
 * files) do not build into web/dist at once: one would empty the folder while the other serves it. A lock older
 * than ten minutes was left by a process that died: it is taken over. Without a place for the lock (a read-only
 * installation), the work runs unlocked.
 */
export async function withBuildLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return work();
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface WebBuildOptions {
  /**
   * Run before a build, only when one is needed: a message refuses the build (the previous one, if any, is
   * served), as `npm run build:web` refuses it. `vigie serve` checks there that web/src/api/schema.gen.ts matches
   * the API's schemas (a second app and a hash: about a second, beside the build's several).
   */
  check?: () => Promise<string | null>;
}

/** Builds the workbench when web/dist is missing or older than its sources. */
export async function ensureWebBuilt(logger: Logger, options: WebBuildOptions = {}): Promise<boolean> {
  const index = join(DIST, 'index.html');
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')].filter(
    existsSync,
  );
  if (sources.length === 0) return existsSync(index);
  const stale = () => !existsSync(index) || Math.max(...sources.map(newest)) > statSync(index).mtimeMs;
  if (!stale()) return true;
  // Another process may have built it while this one waited for the lock.
  return withBuildLock(join(WEB_DIR, '.build-lock'), async () =>
    stale() ? build(logger, index, options) : true,
  );
}

async function build(logger: Logger, index: string, options: WebBuildOptions): Promise<boolean> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    logger.warn('the web workbench is not built and Vite is not installed: serving the API only');
    return existsSync(index);
  }
  const refused = await options.check?.();
  if (refused) {
    logger.error(`the web workbench was not rebuilt: ${refused}; serving the previous build, if any`);
    return existsSync(index);
  }
  const started = Date.now();
  try {
    await vite.build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    // The API must not go down with a broken web build: serve the previous build, if any.
    logger.error({ err: error }, 'the web workbench did not build: serving the previous build, if any');
    return existsSync(index);
  }
  const size = bundleSize();
  logger.info(
    { ms: Date.now() - started, ...size, largest: size.largest.map((f) => `${f.file} ${f.gzip_kb} kB gz`) },
    `web workbench built: ${size.js_kb} kB of JavaScript (${size.js_gzip_kb} kB gzipped), ${size.css_kb} kB of CSS`,
  );
  return true;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The production bundle's size: JavaScript and CSS, raw and gzipped, and its largest chunks. */
export function bundleSize(dir = join(DIST, 'assets')) {
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const measured = files
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
    });
  const js = measured.filter((f) => f.file.endsWith('.js'));
  const css = measured.filter((f) => f.file.endsWith('.css'));
  const sum = (list: typeof measured, key: 'bytes' | 'gzip') => list.reduce((n, f) => n + f[key], 0);
  return {
    js_kb: kb(sum(js, 'bytes')),
    js_gzip_kb: kb(sum(js, 'gzip')),
    css_kb: kb(sum(css, 'bytes')),
    chunks: js.length,
    largest: [...js]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((f) => ({ file: f.file, kb: kb(f.bytes), gzip_kb: kb(f.gzip) })),
  };
}

/**
 * Built files are named by their content hash (`assets/name-HASH.js`): a browser may keep them for a year without
 * asking again. Everything else (index.html, which names the current hashes) is revalidated on every visit.
 */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{6,}(\.[a-z0-9]+)+$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * Serves web/dist: the brotli or gzip copy written beside each file at build time (web/vite.config.ts) when the
 * browser accepts it, so that a customs post's slow link carries a quarter of the bytes.
 */
export async function serveWeb(app: FastifyInstance, dir = DIST): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => res.setHeader('cache-control', cacheControlFor(path)),
  });
  return true;
}

/** True when a request that matched no route should get the workbench's index.html. */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  if (/^\/(api|docs|health|metrics)(\/|$)/.test(path)) return false;
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
