/** Change a decision's channel, with a mandatory reason (5 characters at least; audited by the server). */
import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/useAction.ts';
import { CHANNELS, type Channel, type Decision, isDeclarationQuery } from './types.ts';

export const MIN_REASON = 5;

export function OverrideForm({
  reference,
  decision,
  onDone,
}: {
  reference: string;
  decision: Decision;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [channel, setChannel] = useState<Channel>(
    CHANNELS.find((c) => c !== decision.channel) ?? decision.channel,
  );
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < MIN_REASON) {
      setReasonError(t('declarationRisk.override.reasonRequired', { min: MIN_REASON }));
      return;
    }
    setReasonError(null);
    await run(async () => {
      const out = await apiSend('post', '/api/risk/decisions/{id}/override', {
        path: { id: decision.id },
        json: { channel, reason: reason.trim() },
      });
      await client.invalidateQueries({ predicate: (q) => isDeclarationQuery(q.queryKey, reference) });
      notifications.show({
        color: 'green',
        message: t('declarationRisk.override.done', {
          from: t(`declarationRisk.channels.${out.from_channel}`),
          to: t(`declarationRisk.channels.${out.to_channel}`),
        }),
      });
      onDone();
    });
  };

  return (
    <Paper withBorder p="md" mt="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="override-form">
        <Stack gap="sm">
          <Text fw={600}>{t('declarationRisk.override.title')}</Text>
          <div>
            <Text size="sm" fw={500} mb={4} id="override-channel-label">
              {t('declarationRisk.override.channel')}
            </Text>
            <SegmentedControl
              aria-labelledby="override-channel-label"
              size="md"
              fullWidth
              value={channel}
              onChange={(v) => setChannel(v as Channel)}
              data={CHANNELS.map((c) => ({
                value: c,
                label: t(`declarationRisk.channels.${c}`),
                disabled: c === decision.channel,
              }))}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t(`declarationRisk.channelLong.${channel}`)}
            </Text>
          </div>
          <Textarea
            label={t('declarationRisk.override.reason')}
            description={t('declarationRisk.override.reasonHint', { min: MIN_REASON })}
            required
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (reasonError && e.currentTarget.value.trim().length >= MIN_REASON) setReasonError(null);
            }}
            error={reasonError}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} disabled={busy}>
              {t('declarationRisk.override.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              {t('declarationRisk.override.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
