/**
 * A case's online enforcement records (Cyberdouanes' work): test purchases (platform, seller, order, payment,
 * tracking, delivery, what arrived, the evidence files that show it) and takedown requests (URLs, legal basis,
 * rights holder, the platform's answer, the date taken down). Forms need `cases:manage` on a case not final; the
 * API's refusals go under the field they concern, or stay with the form that was sent.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, apiSend } from '../../api.ts';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { useEditable } from './CaseWork.tsx';
import { type Case, type CaseEvidence, fieldErrorsOf, type Takedown, type TestPurchase } from './shared.tsx';

export const PURCHASE_RESULTS = [
  'pending',
  'counterfeit',
  'genuine',
  'not_delivered',
  'other',
] as const satisfies readonly TestPurchase['result'][];
export const TAKEDOWN_STATUSES = [
  'pending',
  'accepted',
  'refused',
  'partial',
] as const satisfies readonly Takedown['status'][];

const RESULT_COLOURS: Record<TestPurchase['result'], string> = {
  pending: 'gray',
  counterfeit: 'red',
  genuine: 'teal',
  not_delivered: 'orange',
  other: 'gray',
};
const TAKEDOWN_COLOURS: Record<Takedown['status'], string> = {
  pending: 'gray',
  accepted: 'teal',
  refused: 'red',
  partial: 'orange',
};

/** The refusals that concern one field though the API names none (a 409/422 with a code). */
const CODE_FIELDS: Record<string, string> = {
  'case.dates_out_of_order': 'received_on',
  'case.evidence_unknown': 'evidence_ids',
  'case.takedown_not_accepted': 'taken_down_on',
};

/** Per-field errors: the 400's field paths, and the refusals that concern one field. */
function useFieldErrors(error: unknown): Record<string, string> {
  const message = useErrorMessage();
  const fields = fieldErrorsOf(error);
  if (error instanceof ApiError && CODE_FIELDS[error.code]) fields[CODE_FIELDS[error.code]!] = message(error);
  return fields;
}

/** A link the user may follow only when it is a web address; otherwise the text as it is. */
function WebLink({ url }: { url: string }) {
  return /^https?:\/\//i.test(url) ? (
    <Anchor
      href={url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      size="sm"
      style={{ wordBreak: 'break-all' }}
    >
      {url}
    </Anchor>
  ) : (
    <Text size="sm" component="span" style={{ wordBreak: 'break-all' }}>
      {url}
    </Text>
  );
}

const trimmed = (v: string) => v.trim() || null;
const asInput = (v: number | null): number | string => (v === null ? '' : v);
const asAmount = (v: number | string): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

interface PurchaseDraft {
  platform: string;
  ordered_on: string;
  seller_ref: string;
  post_url: string;
  account_used: string;
  amount_paid: number | string;
  currency: string;
  payment_method: string;
  tracking_number: string;
  received_on: string;
  result: TestPurchase['result'];
  result_note: string;
  evidence_ids: string[];
}

function draftOf(p: TestPurchase | null): PurchaseDraft {
  return {
    platform: p?.platform ?? '',
    ordered_on: p?.ordered_on ?? '',
    seller_ref: p?.seller_ref ?? '',
    post_url: p?.post_url ?? '',
    account_used: p?.account_used ?? '',
    amount_paid: asInput(p?.amount_paid ?? null),
    currency: p?.currency ?? 'MAD',
    payment_method: p?.payment_method ?? '',
    tracking_number: p?.tracking_number ?? '',
    received_on: p?.received_on ?? '',
    result: p?.result ?? 'pending',
    result_note: p?.result_note ?? '',
    evidence_ids: (p?.evidence_ids ?? []).map(String),
  };
}

