/**
 * What the day and the year look like: totals, the last day, trends per month, results, offices, HS chapters; the
 * targeting and parcels blocks for those who may read them.
 */
import { Card, Grid, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../api.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { GridPanel } from '../components/GridPanel.tsx';
import { formatDate, formatNumber, useLang } from '../i18n/index.ts';
import { DashboardTargeting, Figure } from './DashboardTargeting.tsx';
import { DashboardParcels } from './parcels/DashboardParcels.tsx';

/** A headline figure in its own card. */
function Stat(props: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Card withBorder padding="md">
      <Figure {...props} large />
    </Card>
  );
}

export function Dashboard() {
  const { t, lang, rtl } = useLang();
  const overview = useQuery({
    queryKey: ['overview'],
    queryFn: () => apiGet('/api/reports/overview'),
  });
  const data = overview.data;

  const charts = useMemo(() => {
    if (!data) return null;
    const perMonth: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('declarations.title'), t('dashboard.frauds')] },
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.per_month.map((m) => m.month), inverse: rtl },
      yAxis: [
        { type: 'value', position: rtl ? 'right' : 'left' },
        { type: 'value', position: rtl ? 'left' : 'right' },
      ],
      series: [
        {
          name: t('declarations.title'),
          type: 'bar',
          data: data.per_month.map((m) => m.declarations),
          itemStyle: { color: '#4c6ef5' },
        },
        {
          name: t('dashboard.frauds'),
          type: 'line',
          yAxisIndex: 1,
          data: data.per_month.map((m) => m.fraud_items),
          itemStyle: { color: '#e03131' },
        },
      ],
    };
    const colours: Record<string, string> = {
      compliant: '#2f9e44',
      fraud: '#f08c00',
      critical: '#e03131',
      not_inspected: '#adb5bd',
    };
    const byResult: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: data.by_result.map((r) => ({
            name: t(`results.${r.result}`),
            value: r.items,
            itemStyle: { color: colours[r.result] },
          })),
        },
      ],
    };
    const chapters: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 30, top: 20, bottom: 30 },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
        inverse: rtl,
      },
      yAxis: {
        type: 'category',
        data: data.top_chapters.map((c) => `SH ${c.chapter}`).reverse(),
        position: rtl ? 'right' : 'left',
      },
      series: [
        {
          name: t('dashboard.fraudRate'),
          type: 'bar',
          data: data.top_chapters.map((c) => c.fraud_rate).reverse(),
          itemStyle: { color: '#f08c00' },
        },
      ],
    };
    const offices: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('declarations.title'), t('dashboard.frauds')] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.by_office.map((o) => o.office), inverse: rtl },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left' },
      series: [
        {
          name: t('declarations.title'),
          type: 'bar',
          data: data.by_office.map((o) => o.declarations),
          itemStyle: { color: '#4c6ef5' },
        },
        {
          name: t('dashboard.frauds'),
          type: 'bar',
          data: data.by_office.map((o) => o.fraud_items),
          itemStyle: { color: '#e03131' },
        },
      ],
    };
    return { perMonth, byResult, chapters, offices };
  }, [data, t, rtl]);

  if (overview.error) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!data || !charts) return <Loader aria-label={t('common.loading')} />;
  const hitRate = data.totals.inspected_items
    ? (data.totals.fraud_items + data.totals.critical_items) / data.totals.inspected_items
    : 0;
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stat
          label={t('dashboard.declarations')}
          value={formatNumber(lang, data.totals.declarations)}
          testId="stat-declarations"
          hint={`${t('dashboard.lastDay', { date: formatDate(lang, data.last_day.date) })} : ${formatNumber(lang, data.last_day.declarations)}`}
        />
        <Stat
          label={t('dashboard.inspected')}
          value={formatNumber(lang, data.totals.inspected_items)}
          testId="stat-inspected"
          hint={`${formatNumber(lang, data.totals.items)} ${t('dashboard.items').toLowerCase()}`}
        />
        <Stat
          label={t('dashboard.hitRate')}
          value={`${formatNumber(lang, hitRate * 100, 1)} %`}
          testId="stat-hit-rate"
          hint={`${formatNumber(lang, data.totals.fraud_items + data.totals.critical_items)} ${t('dashboard.frauds')}`}
        />
        <Stat
          label={t('dashboard.recovered')}
          value={formatNumber(lang, data.totals.recovered_amount)}
          testId="stat-recovered"
        />
      </SimpleGrid>
      <DashboardTargeting />
      <DashboardParcels />
      <Grid>
        <GridPanel lg={8} title={t('dashboard.perMonth')}>
          <Chart option={charts.perMonth} label={t('dashboard.perMonth')} />
        </GridPanel>
        <GridPanel lg={4} title={t('dashboard.byResult')}>
          <Chart option={charts.byResult} label={t('dashboard.byResult')} />
        </GridPanel>
        <GridPanel lg={6} title={t('dashboard.topChapters')}>
          <Chart option={charts.chapters} label={t('dashboard.topChapters')} />
        </GridPanel>
        <GridPanel lg={6} title={t('dashboard.byOffice')}>
          <Chart option={charts.offices} label={t('dashboard.byOffice')} />
        </GridPanel>
      </Grid>
    </Stack>
  );
}
