/**
 * The selection queue's pre-arrival section: goods referred before they arrive (e-commerce parcels scored on their
 * advance data, GET /api/risk/pre-arrival), for the same office and dates as the queue above, highest score
 * first, each with its strongest reason, its examiner and a link to its page. Nothing shows while there is none.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiGet } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CHANNEL_COLOURS } from '../../components/risk.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

/** How many referrals the section lists; the parcels queue has the rest. */
const SHOWN = 10;

export function PreArrival(props: {
  office?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}) {
  const { t, lang } = useLang();
  // Only those who may open parcels get links to them.
  const parcels = useSession().can('parcels:read');
  const query = {
    limit: SHOWN,
    ...(props.office ? { office: props.office } : {}),
    ...(props.from ? { from: props.from } : {}),
    ...(props.to ? { to: props.to } : {}),
  };
  const referrals = useQuery({
    queryKey: ['risk-pre-arrival', query],
    queryFn: () => apiGet('/api/risk/pre-arrival', { query }),
  });
  if (referrals.error) return <ErrorAlert error={referrals.error} />;
  const data = referrals.data;
  if (!data || data.total === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="pre-arrival">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>{t('selection.preArrival.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('selection.preArrival.subtitle', {
                shown: formatNumber(lang, data.items.length),
                total: formatNumber(lang, data.total),
              })}
            </Text>
          </div>
          {parcels && (
            <Anchor component={Link} to="/parcels" size="sm">
              {t('selection.preArrival.all')}
            </Anchor>
          )}
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('selection.preArrival.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selection.preArrival.reference')}</Table.Th>
                <Table.Th>{t('selection.preArrival.office')}</Table.Th>
                <Table.Th>{t('selection.preArrival.arrival')}</Table.Th>
                <Table.Th>{t('selection.preArrival.channel')}</Table.Th>
                <Table.Th ta="end">{t('selection.preArrival.score')}</Table.Th>
                <Table.Th>{t('selection.preArrival.reason')}</Table.Th>
                <Table.Th>{t('selection.preArrival.examiner')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => {
                const top = [...r.explanation].sort((a, b) => b.points - a.points)[0];
                return (
                  <Table.Tr key={`${r.source}.${r.id}`} data-testid="pre-arrival-row">
                    <Table.Td>
                      {parcels ? (
                        <Anchor component={Link} to={r.link} size="sm" dir="ltr">
                          {r.reference}
                        </Anchor>
                      ) : (
                        <Text size="sm" dir="ltr">
                          {r.reference}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.office}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, r.arrival_date)}</Table.Td>
                    <Table.Td>
                      <Badge color={CHANNEL_COLOURS[r.channel]} variant="light">
                        {t(`selection.channels.${r.channel}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, r.score, 1)}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" dir="auto" lineClamp={2}>
                        {top?.message ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.assigned_to ?? t('selection.preArrival.unassigned')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
