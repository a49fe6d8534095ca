/**
 * The director's figures (`reports:read`): seizures by month, category, office and brand as charts, the totals,
 * cases by status and open cases by age, each table exportable as CSV and the whole as PDF in French or Arabic
 * (the exports are audited by the server).
 * Chart tooltips are text: category and brand names come from recorded seizures.
 */
import { Card, Grid, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet, route } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { GridPanel } from '../../components/GridPanel.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableHead } from '../../components/table.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { CASE_STATUSES, caseKeys, ExportLinks, type Figures as FiguresData } from './shared.tsx';

const FILTERS = ['from', 'to', 'office'] as const;
const TABLES = [
  'month',
  'category',
  'office',
  'brand',
  'hs_chapter',
  'detection_source',
  'case_status',
  'case_origin',
  'case_age',
] as const;
type Row = FiguresData['seizures_by']['month'][number];

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** A bar chart of seizures (count) with their estimated value, one bar per key; keys are drawn as text. */
function barOption(
  rows: Row[],
  labels: { count: string; value: string },
  keyLabel: (key: string) => string,
  rtl: boolean,
  horizontal = false,
): ChartOption {
  const keys = rows.map((r) => keyLabel(r.key));
  const category = { type: 'category', data: horizontal ? [...keys].reverse() : keys };
  const values = (pick: (r: Row) => number) => (horizontal ? [...rows].reverse() : rows).map(pick);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: horizontal ? [labels.count] : [labels.count, labels.value] },
    grid: { left: horizontal ? 140 : 50, right: 50, top: 36, bottom: 40, containLabel: false },
    ...(horizontal
      ? {
          xAxis: [{ type: 'value', inverse: rtl }],
          yAxis: {
            ...category,
            position: rtl ? 'right' : 'left',
            axisLabel: { width: 130, overflow: 'truncate' },
          },
        }
      : {
          xAxis: { ...category, inverse: rtl },
          yAxis: [
            { type: 'value', position: rtl ? 'right' : 'left' },
            { type: 'value', position: rtl ? 'left' : 'right', splitLine: { show: false } },
          ],
        }),
    series: [
      { name: labels.count, type: 'bar', data: values((r) => r.seizures), itemStyle: { color: '#4c6ef5' } },
      ...(horizontal
        ? []
        : [
            {
              name: labels.value,
              type: 'line',
              yAxisIndex: 1,
              data: values((r) => r.estimated_value),
              itemStyle: { color: '#f08c00' },
            },
          ]),
    ],
  };
}

function exportHref(table: string, filters: Record<string, string>): string {
  return route('/api/cases/figures/export', { query: { ...filters, table } });
}

