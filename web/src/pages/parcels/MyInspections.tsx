/**
 * "My inspections", made for a tablet held in the hand (820×1180): the signed-in officer's parcels of a day (today
 * unless chosen; the day is in the address), highest score first, each a large card that opens the parcel, with
 * a "Record result" action (for those who record inspection outcomes) opening the outcome form; once recorded, the
 * card shows the result, and a "Correct" action that reads the outcome in force and opens the same form to correct
 * it with a reason.
 */
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatDate, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { InspectionForm, ResultBadge } from './Inspection.tsx';
import { type Inspection, parcelKeys, ScoreBadge, today } from './shared.tsx';

/** The correction form for a card: the card knows only the result, so the outcome in force is read first. */
function CorrectionForm({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const current = useQuery({
    queryKey: ['parcel-inspection', inspection.parcel_id],
    queryFn: () => apiGet('/api/parcels/{id}/inspection', { path: { id: inspection.parcel_id } }),
    staleTime: 0,
  });
  if (current.error) return <ErrorAlert error={current.error} />;
  if (!current.data) return null;
  return (
    <InspectionForm
      parcel={{
        id: inspection.parcel_id,
        carrier: inspection.carrier,
        consignment_number: inspection.consignment_number,
      }}
      correcting={current.data.inspection}
      onClose={onClose}
    />
  );
}

export function MyInspections() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const { filters, setFilters } = useUrlState(['day'] as const);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(filters.day) ? filters.day : today();
  const mine = useQuery({
    queryKey: parcelKeys.mine(day),
    queryFn: () => apiGet('/api/parcels/my-inspections', { query: { day } }),
  });
  const items = mine.data?.items ?? [];
  const canRecord = can('risk:decide');
  const [recording, setRecording] = useState<Inspection | null>(null);
  const [correcting, setCorrecting] = useState<Inspection | null>(null);
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('parcels.mine.title')} subtitle={t('parcels.mine.subtitle')} />
      <Group align="end" gap="sm">
        <TextInput
          type="date"
          size="lg"
          label={t('parcels.mine.day')}
          value={day}
          onChange={(e) => e.currentTarget.value && setFilters({ day: e.currentTarget.value })}
        />
        <Button size="lg" variant="light" onClick={() => setFilters({ day: '' })}>
          {t('parcels.mine.today')}
        </Button>
      </Group>
      <QueryStatus query={mine} />
      {mine.data && (
        <Text fw={600} data-testid="inspections-count">
          {items.length
            ? `${formatDate(lang, mine.data.day)} · ${t('parcels.mine.count', { count: items.length })}`
            : t('parcels.mine.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {items.map((i) => (
          <Card key={i.parcel_id} withBorder shadow="xs" padding={0} data-testid="inspection-row">
            <Card.Section
              component={Link}
              to={`/parcels/${i.parcel_id}`}
              p="lg"
              mih={150}
              m={0}
              data-testid="inspection-card"
              aria-label={t('parcels.mine.open', { number: `${i.carrier} ${i.consignment_number}` })}
              style={{ color: 'inherit', textDecoration: 'none', display: 'block' }}
            >
              <Group justify="space-between" wrap="nowrap" align="start">
                <Stack gap={0}>
                  <Text fw={700} size="xl">
                    {i.carrier} {i.consignment_number}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('parcels.office')} {i.arrival_office} · {formatDate(lang, i.arrival_date)}
                  </Text>
                </Stack>
                <ScoreBadge score={i.score} channel={i.channel} size="xl" />
              </Group>
              <Text size="lg" mt="sm" dir="auto" lineClamp={2}>
                {i.description}
              </Text>
              <Group gap="xs" mt="sm" wrap="nowrap">
                <Badge size="lg" variant="light" tt="none" color={i.basis === 'manual' ? 'violet' : 'gray'}>
                  {t(`parcels.parcel.basis.${i.basis}`)}
                </Badge>
                <Text size="sm" c="dimmed" dir="auto" lineClamp={1}>
                  {i.reason}
                </Text>
              </Group>
            </Card.Section>
            <Group justify="end" px="lg" pb="lg" pt={0} mih={56}>
              {i.inspected ? (
                <Group gap="sm">
                  <ResultBadge result={i.inspected} size="xl" />
                  {canRecord && (
                    <Button
                      size="lg"
                      variant="light"
                      onClick={() => setCorrecting(i)}
                      aria-label={t('parcels.inspection.correctFor', {
                        number: `${i.carrier} ${i.consignment_number}`,
                      })}
                    >
                      {t('parcels.inspection.correct')}
                    </Button>
                  )}
                </Group>
              ) : (
                canRecord && (
                  <Button
                    size="lg"
                    onClick={() => setRecording(i)}
                    aria-label={t('parcels.inspection.recordFor', {
                      number: `${i.carrier} ${i.consignment_number}`,
                    })}
                  >
                    {t('parcels.inspection.record')}
                  </Button>
                )
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {recording && (
        <InspectionForm
          parcel={{
            id: recording.parcel_id,
            carrier: recording.carrier,
            consignment_number: recording.consignment_number,
          }}
          onClose={() => setRecording(null)}
        />
      )}
      {correcting && <CorrectionForm inspection={correcting} onClose={() => setCorrecting(null)} />}
    </Stack>
  );
}
