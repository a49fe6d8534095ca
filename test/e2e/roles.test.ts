/**
 * The workbench as each of the six roles lives in it (issue 15): sign in as the demo user of the role, land on its
 * own page, then open every page its menu offers (and the tabs of those pages), each in French, Arabic and English,
 * on a desktop (1280×800) and a tablet (820×1180) screen, and screenshot each to .e2e/screenshots/roles/ for review.
 * On every screen: the document is right to left in Arabic only; nothing runs off the side on a tablet (the page
 * does not scroll sideways, the main area holds its content: wide tables scroll inside their own frame); no page
 * error, no console error, and no call the role is refused (a page offered to a role must not ask for what the role
 * may not read). One browser, one server, one signed-in page per role, moved between pages inside the app.
 * Every wait is for a condition; nothing here measures a time.
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
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/platform/auth/permissions.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import { ensureWebBuilt } from '../../src/platform/server/web.ts';
import { openTestDatabase } from '../db.ts';
import { tempFiles } from '../files.ts';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '..', '..', '.e2e', 'screenshots', 'roles');
const files = tempFiles();

/** Where each role starts (web/src/Layout.tsx, LANDINGS: chosen by permissions, checked here by role). */
const LANDING: Record<Role, string> = {
  admin: '/admin/users',
  analyst: '/dashboard',
  officer: '/selection',
  investigator: '/cases',
  liaison: '/sharing',
  auditor: '/admin/audit',
};

/** The pages behind a menu entry that has tabs of its own (each a page with its address). */
const TABS: Record<string, string[]> = {
  '/rules': ['/rules/profiles', '/rules/campaigns'],
  '/osint': [
    '/osint',
    '/osint/feed',
    '/osint/alerts',
    '/osint/sellers',
    '/osint/sources',
    '/osint/watchlist',
  ],
  '/graph': ['/graph', '/graph/suggestions', '/graph/map', '/graph/hubs'],
  '/register': ['/register/companies', '/register/manifests', '/register/payments'],
};

const SCREENS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'tablet', width: 820, height: 1180 },
] as const;

/** The language switch shows each language in its own name, whatever the page's language. */
const LANGUAGES = [
  { code: 'fr', label: 'Français', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'en', label: 'English', dir: 'ltr' },
] as const;

/** An element as the overflow diagnosis reads it. */
interface Outlier {
  tagName: string;
  className: unknown;
  children: ArrayLike<Outlier>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; right: number; width: number };
}

/** What the evaluated functions see in the page (the tests are compiled without the DOM library). */
interface PageGlobals {
  document: {
    documentElement: { dir: string; lang: string; scrollWidth: number };
    querySelector(selector: string): { scrollWidth: number; clientWidth: number } | null;
    querySelectorAll(selector: string): { length: number };
    body: Outlier;
  };
  innerWidth: number;
  history: { pushState(state: unknown, title: string, url: string): void };
  dispatchEvent(event: unknown): void;
  PopStateEvent: new (type: string) => unknown;
}

