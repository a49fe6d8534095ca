/**
 * The integrity view (`risk:integrity`): per officer, office and period, the channel overrides (and how many were
 * downgrades), releases of high-risk items, outcomes recorded and frauds found. Filters in the address; the server
 * computes every figure.
 */
import { NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api.ts';
import { QueryStatus } from '../../components/ErrorAlert.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableHead } from '../../components/table.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatNumber, useLang } from '../../i18n/index.ts';

const FILTERS = ['from', 'to', 'office', 'officer', 'period', 'high_risk'] as const;
const PERIODS = ['day', 'week', 'month'] as const;

export function Integrity() {
  const { t, lang } = useLang();
  const form = useFilterForm(FILTERS);
  const { filters, clear, draft, set, apply } = form;
  const view = useQuery({
    queryKey: ['targeting', 'integrity', filters],
    queryFn: () => apiGet('/api/risk/integrity', { query: filters }),
  });
  const data = view.data;
  const n = (v: number) => formatNumber(lang, v);
  return (
    <Stack>
      <PageHeader title={t('targeting.integrity.title')} subtitle={t('targeting.integrity.subtitle')} />
      <FilterBar
        onSubmit={apply}
        label={t('targeting.filters')}
        apply={t('targeting.apply')}
        reset={t('targeting.reset')}
        onReset={clear}
      >
        <TextFilter form={form} name="from" type="date" label={t('targeting.from')} />
        <TextFilter form={form} name="to" type="date" label={t('targeting.to')} />
        <TextFilter form={form} name="office" label={t('targeting.office')} w={100} />
        <TextFilter form={form} name="officer" label={t('targeting.integrity.officer')} w={150} />
        <Select
          label={t('targeting.integrity.period')}
          w={140}
          allowDeselect={false}
          value={draft.period || 'week'}
          onChange={(v) => set('period', v === 'week' ? '' : (v ?? ''), true)}
          data={PERIODS.map((p) => ({ value: p, label: t(`targeting.integrity.periods.${p}`) }))}
        />
        <NumberInput
          label={t('targeting.integrity.highRisk')}
          w={170}
          min={0}
          max={100}
          suffix=" %"
          value={draft.high_risk === '' ? '' : Number(draft.high_risk) * 100}
          onChange={(v) => set('high_risk', v === '' ? '' : String(Number(v) / 100))}
        />
      </FilterBar>
      <QueryStatus query={view} />
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('targeting.integrity.threshold', {
              value: formatNumber(lang, data.high_risk * 100),
              period: t(`targeting.integrity.periods.${data.period}`),
            })}
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('targeting.integrity.title')}>
              <TableHead
                columns={[
                  t('targeting.integrity.officer'),
                  t('targeting.office'),
                  t('targeting.integrity.period'),
                  { label: t('targeting.integrity.overrides'), ta: 'end' },
                  { label: t('targeting.integrity.downgrades'), ta: 'end' },
                  { label: t('targeting.integrity.releases'), ta: 'end' },
                  { label: t('targeting.integrity.outcomes'), ta: 'end' },
                  { label: t('targeting.integrity.frauds'), ta: 'end' },
                  { label: t('targeting.integrity.fraudRate'), ta: 'end' },
                ]}
              />
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr
                    key={`${r.officer}\u0000${r.office}\u0000${r.period}`}
                    data-testid="integrity-row"
                  >
                    <Table.Td fw={600}>{r.officer}</Table.Td>
                    <Table.Td>{r.office}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.period}</Table.Td>
                    <Table.Td ta="end">{n(r.overrides)}</Table.Td>
                    <Table.Td ta="end" c={r.downgrades ? 'orange.8' : undefined}>
                      {n(r.downgrades)}
                    </Table.Td>
                    <Table.Td ta="end" c={r.high_risk_releases ? 'red.8' : undefined}>
                      {n(r.high_risk_releases)}
                    </Table.Td>
                    <Table.Td ta="end">{n(r.outcomes)}</Table.Td>
                    <Table.Td ta="end">{n(r.frauds)}</Table.Td>
                    <Table.Td ta="end">
                      {r.fraud_rate === null ? '—' : `${formatNumber(lang, r.fraud_rate * 100, 1)} %`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.rows.length === 0 && <Text c="dimmed">{t('targeting.integrity.empty')}</Text>}
        </>
      )}
    </Stack>
  );
}
