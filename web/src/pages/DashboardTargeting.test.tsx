// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/index.ts';
import { SessionProvider } from '../session.tsx';
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
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (failing.some((f) => url.includes(f)))
      return json(500, { code: 'internal', message: 'the server failed' });
    if (url.startsWith('/api/auth/session'))
      return json(200, {
        user: { id: 1, username: 'u', display_name: 'U', roles: [], office_code: null, permissions },
      });
    if (url.startsWith('/api/risk/stats/channels')) return json(200, { items: CHANNELS });
    if (url.startsWith('/api/risk/stats/rules'))
      return json(200, {
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
      });
    if (url.startsWith('/api/osint/alerts')) {
      const status = new URL(url, 'http://x').searchParams.get('status');
      return json(200, { items: [], total: status === 'open' ? 61 : 2 });
    }
    return json(404, { code: 'not_found', message: url });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SessionProvider>
            <DashboardTargeting />
          </SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

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
    expect((await screen.findByTestId('stat-open-alerts')).textContent).toBe('61');
    expect(screen.getByText('2 confirmed')).toBeTruthy();
  });
});
