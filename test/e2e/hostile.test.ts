/**
 * Stored XSS, end to end: script payloads go into every free-text field the workbench shows (declarations in both
 * formats, the company register, a rule profile's YAML, a campaign, online posts and sellers, a watch term, file
 * names), then an administrator visits every page in Debian's Chromium, hovering every chart so that each tooltip
 * is rendered. Nothing may run: no dialog, `window.__xss` stays undefined, no element able to run script appears
 * in the page, and the Content-Security-Policy refuses nothing (a refusal means a payload got as far as the
 * browser). The payloads must show as text where their fields are shown. Every wait is for a condition.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/demo.ts';
import { trainDemoModel } from '../../src/app/demo/model.ts';
import { loadOsintDemo } from '../../src/app/demo/osint.ts';
import { loadDemoTargeting } from '../../src/app/demo/targeting.ts';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { ensureWebBuilt, WEB_DIR } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';
import {
  CAMPAIGN,
  CAMPAIGN_TEXT,
  EXPORT_NAME,
  IMG,
  IMPORTER,
  INSPECTED_REFERENCE,
  KCS_REFERENCE,
  loadHostileData,
  loadHostileHistory,
  MIX,
  nativeDeclarations,
  REFERENCE,
  RULE_TITLE,
  SOURCE,
  SVG,
  selectHostileDay,
  UPLOAD_NAME,
} from './hostile-data.ts';
import { hoverEveryChart, PROBE_SCRIPT, report } from './probes.ts';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const files = tempFiles();

describe.runIf(existsSync(CHROMIUM))('hostile data in the workbench', () => {
  let close: () => Promise<void>;
  let database: Database;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let browser: Browser;
  let page: Page;
  let base = '';
  let ids: Awaited<ReturnType<typeof loadHostileData>>;
  const dialogs: string[] = [];
  const refusals: string[] = [];

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    close = opened.close;
    database = opened.database;
    await loadDemo(database);
    await loadHostileHistory(database, files.write);
    await trainDemoModel(database);
    await loadDemoTargeting(database);
    await loadOsintDemo(database);
    ids = await loadHostileData(database, files.write);
    const password = (await createDemoUsers(database, files.dir))!.password;
    const config = loadConfig({ dataDir: files.dir });
    const logger = createLogger('silent');
    jobs = new JobQueue(database, config, logger, registry);
    await jobs.start({ work: true });
    await ensureWebBuilt(logger);
    app = await buildApp({ registry, database, config, logger, jobs, web: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    page.setDefaultTimeout(30_000);
    await page.addInitScript({ content: PROBE_SCRIPT });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Refused to/i.test(message.text())) refusals.push(message.text());
    });
    await page.goto(base);
    await page.getByLabel("Nom d'utilisateur").fill('admin');
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('user-name').waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  /** Nothing ran and nothing could have: checked after every page. */
  async function expectNothingRan(where: string) {
    const seen = await report(page);
    expect(dialogs, `${where}: dialogs`).toEqual([]);
    expect(seen.xss, `${where}: window.__xss`).toBeUndefined();
    expect(seen.injected, `${where}: elements able to run script`).toEqual([]);
    expect(seen.violations, `${where}: CSP refusals seen by the page`).toEqual([]);
    expect(refusals, `${where}: CSP refusals in the console`).toEqual([]);
  }

  /** Waits for a condition: long enough for a busy machine, never a measure of speed. */
  const poll = <T>(value: () => Promise<T> | T, timeout = 30_000) => expect.poll(value, { timeout });
  const charts = () => page.locator('[role=img]:has(canvas)').count();
  const bodyText = () => page.locator('body').textContent();
  /** Opens a page of the workbench by its address, as a bookmark would. */
  const open = (path: string) => page.goto(`${base}${path}`);

  it('builds a workbench without inline script', () => {
    const html = readFileSync(join(WEB_DIR, 'dist', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((attributes) => !/\bsrc=/.test(attributes))).toEqual([]);
  });

  it('imports declarations under a hostile file name, and shows the name as text', async () => {
    await open('/imports');
    await page.locator('input[type="file"]').setInputFiles({
      name: UPLOAD_NAME,
      mimeType: 'text/csv',
      buffer: Buffer.from(nativeDeclarations()),
    });
    await page.getByRole('button', { name: "Lancer l'import" }).click();
    const card = page.getByTestId('job-card').filter({ hasText: UPLOAD_NAME }).first();
    await poll(() => card.getByTestId('job-state').textContent(), 120_000).toBe('Terminée');
    expect(await card.textContent()).toContain(UPLOAD_NAME);
    expect(await selectHostileDay(database)).toBeGreaterThan(0);
    await expectNothingRan('imports');
  }, 180_000);

  it('lists declarations and shows one with its parties, items and outcome as text', async () => {
    await open('/declarations');
    await page.getByTestId('declaration-row').first().waitFor();
    await poll(bodyText).toContain(REFERENCE);
    for (const reference of [REFERENCE, INSPECTED_REFERENCE]) {
      await open(`/declarations/${encodeURIComponent(reference)}`);
      await poll(() => page.getByTestId('declaration-title').textContent()).toBe(reference);
      await poll(bodyText).toContain(`Importateur ${MIX}`);
    }
    // The outcome's type and note are written out under its badge, as text.
    const outcome = page.locator('[data-testid^="item-outcome-"]').filter({ hasText: `Constat ${MIX}` });
    await poll(() => outcome.first().textContent()).toContain(`Type ${IMG}`);
    await expectNothingRan('declarations');
  }, 120_000);

  it("hovers every chart of a hostile declaration's risk panel: rule titles and model reasons stay text", async () => {
    for (const reference of [REFERENCE, KCS_REFERENCE]) {
      await open(`/declarations/${encodeURIComponent(reference)}`);
      await page.getByTestId('risk-why').waitFor();
      await poll(bodyText).toContain(RULE_TITLE);
      // The live score brings the rules' titles and the model's reasons: both charts are drawn with it.
      await page.getByTestId('risk-model').locator('canvas').first().waitFor();
      await poll(charts).toBeGreaterThanOrEqual(2);
      // The breakdown's tooltip showed the rule's title, as text. Hovered again until it did: on a busy machine a
      // chart may still be drawing (or drawn again with the live score) when its marks are first read.
      await poll(async () => {
        await hoverEveryChart(page);
        return (await report(page)).tooltips.some((t) => t.includes(RULE_TITLE));
      }).toBe(true);
      await expectNothingRan(`declaration ${reference}`);
      // Every reason of the model that carries an imported value was shown as text in a tooltip too.
      const reasons = await page.getByTestId('model-reason').allTextContents();
      const hostile = reasons.filter((r) => r.includes('__xss')).map((r) => r.replace(/^[▲▼]\s*/, ''));
      if (reference === KCS_REFERENCE) expect(hostile.join(' ')).toContain(`type de taxe ${IMG}`);
      const unseen = async () => {
        const tooltips = (await report(page)).tooltips;
        return hostile.filter((reason) => !tooltips.some((t) => t.includes(reason)));
      };
      await poll(async () => {
        if ((await unseen()).length) await hoverEveryChart(page);
        return unseen();
      }).toEqual([]);
    }
  }, 240_000);

  it('shows the selection queue and the dashboard', async () => {
    await open('/selection');
    await page.getByTestId('queue-row').first().waitFor();
    await poll(bodyText).toContain(REFERENCE);
    await expectNothingRan('selection');
    await open('/dashboard');
    await page.getByTestId('stat-declarations').waitFor();
    await poll(charts).toBeGreaterThanOrEqual(3);
    await hoverEveryChart(page);
    await expectNothingRan('dashboard');
  }, 240_000);

  it('shows the hostile rule profile and campaign', async () => {
    await open(`/rules/profiles/${ids.profileId}`);
    await poll(bodyText).toContain(RULE_TITLE);
    expect(await bodyText()).toContain(`Parce que ${MIX}`);
    await open('/rules/profiles');
    await poll(bodyText).toContain('xss-hostile');
    await open('/rules/campaigns');
    await poll(bodyText).toContain(CAMPAIGN);
    await open(`/rules/campaigns/${ids.campaignId}`);
    await poll(bodyText).toContain(CAMPAIGN_TEXT);
    await hoverEveryChart(page);
    await expectNothingRan('rules');
  }, 120_000);

  it('shows the models with their charts', async () => {
    await open('/models');
    await page.getByText('Ce sur quoi le modèle s’appuie').waitFor();
    await poll(charts).toBeGreaterThanOrEqual(1);
    await hoverEveryChart(page);
    await expectNothingRan('models');
  }, 240_000);

  it('shows hostile posts, sellers, alerts, the watch list and sources of online monitoring as text', async () => {
    const { db } = database;
    const post = await db
      .selectFrom('osint_items')
      .select(['id', 'seller_id'])
      .where('external_id', '=', 'h1')
      .executeTakeFirstOrThrow();
    await open('/osint');
    await poll(charts).toBeGreaterThanOrEqual(2);
    await hoverEveryChart(page);
    await expectNothingRan('osint overview');

    await open('/osint/feed');
    await page.getByTestId('post-card').first().waitFor();
    await poll(bodyText).toContain(`Vendeur ${IMG}`);
    await open(`/osint/feed?post=${post.id}`);
    const detail = page.getByTestId('post-detail');
    await poll(() => detail.textContent()).toContain('javascript:__xss=1');
    expect(await detail.textContent()).toContain(MIX);
    await poll(() => page.getByTestId('evidence').textContent()).toContain(EXPORT_NAME);
    await expectNothingRan('osint post');

    await open('/osint/sellers');
    await page.getByTestId('seller-row').first().waitFor();
    await open(`/osint/sellers/${post.seller_id}`);
    await poll(bodyText).toContain(`Vendeur ${IMG}`);
    await poll(charts).toBeGreaterThanOrEqual(1);
    await hoverEveryChart(page);
    await expectNothingRan('osint seller');

    await open('/osint/alerts');
    await page.getByTestId('alert-card').first().waitFor();
    await open('/osint/watchlist');
    await poll(bodyText).toContain(`Note ${MIX}`);
    await open('/osint/sources');
    await poll(bodyText).toContain(SOURCE);
    await hoverEveryChart(page);
    await open(`/osint/sources/${ids.sourceId}`);
    await poll(bodyText).toContain(SVG);
    await expectNothingRan('osint alerts, watch list, sources');
  }, 240_000);

  it('shows the company register, the audit trail, users, target lists and the other new screens as text', async () => {
    await open(`/register/companies?q=${encodeURIComponent(IMPORTER)}`);
    await page.getByTestId('company-row').first().waitFor();
    await poll(bodyText).toContain(`Société ${MIX}`);
    await poll(bodyText).toContain(`Adresse ${MIX}`);
    await expectNothingRan('company register');
    for (const path of ['/register/manifests', '/register/payments']) {
      await open(path);
      await page.getByRole('table').first().waitFor();
      await expectNothingRan(path);
    }
    // The audit trail shows what was changed, hostile values included, as JSON text.
    await open('/admin/audit');
    await page.getByTestId('audit-row').first().waitFor();
    for (const row of (await page.getByTestId('audit-row').all()).slice(0, 10)) await row.click();
    await expectNothingRan('audit trail');
    await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await page.getByTestId('audit-verify').waitFor();
    for (const path of [
      '/admin/users',
      '/account',
      '/targeting/capacities',
      '/targeting/lists',
      '/targeting/integrity',
      '/targeting/valuation',
    ]) {
      await open(path);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await expectNothingRan(path);
    }
  }, 240_000);

  it('serves the API documentation under its policy without a refusal', async () => {
    await open('/docs/');
    await page.getByText('Vigie API').first().waitFor();
    await expectNothingRan('/docs');
  });
});
