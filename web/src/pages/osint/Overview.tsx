/** The state of online monitoring at a glance: posts per label, alerts by status, top brands, latest risky posts. */
import { Anchor, Card, Grid, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { apiGet } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { useAlertCounts } from './Alerts.tsx';
import { PostCard, useSources } from './Feed.tsx';
import { ALERT_STATUSES, LABEL_HEX, LABELS } from './shared.tsx';

const STATUS_HEX: Record<string, string> = {
  open: '#e03131',
  confirmed: '#0ca678',
  dismissed: '#adb5bd',
  case_opened: '#7048e8',
};

const LEGEND = { bottom: 0, itemWidth: 12, itemHeight: 10, itemGap: 10, textStyle: { fontSize: 11 } };

function Stat({ label, value, to, colour }: { label: string; value: string; to: string; colour?: string }) {
  return (
    <Card withBorder padding="sm" component={Link} to={to} style={{ textDecoration: 'none' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={colour}>
        {value}
      </Text>
    </Card>
  );
}

/** A third of the row of charts: its title, and the chart once its data is in. */
function ChartCard({ title, option }: { title: string; option: ChartOption | null }) {
  return (
    <Grid.Col span={{ base: 12, md: 4 }}>
      <Card withBorder padding="sm" h="100%">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {option ? <Chart option={option} label={title} height={240} /> : <Loader size="sm" />}
      </Card>
    </Grid.Col>
  );
}

/** A ring of shares with its legend below: the labels of the posts, the statuses of the alerts. */
function donut(
  slices: { name: string; value: number | undefined; colour: string | undefined }[],
): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d} %)' },
    legend: LEGEND,
    series: [
      {
        type: 'pie',
        radius: ['36%', '62%'],
        center: ['50%', '44%'],
        label: { formatter: '{c}' },
        data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.colour } })),
      },
    ],
  };
}

export function Overview() {
  const { t, lang, rtl } = useLang();
  const perLabel = useQueries({
    queries: LABELS.map((label) => ({
      queryKey: ['osint', 'items', 'count', label],
      queryFn: () => apiGet('/api/osint/items', { query: { label, limit: 1 } }),
    })),
    combine: (results) => ({
      counts: results.map((r) => r.data?.total),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
  const alerts = useAlertCounts();
  const sellers = useQuery({
    queryKey: ['osint', 'sellers', 'all'],
    queryFn: () => apiGet('/api/osint/sellers', { query: { limit: 500 } }),
  });
  const latest = useQuery({
    queryKey: ['osint', 'items', 'latest-risky'],
    queryFn: () => apiGet('/api/osint/items', { query: { min_score: 0.8, group: 'true', limit: 6 } }),
  });
  const sources = useSources();

  const labelsReady = perLabel.counts.every((c) => c !== undefined);
  const total = perLabel.counts.reduce<number>((a, c) => a + (c ?? 0), 0);
  const risky = total - (perLabel.counts[LABELS.indexOf('benign')] ?? 0);
  const failing = sources.data?.items.filter(
    (s) => s.health.last_status && s.health.last_status !== 'ok',
  ).length;

  const charts = useMemo(() => {
    const labels = labelsReady
      ? donut(
          LABELS.map((l, i) => ({
            name: t(`osint.labels.${l}`),
            value: perLabel.counts[i],
            colour: LABEL_HEX[l],
          })),
        )
      : null;
    const statuses = ALERT_STATUSES.filter((s) => alerts.counts[s] !== undefined);
    const alertChart =
      statuses.length === ALERT_STATUSES.length
        ? donut(
            ALERT_STATUSES.filter((s) => alerts.counts[s]).map((s) => ({
              name: t(`osint.alertStatus.${s}`),
              value: alerts.counts[s],
              colour: STATUS_HEX[s],
            })),
          )
        : null;
    let brands: ChartOption | null = null;
    if (sellers.data) {
      const counts = new Map<string, number>();
      for (const s of sellers.data.items)
        for (const b of s.brands) counts.set(b.name, (counts.get(b.name) ?? 0) + b.count);
      const top = [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .reverse();
      brands = {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 10, right: 30, top: 5, bottom: 20, containLabel: true },
        xAxis: { type: 'value', inverse: rtl, minInterval: 1 },
        yAxis: { type: 'category', position: rtl ? 'right' : 'left', data: top.map(([name]) => name) },
        series: [
          {
            type: 'bar',
            name: t('osint.overview.mentions'),
            data: top.map(([, n]) => n),
            itemStyle: { color: '#e03131' },
            label: { show: true, position: rtl ? 'left' : 'right' },
          },
        ],
      };
    }
    return { labels, alertChart, brands };
  }, [labelsReady, perLabel.counts, alerts.counts, sellers.data, rtl, t]);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Stat
          label={t('osint.overview.posts')}
          value={labelsReady ? formatNumber(lang, total) : '…'}
          to="/osint/feed"
        />
        <Stat
          label={t('osint.overview.risky')}
          value={labelsReady ? formatNumber(lang, risky) : '…'}
          to="/osint/feed?min_score=0.5"
          colour="red.7"
        />
        <Stat
          label={t('osint.overview.openAlerts')}
          value={alerts.counts.open === undefined ? '…' : formatNumber(lang, alerts.counts.open)}
          to="/osint/alerts?status=open"
          colour="red.7"
        />
        <Stat
          label={t('osint.overview.sellers')}
          value={sellers.data ? formatNumber(lang, sellers.data.total) : '…'}
          to="/osint/sellers"
        />
        <Stat
          label={t('osint.overview.sourcesWithProblems')}
          value={failing === undefined ? '…' : `${failing} / ${sources.data?.total ?? 0}`}
          to="/osint/sources"
          colour={failing ? 'orange.7' : undefined}
        />
      </SimpleGrid>
      <ErrorAlert error={perLabel.error ?? alerts.error ?? sellers.error} />
      <Grid>
        <ChartCard title={t('osint.overview.perLabel')} option={charts.labels} />
        <ChartCard title={t('osint.overview.alerts')} option={charts.alertChart} />
        <ChartCard title={t('osint.overview.topBrands')} option={charts.brands} />
      </Grid>
      <Group justify="space-between">
        <Text fw={600}>{t('osint.overview.latest')}</Text>
        <Anchor component={Link} to="/osint/feed?min_score=0.8" size="sm">
          {t('osint.overview.seeAll')}
        </Anchor>
      </Group>
      <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
      {!latest.data && !latest.error && <Loader size="sm" />}
      {latest.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
          {latest.data.items.map((item) => (
            <PostCard key={item.id} item={item} />
          ))}
        </SimpleGrid>
      )}
      {latest.data?.items.length === 0 && <Text c="dimmed">{t('osint.feed.empty')}</Text>}
    </Stack>
  );
}
