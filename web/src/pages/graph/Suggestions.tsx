/**
 * The merge-suggestion queue: pairs of entities that may be one (score and reasons), best first; an analyst with
 * `graph:manage` accepts (the two become one, reversible with a split) or rejects (the pair is never proposed
 * again), with a note. Both are audited by the server.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { ListPager, usePagedQuery } from '../../components/paging.tsx';
import { useAction } from '../../components/useAction.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type GraphSuggestion, TypeBadge, useTypeName } from './shared.tsx';

const PAGE = 20;
const STATUSES = ['open', 'accepted', 'rejected'] as const;
const TYPES = ['person', 'company', 'declarant', 'seller'] as const;

function Side({ side }: { side: GraphSuggestion['a'] }) {
  return (
    <Group gap={6} wrap="nowrap">
      <TypeBadge type={side.type} />
      <Anchor component={Link} to={`/graph/entity/${side.id}`} size="sm" fw={600} dir="auto">
        {side.label}
      </Anchor>
      <Text size="xs" c="dimmed" dir="ltr">
        {side.key}
      </Text>
    </Group>
  );
}

function SuggestionCard({ suggestion, onDecided }: { suggestion: GraphSuggestion; onDecided: () => void }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const [note, setNote] = useState('');
  const action = useAction();
  const decide = (decision: 'accept' | 'reject') =>
    action.run(async () => {
      await apiSend('post', `/api/graph/suggestions/{id}/${decision}`, {
        path: { id: suggestion.id },
        json: note.trim() ? { note: note.trim() } : {},
      });
      onDecided();
    });
  return (
    <Paper withBorder p="sm" data-testid="suggestion-card">
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Side side={suggestion.a} />
          <Side side={suggestion.b} />
        </Stack>
        <Stack gap={4} align="end">
          <Badge size="lg" variant="light" data-testid="suggestion-score">
            {t('graph.suggestions.score')} {formatNumber(lang, suggestion.score, 2)}
          </Badge>
          {suggestion.status !== 'open' && (
            <Badge color={suggestion.status === 'accepted' ? 'green' : 'gray'}>
              {t(`graph.suggestions.${suggestion.status}`)}
            </Badge>
          )}
        </Stack>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {t('graph.suggestions.reasons')}
      </Text>
      <Group gap={4}>
        {suggestion.reasons.map((r) => (
          <Badge key={r} variant="outline" size="sm" style={{ textTransform: 'none' }}>
            {r}
          </Badge>
        ))}
      </Group>
      {suggestion.status !== 'open' && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('graph.suggestions.decidedBy', {
            who: suggestion.decided_by ?? '—',
            when: formatDateTime(lang, suggestion.decided_at),
          })}
          {suggestion.note ? ` — ${suggestion.note}` : ''}
        </Text>
      )}
      {suggestion.status === 'open' && can('graph:manage') && (
        <Group gap="xs" mt="xs" align="end">
          <TextInput
            size="xs"
            w={280}
            label={t('graph.suggestions.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button size="xs" color="green" onClick={() => void decide('accept')} loading={action.busy}>
            {t('graph.suggestions.accept')}
          </Button>
          <Button
            size="xs"
            color="gray"
            variant="light"
            onClick={() => void decide('reject')}
            loading={action.busy}
          >
            {t('graph.suggestions.reject')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={action.error} mt={8} />
    </Paper>
  );
}

export function Suggestions() {
  const { t, lang } = useLang();
  const typeName = useTypeName();
  const { can } = useSession();
  const client = useQueryClient();
  const { filters, page, setFilters, setPage } = useUrlState(['status', 'type'] as const);
  const status = filters.status || 'open';
  const list = usePagedQuery(['graph', 'suggestions', status, filters.type], page, PAGE, (paging) =>
    apiGet('/api/graph/suggestions', { query: { status, type: filters.type, ...paging } }),
  );
  const propose = useAction();
  const [proposed, setProposed] = useState<{ proposed: number; candidates: number } | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['graph', 'suggestions'] });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="end">
        <SegmentedControl
          aria-label={t('graph.suggestions.status')}
          value={status}
          onChange={(v) => setFilters({ status: v })}
          data={STATUSES.map((s) => ({ value: s, label: t(`graph.suggestions.${s}`) }))}
        />
        <Select
          label={t('graph.suggestions.type')}
          w={180}
          clearable
          placeholder={t('graph.suggestions.all')}
          data={TYPES.map((type) => ({ value: type, label: typeName(type) }))}
          value={filters.type || null}
          onChange={(v) => setFilters({ type: v ?? '' })}
        />
        {can('graph:manage') && (
          <Button
            variant="light"
            loading={propose.busy}
            onClick={() =>
              void propose.run(async () => {
                setProposed(await apiSend('post', '/api/graph/suggestions', { json: {} }));
                refresh();
              })
            }
          >
            {t('graph.suggestions.propose')}
          </Button>
        )}
      </Group>
      {proposed && (
        <Text size="sm" data-testid="suggestions-proposed">
          {t('graph.suggestions.proposed', {
            proposed: formatNumber(lang, proposed.proposed),
            candidates: formatNumber(lang, proposed.candidates),
          })}
        </Text>
      )}
      <ErrorAlert error={propose.error} />
      <QueryStatus query={list} />
      {list.data && list.data.items.length === 0 && <Text size="sm">{t('graph.suggestions.none')}</Text>}
      {list.data?.items.map((s) => (
        <SuggestionCard key={s.id} suggestion={s} onDecided={refresh} />
      ))}
      {list.data && <ListPager total={list.data.total} size={PAGE} page={page} onChange={setPage} />}
    </Stack>
  );
}
