/** Port and airport manifests, by consignee or by the declaration they are linked to. */
import { Table } from '@mantine/core';
import { apiGet } from '../../api.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { CodeAndName, DeclarationLink, RegisterList } from './shared.tsx';

export function Manifests() {
  const { t, lang } = useLang();
  return (
    <RegisterList
      tab="manifests"
      filters={[
        { name: 'consignee', label: t('register.manifests.consignee'), w: 180 },
        { name: 'declaration', label: t('register.declaration'), w: 180 },
      ]}
      fetch={(query) => apiGet('/api/manifests', { query })}
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
  );
}
