/**
 * The parcels queue: the scored consignments, highest score first (keyset pages), filtered on the server by carrier,
 * origin country, shop or platform, value band, pre-arrival referral, office of arrival and arrival dates (filters
 * and page in the address, so a view can be shared). Each row gives the score, its reasons in short and the
 * examiner, and opens the parcel.
 */
import { Anchor, Badge, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { ApiQuery } from '../../api/types.ts';
import { apiGet } from '../../api.ts';
import { FilterBar, SelectFilter, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPagedQuery } from '../../components/paging.tsx';
import { OpenableRow } from '../../components/table.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { IndicatorBadges, parcelKeys, ScoreBadge } from './shared.tsx';

const FILTERS = [
  'carrier',
  'origin_country',
  'platform',
  'band',
  'referred',
  'office',
  'from',
  'to',
] as const;
const PAGE_SIZE = 25;

/** The value bands in euros: at least the first, under the second (22 € and 150 €: the usual duty thresholds). */
export const BANDS: Record<string, [number, number | undefined]> = {
  low: [0, 22],
  mid: [22, 150],
  high: [150, 1000],
  top: [1000, undefined],
};

/** The API's query from the filters in the address (the band as its two bounds; empty ones left out). */
export function queryOf(filters: Record<(typeof FILTERS)[number], string>) {
  const { band, referred, ...rest } = filters;
  const bounds = BANDS[band];
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v)),
    ...(bounds ? { value_min: bounds[0], ...(bounds[1] === undefined ? {} : { value_max: bounds[1] }) } : {}),
    ...(referred === 'true' || referred === 'false' ? { referred } : {}),
  } as Omit<ApiQuery<'/api/parcels'>, 'limit' | 'offset' | 'cursor'>;
}

export function ParcelQueue() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, clear, draft, set, apply } = form;
  const list = useCursorPagedQuery(parcelKeys.list(filters), page, PAGE_SIZE, (paging) =>
    apiGet('/api/parcels', { query: { ...queryOf(filters), ...paging } }),
  );
  const text = (name: (typeof FILTERS)[number], label: string, width: number) => (
    <TextInput
      label={label}
      w={width}
      value={draft[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
    />
  );
  return (
    <Stack>
      <PageHeader title={t('parcels.queue.title')} subtitle={t('parcels.queue.subtitle')} />
      <FilterBar
        onSubmit={apply}
        label={t('parcels.queue.filters')}
        apply={t('parcels.apply')}
        reset={t('parcels.reset')}
        onReset={clear}
      >
        {text('carrier', t('parcels.fields.carrier'), 120)}
        {text('origin_country', t('parcels.fields.country'), 110)}
        {text('platform', t('parcels.fields.platform'), 170)}
        <SelectFilter
          form={form}
          name="band"
          label={t('parcels.queue.band')}
          w={160}
          placeholder={t('parcels.any')}
          data={Object.keys(BANDS).map((b) => ({ value: b, label: t(`parcels.queue.bands.${b}`) }))}
        />
        <SelectFilter
          form={form}
          name="referred"
          label={t('parcels.queue.referred')}
          w={200}
          placeholder={t('parcels.any')}
          data={[
            { value: 'true', label: t('parcels.queue.referredYes') },
            { value: 'false', label: t('parcels.queue.referredNo') },
          ]}
        />
        {text('office', t('parcels.fields.arrivalOffice'), 120)}
        <TextFilter form={form} name="from" type="date" label={t('parcels.queue.from')} />
        <TextFilter form={form} name="to" type="date" label={t('parcels.queue.to')} />
      </FilterBar>
      <ListBody
        query={list}
        page={page}
        size={PAGE_SIZE}
        onPage={setPage}
        label={t('parcels.queue.title')}
        countKey="parcels.count"
        emptyKey="parcels.queue.empty"
        minWidth={1200}
        columns={[
          t('parcels.fields.score'),
          t('parcels.fields.consignment'),
          t('parcels.fields.sender'),
          t('parcels.fields.recipient'),
          t('parcels.fields.description'),
          { label: t('parcels.fields.value'), ta: 'end' },
          t('parcels.fields.arrival'),
          t('parcels.fields.reasons'),
        ]}
        rows={(data) =>
          data.items.map((p) => (
            <OpenableRow key={p.id} onOpen={() => navigate(`/parcels/${p.id}`)} data-testid="parcel-row">
              <Table.Td miw={120} style={{ whiteSpace: 'nowrap' }}>
                <ScoreBadge score={p.score} channel={p.channel} />
                {p.referred && (
                  <Badge mt={4} size="xs" variant="outline" color="red" tt="none" display="block">
                    {t('parcels.queue.preArrival')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to={`/parcels/${p.id}`}
                  size="sm"
                  onClick={(e) => e.stopPropagation()}
                >
                  {p.carrier} {p.consignment_number}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`parcels.kinds.${p.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {p.sender_name}
                </Text>
                <Text size="xs" c="dimmed" dir="auto">
                  {p.sender_country}
                  {p.sender_platform ? ` · ${p.sender_platform}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {p.recipient_name}
                </Text>
                <Text size="xs" c="dimmed" dir="auto">
                  {p.recipient_city ?? ''}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" dir="auto" lineClamp={2}>
                  {p.description}
                </Text>
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(lang, p.declared_value, p.currency)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(lang, p.arrival_date)}
                <Text size="xs" c="dimmed">
                  {p.arrival_office}
                </Text>
              </Table.Td>
              <Table.Td miw={190}>
                <IndicatorBadges indicators={p.indicators} />
                {p.examiner && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {p.examiner}
                  </Text>
                )}
              </Table.Td>
            </OpenableRow>
          ))
        }
      />
    </Stack>
  );
}
