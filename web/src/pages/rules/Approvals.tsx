/**
 * Four-eyes approvals (docs/decisions/0039-four-eyes.md): the activation requests of rule profiles (each opens its
 * page: diff, back-test figures, approve or reject) and the promotion requests of models (decided here), pending
 * first. Approvers hold risk:activate (profiles) or models:manage (models); the requester never decides.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { Pending } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import type { PromotionRequest } from './types.ts';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'stale';
const STATUS_COLOURS: Record<ApprovalStatus, string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  stale: 'gray',
};

export function ApprovalBadge({ status, stale }: { status: ApprovalStatus; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={stale ? 'orange' : STATUS_COLOURS[status]} variant="light">
      {stale ? t('approvals.status.wouldBeStale') : t(`approvals.status.${status}`)}
    </Badge>
  );
}

export const percent = (lang: string, x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${formatNumber(lang, x * 100, 1)} %`;

/** Whether four-eyes activation is on, and the back-test age it asks (read from the approvals list). */
export function useFourEyes() {
  const query = useQuery({
    queryKey: ['risk-approvals', 'settings'],
    queryFn: () => apiGet('/api/risk/approvals', { query: { status: 'pending', limit: 1 } }),
    staleTime: 60_000,
  });
  return {
    loaded: query.data !== undefined,
    on: query.data?.four_eyes ?? false,
    days: query.data?.backtest_max_age_days ?? 7,
  };
}

/** Approve or reject a request with a reason. */
export function DecisionModal({
  decision,
  title,
  onClose,
  send,
}: {
  decision: 'approve' | 'reject' | null;
  title: string;
  onClose(): void;
  send(decision: 'approve' | 'reject', reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      opened={decision !== null}
      title={title}
      hint={decision === 'approve' && t('approvals.approveHint')}
      submitLabel={decision ? t(`approvals.${decision}`) : ''}
      submitColor={decision === 'reject' ? 'red' : 'green'}
      onClose={onClose}
      send={async (reason) => {
        if (decision) await send(decision, reason);
      }}
    />
  );
}

function ProfileRequests({ status }: { status: ApprovalStatus | 'all' }) {
  const { t, lang } = useLang();
  const list = useQuery({
    queryKey: ['risk-approvals', status],
    queryFn: () =>
      apiGet('/api/risk/approvals', { query: { ...(status === 'all' ? {} : { status }), limit: 200 } }),
  });
  if (!list.data) return <Pending query={list} />;
  const { items } = list.data;
  return (
    <Card withBorder p={0}>
      {!list.data.four_eyes && (
        <Alert color="gray" m="sm">
          {t('approvals.off')}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text p="sm" c="dimmed">
          {t('approvals.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <TableHead
              columns={[
                t('approvals.request'),
                t('approvals.profile'),
                t('rules.statusLabel'),
                t('approvals.requestedBy'),
                t('approvals.hitRate'),
                t('approvals.share'),
                t('rules.reason'),
              ]}
            />
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rules/approvals/${r.id}`}>
                      #{r.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {r.name} v{r.version}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ApprovalBadge status={r.status} stale={r.stale} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.requested_by}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(lang, r.requested_at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{percent(lang, r.backtest.candidate.hit_rate)}</Table.Td>
                  <Table.Td>{percent(lang, r.backtest.candidate.share)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto" lineClamp={2}>
                      {r.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function ModelRequests({ status }: { status: ApprovalStatus | 'all' }) {
  const { t, lang } = useLang();
  const { can, user } = useSession();
  const client = useQueryClient();
  const [deciding, setDeciding] = useState<{
    request: PromotionRequest;
    decision: 'approve' | 'reject';
  } | null>(null);
  const list = useQuery({
    queryKey: ['model-approvals', status],
    queryFn: () => apiGet('/api/models/approvals', { query: status === 'all' ? {} : { status } }),
  });
  if (!list.data) return <Pending query={list} />;
  const { items } = list.data;
  const send = async (decision: 'approve' | 'reject', reason: string) => {
    if (!deciding) return;
    await apiSend('post', `/api/models/approvals/{id}/${decision}`, {
      path: { id: deciding.request.id },
      json: { reason },
    });
    await client.invalidateQueries({ queryKey: ['model-approvals'] });
    await client.invalidateQueries({ queryKey: ['models'] });
  };
  const later = (r: PromotionRequest) => {
    const e = r.evaluation as { later?: { all?: { auc?: number | null } | null } | null };
    return e.later?.all?.auc ?? null;
  };
  return (
    <Card withBorder p={0}>
      {items.length === 0 ? (
        <Text p="sm" c="dimmed">
          {t('approvals.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <TableHead
              columns={[
                t('approvals.request'),
                t('approvals.model'),
                t('rules.statusLabel'),
                t('approvals.requestedBy'),
                t('approvals.laterAuc'),
                t('rules.reason'),
                '',
              ]}
            />
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>#{r.id}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/models/${r.model_id}`} size="sm">
                      #{r.model_id} {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ApprovalBadge status={r.status} stale={r.stale} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.requested_by}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(lang, r.requested_at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {later(r) === null ? t('approvals.notEvaluated') : formatNumber(lang, later(r)!, 3)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto" lineClamp={2}>
                      {r.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {can('models:manage') && r.status === 'pending' && r.requested_by !== user?.username && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          color="green"
                          onClick={() => setDeciding({ request: r, decision: 'approve' })}
                        >
                          {t('approvals.approve')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => setDeciding({ request: r, decision: 'reject' })}
                        >
                          {t('approvals.reject')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DecisionModal
        decision={deciding?.decision ?? null}
        title={deciding ? t(`approvals.${deciding.decision}Model`, { id: deciding.request.model_id }) : ''}
        onClose={() => setDeciding(null)}
        send={send}
      />
    </Card>
  );
}

export function Approvals() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<ApprovalStatus | 'all'>('pending');
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('approvals.title')}</Title>
        <SegmentedControl
          aria-label={t('rules.filterStatus')}
          value={status}
          onChange={(v) => setStatus(v as ApprovalStatus | 'all')}
          data={(['pending', 'approved', 'rejected', 'stale', 'all'] as const).map((s) => ({
            value: s,
            label: t(`approvals.status.${s}`),
          }))}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('approvals.intro')}
      </Text>
      <Title order={4}>{t('approvals.profiles')}</Title>
      <ProfileRequests status={status} />
      {can('models:read') && (
        <>
          <Title order={4}>{t('approvals.models')}</Title>
          <ModelRequests status={status} />
        </>
      )}
    </Stack>
  );
}
