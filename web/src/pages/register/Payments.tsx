/** Foreign-exchange payments, by importer or by the declaration they pay for. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { usePagedQuery } from '../../components/paging.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { CodeAndName, DeclarationLink } from './shared.tsx';

const FILTERS = ['importer', 'declaration'] as const;
const PAGE_SIZE = 25;

export function Payments() {
  const { t, lang } = useLang();
  const form = useFilterForm(FILTERS);
  const { page, filters, setPage, clear, apply } = form;
  const list = usePagedQuery(['register', 'payments', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/payments', { query: { ...filters, ...paging } }),
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
        <TextFilter form={form} name="importer" label={t('register.payments.importer')} w={180} />
        <TextFilter form={form} name="declaration" label={t('register.declaration')} w={180} />
      </FilterBar>
      <ListBody
        query={list}
        page={page}
        size={PAGE_SIZE}
        onPage={setPage}
        label={t('register.tabs.payments')}
        countKey="register.count"
        emptyKey="register.empty"
        minWidth={860}
        columns={[
          t('register.payments.reference'),
          t('register.payments.importer'),
          t('register.payments.paidOn'),
          { label: t('register.payments.amount'), ta: 'end' },
          t('register.payments.beneficiary'),
          t('register.payments.bank'),
          t('register.declaration'),
        ]}
        rows={(data) =>
          data.items.map((p) => (
            <Table.Tr key={p.id} data-testid="payment-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                {p.payment_reference}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.importer_code}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, p.paid_on)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(lang, p.amount, p.currency)}
              </Table.Td>
              <Table.Td>
                <CodeAndName code={p.beneficiary_name} name={p.beneficiary_country} />
              </Table.Td>
              <Table.Td dir="auto">{p.bank ?? '—'}</Table.Td>
              <Table.Td>
                <DeclarationLink reference={p.declaration_reference} />
              </Table.Td>
            </Table.Tr>
          ))
        }
      />
    </>
  );
}
