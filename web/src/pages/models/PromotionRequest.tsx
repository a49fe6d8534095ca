/**
 * Promotion of a model: directly when four-eyes is off; otherwise a request with a reason, which a second person
 * approves on the approvals page (/rules/approvals), seeing the card's evaluation on the period after training.
 */
import { Button, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../../api.ts';
import { ReasonModal } from '../rules/ReasonModal.tsx';

export function PromotionRequestButton({ id, onDirect }: { id: number; onDirect(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['model-approvals', 'settings'],
    queryFn: () => apiGet('/api/models/approvals', { query: { status: 'pending' } }),
    staleTime: 60_000,
  });
  const [opened, setOpened] = useState(false);
  const [made, setMade] = useState<number | null>(null);
  if (!settings.data) return null;
  if (!settings.data.four_eyes) return <Button onClick={onDirect}>{t('models.promote')}</Button>;
  return (
    <>
      {made !== null ? (
        <Text size="sm" c="blue">
          {t('approvals.requested', { id: made })}
        </Text>
      ) : (
        <Button onClick={() => setOpened(true)}>{t('approvals.requestPromotion')}</Button>
      )}
      <ReasonModal
        opened={opened}
        title={t('approvals.requestPromotionTitle', { id })}
        hint={t('approvals.requestPromotionHint')}
        submitLabel={t('approvals.requestPromotion')}
        onClose={() => setOpened(false)}
        send={async (reason) => {
          const out = await apiSend('post', '/api/models/{id}/promotion-requests', {
            path: { id },
            json: { reason },
          });
          await client.invalidateQueries({ queryKey: ['model-approvals'] });
          setMade(out.id);
        }}
      />
    </>
  );
}
