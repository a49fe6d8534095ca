// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApiItem } from '../../api/types.ts';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { Targeting } from './index.tsx';

setUpPageTests('fr');
// Textarea's autosize listens for fonts loading; happy-dom has no document.fonts.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const ANALYST = [
  'session',
  'risk:read',
  'risk:manage',
  'risk:intelligence',
  'risk:integrity',
  'valuation:read',
  'risk:decide',
];
const READER = ['session', 'risk:read', 'risk:intelligence', 'valuation:read'];
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

function show(path: string, routes: ApiRoutes, permissions = ANALYST) {
  const api = stubApi(signedIn(permissions), routes);
  renderPage(
    <Routes>
      <Route path="/targeting/*" element={<Targeting />} />
    </Routes>,
    { route: path },
  );
  return api;
}

const office = (
  code: string,
  extra: Partial<ApiItem<'/api/risk/offices'>> = {},
): ApiItem<'/api/risk/offices'> => ({
  office_code: code,
  capacity_items: 40,
  capacity_hours: null,
  rate_red: 0.05,
  rate_yellow: 0.1,
  rate_blue: 0.05,
  random_rate: 0.01,
  minutes_red: 45,
  minutes_yellow: 15,
  updated_by: 'analyst',
  updated_at: '2026-11-01T10:00:00Z',
  ...extra,
});

