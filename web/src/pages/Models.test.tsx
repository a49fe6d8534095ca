// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../test/harness.tsx';
import { Models } from './Models.tsx';

// ECharts needs a canvas: the chart is replaced by its accessible description.
vi.mock('../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

setUpPageTests('en');

const model = {
  id: 3,
  name: 'kcs-2020',
  status: 'active',
  created_at: '2021-01-02T00:00:00Z',
  trained_from: '2020-01-01',
  trained_to: '2020-12-31',
  n_lines: 6000,
  trees: 120,
  importance: [],
  // The headline's out-of-time check lies inside the training window (the model refits on it).
  metrics: {
    holdout: { from: '2020-11-16', to: '2020-12-31', auc: 0.627, precisionAt5: 0.765, precisionAt10: 0.6 },
  },
};

describe('the model page', () => {
  it('measures the precision curve and the bias after the training window, and says which period', async () => {
    const api = stubApi(signedIn(['models:read']), {
      'GET /api/models': { body: { items: [model] } },
      'GET /api/models/3': { body: model },
      'GET /api/models/3/evaluation': {
        body: {
          from: '2021-01-01',
          to: null,
          clipped: false,
          enough: true,
          n: 408,
          frauds: 80,
          auc: 0.7,
          curve: [{ share: 0.05, precision: 0.6, recall: 0.2, revenue: 0.3, precision_by_duties: 0.5 }],
        },
      },
      'GET /api/models/3/drift': {
        body: { score_psi: 0.1, features: [], baseline_lines: 10, current_lines: 10 },
      },
      'GET /api/models/3/bias': {
        body: {
          from: '2021-01-01',
          to: null,
          clipped: false,
          enough: true,
          share: 0.1,
          lines: 408,
          labelled: 408,
          by_office: [],
          by_origin: [],
          by_importer_size: [],
        },
      },
    });
    renderPage(<Models />);
    const periods = await screen.findAllByTestId('model-period');
    expect(periods.length).toBe(2);
    for (const p of periods) expect(p.textContent).toMatch(/^Measured after the training window: .*2021/);
    for (const path of ['/api/models/3/evaluation', '/api/models/3/bias']) {
      const asked = api.calls.find((c) => c.path === path)!.url.searchParams;
      expect(asked.get('from')).toBe('2021-01-01');
      expect(asked.get('to')).toBeNull();
    }
  });

  it('says there is nothing to measure yet when no declaration came after the training window', async () => {
    const empty = { from: '2021-01-01', to: null, clipped: false, enough: false };
    stubApi(signedIn(['models:read']), {
      'GET /api/models': { body: { items: [model] } },
      'GET /api/models/3': { body: model },
      'GET /api/models/3/evaluation': { body: { ...empty, n: 3, frauds: 1, auc: null, curve: [] } },
      'GET /api/models/3/drift': {
        body: { score_psi: 0, features: [], baseline_lines: 10, current_lines: 0 },
      },
      'GET /api/models/3/bias': {
        body: {
          ...empty,
          share: 0.1,
          lines: 3,
          labelled: 3,
          by_office: [],
          by_origin: [],
          by_importer_size: [],
        },
      },
    });
    renderPage(<Models />);
    const notes = await screen.findAllByTestId('model-not-enough');
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringMatching(
        /^Not enough declarations after the training window .*: 3 from .*2021.* 20 are needed/,
      ),
      expect.stringMatching(/^Not enough declarations after the training window .*: 3 from/),
    ]);
    expect(screen.queryAllByTestId('model-period')).toHaveLength(0);
  });

  const routes = {
    'GET /api/models': { body: { items: [model] } },
    'GET /api/models/3': { body: model },
  };
  const hostile = '<img src=x onerror="window.pwned=1">';
  const card = {
    card: {
      version: 1,
      generated_at: '2021-04-01T10:00:00Z',
      generated_by: hostile,
      model: {
        id: 3,
        name: 'kcs-2020',
        target: 'fraud',
        sha256: 'a'.repeat(64),
        trees: 120,
        notes: null,
        registered_at: '2021-01-02T00:00:00Z',
      },
      data: { from: '2020-01-01', to: '2020-12-31', lines: 6000, fraud_rate: 0.2, holdout: null },
      features: {
        used: [],
        count: 0,
        repeat_profile: true,
        excluded: [{ what: 'nationality', why: hostile }],
      },
      holdout: null,
      later: {
        from: '2021-01-02',
        to: '2021-03-31',
        lines: 408,
        labelled: 408,
        all: {
          n: 408,
          frauds: 80,
          auc: 0.9,
          at: [{ share: 0.1, precision: 0.95, recall: 0.4, revenue: 0.1 }],
        },
        without_repeats: {
          n: 90,
          frauds: 20,
          auc: 0.8,
          at: [{ share: 0.1, precision: 0.7, recall: 0.3, revenue: 0.05 }],
        },
      },
      bias: null,
      drift: null,
      limits: [`limit ${hostile}`],
    },
    promotion: {
      status: 'active',
      promoted_by: 'analyst-1',
      promoted_at: '2021-04-02T09:00:00Z',
      retired_at: null,
    },
  };

  it('says a model without a card cannot be made active, and generates one on request', async () => {
    let generated = false;
    const api = stubApi(signedIn(['models:read', 'models:manage']), routes, (call) => {
      if (call.path !== '/api/models/3/card') return undefined;
      if (call.method === 'POST') {
        generated = true;
        return { status: 201, body: card };
      }
      return generated
        ? { body: card }
        : { status: 404, body: { code: 'model.card_missing', message: 'model #3 has no card yet' } };
    });
    renderPage(<Models />);
    expect((await screen.findByTestId('model-card-missing')).textContent).toMatch(/cannot be made active/);
    expect(screen.queryByTestId('model-card-pdf')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Generate the card' }));
    await screen.findByTestId('model-card-evaluation');
    expect(api.sent('POST', '/api/models/3/card')).toHaveLength(1);
  });

  it('shows the card: who made it active, the later evaluation with and without repeats, exclusions and limits as text', async () => {
    stubApi(signedIn(['models:read']), routes, { 'GET /api/models/3/card': { body: card } });
    renderPage(<Models />);
    const evaluation = await screen.findByTestId('model-card-evaluation');
    expect(evaluation.textContent).toMatch(/all \(408\)/);
    expect(evaluation.textContent).toMatch(/without exact repeats \(90\)/);
    expect(screen.getByTestId('model-card').textContent).toMatch(/Made active by analyst-1/);
    // Text from outside is shown as text: no element is made from it.
    expect(screen.getByTestId('model-card-limits').textContent).toContain(`limit ${hostile}`);
    expect(screen.getByTestId('model-card-excluded').textContent).toContain(hostile);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('model-card-md').getAttribute('href')).toBe(
        '/api/models/3/card/export?format=md',
      ),
    );
    expect(screen.getByTestId('model-card-pdf').getAttribute('href')).toBe(
      '/api/models/3/card/export?format=pdf',
    );
    // Only a user who may manage models sees the button that regenerates the card.
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  });
});
