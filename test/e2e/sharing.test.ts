/**
 * Cooperation between administrations in a real browser (Debian's Chromium driven by playwright-core, headless):
 * the liaison officer signs in and lands on the group messages, opens a mutual-assistance request to a partner and
 * moves it twice (sent, then answered), previews a seizure report for a closed user group whose agreement excludes
 * nominal data (the fields removed shown as removed) and sends it, reads a message the partner sent (its title and
 * text are script payloads: they show as text and nothing runs), verifies the ledger (intact) and downloads its
 * export, and reads the ledger in Arabic, right to left. The partner, the group and the seizure are set up through
 * the API beforehand. Screenshots go to .e2e/screenshots/sharing-*.png. Every wait is for a condition.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/app/modules.ts';
import { createDemoUsers } from '../../src/modules/auth/demo-users.ts';
import { rawPublicKey, signText } from '../../src/modules/sharing/keys.ts';
import { payloadHash, statementText } from '../../src/modules/sharing/ledger-format.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { ensureWebBuilt } from '../../src/platform/server/web.ts';
import { userWithToken } from '../auth.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';
import { PROBE_SCRIPT, report } from './probes.ts';

const WAIT = { timeout: 20_000 };

/** What the evaluated functions see in the page (the test itself is compiled without the DOM library). */
interface BrowserGlobals {
  document: { documentElement: { dir: string } };
}

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots');
const files = tempFiles();
const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const PARTNER = 'ES-AEAT';
const GROUP = 'MED-OPS';

