/**
 * Back-test of a profile version on history (a background job followed live), compared with the profiles active
 * now: selection share, precision, recall and duties recovered side by side, each rule's hits and precision, the
 * load each office would have had per day — as charts and as tables.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  type TableTdProps,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { type ColumnSpec, TableHead } from '../../components/table.tsx';
import { FINAL_STATES, useJob } from '../../components/useJob.ts';
import i18n, { formatDate, formatNumber, locale, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { StatusBadge } from './Profiles.tsx';
import type { BacktestReport, BacktestResult, Job, References } from './types.ts';
import { backArrow, pct } from './types.ts';

/** The demo history with inspection outcomes covers 2020. */
export const DEFAULT_WINDOW = { from: '2020-01-01', to: '2020-12-31' };
const CANDIDATE_COLOUR = '#1c7ed6';
const ACTIVE_COLOUR = '#adb5bd';
const LOAD_CHART_OFFICES = 15;

/** Large amounts in few characters (12 k, 3,4 M) for chart axes and labels. */
function compact(lang: string, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

function delta(lang: string, a: number | null, b: number | null, kind: 'pct' | 'number'): string {
  if (a === null || b === null) return '—';
  const d = a - b;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  return kind === 'pct'
    ? `${sign}${formatNumber(lang, abs * 100, 1)} ${i18n.t('rules.bt.pointUnit')}`
    : `${sign}${formatNumber(lang, abs)}`;
}

interface Metric {
  key: string;
  kind: 'pct' | 'number';
  get(r: BacktestReport): number | null;
  /** Higher is better (for the colour of the difference), or neutral. */
  better?: 'up' | 'down';
}

const METRICS: Metric[] = [
  { key: 'items', kind: 'number', get: (r) => r.items },
  { key: 'inspected', kind: 'number', get: (r) => r.inspected },
  { key: 'frauds', kind: 'number', get: (r) => r.frauds },
  { key: 'baseFraudRate', kind: 'pct', get: (r) => r.base_fraud_rate },
  { key: 'selectedItems', kind: 'number', get: (r) => r.selection.selected_items },
  { key: 'share', kind: 'pct', get: (r) => r.selection.share, better: 'down' },
  { key: 'selectedInspected', kind: 'number', get: (r) => r.selection.inspected },
  { key: 'fraudsCaught', kind: 'number', get: (r) => r.selection.frauds, better: 'up' },
  { key: 'criticalCaught', kind: 'number', get: (r) => r.selection.critical, better: 'up' },
  { key: 'precision', kind: 'pct', get: (r) => r.selection.precision, better: 'up' },
  { key: 'recall', kind: 'pct', get: (r) => r.selection.recall, better: 'up' },
  { key: 'dutiesRecovered', kind: 'number', get: (r) => r.selection.duties_recovered, better: 'up' },
  {
    key: 'dutiesAtStake',
    kind: 'number',
    get: (r) => r.selection.duties_at_stake_of_frauds_caught ?? null,
    better: 'up',
  },
  { key: 'randomItems', kind: 'number', get: (r) => r.selection.random.items },
  { key: 'randomFraudRate', kind: 'pct', get: (r) => r.selection.random.fraud_rate },
];

/** The figures shown as cards above the charts, in this order. */
const KPIS = ['share', 'precision', 'recall', 'dutiesRecovered'];

function show(lang: string, value: number | null, kind: 'pct' | 'number') {
  return kind === 'pct' ? pct(lang, value) : value === null ? '—' : formatNumber(lang, value);
}

/** Rule keys come as "profile/rule-id": the id alone reads better when there is one profile. */
const ruleName = (key: string) => key.slice(key.indexOf('/') + 1);

function Kpi({
  label,
  candidate,
  active,
  kind,
}: {
  label: string;
  candidate: number | null;
  active: number | null | undefined;
  kind: 'pct' | 'number';
}) {
  const { t, lang } = useLang();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" c="blue.8">
        {show(lang, candidate, kind)}
      </Text>
      {active !== undefined && (
        <Text size="xs" c="dimmed">
          {t('rules.bt.activeWas', { value: show(lang, active, kind) })} ·{' '}
          {delta(lang, candidate, active, kind)}
        </Text>
      )}
    </Card>
  );
}

/** Cells of figures, aligned on the end (right, or left in Arabic). */
const Figure = (props: TableTdProps) => <Table.Td style={{ textAlign: 'end' }} {...props} />;
/** The heading of a column of figures, aligned like them. */
const figure = (label: string): ColumnSpec => ({ label, style: { textAlign: 'end' } });

