// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpPageTests, signedIn, stubApi } from '../test/harness.tsx';
import { renderRoutes } from '../test/pages.tsx';
import { Declaration } from './Declaration.tsx';

setUpPageTests('en');

const detail = {
  id: 1,
  reference: 'R-1',
  office: { code: '301', name: null },
  lodged_on: '2024-03-18',
  procedure: '4000',
  transport_mode: null,
  departure_country: 'CN',
  currency: 'MAD',
  total_value: 15400,
  attributes: {},
  parties: { importer: { code: 'IMP1', name: null }, declarant: null, seller: null, courier: null },
  items: [
    {
      id: 11,
      line_no: 1,
      hs_code: '6208220000',
      description: 'nightdresses',
      origin_country: 'CN',
      net_mass_kg: 120.5,
      customs_value: 15400,
      duty_rate: 17.5,
      outcomes: [
        {
          id: 70,
          inspected_on: '2024-03-19',
          channel: 'red',
          result: 'fraud',
          fraud_type: 'valuation',
          recovered_amount: 1200,
          officer: 'officer-301',
          note: 'Invoice doubled',
          source: 'officer',
          recorded_at: '2024-03-19T10:00:00Z',
        },
      ],
    },
  ],
};

const show = (reference: string) =>
  renderRoutes(`/declarations/${reference}`, { '/declarations/:reference': <Declaration /> });

describe('a declaration page', () => {
  it('says a missing declaration is not found, with its reference and the way back, not "Something went wrong"', async () => {
    stubApi(signedIn(['declarations:read']), {
      'GET /api/declarations/NOPE-42': {
        status: 404,
        body: { code: 'declaration.not_found', message: 'no declaration NOPE-42' },
      },
    });
    show('NOPE-42');
    const page = await screen.findByTestId('declaration-not-found');
    expect(page.textContent).toContain('Declaration not found');
    expect(page.textContent).toContain('NOPE-42');
    expect(
      within(page)
        .getByRole('link', { name: /Back to the list/ })
        .getAttribute('href'),
    ).toBe('/declarations');
    expect(document.body.textContent).not.toContain('Something went wrong');
  });

  it('shows each outcome in words: result, fraud type, amount recovered and note, not codes in a tooltip', async () => {
    stubApi(signedIn(['declarations:read']), { 'GET /api/declarations/R-1': { body: detail } });
    show('R-1');
    const cell = await screen.findByTestId('item-outcome-70');
    expect(cell.textContent).toContain('Fraud');
    expect(cell.textContent).toContain('Value');
    expect(cell.textContent).not.toContain('valuation');
    expect(cell.textContent).toMatch(/1,200/);
    expect(cell.textContent).toContain('Invoice doubled');
  });
});
