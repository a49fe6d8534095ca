// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { expectInert, lastChart, recordedOptions, tooltipOf } from '../../test/charts.ts';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';

vi.mock('echarts/core', async (actual) =>
  (await import('../../test/charts.ts')).recordingEcharts(await actual()),
);

setUpPageTests('en');

const JOB_ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const PAYLOAD = '<img src=x onerror=alert(1)>';

const job = (state: string) => ({
  id: JOB_ID,
  kind: 'model.replay',
  title: 'Exploration replay 2020-01-01 to 2020-12-31 (exploration 20 %)',
  state,
  params: {},
  done: 2,
  total: state === 'completed' ? 2 : 4,
  unit: 'weeks',
  message: null,
  result: null,
  error: null,
  attempts: 1,
  cancel_requested: false,
  created_by: 1,
  created_at: '2026-12-07T10:00:00Z',
  started_at: '2026-12-07T10:00:00Z',
  finished_at: null,
  updated_at: '2026-12-07T10:00:00Z',
  rate: null,
  eta_seconds: null,
  stalled: false,
});

const week = (from: string, caught: number, byExploration: number) => ({
  week: 8,
  from,
  lines: 50,
  inspected: 5,
  frauds: 10,
  caught,
  caughtNewImporters: 0,
  dutiesCaught: 1000 * caught,
  dutiesAll: 20_000,
  explored: 1,
  caughtByExploration: byExploration,
  dutiesByExploration: 100 * byExploration,
});

const strategy = (name: string, byExploration: number) => ({
  strategy: name,
  precision: 0.8,
  recall: 0.4,
  revenue: 0.3,
  newImporterShare: 0.1,
  finalPrecision: 0.7,
  durationMs: 10,
  weeks: [week('2020-03-02', 4, 0), week('2020-03-09', 3, byExploration)],
});

const replay = {
  id: 1,
  job_id: JOB_ID,
  model_id: 3,
  from: '2020-01-01',
  to: '2020-12-31',
  exploration_share: 0.2,
  inspection_rate: 0.1,
  strategies: ['exploit', 'hybrid-random'],
  lines: 315,
  // A strategy name the page does not know is shown as text: never as markup.
  results: [strategy('exploit', 0), strategy(PAYLOAD, 1)],
  created_by: 1,
  created_at: '2026-12-07T10:01:00Z',
};

describe('the exploration replay panel', () => {
  it('shows why a replay was refused, and sends the period, shares and strategies asked for', async () => {
    const api = stubApi(signedIn(['models:read', 'models:manage']), {
      'GET /api/models/replays': { body: { total: 0, items: [] } },
      'POST /api/models/replays': {
        status: 400,
        body: {
          code: 'request.invalid',
          message: 'invalid body: exploration_share the exploration share must be from 0 to 1',
        },
      },
    });
    renderPage(<ReplayPanel modelId={3} />);
    fireEvent.change(await screen.findByLabelText(/^From/), { target: { value: '2020-01-01' } });
    fireEvent.change(screen.getByLabelText(/^To/), { target: { value: '2020-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the replay' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/exploration share must be from 0 to 1/);
    expect(api.sent('POST', '/api/models/replays')).toEqual([
      {
        from: '2020-01-01',
        to: '2020-12-31',
        exploration_share: 0.2,
        inspection_rate: 0.1,
        strategies: ['exploit', 'hybrid-random', 'hybrid-uncertainty'],
        model_id: 3,
      },
    ]);
  });

  it('hides the form from a reader and draws precision, recoveries and exploration finds per week, tooltips as text', async () => {
    recordedOptions.length = 0;
    stubApi(signedIn(['models:read']), {
      'GET /api/models/replays': { body: { total: 1, items: [job('completed')] } },
      [`GET /api/models/replays/${JOB_ID}`]: { body: { job: job('completed'), replay } },
    });
    renderPage(<ReplayPanel modelId={3} />);
    expect((await screen.findByTestId('replay-summary')).textContent).toBe(
      '2020-01-01 to 2020-12-31: 315 labelled lines, 10 % inspected each week, 20 % of it exploring',
    );
    expect(screen.queryByRole('button', { name: 'Start the replay' })).toBeNull();
    expect(screen.getByTestId('replay-exploit').textContent).toMatch(/^Exploitation: Precision 80 %/);
    expect(screen.getByTestId(`replay-${PAYLOAD}`).textContent).toContain(`${PAYLOAD}: Precision 80 %`);
    expect(screen.getByTestId(`replay-${PAYLOAD}`).textContent).toMatch(
      /frauds found only by exploration 1$/,
    );
    await waitFor(() => expect(recordedOptions.length).toBe(3));
    const exploration = lastChart() as { series: { name: string; data: number[] }[] };
    expect(exploration.series.map((s) => [s.name, s.data])).toEqual([
      ['Exploitation', [0, 0]],
      [PAYLOAD, [0, 1]],
    ]);
    const tip = tooltipOf(lastChart(), { series: 1, item: 1 });
    expectInert(tip);
    expect(tip!.textContent).toContain(PAYLOAD);
    const precision = recordedOptions[0] as { series: { data: number[] }[] };
    expect(precision.series[0]!.data).toEqual([0.8, 0.6]);
    const axisTip = (lastChart().tooltip as { formatter: (p: unknown) => unknown }).formatter([
      { axisValue: '2020-03-09', seriesName: PAYLOAD, value: 1 },
    ]);
    const el = document.createElement('div');
    el.innerHTML = String(axisTip);
    expectInert(el);
    expect(el.textContent).toBe(`2020-03-09${PAYLOAD}: 1`);
  });
});
