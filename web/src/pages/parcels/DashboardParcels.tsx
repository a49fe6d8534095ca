/**
 * The dashboard's parcels block (issue 18), for those who may read parcels (`parcels:read`; nothing is shown nor
 * asked otherwise): over a period of arrival days — the week up to the last arrival unless chosen — the parcels
 * arrived, scored, referred (red, yellow), in split orders, linked to online sellers, the inspections done, the
 * frauds found by type and the inspections pending; the same per office as a chart; each examiner's and office's
 * workload and throughput (assigned, inspected, pending, frauds, inspected per day) as charts and a table. The
 * figures come from GET /api/parcels/dashboard; examiner names and office codes are data, so every tooltip is
 * built with `html` (each value escaped).
 */
import { Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useMemo, useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet } from '../../api.ts';
import { Chart, type ChartOption, html } from '../../components/Chart.tsx';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { Figure, PanelHeader } from '../DashboardTargeting.tsx';
import { parcelKeys } from './shared.tsx';

export type ParcelsDashboard = ApiResponse<'/api/parcels/dashboard'>;

const COLOURS = {
  arrived: '#adb5bd',
  referred: '#f08c00',
  assigned: '#4c6ef5',
  inspected: '#2f9e44',
  fraud: '#e03131',
  pending: '#fab005',
};

/** The block's figures: message key, total, test id. */
const FIGURES = [
  ['arrived', 'arrived', 'arrived'],
  ['scored', 'scored', 'scored'],
  ['referred', 'referred', 'referred'],
  ['splitOrders', 'split_orders', 'split-orders'],
  ['online', 'linked_online_seller', 'online'],
  ['inspected', 'inspected', 'inspected'],
  ['frauds', 'fraud', 'frauds'],
  ['pending', 'pending', 'pending'],
] as const satisfies readonly (readonly [string, keyof ParcelsDashboard['totals'], string])[];

interface AxisPoint {
  dataIndex: number;
  seriesName: string;
  value: number;
}

/** An axis tooltip: a title for the category (data: escaped), then each series' value. */
function axisTooltip(lang: string, title: (index: number) => unknown) {
  return (params: unknown) => {
    const points = (Array.isArray(params) ? params : [params]) as AxisPoint[];
    return html`${title(points[0]?.dataIndex ?? 0)}${points.map(
      (p) => html`<br/>${p.seriesName}: <b>${formatNumber(lang, p.value, 1)}</b>`,
    )}`;
  };
}

function barChart(
  rtl: boolean,
  categories: string[],
  series: { name: string; colour: string; data: number[] }[],
  tooltip: (params: unknown) => unknown,
): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 50, right: 20, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: categories, inverse: rtl },
    yAxis: { type: 'value', position: rtl ? 'right' : 'left', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data, itemStyle: { color: s.colour } })),
  };
}

/** The three charts of the block: per office, per examiner, per day. */
export function parcelCharts(data: ParcelsDashboard, t: (key: string) => string, lang: string, rtl: boolean) {
  const label = (key: string) => t(`parcels.dashboard.${key}`);
  const offices = barChart(
    rtl,
    data.by_office.map((o) => o.office),
    [
      { name: label('arrived'), colour: COLOURS.arrived, data: data.by_office.map((o) => o.arrived) },
      { name: label('referred'), colour: COLOURS.referred, data: data.by_office.map((o) => o.referred) },
      { name: label('inspected'), colour: COLOURS.inspected, data: data.by_office.map((o) => o.inspected) },
      { name: label('frauds'), colour: COLOURS.fraud, data: data.by_office.map((o) => o.fraud) },
    ],
    axisTooltip(lang, (i) => html`${label('office')} <b>${data.by_office[i]?.office ?? ''}</b>`),
  );
  const working = data.examiners.filter((e) => e.active || e.assigned > 0);
  const examiners = barChart(
    rtl,
    working.map((e) => e.name),
    [
      { name: label('assigned'), colour: COLOURS.assigned, data: working.map((e) => e.assigned) },
      { name: label('inspected'), colour: COLOURS.inspected, data: working.map((e) => e.inspected) },
      { name: label('pending'), colour: COLOURS.pending, data: working.map((e) => e.pending) },
      { name: label('frauds'), colour: COLOURS.fraud, data: working.map((e) => e.fraud) },
    ],
    axisTooltip(lang, (i) => {
      const e = working[i];
      return e ? html`<b>${e.name}</b> (${e.username}, ${label('office')} ${e.office})` : '';
    }),
  );
  const days = new Map<string, { assigned: number; inspected: number }>();
  for (const d of data.offices.flatMap((o) => o.days)) {
    const into = days.get(d.day) ?? { assigned: 0, inspected: 0 };
    into.assigned += d.assigned;
    into.inspected += d.inspected;
    days.set(d.day, into);
  }
  const order = [...days.keys()].sort();
  const perDay = barChart(
    rtl,
    order.map((d) => formatDate(lang, d)),
    [
      { name: label('assigned'), colour: COLOURS.assigned, data: order.map((d) => days.get(d)!.assigned) },
      { name: label('inspected'), colour: COLOURS.inspected, data: order.map((d) => days.get(d)!.inspected) },
    ],
    axisTooltip(lang, (i) => formatDate(lang, order[i])),
  );
  return { offices, examiners, perDay };
}

