// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type ApiHandler, type ApiMock, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { renderRoutes, stubMissingBrowserApis } from '../../test/pages.tsx';
import { OnlineMonitoring } from './index.tsx';
import type { OsintAlert, OsintItem, OsintItemDetail } from './shared.tsx';

// Charts draw on a canvas happy-dom does not have; what they show is tested through the data.
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const INVESTIGATOR = ['osint:read', 'osint:manage', 'session'];
const READ_ONLY = ['osint:read', 'session'];

let fetchMock: ApiMock;

function serve(permissions: string[], ...extra: ApiHandler[]) {
  fetchMock = stubApi(
    ...extra,
    signedIn(permissions, { id: 4, username: 'investigator', display_name: 'Demo investigator' }),
    ({ url }) =>
      url.pathname === '/api/osint/alerts' && url.searchParams.get('limit') === '1'
        ? {
            body: {
              total: url.searchParams.get('status') === 'open' ? 1 : 0,
              limit: 1,
              offset: 0,
              items: [],
            },
          }
        : undefined,
    { 'GET /api/osint/sources': { body: { total: 0, limit: 500, offset: 0, items: [] } } },
  );
}

const show = (path: string) => renderRoutes(path, { '/osint/*': <OnlineMonitoring /> });

const openAlert: OsintAlert = {
  id: 5,
  kind: 'post',
  status: 'open',
  label: 'counterfeit',
  score: 0.97,
  reason: 'Counterfeit (0.97): brand Rolex “Rolex”; the word "replica" “réplique”',
  created_at: '2026-11-20T10:00:00Z',
  decided_at: null,
  decided_by: null,
  decision_label: null,
  note: null,
  item: {
    id: 11,
    title: null,
    text: 'Montre Rolex réplique 1450 dh',
    url: 'https://facebook.example/p/1',
    platform: 'facebook',
    author: 'Montres Prestige',
    label: 'counterfeit',
    score: 0.97,
    reposts: 0,
  },
  seller: null,
  watch_term: null,
};

const alertsPage: ApiHandler = ({ url }) =>
  url.pathname === '/api/osint/alerts' && url.searchParams.get('limit') === '20'
    ? { body: { total: 1, limit: 20, offset: 0, items: [openAlert] } }
    : undefined;

const post: OsintItem = {
  id: 7,
  source_id: 1,
  platform: 'instagram',
  kind: 'post',
  external_id: 'x1',
  url: 'https://instagram.example/p/x1',
  canonical_url: null,
  author: 'luxe.copies',
  author_url: null,
  title: null,
  text: 'Sac Dior réplique qualité AAA 1:1, 900 dh, WhatsApp 06 12 34 56 78',
  text_truncated: false,
  price: 900,
  currency: 'MAD',
  posted_at: '2026-11-01T08:00:00Z',
  attributes: {},
  label: 'counterfeit',
  score: 0.99,
  scores: { counterfeit: 0.99, health_risk: 0, duty_evasion: 0 },
  reasons: [
    'Counterfeit (0.99): brand Dior “Dior”; the word "replica" “réplique”; the "AAA" counterfeit grade “qualité AAA”; mirror copy “1:1”',
    'Sale intent: a price “900 dh”; a phone number “06 12 34 56 78”',
    'Text classifier: counterfeit 0.95',
  ],
  language: 'fr',
  model_version: 2,
  confirmed_label: null,
  seller_id: 3,
  dup_group_id: 7,
  reposts: 0,
  evidence_id: 42,
  locator: 'line 7',
  first_seen_at: '2026-11-02T08:00:00Z',
  last_seen_at: '2026-11-02T08:00:00Z',
  seen_count: 1,
};

