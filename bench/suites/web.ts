/**
 * The workbench over a slow link (issue 15): the first load of the dashboard by a signed-in analyst with an empty
 * browser cache, in Debian's Chromium with the network throttled to 1.6 Mbit/s (a customs post's link) and to
 * 9 Mbit/s, from the request of the page until its figures and charts are drawn; against the same load with the
 * files sent uncompressed (the browser asking for `identity`, as before the build wrote compressed copies), in the
 * same run. Also the bytes carried. Target: under 5 s at 1.6 Mbit/s.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadDemo } from '../../src/app/demo/demo.ts';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { SESSION_COOKIE } from '../../src/platform/auth/hook.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { bundleSize, ensureWebBuilt } from '../../src/platform/server/web.ts';
import type { BenchSuite } from '../harness.ts';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const LINKS = [
  { name: '1.6 Mbit/s', bitsPerSecond: 1.6e6, latencyMs: 150 },
  { name: '9 Mbit/s', bitsPerSecond: 9e6, latencyMs: 40 },
];

const suite: BenchSuite = {
  name: 'web',
  description: 'the first dashboard load over a throttled link, compressed against uncompressed',
  async run(ctx) {
    if (!existsSync(CHROMIUM)) return ctx.skip(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    const logger = createLogger('silent');
    if (!(await ensureWebBuilt(logger))) return ctx.skip('the workbench could not be built');
    const dataDir = join(ctx.tmpDir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database, registry.migrations);
    await loadDemo(database);
    const password = (await createDemoUsers(database, ctx.tmpDir))!.password;
    const config = loadConfig({ dataDir: ctx.tmpDir });
    const jobs = new JobQueue(database, config, logger, registry);
    const app = await buildApp({ registry, database, config, logger, jobs, web: true });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: base },
      payload: { username: 'analyst', password },
    });
    const session = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    if (!session) throw new Error(`could not sign in: ${login.statusCode} ${login.body}`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    try {
      const load = async (link: (typeof LINKS)[number], compressed: boolean) => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
        await context.addCookies([{ name: SESSION_COOKIE, value: session, url: base }]);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: link.latencyMs,
          downloadThroughput: link.bitsPerSecond / 8,
          uploadThroughput: link.bitsPerSecond / 8,
        });
        if (!compressed)
          await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
        let bytes = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          bytes += e.encodedDataLength;
        });
        const started = performance.now();
        await page.goto(base, { timeout: 120_000 });
        await page.getByTestId('stat-declarations').waitFor({ timeout: 120_000 });
        await page.locator('canvas').first().waitFor({ timeout: 120_000 });
        const ms = performance.now() - started;
        await context.close();
        return { ms, bytes };
      };
      // A first load unthrottled, so that the server's own first-request costs are not counted.
      await load({ name: 'warm-up', bitsPerSecond: 1e9, latencyMs: 0 }, true);
      const size = bundleSize();
      for (const link of LINKS) {
        const plain = await load(link, false);
        const packed = await load(link, true);
        ctx.report({
          name: `first dashboard load at ${link.name} (${link.latencyMs} ms latency), empty cache`,
          value: packed.ms / 1000,
          unit: 's',
          baseline: { name: 'the same, files sent uncompressed', value: plain.ms / 1000, unit: 's' },
          ratio: plain.ms / packed.ms,
          ...(link.bitsPerSecond < 2e6 ? { target: '< 5 s' } : {}),
          note: `${Math.round(packed.bytes / 1024)} kB carried (uncompressed ${Math.round(plain.bytes / 1024)} kB); bundle ${size.js_kb} kB of JavaScript in ${size.chunks} chunks, ${size.css_kb} kB of CSS`,
        });
      }
    } finally {
      await browser.close();
      await app.close();
      await jobs.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
