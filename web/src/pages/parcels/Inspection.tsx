/**
 * A parcel's inspection outcome: the form that records it (large controls for a tablet: the result as a segmented
 * control, the fraud type when fraud, the value found, a note; once only, the server refuses a second outcome) or
 * corrects it (the same form filled with the outcome in force, and a reason, required), the outcome recorded in
 * words, and the earlier outcomes corrections replaced. The server decides who may record or correct (the
 * parcel's examiner, or a supervisor).
 */
import {
  Badge,
  Button,
  Group,
  Input,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatMoney, useLang } from '../../i18n/index.ts';
import {
  type FraudType,
  INSPECTION_RESULTS,
  type InspectionResult,
  type ParcelInspection,
  parcelKeys,
  type ReplacedInspection,
} from './shared.tsx';

export const FRAUD_TYPES = [
  'counterfeit',
  'health_risk',
  'undervaluation',
  'prohibited',
  'other',
] as const satisfies readonly FraudType[];

export const RESULT_COLOURS: Record<InspectionResult, string> = {
  compliant: 'green',
  fraud: 'red',
  not_found: 'gray',
};

/** The result recorded, as a badge with its colour and its name (never the colour alone). */
export function ResultBadge({
  result,
  size = 'lg',
}: {
  result: InspectionResult;
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useLang();
  return (
    <Badge
      color={RESULT_COLOURS[result]}
      variant="filled"
      tt="none"
      size={size}
      data-testid="inspection-result"
    >
      {t('parcels.inspection.shown', { result: t(`parcels.inspection.results.${result}`) })}
    </Badge>
  );
}

/** What was found, in words: result, fraud type, value, examiner, when, who recorded it, the note. */
export function InspectionOutcome({ inspection }: { inspection: ParcelInspection }) {
  const { t, lang } = useLang();
  const parts = [
    inspection.fraud_type ? t(`parcels.inspection.fraudTypes.${inspection.fraud_type}`) : null,
    inspection.found_value !== null
      ? formatMoney(lang, inspection.found_value, inspection.found_currency)
      : null,
    formatDateTime(lang, inspection.inspected_at),
    t('parcels.inspection.by', { examiner: inspection.examiner }),
    inspection.recorded_by !== inspection.examiner
      ? t('parcels.inspection.recordedBy', { name: inspection.recorded_by })
      : null,
  ].filter(Boolean);
  return (
    <Stack gap={4} data-testid="inspection-outcome">
      <Group gap="xs">
        <ResultBadge result={inspection.result} />
      </Group>
      <Text size="sm" dir="auto">
        {parts.join(' · ')}
      </Text>
      {inspection.note && (
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {inspection.note}
        </Text>
      )}
    </Stack>
  );
}

/** The outcomes corrections replaced, oldest first: each in words, with when, by whom and why it was corrected. */
export function InspectionHistory({ history }: { history: ReplacedInspection[] }) {
  const { t, lang } = useLang();
  if (!history.length) return null;
  return (
    <Stack gap="xs" data-testid="inspection-history">
      <Text size="sm" fw={600}>
        {t('parcels.inspection.history')}
      </Text>
      {history.map((h) => (
        <Stack
          key={h.corrected_at + h.recorded_at}
          gap={2}
          pl="sm"
          style={{ borderInlineStart: '2px solid var(--mantine-color-gray-4)' }}
        >
          <Text size="sm" dir="auto">
            {[
              t(`parcels.inspection.results.${h.result}`),
              h.fraud_type ? t(`parcels.inspection.fraudTypes.${h.fraud_type}`) : null,
              h.found_value !== null ? formatMoney(lang, h.found_value, h.found_currency) : null,
              formatDateTime(lang, h.inspected_at),
              t('parcels.inspection.by', { examiner: h.examiner }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="xs" c="dimmed" dir="auto">
            {t('parcels.inspection.replaced', {
              date: formatDateTime(lang, h.corrected_at),
              name: h.corrected_by,
              reason: h.reason,
            })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * The form recording a parcel's outcome, in a modal; closes once the server has recorded it. Given the outcome in
 * force (`correcting`), it starts from it, asks for the reason and sends a correction instead.
 */
export function InspectionForm({
  parcel,
  correcting,
  onClose,
}: {
  parcel: { id: number; carrier: string; consignment_number: string };
  correcting?: ParcelInspection | null;
  onClose: () => void;
}) {
  const { t } = useLang();
  const client = useQueryClient();
  const labelId = useId();
  const number = `${parcel.carrier} ${parcel.consignment_number}`;
  const [result, setResult] = useState<InspectionResult>(correcting?.result ?? 'compliant');
  const [fraudType, setFraudType] = useState<FraudType | ''>(correcting?.fraud_type ?? '');
  const [value, setValue] = useState<string | number>(correcting?.found_value ?? '');
  const [currency, setCurrency] = useState(correcting?.found_currency ?? 'EUR');
  const [note, setNote] = useState(correcting?.note ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const withValue = result !== 'not_found' && typeof value === 'number';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (result === 'fraud' && !fraudType) found.fraudType = t('parcels.inspection.fraudTypeRequired');
    if (withValue && !/^[A-Za-z]{3}$/.test(currency.trim()))
      found.currency = t('parcels.inspection.currencyInvalid');
    if (correcting && reason.trim().length < 5) found.reason = t('parcels.inspection.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    const outcome = {
      result,
      ...(result === 'fraud' && fraudType ? { fraud_type: fraudType } : {}),
      ...(withValue ? { found_value: value, found_currency: currency.trim().toUpperCase() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void run(async () => {
      if (correcting)
        await apiSend('post', '/api/parcels/{id}/inspection/corrections', {
          path: { id: parcel.id },
          json: { ...outcome, reason: reason.trim() },
        });
      else await apiSend('post', '/api/parcels/{id}/inspection', { path: { id: parcel.id }, json: outcome });
      await client.invalidateQueries({ queryKey: parcelKeys.all });
      notifications.show({
        color: 'green',
        message: t(correcting ? 'parcels.inspection.corrected' : 'parcels.inspection.saved', { number }),
      });
      onClose();
    });
  };
  const title = t(correcting ? 'parcels.inspection.correctTitle' : 'parcels.inspection.formTitle', {
    number,
  });
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack component="form" onSubmit={submit} gap="md" aria-label={title}>
        <div>
          <Input.Label size="lg" mb={6} display="block" id={labelId}>
            {t('parcels.inspection.result')}
          </Input.Label>
          <SegmentedControl
            aria-labelledby={labelId}
            size="lg"
            fullWidth
            color={RESULT_COLOURS[result]}
            value={result}
            onChange={(v) => {
              setResult(v as InspectionResult);
              if (v !== 'fraud') setFraudType('');
            }}
            data={(INSPECTION_RESULTS as readonly InspectionResult[]).map((r) => ({
              value: r,
              label: t(`parcels.inspection.results.${r}`),
            }))}
          />
          {result === 'not_found' && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('parcels.inspection.notFoundHint')}
            </Text>
          )}
        </div>
        {result === 'fraud' && (
          <NativeSelect
            size="lg"
            label={t('parcels.inspection.fraudType')}
            withAsterisk
            value={fraudType}
            error={errors.fraudType}
            onChange={(e) => {
              setFraudType(e.currentTarget.value as FraudType | '');
              setErrors(({ fraudType: _gone, ...rest }) => rest);
            }}
            data={[
              { value: '', label: '—' },
              ...FRAUD_TYPES.map((f) => ({ value: f, label: t(`parcels.inspection.fraudTypes.${f}`) })),
            ]}
          />
        )}
        {result !== 'not_found' && (
          <Group grow align="start">
            <NumberInput
              size="lg"
              label={t('parcels.inspection.value')}
              description={t('parcels.inspection.valueHint')}
              min={0}
              decimalScale={2}
              inputMode="decimal"
              value={value}
              onChange={setValue}
            />
            <TextInput
              size="lg"
              label={t('parcels.inspection.currency')}
              maxLength={3}
              value={currency}
              error={errors.currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
            />
          </Group>
        )}
        <Textarea
          size="lg"
          label={t('parcels.inspection.note')}
          autosize
          minRows={2}
          maxLength={4000}
          dir="auto"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {correcting && (
          <Textarea
            size="lg"
            label={t('parcels.inspection.reason')}
            description={t('parcels.inspection.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={1000}
            dir="auto"
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors(({ reason: _gone, ...rest }) => rest);
            }}
          />
        )}
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button size="lg" variant="subtle" onClick={onClose}>
            {t('parcels.cancel')}
          </Button>
          <Button size="lg" type="submit" loading={busy}>
            {t(correcting ? 'parcels.inspection.submitCorrection' : 'parcels.inspection.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
