// @vitest-environment happy-dom
/**
 * The dashboard's parcels block: without `parcels:read` the dashboard is as before (no block, no request for it);
 * with it, the period's figures, the frauds by type, the workload table per office and examiner; the period asked
 * goes to the server; an examiner's name or an office code that is a script payload shows as text in the chart
 * tooltips; in Arabic the charts read right to left.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index.ts';
import { expectInert, recordedOptions } from '../../test/charts.ts';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { Dashboard } from '../Dashboard.tsx';
import { DashboardParcels, type ParcelsDashboard } from './DashboardParcels.tsx';

vi.mock('echarts/core', async (actual) =>
  (await import('../../test/charts.ts')).recordingEcharts(await actual()),
);

setUpPageTests('en');

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

const OVERVIEW = {
  totals: {
    declarations: 12,
    items: 20,
    inspected_items: 4,
    fraud_items: 1,
    critical_items: 0,
    recovered_amount: 100,
  },
  last_day: { date: '2026-11-05', declarations: 2, inspected_items: 1, fraud_items: 0 },
  per_month: [],
  by_result: [],
  by_office: [],
  top_chapters: [],
};

const figures = (o: Partial<ParcelsDashboard['totals']>) => ({
  arrived: 0,
  scored: 0,
  referred: 0,
  red: 0,
  yellow: 0,
  split_order_parcels: 0,
  split_orders: 0,
  linked_online_seller: 0,
  inspected: 0,
  fraud: 0,
  pending: 0,
  ...o,
});
const week = (o: { assigned: number; inspected: number; pending: number; fraud: number }) => ({
  ...o,
  inspected_per_day: Math.round((o.inspected / 7) * 10) / 10,
  days: [{ day: '2026-11-03', assigned: o.assigned, inspected: o.inspected }],
});

const DATA: ParcelsDashboard = {
  from: '2026-11-02',
  to: '2026-11-08',
  days: 7,
  totals: figures({
    arrived: 412,
    scored: 405,
    referred: 37,
    red: 9,
    yellow: 28,
    split_order_parcels: 4,
    split_orders: 1,
    linked_online_seller: 2,
    inspected: 21,
    fraud: 6,
    pending: 11,
  }),
  frauds_by_type: [
    { fraud_type: 'counterfeit', parcels: 5 },
    { fraud_type: 'prohibited', parcels: 1 },
  ],
  by_office: [
    { office: '301', ...figures({ arrived: 300, referred: 30, inspected: 20, fraud: 6 }) },
    { office: `<b>${PAYLOAD}</b>`, ...figures({ arrived: 112, referred: 7, inspected: 1 }) },
  ],
  examiners: [
    {
      examiner_id: 1,
      username: 'n.chraibi',
      name: 'Nadia Chraibi',
      office: '301',
      active: true,
      ...week({ assigned: 20, inspected: 14, pending: 6, fraud: 5 }),
    },
    {
      examiner_id: 2,
      username: 'evil',
      name: PAYLOAD,
      office: '301',
      active: true,
      ...week({ assigned: 10, inspected: 7, pending: 3, fraud: 1 }),
    },
  ],
  offices: [{ office: '301', examiners: 2, ...week({ assigned: 30, inspected: 21, pending: 9, fraud: 6 }) }],
};

function serve(permissions: string[]) {
  return stubApi(signedIn(['session', ...permissions]), {
    'GET /api/reports/overview': { body: OVERVIEW },
    'GET /api/parcels/dashboard': ({ url }) => ({
      body: {
        ...DATA,
        from: url.searchParams.get('from') ?? DATA.from,
        to: url.searchParams.get('to') ?? DATA.to,
      },
    }),
  });
}

type Axis = { data: string[]; inverse?: boolean };
type Option = { xAxis: Axis; tooltip: { formatter: (p: unknown) => unknown } };
/** The chart drawn with these categories (the last one drawn). */
const chartWith = (category: string) =>
  [...recordedOptions].reverse().find((o) => (o.xAxis as Axis | undefined)?.data?.includes(category)) as
    | Option
    | undefined;

