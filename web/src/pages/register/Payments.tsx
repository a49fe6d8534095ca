/** Foreign-exchange payments, by importer or by the declaration they pay for. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { CodeAndName, DeclarationLink, RegisterList } from './shared.tsx';

export function Payments() {
  const { t, lang } = useLang();
  return (
    <RegisterList
      tab="payments"
      filters={[
        { name: 'importer', label: t('register.payments.importer'), w: 180 },
        { name: 'declaration', label: t('register.declaration'), w: 180 },
      ]}
      fetch={(query) => apiGet('/api/payments', { query })}
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
  );
}
