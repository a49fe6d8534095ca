/**
 * A mutual-assistance request: what is asked of whom and on what legal basis, its subjects, the answer once given;
 * its workflow as buttons (only the moves the server allows next; refusal and withdrawal ask for a reason, an
 * answer for its text), reminders while it waits, and its history.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatDateTime, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type Assistance, type AssistanceStatus, NEEDS_REASON, StatusBadge } from './shared.tsx';

const key = (id: number) => ['assistance', 'request', id];

function Move({ request, to, onDone }: { request: Assistance; to: AssistanceStatus; onDone: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [on, setOn] = useState('');
  const { busy, error, run } = useAction();
  const needsReason = NEEDS_REASON.includes(to);
  const needsAnswer = to === 'answered';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const updated = await apiSend('post', '/api/assistance/{id}/transition', {
        path: { id: request.id },
        json: {
          status: to,
          ...(needsReason ? { reason: text.trim() } : {}),
          ...(needsAnswer ? { answer: text.trim() } : {}),
          ...(on ? { on } : {}),
        },
      });
      client.setQueryData(key(request.id), updated);
      await client.invalidateQueries({ queryKey: ['assistance'] });
      onDone();
    });
  };
  const label = t(`sharing.assistance.moves.${to}`);
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={label} padding="sm">
      <Stack gap="xs">
        <Text fw={600}>{label}</Text>
        {(needsReason || needsAnswer) && (
          <Textarea
            label={needsAnswer ? t('sharing.assistance.answer') : t('sharing.assistance.reason')}
            required
            autosize
            minRows={2}
            dir="auto"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
        <TextInput
          type="date"
          w={180}
          label={t('sharing.assistance.on')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={(needsReason || needsAnswer) && !text.trim()}>
            {t('sharing.assistance.confirm')}
          </Button>
          <Button variant="subtle" onClick={onDone} disabled={busy}>
            {t('sharing.cancel')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

function Remind({ request }: { request: Assistance }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const updated = await apiSend('post', '/api/assistance/{id}/reminders', {
        path: { id: request.id },
        json: note.trim() ? { note: note.trim() } : {},
      });
      client.setQueryData(key(request.id), updated);
      setNote('');
    });
  };
  return (
    <Group component="form" onSubmit={submit} align="end" aria-label={t('sharing.assistance.remind')}>
      <TextInput
        label={t('sharing.assistance.reminderNote')}
        style={{ flex: 1 }}
        maxLength={2000}
        dir="auto"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button type="submit" variant="light" loading={busy}>
        {t('sharing.assistance.remind')}
      </Button>
      <ErrorAlert error={error} />
    </Group>
  );
}

export function AssistancePage() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [move, setMove] = useState<AssistanceStatus | null>(null);
  const request = useQuery({
    queryKey: key(id),
    queryFn: () => apiGet('/api/assistance/{id}', { path: { id } }),
  });
  const back = (
    <Anchor component={Link} to="/sharing/assistance" size="sm">
      ← {t('sharing.assistance.back')}
    </Anchor>
  );
  if (!request.data) return <Pending query={request} back={back} />;
  const r = request.data;
  const manage = can('assistance:manage');
  const field = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" dir="auto">
        {value}
      </Text>
    </div>
  );
  const history: { at: string; what: string; note?: string | null }[] = [
    { at: r.created_at, what: t('sharing.assistance.history.created', { by: r.created_by }) },
    ...(r.sent_on
      ? [
          {
            at: r.sent_on,
            what: t(
              r.direction === 'incoming'
                ? 'sharing.assistance.history.received'
                : 'sharing.assistance.history.sent',
            ),
          },
        ]
      : []),
    ...r.reminders.map((m) => ({
      at: m.reminded_on,
      what: t('sharing.assistance.history.reminded', { by: m.created_by }),
      note: m.note,
    })),
    ...(r.answered_on ? [{ at: r.answered_on, what: t('sharing.assistance.history.answered') }] : []),
    ...(r.closed_at
      ? [
          {
            at: r.closed_at,
            what: t(`sharing.assistance.history.final`, {
              status: t(`sharing.assistance.statuses.${r.status}`),
            }),
            note: r.status_reason,
          },
        ]
      : []),
  ];
  // Days first (a day and an instant compare by their day), then in the order the workflow goes: the list above is.
  const order = new Map(history.map((h, i) => [h, i]));
  history.sort((a, b) => a.at.slice(0, 10).localeCompare(b.at.slice(0, 10)) || order.get(a)! - order.get(b)!);
  return (
    <Stack>
      {back}
      <Group gap="sm">
        <Title order={2} data-testid="assistance-number">
          {r.number}
        </Title>
        <StatusBadge status={r.status} />
        {r.overdue && (
          <Badge color="red" tt="none">
            {t('sharing.assistance.overdue')}
          </Badge>
        )}
      </Group>
      <Text fw={600} dir="auto" data-testid="assistance-subject">
        {r.subject}
      </Text>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field(t('sharing.assistance.direction'), t(`sharing.assistance.directions.${r.direction}`))}
          {field(t('sharing.assistance.partner'), `${r.partner} — ${r.partner_name}`)}
          {field(t('sharing.assistance.partnerReference'), r.partner_reference ?? '—')}
          {field(t('sharing.assistance.legalBasis'), r.legal_basis)}
          {field(t('sharing.assistance.deadline'), formatDate(lang, r.deadline))}
          {field(
            r.direction === 'incoming' ? t('sharing.assistance.receivedOn') : t('sharing.assistance.sentOn'),
            formatDate(lang, r.sent_on),
          )}
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Text fw={600}>{t('sharing.assistance.questions')}</Text>
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="assistance-questions">
          {r.questions}
        </Text>
        {r.subjects.length > 0 && (
          <Group gap={6} mt="sm">
            {r.subjects.map((s) => (
              <Badge key={`${s.ref_type}:${s.ref}`} variant="outline" tt="none">
                {t(`sharing.assistance.subjectTypes.${s.ref_type}`)}: {s.ref}
              </Badge>
            ))}
          </Group>
        )}
      </Card>
      {r.answer && (
        <Card withBorder>
          <Text fw={600}>
            {t('sharing.assistance.answer')} · {formatDate(lang, r.answered_on)}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="assistance-answer">
            {r.answer}
          </Text>
        </Card>
      )}
      {manage && r.next_statuses.length > 0 && (
        <Card withBorder data-testid="workflow">
          <Text fw={600} mb="xs">
            {t('sharing.assistance.workflow')}
          </Text>
          <Group gap="xs">
            {r.next_statuses.map((s) => (
              <Button
                key={s}
                size="xs"
                variant={move === s ? 'filled' : 'light'}
                color={s === 'refused' || s === 'withdrawn' ? 'red' : 'blue'}
                onClick={() => setMove(s)}
              >
                {t(`sharing.assistance.moves.${s}`)}
              </Button>
            ))}
          </Group>
          {move && r.next_statuses.includes(move) && (
            <div style={{ marginTop: 12 }}>
              <Move key={move} request={r} to={move} onDone={() => setMove(null)} />
            </div>
          )}
        </Card>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('sharing.assistance.historyTitle')}
        </Text>
        <Timeline bulletSize={12} lineWidth={2} data-testid="assistance-history">
          {history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is rebuilt whole from the request
            <Timeline.Item key={i} title={h.what}>
              <Text size="xs" c="dimmed">
                {h.at.length === 10 ? formatDate(lang, h.at) : formatDateTime(lang, h.at)}
              </Text>
              {h.note && (
                <Text size="sm" dir="auto">
                  {h.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
        {manage && r.status === 'sent' && (
          <div style={{ marginTop: 12 }}>
            <Remind request={r} />
          </div>
        )}
      </Card>
    </Stack>
  );
}
