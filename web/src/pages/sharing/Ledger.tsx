/**
 * The signed ledger of what was shared: entries with their hashes (each one's previous hash is the entry before),
 * the signed Merkle checkpoints, "verify" (the server checks the whole ledger as exported — hashes, chain,
 * signatures, checkpoints — and answers intact or the first bad entry and why), a new checkpoint for those who may
 * write, and the NDJSON export that `vigie ledger verify FILE` checks offline.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePagedQuery } from '../../components/paging.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { Hex, type Marking, MarkingBadge } from './shared.tsx';

const PAGE_SIZE = 50;
type Verdict = ApiResponse<'/api/sharing/ledger/verify', 'post'>;

function Verify() {
  const { t, lang } = useLang();
  const { busy, error, run } = useAction();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          loading={busy}
          onClick={() =>
            void run(async () => {
              setVerdict(null);
              setVerdict(await apiSend('post', '/api/sharing/ledger/verify'));
            })
          }
        >
          {t('sharing.ledger.verify')}
        </Button>
      </Group>
      {verdict?.ok && (
        <Alert color="green" title={t('sharing.ledger.intact')} data-testid="verdict" role="status">
          {t('sharing.ledger.intactHint', {
            entries: formatNumber(lang, verdict.entries),
            checkpoints: formatNumber(lang, verdict.checkpoints),
          })}
          {verdict.last_hash && (
            <Text size="sm">
              {t('sharing.ledger.lastHash')} : <Hex value={verdict.last_hash} />
            </Text>
          )}
        </Alert>
      )}
      {verdict && !verdict.ok && verdict.problem && (
        <Alert color="red" title={t('sharing.ledger.broken')} data-testid="verdict" role="status">
          <Text size="sm">
            {t('sharing.ledger.firstBad', {
              seq: verdict.problem.seq ?? '—',
              line: verdict.problem.line,
              reason: t(`sharing.ledger.problems.${verdict.problem.reason}`),
            })}
          </Text>
          <Text size="sm" c="dimmed" dir="ltr">
            {verdict.problem.message}
          </Text>
        </Alert>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

function NewCheckpoint() {
  const { t } = useLang();
  const client = useQueryClient();
  const { busy, error, run } = useAction();
  const [nothing, setNothing] = useState(false);
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        loading={busy}
        onClick={() =>
          void run(async () => {
            const answer = await apiSend('post', '/api/sharing/ledger/checkpoints');
            setNothing(answer.checkpoint === null);
            await client.invalidateQueries({ queryKey: ['sharing', 'checkpoints'] });
          })
        }
      >
        {t('sharing.ledger.checkpoint')}
      </Button>
      {nothing && (
        <Text size="sm" c="dimmed" role="status">
          {t('sharing.ledger.nothingNew')}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function Ledger() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const { page, setPage } = useUrlState([]);
  const entries = usePagedQuery(['sharing', 'ledger'], page, PAGE_SIZE, (paging) =>
    apiGet('/api/sharing/ledger', { query: paging }),
  );
  const checkpoints = useQuery({
    queryKey: ['sharing', 'checkpoints'],
    queryFn: () => apiGet('/api/sharing/ledger/checkpoints'),
  });
  return (
    <Stack>
      <PageHeader title={t('sharing.ledger.title')} subtitle={t('sharing.ledger.subtitle')} />
      <Card withBorder>
        <Group align="start" justify="space-between">
          <Verify />
          <Group align="start">
            {can('sharing:write') && <NewCheckpoint />}
            <Button
              component="a"
              variant="default"
              href="/api/sharing/ledger/export"
              download="vigie-ledger.ndjson"
              data-testid="ledger-export"
            >
              {t('sharing.ledger.export')}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('sharing.ledger.exportHint')}
        </Text>
      </Card>
      <ListBody
        query={entries}
        page={page}
        size={PAGE_SIZE}
        onPage={setPage}
        label={t('sharing.ledger.entries')}
        countKey="sharing.count"
        emptyKey="sharing.ledger.empty"
        minWidth={1000}
        columns={[
          { label: t('sharing.ledger.seq'), ta: 'end' },
          t('sharing.ledger.at'),
          t('sharing.messages.box'),
          t('sharing.messages.partner'),
          t('sharing.messages.group'),
          t('sharing.messages.titleField'),
          t('sharing.messages.marking'),
          t('sharing.ledger.hash'),
          t('sharing.ledger.prev'),
        ]}
        rows={(data) =>
          data.items.map((e) => (
            <Table.Tr key={e.seq} data-testid="ledger-row">
              <Table.Td ta="end" fw={600}>
                {e.seq}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, e.at)}</Table.Td>
              <Table.Td>{t(`sharing.messages.directions.${e.direction}`)}</Table.Td>
              <Table.Td>{e.partner ?? t('sharing.messages.us')}</Table.Td>
              <Table.Td>{e.group ?? '—'}</Table.Td>
              <Table.Td dir="auto">{e.title}</Table.Td>
              <Table.Td>
                <MarkingBadge marking={e.marking as Marking} />
              </Table.Td>
              <Table.Td>
                <Hex value={e.hash} short />
              </Table.Td>
              <Table.Td>
                <Hex value={e.prev_hash} short />
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
      <Title order={3}>{t('sharing.ledger.checkpoints')}</Title>
      <QueryStatus query={checkpoints} />
      {checkpoints.data && checkpoints.data.items.length === 0 && (
        <Text c="dimmed">{t('sharing.ledger.noCheckpoints')}</Text>
      )}
      {checkpoints.data && checkpoints.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label={t('sharing.ledger.checkpoints')}>
            <TableHead
              columns={[
                t('sharing.ledger.range'),
                t('sharing.ledger.at'),
                t('sharing.ledger.root'),
                t('sharing.ledger.key'),
              ]}
            />
            <Table.Tbody>
              {checkpoints.data.items.map((c) => (
                <Table.Tr key={c.to_seq} data-testid="checkpoint-row">
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {c.from_seq}–{c.to_seq}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, c.at)}</Table.Td>
                  <Table.Td>
                    <Hex value={c.root} />
                  </Table.Td>
                  <Table.Td>
                    <Hex value={c.key_id} short />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
