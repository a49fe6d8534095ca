/**
 * The workbench in a real browser (Debian's Chromium driven by playwright-core, headless): sign in, dashboard,
 * declarations, a declaration's page, Arabic right to left, a bad upload with its located errors. Screenshots of
 * each main page at 1440×900 go to .e2e/screenshots/ for review; the time to an interactive dashboard is printed.
 */
import { existsSync, mkdirSync } from 'node:fs';
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
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { bundleSize, ensureWebBuilt } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';

// How long a page may take to show what it should: generous, for a loaded machine (a condition, not a timing).
const WAIT = { timeout: 45_000 };

/** What the evaluated functions see in the page (the test itself is compiled without the DOM library). */
interface BrowserGlobals {
  document: { documentElement: { dir: string; lang: string } };
}

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots');
const files = tempFiles();

describe.runIf(existsSync(CHROMIUM))('the workbench in a browser', { timeout: 120_000 }, () => {
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let browser: Browser;
  let page: Page;
  let base = '';
  let password = '';

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    close = opened.close;
    await loadDemo(opened.database);
    await trainDemoModel(opened.database);
    await loadDemoTargeting(opened.database);
    await loadOsintDemo(opened.database);
    password = (await createDemoUsers(opened.database, files.dir))!.password;
    const config = loadConfig({ dataDir: files.dir });
    const logger = createLogger('silent');
    jobs = new JobQueue(opened.database, config, logger, registry);
    await jobs.start({ work: true });
    await ensureWebBuilt(logger);
    const size = bundleSize();
    console.log(
      `workbench bundle: ${size.js_kb} kB of JavaScript in ${size.chunks} chunks (${size.js_gzip_kb} kB gzipped), ${size.css_kb} kB of CSS; largest: ${size.largest.map((f) => `${f.file} ${f.gzip_kb} kB gz`).join(', ')}`,
    );
    app = await buildApp({ registry, database: opened.database, config, logger, jobs, web: true });
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
    // A missing element fails its step with a message well before the test's own time limit.
    // Generous: under CI the browser, a server per e2e file and the other suites share two cores (a first
    // navigation once waited more than 15 s there). A bound on a condition, not a timing.
    page.setDefaultTimeout(45_000);
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  it('refuses a wrong password, where the form is', async () => {
    await page.goto(base);
    await page.getByLabel("Nom d'utilisateur").fill('analyst');
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain("Nom d'utilisateur ou mot de passe incorrect.");
    await shot('login');
  });

  it('signs in, shows the dashboard and records how long the first page takes', async () => {
    await page.getByLabel('Mot de passe').fill(password);
    const started = Date.now();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('stat-declarations').waitFor();
    const signInToDashboard = Date.now() - started;
    expect(await page.getByTestId('stat-declarations').textContent()).toMatch(/3\s?618/);
    // The first week of 2021 was targeted: items sent to control, none controlled yet.
    await expect.poll(() => page.getByTestId('stat-selected').textContent(), WAIT).toMatch(/^\d+$/);
    expect(await page.getByTestId('stat-controlled').textContent()).toMatch(/^0 \/ \d+$/);
    await page.waitForSelector('canvas');
    // A cold load of the first page, signed in, as a user opening the workbench.
    const cold = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await cold.context().addCookies(await page.context().cookies());
    const t0 = Date.now();
    await cold.goto(base);
    await cold.getByTestId('stat-declarations').waitFor();
    const firstPage = Date.now() - t0;
    await cold.close();
    console.log(
      `workbench: first page interactive in ${firstPage} ms (cold load, signed in); sign-in to dashboard ${signInToDashboard} ms`,
    );
    await shot('dashboard');
  });

  it('lists declarations with filters and opens one', async () => {
    await page.getByRole('link', { name: 'Déclarations' }).click();
    await page.getByTestId('declaration-row').first().waitFor();
    await page.getByLabel('Code SH (préfixe)').fill('6208');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/declarations?') && r.url().includes('hs=6208')),
      page.getByRole('button', { name: 'Rechercher' }).click(),
    ]);
    expect(page.url()).toContain('hs=6208');
    await page.waitForTimeout(100);
    await shot('declarations');
    const first = page.getByTestId('declaration-row').first();
    const reference = (await first.locator('td').first().textContent())!.trim();
    await first.press('Enter');
    await expect.poll(() => page.getByTestId('declaration-title').textContent(), WAIT).toBe(reference);
    await page.getByText('Registre du commerce').waitFor();
    await shot('declaration');
  });

  it('opens a selected declaration from the queue, records an outcome with a photo, and the dashboard counts it', async () => {
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    const controlled = page.getByTestId('stat-controlled');
    await expect.poll(() => controlled.textContent(), WAIT).toMatch(/^0 \/ \d+$/);
    const selected = Number((await controlled.textContent())!.split('/')[1]!.trim());

    await page.getByRole('link', { name: 'File de sélection' }).click();
    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('queue-summary').textContent()).toContain(`${selected} sélectionnées`);
    await shot('selection');
    // Keyboard: the second row, then Enter opens it (focus off the menu link first, or Enter would follow it).
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }
      ).document.activeElement?.blur?.(),
    );
    await page.keyboard.press('j');
    const reference = (await rows.nth(1).locator('a').first().textContent())!.trim();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('declaration-title').textContent(), WAIT).toBe(reference);
    await page.getByTestId('risk-decision').waitFor();
    await expect.poll(() => page.locator('canvas').count(), WAIT).toBeGreaterThanOrEqual(1);
    await shot('declaration-selected');

    const form = page.getByTestId('outcome-form');
    await form.scrollIntoViewIfNeeded();
    await form.getByText('Fraude', { exact: true }).click();
    await form.getByText('Valeur', { exact: true }).click();
    await form.getByLabel('Montant redressé').fill('12500');
    await form.getByLabel('Observations').fill('Facture minorée, valeur transactionnelle rejetée');
    const photo = files.write(
      'conteneur.png',
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    await page.getByTestId('outcome-photos').setInputFiles(photo);
    await shot('outcome-form');
    await form.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    const attachments = page.getByTestId('risk-attachments');
    await expect.poll(() => attachments.textContent(), { timeout: 15_000 }).toContain('conteneur.png');

    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await expect.poll(() => page.getByTestId('stat-controlled').textContent(), WAIT).toBe(`1 / ${selected}`);
  });

  it('shows the rules and campaigns', async () => {
    await page.getByRole('link', { name: 'Règles et campagnes' }).click();
    await page.getByText('kcs-starter').first().waitFor();
    await shot('rules');
    // The active version, its rules with their rationale.
    await page.getByRole('cell', { name: 'v1', exact: true }).click();
    await page.getByText('hs6-fraud-prone').first().waitFor();
    await shot('rules-profile');
  });

  it('switches to Arabic, right to left', async () => {
    await page.locator('label', { hasText: 'العربية' }).click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir))
      .toBe('rtl');
    expect(
      await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.lang),
    ).toBe('ar');
    await page.getByRole('link', { name: 'التصريحات' }).waitFor();
    await shot('declaration-ar');
    await page.locator('label', { hasText: 'Français' }).click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir))
      .toBe('ltr');
  });

  it('shows the model registry with its charts', async () => {
    await page.getByRole('link', { name: 'Modèles' }).click();
    await page.getByText('Ce sur quoi le modèle s’appuie').waitFor();
    await expect.poll(() => page.locator('canvas').count(), WAIT).toBeGreaterThanOrEqual(1);
    await page.getByText('Actif').first().waitFor();
    await shot('models');
  });

  it('uploads a bad file and shows where it is wrong', async () => {
    await page.getByRole('link', { name: 'Imports et tâches' }).click();
    const bad = files.write(
      'erreurs.csv',
      'reference,office,lodged_on,line_no,hs_code,customs_value\nR1,301,2024-02-30,1,6208,100\nR2,301,2024-03-01,1,620822,abc\n',
    );
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: "Lancer l'import" }).click();
    const errors = page.getByTestId('import-errors').first();
    await errors.waitFor({ timeout: 30_000 });
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('erreurs.csv:2');
    expect(text).toContain('lodged_on');
    expect(text).toContain('expected a date as YYYY-MM-DD');
    expect(text).toContain('erreurs.csv:3');
    expect(text).toContain('customs_value');
    await page.getByText('Rien n’a été écrit').first().waitFor();
    await shot('imports');
  });

  it('shows online monitoring to an investigator: feed, alerts and evidence', async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    try {
      await other.goto(base);
      await other.getByLabel("Nom d'utilisateur").fill('investigator');
      await other.getByLabel('Mot de passe').fill(password);
      await other.getByRole('button', { name: 'Se connecter' }).click();
      await other.getByRole('link', { name: 'Veille en ligne' }).click();
      await other.getByRole('tab', { name: /Publications/ }).click();
      await other
        .getByText(/Contrefaçon · \d+/)
        .first()
        .waitFor();
      await other.screenshot({ path: join(SHOTS, 'osint.png') });
      await other.getByRole('tab', { name: /Alertes/ }).click();
      await other.getByRole('button', { name: 'Confirmer' }).first().waitFor();
      await other.screenshot({ path: join(SHOTS, 'osint-alerts.png') });
    } finally {
      await other.close();
    }
  });
});
