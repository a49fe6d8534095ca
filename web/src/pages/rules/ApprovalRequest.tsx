/**
 * One activation request: who asked and why, the back-test it rests on (selected share, hit rate, duties at stake,
 * beside the version active then), the diff against the version it replaces, and — for a second approver — approve
 * or reject with a reason. The server refuses the requester and the author; the page does not offer it to them.
 */
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { Pending } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { ApprovalBadge, DecisionModal, percent } from './Approvals.tsx';
import { DiffView } from './DiffView.tsx';
import { type ActivationRequestDetail, backArrow } from './types.ts';

type Figures = ActivationRequestDetail['backtest']['candidate'];

function FiguresTable({ backtest }: { backtest: ActivationRequestDetail['backtest'] }) {
  const { t, lang } = useLang();
  const money = (x: number) => formatNumber(lang, Math.round(x));
  const rows: [string, (f: Figures) => string][] = [
    [
      t('approvals.selected'),
      (f) => `${formatNumber(lang, f.selected_items)} / ${formatNumber(lang, f.items)}`,
    ],
    [t('approvals.share'), (f) => percent(lang, f.share)],
    [t('approvals.hitRate'), (f) => percent(lang, f.hit_rate)],
    [t('approvals.recall'), (f) => percent(lang, f.recall)],
    [t('approvals.dutiesAtStake'), (f) => money(f.duties_at_stake)],
    [t('approvals.dutiesRecovered'), (f) => money(f.duties_recovered)],
  ];
  const active = backtest.active;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('approvals.backtestOf', {
          from: backtest.from,
          to: backtest.to,
          at: formatDateTime(lang, backtest.finished_at),
        })}
      </Text>
      <Table withTableBorder fz="sm" data-testid="backtest-figures">
        <TableHead
          columns={[
            '',
            t('approvals.thisVersion'),
            active
              ? t('approvals.activeThen', { profiles: active.profiles.join(', ') })
              : t('approvals.noActive'),
          ]}
        />
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td fw={600}>{value(backtest.candidate)}</Table.Td>
              <Table.Td>{active ? value(active.figures) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ApprovalRequest() {
  const { t, i18n, lang } = useLang();
  const { id } = useParams();
  const { can, user } = useSession();
  const client = useQueryClient();
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const detail = useQuery({
    queryKey: ['risk-approval', Number(id)],
    queryFn: () => apiGet('/api/risk/approvals/{id}', { path: { id: Number(id) } }),
  });
  const back = (
    <Anchor component={Link} to="/rules/approvals" size="sm">
      {backArrow(i18n.language)} {t('approvals.title')}
    </Anchor>
  );
  const r = detail.data;
  if (!r) return <Pending query={detail} back={back} />;
  const send = async (d: 'approve' | 'reject', reason: string) => {
    await apiSend('post', `/api/risk/approvals/{id}/${d}`, { path: { id: r.id }, json: { reason } });
    await client.invalidateQueries({ queryKey: ['risk-approval'] });
    await client.invalidateQueries({ queryKey: ['risk-approvals'] });
    await client.invalidateQueries({ queryKey: ['risk-profiles'] });
    await client.invalidateQueries({ queryKey: ['risk-profile'] });
  };
  const mine = r.requested_by === user?.username;
  const authored = r.author === user?.username;
  const decidable = r.status === 'pending' && !r.stale && can('risk:activate');
  return (
    <Stack gap="md">
      {back}
      <Card withBorder>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3}>{t('approvals.requestTitle', { id: r.id })}</Title>
              <ApprovalBadge status={r.status} stale={r.stale} />
            </Group>
            <Text size="sm">
              {t('approvals.activationOf')}{' '}
              <Anchor component={Link} to={`/rules/profiles/${r.profile_id}`} ff="monospace">
                {r.name} v{r.version}
              </Anchor>{' '}
              · {t('rules.author')}
              {t('rules.colon')}
              {r.author}
            </Text>
            <Text size="sm">
              {t('approvals.askedBy', { who: r.requested_by, at: formatDateTime(lang, r.requested_at) })}
              {t('rules.colon')}
              <bdi>{r.reason}</bdi>
            </Text>
            {r.decided_at && (
              <Text size="sm">
                {t('approvals.decidedBy', {
                  who: r.decided_by ?? '—',
                  at: formatDateTime(lang, r.decided_at),
                })}
                {t('rules.colon')}
                <bdi>{r.decision_reason}</bdi>
              </Text>
            )}
          </Stack>
          {decidable && (
            <Group gap="xs">
              {!mine && !authored && (
                <Button color="green" onClick={() => setDecision('approve')}>
                  {t('approvals.approve')}
                </Button>
              )}
              {!mine && (
                <Button color="red" variant="light" onClick={() => setDecision('reject')}>
                  {t('approvals.reject')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {decidable && (mine || authored) && (
          <Alert color="blue" mt="sm">
            {mine ? t('approvals.yours') : t('approvals.yourVersion')}
          </Alert>
        )}
        {r.stale && (
          <Alert color="orange" mt="sm">
            {t('approvals.staleHint')}
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('approvals.backtest')}
        </Title>
        <FiguresTable backtest={r.backtest} />
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('approvals.changes')}
        </Title>
        <DiffView diff={{ from: r.from, to: r.to, diff: r.diff }} />
      </Card>
      <DecisionModal
        decision={decision}
        title={decision ? t(`approvals.${decision}Title`, { name: r.name, version: r.version }) : ''}
        onClose={() => setDecision(null)}
        send={send}
      />
    </Stack>
  );
}