/** The changes a purchase accepts (empty text: null when following up, left out when adding). */
function changesOf(d: PurchaseDraft, adding: boolean) {
  const optional = {
    seller_ref: trimmed(d.seller_ref),
    post_url: trimmed(d.post_url),
    account_used: trimmed(d.account_used),
    amount_paid: asAmount(d.amount_paid),
    payment_method: trimmed(d.payment_method),
    tracking_number: trimmed(d.tracking_number),
    received_on: d.received_on || null,
    result_note: trimmed(d.result_note),
  };
  const kept = adding ? Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)) : optional;
  return {
    ...kept,
    currency: d.currency.trim().toUpperCase(),
    result: d.result,
    evidence_ids: d.evidence_ids.map(Number),
  };
}

function PurchaseForm({
  kase,
  evidence,
  purchase,
  onDone,
}: {
  kase: Case;
  evidence: CaseEvidence[];
  purchase: TestPurchase | null;
  onDone?: () => void;
}) {
  const { t } = useLang();
  const client = useQueryClient();
  const [d, setD] = useState<PurchaseDraft>(() => draftOf(purchase));
  const set = <K extends keyof PurchaseDraft>(key: K, value: PurchaseDraft[K]) =>
    setD((old) => ({ ...old, [key]: value }));
  const { busy, error, run } = useAction();
  const errors = useFieldErrors(error);
  const adding = purchase === null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (adding)
        await apiSend('post', '/api/cases/{id}/test-purchases', {
          path: { id: kase.id },
          json: { platform: d.platform.trim(), ordered_on: d.ordered_on, ...changesOf(d, true) },
        });
      else
        await apiSend('patch', '/api/cases/{id}/test-purchases/{sub}', {
          path: { id: kase.id, sub: purchase.id },
          json: changesOf(d, false),
        });
      if (adding) setD(draftOf(null));
      await client.invalidateQueries({ queryKey: ['cases'] });
      onDone?.();
    });
  };
  const text = (key: keyof PurchaseDraft, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={d[key] as string}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      error={errors[key]}
      {...extra}
    />
  );
  const label = t(adding ? 'cases.purchases.add' : 'cases.purchases.update');
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {adding &&
            text('platform', t('cases.purchases.platform'), { required: true, maxLength: 100, dir: 'auto' })}
          {adding && text('ordered_on', t('cases.purchases.orderedOn'), { required: true, type: 'date' })}
          {text('seller_ref', t('cases.purchases.seller'), { maxLength: 200, dir: 'auto' })}
          {text('post_url', t('cases.purchases.postUrl'), { maxLength: 2000, type: 'url', dir: 'ltr' })}
          {text('account_used', t('cases.purchases.account'), { maxLength: 200 })}
          <Group gap="xs" wrap="nowrap" align="start">
            <NumberInput
              label={t('cases.purchases.amount')}
              min={0}
              inputMode="decimal"
              style={{ flex: 1 }}
              value={d.amount_paid}
              onChange={(v) => set('amount_paid', v)}
              error={errors.amount_paid}
            />
            {text('currency', t('cases.purchases.currency'), { w: 90, maxLength: 3 })}
          </Group>
          {text('payment_method', t('cases.purchases.payment'), { maxLength: 100 })}
          {text('tracking_number', t('cases.purchases.tracking'), { maxLength: 100 })}
          {text('received_on', t('cases.purchases.receivedOn'), { type: 'date' })}
          <NativeSelect
            label={t('cases.purchases.result')}
            value={d.result}
            onChange={(e) => set('result', e.currentTarget.value as TestPurchase['result'])}
            data={PURCHASE_RESULTS.map((r) => ({ value: r, label: t(`cases.purchases.results.${r}`) }))}
            error={errors.result}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.purchases.resultNote')}
          autosize
          minRows={1}
          maxLength={5000}
          value={d.result_note}
          onChange={(e) => set('result_note', e.currentTarget.value)}
          error={errors.result_note}
          dir="auto"
        />
        {evidence.length > 0 ? (
          <Checkbox.Group
            label={t('cases.purchases.evidence')}
            value={d.evidence_ids}
            onChange={(v) => set('evidence_ids', v)}
            error={errors.evidence_ids}
          >
            <Group gap="md" mt={4}>
              {evidence.map((e) => (
                <Checkbox key={e.id} value={String(e.id)} label={e.file_name} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('cases.purchases.noEvidence')}
          </Text>
        )}
        {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          {onDone && (
            <Button variant="subtle" onClick={onDone} disabled={busy}>
              {t('cases.common.cancel')}
            </Button>
          )}
          <Button
            type="submit"
            size="sm"
            loading={busy}
            disabled={adding && (!d.platform.trim() || !d.ordered_on)}
          >
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A record of a case's online enforcement (a test purchase, a takedown request): the platform and the seller, its
 * state, what it says, and for an editor the step it awaits, taken in a dialog.
 */
function RecordRow({
  testId,
  platform,
  sellerRef,
  status,
  editable,
  action,
  size,
  form,
  children,
}: {
  testId: string;
  platform: string;
  sellerRef: string | null;
  status: ReactNode;
  editable: boolean;
  /** The step's button, and the dialog's title with the platform. */
  action: string;
  size?: string;
  /** The dialog's form, given what closes the dialog. */
  form: (done: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text size="sm" fw={600} dir="auto">
              {platform}
            </Text>
            {sellerRef && (
              <Text size="sm" dir="auto">
                · {sellerRef}
              </Text>
            )}
            {status}
          </Group>
          {children}
        </Stack>
        {editable && (
          <Button size="compact-sm" variant="light" onClick={() => setOpen(true)}>
            {action}
          </Button>
        )}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${action} · ${platform}`} size={size}>
        {open && form(() => setOpen(false))}
      </Modal>
    </Paper>
  );
}

function PurchaseRow({
  kase,
  purchase: p,
  evidence,
  editable,
}: {
  kase: Case;
  purchase: TestPurchase;
  evidence: CaseEvidence[];
  editable: boolean;
}) {
  const { t, lang } = useLang();
  const files = p.evidence_ids.map((id) => evidence.find((e) => e.id === id)?.file_name ?? `#${id}`);
  return (
    <RecordRow
      testId="purchase-row"
      platform={p.platform}
      sellerRef={p.seller_ref}
      status={
        <Badge color={RESULT_COLOURS[p.result]} variant="light" style={{ textTransform: 'none' }}>
          {t(`cases.purchases.results.${p.result}`)}
        </Badge>
      }
      editable={editable}
      action={t('cases.purchases.update')}
      size="lg"
      form={(done) => <PurchaseForm kase={kase} evidence={evidence} purchase={p} onDone={done} />}
    >
      {p.post_url && <WebLink url={p.post_url} />}
      <Text size="xs" c="dimmed">
        {[
          t('cases.purchases.orderedOnDate', { date: formatDate(lang, p.ordered_on) }),
          p.amount_paid !== null ? formatMoney(lang, p.amount_paid, p.currency) : null,
          p.tracking_number ? `${t('cases.purchases.tracking')} ${p.tracking_number}` : null,
          p.received_on
            ? t('cases.purchases.receivedOnDate', { date: formatDate(lang, p.received_on) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {p.result_note && (
        <Text size="xs" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {p.result_note}
        </Text>
      )}
      {files.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('cases.purchases.evidence')}: {files.join(', ')}
        </Text>
      )}
    </RecordRow>
  );
}

/**
 * A card of a case's records (test purchases, takedown requests): the title with the count, "add" for those who may
 * change the case, the rows or "none", and the form for a new one under them while adding.
 */
function RecordsCard({
  testId,
  messages,
  count,
  editable,
  form,
  children,
}: {
  testId: string;
  /** Where the card's messages are: `${messages}.title`, `.new`, `.none`. */
  messages: string;
  count: number;
  editable: boolean;
  form: (onDone: () => void) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useLang();
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {t(`${messages}.title`)} ({count})
        </Text>
        {editable && !adding && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t(`${messages}.new`)}
          </Button>
        )}
      </Group>
      <Stack gap={6}>
        {count === 0 && (
          <Text size="sm" c="dimmed">
            {t(`${messages}.none`)}
          </Text>
        )}
        {children}
      </Stack>
      {editable && adding && (
        <Paper withBorder p="sm" mt="sm">
          {form(() => setAdding(false))}
        </Paper>
      )}
    </Card>
  );
}

export function TestPurchasesCard({
  kase,
  purchases,
  evidence,
}: {
  kase: Case;
  purchases: TestPurchase[];
  evidence: CaseEvidence[];
}) {
  const editable = useEditable(kase);
  return (
    <RecordsCard
      testId="case-purchases"
      messages="cases.purchases"
      count={purchases.length}
      editable={editable}
      form={(onDone) => <PurchaseForm kase={kase} evidence={evidence} purchase={null} onDone={onDone} />}
    >
      {purchases.map((p) => (
        <PurchaseRow key={p.id} kase={kase} purchase={p} evidence={evidence} editable={editable} />
      ))}
    </RecordsCard>
  );
}

function TakedownForm({ kase, onDone }: { kase: Case; onDone: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [platform, setPlatform] = useState('');
  const [seller, setSeller] = useState('');
  const [urls, setUrls] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [rightsHolder, setRightsHolder] = useState('');
  const [sentOn, setSentOn] = useState('');
  const { busy, error, run } = useAction();
  const errors = useFieldErrors(error);
  const list = urls
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('post', '/api/cases/{id}/takedowns', {
        path: { id: kase.id },
        json: {
          platform: platform.trim(),
          urls: list,
          legal_basis: legalBasis.trim(),
          sent_on: sentOn,
          ...(seller.trim() ? { seller_ref: seller.trim() } : {}),
          ...(rightsHolder.trim() ? { rights_holder: rightsHolder.trim() } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['cases'] });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.takedowns.add')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('cases.takedowns.platform')}
            required
            maxLength={100}
            value={platform}
            onChange={(e) => setPlatform(e.currentTarget.value)}
            error={errors.platform}
            dir="auto"
          />
          <TextInput
            label={t('cases.takedowns.seller')}
            maxLength={200}
            value={seller}
            onChange={(e) => setSeller(e.currentTarget.value)}
            error={errors.seller_ref}
            dir="auto"
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.takedowns.urls')}
          description={t('cases.takedowns.urlsHint')}
          required
          autosize
          minRows={2}
          value={urls}
          onChange={(e) => setUrls(e.currentTarget.value)}
          error={errors.urls}
          dir="ltr"
        />
        <Textarea
          label={t('cases.takedowns.legalBasis')}
          required
          autosize
          minRows={1}
          maxLength={2000}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
          error={errors.legal_basis}
          dir="auto"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('cases.takedowns.rightsHolder')}
            maxLength={300}
            value={rightsHolder}
            onChange={(e) => setRightsHolder(e.currentTarget.value)}
            error={errors.rights_holder}
            dir="auto"
          />
          <TextInput
            type="date"
            label={t('cases.takedowns.sentOn')}
            required
            value={sentOn}
            onChange={(e) => setSentOn(e.currentTarget.value)}
            error={errors.sent_on}
          />
        </SimpleGrid>
        {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onDone} disabled={busy}>
            {t('cases.common.cancel')}
          </Button>
          <Button
            type="submit"
            size="sm"
            loading={busy}
            disabled={!platform.trim() || list.length === 0 || !legalBasis.trim() || !sentOn}
          >
            {t('cases.takedowns.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnswerForm({ kase, takedown, onDone }: { kase: Case; takedown: Takedown; onDone: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [status, setStatus] = useState<Takedown['status']>(takedown.status);
  const [answer, setAnswer] = useState(takedown.answer ?? '');
  const [answeredOn, setAnsweredOn] = useState(takedown.answered_on ?? '');
  const [takenDownOn, setTakenDownOn] = useState(takedown.taken_down_on ?? '');
  const { busy, error, run } = useAction();
  const errors = useFieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('patch', '/api/cases/{id}/takedowns/{sub}', {
        path: { id: kase.id, sub: takedown.id },
        json: {
          status,
          answer: answer.trim() || null,
          answered_on: answeredOn || null,
          taken_down_on: takenDownOn || null,
        },
      });
      await client.invalidateQueries({ queryKey: ['cases'] });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.takedowns.answerForm')}>
      <Stack gap="xs">
        <NativeSelect
          label={t('cases.takedowns.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as Takedown['status'])}
          data={TAKEDOWN_STATUSES.map((s) => ({ value: s, label: t(`cases.takedowns.statuses.${s}`) }))}
          error={errors.status}
        />
        <Textarea
          label={t('cases.takedowns.answer')}
          autosize
          minRows={2}
          maxLength={5000}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={errors.answer}
          dir="auto"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            type="date"
            label={t('cases.takedowns.answeredOn')}
            value={answeredOn}
            onChange={(e) => setAnsweredOn(e.currentTarget.value)}
            error={errors.answered_on}
          />
          <TextInput
            type="date"
            label={t('cases.takedowns.takenDownOn')}
            value={takenDownOn}
            onChange={(e) => setTakenDownOn(e.currentTarget.value)}
            error={errors.taken_down_on}
          />
        </SimpleGrid>
        {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onDone} disabled={busy}>
            {t('cases.common.cancel')}
          </Button>
          <Button type="submit" size="sm" loading={busy}>
            {t('cases.takedowns.saveAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TakedownRow({ kase, takedown: d, editable }: { kase: Case; takedown: Takedown; editable: boolean }) {
  const { t, lang } = useLang();
  return (
    <RecordRow
      testId="takedown-row"
      platform={d.platform}
      sellerRef={d.seller_ref}
      status={
        <Badge
          color={TAKEDOWN_COLOURS[d.status]}
          variant="light"
          style={{ textTransform: 'none' }}
          data-testid="takedown-status"
        >
          {t(`cases.takedowns.statuses.${d.status}`)}
        </Badge>
      }
      editable={editable}
      action={t('cases.takedowns.recordAnswer')}
      form={(done) => <AnswerForm kase={kase} takedown={d} onDone={done} />}
    >
      <Stack gap={0}>
        {d.urls.map((url) => (
          <WebLink key={url} url={url} />
        ))}
      </Stack>
      <Text size="xs" dir="auto">
        {t('cases.takedowns.legalBasis')}: {d.legal_basis}
        {d.rights_holder ? ` · ${t('cases.takedowns.rightsHolder')}: ${d.rights_holder}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          t('cases.takedowns.sentOnDate', { date: formatDate(lang, d.sent_on) }),
          d.answered_on
            ? t('cases.takedowns.answeredOnDate', { date: formatDate(lang, d.answered_on) })
            : null,
          d.taken_down_on
            ? t('cases.takedowns.takenDownOnDate', { date: formatDate(lang, d.taken_down_on) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {d.answer && (
        <Text size="xs" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {d.answer}
        </Text>
      )}
    </RecordRow>
  );
}

export function TakedownsCard({ kase, takedowns }: { kase: Case; takedowns: Takedown[] }) {
  const editable = useEditable(kase);
  return (
    <RecordsCard
      testId="case-takedowns"
      messages="cases.takedowns"
      count={takedowns.length}
      editable={editable}
      form={(onDone) => <TakedownForm kase={kase} onDone={onDone} />}
    >
      {takedowns.map((d) => (
        <TakedownRow key={d.id} kase={kase} takedown={d} editable={editable} />
      ))}
    </RecordsCard>
  );
}
