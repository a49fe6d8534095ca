/**
 * The parcels workbench in a real browser (Debian's Chromium driven by playwright-core, headless), on the demo week
 * of parcels (graph and parcels demo loaded, scored before arrival, referred parcels assigned): an analyst opens the
 * queue from the menu, keeps the pre-arrival referrals, finds the planted split order and the parcel to the phone of
 * the online seller "highcopy.casa", opens them and reads their reasons (the split order's other parcels as links,
 * the seller with its link to the graph), reassigns a parcel of the split order with a reason (refused without
 * one), and reads the examiners' workload. An officer then opens "my inspections" on a tablet (820×1180, touch),
 * records what was found on one parcel, taps another, and reads the page in Arabic, right to left. A parcel whose sender, recipient and description are
 * script payloads shows them as text: nothing may run (the probe of hostile.test.ts watches every page).
 * Screenshots go to .e2e/screenshots/parcels-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoGraph } from '../../src/app/demo/graph.ts';
import { loadDemoParcels, PARCELS_DEMO_PLANTED } from '../../src/app/demo/parcels.ts';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { parcelsTarget } from '../../src/modules/parcels/import-target.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { resolveProfile } from '../../src/platform/ingest/profile.ts';
import { runImport } from '../../src/platform/ingest/run.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { ensureWebBuilt } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';
import { PROBE_SCRIPT, report } from './probes.ts';

// How long a page may take to show what it should: generous, for a loaded machine (a condition, not a timing).
const WAIT = { timeout: 30_000 };

/** What the evaluated functions see in the page (the test itself is compiled without the DOM library). */
interface BrowserGlobals {
  document: { documentElement: { dir: string } };
}

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots');
const files = tempFiles();
const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,hs_code,arrival_date,arrival_office';
const HOSTILE = `H0001,EVIL,express,"Evil Shop ${PAYLOAD.replaceAll('"', '""')}",CN,"Mr ${PAYLOAD.replaceAll('"', '""')}",1 rue X,Casablanca,0661000000,"gadget ${PAYLOAD.replaceAll('"', '""')}",10,EUR,,2026-11-03,301`;

const { split, seller } = PARCELS_DEMO_PLANTED;

