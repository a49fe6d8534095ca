/**
 * One case file: its header (number, status, type, priority, lead), the moves its status allows (from the API;
 * a final one asks for a reason), tasks, notes, links, evidence, seizures, offence reports, the tax-loss estimate
 * and the timeline of everything that happened. Changes need `cases:manage` and stop once the case is final.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { EvidenceCard, ReportsCard } from './CaseFiles.tsx';
import { LinksCard, NotesCard, TasksCard } from './CaseWork.tsx';
import { TakedownsCard, TestPurchasesCard } from './Enforcement.tsx';
import { OperationTag } from './OperationTag.tsx';
import { SeizureUpdateButton } from './SeizureUpdate.tsx';
import {
  type Case,
  type CaseStatus,
  CaseStatusBadge,
  caseKeys,
  FINAL_STATUSES,
  fieldErrorsOf,
  LINK_TYPES,
  type LinkType,
  linkHref,
  PriorityBadge,
  type Seizure,
} from './shared.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="start">
      <Text size="sm" c="dimmed" miw={140}>
        {label}
      </Text>
      <Text size="sm" component="div" dir="auto">
        {children}
      </Text>
    </Group>
  );
}

function Transitions({ kase }: { kase: Case }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const move = async (status: CaseStatus, why?: string) =>
    run(async () => {
      const updated = await apiSend('post', '/api/cases/{id}/transitions', {
        path: { id: kase.id },
        json: { status, ...(why ? { reason: why } : {}) },
      });
      client.setQueryData(caseKeys.detail(kase.id), (old: { case: Case } | undefined) =>
        old ? { ...old, case: updated } : old,
      );
      setTarget(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['cases'] });
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) void move(target, reason.trim());
  };
  if (kase.next_statuses.length === 0) return null;
  const reasonError = fieldErrorsOf(error).reason;
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="case-transitions">
        {kase.next_statuses.map((s) => (
          <Button
            key={s}
            size="sm"
            variant={FINAL_STATUSES.includes(s) ? 'outline' : 'filled'}
            color={s === 'closed' ? 'gray' : undefined}
            loading={busy && target === null}
            onClick={() => {
              setError(null);
              if (FINAL_STATUSES.includes(s)) setTarget(s);
              else void move(s);
            }}
          >
            {t(`cases.moves.${s}`)}
          </Button>
        ))}
      </Group>
      {error !== null && target === null && <ErrorAlert error={error} />}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t(`cases.moves.${target}`) : ''}
      >
        <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('cases.moves.reasonForm')}>
          <Text size="sm">{t('cases.moves.finalHint')}</Text>
          <Textarea
            label={t('cases.moves.reason')}
            required
            minRows={3}
            autosize
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            dir="auto"
            data-autofocus
          />
          {error !== null && !reasonError && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setTarget(null)} disabled={busy}>
              {t('cases.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('cases.moves.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SeizuresCard({ kase, seizures }: { kase: Case; seizures: Seizure[] }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const final = FINAL_STATUSES.includes(kase.status);
  return (
    <Card withBorder data-testid="case-seizures">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {t('cases.seizures.title')} ({seizures.length})
        </Text>
        {can('seizures:write') && !final && (
          <Button size="xs" component={Link} to={`/cases/seizures/new?case=${kase.id}&office=${kase.office}`}>
            {t('cases.seizures.record')}
          </Button>
        )}
      </Group>
      {seizures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.seizures.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm">
            <TableHead
              columns={[
                t('cases.seizures.reference'),
                t('cases.seizures.seizedOn'),
                t('cases.seizures.category'),
                t('cases.seizures.description'),
                { label: t('cases.seizures.quantity'), ta: 'end' },
                { label: t('cases.seizures.value'), ta: 'end' },
                t('cases.seizures.brand'),
                t('cases.seizures.goods'),
                can('seizures:write') || can('sharing:write') ? '' : false,
              ]}
            />
            <Table.Tbody>
              {seizures.map((s) => (
                <Table.Tr key={s.id} data-testid="seizure-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.reference}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, s.seized_on)}</Table.Td>
                  <Table.Td>{t(`cases.categories.${s.category}`)}</Table.Td>
                  <Table.Td dir="auto">{s.description}</Table.Td>
                  <Table.Td ta="end">
                    {s.quantity === null
                      ? '—'
                      : `${formatNumber(lang, s.quantity, 2)} ${s.unit ? t(`cases.units.${s.unit}`, { defaultValue: s.unit }) : ''}`}
                  </Table.Td>
                  <Table.Td ta="end">
                    {s.estimated_value === null ? '—' : formatMoney(lang, s.estimated_value, s.currency)}
                  </Table.Td>
                  <Table.Td dir="auto">
                    {[s.brand, s.rights_holder].filter(Boolean).join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={s.goods_status === 'held' ? 'orange' : 'gray'}
                      style={{ textTransform: 'none' }}
                    >
                      {t(`cases.goods.${s.goods_status}`)}
                    </Badge>
                  </Table.Td>
                  {(can('seizures:write') || can('sharing:write')) && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {can('seizures:write') && <SeizureUpdateButton seizure={s} />}
                        {can('sharing:write') && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            component={Link}
                            to={`/sharing/compose?seizure=${encodeURIComponent(s.reference)}`}
                            aria-label={`${t('sharing.share')} ${s.reference}`}
                          >
                            {t('sharing.share')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function TaxLossCard({ id }: { id: number }) {
  const { t, lang } = useLang();
  const loss = useQuery({
    queryKey: caseKeys.taxLoss(id),
    queryFn: () => apiGet('/api/cases/{id}/tax-loss', { path: { id } }),
  });
  const d = loss.data;
  return (
    <Card withBorder data-testid="case-tax-loss">
      <Text fw={600} mb="xs">
        {t('cases.taxLoss.title')}
      </Text>
      {loss.error ? (
        <ErrorAlert error={loss.error} onRetry={() => void loss.refetch()} />
      ) : !d ? null : (
        <Stack gap={4}>
          <Field label={t('cases.taxLoss.value')}>{formatMoney(lang, d.value, d.currency)}</Field>
          <Field label={t('cases.taxLoss.duties')}>
            {formatMoney(lang, d.duties, d.currency)} ({formatNumber(lang, d.duty_rate, 2)} %)
          </Field>
          <Field label={t('cases.taxLoss.vat')}>
            {formatMoney(lang, d.vat, d.currency)} ({formatNumber(lang, d.vat_rate, 2)} %)
          </Field>
          <Field label={t('cases.taxLoss.total')}>
            <b data-testid="tax-loss-total">{formatMoney(lang, d.total, d.currency)}</b>
          </Field>
          {d.unvalued > 0 && (
            <Text size="xs" c="orange.8">
              {t('cases.taxLoss.unvalued', { count: d.unvalued })}
            </Text>
          )}
          <Text size="xs" c="dimmed" dir="auto">
            {d.method}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

/** An event's details as "name: value" text (never markup). */
function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

