/**
 * The feed: analysed posts, newest first, filtered and paged on the server; the filters live in the address so a
 * view can be shared. Each post shows where it was, who posted it, the price, the label and the evidence marked.
 */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api.ts';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListPager, rangeOf, usePagedQuery } from '../../components/paging.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { quotedValues, spansFromValues } from './highlight.ts';
import {
  ChoiceFilter,
  HighlightedText,
  HighlightLegend,
  KindAndAuthor,
  LabelBadge,
  LabelFilter,
  MinScoreFilter,
  type OsintItem,
  PlatformBadge,
  PlatformFilter,
  usePostLink,
} from './shared.tsx';

const FILTERS = ['label', 'platform', 'source', 'min_score', 'q'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZE = 20;

export function useSources() {
  return useQuery({
    queryKey: ['osint', 'sources'],
    queryFn: () => apiGet('/api/osint/sources', { query: { limit: 500 } }),
  });
}

/** One post in a list: where, who, when, price, label; the text with what the classifier quoted marked. */
export function PostCard({ item, sourceName }: { item: OsintItem; sourceName?: string }) {
  const { t, lang } = useLang();
  const open = usePostLink();
  const values = quotedValues(item.reasons);
  const text = item.text;
  return (
    <Paper withBorder p="sm" data-testid="post-card">
      <Group justify="space-between" wrap="nowrap" align="start" gap="xs">
        <Group gap={8} wrap="wrap">
          <PlatformBadge platform={item.platform} />
          <KindAndAuthor post={item} small />
          <Text size="xs" c="dimmed">
            {formatDate(lang, item.posted_at ?? item.first_seen_at)}
          </Text>
          {sourceName && (
            <Text size="xs" c="dimmed" truncate maw={220}>
              · {sourceName}
            </Text>
          )}
          {item.reposts > 0 && (
            <Badge size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t('osint.feed.reposts', { count: item.reposts })}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {item.price !== null && (
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(lang, item.price, item.currency)}
            </Text>
          )}
          <LabelBadge label={item.label} score={item.score} />
        </Group>
      </Group>
      <Stack gap={2} mt={6}>
        {item.title && !text.startsWith(item.title) && (
          <HighlightedText text={item.title} spans={spansFromValues(item.title, values)} fw={600} />
        )}
        <HighlightedText text={text} spans={spansFromValues(text, values)} lineClamp={4} />
      </Stack>
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
          {item.reasons.find((r) => !r.startsWith('Text classifier')) ?? ''}
        </Text>
        <Button size="compact-xs" variant="light" onClick={() => open(item.id)}>
          {t('osint.feed.open')}
        </Button>
      </Group>
    </Paper>
  );
}

export function Feed() {
  const { t, lang } = useLang();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, draft, setDraft, apply, set } = form;
  const sources = useSources();
  const list = usePagedQuery(['osint', 'items', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/osint/items', {
      query: {
        label: filters.label,
        platform: filters.platform,
        source_id: filters.source,
        min_score: filters.min_score,
        q: filters.q,
        ...paging,
      },
    }),
  );
  const sourceNames = new Map(sources.data?.items.map((s) => [s.id, s.name]) ?? []);
  const data = list.data;
  return (
    <Stack gap="sm">
      <FilterBar
        onSubmit={apply}
        label={t('osint.feed.filters')}
        apply={t('osint.feed.apply')}
        reset={t('osint.feed.reset')}
        onReset={() => {
          const empty = Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filters;
          setDraft(empty);
          apply(undefined, empty);
        }}
      >
        <TextFilter
          form={form}
          name="q"
          label={t('osint.feed.search')}
          placeholder={t('osint.feed.searchHint')}
          w={240}
        />
        <LabelFilter value={draft.label} onChange={(v) => set('label', v, true)} />
        <PlatformFilter
          value={draft.platform}
          onChange={(v) => set('platform', v)}
          onPick={(v) => set('platform', v, true)}
        />
        <ChoiceFilter
          label={t('osint.feed.source')}
          w={230}
          value={draft.source}
          onChange={(v) => set('source', v, true)}
          data={sources.data?.items.map((s) => ({ value: String(s.id), label: s.name })) ?? []}
        />
        <MinScoreFilter
          value={draft.min_score}
          onChange={(v) => set('min_score', v, true)}
          steps={['0.5', '0.7', '0.8', '0.9']}
        />
      </FilterBar>
      <HighlightLegend
        kinds={['counterfeit', 'health_risk', 'duty_evasion', 'sale_intent', 'context', 'negated']}
      />
      <QueryStatus query={list} />
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('osint.feed.count', rangeOf(lang, data))}
          </Text>
          <Stack gap="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            {data.items.map((item) => (
              <PostCard key={item.id} item={item} sourceName={sourceNames.get(item.source_id)} />
            ))}
          </Stack>
          {data.items.length === 0 && (
            <Paper withBorder p="xl" ta="center">
              <Text c="dimmed">{t('osint.feed.empty')}</Text>
            </Paper>
          )}
          <ListPager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