/** A titled chart in the grid of results (the chart's accessible label is its title), or why there is none. */
function ChartCard({
  span,
  title,
  option,
  height = 280,
  empty,
}: {
  span: Record<string, number>;
  title: string;
  option: ChartOption;
  height?: number;
  empty?: string;
}) {
  return (
    <Grid.Col span={span}>
      <Card withBorder h="100%">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {empty === undefined ? (
          <Chart option={option} label={title} height={height} />
        ) : (
          <Text c="dimmed" size="sm" py="lg" ta="center">
            {empty}
          </Text>
        )}
      </Card>
    </Grid.Col>
  );
}

export function BacktestResultView({ result }: { result: BacktestResult }) {
  const { t, lang, rtl } = useLang();
  const c = result.candidate;
  const a = result.active?.report;
  const candidateName = result.profile.map((p) => `${p.name} v${p.version}`).join(', ');
  const activeName = result.active?.profiles.map((p) => `${p.name} v${p.version}`).join(', ') ?? '';
  const seriesNames = { candidate: t('rules.bt.candidate'), active: t('rules.bt.active') };

  const charts = useMemo(() => {
    /** The candidate's bars, and the active profiles' beside them when there are some, labelled on top. */
    const sideBySide = (
      values: (r: BacktestReport) => (number | null)[],
      format: (value: number) => string,
    ) =>
      [
        { name: seriesNames.candidate, report: c, color: CANDIDATE_COLOUR },
        ...(a ? [{ name: seriesNames.active, report: a, color: ACTIVE_COLOUR }] : []),
      ].map(({ name, report, color }) => ({
        name,
        type: 'bar',
        data: values(report),
        itemStyle: { color },
        label: { show: true, position: 'top', formatter: (p: { value: number }) => format(p.value) },
      }));
    const percentAxis = {
      type: 'value',
      position: rtl ? 'right' : 'left',
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
    };
    const rates: ChartOption = {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => pct(lang, v),
      },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 28 },
      xAxis: {
        type: 'category',
        inverse: rtl,
        data: [t('rules.bt.m.share'), t('rules.bt.m.precision'), t('rules.bt.m.recall')],
      },
      yAxis: percentAxis,
      series: sideBySide(
        (r) => [r.selection.share, r.selection.precision, r.selection.recall],
        (v) => pct(lang, v, 0),
      ),
    };
    const duties: ChartOption = {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '—' : formatNumber(lang, v)),
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 44 },
      xAxis: {
        type: 'category',
        inverse: rtl,
        data: [t('rules.bt.m.dutiesRecovered'), t('rules.bt.m.dutiesAtStake')],
        axisLabel: { interval: 0, width: 120, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        position: rtl ? 'right' : 'left',
        axisLabel: { formatter: (v: number) => compact(lang, v) },
      },
      series: sideBySide(
        (r) => [r.selection.duties_recovered, r.selection.duties_at_stake_of_frauds_caught ?? null],
        (v) => compact(lang, v),
      ),
    };
    const topRules = c.rules.slice(0, 25);
    const rules: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 120, right: 55, top: 48, bottom: 120 },
      xAxis: {
        type: 'category',
        inverse: rtl,
        data: topRules.map((r) => ruleName(r.rule)),
        axisLabel: { rotate: rtl ? -30 : 30, fontSize: 10, interval: 0, width: 150, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', name: t('rules.bt.hits'), position: rtl ? 'right' : 'left' },
        {
          type: 'value',
          name: t('rules.bt.m.precision'),
          max: 1,
          position: rtl ? 'left' : 'right',
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
        },
      ],
      series: [
        {
          name: t('rules.bt.hits'),
          type: 'bar',
          data: topRules.map((r) => r.hits),
          itemStyle: { color: '#74c0fc' },
        },
        {
          name: t('rules.bt.inspectedHits'),
          type: 'bar',
          barGap: '-100%',
          data: topRules.map((r) => r.inspected),
          itemStyle: { color: CANDIDATE_COLOUR },
        },
        {
          name: t('rules.bt.m.precision'),
          type: 'line',
          yAxisIndex: 1,
          data: topRules.map((r) => r.precision),
          itemStyle: { color: '#e03131' },
          symbolSize: 8,
          tooltip: { valueFormatter: (v: number | null) => pct(lang, v) },
        },
      ],
    };
    const byOffice = (report: BacktestReport | undefined) =>
      new Map((report?.load_per_office ?? []).map((l) => [l.office, l]));
    const cl = byOffice(c);
    const al = byOffice(a);
    // Every office in the table; the busiest in the chart, where more would not read.
    const offices = [...new Set([...c.load_per_office, ...(a?.load_per_office ?? [])].map((l) => l.office))];
    const busy = (o: string) => (cl.get(o)?.selected_items ?? 0) + (al.get(o)?.selected_items ?? 0) > 0;
    const chartOffices = offices.filter(busy).slice(0, LOAD_CHART_OFFICES);
    const load: ChartOption = {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '—' : formatNumber(lang, v, 1)),
      },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 76, bottom: 28 },
      xAxis: { type: 'category', inverse: rtl, data: chartOffices, name: t('rules.bt.office') },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', name: t('rules.bt.itemsPerDay') },
      series: [
        {
          name: `${seriesNames.candidate} — ${t('rules.bt.meanPerDay')}`,
          type: 'bar',
          data: chartOffices.map((o) => cl.get(o)?.per_active_day_mean ?? cl.get(o)?.per_day_mean ?? null),
          itemStyle: { color: CANDIDATE_COLOUR },
        },
        ...(a
          ? [
              {
                name: `${seriesNames.active} — ${t('rules.bt.meanPerDay')}`,
                type: 'bar',
                data: chartOffices.map(
                  (o) => al.get(o)?.per_active_day_mean ?? al.get(o)?.per_day_mean ?? null,
                ),
                itemStyle: { color: ACTIVE_COLOUR },
              },
            ]
          : []),
        {
          name: `${seriesNames.candidate} — ${t('rules.bt.maxPerDay')}`,
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 12,
          symbolRotate: 180,
          data: chartOffices.map((o) => cl.get(o)?.per_day_max ?? null),
          itemStyle: { color: '#f08c00' },
        },
      ],
    };
    return { rates, duties, rules, load, offices, cl, al };
  }, [c, a, lang, rtl, t, seriesNames.candidate, seriesNames.active]);

  return (
    <Stack gap="md" data-testid="backtest-result">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="blue" size="lg" tt="none">
          {t('rules.bt.candidate')}
          {t('rules.colon')}
          {candidateName}
        </Badge>
        {a ? (
          <Badge variant="light" color="gray" size="lg" tt="none">
            {t('rules.bt.active')}
            {t('rules.colon')}
            {activeName}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('rules.bt.noComparison')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('rules.bt.period', {
            from: formatDate(lang, result.from),
            to: formatDate(lang, result.to),
            days: result.days,
          })}{' '}
          · {t(`rules.bt.refs.${result.references}`)} ·{' '}
          {t('rules.bt.duration', { seconds: formatNumber(lang, result.duration_ms / 1000, 1) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {METRICS.filter((m) => KPIS.includes(m.key)).map((m) => (
          <Kpi
            key={m.key}
            label={t(`rules.bt.m.${m.key}`)}
            candidate={m.get(c)}
            active={a ? m.get(a) : undefined}
            kind={m.kind}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('rules.bt.base', {
          items: formatNumber(lang, c.items),
          inspected: formatNumber(lang, c.inspected),
          frauds: formatNumber(lang, c.frauds),
          rate: pct(lang, c.base_fraud_rate),
        })}
      </Text>
      <Grid>
        <ChartCard span={{ base: 12, md: 8 }} title={t('rules.bt.comparison')} option={charts.rates} />
        <ChartCard span={{ base: 12, md: 4 }} title={t('rules.bt.duties')} option={charts.duties} />
        <ChartCard
          span={{ base: 12, lg: 7 }}
          title={t('rules.bt.rulesChart')}
          option={charts.rules}
          height={360}
          empty={c.rules.length ? undefined : t('rules.bt.noHits')}
        />
        <ChartCard
          span={{ base: 12, lg: 5 }}
          title={t('rules.bt.loadChart')}
          option={charts.load}
          height={360}
        />
      </Grid>
      <Card withBorder p={0}>
        <Tabs defaultValue="comparison">
          <Tabs.List px="sm">
            <Tabs.Tab value="comparison">{t('rules.bt.figures')}</Tabs.Tab>
            <Tabs.Tab value="rules">
              {t('rules.bt.rulesTable')} ({c.rules.length})
            </Tabs.Tab>
            <Tabs.Tab value="load">{t('rules.bt.loadTable')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="comparison" p="sm">
            <Table
              fz="sm"
              verticalSpacing={4}
              striped
              aria-label={t('rules.bt.figures')}
              data-testid="comparison-table"
            >
              <TableHead
                columns={[
                  t('rules.bt.metric'),
                  figure(t('rules.bt.candidate')),
                  a && figure(t('rules.bt.active')),
                  a && figure(t('rules.bt.difference')),
                ]}
              />
              <Table.Tbody>
                {METRICS.map((m) => {
                  const cv = m.get(c);
                  const av = a ? m.get(a) : null;
                  const d = cv !== null && av !== null ? cv - av : 0;
                  const good = m.better === 'up' ? d > 0 : m.better === 'down' ? d < 0 : null;
                  return (
                    <Table.Tr key={m.key}>
                      <Table.Td>{t(`rules.bt.m.${m.key}`)}</Table.Td>
                      <Figure fw={600}>{show(lang, cv, m.kind)}</Figure>
                      {a && <Figure>{show(lang, av, m.kind)}</Figure>}
                      {a && (
                        <Figure c={d === 0 || good === null ? 'dimmed' : good ? 'teal.7' : 'red.7'} dir="ltr">
                          {delta(lang, cv, av, m.kind)}
                        </Figure>
                      )}
                    </Table.Tr>
                  );
                })}
                {(['red', 'yellow', 'blue', 'green'] as const).map((channel) => (
                  <Table.Tr key={channel}>
                    <Table.Td>
                      {t('rules.bt.channelItems', { channel: t(`rules.channels.${channel}`) })}
                    </Table.Td>
                    <Figure fw={600}>{formatNumber(lang, c.selection.channels[channel] ?? 0)}</Figure>
                    {a && <Figure>{formatNumber(lang, a.selection.channels[channel] ?? 0)}</Figure>}
                    {a && (
                      <Figure c="dimmed" dir="ltr">
                        {delta(
                          lang,
                          c.selection.channels[channel] ?? 0,
                          a.selection.channels[channel] ?? 0,
                          'number',
                        )}
                      </Figure>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
          <Tabs.Panel value="rules" p="sm">
            <Table.ScrollContainer minWidth={640}>
              <Table fz="sm" verticalSpacing={4} striped aria-label={t('rules.bt.rulesTable')}>
                <TableHead
                  columns={[
                    t('rules.ruleId'),
                    figure(t('rules.bt.hits')),
                    figure(t('rules.bt.inspectedHits')),
                    figure(t('rules.bt.m.frauds')),
                    figure(t('rules.bt.m.precision')),
                    figure(t('rules.bt.m.dutiesRecovered')),
                  ]}
                />
                <Table.Tbody>
                  {c.rules.map((r) => (
                    <Table.Tr key={r.rule}>
                      <Table.Td ff="monospace" fz="xs" dir="ltr">
                        {r.rule}
                      </Table.Td>
                      <Figure>{formatNumber(lang, r.hits)}</Figure>
                      <Figure>{formatNumber(lang, r.inspected)}</Figure>
                      <Figure>{formatNumber(lang, r.frauds)}</Figure>
                      <Figure fw={600}>{pct(lang, r.precision)}</Figure>
                      <Figure>{r.recovered === undefined ? '—' : formatNumber(lang, r.recovered)}</Figure>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Tabs.Panel>
          <Tabs.Panel value="load" p="sm">
            <Table.ScrollContainer minWidth={640}>
              <Table fz="sm" verticalSpacing={4} striped aria-label={t('rules.bt.loadTable')}>
                <TableHead
                  columns={[
                    t('rules.bt.office'),
                    figure(t('rules.bt.m.selectedItems')),
                    figure(t('rules.bt.activeDays')),
                    figure(t('rules.bt.meanPerDay')),
                    figure(t('rules.bt.maxPerDay')),
                    a && figure(t('rules.bt.activeMean')),
                    a && figure(t('rules.bt.activeMax')),
                  ]}
                />
                <Table.Tbody>
                  {charts.offices.map((office) => {
                    const cr = charts.cl.get(office);
                    const ar = charts.al.get(office);
                    return (
                      <Table.Tr key={office}>
                        <Table.Td>{office}</Table.Td>
                        <Figure>{formatNumber(lang, cr?.selected_items ?? 0)}</Figure>
                        <Figure>
                          {cr?.days_with_declarations === undefined
                            ? '—'
                            : formatNumber(lang, cr.days_with_declarations)}
                        </Figure>
                        <Figure fw={600}>
                          {formatNumber(lang, cr?.per_active_day_mean ?? cr?.per_day_mean ?? 0, 1)}
                        </Figure>
                        <Figure>{formatNumber(lang, cr?.per_day_max ?? 0)}</Figure>
                        {a && (
                          <Figure>
                            {formatNumber(lang, ar?.per_active_day_mean ?? ar?.per_day_mean ?? 0, 1)}
                          </Figure>
                        )}
                        {a && <Figure>{formatNumber(lang, ar?.per_day_max ?? 0)}</Figure>}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Tabs.Panel>
        </Tabs>
      </Card>
    </Stack>
  );
}

function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation();
  const percent = job.total ? Math.min(100, (100 * job.done) / job.total) : 0;
  return (
    <Card withBorder data-testid="backtest-progress">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t('rules.bt.running')}
        </Text>
        <Badge variant="light">{t(`rules.bt.states.${job.state}`)}</Badge>
      </Group>
      <Progress value={percent} animated striped aria-label={t('rules.bt.progress')} size="lg" />
      <Text size="xs" c="dimmed" mt={4}>
        {job.total ? t('rules.bt.months', { done: job.done, total: job.total }) : ''}
        {job.message ? ` — ${job.message}` : ''}
        {job.eta_seconds !== null && job.eta_seconds !== undefined
          ? ` — ${t('rules.bt.eta', { seconds: Math.round(job.eta_seconds) })}`
          : ''}
      </Text>
    </Card>
  );
}

export function Backtest() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [from, setFrom] = useState(params.get('from') ?? DEFAULT_WINDOW.from);
  const [to, setTo] = useState(params.get('to') ?? DEFAULT_WINDOW.to);
  const [compare, setCompare] = useState(params.get('compare') !== '0');
  const [references, setReferences] = useState<References>(
    params.get('references') === 'current' ? 'current' : 'rolling',
  );
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const jobId = params.get('job');
  const { job, error: jobError } = useJob(jobId);
  const profile = useQuery({
    queryKey: ['risk-profile', Number(id)],
    queryFn: () => apiGet('/api/risk/profiles/{id}', { path: { id: Number(id) } }),
  });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStartError(null);
    setStarting(true);
    try {
      const { job: created } = await apiSend('post', '/api/risk/backtests', {
        json: { profile_id: Number(id), from, to, compare, references },
      });
      setParams({ from, to, compare: compare ? '1' : '0', references, job: created.id });
    } catch (e) {
      setStartError(e);
    } finally {
      setStarting(false);
    }
  };

  const running = job !== null && !FINAL_STATES.includes(job.state);
  const result = job?.state === 'completed' ? (job.result as BacktestResult | null) : null;
  const p = profile.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/rules/profiles/${id}`} size="sm">
        {backArrow(i18n.language)} {p ? `${p.name} v${p.version}` : t('rules.backToProfiles')}
      </Anchor>
      <Group gap="sm">
        <Title order={3}>{t('rules.bt.title')}</Title>
        {p && (
          <>
            <Text ff="monospace" fw={600}>
              {p.name} v{p.version}
            </Text>
            <StatusBadge status={p.status} />
          </>
        )}
        {can('jobs:read') && (
          // The back-tests of this profile so far, as a list (one row per finished back-test).
          <ExportButton path="/api/risk/backtests/export" filters={{ profile_id: Number(id) }} />
        )}
      </Group>
      <ErrorAlert error={profile.error} />
      {can('risk:manage') ? (
        <Card withBorder component="form" onSubmit={start} aria-label={t('rules.bt.run')}>
          <Group align="flex-end" wrap="wrap" gap="md">
            <TextInput
              type="date"
              label={t('rules.bt.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('rules.bt.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              required
            />
            <Select
              label={t('rules.bt.references')}
              value={references}
              onChange={(v) => setReferences(v === 'current' ? 'current' : 'rolling')}
              allowDeselect={false}
              data={[
                { value: 'rolling', label: t('rules.bt.refs.rolling') },
                { value: 'current', label: t('rules.bt.refs.current') },
              ]}
              w={260}
            />
            <Checkbox
              label={t('rules.bt.compare')}
              checked={compare}
              onChange={(e) => setCompare(e.currentTarget.checked)}
              mb={8}
            />
            <Button type="submit" loading={starting} disabled={running}>
              {t('rules.bt.run')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('rules.bt.windowHint')}
          </Text>
          <ErrorAlert error={startError} />
        </Card>
      ) : (
        <Alert color="gray">{t('rules.bt.forbidden')}</Alert>
      )}
      <ErrorAlert error={jobError} />
      {jobId && !job && !jobError && (
        <Center py="md">
          <Loader />
        </Center>
      )}
      {job && running && <JobProgress job={job} />}
      {job?.state === 'failed' && (
        <Alert color="red" role="alert" title={t('rules.bt.failed')}>
          {job.error}
        </Alert>
      )}
      {job?.state === 'cancelled' && <Alert color="gray">{t('rules.bt.cancelled')}</Alert>}
      {result && <BacktestResultView result={result} />}
      {!jobId && (
        <Card withBorder>
          <Text c="dimmed" ta="center" py="lg" size="sm">
            {t('rules.bt.empty')}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