export function Figures() {
  const { t, i18n, lang, rtl } = useLang();
  const form = useFilterForm(FILTERS);
  const { filters, apply, clear } = form;
  const figures = useQuery({
    queryKey: caseKeys.figures(filters),
    queryFn: () => apiGet('/api/cases/figures', { query: filters }),
  });
  const data = figures.data;
  const category = (key: string) =>
    i18n.exists(`cases.categories.${key}`) ? t(`cases.categories.${key}`) : key;
  const charts = useMemo(() => {
    if (!data) return null;
    const category = (key: string) =>
      i18n.exists(`cases.categories.${key}`) ? t(`cases.categories.${key}`) : key;
    const labels = { count: t('figures.seizures'), value: t('figures.value') };
    const same = (k: string) => k;
    return {
      month: barOption(data.seizures_by.month, labels, same, rtl),
      category: barOption(data.seizures_by.category, labels, category, rtl, true),
      office: barOption(data.seizures_by.office, labels, same, rtl),
      brand: barOption(data.seizures_by.brand.slice(0, 15), labels, same, rtl, true),
      status: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: data.cases_by_status.map((s) => ({
              name: (CASE_STATUSES as readonly string[]).includes(s.key) ? t(`cases.status.${s.key}`) : s.key,
              value: s.cases,
            })),
          },
        ],
      } satisfies ChartOption,
      age: {
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: data.open_cases_by_age_days.map((a) => a.key), inverse: rtl },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', minInterval: 1 },
        series: [
          {
            name: t('figures.openCases'),
            type: 'bar',
            data: data.open_cases_by_age_days.map((a) => a.cases),
            itemStyle: { color: '#7048e8' },
          },
        ],
      } satisfies ChartOption,
    };
  }, [data, t, i18n, rtl]);

  const money = (v: number) => formatNumber(lang, v);
  return (
    <Stack>
      <PageHeader title={t('figures.title')}>
        <ExportLinks
          label={t('figures.export')}
          gap="sm"
          tables={TABLES}
          tableLabel={(table) => t(`figures.tables.${table}`)}
          csv={(table) => ({ href: exportHref(table, filters), download: `vigie-${table}.csv` })}
          pdf={(l) => ({
            href: route('/api/cases/figures/pdf', { query: { ...filters, lang: l } }),
            download: `vigie-seizures-${l}.pdf`,
          })}
        />
      </PageHeader>
      <FilterBar
        onSubmit={apply}
        label={t('figures.filters')}
        apply={t('cases.list.apply')}
        reset={t('cases.list.reset')}
        onReset={clear}
      >
        <TextFilter form={form} name="from" type="date" label={t('figures.from')} />
        <TextFilter form={form} name="to" type="date" label={t('figures.to')} />
        <TextFilter form={form} name="office" label={t('cases.fields.office')} w={100} />
      </FilterBar>
      <QueryStatus query={figures} />
      {data && charts && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Stat
              label={t('figures.seizures')}
              value={formatNumber(lang, data.totals.seizures)}
              testId="total-seizures"
            />
            <Stat
              label={t('figures.value')}
              value={money(data.totals.estimated_value)}
              testId="total-value"
            />
            <Stat
              label={t('figures.duties')}
              value={money(data.totals.duties_recovered)}
              testId="total-duties"
            />
            <Stat label={t('figures.fines')} value={money(data.totals.fines)} testId="total-fines" />
            <Stat
              label={t('figures.settlements')}
              value={money(data.totals.settlements)}
              testId="total-settlements"
            />
            <Stat
              label={t('figures.cases')}
              value={formatNumber(lang, data.totals.cases)}
              testId="total-cases"
            />
          </SimpleGrid>
          <Grid>
            <GridPanel lg={8} title={t('figures.byMonth')}>
              <Chart option={charts.month} label={t('figures.byMonth')} />
            </GridPanel>
            <GridPanel lg={4} title={t('figures.byStatus')}>
              <Chart option={charts.status} label={t('figures.byStatus')} />
            </GridPanel>
            <GridPanel lg={6} title={t('figures.byCategory')}>
              <Chart option={charts.category} label={t('figures.byCategory')} height={340} />
            </GridPanel>
            <GridPanel lg={6} title={t('figures.byBrand')}>
              <Chart option={charts.brand} label={t('figures.byBrand')} height={340} />
            </GridPanel>
            <GridPanel lg={6} title={t('figures.byOffice')}>
              <Chart option={charts.office} label={t('figures.byOffice')} />
            </GridPanel>
            <GridPanel lg={6} title={t('figures.byAge')}>
              <Chart option={charts.age} label={t('figures.byAge')} />
            </GridPanel>
          </Grid>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('figures.byCategory')}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table fz="sm" data-testid="figures-category">
                <TableHead
                  columns={[
                    t('cases.seizures.category'),
                    { label: t('figures.seizures'), ta: 'end' },
                    { label: t('figures.value'), ta: 'end' },
                    { label: t('figures.duties'), ta: 'end' },
                    { label: t('figures.fines'), ta: 'end' },
                  ]}
                />
                <Table.Tbody>
                  {data.seizures_by.category.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{category(r.key)}</Table.Td>
                      <Table.Td ta="end">{formatNumber(lang, r.seizures)}</Table.Td>
                      <Table.Td ta="end">{money(r.estimated_value)}</Table.Td>
                      <Table.Td ta="end">{money(r.duties_recovered)}</Table.Td>
                      <Table.Td ta="end">{money(r.fines)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('figures.byBrand')}
            </Text>
            <Table fz="sm" data-testid="figures-brand">
              <TableHead
                columns={[
                  t('cases.seizures.brand'),
                  { label: t('figures.seizures'), ta: 'end' },
                  { label: t('figures.value'), ta: 'end' },
                ]}
              />
              <Table.Tbody>
                {data.seizures_by.brand.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td dir="auto">{r.key}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, r.seizures)}</Table.Td>
                    <Table.Td ta="end">{money(r.estimated_value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </>
      )}
    </Stack>
  );
}
