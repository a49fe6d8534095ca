// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../api/types.ts';
import i18n from '../../i18n/index.ts';
import {
  type ApiMock,
  renderPage,
  setUpPageTests,
  signedIn,
  signedOut,
  stubApi,
} from '../../test/harness.tsx';
import { type QueueRow, queueQuery, Selection } from './Selection.tsx';

const row = (id: number, reference: string, extra: Partial<QueueRow> = {}): QueueRow => ({
  id,
  reference,
  office: '301',
  lodged_on: '2021-01-04',
  run_id: 1,
  channel: 'red',
  initial_channel: 'red',
  basis: 'ranked',
  score: 90 - id,
  probability: 0.5,
  expected_value: 1000 * (10 - id),
  rank: id,
  decided_at: '2021-01-04T07:00:00Z',
  importer_code: `IMP${id}`,
  importer_name: `Importer ${id}`,
  items: 2,
  controlled_items: 0,
  status: 'pending',
  duties_at_stake: null,
  random: false,
  top_reason: {
    source: 'rule',
    id: 'national/textiles',
    points: 30,
    title: {
      en: 'Textiles far below the reference value',
      fr: 'Textiles très en dessous de la valeur',
      ar: 'منسوجات بقيمة أدنى بكثير من القيمة المرجعية',
    },
  },
  ...extra,
});

const ROWS = [
  row(1, 'R-0001'),
  row(2, 'R-0002', { channel: 'yellow', controlled_items: 1, status: 'controlled', duties_at_stake: 2500 }),
  row(3, 'R-0003', { channel: 'green', top_reason: null }),
];

/** A mocked API: the session, the campaigns and the queue (or an error on `failing`). */
function serve(
  options: {
    failing?: boolean;
    total?: number;
    permissions?: string[];
    preArrival?: PreArrivalReferral[];
  } = {},
) {
  const permissions = options.permissions ?? ['risk:read', 'risk:all_offices'];
  return stubApi(
    signedIn(permissions, {
      username: 'officer',
      display_name: 'Officer',
      roles: ['officer'],
      office_code: '301',
    }),
    {
      'GET /api/risk/campaigns': {
        body: {
          total: 1,
          limit: 500,
          offset: 0,
          items: [{ id: 7, name: 'footwear-asia', status: 'active' }],
        },
      },
      'GET /api/risk/pre-arrival': () => ({
        body: { total: options.preArrival?.length ?? 0, items: options.preArrival ?? [], next: null },
      }),
      'GET /api/risk/decisions': ({ url }) => {
        if (options.failing) return { status: 500, body: { code: 'internal', message: 'the server failed' } };
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const total = options.total ?? ROWS.length;
        return {
          body: {
            total,
            limit: 50,
            offset,
            items: ROWS,
            summary: { selected: total, controlled: 1, pending: total - 1 },
          },
        };
      },
    },
  );
}

/** The last queue request's query. */
function lastQuery(api: ApiMock): URLSearchParams {
  return api.calls.filter((c) => c.path === '/api/risk/decisions').at(-1)!.url.searchParams;
}

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function show(path = '/selection') {
  return renderPage(
    <>
      <Routes>
        <Route path="/selection" element={<Selection />} />
        <Route path="/declarations/:reference" element={<div>declaration page</div>} />
      </Routes>
      <Where />
    </>,
    { route: path },
  );
}

const where = () => screen.getByTestId('where').textContent ?? '';
const selectedRow = () =>
  screen.getAllByTestId('queue-row').findIndex((r) => r.getAttribute('aria-selected') === 'true');

setUpPageTests();

type PreArrivalReferral = ApiResponse<'/api/risk/pre-arrival'>['items'][number];
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const REFERRAL: PreArrivalReferral = {
  source: 'parcels',
  id: 41,
  reference: 'LP00012345MA',
  office: '301',
  arrival_date: '2026-11-04',
  score: 72.5,
  channel: 'red',
  explanation: [
    { indicator: 'parcels.split_order', points: 30, message: 'split order' },
    { indicator: 'parcels.goods_wording', points: 42.5, message: `Nike high copy ${HOSTILE}` },
  ],
  assigned_to: null,
  link: '/parcels/41',
  pre_arrival: true,
};

