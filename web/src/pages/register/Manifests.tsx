/** Port and airport manifests, by consignee or by the declaration they are linked to. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { usePagedQuery } from '../../components/paging.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { CodeAndName, DeclarationLink } from './shared.tsx';

const FILTERS = ['consignee', 'declaration'] as const;
const PAGE_SIZE = 25;

export function Manifests() {
  const { t, lang } = useLang();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, clear, apply } = form;
  const list = usePagedQuery(['register', 'manifests', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/manifests', { query: { ...filters, ...paging } }),
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
        <TextFilter form={form} name="consignee" label={t('register.manifests.consignee')} w={180} />
        <TextFilter form={form} name="declaration" label={t('register.declaration')} w={180} />
      </FilterBar>
      <ListBody
        query={list}
        page={page}
        size={PAGE_SIZE}
        onPage={setPage}
        label={t('register.tabs.manifests')}
        countKey="register.count"
        emptyKey="register.empty"
        minWidth={1000}
        columns={[
          t('register.manifests.document'),
          t('register.manifests.carrier'),
          t('register.manifests.route'),
          t('register.manifests.arrival'),
          t('register.manifests.consignee'),
          t('register.manifests.goods'),
          { label: t('register.manifests.packages'), ta: 'end' },
          { label: t('register.manifests.mass'), ta: 'end' },
          t('register.manifests.containers'),
          t('register.declaration'),
        ]}
        rows={(data) =>
          data.items.map((m) => (
            <Table.Tr key={m.id} data-testid="manifest-row">
              <Table.Td>
                <CodeAndName code={m.document_number} name={m.document_type} />
              </Table.Td>
              <Table.Td>
                <CodeAndName code={m.carrier} name={m.vessel_or_flight} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {m.port_of_loading ?? '—'} → {m.port_of_discharge ?? '—'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, m.arrival_date)}</Table.Td>
              <Table.Td>
                <CodeAndName code={m.consignee_code} name={m.consignee_name} />
              </Table.Td>
              <Table.Td dir="auto">{m.goods_description ?? '—'}</Table.Td>
              <Table.Td ta="end">{m.packages === null ? '—' : formatNumber(lang, m.packages)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {m.gross_mass_kg === null ? '—' : formatNumber(lang, m.gross_mass_kg, 1)}
              </Table.Td>
              <Table.Td>{m.containers.join(', ') || '—'}</Table.Td>
              <Table.Td>
                <DeclarationLink reference={m.declaration_reference} />
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
    </>
  );
}
