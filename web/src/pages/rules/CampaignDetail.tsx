/**
 * One campaign: what it looks for, the declarations that match, and its work queue — each queued declaration is
 * to do, done, or a finding, with a note. Analysts queue the matches and close the campaign.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { ListPager, usePagedQuery } from '../../components/paging.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { pageOf } from '../../components/useUrlState.ts';
import { formatDate, formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { CampaignStatus, CampaignWindow, Criteria } from './Campaigns.tsx';
import { backArrow, type CampaignMatch, type QueueStatus, queueStatus } from './types.ts';

const PAGE_SIZE = 25;
const QUEUE_COLOURS: Record<QueueStatus, string> = { todo: 'blue', done: 'gray', finding: 'red' };

/** One row of the queue; status and note are saved together. */
function QueueRow({
  campaignId,
  item,
  editable,
}: {
  campaignId: number;
  item: CampaignMatch;
  editable: boolean;
}) {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const message = useErrorMessage();
  const [status, setStatus] = useState<QueueStatus | null>(queueStatus(item.status));
  const [note, setNote] = useState(item.note ?? '');
  const { busy, error, setError, run } = useAction();
  const changed = status !== item.status || note !== (item.note ?? '');
  const save = async (next: QueueStatus | null = status) => {
    if (!next) return;
    setError(null);
    await run(async () => {
      await apiSend('put', '/api/risk/campaigns/{id}/items/{declaration_id}', {
        path: { id: campaignId, declaration_id: item.declaration_id },
        json: { status: next, note: note.trim() || null },
      });
      await client.invalidateQueries({ queryKey: ['risk-campaign', campaignId] });
      await client.invalidateQueries({ queryKey: ['risk-campaigns'] });
    });
  };
  return (
    <Table.Tr data-testid={`queue-row-${item.reference}`}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/declarations/${encodeURIComponent(item.reference)}`}
          ff="monospace"
          fz="sm"
        >
          {item.reference}
        </Anchor>
      </Table.Td>
      <Table.Td>{item.office}</Table.Td>
      <Table.Td>{formatDate(lang, item.lodged_on)}</Table.Td>
      <Table.Td style={{ textAlign: 'end' }}>{formatNumber(lang, item.items)}</Table.Td>
      <Table.Td>
        {item.status === null ? (
          <Text size="xs" c="dimmed">
            {t('campaigns.notQueued')}
          </Text>
        ) : editable ? (
          <SegmentedControl
            size="xs"
            value={status ?? 'todo'}
            onChange={(v) => setStatus(v as QueueStatus)}
            aria-label={t('campaigns.itemStatus', { reference: item.reference })}
            data={(['todo', 'done', 'finding'] as const).map((s) => ({
              value: s,
              label: t(`campaigns.queue.${s}`),
            }))}
            color={status ? QUEUE_COLOURS[status] : undefined}
          />
        ) : (
          <Badge color={QUEUE_COLOURS[queueStatus(item.status) ?? 'todo']} variant="light">
            {t(`campaigns.queue.${item.status}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={240}>
        {item.status !== null && editable ? (
          <Group gap={4} wrap="nowrap">
            <TextInput
              size="xs"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && changed && void save()}
              placeholder={t('campaigns.notePlaceholder')}
              aria-label={t('campaigns.note')}
              style={{ flex: 1 }}
              error={error ? message(error) : undefined}
            />
            <Button
              size="xs"
              variant={changed ? 'filled' : 'subtle'}
              disabled={!changed}
              loading={busy}
              onClick={() => void save()}
            >
              {t('campaigns.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{item.note ?? ''}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function CampaignDetail() {
  const { t, i18n, lang } = useLang();
  const { id } = useParams();
  const campaignId = Number(id);
  const { can } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = pageOf(params);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'queue' | 'close' | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [queuedNow, setQueuedNow] = useState<number | null>(null);
  const detail = usePagedQuery(['risk-campaign', campaignId], page, PAGE_SIZE, (paging) =>
    apiGet('/api/risk/campaigns/{id}', { path: { id: campaignId }, query: paging }),
  );

  const act = async (action: 'queue' | 'close') => {
    setActionError(null);
    setBusy(action);
    try {
      if (action === 'queue') {
        const out = await apiSend('post', '/api/risk/campaigns/{id}/queue', { path: { id: campaignId } });
        setQueuedNow(out.queued);
      } else await apiSend('post', '/api/risk/campaigns/{id}/close', { path: { id: campaignId } });
      setConfirmClose(false);
      await client.invalidateQueries({ queryKey: ['risk-campaign', campaignId] });
      await client.invalidateQueries({ queryKey: ['risk-campaigns'] });
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
    }
  };

  const back = (
    <Anchor component={Link} to="/rules/campaigns" size="sm">
      {backArrow(i18n.language)} {t('campaigns.back')}
    </Anchor>
  );
  const d = detail.data;
  if (!d) return <Pending query={detail} back={back} />;
  const c = d.campaign;
  const queue = { todo: d.queue.todo ?? 0, done: d.queue.done ?? 0, finding: d.queue.finding ?? 0 };
  const queued = queue.todo + queue.done + queue.finding;
  const active = c.status === 'active';
  const editable = active && can('risk:decide');
  return (
    <Stack gap="md">
      {back}
      <Card withBorder>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3} ff="monospace">
                {c.name}
              </Title>
              <CampaignStatus status={c.status} />
            </Group>
            {c.description && (
              <Text size="sm" maw={820} dir="auto">
                {c.description}
              </Text>
            )}
            <Criteria campaign={c} />
            <Text size="xs" c="dimmed">
              <CampaignWindow from={c.date_from} to={c.date_to} /> ·{' '}
              {t('campaigns.ownerBy', { owner: c.owner })} · {formatDateTime(lang, c.created_at)}
            </Text>
          </Stack>
          {can('risk:manage') && active && (
            <Group gap="xs">
              <Button variant="light" loading={busy === 'queue'} onClick={() => void act('queue')}>
                {t('campaigns.queueMatches')}
              </Button>
              <Button color="red" variant="light" onClick={() => setConfirmClose(true)}>
                {t('campaigns.close')}
              </Button>
            </Group>
          )}
        </Group>
        {queuedNow !== null && (
          <Text size="sm" c="teal.7" mt="xs">
            {t('campaigns.queuedNow', { count: queuedNow })}
          </Text>
        )}
        {!confirmClose && <ErrorAlert error={actionError} />}
        <Group gap="xl" mt="md" wrap="wrap" align="flex-end">
          <Figure
            label={t('campaigns.matchingDeclarations')}
            value={formatNumber(lang, d.matching_declarations)}
          />
          <Figure label={t('campaigns.matchingItems')} value={formatNumber(lang, d.matching_items)} />
          <Figure label={t('campaigns.queued')} value={formatNumber(lang, queued)} />
          {(['todo', 'done', 'finding'] as const).map((s) => (
            <Figure
              key={s}
              label={t(`campaigns.queue.${s}`)}
              value={formatNumber(lang, queue[s])}
              colour={s === 'finding' && queue.finding ? 'red.7' : undefined}
            />
          ))}
          {queued > 0 && (
            <Stack gap={2} miw={220} style={{ flex: 1 }}>
              <Text size="xs" c="dimmed">
                {t('campaigns.progress')}
              </Text>
              <Progress.Root size="lg" aria-label={t('campaigns.progress')}>
                <Progress.Section value={(100 * queue.finding) / queued} color="red" />
                <Progress.Section value={(100 * queue.done) / queued} color="gray" />
                <Progress.Section value={(100 * queue.todo) / queued} color="blue.2" />
              </Progress.Root>
            </Stack>
          )}
        </Group>
      </Card>
      <Card withBorder p={0}>
        <Group justify="space-between" p="sm">
          <Text fw={600}>{t('campaigns.matches')}</Text>
          {d.page.total > 0 && queued === 0 && (
            <Text size="xs" c="dimmed">
              {can('risk:manage') && active ? t('campaigns.queueHint') : t('campaigns.nothingQueued')}
            </Text>
          )}
        </Group>
        {d.page.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg" size="sm">
            {t('campaigns.noMatches')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table
              verticalSpacing={6}
              fz="sm"
              striped
              aria-label={t('campaigns.matches')}
              opacity={detail.isFetching ? 0.7 : 1}
            >
              <TableHead
                columns={[
                  t('campaigns.reference'),
                  t('campaigns.office'),
                  t('campaigns.lodged'),
                  { label: t('campaigns.items'), style: { textAlign: 'end' } },
                  t('campaigns.statusLabel'),
                  t('campaigns.note'),
                ]}
              />
              <Table.Tbody>
                {d.page.items.map((item) => (
                  <QueueRow
                    key={`${item.declaration_id}:${item.status}:${item.note}`}
                    campaignId={campaignId}
                    item={item}
                    editable={editable}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPager
          total={d.page.total}
          size={PAGE_SIZE}
          page={page}
          onChange={(p) => setParams(p === 1 ? {} : { page: String(p) })}
          p="sm"
          small
        />
      </Card>
      <Modal
        opened={confirmClose}
        onClose={() => setConfirmClose(false)}
        title={t('campaigns.closeTitle', { name: c.name })}
      >
        <Stack>
          <Text size="sm">{t('campaigns.closeText')}</Text>
          <ErrorAlert error={actionError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              {t('rules.cancel')}
            </Button>
            <Button color="red" loading={busy === 'close'} onClick={() => void act('close')}>
              {t('campaigns.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Figure({ label, value, colour }: { label: string; value: string; colour?: string | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg" c={colour}>
        {value}
      </Text>
    </Stack>
  );
}