describe.runIf(existsSync(CHROMIUM))('the parcels workbench in a browser', () => {
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let browser: Browser;
  let base = '';
  let password = '';
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    close = opened.close;
    await loadDemoGraph(opened.database);
    await loadDemoParcels(opened.database);
    const hostile = await runImport(opened.database, parcelsTarget, {
      file: files.write('hostile.csv', `${HEADER}\n${HOSTILE}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(hostile.errors).toEqual([]);
    password = (await createDemoUsers(opened.database, files.dir))!.password;
    const config = loadConfig({ dataDir: files.dir });
    const logger = createLogger('silent');
    jobs = new JobQueue(opened.database, config, logger, registry);
    await jobs.start({ work: true });
    await ensureWebBuilt(logger);
    app = await buildApp({ registry, database: opened.database, config, logger, jobs, web: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  /** A signed-in page in its own context, watched by the hostile-data probe. */
  async function signIn(username: string, viewport: { width: number; height: number }, touch = false) {
    const context = await browser.newContext({ viewport, locale: 'fr-FR', hasTouch: touch, isMobile: false });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await page.addInitScript({ content: PROBE_SCRIPT });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(base);
    await page.getByLabel("Nom d'utilisateur").fill(username);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('user-name').waitFor();
    return page;
  }

  async function expectNothingRan(page: Page, where: string) {
    const seen = await report(page);
    expect(dialogs, `${where}: dialogs`).toEqual([]);
    expect(seen.xss, `${where}: window.__xss`).toBeUndefined();
    expect(seen.injected, `${where}: elements able to run script`).toEqual([]);
    expect(seen.violations, `${where}: CSP refusals`).toEqual([]);
  }

  const shot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: join(SHOTS, `parcels-${name}.png`), fullPage });

  const row = (page: Page, carrier: string, number: string) =>
    page.getByTestId('parcel-row').filter({ hasText: `${carrier} ${number}` });

  it('an analyst finds the planted split order and the parcel to the online seller, reads their reasons and reassigns', async () => {
    const page = await signIn('analyst', { width: 1440, height: 900 });
    await page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Colis', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Colis et envois express' }).waitFor();
    await page.getByTestId('parcel-row').first().waitFor();
    // Keep the pre-arrival referrals.
    await page.getByRole('combobox', { name: 'Pré-arrivée' }).click();
    await page.getByRole('option', { name: 'Signalés avant arrivée' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('referred'), WAIT).toBe('true');
    // The list is the server's answer to the filter (not the previous page kept on screen): referrals only.
    await expect
      .poll(async () => {
        const rows = await page.getByTestId('parcel-row').allTextContents();
        return rows.length > 0 && rows.every((text) => text.includes('Pré-arrivée'));
      }, WAIT)
      .toBe(true);
    for (const number of split.numbers) {
      const found = row(page, split.carrier, number);
      await found.waitFor();
      expect(await found.textContent()).toContain('Commande fractionnée');
      expect(await found.textContent()).toContain('Pré-arrivée');
    }
    const sellerRow = row(page, seller.carrier, seller.number);
    await sellerRow.waitFor();
    expect(await sellerRow.textContent()).toContain('Lien vendeur en ligne');
    await shot(page, 'queue');
    await expectNothingRan(page, 'queue');

    // The split order: its reason explained, the order's other parcels as links.
    await row(page, split.carrier, split.numbers[0]!).getByRole('link').click();
    await page.getByRole('heading', { name: `${split.carrier} ${split.numbers[0]}` }).waitFor();
    const splitReason = page.locator('[data-indicator="split_order"]');
    await splitReason.waitFor();
    expect(await splitReason.textContent()).toContain(`split order: 4 parcels from ${split.sender}`);
    const siblings = page.getByTestId('split-siblings');
    expect(await siblings.getByRole('link').count()).toBe(3);
    expect(await siblings.textContent()).toContain(`${split.carrier} ${split.numbers[0]} (ce colis)`);
    expect(await page.getByTestId('parcel-recipient').textContent()).toContain(split.phone);
    await shot(page, 'split-order', true);
    await siblings.getByRole('link', { name: `${split.carrier} ${split.numbers[3]}` }).click();
    await page.getByRole('heading', { name: `${split.carrier} ${split.numbers[3]}` }).waitFor();

    // Reassign this one: refused without a reason, then given to the other examiner of office 301, by hand.
    await page.getByTestId('parcel-examiner').waitFor();
    const before = await page.getByTestId('parcel-examiner').textContent();
    await page.getByRole('button', { name: 'Réaffecter' }).click();
    const form = page.getByRole('form', { name: 'Réaffecter le colis' });
    await form.waitFor();
    await form.getByLabel(/Vérificateur/).selectOption({ label: 'Nadia Chraibi (n.chraibi)' });
    await form.getByLabel(/Motif de la réaffectation/).fill('abc');
    expect(await form.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
    await form.getByLabel(/Motif de la réaffectation/).fill('Spécialiste des marques, officier en congé');
    await shot(page, 'reassign');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('parcel-examiner').textContent(), WAIT).toBe('Nadia Chraibi');
    expect(before).not.toBe('Nadia Chraibi');
    expect(await page.getByTestId('parcel-assignment').textContent()).toContain('Manuelle');
    expect(await page.getByTestId('parcel-assignment').textContent()).toContain('officier en congé');
    // The reassignment is what the server holds, not only what the page shows.
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const stored = await (await page.request.get(`${base}/api/parcels/${id}`)).json();
    expect(stored.assignment).toMatchObject({ username: 'n.chraibi', basis: 'manual' });

    // The parcel to the online seller's phone: the graph path, with links to the graph and the seller.
    await page.goBack();
    await page.goBack();
    await sellerRow.getByRole('link').click();
    await page.getByRole('heading', { name: `${seller.carrier} ${seller.number}` }).waitFor();
    const sellerReason = page.locator('[data-indicator="linked_online_seller"]');
    await sellerReason.waitFor();
    expect(await sellerReason.textContent()).toContain(`online seller '${seller.seller}'`);
    expect(await page.getByTestId('seller-path').textContent()).toContain(seller.phone);
    expect(
      await page.getByRole('link', { name: 'Ouvrir dans l’analyse de liens' }).getAttribute('href'),
    ).toMatch(/^\/graph\/entity\/\d+$/);
    await shot(page, 'online-seller', true);
    await expectNothingRan(page, 'parcel pages');

    // The examiners and their workload over the demo week: the reassignment counted as by hand.
    await page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Vérificateurs colis' })
      .click();
    await page.getByRole('heading', { name: 'Vérificateurs des colis' }).waitFor();
    await page.getByLabel('Arrivée du').fill('2026-11-02');
    await page.getByLabel('au', { exact: true }).fill('2026-11-08');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    const nadia = page.getByTestId('workload-row').filter({ hasText: 'Nadia Chraibi' });
    await expect
      .poll(async () => (await nadia.locator('td').allTextContents()).slice(2, 4), WAIT)
      .toEqual([expect.stringMatching(/^[1-9]\d*$/), '1']);
    await shot(page, 'examiners', true);

    // The dashboard's parcels block: the demo week (up to its last arrival day), Nadia's office in the workload.
    await page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Tableau de bord' })
      .click();
    const block = page.getByTestId('dashboard-parcels');
    await expect.poll(() => block.getByLabel('Du').inputValue(), WAIT).toBe('2026-11-02');
    expect(await block.getByTestId('parcels-arrived').textContent()).toMatch(/^[1-9][\d\s  ]*$/);
    expect(await block.getByTestId('parcels-split-orders').textContent()).toBe('1');
    expect(await block.getByTestId('parcels-workload').textContent()).toContain('Nadia Chraibi');
    await shot(page, 'dashboard', true);
    await expectNothingRan(page, 'dashboard');
  }, 300_000);

  it('shows hostile text of a parcel as text, in the queue and on its page', async () => {
    const page = await signIn('analyst', { width: 1440, height: 900 });
    await page.goto(`${base}/parcels?carrier=EVIL`);
    const hostile = row(page, 'EVIL', 'H0001');
    await hostile.waitFor();
    expect(await hostile.textContent()).toContain(`Evil Shop ${PAYLOAD}`);
    await hostile.getByRole('link').click();
    await page.getByTestId('parcel-goods').waitFor();
    expect(await page.getByTestId('parcel-sender').textContent()).toContain(`Evil Shop ${PAYLOAD}`);
    expect(await page.getByTestId('parcel-recipient').textContent()).toContain(`Mr ${PAYLOAD}`);
    expect(await page.getByTestId('parcel-goods').textContent()).toContain(`gadget ${PAYLOAD}`);
    await expectNothingRan(page, 'hostile parcel');
  }, 300_000);

  it('an officer opens "my inspections" on a tablet, records a result, taps a parcel, and reads it in Arabic', async () => {
    const page = await signIn('officer', { width: 820, height: 1180 }, true);
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Mes contrôles' }).click();
    await page.getByRole('heading', { name: 'Mes contrôles' }).waitFor();
    // The demo week is in November: choose its day of the split order.
    await page.getByLabel('Jour', { exact: true }).fill('2026-11-03');
    await expect.poll(() => new URL(page.url()).searchParams.get('day'), WAIT).toBe('2026-11-03');
    const cards = page.getByTestId('inspection-card');
    await cards.first().waitFor();
    const texts = await cards.allTextContents();
    for (const number of split.numbers.slice(0, 2)) expect(texts.join('\n')).toContain(number);
    // Big touch targets: each card is far larger than a finger.
    const box = await cards.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(96);
    expect(box!.width).toBeGreaterThanOrEqual(300);
    await shot(page, 'my-inspections-tablet');
    // Record what was found on the order's second parcel: fraud, its type, the value found.
    const second = page.getByTestId('inspection-row').filter({ hasText: split.numbers[1]! });
    await second.getByRole('button', { name: /Saisir le résultat/ }).tap();
    const outcome = page.getByRole('form', { name: /Résultat du contrôle/ });
    await outcome.waitFor();
    await outcome.locator('label', { hasText: /^Fraude$/ }).tap();
    await outcome.getByLabel(/Type de fraude/).selectOption('counterfeit');
    await outcome.getByLabel(/Valeur constatée/).fill('180');
    await outcome.getByLabel(/Observations/).fill('Trois vestes, étiquettes de marque contrefaites');
    await shot(page, 'inspection-form-tablet');
    await outcome.getByRole('button', { name: 'Enregistrer le résultat' }).tap();
    await outcome.waitFor({ state: 'detached' });
    await expect
      .poll(() => second.getByTestId('inspection-result').textContent(), WAIT)
      .toBe('Résultat : Fraude');
    // Recorded: no more "record", a "correct" that starts from the outcome in force (cancelled here).
    expect(await second.getByRole('button', { name: /Saisir le résultat/ }).count()).toBe(0);
    await second.getByRole('button', { name: /Corriger le résultat/ }).tap();
    const correction = page.getByRole('form', { name: /Corriger le résultat/ });
    await correction.waitFor();
    expect(await correction.getByLabel(/Type de fraude/).inputValue()).toBe('counterfeit');
    await correction.getByRole('button', { name: 'Annuler' }).tap();
    await correction.waitFor({ state: 'detached' });
    // What the server holds, not only what the page shows.
    const held = await (await page.request.get(`${base}/api/parcels/my-inspections?day=2026-11-03`)).json();
    expect(
      (held.items as { consignment_number: string; inspected: string | null }[]).find(
        (i) => i.consignment_number === split.numbers[1],
      )?.inspected,
    ).toBe('fraud');
    await cards.filter({ hasText: split.numbers[0]! }).tap();
    await page.getByRole('heading', { name: `${split.carrier} ${split.numbers[0]}` }).waitFor();
    await page.locator('[data-indicator="split_order"]').waitFor();
    // An officer reads, and may not reassign.
    expect(await page.getByRole('button', { name: 'Réaffecter' }).count()).toBe(0);
    await shot(page, 'parcel-tablet', true);
    await page.goBack();
    await cards.first().waitFor();
    // Arabic: right to left, the same inspections.
    await page.getByText('العربية').click();
    await expect
      .poll(
        () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir),
        WAIT,
      )
      .toBe('rtl');
    await page.getByRole('heading', { name: 'مراقباتي' }).waitFor();
    await cards.first().waitFor();
    await shot(page, 'my-inspections-tablet-ar');
    await expectNothingRan(page, 'my inspections');
  }, 300_000);
});