describe('office capacities', () => {
  it('lists each office with its rates in per cent, the default row named so', async () => {
    show('/targeting/capacities', {
      'GET /api/risk/offices': { body: { items: [office('*'), office('301')] } },
    });
    const rows = await screen.findAllByTestId('office-row');
    expect(rows[0]!.textContent).toContain('Par défaut');
    expect(rows[1]!.textContent).toContain('301');
    expect(rows[1]!.textContent).toMatch(/5\s%/);
    expect(rows[1]!.textContent).toMatch(/10\s%/);
  });

  it('changes an office: rates go to the server as fractions, an empty capacity as no limit', async () => {
    const api = show('/targeting/capacities', {
      'GET /api/risk/offices': { body: { items: [office('301')] } },
      'PUT /api/risk/offices/301': { body: office('301') },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier le bureau 301' }));
    const form = await screen.findByRole('form', { name: 'Paramètres d’un bureau' });
    fireEvent.change(within(form).getByLabelText('Taux rouge'), { target: { value: '7,5 %' } });
    fireEvent.change(within(form).getByLabelText('Capacité (articles)'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.sent('PUT', '/api/risk/offices/301')).toHaveLength(1));
    const body = api.sent('PUT', '/api/risk/offices/301')[0] as Record<string, number | null>;
    expect(body.capacity_items).toBeNull();
    expect(body.rate_red).toBeCloseTo(0.075);
    expect(body.rate_yellow).toBeCloseTo(0.1);
    expect(body.minutes_red).toBe(45);
  });

  it('shows the server’s refusal in the form and keeps it open', async () => {
    show('/targeting/capacities', {
      'GET /api/risk/offices': { body: { items: [office('301')] } },
      'PUT /api/risk/offices/301': {
        status: 400,
        body: { code: 'request.invalid', message: 'body/rate_red: expected a number at most 1' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier le bureau 301' }));
    const form = await screen.findByRole('form', { name: 'Paramètres d’un bureau' });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('rate_red');
  });

  it('names a field that is not a number and sends nothing', async () => {
    const api = show('/targeting/capacities', {
      'GET /api/risk/offices': { body: { items: [office('301')] } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier le bureau 301' }));
    const form = await screen.findByRole('form', { name: 'Paramètres d’un bureau' });
    fireEvent.change(within(form).getByLabelText('Minutes par article rouge'), {
      target: { value: 'douze' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Un nombre est attendu (virgule ou point décimal).')).toBeTruthy();
    expect(api.sent('PUT', '/api/risk/offices/301')).toEqual([]);
  });

  it('offers no change to those who may only read', async () => {
    show('/targeting/capacities', { 'GET /api/risk/offices': { body: { items: [office('301')] } } }, READER);
    await screen.findAllByTestId('office-row');
    expect(screen.queryByRole('button', { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Paramétrer un bureau' })).toBeNull();
  });
});

const watchlist: ApiItem<'/api/risk/watchlists'> = {
  id: 4,
  name: 'importateurs-suspects',
  type: 'trader',
  description: PAYLOAD,
  owner: 'cellule',
  expires_on: null,
  created_by: 'analyst',
  created_at: '2026-10-01T00:00:00Z',
  entries: 2,
};

describe('target lists', () => {
  it('lists the lists with their type, filters on the server, and opens one', async () => {
    const api = show('/targeting/lists', {
      'GET /api/risk/watchlists': { body: { total: 1, limit: 25, offset: 0, items: [watchlist] } },
      'GET /api/risk/watchlists/4': {
        body: {
          ...watchlist,
          page: {
            total: 1,
            limit: 25,
            offset: 0,
            items: [
              {
                value: 'IMP-9',
                note: PAYLOAD,
                expires_on: null,
                added_by: 'analyst',
                added_at: '2026-10-02T00:00:00Z',
              },
            ],
          },
        },
      },
    });
    const row = await screen.findByTestId('list-row');
    expect(row.textContent).toContain('Opérateur');
    expect(row.textContent).toContain(PAYLOAD);
    expect(row.querySelector('img')).toBeNull();
    fireEvent.change(screen.getByLabelText('Nom ou description'), { target: { value: 'suspect' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.path === '/api/risk/watchlists')
          .at(-1)!
          .url.searchParams.get('q'),
      ).toBe('suspect'),
    );
    fireEvent.click(row);
    expect((await screen.findByTestId('list-title')).textContent).toBe('importateurs-suspects');
    const entry = await screen.findByTestId('entry-row');
    expect(entry.textContent).toContain('IMP-9');
    expect(entry.querySelector('img')).toBeNull();
  });

  it('creates a list and names the refusal when the name is taken', async () => {
    const api = show('/targeting/lists', {
      'GET /api/risk/watchlists': { body: { total: 0, limit: 25, offset: 0, items: [] } },
      'POST /api/risk/watchlists': {
        status: 409,
        body: { code: 'risk.watchlist_exists', message: 'exists' },
      },
    });
    const form = await screen.findByRole('form', { name: 'Nouvelle liste' });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: 'importateurs-suspects' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer la liste' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Une liste porte déjà ce nom.');
    expect(api.sent('POST', '/api/risk/watchlists')).toEqual([
      { name: 'importateurs-suspects', type: 'trader' },
    ]);
  });

  it('adds values to a list and removes one', async () => {
    const api = show('/targeting/lists/4', {
      'GET /api/risk/watchlists/4': {
        body: {
          ...watchlist,
          page: {
            total: 1,
            limit: 25,
            offset: 0,
            items: [
              {
                value: 'IMP-9',
                note: null,
                expires_on: null,
                added_by: 'analyst',
                added_at: '2026-10-02T00:00:00Z',
              },
            ],
          },
        },
      },
      'POST /api/risk/watchlists/4/entries': { body: { added: 2 } },
      'DELETE /api/risk/watchlists/4/entries/IMP-9': { status: 204 },
    });
    const form = await screen.findByRole('form', { name: 'Ajouter des valeurs' });
    fireEvent.change(within(form).getByLabelText(/^Valeurs/), { target: { value: 'IMP-1\nIMP-2, IMP-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter (2)' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Valeurs nouvelles ajoutées : 2');
    expect(api.sent('POST', '/api/risk/watchlists/4/entries')).toEqual([{ values: ['IMP-1', 'IMP-2'] }]);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer IMP-9' }));
    await waitFor(() => expect(api.sent('DELETE', '/api/risk/watchlists/4/entries/IMP-9')).toHaveLength(1));
  });

  it('says a missing list is missing, with the way back', async () => {
    show('/targeting/lists/99', {
      'GET /api/risk/watchlists/99': {
        status: 404,
        body: { code: 'risk.watchlist_not_found', message: 'no' },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Liste introuvable.');
    expect(screen.getByRole('link', { name: /Toutes les listes/ }).getAttribute('href')).toBe(
      '/targeting/lists',
    );
  });
});

describe('the integrity view', () => {
  it('sends its filters and shows each officer’s figures', async () => {
    const api = show('/targeting/integrity?office=301&period=month', {
      'GET /api/risk/integrity': {
        body: {
          period: 'month',
          high_risk: 0.5,
          rows: [
            {
              officer: 'officer',
              office: '301',
              period: '2021-01',
              overrides: 3,
              downgrades: 2,
              high_risk_releases: 1,
              outcomes: 40,
              frauds: 6,
              fraud_rate: 0.15,
            },
          ],
        },
      },
    });
    const row = await screen.findByTestId('integrity-row');
    expect(row.textContent).toContain('officer');
    expect(row.textContent).toMatch(/15\s%/);
    expect(screen.getByText(/probabilité de fraude d’au moins 50\s%/)).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/risk/integrity')!;
    expect(Object.fromEntries(call.url.searchParams)).toEqual({ office: '301', period: 'month' });
  });

  it('shows the server’s error on a bad filter', async () => {
    show('/targeting/integrity?from=2021-13-01', {
      'GET /api/risk/integrity': {
        status: 400,
        body: { code: 'request.invalid', message: 'querystring/from: expected a date as YYYY-MM-DD' },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('querystring/from');
  });
});

const finding: ApiItem<'/api/valuation/findings'> = {
  id: 12,
  item_id: 30,
  declaration_id: 8,
  reference: '2021/30/0042',
  office: '301',
  lodged_on: '2021-01-05',
  line_no: 2,
  hs_code: '620822',
  level: 'hs6_origin',
  hs: '620822',
  origin: 'CN',
  unit: 'kg',
  currency: 'USD',
  sample_n: 120,
  window_from: '2020-01-01',
  window_to: '2020-12-31',
  reference_median: 12.5,
  reference_p10: 6,
  reference_q1: 9,
  unit_value: 2.1,
  ratio: 0.168,
  robust_z: -3.2,
  undervaluation_amount: 5200,
  duty_rate: 40,
  duties_at_stake: 2080,
  status: 'open',
  justification: null,
  decided_by: null,
  decided_at: null,
  created_at: '2021-01-05T00:00:00Z',
  updated_at: '2021-01-05T00:00:00Z',
};

describe('valuation findings', () => {
  it('lists findings with their declaration, and an officer decides one with a justification', async () => {
    const api = show('/targeting/valuation?status=open', {
      'GET /api/valuation/findings': { body: { total: 1, limit: 25, offset: 0, items: [finding] } },
      'POST /api/valuation/findings/12/decision': {
        body: { id: 12, status: 'dismissed', reference: finding.reference },
      },
    });
    const row = await screen.findByTestId('finding-row');
    expect(within(row).getByRole('link', { name: '2021/30/0042' }).getAttribute('href')).toBe(
      '/declarations/2021%2F30%2F0042',
    );
    expect(row.textContent).toContain('À examiner');
    expect(api.calls.find((c) => c.path === '/api/valuation/findings')!.url.searchParams.get('status')).toBe(
      'open',
    );
    fireEvent.click(within(row).getByRole('button', { name: 'Décider' }));
    const form = await screen.findByRole('form', { name: 'Décider' });
    fireEvent.click(within(form).getByText('Écarté'));
    fireEvent.change(within(form).getByLabelText(/^Justification/), {
      target: { value: 'Facture vérifiée auprès du fournisseur' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/valuation/findings/12/decision')).toEqual([
        { status: 'dismissed', justification: 'Facture vérifiée auprès du fournisseur' },
      ]),
    );
  });

  it('shows the refusal of a decision where it was made', async () => {
    show('/targeting/valuation', {
      'GET /api/valuation/findings': { body: { total: 1, limit: 25, offset: 0, items: [finding] } },
      'POST /api/valuation/findings/12/decision': {
        status: 404,
        body: { code: 'valuation.finding_not_found', message: 'no finding' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Décider' }));
    const form = await screen.findByRole('form', { name: 'Décider' });
    fireEvent.change(within(form).getByLabelText(/^Justification/), {
      target: { value: 'Valeur confirmée' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Constat introuvable.');
  });

  it('offers no decision to a reader', async () => {
    show(
      '/targeting/valuation',
      { 'GET /api/valuation/findings': { body: { total: 1, limit: 25, offset: 0, items: [finding] } } },
      READER,
    );
    await screen.findByTestId('finding-row');
    expect(screen.queryByRole('button', { name: 'Décider' })).toBeNull();
  });
});
