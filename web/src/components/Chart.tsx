/**
 * An ECharts chart (only the parts we use are bundled), resized with its container, re-laid out for RTL. Every
 * chart of the workbench goes through here, and so does every tooltip: their formatters answer text unless they
 * answer markup built with `html` (./chart-html.ts), since ECharts puts tooltips into the page as HTML.
 */
import { BarChart, BoxplotChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { textTooltips } from './chart-html.ts';

echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  GeoComponent,
  MarkLineComponent,
  MarkAreaComponent,
  VisualMapComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
/** A map outline (GeoJSON) under a name, for a chart's `geo` component: drawn offline, no tile server. */
export const registerGeoMap = (name: string, geoJson: object) => echarts.registerMap(name, geoJson as never);
export { escapeHtml, Html, html } from './chart-html.ts';

export function Chart({
  option,
  height = 280,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(textTooltips(option));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
