// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
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
});
