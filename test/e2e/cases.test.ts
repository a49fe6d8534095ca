/**
 * Cases and seizures in a real browser (Debian's Chromium driven by playwright-core, headless), on the demo:
 * an officer on a tablet records a red-channel outcome, then the seizure from it (a refusal shown under its field
 * first, then a photo kept as evidence); an investigator opens a case from an online alert, links a company,
 * records a seizure on it and generates the offence report, whose download is a PDF; the figures page counts the
 * seizures. The case title, a seizure's description and its brand are script payloads: nothing may run (the probe
 * of hostile.test.ts watches the page), and they show as text. The investigator then records a test purchase and a
 * takedown request on the case, tags it to an operation (whose name is a payload too) and reads the operation's
 * final report, charts hovered, PDF downloaded. Screenshots go to .e2e/screenshots/cases-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/demo.ts';
import { loadOsintDemo } from '../../src/app/demo/osint.ts';
import { loadDemoTargeting } from '../../src/app/demo/targeting.ts';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { buildGraph } from '../../src/modules/graph/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { ensureWebBuilt } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';
import { hoverEveryChart, PROBE_SCRIPT, report } from './probes.ts';

// How long a page may take to show what it should: generous, for a loaded machine (a condition, not a timing).
const WAIT = { timeout: 20_000 };

/** What the evaluated functions see in the page (the test itself is compiled without the DOM library). */
interface BrowserGlobals {
  document: { documentElement: { dir: string } };
}

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots');
const files = tempFiles();

