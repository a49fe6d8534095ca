/**
 * The selection queue: what the daily selection sent to control, worked through every morning. Paged, sorted and
 * filtered on the server (GET /api/risk/decisions); filters, sort and page live in the address so a link or a
 * reload keeps the view. Keyboard: ↓/↑ or j/k move the highlighted row, Enter opens its declaration, n/p turn pages.
 */
import {
  Anchor,
  Badge,
  Box,
  Group,
  Kbd,
  NumberInput,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet, type RouteOptions } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButton, OrderButton } from '../../components/ExportButton.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { Pager, rangeOf } from '../../components/paging.tsx';
import { CHANNEL_COLOURS, localText } from '../../components/risk.ts';
import { pageOf, useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatNumber, locale, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { PreArrival } from './PreArrival.tsx';

export type QueuePage = ApiResponse<'/api/risk/decisions'>;
export type QueueRow = QueuePage['items'][number];
export type Channel = QueueRow['channel'];

export const PAGE_SIZE = 50;
const FILTERS = ['office', 'channel', 'campaign', 'min_score', 'status', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const SORTS = ['channel', 'reference', 'office', 'day', 'score', 'expected_value'] as const;
type Sort = (typeof SORTS)[number];
/** Text first ascending, figures and severity first descending. */
const FIRST_ORDER: Record<Sort, 'asc' | 'desc'> = {
  channel: 'desc',
  reference: 'asc',
  office: 'asc',
  day: 'desc',
  score: 'desc',
  expected_value: 'desc',
};

/** The API query of the queue's address: no channel means the declarations sent to control (red and yellow). */
type QueueQuery = NonNullable<RouteOptions<'/api/risk/decisions'>['query']>;

export function queueQuery(params: URLSearchParams): QueueQuery {
  const get = (key: string) => params.get(key) ?? '';
  const page = pageOf(params);
  const channel = get('channel');
  const sort = get('sort');
  const out: QueueQuery = {
    office: get('office'),
    campaign_id: get('campaign'),
    min_score: get('min_score'),
    status: get('status'),
    from: get('from'),
    to: get('to'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  if (channel === '') out.selected = 'true';
  else if (channel !== 'all') out.channel = channel;
  if ((SORTS as readonly string[]).includes(sort)) {
    out.sort = sort;
    out.order = get('order') === 'asc' ? 'asc' : 'desc';
  }
  return out;
}

/** A channel by colour and by name (never by colour alone). */
function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <Badge color={CHANNEL_COLOURS[channel]} variant="filled" autoContrast size="sm" radius="sm" w={72}>
      {t(`selection.channels.${channel}`)}
    </Badge>
  );
}

/** The largest term of the score, in words. */
function Reason({ reason }: { reason: QueueRow['top_reason'] }) {
  const { t, i18n } = useTranslation();
  if (!reason) return <Text c="dimmed">{t('selection.reason.none')}</Text>;
  if (reason.source === 'random')
    return (
      <Text size="sm" lineClamp={1}>
        {t('selection.reason.random')}
      </Text>
    );
  const text = reason.title
    ? localText(reason.title, i18n.language)
    : reason.source === 'valuation'
      ? t('selection.reason.valuation', { level: reason.id })
      : reason.source === 'model'
        ? t('selection.reason.model', { name: reason.id })
        : t('selection.reason.rule', { id: reason.id });
  const points = t('selection.points', { points: formatNumber(i18n.language, reason.points, 1) });
  return (
    <Text size="sm" lineClamp={1} title={`${text} (${points})`}>
      {text}
    </Text>
  );
}

/** A status in words, with a dot of its colour; a released (green) declaration not controlled is just released. */
function StatusLabel({ status, channel }: { status: QueueRow['status']; channel: Channel }) {
  const { t } = useTranslation();
  const shown = status === 'pending' && channel === 'green' ? 'released' : status;
  const colour = shown === 'controlled' ? 'teal' : shown === 'released' ? 'green' : 'gray';
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={8} h={8} bg={`${colour}.6`} style={{ borderRadius: '50%', flex: 'none' }} aria-hidden />
      <Text size="sm" c={shown === 'controlled' ? 'teal.8' : shown === 'released' ? 'dimmed' : undefined}>
        {t(`selection.status.${shown}`)}
      </Text>
    </Group>
  );
}

/** A day in the short form of the language (the queue is dense). */
function shortDate(language: string, day: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function SortHeader({
  column,
  sort,
  order,
  onSort,
  end = false,
}: {
  column: Sort;
  sort: string;
  order: 'asc' | 'desc';
  onSort: (column: Sort) => void;
  end?: boolean;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  const label = t(`selection.columns.${column}`);
  return (
    <Table.Th
      ta={end ? 'end' : 'start'}
      style={{ whiteSpace: 'nowrap' }}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        onClick={() => onSort(column)}
        fw={700}
        fz="sm"
        aria-label={t('selection.sortBy', { column: label })}
        data-testid={`sort-${column}`}
      >
        {label}{' '}
        <Text span c={active ? undefined : 'dimmed'} fz="xs" aria-hidden>
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Keys that a shortcut must not steal: typing in a field, or a modified key. */
function fromEditable(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target || !('tagName' in target)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

function Summary({ data }: { data: QueuePage | undefined }) {
  const { t, lang } = useLang();
  if (!data) return <Skeleton h={44} w={420} />;
  const { selected, controlled, pending } = data.summary;
  const done = selected > 0 ? (controlled / selected) * 100 : 0;
  return (
    <Paper withBorder px="md" py={8} radius="md" data-testid="queue-summary">
      <Group gap="lg" wrap="nowrap">
        <Text size="sm">
          {t('selection.summary', {
            selected: formatNumber(lang, selected),
            pending: formatNumber(lang, pending),
            controlled: formatNumber(lang, controlled),
          })}
        </Text>
        <Tooltip label={t('selection.progress', { pct: formatNumber(lang, done) })}>
          <Progress.Root
            w={160}
            size="lg"
            aria-label={t('selection.progress', { pct: formatNumber(lang, done) })}
          >
            <Progress.Section value={done} color="teal" />
            <Progress.Section value={100 - done} color="gray.3" />
          </Progress.Root>
        </Tooltip>
      </Group>
    </Paper>
  );
}

export function Selection() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { can, user } = useSession();
  const allOffices = can('risk:all_offices');
  const form = useFilterForm(FILTERS);
  const { params, page, update, setPage, clear, draft, setDraft, apply, set } = form;
  const sort = params.get('sort') ?? '';
  const order: 'asc' | 'desc' = params.get('order') === 'asc' ? 'asc' : 'desc';

  const apiQuery = queueQuery(params);
  const list = useQuery({
    queryKey: ['risk-queue', apiQuery],
    queryFn: () => apiGet('/api/risk/decisions', { query: apiQuery }),
    placeholderData: keepPreviousData,
  });
  const campaigns = useQuery({
    queryKey: ['risk-campaigns', 'all'],
    queryFn: () => apiGet('/api/risk/campaigns', { query: { limit: 500 } }),
    staleTime: 60_000,
  });

  const data = list.data;
  const rows = data?.items ?? [];
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  const [active, setActive] = useState(0);
  const tableRef = useRef<HTMLTableElement>(null);
  const rowKey = rows.map((r) => r.id).join(',');
  // A new page starts on its first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowKey stands for the rows
  useEffect(() => setActive(0), [rowKey]);

  const open = (row: QueueRow | undefined) => {
    if (row) void navigate(`/declarations/${encodeURIComponent(row.reference)}`);
  };
  const onSort = (column: Sort) =>
    update((next) => {
      next.set('order', sort === column ? (order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[column]);
      next.set('sort', column);
      next.delete('page');
    });
  /** Selects apply at once; text fields on Enter or with the button. */

  // Shortcuts anywhere on the page, except while typing in a field.
  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event: KeyboardEvent) => {
    if (fromEditable(event) || rows.length === 0) return;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') setActive((i) => Math.min(rows.length - 1, i + 1));
    else if (key === 'ArrowUp' || key === 'k') setActive((i) => Math.max(0, i - 1));
    else if (key === 'Enter') {
      const target = event.target as HTMLElement | null;
      // Enter on a link or a button does what they do.
      if (target && (target.tagName === 'A' || target.tagName === 'BUTTON')) return;
      open(rows[active]);
    } else if (key === 'n' && page < pages) setPage(page + 1);
    else if (key === 'p' && page > 1) setPage(page - 1);
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
  useEffect(() => {
    const row = tableRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row && typeof row.scrollIntoView === 'function')
      row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);

  const campaignOptions = (campaigns.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: c.status === 'closed' ? `${c.name} (${t('selection.closed')})` : c.name,
  }));
  const header = (column: Sort, end = false) => (
    <SortHeader column={column} sort={sort} order={order} onSort={onSort} end={end} />
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={2}>{t('selection.title')}</Title>
          <Text size="sm" c="dimmed">
            {allOffices
              ? t('selection.subtitle')
              : t('selection.yourOffice', { office: user?.office_code ?? '—' })}
          </Text>
        </div>
        <Group gap="sm" align="end" wrap="wrap">
          {!list.error && <Summary data={data} />}
          {rows[active] && <OrderButton decisionId={rows[active].id} />}
          <ExportButton path="/api/risk/decisions/export" filters={apiQuery} />
        </Group>
      </Group>

      <FilterBar
        onSubmit={apply}
        label={t('selection.filtersLabel')}
        apply={t('selection.filters.apply')}
        reset={t('selection.filters.reset')}
        onReset={() => {
          setDraft(Object.fromEntries(FILTERS.map((f) => [f, ''])) as Record<Filter, string>);
          clear();
        }}
      >
        {allOffices && <TextFilter form={form} name="office" label={t('selection.filters.office')} w={90} />}
        <Select
          label={t('selection.filters.channel')}
          w={250}
          value={draft.channel || 'selected'}
          onChange={(value) => set('channel', !value || value === 'selected' ? '' : value, true)}
          allowDeselect={false}
          data={[
            { value: 'selected', label: t('selection.channelFilter.selected') },
            { value: 'all', label: t('selection.channelFilter.all') },
            ...(['red', 'yellow', 'blue', 'green'] as const).map((c) => ({
              value: c,
              label: t(`selection.channels.${c}`),
            })),
          ]}
        />
        <Select
          label={t('selection.filters.campaign')}
          w={170}
          value={draft.campaign || null}
          onChange={(value) => set('campaign', value ?? '', true)}
          clearable
          placeholder={campaigns.error ? t('selection.campaignsUnavailable') : t('selection.filters.any')}
          disabled={Boolean(campaigns.error)}
          data={campaignOptions}
        />
        <NumberInput
          label={t('selection.filters.minScore')}
          w={110}
          min={0}
          value={draft.min_score === '' ? '' : Number(draft.min_score)}
          onChange={(value) => set('min_score', value === '' ? '' : String(value))}
        />
        <Select
          label={t('selection.filters.status')}
          w={150}
          value={draft.status || null}
          onChange={(value) => set('status', value ?? '', true)}
          clearable
          placeholder={t('selection.filters.any')}
          data={(['pending', 'controlled'] as const).map((s) => ({
            value: s,
            label: t(`selection.status.${s}`),
          }))}
        />
        <TextFilter form={form} name="from" type="date" w={140} label={t('selection.filters.from')} />
        <TextFilter form={form} name="to" type="date" w={140} label={t('selection.filters.to')} />
      </FilterBar>

      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />

      {!list.error && (
        <Table.ScrollContainer minWidth={1080} type="native">
          <Table
            ref={tableRef}
            role="grid"
            aria-label={t('selection.title')}
            aria-busy={list.isFetching}
            aria-activedescendant={rows[active] ? `queue-row-${rows[active].id}` : undefined}
            tabIndex={0}
            striped
            highlightOnHover
            stickyHeader
            verticalSpacing={4}
            fz="sm"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                {header('channel')}
                {header('reference')}
                {allOffices && header('office')}
                {header('day')}
                <Table.Th>{t('selection.columns.importer')}</Table.Th>
                {header('score', true)}
                {header('expected_value', true)}
                <Table.Th ta="end" maw={90}>
                  {t('selection.columns.duties')}
                </Table.Th>
                <Table.Th ta="center" maw={90}>
                  {t('selection.columns.controlled')}
                </Table.Th>
                <Table.Th>{t('selection.columns.status')}</Table.Th>
                <Table.Th>{t('selection.columns.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!data &&
                Array.from({ length: 8 }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows
                  <Table.Tr key={i}>
                    <Table.Td colSpan={allOffices ? 11 : 10}>
                      <Skeleton h={18} aria-label={i === 0 ? t('common.loading') : undefined} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {rows.map((r, index) => {
                const selected = index === active;
                return (
                  <Table.Tr
                    key={r.id}
                    id={`queue-row-${r.id}`}
                    data-index={index}
                    data-testid="queue-row"
                    aria-selected={selected}
                    onClick={() => setActive(index)}
                    onDoubleClick={() => open(r)}
                    style={{
                      cursor: 'pointer',
                      outline: selected ? '2px solid var(--mantine-primary-color-filled)' : undefined,
                      outlineOffset: -2,
                      background: selected ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                  >
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ChannelBadge channel={r.channel} />
                        {r.random && (
                          <Badge
                            variant="outline"
                            color="grape"
                            size="sm"
                            radius="sm"
                            data-testid="random-badge"
                            title={t('selection.reason.random')}
                          >
                            {t('selection.random')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/declarations/${encodeURIComponent(r.reference)}`}
                        fw={600}
                        fz="sm"
                        ff="monospace"
                      >
                        {r.reference}
                      </Anchor>
                    </Table.Td>
                    {allOffices && <Table.Td>{r.office}</Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDate(lang, r.lodged_on)}>
                      {shortDate(lang, r.lodged_on)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" lineClamp={1}>
                        {r.importer_code ?? '—'}
                      </Text>
                      {r.importer_name && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {r.importer_name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, r.score, 1)}</Table.Td>
                    <Table.Td ta="end" fw={600}>
                      {formatNumber(lang, r.expected_value)}
                    </Table.Td>
                    <Table.Td ta="end">
                      {r.duties_at_stake === null ? '—' : formatNumber(lang, r.duties_at_stake)}
                    </Table.Td>
                    <Table.Td ta="center" style={{ whiteSpace: 'nowrap' }}>
                      <Text
                        span
                        size="sm"
                        fw={500}
                        c={
                          r.controlled_items === 0
                            ? 'dimmed'
                            : r.controlled_items < r.items
                              ? 'orange'
                              : 'teal'
                        }
                      >
                        {t('selection.itemsControlled', {
                          done: formatNumber(lang, r.controlled_items),
                          total: formatNumber(lang, r.items),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusLabel status={r.status} channel={r.channel} />
                    </Table.Td>
                    <Table.Td maw={300}>
                      <Reason reason={r.top_reason} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {data && rows.length === 0 && (
            <Paper withBorder p="xl" ta="center" mt="sm" data-testid="queue-empty">
              <Text fw={600}>{t('selection.empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('selection.emptyHint')}
              </Text>
            </Paper>
          )}
        </Table.ScrollContainer>
      )}

      {data && (
        <Group justify="space-between" wrap="wrap">
          <Group gap="lg">
            <Text size="sm" c="dimmed">
              {t('selection.count', rangeOf(lang, data))}
            </Text>
            <Text size="xs" c="dimmed" data-testid="queue-shortcuts">
              <Kbd size="xs">↓</Kbd> <Kbd size="xs">↑</Kbd> / <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd>{' '}
              {t('selection.shortcuts.move')} · <Kbd size="xs">{t('selection.shortcuts.enterKey')}</Kbd>{' '}
              {t('selection.shortcuts.open')} · <Kbd size="xs">n</Kbd> <Kbd size="xs">p</Kbd>{' '}
              {t('selection.shortcuts.page')}
            </Text>
          </Group>
          <Pager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} small />
        </Group>
      )}

      <PreArrival office={apiQuery.office} from={apiQuery.from} to={apiQuery.to} />
    </Stack>
  );
}
