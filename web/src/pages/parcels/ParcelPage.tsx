/**
 * One parcel: all its advance data (sender, recipient, goods, value, weight, HS code, master manifest), its score
 * with each reason explained (Reasons.tsx), its assignment with a reassignment for those with `parcels:write`
 * (another active examiner of the office of arrival, a reason required, audited by the server), its inspection
 * outcome (recorded by its examiner or a supervisor: Inspection.tsx), and its seizure: the one linked, or a link to
 * a recorded seizure for those with `seizures:write`.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { InspectionForm, InspectionHistory, InspectionOutcome } from './Inspection.tsx';
import { Reasons } from './Reasons.tsx';
import { type ParcelDetail, parcelKeys, ScoreBadge } from './shared.tsx';

/** A label and its value, the value as text (empty ones as a dash). */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Text>
    </div>
  );
}

function Reassign({ parcel, onClose }: { parcel: ParcelDetail; onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [examiner, setExaminer] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const examiners = useQuery({
    queryKey: parcelKeys.examiners(parcel.arrival_office),
    queryFn: () => apiGet('/api/parcels/examiners', { query: { office: parcel.arrival_office } }),
  });
  const choices = (examiners.data?.items ?? [])
    .filter((e) => e.active && e.id !== parcel.assignment?.examiner_id)
    .map((e) => ({ value: String(e.id), label: `${e.name} (${e.username})` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!examiner) return;
    void run(async () => {
      const done = await apiSend('put', '/api/parcels/{id}/assignment', {
        path: { id: parcel.id },
        json: { examiner_id: Number(examiner), reason: reason.trim() },
      });
      await client.invalidateQueries({ queryKey: parcelKeys.all });
      notifications.show({
        color: 'green',
        message: t('parcels.parcel.reassigned', { name: done.examiner.name }),
      });
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('parcels.parcel.reassignTitle')}>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('parcels.parcel.reassignTitle')}>
        <ErrorAlert error={examiners.error} />
        <NativeSelect
          label={t('parcels.parcel.examiner')}
          required
          data={[{ value: '', label: '—' }, ...choices]}
          value={examiner ?? ''}
          onChange={(e) => setExaminer(e.currentTarget.value || null)}
        />
        <Textarea
          label={t('parcels.parcel.reason')}
          description={t('parcels.parcel.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          dir="auto"
        />
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('parcels.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!examiner || reason.trim().length < 5}>
            {t('parcels.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Assignment({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useLang();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const a = parcel.assignment;
  return (
    <Card withBorder data-testid="parcel-assignment">
      <Group justify="space-between">
        <Title order={4}>{t('parcels.parcel.assignment')}</Title>
        {can('parcels:write') && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('parcels.parcel.reassign')}
          </Button>
        )}
      </Group>
      {a ? (
        <Stack gap={2} mt="xs">
          <Group gap="xs">
            <Text fw={600} dir="auto" data-testid="parcel-examiner">
              {a.name}
            </Text>
            <Text size="sm" c="dimmed">
              ({a.username})
            </Text>
            <Badge size="sm" variant="light" tt="none" color={a.basis === 'manual' ? 'violet' : 'gray'}>
              {t(`parcels.parcel.basis.${a.basis === 'manual' ? 'manual' : 'auto'}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" dir="auto">
            {a.reason}
          </Text>
        </Stack>
      ) : (
        <Text c="dimmed" mt="xs">
          {t('parcels.parcel.unassigned')}
        </Text>
      )}
      {open && <Reassign parcel={parcel} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function Seizure({ parcel }: { parcel: ParcelDetail }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const [seizure, setSeizure] = useState<string | number>('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('put', '/api/parcels/{id}/seizure', {
        path: { id: parcel.id },
        json: { seizure_id: Number(seizure) },
      });
      await client.invalidateQueries({ queryKey: parcelKeys.all });
    });
  };
  return (
    <Card withBorder data-testid="parcel-seizure">
      <Title order={4}>{t('parcels.parcel.seizure')}</Title>
      {parcel.seizure ? (
        <Text mt="xs" dir="auto">
          {t('parcels.parcel.seizureLinked', {
            reference: parcel.seizure.reference,
            date: formatDate(lang, parcel.seizure.seized_on),
          })}
        </Text>
      ) : (
        <Text c="dimmed" mt="xs">
          {t('parcels.parcel.noSeizure')}
        </Text>
      )}
      {!parcel.seizure && can('seizures:write') && (
        <Group
          component="form"
          onSubmit={submit}
          align="end"
          mt="sm"
          aria-label={t('parcels.parcel.linkSeizure')}
        >
          <NumberInput
            label={t('parcels.parcel.seizureId')}
            description={t('parcels.parcel.seizureIdHint')}
            min={1}
            allowDecimal={false}
            w={220}
            value={seizure}
            onChange={setSeizure}
          />
          <Button type="submit" variant="light" loading={busy} disabled={!Number(seizure)}>
            {t('parcels.parcel.link')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} mt={8} />
    </Card>
  );
}

/**
 * What the inspection found, or that it is still to do, and the earlier outcomes corrections replaced; the form
 * for its examiner or a supervisor: to record, or once recorded to correct with a reason.
 */
function InspectionCard({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useLang();
  const { can, user } = useSession();
  const [open, setOpen] = useState(false);
  const number = `${parcel.carrier} ${parcel.consignment_number}`;
  const mayRecord =
    can('risk:decide') && (can('parcels:write') || parcel.assignment?.username === user?.username);
  return (
    <Card withBorder data-testid="parcel-inspection">
      <Group justify="space-between">
        <Title order={4}>{t('parcels.inspection.title')}</Title>
        {mayRecord &&
          (parcel.inspection ? (
            <Button
              size="xs"
              variant="light"
              aria-label={t('parcels.inspection.correctFor', { number })}
              onClick={() => setOpen(true)}
            >
              {t('parcels.inspection.correct')}
            </Button>
          ) : (
            <Button size="xs" onClick={() => setOpen(true)}>
              {t('parcels.inspection.record')}
            </Button>
          ))}
      </Group>
      <Stack mt="xs">
        {parcel.inspection ? (
          <InspectionOutcome inspection={parcel.inspection} />
        ) : (
          <Text c="dimmed">{t('parcels.inspection.none')}</Text>
        )}
        <InspectionHistory history={parcel.inspection_history} />
      </Stack>
      {open && (
        <InspectionForm parcel={parcel} correcting={parcel.inspection} onClose={() => setOpen(false)} />
      )}
    </Card>
  );
}

export function ParcelPage() {
  const { t, lang } = useLang();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const detail = useQuery({
    queryKey: parcelKeys.one(id),
    queryFn: () => apiGet('/api/parcels/{id}', { path: { id } }),
    enabled: valid,
  });
  const back = (
    <Anchor component={Link} to="/parcels" size="sm">
      ← {t('parcels.parcel.back')}
    </Anchor>
  );
  if (!valid)
    return (
      <Stack>
        {back}
        <Text>{t('parcels.parcel.notFound')}</Text>
      </Stack>
    );
  const p = detail.data;
  if (!p) return <Pending query={detail} back={back} />;
  return (
    <Stack>
      {back}
      <Group justify="space-between" align="center">
        <Stack gap={0}>
          <Title order={2}>
            {t('parcels.parcel.title', { carrier: p.carrier, number: p.consignment_number })}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`parcels.kinds.${p.kind}`)} · {t('parcels.fields.arrival')} {formatDate(lang, p.arrival_date)}{' '}
            · {t('parcels.office')} {p.arrival_office}
          </Text>
        </Stack>
        <Group gap="xs">
          {p.referred && (
            <Badge color="red" variant="outline" tt="none" size="lg">
              {t('parcels.queue.preArrival')}
            </Badge>
          )}
          <ScoreBadge score={p.score} channel={p.channel} size="xl" />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder data-testid="parcel-sender">
          <Title order={4} mb="xs">
            {t('parcels.parcel.sender')}
          </Title>
          <Stack gap={6}>
            <Field label={t('parcels.fields.sender')}>{p.sender_name}</Field>
            <Field label={t('parcels.fields.senderAddress')}>{p.sender_address}</Field>
            <Field label={t('parcels.fields.country')}>{p.sender_country}</Field>
            <Field label={t('parcels.fields.platform')}>{p.sender_platform}</Field>
          </Stack>
        </Card>
        <Card withBorder data-testid="parcel-recipient">
          <Title order={4} mb="xs">
            {t('parcels.parcel.recipient')}
          </Title>
          <Stack gap={6}>
            <Field label={t('parcels.fields.recipient')}>{p.recipient_name}</Field>
            <Field label={t('parcels.fields.recipientAddress')}>{p.recipient_address}</Field>
            <Field label={t('parcels.fields.city')}>{p.recipient_city}</Field>
            <Field label={t('parcels.fields.phone')}>{p.recipient_phone}</Field>
            <Field label={t('parcels.fields.email')}>{p.recipient_email}</Field>
          </Stack>
        </Card>
        <Card withBorder data-testid="parcel-goods">
          <Title order={4} mb="xs">
            {t('parcels.parcel.goods')}
          </Title>
          <Stack gap={6}>
            <Field label={t('parcels.fields.description')}>{p.description}</Field>
            <SimpleGrid cols={2} spacing="xs">
              <Field label={t('parcels.fields.value')}>
                {formatMoney(lang, p.declared_value, p.currency)}
              </Field>
              <Field label={t('parcels.fields.valueEur')}>{formatMoney(lang, p.value_eur, 'EUR')}</Field>
              <Field label={t('parcels.fields.weight')}>
                {p.weight_kg === null ? null : `${formatNumber(lang, p.weight_kg, 3)} kg`}
              </Field>
              <Field label={t('parcels.fields.items')}>{formatNumber(lang, p.item_count)}</Field>
              <Field label={t('parcels.fields.hs')}>{p.hs_code}</Field>
              <Field label={t('parcels.fields.manifest')}>{p.master_manifest}</Field>
            </SimpleGrid>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('parcels.parcel.score')}</Title>
          {p.scored_at && (
            <Text size="xs" c="dimmed">
              {t('parcels.fields.scoredAt')} {formatDateTime(lang, p.scored_at)}
            </Text>
          )}
        </Group>
        <Reasons parcel={p} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Assignment parcel={p} />
        <InspectionCard parcel={p} />
        <Seizure parcel={p} />
      </SimpleGrid>
    </Stack>
  );
}
