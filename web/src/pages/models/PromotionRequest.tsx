/**
 * Promotion of a model: directly when four-eyes is off; otherwise a request with a reason, which a second person
 * approves on the approvals page (/rules/approvals), seeing the card's evaluation on the period after training.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

const MIN_REASON = 5;

export function PromotionRequestButton({ id, onDirect }: { id: number; onDirect(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['model-approvals', 'settings'],
    queryFn: () => apiGet('/api/models/approvals', { query: { status: 'pending' } }),
    staleTime: 60_000,
  });
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [made, setMade] = useState<number | null>(null);
  const { busy, error, setError, run } = useAction();
  if (!settings.data) return null;
  if (!settings.data.four_eyes) return <Button onClick={onDirect}>{t('models.promote')}</Button>;
  const close = () => {
    setOpened(false);
    setReason('');
    setTooShort(false);
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setTooShort(true);
      return;
    }
    await run(async () => {
      const out = await apiSend('post', '/api/models/{id}/promotion-requests', {
        path: { id },
        json: { reason: reason.trim() },
      });
      await client.invalidateQueries({ queryKey: ['model-approvals'] });
      setMade(out.id);
      close();
    });
  };
  return (
    <>
      {made !== null ? (
        <Text size="sm" c="blue">
          {t('approvals.requested', { id: made })}
        </Text>
      ) : (
        <Button onClick={() => setOpened(true)}>{t('approvals.requestPromotion')}</Button>
      )}
      <Modal opened={opened} onClose={close} title={t('approvals.requestPromotionTitle', { id })} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('approvals.requestPromotionHint')}
            </Text>
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
              <Button type="submit" loading={busy}>
                {t('approvals.requestPromotion')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
