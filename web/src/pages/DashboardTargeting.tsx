/**
 * The dashboard's targeting and online-monitoring part: what the selection sent to control (by channel and by
 * basis: ranked, random, forced, deferred), what the controls found, which rules hit and how precisely, and the
 * online alerts waiting for an investigator. Each part shows only when the user may read it.
 */
import { Anchor, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ApiItem } from '../api/types.ts';
import { apiGet } from '../api.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatNumber, useLang } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

export type ChannelStat = ApiItem<'/api/risk/stats/channels'>;
export type RuleStat = ApiItem<'/api/risk/stats/rules'>;
type Channel = ChannelStat['channel'];

const CHANNELS: Channel[] = ['red', 'yellow', 'blue', 'green'];
const BASES = ['ranked', 'random', 'forced', 'deferred', 'none'] as const;
const BASIS_COLOURS: Record<string, string> = {
  ranked: '#4c6ef5',
  random: '#ae3ec9',
  forced: '#f76707',
  deferred: '#1c7ed6',
  none: '#adb5bd',
};

/** Totals of the selection: items sent to a physical or documentary control, controlled, found in fraud. */
export function selectionTotals(stats: ChannelStat[]) {
  const selected = stats.filter((s) => s.channel === 'red' || s.channel === 'yellow');
  const sum = (rows: ChannelStat[], key: 'items' | 'inspected' | 'frauds' | 'recovered' | 'overridden') =>
    rows.reduce((total, r) => total + r[key], 0);
  const inspected = sum(selected, 'inspected');
  const frauds = sum(selected, 'frauds');
  return {
    decided: sum(stats, 'items'),
    selected: sum(selected, 'items'),
    random: sum(
      selected.filter((s) => s.basis === 'random'),
      'items',
    ),
    inspected,
    frauds,
    precision: inspected > 0 ? frauds / inspected : null,
    recovered: sum(stats, 'recovered'),
    overridden: sum(stats, 'overridden'),
  };
}

