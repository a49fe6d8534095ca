/**
 * Record the outcome of a control, at a desk or on a tablet at the quay: large controls, one column on narrow
 * screens, photos taken with the camera and uploaded after the outcome exists (with its id), file by file, with
 * progress and the failures kept for another try. An item already controlled shows its outcome in words and offers
 * a correction (starting from what was recorded, with a mandatory reason) instead of a fresh form.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  CloseButton,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api, apiSend, route } from '../../../api.ts';
import { ErrorAlert, useErrorMessage } from '../../../components/ErrorAlert.tsx';
import { formatDate, formatMoney, formatNumber, locale, useLang } from '../../../i18n/index.ts';
import {
  type Attachment,
  type DecisionOutcome,
  FRAUD_TYPES,
  type FraudType,
  isDeclarationQuery,
  RESULTS,
  type Result,
  useNarrow,
} from './types.ts';

export interface OutcomeItem {
  id: number;
  line_no: number;
  label: string;
}

/** The outcome in force on each item (the latest: a correction replaces what it corrects), by item id. */
export function outcomesInForce(
  items: readonly { item_id: number; outcomes: readonly DecisionOutcome[] }[] | undefined,
): Record<number, DecisionOutcome> {
  const out: Record<number, DecisionOutcome> = {};
  for (const item of items ?? []) {
    const current = item.outcomes.filter((o) => o.corrected_by === null).at(-1) ?? item.outcomes.at(-1);
    if (current) out[item.item_id] = current;
  }
  return out;
}

/** What was found, in words: result, fraud type, amount recovered, date, officer, note, why it was corrected. */
function RecordedOutcome({ outcome, currency }: { outcome: DecisionOutcome; currency: string | null }) {
  const { t, lang } = useLang();
  const parts = [
    outcome.fraud_type
      ? t(`declarationRisk.outcome.fraudTypes.${outcome.fraud_type}`, { defaultValue: outcome.fraud_type })
      : null,
    outcome.recovered_amount !== null
      ? t('declarationRisk.outcome.recoveredShown', {
          amount: formatMoney(lang, outcome.recovered_amount, currency),
        })
      : null,
    outcome.inspected_on ? formatDate(lang, outcome.inspected_on) : null,
    outcome.officer,
  ].filter(Boolean);
  return (
    <Alert color={RESULT_COLOURS[outcome.result as Result] ?? 'gray'} data-testid="outcome-recorded">
      <Group gap="xs" mb={4}>
        <Text fw={600}>{t('declarationRisk.outcome.recorded')}</Text>
        <Badge color={RESULT_COLOURS[outcome.result as Result] ?? 'gray'} variant="filled">
          {t(`results.${outcome.result}`)}
        </Badge>
      </Group>
      {parts.length > 0 && <Text size="sm">{parts.join(' · ')}</Text>}
      {outcome.note && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {outcome.note}
        </Text>
      )}
      {outcome.correction && (
        <Text size="sm" mt={4} c="dimmed">
          {t('declarationRisk.outcome.correctedBecause', { reason: outcome.correction.reason })}
        </Text>
      )}
    </Alert>
  );
}

interface PendingFile {
  key: string;
  file: File;
  status: 'waiting' | 'uploading' | 'done' | 'error';
  error?: unknown;
}