describe('the dashboard: parcels', () => {
  it('shows the dashboard as before, without the parcels block or its request, to a user without parcels:read', async () => {
    const api = serve(['declarations:read']);
    renderPage(<Dashboard />);
    expect((await screen.findByTestId('stat-declarations')).textContent).toBe('12');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('dashboard-parcels')).toBeNull();
    expect(screen.queryByText('Parcels and express consignments')).toBeNull();
    expect(api.calls.map((c) => c.path)).not.toContain('/api/parcels/dashboard');
  });

  it("shows the period's figures, the frauds by type and each office's and examiner's workload", async () => {
    serve(['declarations:read', 'parcels:read']);
    renderPage(<Dashboard />);
    const block = await screen.findByTestId('dashboard-parcels');
    expect((await within(block).findByTestId('parcels-arrived')).textContent).toBe('412');
    expect(within(block).getByTestId('parcels-scored').textContent).toBe('405');
    expect(within(block).getByTestId('parcels-referred').parentElement!.textContent).toContain(
      '9 red, 28 yellow',
    );
    expect(within(block).getByTestId('parcels-split-orders').textContent).toBe('1');
    expect(within(block).getByTestId('parcels-split-orders').parentElement!.textContent).toContain(
      '4 parcels',
    );
    expect(within(block).getByTestId('parcels-online').textContent).toBe('2');
    expect(within(block).getByTestId('parcels-inspected').textContent).toBe('21');
    expect(within(block).getByTestId('parcels-frauds').textContent).toBe('6');
    expect(within(block).getByTestId('parcels-pending').textContent).toBe('11');
    expect(within(block).getByTestId('parcels-fraud-types').textContent).toBe(
      'Counterfeit: 5Prohibited goods: 1',
    );
    expect((within(block).getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-02');
    expect((within(block).getByLabelText('To') as HTMLInputElement).value).toBe('2026-11-08');
    const office = within(block).getByTestId('parcels-workload-office');
    expect([...office.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Office 301 — examiners: 2',
      '30',
      '21',
      '9',
      '6',
      '3',
    ]);
    const examiners = within(block).getAllByTestId('parcels-workload-examiner');
    expect(examiners.map((r) => r.querySelector('td')!.textContent)).toEqual(['Nadia Chraibi', PAYLOAD]);
    // The hostile name is text in the table.
    expect(block.querySelector('img')).toBeNull();
    expect([...examiners[0]!.querySelectorAll('td')].slice(1).map((td) => td.textContent)).toEqual([
      '20',
      '14',
      '6',
      '5',
      '2',
    ]);
  });

  it('asks the server for the period chosen', async () => {
    const api = serve(['parcels:read']);
    renderPage(<DashboardParcels />);
    const from = await screen.findByLabelText('From');
    await waitFor(() => expect((from as HTMLInputElement).value).toBe('2026-11-02'));
    fireEvent.change(from, { target: { value: '2026-11-04' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.path === '/api/parcels/dashboard')
          .map((c) => [c.url.searchParams.get('from'), c.url.searchParams.get('to')]),
      ).toEqual([
        [null, null],
        ['2026-11-04', '2026-11-05'],
      ]),
    );
    await waitFor(() => expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-04'));
  });

  it("shows a hostile examiner's name and office code as text in the chart tooltips", async () => {
    recordedOptions.length = 0;
    serve(['parcels:read']);
    renderPage(<DashboardParcels />);
    await screen.findByTestId('parcels-arrived');
    await waitFor(() => expect(chartWith(PAYLOAD)).toBeDefined());
    const examiners = chartWith(PAYLOAD)!;
    const tip = document.createElement('div');
    tip.innerHTML = String(
      examiners.tooltip.formatter([
        { dataIndex: 1, seriesName: 'Assigned', value: 10 },
        { dataIndex: 1, seriesName: 'Inspected', value: 7 },
      ]),
    );
    expectInert(tip);
    expect(tip.textContent).toBe(`${PAYLOAD} (evil, Office 301)Assigned: 10Inspected: 7`);
    const offices = chartWith(`<b>${PAYLOAD}</b>`)!;
    const officeTip = document.createElement('div');
    officeTip.innerHTML = String(
      offices.tooltip.formatter([{ dataIndex: 1, seriesName: 'Parcels arrived', value: 112 }]),
    );
    expectInert(officeTip);
    expect(officeTip.querySelector('b')!.textContent).toBe(`<b>${PAYLOAD}</b>`);
  });

  it('draws the charts right to left in Arabic', async () => {
    await i18n.changeLanguage('ar');
    recordedOptions.length = 0;
    serve(['parcels:read']);
    renderPage(<DashboardParcels />);
    await screen.findByTestId('parcels-arrived');
    await waitFor(() => expect(chartWith(PAYLOAD)).toBeDefined());
    expect(chartWith(PAYLOAD)!.xAxis.inverse).toBe(true);
    expect(screen.getByText('الطرود والإرساليات السريعة')).toBeTruthy();
  });
});
