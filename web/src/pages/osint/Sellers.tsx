/**
 * Sellers: accounts grouped across platforms by what they share (phone, shop, handle), riskiest first; a seller's
 * page shows their identifiers, brands, cities, the labels of their posts and the posts themselves.
 */
import {
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert, Pending, QueryStatus } from '../../components/ErrorAlert.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListPager, Pager, rangeOf, usePagedQuery } from '../../components/paging.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useFilterForm, useUrlState } from '../../components/useUrlState.ts';
import { formatDate, formatMoney, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { SellerCaseButton } from '../cases/OpenFrom.tsx';
import { PostCard } from './Feed.tsx';
import { dirOf } from './PostDetail.tsx';
import {
  BADGE_STYLE,
  LABEL_HEX,
  LABELS,
  LabelBadge,
  LabelFilter,
  MinScoreFilter,
  PlatformBadge,
  PlatformFilter,
  pct,
  type Seller,
} from './shared.tsx';

const PAGE_SIZE = 25;
const POSTS_PAGE_SIZE = 10;
const FILTERS = ['q', 'label', 'platform', 'min_score'] as const;

function Accounts({ accounts }: { accounts: Seller['accounts'] }) {
  return (
    <Group gap={4}>
      {accounts.map((a) => (
        <Badge key={`${a.platform}:${a.handle}`} variant="default" size="sm" style={BADGE_STYLE}>
          <span style={{ opacity: 0.6 }}>{a.platform}</span> <span dir="auto">{a.handle}</span>
        </Badge>
      ))}
    </Group>
  );
}

export function Sellers() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, draft, apply, set } = form;
  const list = usePagedQuery(['osint', 'sellers', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/osint/sellers', { query: { ...filters, ...paging } }),
  );
  const data = list.data;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <ExportButton path="/api/osint/sellers/export" filters={filters} />
      </Group>
      <FilterBar onSubmit={apply} apply={t('osint.feed.apply')}>
        <TextFilter form={form} name="q" label={t('osint.sellers.search')} w={220} />
        <LabelFilter value={draft.label} onChange={(v) => set('label', v, true)} />
        <PlatformFilter value={draft.platform} onChange={(v) => set('platform', v)} />
        <MinScoreFilter
          value={draft.min_score}
          onChange={(v) => set('min_score', v, true)}
          steps={['0.5', '0.7', '0.85']}
        />
      </FilterBar>
      <QueryStatus query={list} />
      {data && (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover fz="sm" aria-label={t('osint.tabs.sellers')}>
              <TableHead
                columns={[
                  t('osint.sellers.name'),
                  t('osint.sellers.score'),
                  t('osint.sellers.accounts'),
                  { label: t('osint.sellers.posts'), ta: 'end' },
                  t('osint.sellers.risky'),
                  t('osint.sellers.brands'),
                  t('osint.sellers.prices'),
                ]}
              />
              <Table.Tbody>
                {data.items.map((s) => {
                  const open = () => navigate(`/osint/sellers/${s.id}`);
                  return (
                    <OpenableRow key={s.id} onOpen={open} data-testid="seller-row">
                      <Table.Td>
                        <Text fw={600} size="sm" dir="auto">
                          {s.display_name}
                        </Text>
                        <Group gap={6}>
                          <Text size="xs" c="dimmed">
                            {t('osint.sellers.seen', { date: formatDate(lang, s.last_seen_at) })}
                          </Text>
                          {s.open_alerts > 0 && (
                            <Badge size="xs" color="red" style={BADGE_STYLE}>
                              {t('osint.sellers.openAlerts', { count: s.open_alerts })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <LabelBadge label={s.label ?? 'benign'} score={s.score} />
                      </Table.Td>
                      <Table.Td>
                        <Accounts accounts={s.accounts} />
                      </Table.Td>
                      <Table.Td ta="end">{formatNumber(lang, s.item_count)}</Table.Td>
                      <Table.Td>
                        <Tooltip
                          label={t('osint.sellers.riskyOf', {
                            risky: s.risky_ad_count,
                            ads: s.ad_count,
                          })}
                        >
                          <Group gap={6} wrap="nowrap">
                            <Progress
                              value={s.ad_count ? (100 * s.risky_ad_count) / s.ad_count : 0}
                              color={s.label ? LABEL_HEX[s.label] : 'gray'}
                              w={60}
                            />
                            <Text size="xs">
                              {s.risky_ad_count}/{s.ad_count}
                            </Text>
                          </Group>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" lineClamp={2}>
                          {s.brands
                            .slice(0, 3)
                            .map((b) => b.name)
                            .join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {s.price_min_mad !== null
                          ? s.price_min_mad === s.price_max_mad
                            ? formatNumber(lang, s.price_min_mad)
                            : `${formatNumber(lang, s.price_min_mad)}–${formatNumber(lang, s.price_max_mad ?? 0)}`
                          : '—'}
                      </Table.Td>
                    </OpenableRow>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.items.length === 0 && (
            <Paper withBorder p="xl" ta="center">
              <Text c="dimmed">{t('osint.sellers.empty')}</Text>
            </Paper>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('osint.feed.count', rangeOf(lang, data))}
            </Text>
            {data.total > PAGE_SIZE && (
              <Pager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} />
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

function IdentifierList({ label, values }: { label: string; values: string[] }) {
  if (!values.length) return null;
  return (
    <Group gap={6} align="baseline" wrap="nowrap">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Group gap={4}>
        {values.map((v) => (
          <Badge key={v} variant="light" color="blue" style={BADGE_STYLE}>
            <bdi dir={dirOf(v)}>{v}</bdi>
          </Badge>
        ))}
      </Group>
    </Group>
  );
}

export function SellerPage() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const { id } = useParams();
  const { page, setPage } = useUrlState([]);
  const seller = useQuery({
    queryKey: ['osint', 'seller', id],
    queryFn: () => apiGet('/api/osint/sellers/{id}', { path: { id: Number(id) } }),
  });
  const sellerId = seller.data?.id;
  const posts = usePagedQuery(
    ['osint', 'items', { seller: sellerId }],
    page,
    POSTS_PAGE_SIZE,
    (paging) => apiGet('/api/osint/items', { query: { seller_id: sellerId, ...paging } }),
    { enabled: Boolean(sellerId) },
  );
  // The labels of all their posts, for the distribution (one page of up to 500).
  const all = useQuery({
    queryKey: ['osint', 'items', { seller: sellerId, all: true }],
    queryFn: () => apiGet('/api/osint/items', { query: { seller_id: sellerId, limit: 500 } }),
    enabled: Boolean(sellerId),
  });
  const chart = useMemo<ChartOption | null>(() => {
    if (!all.data) return null;
    const counts = new Map<string, number>();
    for (const item of all.data.items) counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '75%'],
          label: { formatter: '{b}: {c}' },
          data: LABELS.filter((l) => counts.get(l)).map((l) => ({
            name: t(`osint.labels.${l}`),
            value: counts.get(l),
            itemStyle: { color: LABEL_HEX[l] },
          })),
        },
      ],
    };
  }, [all.data, t]);
  const s = seller.data;
  if (!s) return <Pending query={seller} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component={Link} to="/osint/sellers" size="sm">
            {t('osint.sellers.back')}
          </Anchor>
          <Title order={3} dir="auto">
            {s.display_name}
          </Title>
          <LabelBadge label={s.label ?? 'benign'} score={s.score} />
          {s.open_alerts > 0 && (
            <Anchor component={Link} to="/osint/alerts?status=open" size="sm" c="red">
              {t('osint.sellers.openAlerts', { count: s.open_alerts })}
            </Anchor>
          )}
          {can('graph:read') && (
            <Anchor
              component={Link}
              to={`/graph?key=online_seller:${s.id}&depth=2`}
              size="sm"
              data-testid="seller-graph-link"
            >
              {t('graph.chart.sellerLinks')}
            </Anchor>
          )}
          <SellerCaseButton seller={s} />
        </Group>
        <Text size="sm" c="dimmed">
          {formatDate(lang, s.first_seen_at)} → {formatDate(lang, s.last_seen_at)}
        </Text>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm" h="100%">
            <Stack gap={6}>
              <Text fw={600}>{t('osint.sellers.identifiers')}</Text>
              <Group gap={6} align="baseline" wrap="nowrap">
                <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
                  {t('osint.sellers.accounts')}
                </Text>
                <Accounts accounts={s.accounts} />
              </Group>
              <IdentifierList label={t('osint.identifierKinds.phone')} values={s.identifiers.phones} />
              <IdentifierList label={t('osint.identifierKinds.email')} values={s.identifiers.emails} />
              <IdentifierList label={t('osint.identifierKinds.shop_url')} values={s.identifiers.shop_urls} />
              <IdentifierList
                label={t('osint.identifierKinds.company')}
                values={s.identifiers.company_names}
              />
              <IdentifierList label={t('osint.identifierKinds.address')} values={s.identifiers.addresses} />
              <IdentifierList
                label={t('osint.sellers.brands')}
                values={s.brands.map((b) => `${b.name} (${b.count})`)}
              />
              <IdentifierList
                label={t('osint.sellers.cities')}
                values={s.cities.map((c) => `${c.name} (${c.count})`)}
              />
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c="dimmed" w={120}>
                  {t('osint.sellers.prices')}
                </Text>
                <Text size="sm">
                  {s.price_min_mad !== null
                    ? `${formatMoney(lang, s.price_min_mad, 'MAD')} – ${formatMoney(lang, s.price_max_mad ?? 0, 'MAD')}`
                    : '—'}
                </Text>
              </Group>
              <Text fw={600} mt="xs">
                {t('osint.sellers.why')}
              </Text>
              {s.reasons.map((r) => (
                <Text key={r} size="sm">
                  • {r}
                </Text>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="sm" h="100%">
            <Text fw={600}>{t('osint.sellers.labels')}</Text>
            <Group gap="lg" mt={4}>
              <Text size="sm">
                {t('osint.sellers.postsCount', { count: s.item_count })} ·{' '}
                {t('osint.sellers.riskyOf', { risky: s.risky_ad_count, ads: s.ad_count })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('osint.sellers.score')} {pct(s.score)}
              </Text>
            </Group>
            <ErrorAlert error={all.error} />
            {chart ? (
              <Chart option={chart} label={t('osint.sellers.labels')} height={220} />
            ) : (
              <Loader size="sm" />
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <Title order={4}>{t('osint.sellers.theirPosts')}</Title>
      <ErrorAlert error={posts.error} onRetry={() => void posts.refetch()} />
      {!posts.data && !posts.error && <Loader size="sm" />}
      {posts.data && (
        <Stack gap="xs">
          {posts.data.items.map((item) => (
            <PostCard key={item.id} item={item} />
          ))}
          {posts.data.items.length === 0 && <Text c="dimmed">{t('osint.feed.empty')}</Text>}
          <ListPager total={posts.data.total} size={POSTS_PAGE_SIZE} page={page} onChange={setPage} />
        </Stack>
      )}
      <PlatformsNote platforms={s.platforms} />
    </Stack>
  );
}

function PlatformsNote({ platforms }: { platforms: string[] }) {
  const { t } = useTranslation();
  if (!platforms.length) return null;
  return (
    <Group gap={6}>
      <Text size="xs" c="dimmed">
        {t('osint.sellers.platforms')}
      </Text>
      {platforms.map((p) => (
        <PlatformBadge key={p} platform={p} />
      ))}
    </Group>
  );
}
