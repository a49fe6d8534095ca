// @vitest-environment happy-dom
/**
 * Every chart goes through `Chart`, and ECharts puts tooltips into the page as HTML: `Chart` makes every tooltip
 * formatter of an option (the chart's, a series', a data item's) answer text unless it answers markup built with
 * `html` (which escapes what it interpolates), so that no page can put an imported value into a tooltip as HTML.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectInert, lastChart, recordedOptions, tooltipOf } from '../test/charts.ts';
import { Chart, type ChartOption } from './Chart.tsx';

vi.mock('echarts/core', async (actual) =>
  (await import('../test/charts.ts')).recordingEcharts(await actual<object>()),
);

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

beforeEach(() => {
  recordedOptions.length = 0;
});
afterEach(cleanup);

const bar = (
  extra: Record<string, unknown>,
  data: unknown[] = [{ value: 1, name: PAYLOAD }],
): ChartOption => ({
  xAxis: { type: 'value' },
  yAxis: { type: 'category', data: [PAYLOAD] },
  series: [{ type: 'bar', data, ...extra }],
});

describe('Chart tooltips', () => {
  it('take what a formatter answers as text', () => {
    const option = bar({});
    option.tooltip = { trigger: 'item', formatter: (p: { name: string }) => `${p.name}<br/>!` };
    render(<Chart option={option} label="x" />);
    const tooltip = tooltipOf(lastChart(), { series: 0, item: 0 });
    expectInert(tooltip);
    expect(tooltip!.textContent).toBe(`${PAYLOAD}<br/>!`);
  });

  it("apply to a series' and a data item's formatters, and leave labels (drawn on the canvas) alone", () => {
    const label = { show: true, formatter: (p: { name: string }) => `${p.name} <b>` };
    const option = bar({ label, tooltip: { formatter: (p: { name: string }) => p.name } }, [
      { value: 1, name: PAYLOAD, tooltip: { formatter: () => PAYLOAD } },
      { value: 2, name: PAYLOAD },
    ]);
    render(<Chart option={option} label="x" />);
    for (const item of [0, 1]) {
      const tooltip = tooltipOf(lastChart(), { series: 0, item });
      expectInert(tooltip);
      expect(tooltip!.textContent).toBe(PAYLOAD);
    }
    const series = (lastChart().series as { label: typeof label }[])[0]!;
    expect(series.label.formatter({ name: 'a&b' })).toBe('a&b <b>');
  });

  it('take a string template as text, whatever was put into it', () => {
    render(<Chart option={{ ...bar({}), tooltip: { formatter: `${PAYLOAD} {b}: {c}` } }} label="x" />);
    const tooltip = tooltipOf(lastChart(), { series: 0, item: 0 });
    expectInert(tooltip);
    expect(tooltip!.textContent).toBe(`${PAYLOAD} ${PAYLOAD}: 1`);
  });

  it("do not change the page's option", () => {
    const formatter = () => PAYLOAD;
    const option = { ...bar({}), tooltip: { formatter } };
    render(<Chart option={option} label="x" />);
    expect(option.tooltip.formatter).toBe(formatter);
    expect(lastChart()).not.toBe(option);
  });
});
