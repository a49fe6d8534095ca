/**
 * The declarations, filtered and paged on the server (fast at any size); filters live in the address so a view can
 * be shared. Rows open with a click or Enter.
 */
import { Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Schema } from '../api/types.ts';
import { apiGet } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Pager, rangeOf, useCursorPagedQuery } from '../components/paging.tsx';
import { useFilterForm } from '../components/useUrlState.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/index.ts';

export type DeclarationSummary = Schema<'DeclarationSummary'>;

const FILTERS = [
  'reference',
  'office',
  'importer',
  'declarant',
  'seller',
  'hs',
  'origin',
  'from',
  'to',
  'result',
] as const;
const PAGE_SIZE = 25;

export function OutcomeBadge({
  d,
}: {
  d: Pick<DeclarationSummary, 'inspected_items' | 'fraud_items' | 'critical_items'>;
}) {
  const { t } = useTranslation();
  if (d.critical_items) return <Badge color="red">{t('results.critical')}</Badge>;
  if (d.fraud_items) return <Badge color="orange">{t('results.fraud')}</Badge>;
  if (d.inspected_items)
    return (
      <Badge color="green" variant="light">
        {t('results.compliant')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline">
      {t('results.not_inspected')}
    </Badge>
  );
}

/** "≈ 1 000 000" when the server estimated the total (a large list): counting it exactly would cost too much. */
function approximate<T extends { total: string }>(range: T, estimated: boolean): T {
  return estimated ? { ...range, total: `≈ ${range.total}` } : range;
}

export function Declarations() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { page, filters, setPage, clear, draft, setDraft, apply } = useFilterForm(FILTERS);
  const list = useCursorPagedQuery(['declarations', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/declarations', { query: { ...filters, ...paging } }),
  );
  const field = (name: (typeof FILTERS)[number], label: string, width = 140) => (
    <TextInput
      label={label}
      w={width}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
    />
  );
  const data = list.data;
  return (
    <Stack>
      <Title order={2}>{t('declarations.title')}</Title>
      <Group component="form" onSubmit={apply} align="end" gap="sm" wrap="wrap">
        {field('reference', t('declarations.reference'), 160)}
        {field('office', t('declarations.office'), 90)}
        {field('importer', t('declarations.importer'))}
        {field('declarant', t('declarations.declarant'), 130)}
        {field('seller', t('globalSearch.sellerFilter'), 130)}
        {field('hs', t('declarations.hs'), 130)}
        {field('origin', t('declarations.origin'), 90)}
        <TextInput
          type="date"
          label={t('declarations.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('declarations.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <Select
          label={t('declarations.result')}
          w={170}
          value={draft.result || null}
          onChange={(value) => setDraft({ ...draft, result: value ?? '' })}
          clearable
          placeholder={t('declarations.any')}
          data={['fraud', 'critical', 'compliant', 'inspected', 'not_inspected'].map((r) => ({
            value: r,
            label: t(`results.${r}`),
          }))}
        />
        <Button type="submit">{t('declarations.search')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft(Object.fromEntries(FILTERS.map((f) => [f, ''])) as typeof draft);
            clear();
          }}
        >
          {t('declarations.reset')}
        </Button>
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {!data && !list.error && <Loader aria-label={t('common.loading')} />}
      {data && (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label={t('declarations.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('declarations.reference')}</Table.Th>
                  <Table.Th>{t('declarations.office')}</Table.Th>
                  <Table.Th>{t('declarations.lodgedOn')}</Table.Th>
                  <Table.Th>{t('declarations.importer')}</Table.Th>
                  <Table.Th>{t('declarations.declarant')}</Table.Th>
                  <Table.Th ta="end">{t('declarations.items')}</Table.Th>
                  <Table.Th ta="end">{t('declarations.value')}</Table.Th>
                  <Table.Th>{t('declarations.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => {
                  const open = () => navigate(`/declarations/${encodeURIComponent(d.reference)}`);
                  return (
                    <Table.Tr
                      key={d.id}
                      tabIndex={0}
                      style={{ cursor: 'pointer' }}
                      onClick={open}
                      onKeyDown={(e) => e.key === 'Enter' && open()}
                      data-testid="declaration-row"
                    >
                      <Table.Td fw={600}>{d.reference}</Table.Td>
                      <Table.Td>{d.office}</Table.Td>
                      <Table.Td>{formatDate(lang, d.lodged_on)}</Table.Td>
                      <Table.Td>{d.importer_code}</Table.Td>
                      <Table.Td>{d.declarant_code}</Table.Td>
                      <Table.Td ta="end">{formatNumber(lang, d.item_count)}</Table.Td>
                      <Table.Td ta="end">{formatMoney(lang, d.total_value, d.currency)}</Table.Td>
                      <Table.Td>
                        <OutcomeBadge d={d} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.items.length === 0 && <Text c="dimmed">{t('declarations.empty')}</Text>}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('declarations.count', approximate(rangeOf(lang, data), data.total_estimated))}
            </Text>
            <Pager total={data.total} size={PAGE_SIZE} page={page} onChange={setPage} />
          </Group>
        </>
      )}
    </Stack>
  );
}
