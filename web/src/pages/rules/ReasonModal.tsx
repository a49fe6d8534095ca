/**
 * The dialog that asks for a reason before a step the audit trail keeps (activate or retire a profile, request an
 * activation or a promotion, approve or reject a request): a hint, the reason (at least `MIN_REASON` characters), the
 * call's error, Cancel and the step's button.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLang } from '../../i18n/index.ts';

/** The shortest reason a step accepts (the server asks the same). */
export const MIN_REASON = 5;

/** A modal form: `send(reason)` runs with the trimmed reason; once it succeeds the dialog empties and closes. */
export function ReasonModal({
  opened,
  title,
  hint,
  submitLabel,
  submitColor,
  onClose,
  send,
}: {
  opened: boolean;
  title: string;
  /** Shown above the reason, in grey. */
  hint?: ReactNode;
  submitLabel: string;
  submitColor?: string;
  onClose(): void;
  send(reason: string): Promise<void>;
}) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const { busy, error, setError, run } = useAction();
  const close = () => {
    setReason('');
    setTooShort(false);
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      return;
    }
    await run(async () => {
      await send(reason.trim());
      close();
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
          <Textarea
            label={t('rules.reason')}
            description={t('rules.reasonHint', { count: MIN_REASON })}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setTooShort(false);
            }}
            error={tooShort ? t('rules.reasonRequired', { count: MIN_REASON }) : undefined}
            rows={3}
            withAsterisk
            data-autofocus
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('rules.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
