/** The company register, searched by name or identifier and by city. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { RegisterList } from './shared.tsx';

export function Companies() {
  const { t, lang } = useLang();
  return (
    <RegisterList
      tab="companies"
      filters={[
        { name: 'q', label: t('register.companies.search'), w: 240 },
        { name: 'city', label: t('register.companies.city'), w: 160 },
      ]}
      fetch={(query) => apiGet('/api/companies', { query })}
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
  );
}
