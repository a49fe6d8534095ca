// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApiItem } from '../../api/types.ts';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { Account } from './Account.tsx';
import { Administration } from './index.tsx';

setUpPageTests('fr');

const ADMIN = ['session', 'users:manage', 'audit:read'];
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

function show(path: string, routes: ApiRoutes, permissions = ADMIN) {
  const api = stubApi(
    signedIn(permissions, { id: 1, username: 'admin', display_name: 'Admin', roles: ['admin'] }),
    routes,
  );
  renderPage(
    <Routes>
      <Route path="/admin/*" element={<Administration />} />
      <Route path="/account" element={<Account />} />
    </Routes>,
    { route: path },
  );
  return api;
}

const entry: ApiItem<'/api/audit'> = {
  seq: 41,
  at: '2026-11-20T10:00:00Z',
  actor_id: 2,
  actor: 'analyst',
  ip: '10.0.0.5',
  action: 'risk.watchlist.create',
  target_type: 'risk_watchlist',
  target_id: '4',
  before: null,
  after: { name: PAYLOAD },
  details: { reason: 'liste de la cellule' },
  prev_hash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  key_id: 'k1',
  seal: 's',
};

const auditPage = { body: { total: 120, limit: 50, offset: 0, items: [entry] } };

describe('the audit trail', () => {
  it('sends its filters to the server and opens an entry’s before, after and details as text', async () => {
    const api = show('/admin/audit?action=risk.*', { 'GET /api/audit': auditPage });
    const row = await screen.findByTestId('audit-row');
    expect(row.textContent).toContain('risk.watchlist.create');
    expect(row.textContent).toContain('risk_watchlist · 4');
    expect(api.calls.find((c) => c.path === '/api/audit')!.url.searchParams.get('action')).toBe('risk.*');
    fireEvent.change(screen.getByLabelText('Auteur'), { target: { value: 'analyst' } });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/audit').at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toEqual({
        actor: 'analyst',
        action: 'risk.*',
        from: '2026-11-01',
        limit: '50',
        offset: '0',
      });
    });
    fireEvent.click(screen.getByTestId('audit-row'));
    const detail = await screen.findByTestId('audit-detail');
    expect(detail.textContent).toContain(JSON.stringify(PAYLOAD));
    expect(detail.textContent).toContain('liste de la cellule');
    expect(detail.querySelector('img')).toBeNull();
    expect(screen.getByTestId('list-count').textContent).toBe('1 à 1 sur 120');
  });

  it('verifies the chain and names each bad entry', async () => {
    show('/admin/audit', {
      'GET /api/audit': auditPage,
      'GET /api/audit/verify': {
        body: {
          ok: false,
          checked: 120,
          sealed: 100,
          unsealed: 20,
          keyed: true,
          head: { seq: 120, hash: 'c'.repeat(64) },
          checkpoint: null,
          problems: [
            { seq: 41, kind: 'altered', message: 'entry 41: its hash does not match its content' },
            { seq: 42, kind: 'broken_link', message: 'entry 42: prev_hash is not the hash of entry 41' },
          ],
          problem_count: 2,
          problem: { seq: 41, kind: 'altered', message: 'entry 41: its hash does not match its content' },
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Vérifier la chaîne' }));
    const report = await screen.findByTestId('audit-verify');
    expect(report.textContent).toContain('Entrées en défaut : 2');
    const problems = within(screen.getByTestId('audit-problems')).getAllByRole('listitem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'Entrée 41 modifiée entry 41: its hash does not match its content',
      'Entrée 42 chaînage rompu entry 42: prev_hash is not the hash of entry 41',
    ]);
  });

  it('says the chain is intact when it is', async () => {
    show('/admin/audit', {
      'GET /api/audit': auditPage,
      'GET /api/audit/verify': {
        body: {
          ok: true,
          checked: 120,
          sealed: 120,
          unsealed: 0,
          keyed: false,
          head: { seq: 120, hash: 'c'.repeat(64) },
          checkpoint: { seq: 100, at: '2026-11-19T00:00:00Z' },
          problems: [],
          problem_count: 0,
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Vérifier la chaîne' }));
    const report = await screen.findByTestId('audit-verify');
    expect(report.textContent).toContain('La chaîne est intacte');
    expect(report.textContent).toContain('les sceaux n’ont pas été vérifiés');
    expect(report.textContent).toContain('entrée 100');
  });

  it('shows a refusal in the user’s language', async () => {
    show(
      '/admin/audit',
      { 'GET /api/audit': { status: 403, body: { code: 'auth.forbidden', message: 'forbidden' } } },
      ['session'],
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Votre rôle ne permet pas cette action.',
    );
  });
});

const users: ApiItem<'/api/users'>[] = [
  { id: 1, username: 'admin', display_name: 'Admin', roles: ['admin'], office_code: null, disabled: false },
  {
    id: 7,
    username: 'officer',
    display_name: PAYLOAD,
    roles: ['officer'],
    office_code: '301',
    disabled: false,
    last_login_at: '2026-11-20T08:00:00Z',
    locked_until: null,
  },
];

const token: ApiItem<'/api/tokens'> = {
  id: 3,
  prefix: 'vg_ab12',
  name: 'export nightly',
  username: 'officer',
  created_at: '2026-11-01T00:00:00Z',
  expires_at: '2099-01-01T00:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

describe('users and tokens', () => {
  it('lists users with names as text, and creates one', async () => {
    const api = show('/admin/users', {
      'GET /api/users': { body: { items: users } },
      'POST /api/users': { status: 201, body: { ...users[1]!, id: 8, username: 'amina' } },
    });
    const rows = await screen.findAllByTestId('user-row');
    expect(rows[1]!.textContent).toContain(PAYLOAD);
    expect(rows[1]!.querySelector('img')).toBeNull();
    expect(rows[1]!.textContent).toContain('Vérificateur');
    fireEvent.click(screen.getByRole('button', { name: 'Nouvel utilisateur' }));
    const form = await screen.findByRole('form', { name: 'Nouvel utilisateur' });
    fireEvent.change(within(form).getByLabelText(/^Identifiant/), { target: { value: 'amina' } });
    fireEvent.change(within(form).getByLabelText(/^Mot de passe/), {
      target: { value: 'a long password 1' },
    });
    fireEvent.change(within(form).getByLabelText(/^Bureau/), { target: { value: '301' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Analyste' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Créer' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/users')).toEqual([
        { username: 'amina', password: 'a long password 1', roles: ['analyst'], office_code: '301' },
      ]),
    );
  });

  it('shows why the server refuses to disable one’s own account', async () => {
    const api = show('/admin/users', {
      'GET /api/users': { body: { items: users } },
      'PATCH /api/users/1': {
        status: 422,
        body: { code: 'user.self_lockout', message: 'you cannot disable your own account' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver admin' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Vous ne pouvez ni désactiver votre propre compte',
    );
    expect(api.sent('PATCH', '/api/users/1')).toEqual([{ disabled: true }]);
  });

  it('changes a user’s roles', async () => {
    const api = show('/admin/users', {
      'GET /api/users': { body: { items: users } },
      'PATCH /api/users/7': { body: { ...users[1]!, roles: ['officer', 'investigator'] } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier officer' }));
    const form = await screen.findByRole('form', { name: 'Modifier' });
    expect(within(form).getByRole('checkbox', { name: 'Vérificateur' })).toHaveProperty('checked', true);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Enquêteur' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(api.sent('PATCH', '/api/users/7')).toEqual([
        { display_name: PAYLOAD, roles: ['officer', 'investigator'], office_code: '301' },
      ]),
    );
  });

  it('lists a user’s tokens and revokes one', async () => {
    let revoked = false;
    const api = show('/admin/users', {
      'GET /api/users': { body: { items: users } },
      'GET /api/tokens': () => ({
        body: { items: [{ ...token, revoked_at: revoked ? '2026-11-21T00:00:00Z' : null }] },
      }),
      'DELETE /api/tokens/3': () => {
        revoked = true;
        return { status: 204 };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Jetons de officer' }));
    const row = await screen.findByTestId('token-row');
    expect(row.textContent).toContain('export nightly');
    expect(row.textContent).toContain('Actif');
    expect(api.calls.find((c) => c.path === '/api/tokens')!.url.searchParams.get('username')).toBe('officer');
    fireEvent.click(within(row).getByRole('button', { name: 'Révoquer le jeton export nightly' }));
    await waitFor(() => expect(screen.getByTestId('token-row').textContent).toContain('Révoqué'));
    expect(api.sent('DELETE', '/api/tokens/3')).toHaveLength(1);
  });
});

describe('my account', () => {
  it('creates a token with the password again, shows it once, and lists it', async () => {
    let created = false;
    const api = show(
      '/account',
      {
        'GET /api/auth/tokens': () => ({ body: { items: created ? [token] : [] } }),
        'POST /api/auth/tokens': () => {
          created = true;
          return {
            status: 201,
            body: {
              id: 3,
              token: 'vg_ab12.secret',
              name: 'export nightly',
              prefix: 'vg_ab12',
              expires_at: '2099-01-01T00:00:00Z',
            },
          };
        },
      },
      ['session'],
    );
    await screen.findByText('Aucun jeton.');
    const form = screen.getByRole('form', { name: 'Nouveau jeton pour un script' });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: 'export nightly' } });
    fireEvent.change(within(form).getByLabelText(/^Votre mot de passe/), {
      target: { value: 'my password' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer le jeton' }));
    expect((await screen.findByTestId('new-token')).textContent).toContain('vg_ab12.secret');
    expect(api.sent('POST', '/api/auth/tokens')).toEqual([
      { name: 'export nightly', days: 30, password: 'my password' },
    ]);
    await screen.findByTestId('token-row');
  });

  it('says the password was wrong, and shows no token', async () => {
    show(
      '/account',
      {
        'GET /api/auth/tokens': { body: { items: [] } },
        'POST /api/auth/tokens': { status: 403, body: { code: 'auth.reauthenticate', message: 'wrong' } },
      },
      ['session'],
    );
    const form = await screen.findByRole('form', { name: 'Nouveau jeton pour un script' });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: 'x' } });
    fireEvent.change(within(form).getByLabelText(/^Votre mot de passe/), { target: { value: 'bad' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer le jeton' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Mot de passe incorrect');
    expect(screen.queryByTestId('new-token')).toBeNull();
  });
});
