// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiMock, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { communitiesOf } from './chart.ts';
import { cityCoordinates } from './cities.ts';
import { placeEntities } from './GraphMap.tsx';
import LinkAnalysis from './index.tsx';
import type { GraphEntity, GraphNode, GraphSuggestion } from './shared.tsx';
import { entityRefOf, workbenchLink } from './shared.tsx';

// happy-dom has no canvas: the chart runs Cytoscape headless (the same graph model, layouts and selections), and
// ECharts charts are a placeholder (what they show is tested through the data).
vi.mock('cytoscape', async (original) => {
  const real = ((await original()) as { default: (o: object) => unknown }).default;
  return { default: (options: object) => real({ ...options, container: undefined, headless: true }) };
});
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
  html: (s: TemplateStringsArray) => s.join(''),
  registerGeoMap: () => undefined,
}));

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const node = (id: number, type: string, key: string, label: string): GraphNode => ({
  id,
  type,
  key,
  label,
  hub: false,
  attributes: {},
});
const seller = node(1, 'online_seller', '12', 'HighCopy Casa');
const phone = node(2, 'phone', '+212612345678', '+212612345678');
const company = node(3, 'company', 'ATLASIMP', 'Atlas Trading');
const hostile = node(4, 'account', 'tiktok:x', HOSTILE);
const city = node(5, 'city', 'casablanca', 'Casablanca');

const entity = (n: GraphNode, attributes: Record<string, unknown> = {}): GraphEntity => ({
  ...n,
  attributes,
  merged_into: null,
  manual: false,
  note: null,
  source_table: 'companies',
  source_id: n.key,
});

let api: ApiMock;
function serve(permissions: string[], routes: Parameters<typeof stubApi>[0] = {}) {
  api = stubApi(routes, signedIn(permissions), ({ url }) => {
    if (url.pathname !== '/api/graph/neighbours') return undefined;
    const key = url.searchParams.get('key');
    if (key === 'online_seller:12' || key === '1')
      return {
        body: {
          center: seller,
          nodes: [phone, hostile],
          edges: [
            { source: 1, target: 2, types: ['has_phone'], links: 1, evidence: [] },
            { source: 1, target: 4, types: ['has_account'], links: 1, evidence: [] },
          ],
          truncated: false,
        },
      };
    if (key === '2')
      return {
        body: {
          center: phone,
          nodes: [seller, company],
          edges: [
            { source: 1, target: 2, types: ['has_phone'], links: 1, evidence: [] },
            { source: 3, target: 2, types: ['has_phone'], links: 1, evidence: [] },
          ],
          truncated: false,
        },
      };
    return undefined;
  });
}

function show(path: string) {
  return renderPage(
    <Routes>
      <Route path="/graph/*" element={<LinkAnalysis />} />
    </Routes>,
    { route: path },
  );
}

beforeAll(() => {
  if (!window.matchMedia)
    Object.defineProperty(window, 'matchMedia', {
      value: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }),
    });
});
setUpPageTests('en');

