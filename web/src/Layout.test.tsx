// @vitest-environment happy-dom
/**
 * The menu each role sees is what its permissions allow, and only that: the server's role matrix
 * (src/platform/auth/permissions.ts) gives each role's permissions, the session hands them to the workbench, and
 * the menu is drawn from them, never from role names. Each role's landing page is checked the same way.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/platform/auth/permissions.ts';
import { LANDINGS, Layout, landingFor, MENU, menuFor } from './Layout.tsx';
import { renderPage, setUpPageTests, signedIn, stubApi } from './test/harness.tsx';

setUpPageTests('fr');

/** What each role's menu must hold, in order: written out, so that a change to the matrix or the menu shows here. */
const EXPECTED: Record<Role, string[]> = {
  admin: MENU.map((entry) => entry.path),
  analyst: [
    '/dashboard',
    '/selection',
    '/declarations',
    '/parcels',
    '/parcels/mine',
    '/rules',
    '/targeting/capacities',
    '/targeting/lists',
    '/targeting/valuation',
    '/targeting/integrity',
    '/parcels/examiners',
    '/models',
    '/register',
    '/imports',
    '/graph',
    '/figures',
    '/account',
  ],
  officer: [
    '/dashboard',
    '/selection',
    '/declarations',
    '/parcels',
    '/parcels/mine',
    '/rules',
    '/targeting/capacities',
    '/targeting/valuation',
    '/parcels/examiners',
    '/register',
    '/cases',
    '/operations',
    '/account',
  ],
  investigator: [
    '/dashboard',
    '/declarations',
    '/parcels',
    '/parcels/mine',
    '/parcels/examiners',
    '/register',
    '/osint',
    '/graph',
    '/cases',
    '/operations',
    '/figures',
    '/account',
  ],
  liaison: [
    '/sharing',
    '/sharing/assistance',
    '/sharing/groups',
    '/sharing/partners',
    '/sharing/ledger',
    '/account',
  ],
  auditor: [
    '/dashboard',
    '/selection',
    '/declarations',
    '/parcels',
    '/parcels/mine',
    '/rules',
    '/targeting/capacities',
    '/targeting/valuation',
    '/targeting/integrity',
    '/parcels/examiners',
    '/models',
    '/register',
    '/imports',
    '/osint',
    '/graph',
    '/cases',
    '/operations',
    '/figures',
    '/sharing',
    '/sharing/assistance',
    '/sharing/groups',
    '/sharing/partners',
    '/sharing/ledger',
    '/admin/audit',
    '/account',
  ],
};

const LANDING: Record<Role, string> = {
  admin: '/admin/users',
  analyst: '/dashboard',
  officer: '/selection',
  investigator: '/cases',
  liaison: '/sharing',
  auditor: '/admin/audit',
};

const canOf = (role: Role) => (permission: string) =>
  (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);

describe('the menu by role', () => {
  it('holds for each role exactly the entries whose permission the role has', () => {
    for (const role of ROLES) {
      const can = canOf(role);
      expect(
        menuFor(can).map((e) => e.path),
        role,
      ).toEqual(EXPECTED[role]);
      // And no entry is hidden that the role may use.
      const hidden = MENU.filter((e) => !EXPECTED[role].includes(e.path));
      expect(
        hidden.filter((e) => can(e.permission)).map((e) => e.path),
        role,
      ).toEqual([]);
    }
  });

  it.each(ROLES)('draws the menu of %s from the session’s permissions', async (role) => {
    stubApi(signedIn([...ROLE_PERMISSIONS[role]], { username: role, roles: [role] }));
    renderPage(
      <Layout>
        <p>page</p>
      </Layout>,
      { route: '/account' },
    );
    const nav = await screen.findByRole('navigation', { name: 'main' });
    await within(nav).findAllByRole('link');
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(EXPECTED[role]);
    // The page open is marked as such, and only it.
    const active = nav.querySelectorAll('a[data-active]');
    expect([...active].map((a) => a.getAttribute('href'))).toEqual(['/account']);
  });

  it('marks the longest matching entry active: a target list’s page is under "target lists", not another entry', async () => {
    stubApi(signedIn([...ROLE_PERMISSIONS.analyst]));
    renderPage(<Layout>page</Layout>, { route: '/targeting/lists/4' });
    const nav = await screen.findByRole('navigation', { name: 'main' });
    await within(nav).findAllByRole('link');
    expect([...nav.querySelectorAll('a[data-active]')].map((a) => a.getAttribute('href'))).toEqual([
      '/targeting/lists',
    ]);
  });

  it('shows a user without any permission but a session only their account, never an empty menu', async () => {
    stubApi(signedIn(['session']));
    renderPage(<Layout>page</Layout>);
    const nav = await screen.findByRole('navigation', { name: 'main' });
    expect((await within(nav).findAllByRole('link')).map((a) => a.textContent)).toEqual(['Mon compte']);
  });
});

describe('the landing page by role', () => {
  it.each(ROLES)('sends %s to its own page', (role) => {
    expect(landingFor(canOf(role))).toBe(LANDING[role]);
  });

  it('takes a landing only when its page is in the menu: the liaison lands on the group messages', () => {
    const liaison = canOf('liaison');
    expect(LANDINGS.some((l) => l.path === '/sharing' && liaison(l.permission))).toBe(true);
    expect(landingFor(liaison)).toBe('/sharing');
    // Without the /sharing entry (a menu lacking it), the landing falls back on the menu's first entry.
    expect(landingFor((p) => p === 'session' || p === 'assistance:read')).toBe('/sharing/assistance');
  });

  it('puts the cooperation pages under their own heading, after the investigation ones', async () => {
    stubApi(signedIn([...ROLE_PERMISSIONS.liaison], { username: 'liaison', roles: ['liaison'] }));
    renderPage(<Layout>page</Layout>, { route: '/sharing/assistance/3' });
    const nav = await screen.findByRole('navigation', { name: 'main' });
    await within(nav).findAllByRole('link');
    const section = nav.querySelector('[data-section="cooperation"]')!;
    expect(section.textContent).toContain('Coopération');
    expect(
      within(section as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Messages des groupes',
      'Assistance mutuelle',
      'Groupes fermés',
      'Partenaires',
      'Registre signé',
    ]);
    expect([...nav.querySelectorAll('a[data-active]')].map((a) => a.getAttribute('href'))).toEqual([
      '/sharing/assistance',
    ]);
  });

  it('falls back on the first menu entry when no landing applies', () => {
    expect(landingFor((p) => p === 'session' || p === 'partners:read')).toBe('/register');
  });
});
