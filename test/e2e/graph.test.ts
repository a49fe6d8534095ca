/**
 * Link analysis in a real browser (Debian's Chromium driven by playwright-core, headless), on the planted network
 * (src/modules/graph/testing/network.ts) and a graph build: from a confirmed online alert's seller, through the
 * shared phone, to the importing company, its declarations and its storage city; the path between seller and
 * company; a merge suggestion accepted; a hostile seller name that must stay text; the chart as PNG; and a chart of
 * 2,000 nodes dragged while the longest frame is recorded (printed as a figure, never asserted). Screenshots go to
 * .e2e/screenshots/graph-*.png.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { buildGraph } from '../../src/modules/graph/index.ts';
import { type EntityInput, type LinkInput, writeBatch } from '../../src/modules/graph/store.ts';
import { PLANTED, plantNetwork } from '../../src/modules/graph/testing/network.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { bundleSize, ensureWebBuilt } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';
import { PROBE_SCRIPT, report } from './probes.ts';

// How long a page may take to show what it should: generous, for a loaded machine (a condition, not a timing).
const WAIT = { timeout: 20_000 };

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots');
const files = tempFiles();

/** A seller name that would run script if it were ever put into the page as HTML. */
const HOSTILE = '<img src=x onerror="window.__xss=1">HighCopy Fake';
/** The big chart: one company, 200 managers, each with 9 phones (2,001 entities at depth 2). */
const STRESS = { company: 'STRESSIMP', persons: 200, phonesEach: 9 };