function TimelineCard({ id }: { id: number }) {
  const { t, i18n, lang } = useLang();
  const timeline = useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: () => apiGet('/api/cases/{id}/timeline', { path: { id } }),
  });
  const items = timeline.data?.items ?? [];
  return (
    <Card withBorder data-testid="case-timeline">
      <Text fw={600} mb="xs">
        {t('cases.timeline.title')}
      </Text>
      {timeline.error ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={items.length - 1}>
          {items.map((e) => (
            <Timeline.Item
              key={e.id}
              title={
                i18n.exists(`cases.events.${e.kind}`)
                  ? t(`cases.events.${e.kind}`)
                  : e.kind.replace(/_/g, ' ')
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(lang, e.at)} · {e.actor}
              </Text>
              <Text size="xs" dir="auto" style={{ wordBreak: 'break-word' }}>
                {detailText(e.details)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

export function CasePage() {
  const { t, lang } = useLang();
  const id = Number(useParams().id);
  const detail = useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => apiGet('/api/cases/{id}', { path: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
  const back = (
    <Anchor component={Link} to="/cases" size="sm">
      ← {t('cases.back')}
    </Anchor>
  );
  const d = detail.data;
  if (!d) return <Pending query={detail} back={back} />;
  const kase = d.case;
  const final = FINAL_STATUSES.includes(kase.status);
  return (
    <Stack>
      {back}
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="case-number">
              {kase.number}
            </Title>
            <CaseStatusBadge status={kase.status} />
            <PriorityBadge priority={kase.priority} />
          </Group>
          <Text fw={600} size="lg" dir="auto" data-testid="case-title">
            {kase.title}
          </Text>
        </Stack>
      </Group>
      <Card withBorder>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap={4}>
              <Field label={t('cases.fields.type')}>{t(`cases.types.${kase.type}`)}</Field>
              <Field label={t('cases.fields.office')}>{kase.office}</Field>
              <Field label={t('cases.fields.assignee')}>{kase.assignee ?? '—'}</Field>
              <Field label={t('cases.fields.origin')}>
                <Origin kase={kase} />
              </Field>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap={4}>
              <Field label={t('cases.fields.openedAt')}>
                {formatDateTime(lang, kase.opened_at)} · {kase.opened_by}
              </Field>
              <Field label={t('cases.fields.reportNumber')}>{kase.report_number ?? '—'}</Field>
              <Field label={t('cases.fields.operation')}>
                <OperationTag kase={kase} />
              </Field>
              {kase.closed_at && (
                <Field label={t('cases.fields.closedAt')}>{formatDateTime(lang, kase.closed_at)}</Field>
              )}
              {kase.status_reason && (
                <Field label={t('cases.fields.statusReason')}>{kase.status_reason}</Field>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {kase.summary && (
          <Text size="sm" mt="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {kase.summary}
          </Text>
        )}
      </Card>
      <CanManage>
        <Transitions kase={kase} />
      </CanManage>
      {final && (
        <Alert color="gray" data-testid="case-final">
          {t('cases.finalNotice')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <TasksCard kase={kase} tasks={d.tasks} />
            <LinksCard kase={kase} links={d.links} />
            <SeizuresCard kase={kase} seizures={d.seizures} />
            <TestPurchasesCard kase={kase} purchases={d.test_purchases} evidence={d.evidence} />
            <TakedownsCard kase={kase} takedowns={d.takedowns} />
            <EvidenceCard kase={kase} evidence={d.evidence} />
            <ReportsCard kase={kase} reports={d.reports} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <TaxLossCard id={kase.id} />
            <NotesCard kase={kase} notes={d.notes} />
            <TimelineCard id={kase.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** What the case was opened from, linked to its page when it has one. */
function Origin({ kase }: { kase: Case }) {
  const { t } = useLang();
  if (!kase.origin_type) return '—';
  const name = t(`cases.origins.${kase.origin_type}`);
  const ref = kase.origin_ref ?? '';
  const href =
    kase.origin_type === 'alert'
      ? '/osint/alerts?status=all'
      : (LINK_TYPES as readonly string[]).includes(kase.origin_type) && ref
        ? linkHref(kase.origin_type as LinkType, ref)
        : null;
  return (
    <>
      {name}{' '}
      {href ? (
        <Anchor component={Link} to={href} size="sm">
          {ref}
        </Anchor>
      ) : (
        ref
      )}
    </>
  );
}

function CanManage({ children }: { children: React.ReactNode }) {
  const { can } = useSession();
  return can('cases:manage') ? children : null;
}