describe.runIf(existsSync(CHROMIUM))('cooperation between administrations in a browser', () => {
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let browser: Browser;
  let base = '';
  let password = '';
  let seizureReference = '';
  let page: Page;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];
  const partnerKeys = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    close = opened.close;
    password = (await createDemoUsers(opened.database, files.dir))!.password;
    const config = loadConfig({ dataDir: files.dir });
    const logger = createLogger('silent');
    jobs = new JobQueue(opened.database, config, logger, registry);
    await ensureWebBuilt(logger);
    app = await buildApp({ registry, database: opened.database, config, logger, jobs, web: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });

    // The partner (its name a payload), a group without nominal data, a seizure on a case naming a person.
    const admin = (await userWithToken(opened.database, ['admin'])).headers;
    const call = async (method: 'POST', url: string, payload: Record<string, unknown>) => {
      const answer = await app.inject({ method, url, headers: admin, payload });
      expect(answer.statusCode, `${url}: ${answer.body}`).toBeLessThan(300);
      return answer.json();
    };
    await call('POST', '/api/sharing/partners', {
      code: PARTNER,
      name: `Agencia Tributaria ${PAYLOAD}`,
      kind: 'customs_administration',
      country: 'ES',
      public_key: rawPublicKey(partnerKeys.publicKey).toString('base64'),
    });
    await call('POST', '/api/sharing/groups', { code: GROUP, name: 'Opération Méditerranée' });
    await call('POST', `/api/sharing/groups/${GROUP}/members`, {
      member_type: 'partner',
      ref: PARTNER,
      role: 'coordinator',
    });
    const kase = await call('POST', '/api/cases', {
      title: 'Affaire Youssef El Amrani',
      type: 'counterfeiting',
      office: '300',
    });
    await call('POST', `/api/cases/${kase.id}/links`, {
      target_type: 'person',
      target_ref: 'Youssef El Amrani',
    });
    await call('POST', `/api/cases/${kase.id}/links`, { target_type: 'company', target_ref: 'RC-45871' });
    const seizure = await call('POST', '/api/seizures', {
      case_id: kase.id,
      seized_on: '2026-03-14',
      office: '300',
      place: '12 rue des Orangers',
      city: 'Tanger',
      description: 'Sacs contrefaits',
      category: 'counterfeit_accessories',
      quantity: 240,
      unit: 'pieces',
      brand: 'Louis Vuitton',
      officers: ['Karim Benali'],
    });
    seizureReference = seizure.reference;
    // A message the partner signed, received here: its title and text are payloads.
    const sender = (
      await app.inject({ method: 'GET', url: `/api/sharing/partners/${PARTNER}`, headers: admin })
    ).json().key_id;
    const payload = { schema: 'vigie.text/1', text: `Camions de sacs le vendredi ${PAYLOAD}` };
    const statement = {
      v: 1 as const,
      message_id: randomUUID(),
      sender,
      sent_at: '2026-03-20T08:00:00.000Z',
      kind: 'warning' as const,
      distribution: 'group' as const,
      marking: 'amber' as const,
      group: GROUP,
      title: `Alerte Algésiras ${PAYLOAD}`,
      payload_sha256: payloadHash(payload),
    };
    await call('POST', '/api/sharing/messages/incoming', {
      ...statement,
      payload,
      signature: signText(partnerKeys.privateKey, statementText(statement)),
    });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    mkdirSync(SHOTS, { recursive: true });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    contexts.push(context);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.addInitScript({ content: PROBE_SCRIPT });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
    await jobs?.stop();
    await close?.();
  });

  async function expectNothingRan(where: string) {
    const seen = await report(page);
    expect(dialogs, `${where}: dialogs`).toEqual([]);
    expect(seen.xss, `${where}: window.__xss`).toBeUndefined();
    expect(seen.injected, `${where}: elements able to run script`).toEqual([]);
    expect(seen.violations, `${where}: CSP refusals`).toEqual([]);
  }

  const shot = (name: string, fullPage = true) =>
    page.screenshot({ path: join(SHOTS, `sharing-${name}.png`), fullPage });

  it('the liaison officer signs in and lands on the group messages, a partner’s hostile message shown as text', async () => {
    await page.goto(base);
    await page.getByLabel("Nom d'utilisateur").fill('liaison');
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('user-name').waitFor();
    await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe('/sharing');
    const row = page.getByTestId('message-row').first();
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain(`Alerte Algésiras ${PAYLOAD}`);
    await row.click();
    await expect
      .poll(() => page.getByTestId('message-title').textContent(), WAIT)
      .toBe(`Alerte Algésiras ${PAYLOAD}`);
    expect(await page.getByTestId('signature-status').textContent()).toContain('Signature vérifiée');
    expect(await page.getByTestId('signature-key').textContent()).toBe(
      'Signé avec la clé actuelle du partenaire.',
    );
    expect(await page.getByTestId('payload-row').allTextContents()).toContain(
      `textCamions de sacs le vendredi ${PAYLOAD}`,
    );
    await shot('message-received');
    await expectNothingRan('received message');
  });

  it('creates a mutual-assistance request and moves it through two transitions', async () => {
    await page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Assistance mutuelle' })
      .click();
    await page.getByRole('link', { name: 'Nouvelle demande' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle demande' });
    await form.waitFor(WAIT);
    await expect
      .poll(
        () =>
          form
            .getByRole('combobox', { name: /^Partenaire/ })
            .locator('option')
            .count(),
        WAIT,
      )
      .toBe(2);
    await form.getByRole('combobox', { name: /^Partenaire/ }).selectOption(PARTNER);
    await form.getByLabel('Base juridique').fill('Convention de Nairobi, annexe II');
    await form.getByLabel('Objet').fill('Importateur de sacs contrefaits');
    await form.getByLabel('Questions').fill('Qui est le destinataire réel des conteneurs ?');
    await form.getByLabel('Échéance').fill('2026-12-31');
    await form.getByRole('button', { name: 'Ouvrir la demande' }).click();
    await expect
      .poll(() => page.getByTestId('assistance-number').textContent(), WAIT)
      .toMatch(/^OUT\/\d{4}\/0001$/);

    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByRole('form', { name: 'Envoyer' }).getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => workflow.getByRole('button').allTextContents(), WAIT)
      .toEqual(['Enregistrer la réponse', 'Refuser', 'Retirer']);

    await workflow.getByRole('button', { name: 'Enregistrer la réponse' }).click();
    const answer = page.getByRole('form', { name: 'Enregistrer la réponse' });
    await answer.getByLabel('Réponse').fill(`Le destinataire est une société écran ${PAYLOAD}`);
    await answer.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => page.getByTestId('assistance-answer').textContent(), WAIT)
      .toBe(`Le destinataire est une société écran ${PAYLOAD}`);
    expect(await workflow.getByRole('button').allTextContents()).toEqual(['Clore']);
    expect(await page.getByTestId('assistance-history').textContent()).toContain('Répondue');
    await shot('assistance-answered');
    await expectNothingRan('assistance request');

    await page.getByRole('link', { name: /Toutes les demandes/ }).click();
    await expect.poll(() => page.getByTestId('assistance-row').count(), WAIT).toBe(1);
    await page.getByTestId('assistance-counts').waitFor(WAIT);
    await shot('assistance-list');
  });

  it('previews a seizure report for a group without nominal data, then sends it', async () => {
    await page.goto(`${base}/sharing/compose?group=${GROUP}`);
    const form = page.getByRole('form', { name: 'Rédiger et partager' });
    await form.waitFor(WAIT);
    await expect.poll(() => form.getByLabel('Groupe').inputValue(), WAIT).toBe(GROUP);
    // The liaison office knows the seizure by the reference the seizing office gave it.
    await form.getByLabel('Type').selectOption('seizure_report');
    await form.getByLabel(/^Saisie/).fill(seizureReference);
    await form.getByRole('button', { name: 'Aperçu de ce qui part' }).click();
    const preview = page.getByTestId('preview');
    await preview.waitFor(WAIT);
    const removed = await preview.getByTestId('removed-row').allTextContents();
    expect(removed).toEqual(
      expect.arrayContaining([
        'seizure.placeretiré (accord du groupe)',
        'seizure.officersretiré (accord du groupe)',
        'case.titleretiré (accord du groupe)',
      ]),
    );
    const leaving = (await preview.getByTestId('payload-row').allTextContents()).join('\n');
    expect(leaving).toContain('seizure.cityTanger');
    expect(leaving).not.toContain('Karim Benali');
    expect(leaving).not.toContain('Youssef El Amrani');
    expect(leaving).not.toContain('12 rue des Orangers');
    expect(await preview.textContent()).toContain('Sans données nominatives');
    await shot('compose-preview');
    await preview.getByRole('button', { name: 'Signer et envoyer' }).click();
    await expect
      .poll(() => page.getByTestId('message-title').textContent(), WAIT)
      .toContain(`Seizure ${seizureReference}`);
    expect(await page.getByTestId('signature-status').textContent()).toContain(
      'Signé par cette installation',
    );
    await shot('message-sent');
  });

  it('verifies the ledger, downloads its export and reads it right to left in Arabic', async () => {
    await page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Registre signé' })
      .click();
    await expect.poll(() => page.getByTestId('ledger-row').count(), WAIT).toBe(2);
    await page.getByRole('button', { name: 'Vérifier le registre' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor(WAIT);
    expect(await verdict.textContent()).toContain('Registre intact');
    expect(await verdict.textContent()).toContain('2 entrées');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ledger-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('vigie-ledger.ndjson');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['vigie-ledger', 'entry', 'entry']);
    await shot('ledger-verified');
    await expectNothingRan('ledger');

    await page.locator('header label', { hasText: 'العربية' }).click();
    await expect
      .poll(
        () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.dir),
        WAIT,
      )
      .toBe('rtl');
    await page.getByRole('button', { name: 'التحقق من السجل' }).click();
    await expect.poll(() => page.getByTestId('verdict').textContent(), WAIT).toContain('السجل سليم');
    await shot('ledger-ar');
    await page.locator('header label', { hasText: 'Français' }).click();
  });
});
