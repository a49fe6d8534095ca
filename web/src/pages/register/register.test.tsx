// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApiItem } from '../../api/types.ts';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { Register } from './index.tsx';

setUpPageTests('fr');

const READER = ['session', 'partners:read', 'declarations:read'];
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

const company: ApiItem<'/api/companies'> = {
  company_id: 'C-100',
  name: `SARL ${PAYLOAD}`,
  legal_form: 'SARL',
  created_on: '2019-04-02',
  capital: 100000,
  address: '12 rue des Oliviers',
  city: 'Casablanca',
  activity: 'Import-export',
  phone: '+212522000000',
  managers: ['A. Bennani', 'K. Idrissi'],
  import_id: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const manifest: ApiItem<'/api/manifests'> = {
  id: 3,
  document_number: 'BL-77',
  document_type: 'bill_of_lading',
  carrier: 'MSC',
  vessel_or_flight: 'MSC Aurora',
  port_of_loading: 'CNSHA',
  port_of_discharge: 'MAPTM',
  arrival_date: '2021-01-04',
  consignee_code: 'IMP-1',
  consignee_name: 'Atlas Trading',
  goods_description: 'Textiles',
  packages: 40,
  gross_mass_kg: 12000,
  containers: ['MSCU1234567'],
  declaration_reference: '2021/30/0001',
  import_id: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const payment: ApiItem<'/api/payments'> = {
  id: 9,
  payment_reference: 'PAY-1',
  importer_code: 'IMP-1',
  paid_on: '2021-01-02',
  amount: 25000,
  currency: 'USD',
  beneficiary_name: 'Shanghai Textiles Ltd',
  beneficiary_country: 'CN',
  bank: 'Banque Populaire',
  declaration_reference: null,
  import_id: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const page = <T,>(items: T[], total = items.length) => ({ body: { total, limit: 25, offset: 0, items } });

function show(path: string, routes: ApiRoutes, permissions = READER) {
  const api = stubApi(signedIn(permissions), routes);
  renderPage(
    <Routes>
      <Route path="/register/*" element={<Register />} />
    </Routes>,
    { route: path },
  );
  return api;
}

describe('the register pages', () => {
  it('shows an error where the list should be, with a retry that asks again', async () => {
    let calls = 0;
    show('/register/companies', {
      'GET /api/companies': () => {
        calls++;
        return calls === 1
          ? { status: 500, body: { code: 'internal', message: 'the database is away' } }
          : page([company]);
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the database is away');
    fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await screen.findByTestId('company-row');
  });

  it('lists companies with data shown as text, and sends the filters to the server (paged)', async () => {
    const api = show('/register/companies', { 'GET /api/companies': page([company], 60) });
    const row = await screen.findByTestId('company-row');
    expect(row.textContent).toContain(`SARL ${PAYLOAD}`);
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('A. Bennani, K. Idrissi');
    expect(screen.getByTestId('list-count').textContent).toBe('1 à 1 sur 60');
    fireEvent.change(screen.getByLabelText('Nom ou identifiant'), { target: { value: 'atlas' } });
    fireEvent.change(screen.getByLabelText('Ville'), { target: { value: 'Tanger' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/companies').at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toEqual({
        q: 'atlas',
        city: 'Tanger',
        limit: '25',
        offset: '0',
      });
    });
    // The second page is asked for by offset.
    fireEvent.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.path === '/api/companies')
          .at(-1)!
          .url.searchParams.get('offset'),
      ).toBe('25'),
    );
  });

  it('lists manifests with the linked declaration opening its page', async () => {
    const api = show('/register/manifests?consignee=IMP-1', { 'GET /api/manifests': page([manifest]) });
    const row = await screen.findByTestId('manifest-row');
    expect(row.textContent).toContain('CNSHA → MAPTM');
    expect(row.textContent).toContain('MSCU1234567');
    const link = within(row).getByRole('link', { name: '2021/30/0001' });
    expect(link.getAttribute('href')).toBe('/declarations/2021%2F30%2F0001');
    expect(api.calls.find((c) => c.path === '/api/manifests')!.url.searchParams.get('consignee')).toBe(
      'IMP-1',
    );
    expect(screen.getByRole('tab', { name: 'Manifestes' }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists payments with amounts in their currency, and says when nothing matches', async () => {
    show('/register/payments', { 'GET /api/payments': page([payment]) });
    const row = await screen.findByTestId('payment-row');
    expect(row.textContent).toMatch(/25\s000\s\$US/);
    expect(row.textContent).toContain('Shanghai Textiles Ltd');
    expect(within(row).queryByRole('link')).toBeNull();
  });

  it('says so when no record matches', async () => {
    show('/register/payments', { 'GET /api/payments': page([]) });
    await screen.findByText('Aucun enregistrement ne correspond.');
  });

  it('shows a declaration reference as text to whoever may not open declarations', async () => {
    show('/register/manifests', { 'GET /api/manifests': page([manifest]) }, ['session', 'partners:read']);
    const row = await screen.findByTestId('manifest-row');
    expect(row.textContent).toContain('2021/30/0001');
    expect(within(row).queryByRole('link')).toBeNull();
  });
});