describe.runIf(existsSync(CHROMIUM))('link analysis in a browser', () => {
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let browser: Browser;
  let page: Page;
  let base = '';
  const dialogs: string[] = [];
  const refusals: string[] = [];

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    close = opened.close;
    const database = opened.database;
    await plantNetwork(database);
    await buildGraph(database);
    // A hostile online seller sharing the planted phone, as a collection could have named it.
    await writeBatch(database.db, {
      entities: [
        {
          type: 'online_seller',
          key: '9999',
          label: HOSTILE,
          source_table: 'osint_sellers',
          source_id: '9999',
        },
      ],
      links: [
        {
          from: { type: 'online_seller', key: '9999' },
          to: { type: 'phone', key: PLANTED.phone },
          type: 'has_phone',
          source_table: 'osint_sellers',
          source_id: '9999',
          first_seen: '2026-10-03',
          last_seen: '2026-10-03',
        },
      ],
    });
    // The 2,000-node network.
    const entities: EntityInput[] = [{ type: 'company', key: STRESS.company, label: 'Stress Import' }];
    const links: LinkInput[] = [];
    for (let p = 0; p < STRESS.persons; p++) {
      const person = { type: 'person' as const, key: `stress person ${p}` };
      entities.push({ ...person, label: `Manager ${p}` });
      links.push({
        from: person,
        to: { type: 'company' as const, key: STRESS.company },
        type: 'manager_of',
        source_table: 'companies',
        source_id: STRESS.company,
      });
      for (let k = 0; k < STRESS.phonesEach; k++) {
        const phone = { type: 'phone' as const, key: `+2126${String(p * 10 + k).padStart(8, '0')}` };
        entities.push({ ...phone, label: phone.key });
        links.push({
          from: person,
          to: phone,
          type: 'has_phone',
          source_table: 'companies',
          source_id: STRESS.company,
        });
      }
    }
    await writeBatch(database.db, { entities, links });
    const password = (await createDemoUsers(database, files.dir))!.password;
    const config = loadConfig({ dataDir: files.dir });
    const logger = createLogger('silent');
    jobs = new JobQueue(database, config, logger, registry);
    await jobs.start({ work: true });
    await ensureWebBuilt(logger);
    const size = bundleSize();
    console.log(
      `workbench bundle: ${size.js_kb} kB of JavaScript in ${size.chunks} chunks (${size.js_gzip_kb} kB gzipped); largest: ${size.largest.map((f) => `${f.file} ${f.gzip_kb} kB gz`).join(', ')}`,
    );
    app = await buildApp({ registry, database, config, logger, jobs, web: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    page.setDefaultTimeout(15_000);
    await page.addInitScript({ content: PROBE_SCRIPT });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Refused to/i.test(message.text())) refusals.push(message.text());
    });
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(base);
    await page.getByLabel("Nom d'utilisateur").fill('investigator');
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Graphe des liens' }).waitFor(WAIT);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `graph-${name}.png`), fullPage: false });
  const nodeButton = (name: RegExp | string) =>
    page.getByTestId('graph-node-list').getByRole('button', { name });

  async function expectNothingRan(where: string) {
    const seen = await report(page);
    expect(dialogs, `${where}: dialogs`).toEqual([]);
    expect(seen.xss, `${where}: window.__xss`).toBeUndefined();
    expect(seen.injected, `${where}: elements able to run script`).toEqual([]);
    expect(seen.violations, `${where}: CSP refusals seen by the page`).toEqual([]);
    expect(refusals, `${where}: CSP refusals in the console`).toEqual([]);
  }

  it('goes from a confirmed alert’s seller to the link chart, through the phone to the importer', async () => {
    await page.goto(`${base}/osint/alerts?status=confirmed`);
    await page.getByTestId('decision').first().waitFor(WAIT);
    await shot('alert');
    await page.goto(`${base}/osint/sellers?q=highcopy`);
    await page.getByTestId('seller-row').first().click();
    await page.getByTestId('seller-graph-link').click();
    await nodeButton(/Atlas Trading/)
      .first()
      .waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId('graph-legend').textContent(), WAIT)
      .toContain('Vendeur en ligne');
    // The hostile seller shares the phone: shown as text, on the canvas and in the list, and nothing ran.
    await nodeButton(/HighCopy Fake/).waitFor(WAIT);
    const canvas = page.getByTestId('graph-canvas');
    const box = (await canvas.boundingBox())!;
    for (let x = 0; x < box.width; x += 24)
      for (let y = 0; y < box.height; y += 24) await page.mouse.move(box.x + x, box.y + y);
    await page.mouse.move(1, 1);
    await expectNothingRan('link chart');
    await shot('chart');
  });

  it('highlights the path from the seller to the company, with its evidence', async () => {
    await page.getByRole('combobox', { name: 'Chemin de' }).fill('highcopy');
    await page
      .getByRole('option', { name: /^highcopy/i })
      .first()
      .click();
    await page.getByRole('combobox', { name: 'à', exact: true }).fill('Atlas');
    await page
      .getByRole('option', { name: /Atlas Trading/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Trouver le chemin' }).click();
    const path = page.getByTestId('graph-path');
    await expect.poll(() => path.textContent(), WAIT).toMatch(/Chemin de \d+ liens/);
    expect(await path.textContent()).toContain(PLANTED.phone);
    await shot('path');
    await page.getByRole('switch', { name: 'Colorer les communautés' }).click({ force: true });
    await page.getByText(/^\d+ communautés$/).waitFor(WAIT);
    await page.getByTestId('graph-canvas').scrollIntoViewIfNeeded();
    await shot('communities');
  });

  it('exports the chart as a PNG', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Exporter en PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const saved = join(files.dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(1000);
  });

  it('opens the company: its links with provenance, its declarations, its storage city and the map', async () => {
    await nodeButton(/Atlas Trading/)
      .first()
      .click();
    await page
      .getByTestId('graph-selected')
      .getByRole('link', { name: 'Ouvrir la fiche de l’entité' })
      .click();
    await expect.poll(() => page.getByTestId('entity-title').textContent(), WAIT).toMatch(/Atlas Trading/);
    const links = page.getByTestId('entity-link');
    await expect.poll(() => links.count(), WAIT).toBeGreaterThanOrEqual(3);
    const text = (await page.locator('table').textContent()) ?? '';
    expect(text).toContain('PLANT-0001');
    expect(text).toContain('declarations #PLANT-0001');
    await shot('entity');

    await page.getByTestId('entity-workbench-link').click();
    await page.getByTestId('declaration-row').first().waitFor(WAIT);
    expect(await page.getByTestId('declaration-row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('PLANT-0001'), expect.stringContaining('PLANT-0002')]),
    );
    await shot('declarations');
    await page.goBack();

    await page
      .getByRole('link', { name: /Ain Sebaa/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('entity-title').textContent(), WAIT).toMatch(/Ain Sebaa/);
    await page.getByRole('link', { name: PLANTED.city, exact: true }).first().click();
    await expect.poll(() => page.getByTestId('entity-title').textContent(), WAIT).toBe(PLANTED.city);
    await shot('city');
    await page.locator('label', { hasText: 'العربية' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'الخريطة' }).count(), WAIT).toBe(1);
    // The menu moves to the right with a transition: the page is shown once its heading is clear of it.
    const clear = async () => {
      const title = await page.getByRole('heading', { level: 2 }).boundingBox();
      const menu = await page.getByRole('navigation', { name: 'main' }).boundingBox();
      return Boolean(title && menu && title.x + title.width <= menu.x);
    };
    await expect.poll(clear, WAIT).toBe(true);
    await shot('city-ar');
    await page.locator('label', { hasText: 'Français' }).click();

    await page.getByRole('tab', { name: 'Carte' }).click();
    const casablanca = page.getByTestId('map-city').filter({ hasText: PLANTED.city });
    await expect.poll(() => casablanca.textContent(), WAIT).toMatch(/[1-9]\d* locaux/);
    await expect.poll(() => page.locator('[role=img]:has(canvas)').count(), WAIT).toBeGreaterThanOrEqual(1);
    await shot('map');
    await expectNothingRan('entity pages and map');
  });

  it('proposes merge suggestions and accepts one, with its reasons and score', async () => {
    await page.getByRole('tab', { name: 'Fusions proposées' }).click();
    await page.getByRole('button', { name: 'Chercher de nouvelles propositions' }).click();
    await page.getByTestId('suggestions-proposed').waitFor(WAIT);
    const card = page.getByTestId('suggestion-card').filter({ hasText: PLANTED.managerVariant });
    await card.first().waitFor(WAIT);
    expect(await card.first().textContent()).toContain(PLANTED.manager);
    expect(await card.first().getByTestId('suggestion-score').textContent()).toMatch(/Score 0[.,]\d+/);
    await shot('suggestions');
    await card.first().getByLabel('Note (facultative)').fill('Même gérant, deux graphies');
    await card.first().getByRole('button', { name: 'Accepter (fusionner)' }).click();
    await expect.poll(() => card.count(), WAIT).toBe(0);
    await page.getByText('Acceptées').click();
    const accepted = page.getByTestId('suggestion-card').filter({ hasText: PLANTED.managerVariant });
    await expect.poll(() => accepted.first().textContent(), WAIT).toContain('Même gérant, deux graphies');
    await shot('suggestion-accepted');
  });

  it('keeps a chart of 2,000 nodes interactive (the longest frame while dragging is reported)', async () => {
    await page.goto(`${base}/graph?key=company:${STRESS.company}&depth=2&max=2500`);
    const expected = 1 + STRESS.persons * (1 + STRESS.phonesEach);
    await expect
      .poll(() => page.getByTestId('graph-summary').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^${expected.toLocaleString('fr-FR').replace(/\s/g, '\\s')} entités`));
    await page.getByTestId('graph-large').waitFor({ state: 'attached' });
    const canvas = page.getByTestId('graph-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // Frames while dragging: requestAnimationFrame records the gaps between frames in the page.
    const record = () =>
      page.evaluate(`(() => {
        const w = window;
        w.__frames = [];
        let last = performance.now();
        const tick = (now) => { w.__frames.push(now - last); last = now; if (w.__recording) requestAnimationFrame(tick); };
        w.__recording = true;
        requestAnimationFrame(tick);
      })()`);
    const stop = async () =>
      (await page.evaluate(`(() => { window.__recording = false; return window.__frames; })()`)) as number[];
    const drag = async (x0: number, y0: number) => {
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      for (let i = 1; i <= 40; i++) await page.mouse.move(x0 + i * 6, y0 + i * 3);
      await page.mouse.up();
    };
    const figures = (frames: number[]) => {
      const sorted = [...frames].sort((a, b) => a - b);
      return `longest ${Math.round(sorted.at(-1) ?? 0)} ms, p95 ${Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0)} ms, median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms over ${frames.length} frames`;
    };
    // The centre node (the company, with its 200 links) twice (the first drag builds the renderer's caches), then
    // the background (panning all 2,001 nodes).
    const centre = [box.x + box.width / 2, box.y + box.height / 2] as const;
    await record();
    await drag(...centre);
    const firstFrames = await stop();
    await record();
    await drag(centre[0] + 240, centre[1] + 120);
    const nodeFrames = await stop();
    await record();
    await drag(box.x + 20, box.y + 20);
    const panFrames = await stop();
    const frames = [...firstFrames, ...nodeFrames, ...panFrames];
    console.log(
      `link chart, ${expected} nodes and ${expected - 1} links (headless Chromium without GPU, shared 2-core machine): first drag of a node ${figures(firstFrames)}; dragging it again ${figures(nodeFrames)}; panning ${figures(panFrames)}`,
    );
    expect(frames.length).toBeGreaterThan(10);
    await shot('2000-nodes');
  });
});
