// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/index.ts';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../test/harness.tsx';
import { type ChannelStat, DashboardTargeting, selectionTotals } from './DashboardTargeting.tsx';

// Canvas charts do not draw in happy-dom; what matters here is the figures and who sees them.
vi.mock('../components/Chart.tsx', () => ({ Chart: ({ label }: { label: string }) => <div>{label}</div> }));

const stat = (channel: ChannelStat['channel'], basis: string, items: number, inspected = 0, frauds = 0) => ({
  channel,
  basis,
  decisions: items,
  items,
  inspected,
  frauds,
  recovered: frauds * 1000,
  overridden: 0,
  precision: inspected ? frauds / inspected : null,
});
const CHANNELS = [
  stat('red', 'ranked', 19, 10, 4),
  stat('red', 'random', 15, 5, 1),
  stat('yellow', 'ranked', 21, 5, 0),
  stat('green', 'none', 441),
  stat('blue', 'deferred', 3),
];

function serve(permissions: string[], failing: string[] = []) {
  return stubApi(
    ({ url }) =>
      failing.some((f) => (url.pathname + url.search).includes(f))
        ? { status: 500, body: { code: 'internal', message: 'the server failed' } }
        : undefined,
    signedIn(permissions, { username: 'u', display_name: 'U' }),
    {
      'GET /api/risk/stats/channels': { body: { items: CHANNELS } },
      'GET /api/risk/stats/rules': {
        body: {
          items: [
            {
              profile: 'p',
              rule_id: 'hs6-fraud-prone',
              hits: 14,
              inspected: 4,
              frauds: 2,
              critical: 0,
              recovered: 0,
              precision: 0.5,
            },
          ],
        },
      },
      'GET /api/risk/stats/random': {
        body: {
          items: [
            {
              office: '<b>30</b>',
              selected_items: 40,
              random_items: 2,
              random_share: 0.05,
              random_inspected: 2,
              random_frauds: 1,
              random_hit_rate: 0.5,
              ranked_inspected: 20,
              ranked_frauds: 5,
              ranked_hit_rate: 0.25,
            },
          ],
        },
      },
      'GET /api/osint/alerts': ({ url }) => ({
        body: { items: [], total: url.searchParams.get('status') === 'open' ? 61 : 2 },
      }),
    },
  );
}

function show() {
  return renderPage(<DashboardTargeting />);
}

setUpPageTests();

describe('dashboard: targeting and online monitoring', () => {
  it('shows the error where the targeting figures would be', async () => {
    await i18n.changeLanguage('en');
    serve(['risk:read'], ['/api/risk/stats/channels']);
    show();
    expect((await screen.findByRole('alert')).textContent).toContain('the server failed');
  });

  it('shows nothing to a user who may read neither targeting nor online monitoring', async () => {
    const fetch = serve(['declarations:read']);
    show();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/targeting|online/i)).toBeNull();
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual(['/api/auth/session']);
  });

  it('adds up the selection: red and yellow are sent to control, random ones counted apart', () => {
    expect(selectionTotals(CHANNELS)).toMatchObject({
      decided: 499,
      selected: 55,
      random: 15,
      inspected: 20,
      frauds: 5,
      precision: 0.25,
    });
    expect(selectionTotals([]).precision).toBeNull();
  });

  it('shows the selection figures and the open online alerts', async () => {
    await i18n.changeLanguage('en');
    serve(['risk:read', 'osint:read']);
    show();
    expect((await screen.findByTestId('stat-selected')).textContent).toBe('55');
    expect(screen.getByTestId('stat-controlled').textContent).toBe('20 / 55');
    expect(screen.getByTestId('stat-precision').textContent).toBe('25 %');
    // The random share per office and what it found beside the ranked controls; the office code shown as text.
    const random = await screen.findByTestId('random-by-office');
    expect(random.querySelector('b')).toBeNull();
    expect(random.textContent).toContain('<b>30</b>');
    expect(random.textContent).toContain('5 % (2 / 40)');
    expect(random.textContent).toContain('50 % (1 / 2)');
    expect(random.textContent).toContain('25 % (5 / 20)');
    expect((await screen.findByTestId('stat-open-alerts')).textContent).toBe('61');
    expect(screen.getByText('2 confirmed')).toBeTruthy();
  });
});
