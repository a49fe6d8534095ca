/**
 * A parcel's inspection outcome: the form that records it (large controls for a tablet: the result as a segmented
 * control, the fraud type when fraud, the value found, a note; once only, the server refuses a second outcome) and
 * the outcome recorded, in words. The server decides who may record (the parcel's examiner, or a supervisor).
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

/** The form recording a parcel's outcome, in a modal; closes once the server has recorded it. */
export function InspectionForm({
  parcel,
  onClose,
}: {
  parcel: { id: number; carrier: string; consignment_number: string };
  onClose: () => void;
}) {
  const { t } = useLang();
  const client = useQueryClient();
  const labelId = useId();
  const number = `${parcel.carrier} ${parcel.consignment_number}`;
  const [result, setResult] = useState<InspectionResult>('compliant');
  const [fraudType, setFraudType] = useState<FraudType | ''>('');
  const [value, setValue] = useState<string | number>('');
  const [currency, setCurrency] = useState('EUR');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const withValue = result !== 'not_found' && typeof value === 'number';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (result === 'fraud' && !fraudType) found.fraudType = t('parcels.inspection.fraudTypeRequired');
    if (withValue && !/^[A-Za-z]{3}$/.test(currency.trim()))
      found.currency = t('parcels.inspection.currencyInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    void run(async () => {
      await apiSend('post', '/api/parcels/{id}/inspection', {
        path: { id: parcel.id },
        json: {
          result,
          ...(result === 'fraud' && fraudType ? { fraud_type: fraudType } : {}),
          ...(withValue ? { found_value: value, found_currency: currency.trim().toUpperCase() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: parcelKeys.all });
      notifications.show({ color: 'green', message: t('parcels.inspection.saved', { number }) });
      onClose();
    });
  };
  const title = t('parcels.inspection.formTitle', { number });
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
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button size="lg" variant="subtle" onClick={onClose}>
            {t('parcels.cancel')}
          </Button>
          <Button size="lg" type="submit" loading={busy}>
            {t('parcels.inspection.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
