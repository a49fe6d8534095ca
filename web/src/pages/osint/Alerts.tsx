/**
 * Alerts: posts over their threshold, risky sellers, watchlist matches. Open ones first; an investigator confirms or
 * dismisses each with a note (audited; confirmations teach the classifier), and the decision stays in view.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { ListPager, rangeOf, usePagedQuery } from '../../components/paging.tsx';
import { useAction } from '../../components/useAction.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { AlertCaseButton } from '../cases/OpenFrom.tsx';
import { quotedValues, spansFromValues } from './highlight.ts';
import {
  ALERT_STATUSES,
  type AlertStatus,
  HighlightedText,
  LabelBadge,
  type OsintAlert,
  PlatformBadge,
  STATUS_COLOURS,
  usePostLink,
} from './shared.tsx';

const PAGE_SIZE = 20;
const KINDS = ['post', 'seller', 'watchlist'] as const;

/** How many alerts have each status. */
export function useAlertCounts() {
  return useQueries({
    queries: ALERT_STATUSES.map((status) => ({
      queryKey: ['osint', 'alerts', 'count', status],
      queryFn: () => apiGet('/api/osint/alerts', { query: { status, limit: 1 } }),
    })),
    combine: (results) => ({
      counts: Object.fromEntries(ALERT_STATUSES.map((s, i) => [s, results[i]?.data?.total])) as Record<
        AlertStatus,
        number | undefined
      >,
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

function Decision({ alert }: { alert: OsintAlert }) {
  const { t, i18n } = useTranslation();
  if (alert.status === 'open') return null;
  return (
    <Paper p="xs" bg={alert.status === 'confirmed' ? 'teal.0' : 'gray.0'} data-testid="decision">
      <Group gap="xs">
        <Badge color={STATUS_COLOURS[alert.status]}>{t(`osint.alertStatus.${alert.status}`)}</Badge>
        {alert.decision_label && <LabelBadge label={alert.decision_label} />}
        <Text size="xs" c="dimmed">
          {t('osint.alerts.decidedBy', {
            who: alert.decided_by ?? '—',
            at: formatDateTime(i18n.language, alert.decided_at),
          })}
        </Text>
      </Group>
      {alert.note && (
        <Text size="sm" mt={4} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {alert.note}
        </Text>
      )}
    </Paper>
  );
}

function AlertCard({ alert, onDecided }: { alert: OsintAlert; onDecided: (a: OsintAlert) => void }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const openPost = usePostLink();
  const [deciding, setDeciding] = useState<'confirm' | 'dismiss' | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!deciding) return;
    await run(async () => {
      const answer = await apiSend('post', '/api/osint/alerts/{id}/decision', {
        path: { id: alert.id },
        json: { decision: deciding, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setDeciding(null);
      setNote('');
      onDecided(answer.alert);
    });
  };
  const values = quotedValues([alert.reason]);
  return (
    <Card withBorder padding="sm" data-testid="alert-card">
      <Group justify="space-between" wrap="nowrap" align="start">
        <Group gap="xs">
          <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
            {t(`osint.alertKinds.${alert.kind}`)}
          </Badge>
          <LabelBadge label={alert.label} score={alert.score} />
          {alert.status !== 'open' && (
            <Badge color={STATUS_COLOURS[alert.status]} variant="light">
              {t(`osint.alertStatus.${alert.status}`)}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            #{alert.id} · {formatDateTime(lang, alert.created_at)}
          </Text>
        </Group>
        {alert.seller && (
          <Anchor component={Link} to={`/osint/sellers/${alert.seller.id}`} size="sm" fw={600} dir="auto">
            {alert.seller.display_name}
          </Anchor>
        )}
      </Group>
      {alert.watch_term && (
        <Text size="sm" mt={4}>
          {t('osint.alerts.watchTerm', {
            kind: t(`osint.watchKinds.${alert.watch_term.kind}`),
            value: alert.watch_term.value,
          })}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4} lineClamp={2} dir="auto">
        {alert.reason}
      </Text>
      {alert.item && (
        <Paper withBorder p="xs" mt={6} bg="gray.0">
          <Group gap={6} mb={4}>
            <PlatformBadge platform={alert.item.platform} />
            <Text size="xs" fw={600} dir="auto">
              {alert.item.author ?? ''}
            </Text>
            {alert.item.reposts > 0 && (
              <Text size="xs" c="dimmed">
                {t('osint.feed.reposts', { count: alert.item.reposts })}
              </Text>
            )}
            <Button size="compact-xs" variant="subtle" ms="auto" onClick={() => openPost(alert.item!.id)}>
              {t('osint.feed.open')}
            </Button>
          </Group>
          <HighlightedText
            text={alert.item.text}
            spans={spansFromValues(alert.item.text, values)}
            lineClamp={3}
          />
        </Paper>
      )}
      <Stack gap="xs" mt="xs">
        <Decision alert={alert} />
        {!deciding && <AlertCaseButton alert={alert} />}
        {alert.status === 'open' && can('osint:manage') && !deciding && (
          <Group gap="xs">
            <Button size="xs" color="teal" onClick={() => setDeciding('confirm')}>
              {t('osint.alerts.confirm')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDeciding('dismiss')}>
              {t('osint.alerts.dismiss')}
            </Button>
          </Group>
        )}
        {deciding && (
          <Stack gap="xs" component="form" onSubmit={submit} aria-label={t(`osint.alerts.${deciding}`)}>
            <Textarea
              label={t('osint.alerts.note')}
              placeholder={t(`osint.alerts.notePlaceholder.${deciding}`)}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              dir="auto"
            />
            <Group gap="xs">
              <Button type="submit" size="xs" color={deciding === 'confirm' ? 'teal' : 'gray'} loading={busy}>
                {t(`osint.alerts.${deciding}Submit`)}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setDeciding(null)} disabled={busy}>
                {t('osint.common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {error !== null && <ErrorAlert error={error} />}
      </Stack>
    </Card>
  );
}

export function StatusCounts({ active, onPick }: { active?: string; onPick?: (s: AlertStatus) => void }) {
  const { t, i18n } = useTranslation();
  const { counts } = useAlertCounts();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="alert-counts">
      {ALERT_STATUSES.map((s) => (
        <Paper
          key={s}
          withBorder
          p="xs"
          onClick={onPick ? () => onPick(s) : undefined}
          style={{
            cursor: onPick ? 'pointer' : undefined,
            borderColor: active === s ? `var(--mantine-color-${STATUS_COLOURS[s]}-5)` : undefined,
          }}
        >
          <Text size="xs" c="dimmed">
            {t(`osint.alertStatus.${s}`)}
          </Text>
          <Text fw={700} size="xl" c={`${STATUS_COLOURS[s]}.7`}>
            {counts[s] === undefined ? '…' : formatNumber(i18n.language, counts[s])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function Alerts() {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const { params, page, setFilters, setPage } = useUrlState([]);
  const status = params.get('status') ?? 'open';
  const kind = params.get('kind') ?? '';
  const key = ['osint', 'alerts', 'list', status, kind];
  const list = usePagedQuery(key, page, PAGE_SIZE, (paging) =>
    apiGet('/api/osint/alerts', {
      query: { status: status === 'all' ? undefined : status, kind, ...paging },
    }),
  );
  // The decided alert stays where it was, showing the decision; the counts move.
  const decided = (alert: OsintAlert) => {
    client.setQueryData<ApiResponse<'/api/osint/alerts'>>([...key, page], (old) =>
      old ? { ...old, items: old.items.map((a) => (a.id === alert.id ? alert : a)) } : old,
    );
    void client.invalidateQueries({ queryKey: ['osint', 'alerts', 'count'] });
  };
  const data = list.data;
  return (
    <Stack gap="sm">
      <StatusCounts active={status} onPick={(s) => setFilters({ status: s })} />
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(v) => setFilters({ status: v })}
          data={[...ALERT_STATUSES, 'all'].map((s) => ({ value: s, label: t(`osint.alertStatus.${s}`) }))}
          aria-label={t('osint.alerts.status')}
        />
        <SegmentedControl
          size="xs"
          value={kind || 'any'}
          onChange={(v) => setFilters({ kind: v === 'any' ? '' : v })}
          data={[
            { value: 'any', label: t('osint.feed.any') },
            ...KINDS.map((k) => ({ value: k, label: t(`osint.alertKinds.${k}`) })),
          ]}
          aria-label={t('osint.alerts.kind')}
        />
      </Group>
      <QueryStatus query={list} />
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('osint.feed.count', rangeOf(lang, data))}
          </Text>
          {data.items.length === 0 && (
            <Paper withBorder p="xl" ta="center">
              <Text c="dimmed">{t('osint.alerts.empty')}</Text>
            </Paper>
          )}
          <Stack gap="xs">
            {data.items.map((alert) => (
              <AlertCard key={alert.id} alert={alert} onDecided={decided} />
            ))}
          </Stack>
          <ListPager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