const detail: OsintItemDetail = {
  ...post,
  signals: [
    {
      type: 'counterfeit.brand',
      category: 'counterfeit',
      start: 4,
      end: 8,
      text: 'Dior',
      detail: 'brand Dior',
    },
    {
      type: 'sale.phone',
      category: 'sale_intent',
      start: 54,
      end: 68,
      text: '06 12 34 56 78',
      detail: 'a phone',
    },
  ],
  entities: { brands: ['Dior'], phones: ['+212612345678'], prices: [], cities: [] },
  captures: [{ evidence_id: 42, locator: 'line 7', seen_at: '2026-11-02T08:00:00Z' }],
  group: [],
  identifiers: [{ kind: 'phone', value: '+212612345678' }],
  model: {
    probabilities: { counterfeit: 0.93, health_risk: 0.01, duty_evasion: 0.02, benign: 0.04 },
    trained_on: 'real corpus',
  },
};

stubMissingBrowserApis();
setUpPageTests('fr');

describe('online monitoring', () => {
  it('shows a refused alert decision in the alert, with the server message', async () => {
    serve(INVESTIGATOR, alertsPage, ({ url, method }) =>
      url.pathname === '/api/osint/alerts/5/decision' && method === 'POST'
        ? {
            status: 409,
            body: { code: 'osint.alert_decided', message: 'alert #5 is confirmed: it cannot be confirmed' },
          }
        : undefined,
    );
    show('/osint/alerts');
    const card = await screen.findByTestId('alert-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Confirmer' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Confirmer l’alerte' }));
    const error = await within(card).findByRole('alert');
    expect(error.textContent).toContain('alert #5 is confirmed: it cannot be confirmed');
    // Still open and still decidable: nothing pretended the decision was made.
    expect(within(card).queryByTestId('decision')).toBeNull();
  });

  it('confirms an alert with its note and shows the decision', async () => {
    serve(INVESTIGATOR, alertsPage, ({ url, method }) =>
      url.pathname === '/api/osint/alerts/5/decision' && method === 'POST'
        ? {
            body: {
              alert: {
                ...openAlert,
                status: 'confirmed',
                decision_label: 'counterfeit',
                decided_by: 'Demo investigator',
                decided_at: '2026-11-23T10:00:00Z',
                note: 'Même vendeur que le dossier 2026-118',
              },
              model_version: 3,
            },
          }
        : undefined,
    );
    show('/osint/alerts');
    const card = await screen.findByTestId('alert-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Confirmer' }));
    fireEvent.change(within(card).getByLabelText('Note'), {
      target: { value: 'Même vendeur que le dossier 2026-118' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Confirmer l’alerte' }));
    const decision = await within(card).findByTestId('decision');
    expect(decision.textContent).toContain('Confirmées');
    expect(decision.textContent).toContain('Même vendeur que le dossier 2026-118');
    const call = fetchMock.mock.calls.find(([u]) => String(u).includes('/decision'))!;
    expect(call[1]?.method).toBe('POST');
    expect(JSON.parse(call[1]?.body as string)).toEqual({
      decision: 'confirm',
      note: 'Même vendeur que le dossier 2026-118',
    });
    expect(within(card).queryByRole('button', { name: 'Confirmer' })).toBeNull();
  });

  it('highlights the signals of a post in the feed', async () => {
    serve(INVESTIGATOR, ({ url }) =>
      url.pathname === '/api/osint/items'
        ? { body: { total: 1, limit: 20, offset: 0, items: [post] } }
        : undefined,
    );
    show('/osint/feed?label=counterfeit');
    const card = await screen.findByTestId('post-card');
    const marks = [...card.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-kind')]);
    expect(marks).toEqual([
      ['Dior', 'counterfeit'],
      ['réplique', 'counterfeit'],
      ['qualité AAA', 'counterfeit'],
      ['1:1', 'counterfeit'],
      ['900 dh', 'sale_intent'],
      ['06 12 34 56 78', 'sale_intent'],
    ]);
    expect(within(card).getByTestId('post-text').getAttribute('dir')).toBe('auto');
    // The filter in the address went to the server.
    const list = fetchMock.mock.calls.map(([u]) => String(u)).find((u) => u.startsWith('/api/osint/items'));
    expect(list).toContain('label=counterfeit');
  });

  it("shows the learned model's probabilities beside the rule evidence, or says there is none", async () => {
    serve(INVESTIGATOR, ({ url }) => (url.pathname === '/api/osint/items/7' ? { body: detail } : undefined));
    show('/osint/feed?post=7');
    const learned = await screen.findByTestId('learned-model');
    const rows = [...learned.querySelectorAll('[data-label]')].map((r) => [
      r.getAttribute('data-label'),
      within(r as HTMLElement).getByTestId('probability').textContent,
    ]);
    expect(rows).toEqual([
      ['counterfeit', '93 %'],
      ['health_risk', '1 %'],
      ['duty_evasion', '2 %'],
      ['benign', '4 %'],
    ]);
    expect(learned.textContent).toContain('Modèle appris');
    // beside the reasons of the rules, in the same column
    expect(screen.getByTestId('reasons').parentElement).toBe(learned.parentElement);
    cleanup();
    serve(INVESTIGATOR, ({ url }) =>
      url.pathname === '/api/osint/items/7' ? { body: { ...detail, model: null } } : undefined,
    );
    show('/osint/feed?post=7');
    expect((await screen.findByTestId('learned-model')).textContent).toContain('Aucun modèle appris');
  });

  it('says when evidence does not match its recorded hash', async () => {
    serve(
      INVESTIGATOR,
      ({ url }) => (url.pathname === '/api/osint/items/7' ? { body: detail } : undefined),
      ({ url }) =>
        url.pathname === '/api/osint/evidence/42'
          ? {
              body: {
                id: 42,
                source_id: 1,
                run_id: 1,
                method: 'file',
                url: 'file://export.ndjson',
                final_url: null,
                fetched_at: '2026-11-02T08:00:00Z',
                http_status: null,
                http_headers: {},
                content_type: 'application/x-ndjson',
                bytes: 2048,
                sha256: 'ab'.repeat(32),
                collected_by: 'system:demo',
                collected_by_id: null,
                record_hash: 'cd'.repeat(32),
              },
            }
          : undefined,
      ({ url }) =>
        url.pathname === '/api/osint/evidence/verify'
          ? {
              body: {
                ok: false,
                checked: 3,
                bytes: 6000,
                problems: [
                  {
                    id: 42,
                    url: 'file://export.ndjson',
                    kind: 'content_altered',
                    message: 'evidence #42: content hash differs',
                  },
                ],
              },
            }
          : undefined,
    );
    show('/osint/feed?post=7');
    const evidence = await screen.findByTestId('evidence');
    expect((await within(evidence).findByTestId('sha256')).textContent).toBe('ab'.repeat(32));
    // The detail marks the signals at their offsets.
    const detailMarks = [
      ...screen.getByTestId('post-detail').querySelectorAll('[data-testid=post-text] mark'),
    ];
    expect(detailMarks.map((m) => m.textContent)).toEqual(['Dior', '06 12 34 56 78']);
    fireEvent.click(within(evidence).getByRole('button', { name: 'Vérifier' }));
    const result = await within(evidence).findByTestId('verify-result');
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('Non concordance');
    expect(result.textContent).toContain('evidence #42: content hash differs');
    const call = fetchMock.mock.calls.map(([u]) => String(u)).find((u) => u.includes('/verify'));
    expect(call).toBe('/api/osint/evidence/verify?from_id=42');
  });

  it('shows a hostile post as text, and its address as a link only when it is http(s)', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const hostile: OsintItemDetail = {
      ...detail,
      url: 'javascript:window.__xss=1',
      author: payload,
      title: payload,
      text: `Sac ${payload}`,
      signals: [],
    };
    serve(INVESTIGATOR, ({ url }) => (url.pathname === '/api/osint/items/7' ? { body: hostile } : undefined));
    show('/osint/feed?post=7');
    const panel = await screen.findByTestId('post-detail');
    await within(panel).findByText('javascript:window.__xss=1');
    expect(panel.textContent).toContain(`Sac ${payload}`);
    expect(panel.querySelector('img')).toBeNull();
    const links = [...panel.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(links.filter((href) => !href.startsWith('/') && !/^https?:/.test(href))).toEqual([]);
  });

  it('hides every action from a read-only user', async () => {
    const watchlist: ApiHandler = ({ url }) =>
      url.pathname === '/api/osint/watchlist'
        ? {
            body: {
              items: [
                {
                  id: 2,
                  kind: 'brand',
                  value: 'Rolex',
                  normalized: 'rolex',
                  note: null,
                  active: true,
                  created_by: null,
                  created_at: '2026-11-01T00:00:00Z',
                },
              ],
            },
          }
        : undefined;
    // An investigator sees the watchlist's forms and delete buttons…
    serve(INVESTIGATOR, watchlist);
    show('/osint/watchlist');
    await screen.findByTestId('watch-term');
    expect(screen.getByRole('form', { name: 'Surveiller un terme' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ne plus surveiller « Rolex »' })).toBeTruthy();
    cleanup();
    // …a read-only user none of them, nor the alert decisions.
    serve(READ_ONLY, alertsPage, watchlist);
    show('/osint/alerts');
    const card = await screen.findByTestId('alert-card');
    expect(within(card).queryByRole('button', { name: 'Confirmer' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Écarter' })).toBeNull();
    cleanup();
    show('/osint/watchlist');
    await screen.findByTestId('watch-term');
    expect(screen.queryByRole('button', { name: /Ne plus surveiller/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Surveiller un terme' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Soumettre des URL' })).toBeNull();
  });
});

describe('seller page', () => {
  const sellerDetail = {
    id: 3,
    display_name: 'Luxe Copies',
    score: 0.91,
    label: 'counterfeit',
    reasons: [],
    item_count: 4,
    ad_count: 4,
    risky_ad_count: 3,
    accounts: [{ platform: 'instagram', handle: 'luxe.copies' }],
    platforms: ['instagram'],
    brands: [],
    cities: [],
    price_min_mad: 900,
    price_max_mad: 900,
    first_seen_at: '2026-11-01T00:00:00Z',
    last_seen_at: '2026-11-20T00:00:00Z',
    open_alerts: 0,
    merged_from: [],
    identifiers: {
      seller_id: 3,
      phones: [],
      emails: [],
      handles: [],
      shop_urls: [],
      company_names: [],
      addresses: [],
    },
  };
  const routes: ApiHandler = ({ url }) =>
    url.pathname === '/api/osint/sellers/3'
      ? { body: sellerDetail }
      : url.pathname === '/api/osint/items'
        ? { body: { total: 0, limit: 20, offset: 0, items: [] } }
        : undefined;

  it('opens a case from the seller, its origin prefilled, for a user who manages cases', async () => {
    serve([...INVESTIGATOR, 'cases:manage'], routes);
    show('/osint/sellers/3');
    const button = await screen.findByRole('link', { name: 'Ouvrir un dossier' });
    const href = new URL(button.getAttribute('href')!, 'http://x');
    expect([
      href.pathname,
      href.searchParams.get('origin_type'),
      href.searchParams.get('origin_ref'),
      href.searchParams.get('type'),
      href.searchParams.get('title'),
    ]).toEqual(['/cases/new', 'osint_seller', '3', 'counterfeiting', 'Vendeur en ligne : Luxe Copies']);
  });

  it('offers no case to a user who may not manage cases', async () => {
    serve(INVESTIGATOR, routes);
    show('/osint/sellers/3');
    expect((await screen.findAllByText('Luxe Copies')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: 'Ouvrir un dossier' })).toBeNull();
  });
});
