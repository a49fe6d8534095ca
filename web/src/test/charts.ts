/**
 * Chart tests: ECharts draws on a canvas happy-dom does not have, so its `init` is replaced by a recorder of the
 * options the `Chart` component hands over, and a tooltip is rendered the way ECharts renders one (the formatter
 * that applies to the data item, its HTML put into an element). What the tooltip would show and what it would
 * run are then plain DOM questions.
 *
 *   vi.mock('echarts/core', async (actual) =>
 *     (await import('./charts.ts')).recordingEcharts(await actual()));
 *   const el = tooltipOf(lastChart(), { series: 0, item: 2 });
 *   expectInert(el); expect(el.textContent).toContain(PAYLOAD);
 */
import { expect } from 'vitest';

type Option = Record<string, unknown>;
type Formatter = string | ((params: unknown, ticket?: string) => unknown);

/** Every option given to `setOption`, in order. */
export const recordedOptions: Option[] = [];

type FormatTpl = (tpl: string, params: unknown, encode?: boolean) => string;
let formatTpl: FormatTpl | null = null;

/**
 * `echarts/core` with an `init` that records options instead of drawing. (This file takes ECharts' template
 * function from the module it is given: importing `echarts/core` here would wait on the mock being built.)
 */
export function recordingEcharts<T extends object>(actual: T): T {
  formatTpl = (actual as { format: { formatTpl: FormatTpl } }).format.formatTpl;
  return {
    ...actual,
    init: () => ({
      setOption: (option: Option) => recordedOptions.push(option),
      resize: () => undefined,
      dispose: () => undefined,
      on: () => undefined,
    }),
  };
}

export function lastChart(): Option {
  const option = recordedOptions.at(-1);
  if (!option) throw new Error('no chart was drawn');
  return option;
}

const asArray = (x: unknown): Option[] => (Array.isArray(x) ? x : x ? [x] : []) as Option[];

/**
 * The tooltip of one data item (trigger 'item'), as ECharts builds it: the formatter of the item, else of its
 * series, else of the chart; a string formatter is a template filled with HTML-encoded values, a function's answer
 * is taken as HTML. Null when no formatter applies (ECharts' own markup, which encodes names and values).
 */
export function tooltipOf(option: Option, at: { series: number; item: number }): HTMLElement | null {
  const series = asArray(option.series)[at.series];
  if (!series) throw new Error(`no series ${at.series}`);
  const raw = asArray(series.data)[at.item] as unknown;
  const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Option) : null;
  const value = item ? item.value : raw;
  const category = [...asArray(option.yAxis), ...asArray(option.xAxis)].find((a) => a.type === 'category');
  const name = (item?.name as string | undefined) ?? (asArray(category?.data)[at.item] as unknown) ?? '';
  const params = {
    componentType: 'series',
    seriesIndex: at.series,
    seriesName: series.name ?? '',
    dataIndex: at.item,
    name,
    value,
    data: raw,
    marker: '',
    color: '#000',
    $vars: ['seriesName', 'name', 'value'],
  };
  const formatter = [item?.tooltip, series.tooltip, asArray(option.tooltip)[0]]
    .map((t) => (t as { formatter?: Formatter } | undefined)?.formatter)
    .find((f) => f !== undefined);
  if (formatter === undefined) return null;
  const html =
    typeof formatter === 'string' ? formatTpl!(formatter, params, true) : String(formatter(params, 'ticket'));
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

/** Only markup that runs nothing: no elements that load or run anything, no event-handler attributes. */
export function expectInert(element: HTMLElement | null): void {
  expect(element).not.toBeNull();
  const risky = element!.querySelectorAll(
    'img, svg, script, iframe, object, embed, a, form, input, style, link',
  );
  expect([...risky].map((e) => e.outerHTML)).toEqual([]);
  const handlers = [...element!.querySelectorAll('*')].flatMap((e) =>
    e.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on')),
  );
  expect(handlers).toEqual([]);
}