describe('link chart', () => {
  it('starts from a type:value key, lists what is on the chart as text, expands, hides and pins', async () => {
    serve(['graph:read', 'osint:read']);
    show('/graph?key=online_seller:12');
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(3));
    expect(screen.getByTestId('graph-summary').textContent).toBe('3 entities, 2 links on the chart');
    // The hostile label is text, never markup.
    expect(screen.getByRole('button', { name: `Online account: ${HOSTILE}` }).innerHTML).not.toContain(
      '<img',
    );
    expect(document.querySelector('img[src="x"]')).toBeNull();
    // The legend names the types on the chart.
    const legend = screen.getByTestId('graph-legend');
    expect(legend.textContent).toContain('Online seller');
    expect(legend.textContent).toContain('Phone');
    // The same network as files, from the server's export with the chart's start and depth.
    const graphml = new URL(screen.getByRole('link', { name: 'GraphML' }).getAttribute('href')!, 'http://x');
    expect(graphml.pathname).toBe('/api/graph/export');
    expect(Object.fromEntries(graphml.searchParams)).toMatchObject({
      key: 'online_seller:12',
      format: 'graphml',
    });
    const edges = screen.getByRole('link', { name: 'Links (CSV)' }).getAttribute('href')!;
    expect(new URL(edges, 'http://x').searchParams.get('part')).toBe('edges');

    fireEvent.click(screen.getByRole('button', { name: 'Phone: +212612345678' }));
    const selected = await screen.findByTestId('graph-selected');
    fireEvent.click(within(selected).getByRole('button', { name: 'Expand' }));
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(4));
    expect(screen.getByRole('button', { name: 'Company: Atlas Trading' })).toBeTruthy();
    const expanded = api.calls.find(
      (c) => c.path === '/api/graph/neighbours' && c.url.searchParams.get('key') === '2',
    );
    expect(expanded?.url.searchParams.get('depth')).toBe('1');

    fireEvent.click(within(selected).getByRole('button', { name: 'Pin' }));
    await within(selected).findByRole('button', { name: 'Unpin' });

    fireEvent.click(screen.getByRole('button', { name: `Online account: ${HOSTILE}` }));
    fireEvent.click(
      within(await screen.findByTestId('graph-selected')).getByRole('button', { name: 'Hide' }),
    );
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Show hidden (1)' }));
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(4));

    fireEvent.click(screen.getByRole('switch', { name: 'Colour communities' }));
    expect((await screen.findByText(/^\d+ communities$/)).textContent).toMatch(/^[1-4] communities$/);
  });

  it('searches by name when the text is not a key, and sends the filters', async () => {
    serve(['graph:read', 'osint:read'], {
      'GET /api/graph/entities': { body: { total: 1, limit: 20, offset: 0, items: [entity(seller)] } },
    });
    show('/graph?types=phone,online_seller&since=2026-01-01');
    fireEvent.change(screen.getByLabelText(/Start from an entity/), { target: { value: 'highcopy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(3));
    const search = api.calls.find((c) => c.path === '/api/graph/entities');
    expect(search?.url.searchParams.get('q')).toBe('highcopy');
    const load = api.calls.find((c) => c.path === '/api/graph/neighbours');
    expect(load?.url.searchParams.get('key')).toBe('1');
    expect(load?.url.searchParams.get('types')).toBe('phone,online_seller');
    expect(load?.url.searchParams.get('since')).toBe('2026-01-01');
  });

  it('saves the chart with its positions, pins, start and filters', async () => {
    serve(['graph:read', 'osint:read'], {
      'POST /api/graph/networks': ({ body }) => ({
        status: 201,
        body: { ...(body as object), id: 7, created_by: 'user', created_at: '2026-12-07T10:00:00Z' },
      }),
    });
    show('/graph?key=online_seller:12&since=2026-01-01');
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Phone: +212612345678' }));
    fireEvent.click(within(await screen.findByTestId('graph-selected')).getByRole('button', { name: 'Pin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save network' }));
    const form = await screen.findByTestId('graph-save');
    expect(within(form).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: HOSTILE } });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: 'from the alert' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('graph-saved')).textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const [sent] = api.sent('POST', '/api/graph/networks') as {
      name: string;
      note: string;
      start_key: string;
      filters: Record<string, unknown>;
      nodes: { id: number; x: number; y: number; pinned?: boolean }[];
    }[];
    expect(sent).toMatchObject({
      name: HOSTILE,
      note: 'from the alert',
      start_key: 'online_seller:12',
      filters: { since: '2026-01-01', depth: 1 },
    });
    expect(sent!.nodes.map((n) => n.id).sort()).toEqual([1, 2, 4]);
    expect(sent!.nodes.find((n) => n.id === 2)?.pinned).toBe(true);
    expect(sent!.nodes.find((n) => n.id === 1)?.pinned).toBeUndefined();
    for (const n of sent!.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
  });

  it('opens a saved network at its positions, pins kept, and lists saved networks', async () => {
    const at = (n: GraphNode, x: number, y: number, pinned = false) => ({ ...n, x, y, pinned });
    serve(['graph:read'], {
      'GET /api/graph/networks/7': {
        body: {
          id: 7,
          name: 'Atlas & its phone',
          note: 'kept for the case',
          start_key: 'company:ATLASIMP',
          created_by: 'someone',
          created_at: '2026-12-07T10:00:00Z',
          filters: {},
          nodes: [at(company, 10, 20, true), at(phone, 200, 40), at(city, -50, 300)],
          edges: [{ source: 3, target: 2, types: ['has_phone'], links: 1, evidence: [] }],
          merged: 1,
          truncated: false,
        },
      },
      'GET /api/graph/networks': {
        body: {
          total: 1,
          items: [
            {
              id: 7,
              name: HOSTILE,
              note: 'kept',
              start_key: 'company:ATLASIMP',
              created_by: 'someone',
              created_at: '2026-12-07T10:00:00Z',
            },
          ],
        },
      },
    });
    show('/graph?network=7');
    await waitFor(() => expect(screen.getAllByTestId('graph-node')).toHaveLength(3));
    expect(screen.getByTestId('graph-summary').textContent).toBe('3 entities, 1 links on the chart');
    expect(screen.getByTestId('graph-opened').textContent).toContain('Atlas & its phone');
    expect(screen.getByTestId('graph-opened').textContent).toContain('1 saved entities have been merged');
    fireEvent.click(screen.getByRole('button', { name: 'Company: Atlas Trading' }));
    expect(within(await screen.findByTestId('graph-selected')).getByText('pinned')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/graph/neighbours')).toBe(false);

    fireEvent.click(screen.getByRole('tab', { name: 'Saved networks' }));
    const row = await screen.findByTestId('network-row');
    expect(within(row).getByRole('link', { name: HOSTILE }).getAttribute('href')).toBe('/graph?network=7');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const graphml = new URL(
      within(row).getByRole('link', { name: 'GraphML' }).getAttribute('href')!,
      'http://x',
    );
    expect(graphml.pathname).toBe('/api/graph/networks/7/export');
    expect(graphml.searchParams.get('format')).toBe('graphml');
    // Not the author and no graph:manage: no delete button.
    expect(within(row).queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('colours communities of what is on the chart', () => {
    const found = communitiesOf(
      ['a', 'b', 'c', 'x', 'y', 'z'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['x', 'y'],
        ['y', 'z'],
        ['x', 'z'],
        ['c', 'x'],
      ],
    );
    expect(found.get('a')).toBe(found.get('b'));
    expect(found.get('x')).toBe(found.get('z'));
    expect(found.get('a')).not.toBe(found.get('x'));
  });
});

describe('entity page', () => {
  it('shows the links with their provenance and the way to the workbench pages', async () => {
    serve(['graph:read'], {
      'GET /api/graph/entities/3': {
        body: {
          entity: entity(company, { city: 'Casablanca' }),
          merged: [],
          links: {
            total: 2,
            limit: 50,
            offset: 0,
            items: [
              {
                id: 10,
                type: 'importer_of',
                direction: 'out',
                other: { id: 6, type: 'declaration', key: 'PLANT-0001', label: 'PLANT-0001' },
                source_table: 'declarations',
                source_id: 'PLANT-0001',
                first_seen: '2026-09-02',
                last_seen: '2026-09-02',
                confidence: 1,
                note: null,
                created_by: null,
              },
              {
                id: 11,
                type: 'has_phone',
                direction: 'out',
                other: { id: 2, type: 'phone', key: '+212612345678', label: HOSTILE },
                source_table: 'companies',
                source_id: 'ATLASIMP',
                first_seen: null,
                last_seen: null,
                confidence: 0.9,
                note: null,
                created_by: null,
              },
            ],
          },
        },
      },
    });
    show('/graph/entity/3');
    expect((await screen.findByTestId('entity-title')).textContent).toBe('Atlas Trading');
    const rows = screen.getAllByTestId('entity-link');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]!).getByRole('link', { name: 'declarations #PLANT-0001' }).getAttribute('href'),
    ).toBe('/declarations/PLANT-0001');
    expect(within(rows[0]!).getByRole('link', { name: 'PLANT-0001' }).getAttribute('href')).toBe(
      '/graph/entity/6',
    );
    expect(rows[1]!.textContent).toContain('companies #ATLASIMP');
    expect(rows[1]!.textContent).toContain('0.9');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByTestId('entity-workbench-link').getAttribute('href')).toBe(
      '/declarations?importer=ATLASIMP',
    );
    expect(screen.queryByTestId('entity-case-button')).toBeNull();
  });

  it("lists a vehicle's sightings by date, each with its record", async () => {
    const car = node(8, 'vehicle', 'MA:12345A6', '12345-أ-6 (MA) Toyota Hilux');
    const sighting = (id: number, other: GraphNode, on: string) => ({
      id,
      type: 'seen_at',
      direction: 'out' as const,
      other: { id: other.id, type: other.type, key: other.key, label: other.label },
      source_table: 'graph_vehicles',
      source_id: String(id),
      first_seen: on,
      last_seen: on,
      confidence: 1,
      note: null,
      created_by: null,
    });
    const warehouse = node(9, 'address', 'lot 12', HOSTILE);
    serve(['graph:read'], {
      'GET /api/graph/entities/8': {
        body: {
          entity: entity(car),
          merged: [],
          links: {
            total: 3,
            limit: 50,
            offset: 0,
            items: [
              sighting(31, warehouse, '2026-10-20'),
              sighting(30, city, '2026-10-10'),
              sighting(29, warehouse, '2026-10-03'),
            ],
          },
        },
      },
    });
    show('/graph/entity/8');
    const seen = await screen.findAllByTestId('entity-sighting');
    expect(seen.map((r) => r.textContent)).toEqual([
      expect.stringContaining('graph_vehicles #29'),
      expect.stringContaining('graph_vehicles #30'),
      expect.stringContaining('graph_vehicles #31'),
    ]);
    expect(seen[1]!.textContent).toContain('Casablanca');
    expect(screen.getByTestId('entity-sightings').textContent).toContain('3 sightings');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('opens a case from the entity, its origin prefilled, for a user who manages cases', async () => {
    serve(['graph:read', 'cases:manage'], {
      'GET /api/graph/entities/3': {
        body: { entity: entity(company), merged: [], links: { total: 0, limit: 50, offset: 0, items: [] } },
      },
    });
    show('/graph/entity/3');
    const button = await screen.findByTestId('entity-case-button');
    expect(button.textContent).toBe('Open a case');
    const href = new URL(button.getAttribute('href')!, 'http://x');
    expect([
      href.pathname,
      href.searchParams.get('origin_type'),
      href.searchParams.get('origin_ref'),
      href.searchParams.get('title'),
    ]).toEqual(['/cases/new', 'graph_entity', '3', 'Network entity: Atlas Trading']);
  });

  it('says when the entity is not there', async () => {
    serve(['graph:read'], {
      'GET /api/graph/entities/99': {
        status: 404,
        body: { code: 'graph_entity_not_found', message: 'no entity 99 in the graph' },
      },
    });
    show('/graph/entity/99');
    expect((await screen.findByRole('alert')).textContent).toContain('no entity 99 in the graph');
  });
});

describe('merge suggestions', () => {
  const suggestion: GraphSuggestion = {
    id: 7,
    score: 0.86,
    reasons: ['names 0.86: "amrani mohamed" ~ "amrany mohamed"', 'same phone'],
    status: 'open',
    a: { id: 20, type: 'person', key: 'amrani mohamed', label: 'Mohamed El Amrani' },
    b: { id: 21, type: 'person', key: 'amrany mohamed', label: 'Mohammed Amrany' },
    decided_by: null,
    decided_at: null,
    note: null,
  };

  it('shows the score and reasons, and accepts with a note', async () => {
    let decided = false;
    serve(['graph:read', 'graph:manage'], ({ url, method }) => {
      if (url.pathname === '/api/graph/suggestions' && method === 'GET')
        return {
          body: {
            total: decided ? 0 : 1,
            limit: 20,
            offset: 0,
            items: decided ? [] : [suggestion],
          },
        };
      if (url.pathname === '/api/graph/suggestions/7/accept') {
        decided = true;
        return { body: { ...suggestion, status: 'accepted' } };
      }
      return undefined;
    });
    show('/graph/suggestions');
    const card = await screen.findByTestId('suggestion-card');
    expect(within(card).getByTestId('suggestion-score').textContent).toBe('Score 0.86');
    expect(card.textContent).toContain('same phone');
    fireEvent.change(within(card).getByLabelText('Note (optional)'), { target: { value: 'same person' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Accept (merge)' }));
    await screen.findByText('No suggestion.');
    expect(api.sent('POST', '/api/graph/suggestions/7/accept')).toEqual([{ note: 'same person' }]);
  });

  it('shows the server refusal of a decision where it happened; readers cannot decide', async () => {
    serve(['graph:read', 'graph:manage'], {
      'GET /api/graph/suggestions': { body: { total: 1, limit: 20, offset: 0, items: [suggestion] } },
      'POST /api/graph/suggestions/7/reject': {
        status: 409,
        body: { code: 'graph.suggestion_decided', message: 'suggestion 7 is accepted already' },
      },
    });
    show('/graph/suggestions');
    const card = await screen.findByTestId('suggestion-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Reject' }));
    expect((await within(card).findByRole('alert')).textContent).toContain(
      'suggestion 7 is accepted already',
    );
  });

  it('offers no decision to a reader', async () => {
    serve(['graph:read'], {
      'GET /api/graph/suggestions': { body: { total: 1, limit: 20, offset: 0, items: [suggestion] } },
    });
    show('/graph/suggestions');
    const card = await screen.findByTestId('suggestion-card');
    expect(within(card).queryByRole('button', { name: 'Accept (merge)' })).toBeNull();
  });
});

describe('map', () => {
  it('places cities at known coordinates with their premises, and names those it cannot place', async () => {
    serve(['graph:read'], ({ url }) =>
      url.pathname === '/api/graph/entities'
        ? url.searchParams.get('type') === 'city'
          ? {
              body: {
                total: 2,
                limit: 500,
                offset: 0,
                items: [entity(city), entity(node(8, 'city', 'atlantis', 'Atlantis'))],
              },
            }
          : {
              body: {
                total: 1,
                limit: 500,
                offset: 0,
                items: [entity(node(9, 'address', 'x', 'Lot 12, Casablanca'), { city: 'Casablanca' })],
              },
            }
        : undefined,
    );
    show('/graph/map');
    const list = await screen.findByTestId('map-cities');
    expect(within(list).getAllByTestId('map-city')[0]!.textContent).toBe('Casablanca1 premises');
    expect(list.textContent).toContain('Atlantis');
    expect(screen.getByRole('img', { name: 'Map of premises and storage cities' })).toBeTruthy();
  });

  it('knows city names however they are written', () => {
    expect(cityCoordinates('TANGER')).toEqual(cityCoordinates('Tangier'));
    expect(cityCoordinates('Fès')).toEqual(cityCoordinates('fez'));
    expect(cityCoordinates('الدار البيضاء')).toEqual([-7.59, 33.57]);
    expect(cityCoordinates('Nowhere')).toBeNull();
    const { points } = placeEntities(
      [],
      [entity(node(9, 'address', 'x', 'Dock 4'), { lat: 35.78, lon: -5.81, city: 'Tanger' })],
    );
    expect(points).toEqual([
      { id: 9, label: 'Dock 4', type: 'address', coordinates: [-5.81, 35.78], premises: 1 },
    ]);
  });
});

describe('keys and links', () => {
  it('tells a key from a name, and where entities lead', () => {
    expect(entityRefOf('phone:+212612345678')).toBe('phone:+212612345678');
    expect(entityRefOf('42')).toBe('42');
    expect(entityRefOf('Atlas Trading')).toBeNull();
    expect(entityRefOf('nonsense:x')).toBeNull();
    expect(workbenchLink({ type: 'online_seller', key: '12' })?.to).toBe('/osint/sellers/12');
    expect(workbenchLink({ type: 'company', key: 'name:atlas' })).toBeNull();
  });
});