const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const TITLE = `Montres Rolex ${PAYLOAD}`;
const DESCRIPTION = `Montres contrefaites ${PAYLOAD}`;
const BRAND = `Rolex ${PAYLOAD}`;
const OPERATION = `STOP V ${PAYLOAD}`;
/** A company of the demo's register (demo/arrivals-companies.csv: Medhardar Négoce). */
const COMPANY = 'R5EYJZ1';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.runIf(existsSync(CHROMIUM))('cases and seizures in a browser', () => {
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
    await loadDemo(opened.database);
    await loadDemoTargeting(opened.database);
    await loadOsintDemo(opened.database);
    await buildGraph(opened.database);
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
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  /** A signed-in page in its own context, watched by the hostile-data probe. */
  async function signIn(username: string, viewport: { width: number; height: number }, touch = false) {
    const context = await browser.newContext({
      viewport,
      locale: 'fr-FR',
      hasTouch: touch,
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
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
    page.screenshot({ path: join(SHOTS, `cases-${name}.png`), fullPage });

  it('an officer on a tablet records a seizure from a red-channel outcome, with a photo', async () => {
    const page = await signIn('officer', { width: 1024, height: 768 }, true);
    // A declaration not controlled yet: one already controlled offers a correction, not a fresh outcome.
    const answer = await page.request.get(`${base}/api/risk/decisions?selected=true&status=pending&limit=50`);
    expect(answer.ok()).toBe(true);
    const decisions = (await answer.json()).items as { reference: string; channel: string }[];
    const decision = decisions.find((d) => d.channel === 'red') ?? decisions[0];
    expect(decision, 'a declaration sent to control in the officer’s office').toBeDefined();
    const reference = decision!.reference;

    await page.goto(`${base}/declarations/${encodeURIComponent(reference)}`);
    await expect.poll(() => page.getByTestId('declaration-title').textContent(), WAIT).toBe(reference);
    const outcome = page.getByTestId('outcome-form');
    await outcome.scrollIntoViewIfNeeded();
    await outcome.getByText('Fraude', { exact: true }).click();
    await outcome.getByText('Contrefaçon', { exact: true }).click();
    await outcome.getByLabel('Observations').fill('Montres de marque sans facture du titulaire');
    await outcome.getByRole('button', { name: 'Enregistrer le résultat' }).click();

    const actions = page.getByTestId('declaration-case-actions');
    await actions.waitFor(WAIT);
    await actions.getByRole('link', { name: 'Enregistrer une saisie' }).click();
    const form = page.getByTestId('seizure-form');
    await form.waitFor(WAIT);
    await expect.poll(() => page.getByLabel('Bureau').inputValue(), WAIT).not.toBe('');

    // A refusal of the API, shown under the field it names.
    await page.getByText('Accessoires contrefaits', { exact: true }).click();
    await page.getByLabel(/Marchandises saisies/).fill(DESCRIPTION);
    await page.getByLabel('Code SH').fill('91A');
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await page.getByText('expected an HS code of 2 to 10 digits').waitFor(WAIT);
    expect(await page.getByLabel('Code SH').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Code SH').fill('910211');
    await page.getByLabel('Quantité').fill('120');
    await page.getByLabel('Valeur estimée').fill('180000');
    await page.getByLabel('Marque').fill(BRAND);
    await page.getByLabel('Titulaire des droits').fill('Rolex SA');
    await page.getByLabel('Ville').fill('Tanger');
    await page.getByTestId('seizure-photos').setInputFiles(files.write('saisie.png', PNG));
    await page.getByRole('heading', { name: 'Enregistrer une saisie' }).scrollIntoViewIfNeeded();
    await shot(page, 'seizure-tablet-landscape');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).scrollIntoViewIfNeeded();
    await shot(page, 'seizure-tablet-portrait');
    // Touch targets of a tablet: the submit button and the category chips are large enough for a finger.
    const submit = await page.getByRole('button', { name: 'Enregistrer la saisie' }).boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(44);
    const chip = await page
      .locator('label')
      .filter({ hasText: /^Tabac$/ })
      .boundingBox();
    expect(chip!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).click();

    await expect.poll(() => page.getByTestId('seizure-reference').textContent(), WAIT).toMatch(/^S-/);
    await shot(page, 'seizure-saved');
    await expectNothingRan(page, 'seizure form');

    // The photo is kept with the outcome, with its fingerprint.
    await page.getByRole('link', { name: 'Retour à la déclaration' }).click();
    await expect.poll(() => page.getByTestId('risk-attachments').textContent(), WAIT).toContain('saisie.png');
  });

  it('an investigator opens a case from an online alert, links a company from the graph, records a seizure and gets the PDF', async () => {
    const page = await signIn('investigator', { width: 1440, height: 900 });
    await page.goto(`${base}/osint/alerts`);
    const card = page.getByTestId('alert-card').first();
    await card.waitFor(WAIT);
    await card.getByRole('link', { name: 'Ouvrir un dossier' }).click();

    const form = page.getByRole('form', { name: 'Ouvrir un dossier' });
    await form.waitFor(WAIT);
    expect(await page.getByTestId('case-origin').textContent()).toContain("l'alerte en ligne");
    await form.getByLabel(/Intitulé/).fill(TITLE);
    await form.getByLabel(/Bureau/).fill('300');
    await shot(page, 'new-case');
    await form.getByRole('button', { name: 'Ouvrir le dossier' }).click();

    await expect.poll(() => page.getByTestId('case-title').textContent(), WAIT).toBe(TITLE);
    const number = (await page.getByTestId('case-number').textContent())!;
    expect(number).toMatch(/^300\/\d{4}\/\d{4}$/);

    // The company, found in the link graph.
    const links = page.getByTestId('case-links');
    await links.getByLabel('Chercher dans le graphe des liens').fill('Medhardar');
    await links.getByRole('button', { name: 'Chercher', exact: true }).click();
    const entity = links.getByTestId('graph-entity').filter({ hasText: COMPANY }).first();
    await entity.getByRole('button', { name: 'Lier comme Société' }).click();
    await expect.poll(() => links.getByTestId('link-row').first().textContent(), WAIT).toContain(COMPANY);

    const tasks = page.getByTestId('case-tasks');
    await tasks.getByRole('textbox', { name: 'Tâche', exact: true }).fill('Commande test auprès du vendeur');
    await tasks.getByLabel('Échéance').fill('2020-01-15');
    await tasks.getByRole('button', { name: 'Ajouter la tâche' }).click();
    await expect.poll(() => tasks.locator('[data-overdue]').count(), WAIT).toBe(1);

    // A seizure on the case, from its page.
    await page.getByTestId('case-seizures').getByRole('link', { name: 'Enregistrer une saisie' }).click();
    await page.getByTestId('seizure-form').waitFor(WAIT);
    await page.getByText('Accessoires contrefaits', { exact: true }).click();
    await page.getByLabel(/Marchandises saisies/).fill(DESCRIPTION);
    await page.getByLabel('Quantité').fill('35');
    await page.getByLabel('Valeur estimée').fill('52500');
    await page.getByLabel('Marque').fill('Rolex');
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await page.getByTestId('seizure-saved').waitFor(WAIT);
    await page.getByRole('link', { name: 'Retour au dossier' }).click();
    await expect.poll(() => page.getByTestId('case-seizures').textContent(), WAIT).toContain(DESCRIPTION);
    await expect.poll(() => page.getByTestId('tax-loss-total').textContent(), WAIT).toMatch(/\d/);

    const reports = page.getByTestId('case-reports');
    await reports.getByRole('button', { name: 'Générer le PDF' }).click();
    // The report, or the refusal shown in its card (a PDF takes a while to lay out on a loaded machine).
    const row = reports.getByTestId('report-row').first();
    await expect
      .poll(
        async () =>
          (await reports.getByRole('alert').count())
            ? await reports.getByRole('alert').first().textContent()
            : (await row.count()) > 0,
        { timeout: 90_000 },
      )
      .toBe(true);
    expect(await row.textContent()).toMatch(/PV-300\/\d{4}\/\d{4}/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Télécharger le PDF' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByTestId('case-number').scrollIntoViewIfNeeded();
    await shot(page, 'case');
    await page.getByTestId('case-reports').scrollIntoViewIfNeeded();
    await shot(page, 'case-reports');
    await expectNothingRan(page, 'case page');

    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await expect.poll(() => page.getByTestId('case-row').first().textContent(), WAIT).toContain(number);
    await shot(page, 'list');
    await expectNothingRan(page, 'case list');
  });

  it('the figures page counts the seizures, and its charts show names as text', async () => {
    const page = await signIn('investigator', { width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Chiffres' }).click();
    await expect.poll(() => page.getByTestId('total-seizures').textContent(), WAIT).toBe('2');
    await expect.poll(() => page.getByTestId('figures-brand').textContent(), WAIT).toContain(BRAND);
    expect(await page.getByTestId('figures-category').textContent()).toContain('Accessoires contrefaits');
    await expect.poll(() => page.locator('[role=img] canvas').count(), WAIT).toBeGreaterThanOrEqual(6);
    expect(await hoverEveryChart(page)).toBeGreaterThanOrEqual(6);
    const seen = await report(page);
    expect(seen.tooltips.some((tip) => tip.includes(PAYLOAD))).toBe(true);
    await page.mouse.move(1, 1);
    await page.getByRole('heading', { name: 'Chiffres' }).scrollIntoViewIfNeeded();
    await shot(page, 'figures');
    await expectNothingRan(page, 'figures');
    // Arabic: right to left, the same figures.
    await page.getByText('العربية').click();
    await expect
      .poll(
        () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir),
        WAIT,
      )
      .toBe('rtl');
    await page.getByRole('heading', { name: 'الأرقام' }).waitFor();
    await expect
      .poll(() => page.getByTestId('figures-category').textContent(), WAIT)
      .toContain('إكسسوارات مزيفة');
    await shot(page, 'figures-ar');
    const csv = await page.request.get(`${base}/api/cases/figures/export?table=brand`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Rolex');
  });

  it('an investigator records a test purchase and a takedown, tags the case to an operation and reads its final report', async () => {
    const page = await signIn('investigator', { width: 1440, height: 900 });
    // The operation, created from its page.
    await page.getByRole('link', { name: 'Opérations', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvelle opération' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle opération' });
    await form.waitFor(WAIT);
    await form.getByLabel(/^Code\b/).fill('STOP-V');
    await form.getByLabel(/^Nom\b/).fill(OPERATION);
    await form.getByLabel(/^Du\b/).fill('2026-01-01');
    // A period that ends before it starts: refused, under the end date.
    await form.getByLabel(/^Au\b/).fill('2025-12-31');
    await form.getByLabel(/^Participants/).fill('300, 301, MA');
    await form.getByLabel(/^Coordinateur/).fill('OMD');
    await form.getByText('Accessoires contrefaits', { exact: true }).click();
    await form.getByRole('button', { name: "Créer l'opération" }).click();
    await form.getByText("L'opération doit finir le jour où elle commence ou après.").waitFor(WAIT);
    await form.getByLabel(/^Au\b/).fill('2026-12-31');
    await form.getByRole('button', { name: "Créer l'opération" }).click();
    await expect.poll(() => page.getByTestId('operation-name').textContent(), WAIT).toBe(OPERATION);
    const operationUrl = page.url();

    // The case opened from the alert: a test purchase, a takedown request, then the operation.
    const cases = await page.request.get(`${base}/api/cases?limit=50`);
    const kase = ((await cases.json()).items as { id: number; title: string }[]).find(
      (c) => c.title === TITLE,
    );
    expect(kase, 'the case opened from the alert').toBeDefined();
    await page.goto(`${base}/cases/${kase!.id}`);
    const purchases = page.getByTestId('case-purchases');
    await purchases.getByRole('button', { name: 'Nouvel achat test' }).click();
    const purchase = purchases.getByRole('form', { name: "Enregistrer l'achat test" });
    await purchase.getByLabel(/^Plateforme/).fill('Jumia');
    await purchase.getByLabel(/^Commandé le/).fill('2026-03-04');
    await purchase.getByLabel('Reçu le').fill('2026-03-01');
    await purchase.getByLabel('Montant payé').fill('450');
    await purchase.getByRole('button', { name: "Enregistrer l'achat test" }).click();
    await purchase.getByText("Reçu avant d'avoir été commandé : vérifiez les dates.").waitFor(WAIT);
    await purchase.getByLabel('Reçu le').fill('2026-03-09');
    await purchase.getByLabel('Résultat').selectOption('counterfeit');
    await purchase.getByRole('button', { name: "Enregistrer l'achat test" }).click();
    await expect.poll(() => purchases.getByTestId('purchase-row').count(), WAIT).toBe(1);
    expect(await purchases.getByTestId('purchase-row').textContent()).toContain('Contrefaçon');

    const takedowns = page.getByTestId('case-takedowns');
    await takedowns.getByRole('button', { name: 'Nouvelle demande' }).click();
    const takedown = takedowns.getByRole('form', { name: 'Enregistrer la demande' });
    await takedown.getByLabel(/^Plateforme ou hébergeur/).fill('Jumia');
    await takedown.getByLabel(/^Adresses/).fill('https://shop.example/p/1');
    await takedown.getByLabel(/^Base légale/).fill(`Code des douanes ${PAYLOAD}`);
    await takedown.getByLabel(/^Envoyée le/).fill('2026-03-10');
    await takedown.getByRole('button', { name: 'Enregistrer la demande' }).click();
    const request = takedowns.getByTestId('takedown-row');
    await request.waitFor(WAIT);
    expect(await request.textContent()).toContain(PAYLOAD);
    await request.getByRole('button', { name: 'Noter la réponse' }).click();
    const answer = page.getByRole('form', { name: 'Réponse à la demande de retrait' });
    await answer.getByLabel('Statut').selectOption('accepted');
    await answer.getByLabel('Retiré le').fill('2026-03-12');
    await answer.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    await expect.poll(() => request.getByTestId('takedown-status').textContent(), WAIT).toBe('Acceptée');

    await page.getByLabel('Rattacher à une opération').selectOption({ label: `STOP-V · ${OPERATION}` });
    await page.getByRole('link', { name: `STOP-V · ${OPERATION}` }).waitFor(WAIT);
    await page.getByTestId('case-purchases').scrollIntoViewIfNeeded();
    await shot(page, 'enforcement');
    await expectNothingRan(page, 'case page with enforcement records');

    // The final report: the case's seizure counted for the operation.
    await page.goto(operationUrl);
    await page.getByRole('link', { name: 'Rapport final' }).click();
    await expect.poll(() => page.getByTestId('total-cases').textContent(), WAIT).toBe('1');
    expect(await page.getByTestId('total-seizures').textContent()).toBe('1');
    expect(await page.getByTestId('report-category').textContent()).toContain('Accessoires contrefaits');
    expect(await page.getByTestId('report-participant').textContent()).toContain('301');
    expect(await page.getByTestId('report-title').textContent()).toContain(PAYLOAD);
    await expect.poll(() => page.locator('[role=img] canvas').count(), WAIT).toBeGreaterThanOrEqual(3);
    expect(await hoverEveryChart(page)).toBeGreaterThanOrEqual(3);
    await page.mouse.move(1, 1);
    await page.getByTestId('report-title').scrollIntoViewIfNeeded();
    await shot(page, 'operation');
    await expectNothingRan(page, 'operation report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF (AR)' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Arabic: right to left, the same figures.
    await page.getByText('العربية').click();
    await expect
      .poll(
        () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir),
        WAIT,
      )
      .toBe('rtl');
    await expect
      .poll(() => page.getByTestId('report-title').textContent(), WAIT)
      .toContain('التقرير النهائي');
    expect(await page.getByTestId('report-category').textContent()).toContain('إكسسوارات مزيفة');
    await shot(page, 'operation-ar');
    await expectNothingRan(page, 'operation report in Arabic');
    const csv = await page.request.get(
      `${base}${new URL(page.url()).pathname.replace(/^\/operations/, '/api/operations')}/export?format=csv&table=participant`,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('301');
  });
});
