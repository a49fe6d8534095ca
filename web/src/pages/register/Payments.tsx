/** Foreign-exchange payments, by importer or by the declaration they pay for. */
import { Button, Table, TextInput } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListBody } from '../../components/ListBody.tsx';
import { usePagedQuery } from '../../components/paging.tsx';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { CodeAndName, DeclarationLink } from './shared.tsx';

const FILTERS = ['importer', 'declaration'] as const;
const PAGE_SIZE = 25;

export function Payments() {
  const { t, lang } = useLang();
  const { page, filters, setPage, clear, draft, set, apply } = useFilterForm(FILTERS);
  const list = usePagedQuery(['register', 'payments', filters], page, PAGE_SIZE, (paging) =>
    apiGet('/api/payments', { query: { ...filters, ...paging } }),
  );
  return (
    <>
      <FilterBar onSubmit={apply} label={t('register.filters')}>
        <TextInput
          label={t('register.payments.importer')}
          w={180}
          value={draft.importer}
          onChange={(e) => set('importer', e.currentTarget.value)}
        />
        <TextInput
          label={t('register.declaration')}
          w={180}
          value={draft.declaration}
          onChange={(e) => set('declaration', e.currentTarget.value)}
        />
        <Button type="submit">{t('register.apply')}</Button>
        <Button variant="subtle" onClick={clear}>
          {t('register.reset')}
        </Button>
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