describe.runIf(existsSync(CHROMIUM))(
  'each role in the workbench: landing page and every page it may open',
  () => {
    let close: () => Promise<void>;
    let app: FastifyInstance;
    let jobs: JobQueue;
    let browser: Browser;
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
      app = await buildApp({ registry, database: opened.database, config, logger, jobs, web: true });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
      mkdirSync(SHOTS, { recursive: true });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await jobs?.stop();
      await close?.();
    });

    /** A signed-in page for `role`, with what went wrong in it collected as it happens. */
    async function signIn(role: Role) {
      const context = await browser.newContext({ viewport: SCREENS[0], locale: 'fr-FR' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      let inFlight = 0;
      let settledAt = 0;
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/api/') && response.status() >= 400)
          problems.push(
            `${response.request().method()} ${url.pathname}${url.search} answered ${response.status()}`,
          );
      });
      // Calls in flight (not the server-sent event streams, which stay open).
      const tracked = (type: string) => type === 'fetch' || type === 'xhr';
      page.on('request', (request) => {
        if (tracked(request.resourceType())) inFlight++;
      });
      const done = (request: { resourceType(): string }) => {
        if (tracked(request.resourceType())) {
          inFlight--;
          settledAt = Date.now();
        }
      };
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      await page.goto(base);
      await page.getByLabel("Nom d'utilisateur").fill(role);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByTestId('user-name').waitFor();
      // Before signing in, the app asked who was signed in and heard "nobody" (401): that is expected.
      problems.length = 0;
      /**
       * The page has what it asked for: no call in flight for a moment, no loader in the main area, and the chunks
       * of lazy pages arrived. A condition with a wide limit, not a measure.
       */
      const settle = async () => {
        await expect
          .poll(
            async () =>
              inFlight === 0 &&
              Date.now() - settledAt > 150 &&
              (await page.evaluate(
                () =>
                  (globalThis as unknown as PageGlobals).document.querySelectorAll(
                    'main .mantine-Loader-root, main [aria-busy="true"]',
                  ).length,
              )) === 0,
            { timeout: 60_000, interval: 100 },
          )
          .toBe(true);
      };
      return { page, problems, settle, close: () => context.close() };
    }

    /** The outermost elements that stand beyond the screen's sides: what makes a page scroll sideways. */
    const outliers = (page: Page) =>
      page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        const found: string[] = [];
        const visit = (element: Outlier) => {
          const box = element.getBoundingClientRect();
          if (box.width > 0 && (box.left < -1 || box.right > g.innerWidth + 1)) {
            const id = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? '';
            found.push(
              `${element.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${String(element.className).split(' ')[0]} ${Math.round(box.left)}..${Math.round(box.right)}`,
            );
            return;
          }
          for (const child of Array.from(element.children)) visit(child);
        };
        visit(g.document.body);
        return found.slice(0, 5).join('; ') || 'no element found beyond the sides';
      });

    /** Moves to `path` inside the app, as a link does (no reload). */
    const go = (page: Page, path: string) =>
      page.evaluate((to) => {
        (globalThis as unknown as PageGlobals).history.pushState({}, '', to);
        (globalThis as unknown as PageGlobals).dispatchEvent(
          new (globalThis as unknown as PageGlobals).PopStateEvent('popstate'),
        );
      }, path);

    // The suite walks the six roles (846 screens, about seven minutes here); VIGIE_E2E_ROLES=officer,liaison (say)
    // walks only those.
    const asked = (process.env.VIGIE_E2E_ROLES ?? 'all').split(',').filter(Boolean);
    const only = asked.includes('all') ? [] : asked;
    it.each(ROLES.filter((role) => !only.length || only.includes(role)))(
      '%s: lands on its page and opens every page of its menu, in three languages, on desktop and tablet',
      async (role) => {
        mkdirSync(join(SHOTS, role), { recursive: true });
        const { page, problems, settle, close } = await signIn(role);
        try {
          // Landing: the address of the app sends the role to its own page.
          await expect.poll(() => new URL(page.url()).pathname).toBe(LANDING[role]);
          const nav = page.getByRole('navigation', { name: 'main' });
          const menu = await nav
            .getByRole('link')
            .evaluateAll((links) =>
              links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')),
            );
          expect(menu.length, `${role}: menu`).toBeGreaterThan(0);
          expect(menu, `${role}: the landing page is in the menu`).toContain(LANDING[role]);
          // The admin's menu has every entry; others have fewer, and never one of the admin's pages they may not use.
          if (!ROLE_PERMISSIONS[role].includes('users:manage')) expect(menu).not.toContain('/admin/users');
          if (!ROLE_PERMISSIONS[role].includes('audit:read')) expect(menu).not.toContain('/admin/audit');

          // Every problem of every screen, reported together at the end.
          const failures: string[] = [];
          const fail = (message: string) => {
            console.log(message);
            failures.push(message);
          };
          const pages = [LANDING[role], ...menu.flatMap((path) => TABS[path] ?? [path])].filter(
            (path, i, all) => all.indexOf(path) === i,
          );
          for (const path of pages) {
            if (new URL(page.url()).pathname !== path) await go(page, path);
            await settle();
            const name = path.replace(/^\//, '').replace(/\//g, '-') || 'home';
            for (const screen of SCREENS) {
              await page.setViewportSize({ width: screen.width, height: screen.height });
              // Some parts follow a new screen size a moment later (the link chart resizes its canvas after the
              // window's resize event, debounced): wait until the page fits, or a while, then judge it below.
              await expect
                .poll(
                  () =>
                    page.evaluate(() => {
                      const g = globalThis as unknown as PageGlobals;
                      return g.document.documentElement.scrollWidth <= g.innerWidth;
                    }),
                  { timeout: 5_000 },
                )
                .toBe(true)
                .catch(() => {});
              for (const language of LANGUAGES) {
                const where = `${role} ${path} ${language.code} ${screen.name}`;
                await page.locator('header label', { hasText: language.label }).click();
                await expect
                  .poll(
                    () =>
                      page.evaluate(
                        () => (globalThis as unknown as PageGlobals).document.documentElement.lang,
                      ),
                    { timeout: 20_000 },
                  )
                  .toBe(language.code);
                await settle();
                const layout = await page.evaluate(() => {
                  const main = (globalThis as unknown as PageGlobals).document.querySelector('main');
                  return {
                    dir: (globalThis as unknown as PageGlobals).document.documentElement.dir,
                    page: (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
                    width: (globalThis as unknown as PageGlobals).innerWidth,
                    main: main ? main.scrollWidth - main.clientWidth : -1,
                  };
                });
                if (layout.dir !== language.dir) fail(`${where}: direction ${layout.dir}`);
                if (screen.name === 'tablet' && layout.page > layout.width)
                  fail(
                    `${where}: the page scrolls sideways (${layout.page} > ${layout.width} px): ${await outliers(page)}`,
                  );
                if (screen.name === 'tablet' && layout.main > 1)
                  fail(`${where}: the main area clips its content (${layout.main} px)`);
                await page.screenshot({
                  path: join(SHOTS, role, `${name}.${language.code}.${screen.name}.jpg`),
                });
                for (const problem of problems.splice(0)) fail(`${where}: ${problem}`);
              }
            }
          }
          expect(failures).toEqual([]);
        } finally {
          await close();
        }
      },
      1_800_000,
    );
  },
);
