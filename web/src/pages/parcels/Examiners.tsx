/**
 * Parcel examiners per office with their specialities (HS prefixes, kinds of consignment, indicators) and daily
 * capacity; those with `parcels:write` add and change them (audited by the server). Below, each examiner's load
 * and throughput over a period (today unless chosen): parcels assigned, by hand, inspected, found in fraud, seized,
 * pending (due and not inspected), and the busiest day's load against the capacity as a bar. Office and period
 * are in the address.
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Progress,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { FilterBar, TextFilter } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { useFilterForm } from '../../components/useUrlState.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { type Examiner, INDICATORS, type Indicator, KINDS, type Kind, parcelKeys, today } from './shared.tsx';

const FILTERS = ['office', 'from', 'to'] as const;

/** "64, 3304" → ['64', '3304'], or null when a prefix is not 2 to 10 digits. */
export function parsePrefixes(text: string): string[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.every((p) => /^\d{2,10}$/.test(p)) ? parts : null;
}

function ExaminerForm({
  examiner,
  office,
  onClose,
}: {
  examiner: Examiner | null;
  office: string;
  onClose: () => void;
}) {
  const { t } = useLang();
  const client = useQueryClient();
  const [username, setUsername] = useState(examiner?.username ?? '');
  const [name, setName] = useState(examiner?.name ?? '');
  const [officeCode, setOfficeCode] = useState(examiner?.office ?? office);
  const [hs, setHs] = useState((examiner?.hs_prefixes ?? []).join(', '));
  const [kinds, setKinds] = useState<string[]>(examiner?.kinds ?? []);
  const [indicators, setIndicators] = useState<string[]>(examiner?.indicators ?? []);
  const [capacity, setCapacity] = useState<string | number>(examiner?.daily_capacity ?? 40);
  const [active, setActive] = useState(examiner?.active ?? true);
  const { busy, error, run } = useAction();
  const prefixes = parsePrefixes(hs);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!prefixes) return;
    const specialities = {
      name: name.trim(),
      hs_prefixes: prefixes,
      kinds: kinds as Kind[],
      indicators: indicators as Indicator[],
      daily_capacity: Number(capacity),
    };
    void run(async () => {
      if (examiner)
        await apiSend('patch', '/api/parcels/examiners/{id}', {
          path: { id: examiner.id },
          json: { ...specialities, active },
        });
      else
        await apiSend('post', '/api/parcels/examiners', {
          json: { ...specialities, username: username.trim(), office: officeCode.trim() },
        });
      await client.invalidateQueries({ queryKey: parcelKeys.all });
      onClose();
    });
  };
  const title = examiner ? t('parcels.examiners.edit', { name: examiner.name }) : t('parcels.examiners.add');
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('parcels.examiners.formTitle')}>
        <Group grow>
          <TextInput
            label={t('parcels.examiners.username')}
            required
            disabled={Boolean(examiner)}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <TextInput
            label={t('parcels.office')}
            required
            disabled={Boolean(examiner)}
            value={officeCode}
            onChange={(e) => setOfficeCode(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t('parcels.examiners.name')}
          required
          dir="auto"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('parcels.examiners.hsPrefixes')}
          description={t('parcels.examiners.hsHint')}
          error={prefixes ? undefined : t('parcels.examiners.badHs')}
          value={hs}
          onChange={(e) => setHs(e.currentTarget.value)}
        />
        <Checkbox.Group label={t('parcels.examiners.kinds')} value={kinds} onChange={setKinds}>
          <Group mt={4}>
            {KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t(`parcels.kinds.${k}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('parcels.examiners.indicators')} value={indicators} onChange={setIndicators}>
          <Group mt={4}>
            {INDICATORS.filter((i) => i !== 'model').map((i) => (
              <Checkbox key={i} value={i} label={t(`parcels.indicators.${i}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput
          label={t('parcels.examiners.capacity')}
          min={1}
          max={1000}
          allowDecimal={false}
          required
          value={capacity}
          onChange={setCapacity}
        />
        {examiner && (
          <Switch
            label={t('parcels.examiners.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        <ErrorAlert error={error} />
        <Group justify="end">
          <Button variant="subtle" onClick={onClose}>
            {t('parcels.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!prefixes || !name.trim() || !Number(capacity)}>
            {t('parcels.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Workload({ from, to, office }: { from: string; to: string; office: string }) {
  const { t, lang } = useLang();
  const load = useQuery({
    queryKey: parcelKeys.workload(from, to, office),
    queryFn: () => apiGet('/api/parcels/workload', { query: { from, to, ...(office ? { office } : {}) } }),
  });
  const items = load.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('parcels.examiners.workload')}</Title>
      <Text size="sm" c="dimmed">
        {from === to ? formatDate(lang, from) : `${formatDate(lang, from)} – ${formatDate(lang, to)}`}
      </Text>
      <QueryStatus query={load} />
      {load.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('parcels.examiners.workload')}>
            <TableHead
              columns={[
                t('parcels.examiners.name'),
                t('parcels.office'),
                { label: t('parcels.examiners.assigned'), ta: 'end' },
                { label: t('parcels.examiners.manual'), ta: 'end' },
                { label: t('parcels.examiners.inspected'), ta: 'end' },
                { label: t('parcels.examiners.fraud'), ta: 'end' },
                { label: t('parcels.examiners.seized'), ta: 'end' },
                { label: t('parcels.examiners.pending'), ta: 'end' },
                { label: t('parcels.examiners.busiest'), w: 260 },
              ]}
            />
            <Table.Tbody>
              {items.map((w) => {
                const busiest = w.days.reduce((m, d) => Math.max(m, d.assigned), 0);
                const share = Math.min(100, (busiest / Math.max(1, w.daily_capacity)) * 100);
                return (
                  <Table.Tr key={w.examiner_id} data-testid="workload-row">
                    <Table.Td dir="auto">{w.name}</Table.Td>
                    <Table.Td>{w.office}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, w.assigned)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, w.manual)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, w.inspected)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, w.fraud)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(lang, w.seized)}</Table.Td>
                    <Table.Td ta="end">
                      <Text
                        size="sm"
                        c={w.pending > 0 ? 'orange' : undefined}
                        fw={w.pending > 0 ? 600 : undefined}
                      >
                        {formatNumber(lang, w.pending)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={share}
                          color={share >= 100 ? 'red' : share >= 75 ? 'orange' : 'blue'}
                          w={150}
                          aria-label={t('parcels.examiners.loadLabel', {
                            name: w.name,
                            n: busiest,
                            capacity: w.daily_capacity,
                          })}
                        />
                        <Text size="sm">
                          {t('parcels.examiners.load', { n: busiest, capacity: w.daily_capacity })}
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {load.data && items.every((w) => w.assigned === 0) && (
        <Text c="dimmed">{t('parcels.examiners.noWork')}</Text>
      )}
    </Stack>
  );
}

export function Examiners() {
  const { t } = useLang();
  const { can } = useSession();
  const manage = can('parcels:write');
  const form = useFilterForm(FILTERS);
  const { filters, clear, apply } = form;
  const [editing, setEditing] = useState<Examiner | 'new' | null>(null);
  const office = filters.office.trim();
  const from = filters.from || filters.to || today();
  const to = filters.to || filters.from || today();
  const list = useQuery({
    queryKey: parcelKeys.examiners(office),
    queryFn: () => apiGet('/api/parcels/examiners', { query: office ? { office } : {} }),
  });
  const spec = (values: readonly string[], label: (v: string) => string) =>
    values.length ? values.map(label).join(', ') : t('parcels.examiners.none');
  return (
    <Stack>
      <PageHeader title={t('parcels.examiners.title')} subtitle={t('parcels.examiners.subtitle')}>
        {manage && <Button onClick={() => setEditing('new')}>{t('parcels.examiners.add')}</Button>}
      </PageHeader>
      <FilterBar
        onSubmit={apply}
        label={t('parcels.queue.filters')}
        apply={t('parcels.apply')}
        reset={t('parcels.reset')}
        onReset={clear}
      >
        <TextFilter form={form} name="office" label={t('parcels.office')} w={110} />
        <TextFilter form={form} name="from" type="date" label={t('parcels.queue.from')} />
        <TextFilter form={form} name="to" type="date" label={t('parcels.queue.to')} />
      </FilterBar>
      <QueryStatus query={list} />
      {list.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('parcels.examiners.title')}>
            <TableHead
              columns={[
                t('parcels.examiners.name'),
                t('parcels.office'),
                t('parcels.examiners.hsPrefixes'),
                t('parcels.examiners.kinds'),
                t('parcels.examiners.indicators'),
                { label: t('parcels.examiners.capacity'), ta: 'end' },
                '',
                manage && '',
              ]}
            />
            <Table.Tbody>
              {list.data.items.map((e) => (
                <Table.Tr key={e.id} data-testid="examiner-row">
                  <Table.Td>
                    <Text size="sm" fw={600} dir="auto">
                      {e.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {e.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.office}</Table.Td>
                  <Table.Td>{spec(e.hs_prefixes, (p) => p)}</Table.Td>
                  <Table.Td>{spec(e.kinds, (k) => t(`parcels.kinds.${k}`))}</Table.Td>
                  <Table.Td>{spec(e.indicators, (i) => t(`parcels.indicators.${i}`))}</Table.Td>
                  <Table.Td ta="end">{e.daily_capacity}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={e.active ? 'green' : 'gray'}>
                      {e.active ? t('parcels.examiners.active') : t('parcels.examiners.inactive')}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(e)}
                        aria-label={t('parcels.examiners.edit', { name: e.name })}
                      >
                        {t('parcels.examiners.edit', { name: '' }).trim()}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.items.length === 0 && <Text c="dimmed">{t('parcels.examiners.empty')}</Text>}
        </Table.ScrollContainer>
      )}
      <Workload from={from} to={to} office={office} />
      {editing && (
        <ExaminerForm
          examiner={editing === 'new' ? null : editing}
          office={office}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