/** Each office's workload, then its examiners', as a table. */
function WorkloadTable({ data }: { data: ParcelsDashboard }) {
  const { t, lang } = useLang();
  const label = (key: string) => t(`parcels.dashboard.${key}`);
  const number = (n: number, digits = 0) => formatNumber(lang, n, digits);
  const cells = (
    w: Pick<
      ParcelsDashboard['offices'][number],
      'assigned' | 'inspected' | 'pending' | 'fraud' | 'inspected_per_day'
    >,
  ) => (
    <>
      <Table.Td ta="end">{number(w.assigned)}</Table.Td>
      <Table.Td ta="end">{number(w.inspected)}</Table.Td>
      <Table.Td ta="end">{number(w.pending)}</Table.Td>
      <Table.Td ta="end">{number(w.fraud)}</Table.Td>
      <Table.Td ta="end">{number(w.inspected_per_day, 1)}</Table.Td>
    </>
  );
  if (data.offices.length === 0) return <Text c="dimmed">{label('noExaminer')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder fz="sm" aria-label={label('workload')} data-testid="parcels-workload">
        <TableHead
          columns={[
            label('examiner'),
            { label: label('assigned'), ta: 'end' },
            { label: label('inspected'), ta: 'end' },
            { label: label('pending'), ta: 'end' },
            { label: label('frauds'), ta: 'end' },
            { label: label('perDayRate'), ta: 'end' },
          ]}
        />
        <Table.Tbody>
          {data.offices.map((o) => (
            <Fragment key={o.office}>
              <Table.Tr data-testid="parcels-workload-office" fw={700}>
                <Table.Td>
                  {t('parcels.dashboard.officeTotal', { office: o.office, n: o.examiners })}
                </Table.Td>
                {cells(o)}
              </Table.Tr>
              {data.examiners
                .filter((e) => e.office === o.office)
                .map((e) => (
                  <Table.Tr key={e.examiner_id} data-testid="parcels-workload-examiner">
                    <Table.Td ps="lg">
                      <Text span size="sm" dir="auto">
                        {e.name}
                      </Text>
                      {!e.active && (
                        <Badge ms="xs" size="xs" color="gray" variant="light" tt="none">
                          {label('inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    {cells(e)}
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DashboardParcels() {
  const { t, lang, rtl } = useLang();
  const { can } = useSession();
  const allowed = can('parcels:read');
  const [asked, setAsked] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const query = useQuery({
    queryKey: [...parcelKeys.all, 'dashboard', asked.from, asked.to],
    queryFn: () =>
      apiGet('/api/parcels/dashboard', {
        query: { ...(asked.from ? { from: asked.from } : {}), ...(asked.to ? { to: asked.to } : {}) },
      }),
    enabled: allowed,
  });
  const data = query.data;
  const charts = useMemo(() => (data ? parcelCharts(data, t, lang, rtl) : null), [data, t, lang, rtl]);
  if (!allowed) return null;
  const label = (key: string) => t(`parcels.dashboard.${key}`);
  const number = (n: number) => formatNumber(lang, n);
  const hintOf = (key: string, totals: ParcelsDashboard['totals']) =>
    key === 'referred'
      ? t('parcels.dashboard.referredHint', { red: totals.red, yellow: totals.yellow })
      : key === 'splitOrders'
        ? t('parcels.dashboard.splitHint', { n: totals.split_order_parcels })
        : undefined;
  const period = draft ?? { from: data?.from ?? asked.from, to: data?.to ?? asked.to };
  const show = (event: FormEvent) => {
    event.preventDefault();
    setAsked(period);
    setDraft(null);
  };
  return (
    <Card withBorder data-testid="dashboard-parcels">
      <PanelHeader title={label('title')} to="/parcels" link={label('open')} />
      <Group component="form" onSubmit={show} align="end" gap="xs" mb="sm" aria-label={label('period')}>
        <TextInput
          type="date"
          size="xs"
          label={label('from')}
          value={period.from}
          onChange={(e) => setDraft({ ...period, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          size="xs"
          label={label('to')}
          value={period.to}
          onChange={(e) => setDraft({ ...period, to: e.currentTarget.value })}
        />
        <Button type="submit" size="xs" variant="light">
          {label('apply')}
        </Button>
      </Group>
      <QueryStatus query={query} />
      {data && charts && (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }}>
            {FIGURES.map(([key, figure, testId]) => (
              <Figure
                key={key}
                label={label(key)}
                value={number(data.totals[figure])}
                hint={hintOf(key, data.totals)}
                testId={`parcels-${testId}`}
              />
            ))}
          </SimpleGrid>
          <Group gap="xs" data-testid="parcels-fraud-types">
            {data.frauds_by_type.length === 0 && (
              <Text size="sm" c="dimmed">
                {label('noFraud')}
              </Text>
            )}
            {data.frauds_by_type.map((f) => (
              <Badge key={f.fraud_type} color="red" variant="light" tt="none">
                {t('parcels.dashboard.fraudCount', {
                  type:
                    f.fraud_type === 'unknown'
                      ? label('frauds')
                      : t(`parcels.inspection.fraudTypes.${f.fraud_type}`),
                  n: number(f.parcels),
                })}
              </Badge>
            ))}
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Text size="sm" c="dimmed">
                {label('byOffice')}
              </Text>
              <Chart option={charts.offices} label={label('byOffice')} height={240} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Text size="sm" c="dimmed">
                {label('byExaminer')}
              </Text>
              <Chart option={charts.examiners} label={label('byExaminer')} height={240} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Text size="sm" c="dimmed">
                {label('perDay')}
              </Text>
              <Chart option={charts.perDay} label={label('perDay')} height={240} />
            </Grid.Col>
          </Grid>
          <Text size="sm" c="dimmed">
            {label('workload')}
          </Text>
          <WorkloadTable data={data} />
        </Stack>
      )}
    </Card>
  );
}
