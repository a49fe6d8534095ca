/**
 * A model's card on its page (src/modules/ml/card.ts, decision 0035): who promoted it and when, the training
 * data, the evaluation on the period after training with and without exact repeats, the features never used and
 * why, the known limits; Markdown and PDF exports (audited by the server); generate or regenerate it. A model
 * without a card cannot be promoted: the page says so and offers to generate it.
 */
import { Alert, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { ApiError, apiGet, apiSend, route } from '../../api.ts';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { GridPanel } from '../../components/GridPanel.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type CardData = ApiResponse<'/api/models/{id}/card'>;
type Figures = NonNullable<NonNullable<CardData['card']['later']>['all']>;

const pct = (lang: string, x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${formatNumber(lang, x * 100, 1)} %`;

export function ModelCardPanel({ id }: { id: number }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const message = useErrorMessage();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const card = useQuery({
    queryKey: ['model-card', id],
    queryFn: () => apiGet('/api/models/{id}/card', { path: { id } }),
    retry: false,
  });
  const missing = card.error instanceof ApiError && card.error.code === 'model.card_missing';

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('post', '/api/models/{id}/card', { path: { id } });
      await client.invalidateQueries({ queryKey: ['model-card', id] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const c = card.data?.card;
  const promotion = card.data?.promotion;
  return (
    <GridPanel lg={12} title={t('models.card.title')}>
      <Stack gap="xs" data-testid="model-card">
        {missing && (
          <Alert color="yellow" data-testid="model-card-missing">
            {t('models.card.missing')}
          </Alert>
        )}
        {card.error !== null && !missing && <Text c="red">{message(card.error)}</Text>}
        {error !== null && <Text c="red">{message(error)}</Text>}
        <Group gap="sm">
          {can('models:manage') && (card.data || missing) && (
            <Button size="xs" variant="light" loading={busy} onClick={() => void generate()}>
              {missing ? t('models.card.generate') : t('models.card.regenerate')}
            </Button>
          )}
          {c &&
            (['md', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                size="xs"
                variant="default"
                component="a"
                href={route('/api/models/{id}/card/export', { path: { id }, query: { format } })}
                download={`vigie-model-${id}-card.${format}`}
                data-testid={`model-card-${format}`}
              >
                {format === 'md' ? 'Markdown' : 'PDF'}
              </Button>
            ))}
        </Group>
        {c && promotion && (
          <>
            <Text size="sm">
              {promotion.promoted_at
                ? t('models.card.promoted', {
                    by: promotion.promoted_by ?? '—',
                    at: formatDate(lang, promotion.promoted_at.slice(0, 10)),
                  })
                : t('models.card.notPromoted')}{' '}
              {t('models.card.generated', {
                by: c.generated_by,
                at: formatDate(lang, c.generated_at.slice(0, 10)),
              })}
            </Text>
            <Text size="sm">
              {t('models.card.data', {
                from: formatDate(lang, c.data.from),
                to: formatDate(lang, c.data.to),
                lines: formatNumber(lang, c.data.lines),
                rate: pct(lang, c.data.fraud_rate),
              })}
            </Text>
            {c.later ? (
              <>
                <Text size="sm" fw={500}>
                  {t('models.card.later', {
                    from: formatDate(lang, c.later.from),
                    to: formatDate(lang, c.later.to),
                    lines: formatNumber(lang, c.later.labelled),
                  })}
                </Text>
                <Table data-testid="model-card-evaluation">
                  <TableHead
                    columns={[
                      t('models.card.lines'),
                      'AUC',
                      t('models.card.top'),
                      { label: t('models.precision'), ta: 'end' },
                      { label: t('models.recall'), ta: 'end' },
                      { label: t('models.revenue'), ta: 'end' },
                    ]}
                  />
                  <Table.Tbody>
                    {(
                      [
                        ['all', c.later.all],
                        ['withoutRepeats', c.later.without_repeats],
                      ] as [string, Figures | null][]
                    ).flatMap(([label, f]) =>
                      f
                        ? f.at.map((a) => (
                            <Table.Tr key={`${label}-${a.share}`}>
                              <Table.Td>
                                {t(`models.card.${label}`)} ({formatNumber(lang, f.n)})
                              </Table.Td>
                              <Table.Td>{f.auc === null ? '—' : formatNumber(lang, f.auc, 3)}</Table.Td>
                              <Table.Td>{formatNumber(lang, a.share * 100)} %</Table.Td>
                              <Table.Td ta="end">{pct(lang, a.precision)}</Table.Td>
                              <Table.Td ta="end">{pct(lang, a.recall)}</Table.Td>
                              <Table.Td ta="end">{pct(lang, a.revenue)}</Table.Td>
                            </Table.Tr>
                          ))
                        : [],
                    )}
                  </Table.Tbody>
                </Table>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('models.card.noLater')}
              </Text>
            )}
            <Text size="sm" fw={500}>
              {t('models.card.excluded')}
            </Text>
            <List size="sm" data-testid="model-card-excluded">
              {c.features.excluded.map((e) => (
                <List.Item key={e.what}>
                  <Badge variant="light" color="gray" me="xs">
                    {e.what}
                  </Badge>
                  {e.why}
                </List.Item>
              ))}
            </List>
            <Text size="sm" fw={500}>
              {t('models.card.limits')}
            </Text>
            <List size="sm" data-testid="model-card-limits">
              {c.limits.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </GridPanel>
  );
}
