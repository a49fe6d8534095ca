/**
 * Office capacities and selection rates: what each office can control a day (items or officer hours), the share
 * of each channel it aims at, its minimum random rate and the minutes a red or yellow item takes. The row '*'
 * applies to offices without their own. Those with `risk:manage` change a row or add an office (audited).
 */
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApiItem } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type OfficeParams = ApiItem<'/api/risk/offices'>;

const percent = (lang: string, value: number) => `${formatNumber(lang, value * 100, 1)} %`;

const FIELDS = [
  'capacity_items',
  'capacity_hours',
  'rate_red',
  'rate_yellow',
  'rate_blue',
  'random_rate',
  'minutes_red',
  'minutes_yellow',
] as const;
type Field = (typeof FIELDS)[number];
const RATES: readonly Field[] = ['rate_red', 'rate_yellow', 'rate_blue', 'random_rate'];

/** The form's values: rates in per cent, empty text for "no limit". */
type Draft = Record<Field, string>;

function draftOf(row: OfficeParams | null): Draft {
  const out = {} as Draft;
  for (const f of FIELDS) {
    const v = row?.[f];
    out[f] = v === null || v === undefined ? '' : String(RATES.includes(f) ? Math.round(v * 1000) / 10 : v);
  }
  return out;
}

function EditOffice({ row, onClose }: { row: OfficeParams | 'new'; onClose: () => void }) {
  const { t } = useLang();
  const client = useQueryClient();
  const [office, setOffice] = useState(row === 'new' ? '' : row.office_code);
  const [draft, setDraft] = useState<Draft>(() => draftOf(row === 'new' ? null : row));
  const { busy, error, run } = useAction();
  /** What is typed, as a number (a decimal comma as well as a point); NaN when it is not one. */
  const numberOf = (text: string) => Number(text.trim().replace(',', '.').replace(/\s*%$/, ''));
  const bad = FIELDS.filter((f) => draft[f].trim() !== '' && !Number.isFinite(numberOf(draft[f])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bad.length) return;
    void run(async () => {
      const body: Record<string, number | null> = {};
      for (const f of FIELDS) {
        const text = draft[f].trim();
        if (text === '') {
          if (f === 'capacity_items' || f === 'capacity_hours') body[f] = null;
          continue;
        }
        const n = numberOf(text);
        body[f] = RATES.includes(f) ? n / 100 : n;
      }
      await apiSend('put', '/api/risk/offices/{office}', { path: { office: office.trim() }, json: body });
      await client.invalidateQueries({ queryKey: ['targeting', 'offices'] });
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('targeting.capacities.edit')} size="lg">
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('targeting.capacities.edit')}>
        <TextInput
          label={t('targeting.capacities.office')}
          required
          maxLength={32}
          disabled={row !== 'new'}
          value={office}
          onChange={(e) => setOffice(e.currentTarget.value)}
        />
        <Group grow wrap="wrap">
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              label={t(`targeting.capacities.fields.${f}`)}
              inputMode="decimal"
              rightSection={RATES.includes(f) ? '%' : undefined}
              value={draft[f]}
              error={bad.includes(f) ? t('targeting.capacities.notNumber') : undefined}
              onChange={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })}
              miw={150}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('targeting.capacities.emptyMeans')}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('targeting.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!office.trim()}>
            {t('targeting.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function Capacities() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const manage = can('risk:manage');
  const [editing, setEditing] = useState<OfficeParams | 'new' | null>(null);
  const list = useQuery({ queryKey: ['targeting', 'offices'], queryFn: () => apiGet('/api/risk/offices') });
  const number = (v: number | null, digits = 0) => (v === null ? '—' : formatNumber(lang, v, digits));
  return (
    <Stack>
      <PageHeader title={t('targeting.capacities.title')} subtitle={t('targeting.capacities.subtitle')}>
        {manage && <Button onClick={() => setEditing('new')}>{t('targeting.capacities.add')}</Button>}
      </PageHeader>
      <QueryStatus query={list} />
      {list.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('targeting.capacities.title')}>
            <TableHead
              columns={[
                t('targeting.capacities.office'),
                ...FIELDS.map((f) => ({ label: t(`targeting.capacities.fields.${f}`), ta: 'end' as const })),
                t('targeting.capacities.updated'),
                manage && '',
              ]}
            />
            <Table.Tbody>
              {list.data.items.map((row) => (
                <Table.Tr key={row.office_code} data-testid="office-row">
                  <Table.Td fw={600}>
                    {row.office_code === '*' ? t('targeting.capacities.default') : row.office_code}
                  </Table.Td>
                  <Table.Td ta="end">{number(row.capacity_items)}</Table.Td>
                  <Table.Td ta="end">{number(row.capacity_hours, 1)}</Table.Td>
                  {RATES.map((f) => (
                    <Table.Td key={f} ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {percent(lang, row[f] as number)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="end">{number(row.minutes_red)}</Table.Td>
                  <Table.Td ta="end">{number(row.minutes_yellow)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{row.updated_by ?? '—'}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(lang, row.updated_at)}
                    </Text>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(row)}
                        aria-label={t('targeting.capacities.editOffice', { office: row.office_code })}
                      >
                        {t('targeting.capacities.change')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <EditOffice row={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
