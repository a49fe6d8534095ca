// @vitest-environment happy-dom
/**
 * Four-eyes in the workbench: with it on, a draft's page offers "request activation" instead of "activate"; the
 * request page shows the back-test figures and the diff (a hostile rule title stays text) and offers approve and
 * reject to a second person only; the approvals list links each request.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiRoutes, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { renderRoutes } from '../../test/pages.tsx';
import { RulesAndCampaigns } from './index.tsx';
import type { ActivationRequestDetail, Profile } from './types.ts';

const ANALYST = ['risk:read', 'risk:manage', 'risk:activate', 'jobs:read', 'models:read', 'models:manage'];
const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';

function serve(routes: ApiRoutes, username = 'bob', permissions = ANALYST) {
  return stubApi(
    signedIn(permissions, { id: 3, username, display_name: username, roles: ['analyst'] }),
    routes,
  );
}

const renderAt = (path: string) => renderRoutes(path, { '/rules/*': <RulesAndCampaigns /> });

const PROFILE: Profile = {
  id: 2,
  name: 'national',
  version: 2,
  status: 'draft',
  author: 'alice',
  reason: 'Tighter textile rule',
  valid_from: null,
  valid_to: null,
  created_at: '2021-01-10T09:00:00Z',
  activated_at: null,
  activated_by: null,
  retired_at: null,
  retired_by: null,
  rules: 1,
  document: { scoring: {}, rules: [] },
  source_text: null,
};

const figures = (hit: number) => ({
  items: 1000,
  selected_items: 50,
  share: 0.05,
  inspected: 40,
  frauds: 10,
  hit_rate: hit,
  recall: 0.5,
  duties_recovered: 12000,
  duties_at_stake: 34000,
});

const REQUEST: ActivationRequestDetail = {
  id: 7,
  profile_id: 2,
  name: 'national',
  version: 2,
  author: 'alice',
  active_profile_id: 1,
  status: 'pending',
  stale: false,
  reason: 'Better hit rate on 2020',
  requested_by: 'carol',
  requested_at: '2021-01-11T09:00:00Z',
  decided_by: null,
  decision_reason: null,
  decided_at: null,
  backtest: {
    job_id: '00000000-0000-4000-8000-000000000001',
    finished_at: '2021-01-11T08:00:00Z',
    from: '2020-01-01',
    to: '2020-12-31',
    days: 366,
    candidate: figures(0.25),
    active: { profiles: ['national v1'], figures: figures(0.125) },
  },
  from: { id: 1, name: 'national', version: 1, status: 'active' },
  to: { id: 2, name: 'national', version: 2, status: 'draft' },
  diff: {
    description: null,
    scoring: [{ field: 'minimum_score.red', old: 20, new: 40 }],
    rules: {
      added: [{ id: 'hostile', title: { en: HOSTILE, fr: HOSTILE } }],
      removed: [],
      changed: [
        {
          id: 'textiles',
          title: { en: 'Textiles', fr: 'Textiles' },
          fields: [{ field: 'points', old: 10, new: 30 }],
        },
      ],
      unchanged: 3,
    },
  },
};

const FOUR_EYES_ON = {
  items: [REQUEST],
  total: 1,
  limit: 1,
  offset: 0,
  four_eyes: true,
  backtest_max_age_days: 7,
};

setUpPageTests('fr');

describe('request activation (four-eyes on)', () => {
  it('replaces "activate" on a draft, asks a reason, and shows why the server refuses', async () => {
    const api = serve({
      'GET /api/risk/profiles/2': { status: 200, body: PROFILE },
      'GET /api/risk/approvals': { status: 200, body: FOUR_EYES_ON },
      'POST /api/risk/approvals': {
        status: 409,
        body: { code: 'risk.backtest_required', message: 'national v2 has never been back-tested' },
      },
    });
    renderAt('/rules/profiles/2');
    fireEvent.click(await screen.findByRole('button', { name: 'Demander l’activation' }));
    expect(screen.queryByRole('button', { name: 'Activer' })).toBeNull();
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/terminé depuis 7 jours au plus/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Demander l’activation' }));
    expect(await within(dialog).findByText('Indiquez un motif (5 caractères au moins).')).toBeTruthy();
    expect(api.sent('POST', '/api/risk/approvals')).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'Better hit rate' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Demander l’activation' }));
    expect(await within(dialog).findByText(/doit avoir un test sur l’historique récent/)).toBeTruthy();
    expect(api.sent('POST', '/api/risk/approvals')).toEqual([{ profile_id: 2, reason: 'Better hit rate' }]);
  });
});

describe('an activation request', () => {
  it('shows the figures and the diff, a hostile title as text, and lets a second person approve', async () => {
    const api = serve({
      'GET /api/risk/approvals/7': { status: 200, body: REQUEST },
      'POST /api/risk/approvals/7/approve': {
        status: 200,
        body: {
          id: 7,
          status: 'approved',
          activated: { id: 2, name: 'national', version: 2, status: 'active', retired: [1] },
        },
      },
    });
    renderAt('/rules/approvals/7');
    const table = await screen.findByTestId('backtest-figures');
    expect(within(table).getByText(/^25(,0)? %$/)).toBeTruthy();
    expect(within(table).getByText(/^12,5 %$/)).toBeTruthy();
    const diff = screen.getByTestId('profile-diff');
    expect(within(diff).getByText(HOSTILE)).toBeTruthy();
    expect(diff.querySelector('img, script')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(within(diff).getByText('Points (poids)')).toBeTruthy();
    expect(within(diff).getByText('minimum_score.red')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approuver' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'Figures checked' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approuver' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/risk/approvals/7/approve')).toEqual([{ reason: 'Figures checked' }]),
    );
  });

  it('offers the requester neither approval nor rejection', async () => {
    serve({ 'GET /api/risk/approvals/7': { status: 200, body: REQUEST } }, 'carol');
    renderAt('/rules/approvals/7');
    expect(await screen.findByText(/Vous avez demandé cette activation/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rejeter' })).toBeNull();
  });

  it('offers the author a rejection, not an approval', async () => {
    serve({ 'GET /api/risk/approvals/7': { status: 200, body: REQUEST } }, 'alice');
    renderAt('/rules/approvals/7');
    expect(await screen.findByText(/Vous avez écrit cette version/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Rejeter' })).toBeTruthy();
  });

  it('offers nothing to a reader without risk:activate, and says when a request went stale', async () => {
    serve({ 'GET /api/risk/approvals/7': { status: 200, body: { ...REQUEST, stale: true } } }, 'dave', [
      'risk:read',
    ]);
    renderAt('/rules/approvals/7');
    expect(await screen.findByText(/ne peut plus être approuvée/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver' })).toBeNull();
  });
});

describe('the approvals list', () => {
  it('links each pending request and lists model promotions', async () => {
    serve({
      'GET /api/risk/approvals': { status: 200, body: FOUR_EYES_ON },
      'GET /api/models/approvals': { status: 200, body: { items: [], four_eyes: true } },
    });
    renderAt('/rules/approvals');
    const link = await screen.findByRole('link', { name: '#7' });
    expect(link.getAttribute('href')).toBe('/rules/approvals/7');
    expect(screen.getByText('Promotions de modèles')).toBeTruthy();
  });
});