describe('selection queue', () => {
  it('lists the referrals before arrival below the queue, their strongest reason as text, for its office', async () => {
    await i18n.changeLanguage('en');
    const api = serve({ preArrival: [REFERRAL], permissions: ['risk:read', 'parcels:read'] });
    show('/selection?from=2026-11-01');
    const row = await screen.findByTestId('pre-arrival-row');
    expect(row.textContent).toContain('LP00012345MA');
    expect(row.textContent).toContain(`Nike high copy ${HOSTILE}`);
    expect(row.textContent).not.toContain('split order');
    expect(row.textContent).toContain('not assigned');
    expect(within(row).getByRole('link', { name: 'LP00012345MA' }).getAttribute('href')).toBe('/parcels/41');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const asked = api.calls.filter((c) => c.path === '/api/risk/pre-arrival').at(-1)!.url.searchParams;
    expect(asked.get('from')).toBe('2026-11-01');
  });

  it('shows no pre-arrival section when nothing was referred, and no parcel links to who may not open parcels', async () => {
    await i18n.changeLanguage('en');
    serve({ preArrival: [], permissions: ['risk:read'] });
    show();
    await screen.findAllByTestId('queue-row');
    expect(screen.queryByTestId('pre-arrival')).toBeNull();
    cleanup();
    serve({ preArrival: [REFERRAL], permissions: ['risk:read'] });
    show();
    const row = await screen.findByTestId('pre-arrival-row');
    expect(within(row).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('link', { name: 'All parcels' })).toBeNull();
  });

  it('shows an API error where the queue would be', async () => {
    await i18n.changeLanguage('en');
    serve({ failing: true });
    show();
    expect((await screen.findByRole('alert')).textContent).toContain('the server failed');
    expect(screen.queryByTestId('queue-row')).toBeNull();
  });

  it('hides the office filter from a user who sees their own office only', async () => {
    await i18n.changeLanguage('en');
    serve({ permissions: ['risk:read'] });
    show();
    await screen.findAllByTestId('queue-row');
    expect(screen.queryByLabelText('Office')).toBeNull();
    expect(screen.queryByTestId('sort-office')).toBeNull();
    expect(screen.getByText('Declarations sent to control, office 301')).toBeTruthy();
  });

  it('says when nothing is selected for the filters', async () => {
    await i18n.changeLanguage('fr');
    stubApi(signedOut(), {
      'GET /api/risk/campaigns': { body: { total: 0, limit: 500, offset: 0, items: [] } },
      'GET /api/risk/decisions': {
        body: {
          total: 0,
          limit: 50,
          offset: 0,
          items: [],
          summary: { selected: 0, controlled: 0, pending: 0 },
        },
      },
    });
    show('/selection?status=controlled');
    expect((await screen.findByTestId('queue-empty')).textContent).toContain(
      'Rien n’est sélectionné pour ces filtres.',
    );
  });

  it('renders the rows of the queue with the summary, asking for the selected channels by default', async () => {
    await i18n.changeLanguage('en');
    const fetch = serve();
    show();
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.length).toBe(3);
    const first = within(rows[0]!);
    expect(first.getByText('Red')).toBeTruthy();
    expect(first.getByRole('link', { name: 'R-0001' }).getAttribute('href')).toBe('/declarations/R-0001');
    expect(first.getByText('IMP1')).toBeTruthy();
    expect(first.getByText('Importer 1')).toBeTruthy();
    expect(first.getByText('Textiles far below the reference value')).toBeTruthy();
    expect(first.getByText('0 / 2')).toBeTruthy();
    expect(first.getByText('To control')).toBeTruthy();
    const second = within(rows[1]!);
    expect(second.getByText('Yellow')).toBeTruthy();
    expect(second.getByText('1 / 2')).toBeTruthy();
    expect(second.getByText('Controlled')).toBeTruthy();
    expect(second.getByText('2,500')).toBeTruthy();
    expect(within(rows[2]!).getByText('No risk indicator')).toBeTruthy();
    expect(within(rows[2]!).getByText('Released')).toBeTruthy();
    expect(screen.getByTestId('queue-summary').textContent).toContain(
      '3 selected · 2 to control · 1 controlled',
    );
    const q = lastQuery(fetch);
    expect(q.get('selected')).toBe('true');
    expect(q.get('limit')).toBe('50');
    expect(q.get('offset')).toBe('0');
    expect(q.has('sort')).toBe(false);
  });

  it('marks a random pick with a badge and gives "random selection (exploration)" as its main reason', async () => {
    for (const [lang, badge, reason] of [
      ['en', 'Random', 'Random selection (exploration)'],
      ['fr', 'Aléatoire', 'Sélection aléatoire (exploration)'],
      ['ar', 'عشوائي', 'انتقاء عشوائي (استكشاف)'],
    ] as const) {
      await i18n.changeLanguage(lang);
      ROWS.push(
        row(4, 'R-0004', {
          basis: 'random',
          random: true,
          top_reason: {
            source: 'random',
            id: 'random',
            points: 0,
            title: {
              en: 'random selection (exploration)',
              fr: 'sélection aléatoire (exploration)',
              ar: 'انتقاء عشوائي (استكشاف)',
            },
          },
        }),
      );
      try {
        serve();
        const { unmount } = show();
        const rows = await screen.findAllByTestId('queue-row');
        const random = within(rows[3]!);
        expect(random.getByTestId('random-badge').textContent).toBe(badge);
        expect(random.getByText(reason)).toBeTruthy();
        expect(within(rows[0]!).queryByTestId('random-badge')).toBeNull();
        unmount();
      } finally {
        ROWS.pop();
      }
    }
  });

  it('gives the main reason in Arabic: the rule title the analyst wrote in Arabic', async () => {
    await i18n.changeLanguage('ar');
    serve();
    show();
    const rows = await screen.findAllByTestId('queue-row');
    expect(within(rows[0]!).getByText('منسوجات بقيمة أدنى بكثير من القيمة المرجعية')).toBeTruthy();
    expect(within(rows[0]!).queryByText('Textiles très en dessous de la valeur')).toBeNull();
  });

  it('moves the highlighted row with the arrows and j/k, and Enter opens its declaration', async () => {
    await i18n.changeLanguage('en');
    serve();
    show();
    await screen.findAllByTestId('queue-row');
    expect(selectedRow()).toBe(0);
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(selectedRow()).toBe(1);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(selectedRow()).toBe(2);
    fireEvent.keyDown(document.body, { key: 'k' });
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    expect(selectedRow()).toBe(0);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(screen.getByRole('grid').getAttribute('aria-activedescendant')).toBe('queue-row-2');
    // Typing in a filter does not move the row.
    fireEvent.keyDown(screen.getByLabelText('Office'), { key: 'j' });
    expect(selectedRow()).toBe(1);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(await screen.findByText('declaration page')).toBeTruthy();
    expect(where()).toBe('/declarations/R-0002');
  });

  it('turns pages with n and p, and sorts by a column header', async () => {
    await i18n.changeLanguage('en');
    const fetch = serve({ total: 120 });
    show();
    await screen.findAllByTestId('queue-row');
    expect(screen.getByTestId('queue-shortcuts').textContent).toContain('open the declaration');
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(where()).toContain('page=2');
    await vi.waitFor(() => expect(lastQuery(fetch).get('offset')).toBe('50'));
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(where()).toContain('page=1');
    fireEvent.click(screen.getByTestId('sort-score'));
    expect(where()).toContain('sort=score');
    expect(where()).toContain('order=desc');
    await vi.waitFor(() => expect(lastQuery(fetch).get('sort')).toBe('score'));
    fireEvent.click(screen.getByTestId('sort-score'));
    expect(where()).toContain('order=asc');
    await vi.waitFor(() => expect(lastQuery(fetch).get('order')).toBe('asc'));
    expect(screen.getByTestId('sort-score').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('keeps the filters in the address and asks the server with them', async () => {
    await i18n.changeLanguage('en');
    const fetch = serve();
    show('/selection?campaign=7&status=pending&page=2');
    await screen.findAllByTestId('queue-row');
    let q = lastQuery(fetch);
    expect(q.get('campaign_id')).toBe('7');
    expect(q.get('status')).toBe('pending');
    expect(q.get('offset')).toBe('50');
    fireEvent.change(screen.getByLabelText('Min. score'), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2021-01-04' } });
    fireEvent.change(screen.getByLabelText('Office'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await vi.waitFor(() => expect(where()).toContain('min_score=40'));
    expect(where()).toContain('from=2021-01-04');
    expect(where()).toContain('office=30');
    expect(where()).toContain('campaign=7');
    expect(where()).not.toContain('page=');
    await vi.waitFor(() => expect(lastQuery(fetch).get('min_score')).toBe('40'));
    q = lastQuery(fetch);
    expect(q.get('from')).toBe('2021-01-04');
    expect(q.get('office')).toBe('30');
    expect(q.get('offset')).toBe('0');
  });

  it('maps the address to the API query', () => {
    expect(queueQuery(new URLSearchParams('channel=all&sort=bogus'))).not.toHaveProperty('sort');
    expect(queueQuery(new URLSearchParams('channel=all'))).not.toHaveProperty('selected');
    expect(queueQuery(new URLSearchParams('channel=blue&sort=day&order=asc&page=3'))).toMatchObject({
      channel: 'blue',
      sort: 'day',
      order: 'asc',
      offset: 100,
    });
  });
});