/** One figure of the dashboard: its label, the number, an optional line below. */
export function Figure({
  label,
  value,
  hint,
  testId,
  large = false,
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  testId?: string | undefined;
  /** The dashboard's headline figures: a larger label and number. */
  large?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Text size={large ? 'sm' : 'xs'} c="dimmed">
        {label}
      </Text>
      <Text fz={large ? 28 : 22} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** A panel's title, with the link to the page it sums up. */
export function PanelHeader({ title, to, link }: { title: string; to: string; link: string }) {
  return (
    <Group justify="space-between" mb="xs">
      <Text fw={600}>{title}</Text>
      <Anchor component={Link} to={to} size="sm">
        {link}
      </Anchor>
    </Group>
  );
}

export function DashboardTargeting() {
  const { t, lang, rtl } = useLang();
  const { can } = useSession();
  const channels = useQuery({
    queryKey: ['risk', 'stats', 'channels'],
    queryFn: () => apiGet('/api/risk/stats/channels'),
    enabled: can('risk:read'),
  });
  const randomShare = useQuery({
    queryKey: ['risk', 'stats', 'random'],
    queryFn: () => apiGet('/api/risk/stats/random'),
    enabled: can('risk:read'),
  });
  const rules = useQuery({
    queryKey: ['risk', 'stats', 'rules'],
    queryFn: () => apiGet('/api/risk/stats/rules'),
    enabled: can('risk:read'),
  });
  const alertCounts = useQuery({
    queryKey: ['osint', 'alerts', 'counts'],
    queryFn: async () => {
      const count = async (status: string) =>
        (await apiGet('/api/osint/alerts', { query: { status, limit: 1 } })).total;
      const [open, confirmed, dismissed] = await Promise.all([
        count('open'),
        count('confirmed'),
        count('dismissed'),
      ]);
      return { open, confirmed, dismissed };
    },
    enabled: can('osint:read'),
  });

  const charts = useMemo(() => {
    if (!channels.data || !rules.data) return null;
    const stats = channels.data.items;
    const byChannel: ChartOption = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: BASES.map((b) => t(`dashboard.targeting.basis.${b}`)) },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'value', inverse: rtl },
      yAxis: {
        type: 'category',
        data: CHANNELS.map((c) => t(`dashboard.targeting.channel.${c}`)),
        position: rtl ? 'right' : 'left',
        inverse: true,
      },
      series: BASES.map((basis) => ({
        name: t(`dashboard.targeting.basis.${basis}`),
        type: 'bar',
        stack: 'items',
        itemStyle: { color: BASIS_COLOURS[basis] },
        data: CHANNELS.map((channel) =>
          stats.filter((s) => s.channel === channel && s.basis === basis).reduce((n, s) => n + s.items, 0),
        ),
      })),
    };
    const top = [...rules.data.items].sort((a, b) => b.hits - a.hits).slice(0, 8);
    const topRules: ChartOption = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('dashboard.targeting.hits'), t('dashboard.targeting.precision')] },
      grid: { left: 190, right: 50, top: 40, bottom: 30 },
      xAxis: [
        { type: 'value', inverse: rtl },
        {
          type: 'value',
          min: 0,
          max: 1,
          inverse: rtl,
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
        },
      ],
      yAxis: {
        type: 'category',
        data: top.map((r) => r.rule_id),
        inverse: true,
        position: rtl ? 'right' : 'left',
      },
      series: [
        {
          name: t('dashboard.targeting.hits'),
          type: 'bar',
          data: top.map((r) => r.hits),
          itemStyle: { color: '#4c6ef5' },
        },
        {
          name: t('dashboard.targeting.precision'),
          type: 'scatter',
          xAxisIndex: 1,
          symbolSize: 12,
          data: top.map((r) => r.precision),
          itemStyle: { color: '#e03131' },
        },
      ],
    };
    return { byChannel, topRules };
  }, [channels.data, rules.data, t, rtl]);

  if (!can('risk:read') && !can('osint:read')) return null;
  const error = channels.error ?? rules.error;
  const totals = channels.data ? selectionTotals(channels.data.items) : null;
  const percent = (v: number | null) => (v === null ? '—' : `${formatNumber(lang, v * 100, 1)} %`);
  return (
    <Grid>
      {can('risk:read') && (
        <Grid.Col span={{ base: 12, lg: can('osint:read') ? 9 : 12 }}>
          <Card withBorder>
            <PanelHeader
              title={t('dashboard.targeting.title')}
              to="/selection?selected=true"
              link={t('dashboard.targeting.openQueue')}
            />
            {error && (
              <ErrorAlert
                error={error}
                onRetry={() => {
                  void channels.refetch();
                  void rules.refetch();
                }}
              />
            )}
            {!error && (!totals || !charts) && <Loader size="sm" aria-label={t('common.loading')} />}
            {totals && charts && (
              <Stack>
                <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
                  <Figure
                    label={t('dashboard.targeting.decided')}
                    value={formatNumber(lang, totals.decided)}
                  />
                  <Figure
                    label={t('dashboard.targeting.selected')}
                    value={formatNumber(lang, totals.selected)}
                    testId="stat-selected"
                  />
                  <Figure label={t('dashboard.targeting.random')} value={formatNumber(lang, totals.random)} />
                  <Figure
                    label={t('dashboard.targeting.controlled')}
                    value={`${formatNumber(lang, totals.inspected)} / ${formatNumber(lang, totals.selected)}`}
                    testId="stat-controlled"
                  />
                  <Figure
                    label={t('dashboard.targeting.precision')}
                    value={percent(totals.precision)}
                    testId="stat-precision"
                  />
                  <Figure
                    label={t('dashboard.targeting.recovered')}
                    value={formatNumber(lang, totals.recovered)}
                  />
                </SimpleGrid>
                <Grid>
                  <Grid.Col span={{ base: 12, md: 6 }}>
                    <Text size="sm" c="dimmed">
                      {t('dashboard.targeting.byChannel')}
                    </Text>
                    <Chart
                      option={charts.byChannel}
                      label={t('dashboard.targeting.byChannel')}
                      height={240}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 6 }}>
                    <Text size="sm" c="dimmed">
                      {t('dashboard.targeting.topRules')}
                    </Text>
                    <Chart option={charts.topRules} label={t('dashboard.targeting.topRules')} height={240} />
                  </Grid.Col>
                </Grid>
                {(randomShare.data?.items.length ?? 0) > 0 && (
                  <Stack gap={4} data-testid="random-by-office">
                    <Text size="sm" c="dimmed">
                      {t('dashboard.targeting.randomByOffice.title')}
                    </Text>
                    <Table striped withTableBorder fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('dashboard.targeting.randomByOffice.office')}</Table.Th>
                          <Table.Th>{t('dashboard.targeting.randomByOffice.share')}</Table.Th>
                          <Table.Th>{t('dashboard.targeting.randomByOffice.randomHits')}</Table.Th>
                          <Table.Th>{t('dashboard.targeting.randomByOffice.rankedHits')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {randomShare.data!.items.map((r) => (
                          <Table.Tr key={r.office}>
                            <Table.Td>{r.office}</Table.Td>
                            <Table.Td>
                              {percent(r.random_share)} ({formatNumber(lang, r.random_items)} /{' '}
                              {formatNumber(lang, r.selected_items)})
                            </Table.Td>
                            <Table.Td>
                              {percent(r.random_hit_rate)} ({formatNumber(lang, r.random_frauds)} /{' '}
                              {formatNumber(lang, r.random_inspected)})
                            </Table.Td>
                            <Table.Td>
                              {percent(r.ranked_hit_rate)} ({formatNumber(lang, r.ranked_frauds)} /{' '}
                              {formatNumber(lang, r.ranked_inspected)})
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Stack>
                )}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      )}
      {can('osint:read') && (
        <Grid.Col span={{ base: 12, lg: can('risk:read') ? 3 : 12 }}>
          <Card withBorder h="100%">
            <PanelHeader title={t('dashboard.online.title')} to="/osint" link={t('dashboard.online.open')} />
            {alertCounts.error && (
              <ErrorAlert error={alertCounts.error} onRetry={() => void alertCounts.refetch()} />
            )}
            {!alertCounts.error && !alertCounts.data && <Loader size="sm" aria-label={t('common.loading')} />}
            {alertCounts.data && (
              <Stack gap="sm">
                <Figure
                  label={t('dashboard.online.open_alerts')}
                  value={formatNumber(lang, alertCounts.data.open)}
                  testId="stat-open-alerts"
                />
                <Group gap="xs">
                  <Badge color="red" variant="light">
                    {t('dashboard.online.confirmed', { n: alertCounts.data.confirmed })}
                  </Badge>
                  <Badge color="gray" variant="light">
                    {t('dashboard.online.dismissed', { n: alertCounts.data.dismissed })}
                  </Badge>
                </Group>
              </Stack>
            )}
          </Card>
        </Grid.Col>
      )}
    </Grid>
  );
}