/** Today in the device's own time zone (an officer's day, not UTC's). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A size in the user's language (octets, kilo-octets… in French). */
export function formatBytes(lang: string, bytes: number): string {
  const [value, unit, digits] =
    bytes < 1024
      ? [bytes, 'byte', 0]
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte', 0]
        : [bytes / 1024 / 1024, 'megabyte', 1];
  try {
    return new Intl.NumberFormat(locale(lang), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${formatNumber(lang, value, digits)} ${unit}`;
  }
}

const RESULT_COLOURS: Record<Result, string> = { compliant: 'green', fraud: 'orange', critical: 'red' };

function Preview({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function' || !file.type.startsWith('image/')) return;
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return url && !broken ? (
    <img
      src={url}
      alt=""
      width={44}
      height={44}
      onError={() => setBroken(true)}
      style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }}
    />
  ) : (
    <div
      style={{
        width: 44,
        height: 44,
        borderRadius: 4,
        background: 'var(--mantine-color-gray-2)',
        flex: 'none',
      }}
    />
  );
}

export function OutcomeForm({
  reference,
  items,
  preferredItem,
  currency,
  canAttach,
  recorded = {},
}: {
  reference: string;
  items: OutcomeItem[];
  preferredItem: number | null;
  currency: string | null;
  canAttach: boolean;
  /** The outcome in force per item id, for the items already controlled. */
  recorded?: Record<number, DecisionOutcome>;
}) {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const message = useErrorMessage();
  const narrow = useNarrow();
  const fileInputId = useId();

  const [itemId, setItemId] = useState<string>('');
  const [result, setResult] = useState<Result>('compliant');
  const [fraudType, setFraudType] = useState<FraudType | ''>('');
  const [recovered, setRecovered] = useState<number | string>('');
  const [inspectedOn, setInspectedOn] = useState(today());
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** The outcome just recorded, kept while some of its photos still have to be sent. */
  const [saved, setSaved] = useState<{ id: number; uploaded: number } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  /** Correcting the outcome in force of the selected item, with why. */
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');

  const selectedItem = itemId || String(preferredItem ?? items[0]?.id ?? '');
  const inForce = selectedItem ? recorded[Number(selectedItem)] : undefined;

  const startCorrection = (o: DecisionOutcome) => {
    setCorrecting(true);
    setResult(o.result as Result);
    setFraudType((o.fraud_type as FraudType | null) ?? '');
    setRecovered(o.recovered_amount ?? '');
    setInspectedOn(o.inspected_on ?? today());
    setNote(o.note ?? '');
    setReason('');
    setFieldErrors({});
    setSuccess(null);
  };

  const uploadAll = async (outcomeId: number, queue: PendingFile[]): Promise<PendingFile[]> => {
    const out = [...queue];
    for (let i = 0; i < out.length; i++) {
      const entry = out[i];
      if (!entry || entry.status === 'done') continue;
      out[i] = { ...entry, status: 'uploading' };
      setFiles([...out]);
      const body = new FormData();
      // The server reads the fields before the file: order matters.
      body.append('reference', reference);
      body.append('kind', 'photo');
      body.append('outcome_id', String(outcomeId));
      body.append('file', entry.file, entry.file.name);
      try {
        await api<Attachment>(route('/api/risk/attachments'), { method: 'POST', body });
        out[i] = { ...entry, status: 'done' };
      } catch (e) {
        out[i] = { ...entry, status: 'error', error: e };
      }
      setFiles([...out]);
    }
    return out;
  };

  const finish = async (outcomeId: number, after: PendingFile[]) => {
    await client.invalidateQueries({ predicate: (q) => isDeclarationQuery(q.queryKey, reference) });
    const failed = after.filter((f) => f.status === 'error');
    const uploaded = after.filter((f) => f.status === 'done').length;
    if (failed.length > 0) {
      setSaved({ id: outcomeId, uploaded });
      setFiles(failed);
      notifications.show({
        color: 'orange',
        message: t('declarationRisk.outcome.someFailed', { count: failed.length }),
      });
    } else {
      setSaved(null);
      setFiles([]);
      const text = uploaded
        ? t('declarationRisk.outcome.savedWithPhotos', { count: uploaded })
        : t('declarationRisk.outcome.saved');
      setSuccess(text);
      notifications.show({ color: 'green', message: text });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    const errors: Record<string, string> = {};
    if (!selectedItem) errors.item = t('declarationRisk.outcome.itemRequired');
    if (result !== 'compliant' && !fraudType)
      errors.fraudType = t('declarationRisk.outcome.fraudTypeRequired');
    if (recovered !== '' && (typeof recovered !== 'number' || recovered < 0))
      errors.recovered = t('declarationRisk.outcome.amountInvalid');
    if (!inspectedOn) errors.inspectedOn = t('declarationRisk.outcome.dateRequired');
    const correction = Boolean(inForce && correcting);
    if (correction && reason.trim().length < 5) errors.reason = t('declarationRisk.outcome.reasonRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setSaved(null);
    try {
      const outcome = await apiSend('post', '/api/risk/outcomes', {
        json: {
          item_id: Number(selectedItem),
          result,
          fraud_type: result === 'compliant' ? null : fraudType || null,
          recovered_amount: typeof recovered === 'number' ? recovered : null,
          inspected_on: inspectedOn,
          note: note.trim() || null,
          ...(correction ? { correction: { reason: reason.trim() } } : {}),
        },
      });
      // The outcome exists: clear what described it, so that it is not recorded twice.
      setResult('compliant');
      setFraudType('');
      setRecovered('');
      setNote('');
      setReason('');
      setCorrecting(false);
      const after = canAttach && files.length > 0 ? await uploadAll(outcome.id, files) : [];
      await finish(outcome.id, after);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const retryUploads = async () => {
    if (!saved) return;
    setBusy(true);
    try {
      const after = await uploadAll(saved.id, files);
      await finish(saved.id, after);
    } finally {
      setBusy(false);
    }
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const added = Array.from(list).map((file, i) => ({
      key: `${file.name}-${file.size}-${file.lastModified}-${Date.now()}-${i}`,
      file,
      status: 'waiting' as const,
    }));
    setFiles((previous) => [...previous, ...added]);
  };

  const sending = files.filter((f) => f.status !== 'waiting').length;
  const done = files.filter((f) => f.status === 'done').length;
  const uploading = busy && files.some((f) => f.status === 'uploading');

  return (
    <Card withBorder data-testid="outcome-form">
      <Text fw={600} mb="sm">
        {t('declarationRisk.outcome.title')}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              size="lg"
              label={t('declarationRisk.outcome.item')}
              value={selectedItem}
              onChange={(e) => {
                setItemId(e.currentTarget.value);
                setCorrecting(false);
              }}
              error={fieldErrors.item}
              data={items.map((i) => ({
                value: String(i.id),
                label: `${t('declarationRisk.why.line', { line: i.line_no })}${i.label ? ` — ${i.label}` : ''}`,
              }))}
            />
            <TextInput
              size="lg"
              type="date"
              label={t('declarationRisk.outcome.inspectedOn')}
              value={inspectedOn}
              max={today()}
              onChange={(e) => setInspectedOn(e.currentTarget.value)}
              error={fieldErrors.inspectedOn}
            />
          </SimpleGrid>
          {inForce && <RecordedOutcome outcome={inForce} currency={currency} />}
          {inForce && !correcting ? (
            <Group justify="flex-end">
              <Button size="lg" variant="light" fullWidth={narrow} onClick={() => startCorrection(inForce)}>
                {t('declarationRisk.outcome.correct')}
              </Button>
            </Group>
          ) : (
            <>
              <div>
                <Input.Label size="lg" mb={6} display="block" id="outcome-result-label">
                  {t('declarationRisk.outcome.result')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="outcome-result-label"
                  size="lg"
                  fullWidth
                  orientation={narrow ? 'vertical' : 'horizontal'}
                  color={RESULT_COLOURS[result]}
                  value={result}
                  onChange={(v) => {
                    setResult(v as Result);
                    if (v === 'compliant') setFraudType('');
                  }}
                  data={RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))}
                />
              </div>
              {result !== 'compliant' && (
                <div>
                  <Input.Label size="lg" mb={6} display="block" id="outcome-fraud-label" required>
                    {t('declarationRisk.outcome.fraudType')}
                  </Input.Label>
                  <Chip.Group
                    multiple={false}
                    value={fraudType}
                    onChange={(v) => {
                      setFraudType(v as FraudType);
                      // The type is chosen: the message asking for it goes at once.
                      setFieldErrors(({ fraudType: _gone, ...rest }) => rest);
                    }}
                  >
                    <Group gap="xs" role="radiogroup" aria-labelledby="outcome-fraud-label">
                      {FRAUD_TYPES.map((f) => (
                        <Chip key={f} value={f} size="lg" color={RESULT_COLOURS[result]} variant="outline">
                          {t(`declarationRisk.outcome.fraudTypes.${f}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {fieldErrors.fraudType && (
                    <Input.Error size="lg" mt={4} role="alert">
                      {fieldErrors.fraudType}
                    </Input.Error>
                  )}
                </div>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NumberInput
                  size="lg"
                  label={t('declarationRisk.outcome.recovered')}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=" "
                  inputMode="decimal"
                  rightSection={currency ? <Text size="sm">{currency}</Text> : undefined}
                  rightSectionWidth={currency ? 56 : undefined}
                  value={recovered}
                  onChange={setRecovered}
                  error={fieldErrors.recovered}
                />
                <Textarea
                  size="lg"
                  label={t('declarationRisk.outcome.note')}
                  rows={2}
                  maxLength={4000}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
              </SimpleGrid>
              {canAttach && (
                <div>
                  <Input.Label size="lg" mb={6} display="block" htmlFor={fileInputId}>
                    {t('declarationRisk.outcome.photos')}
                  </Input.Label>
                  <input
                    id={fileInputId}
                    type="file"
                    accept="image/*"
                    capture="environment"
                    multiple
                    data-testid="outcome-photos"
                    style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
                    onChange={(e) => {
                      addFiles(e.currentTarget.files);
                      e.currentTarget.value = '';
                    }}
                  />
                  <Button
                    component="label"
                    htmlFor={fileInputId}
                    size="lg"
                    fz={narrow ? 'md' : undefined}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                    variant="light"
                    fullWidth={narrow}
                    disabled={busy}
                  >
                    {t('declarationRisk.outcome.addPhotos')}
                  </Button>
                  {files.length > 0 && (
                    <Stack gap={6} mt="sm" data-testid="outcome-files">
                      {sending > 0 && (
                        <Progress
                          value={(done / files.length) * 100}
                          animated={uploading}
                          aria-label={t('declarationRisk.outcome.uploading', { done, total: files.length })}
                        />
                      )}
                      {sending > 0 && (
                        <Text size="sm" c="dimmed">
                          {t('declarationRisk.outcome.uploading', { done, total: files.length })}
                        </Text>
                      )}
                      {files.map((f) => (
                        <Group key={f.key} gap="sm" wrap="nowrap" data-status={f.status}>
                          <Preview file={f.file} />
                          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                            <Text size="sm" truncate>
                              {f.file.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {formatBytes(lang, f.file.size)}
                            </Text>
                            {f.status === 'error' && (
                              <Text size="xs" c="red" role="alert">
                                {message(f.error)}
                              </Text>
                            )}
                          </Stack>
                          <Badge
                            variant="light"
                            color={
                              f.status === 'done'
                                ? 'green'
                                : f.status === 'error'
                                  ? 'red'
                                  : f.status === 'uploading'
                                    ? 'blue'
                                    : 'gray'
                            }
                          >
                            {t(`declarationRisk.outcome.fileStatus.${f.status}`)}
                          </Badge>
                          {(f.status === 'waiting' || f.status === 'error') && !busy && (
                            <CloseButton
                              size="lg"
                              aria-label={t('declarationRisk.outcome.removeFile', { name: f.file.name })}
                              onClick={() => setFiles((previous) => previous.filter((x) => x.key !== f.key))}
                            />
                          )}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </div>
              )}
              {inForce && correcting && (
                <Textarea
                  size="lg"
                  label={t('declarationRisk.outcome.correctionReason')}
                  required
                  rows={2}
                  maxLength={2000}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.currentTarget.value);
                    if (e.currentTarget.value.trim().length >= 5)
                      setFieldErrors(({ reason: _gone, ...rest }) => rest);
                  }}
                  error={fieldErrors.reason}
                />
              )}
            </>
          )}
          {error ? <ErrorAlert error={error} /> : null}
          {success && (
            <Alert color="green" role="status" withCloseButton onClose={() => setSuccess(null)}>
              {success}
            </Alert>
          )}
          {saved && files.length > 0 && (
            <Alert color="orange" data-testid="outcome-partial">
              <Text size="sm" mb="xs">
                {t('declarationRisk.outcome.partial', { id: saved.id, count: files.length })}
              </Text>
              <Group>
                <Button size="md" color="orange" onClick={() => void retryUploads()} loading={busy}>
                  {t('declarationRisk.outcome.retryUploads')}
                </Button>
                <Button
                  size="md"
                  variant="default"
                  disabled={busy}
                  onClick={() => {
                    setSaved(null);
                    setFiles([]);
                  }}
                >
                  {t('declarationRisk.outcome.dropFailed')}
                </Button>
              </Group>
            </Alert>
          )}
          {(!inForce || correcting) && (
            <Group justify="flex-end">
              {correcting && (
                <Button size="xl" variant="default" fullWidth={narrow} onClick={() => setCorrecting(false)}>
                  {t('declarationRisk.outcome.cancelCorrection')}
                </Button>
              )}
              <Button
                type="submit"
                size="xl"
                fullWidth={narrow}
                loading={busy}
                disabled={Boolean(saved && files.length > 0)}
              >
                {correcting
                  ? t('declarationRisk.outcome.submitCorrection')
                  : t('declarationRisk.outcome.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
