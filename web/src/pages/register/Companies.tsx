/** The company register, searched by name or identifier and by city. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { usePagedQuery } from '../../components/paging.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';

const FILTERS = ['q', 'city'] as const;
const PAGE_SIZE = 25;

export function Companies() {
  const { t, lang } = useLang();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, clear, apply } = form;
  const list = usePagedQuery(['register', 'companies', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/companies', { query: { ...filters, ...paging } }),
  );
  return (
    <>
      <FilterBar
        onSubmit={apply}
        label={t('register.filters')}
        apply={t('register.apply')}
        reset={t('register.reset')}
        onReset={clear}
      >
        <TextFilter form={form} name="q" label={t('register.companies.search')} w={240} />
        <TextFilter form={form} name="city" label={t('register.companies.city')} w={160} />
      </FilterBar>
      <ListBody
        query={list}
        page={page}
        size={PAGE_SIZE}
        onPage={setPage}
        label={t('register.tabs.companies')}
        countKey="register.count"
        emptyKey="register.empty"
        minWidth={900}
        columns={[
          t('register.companies.id'),
          t('register.companies.name'),
          t('register.companies.legalForm'),
          t('register.companies.createdOn'),
          { label: t('register.companies.capital'), ta: 'end' },
          t('register.companies.address'),
          t('register.companies.activity'),
          t('register.companies.phone'),
          t('register.companies.managers'),
        ]}
        rows={(data) =>
          data.items.map((c) => (
            <Table.Tr key={c.company_id} data-testid="company-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                {c.company_id}
              </Table.Td>
              <Table.Td dir="auto">{c.name}</Table.Td>
              <Table.Td>{c.legal_form ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, c.created_on)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {c.capital === null ? '—' : formatNumber(lang, c.capital)}
              </Table.Td>
              <Table.Td dir="auto">{[c.address, c.city].filter(Boolean).join(', ') || '—'}</Table.Td>
              <Table.Td dir="auto">{c.activity ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} dir="ltr">
                {c.phone ?? '—'}
              </Table.Td>
              <Table.Td dir="auto">{c.managers.join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))
        }
      />
    </>
  );
}
