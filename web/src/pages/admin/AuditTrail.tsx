/**
 * The audit trail (`audit:read`): every change, newest first, filtered on the server by actor, action (or a family
 * such as `auth.*`), object and dates, paged; a row opens its before, after and details as JSON text. "Verify the
 * chain" checks the whole trail on the server (hash chain, seals, last checkpoint) and lists every bad entry.
 */
import { Alert, Badge, Button, Code, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OpenableRow } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';

const FILTERS = ['actor', 'action', 'target_type', 'target_id', 'from', 'to'] as const;
const PAGE_SIZE = 50;

type Report = ApiResponse<'/api/audit/verify'>;

/** A JSON value as indented text (never HTML). */
function JsonText({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Code
        block
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 320, overflow: 'auto' }}
      >
        {JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

function Verify() {
  const { t, lang } = useLang();
  const [report, setReport] = useState<Report | null>(null);
  const { busy, error, run } = useAction();
  const verify = () =>
    void run(async () => {
      setReport(null);
      setReport(await apiGet('/api/audit/verify'));
    });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" onClick={verify} loading={busy}>
          {t('admin.audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {report && (
        <Alert
          color={report.ok ? 'green' : 'red'}
          title={
            report.ok ? t('admin.audit.intact') : t('admin.audit.broken', { count: report.problem_count })
          }
          data-testid="audit-verify"
        >
          <Text size="sm">
            {t('admin.audit.checked', {
              checked: formatNumber(lang, report.checked),
              sealed: formatNumber(lang, report.sealed),
              unsealed: formatNumber(lang, report.unsealed),
            })}
          </Text>
          <Text size="sm">{report.keyed ? t('admin.audit.keyed') : t('admin.audit.unkeyed')}</Text>
          {report.checkpoint && (
            <Text size="sm">
              {t('admin.audit.checkpoint', {
                seq: report.checkpoint.seq,
                at: formatDateTime(lang, report.checkpoint.at),
              })}
            </Text>
          )}
          {report.problems.length > 0 && (
            <List size="sm" mt="xs" data-testid="audit-problems">
              {report.problems.map((p) => (
                <List.Item key={`${p.seq}-${p.kind}`}>
                  <Text span fw={600}>
                    {t('admin.audit.entry', { seq: p.seq })}
                  </Text>{' '}
                  <Badge tt="none" color="red" variant="light" size="sm">
                    {t(`admin.audit.problems.${p.kind}`)}
                  </Badge>{' '}
                  <Text span size="sm">
                    {p.message}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

export function AuditTrail() {
  const { t, lang } = useLang();
  const [open, setOpen] = useState<number | null>(null);
  const { form, filters, bar, body } = useFilteredList(FILTERS, ['admin', 'audit'], PAGE_SIZE, (query) =>
    apiGet('/api/audit', { query }),
  );
  const { draft, set } = form;
  const field = (name: (typeof FILTERS)[number], width: number) => (
    <TextInput
      label={t(`admin.audit.filters.${name}`)}
      w={width}
      type={name === 'from' || name === 'to' ? 'date' : 'text'}
      value={draft[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
    />
  );
  return (
    <Stack>
      <PageHeader title={t('admin.audit.title')} subtitle={t('admin.audit.subtitle')}>
        <ExportButton path="/api/audit/export" filters={filters} />
      </PageHeader>
      <Verify />
      <FilterBar {...bar} label={t('admin.filters')} apply={t('admin.apply')} reset={t('admin.reset')}>
        {field('actor', 140)}
        {field('action', 180)}
        {field('target_type', 150)}
        {field('target_id', 140)}
        {field('from', 150)}
        {field('to', 150)}
      </FilterBar>
      <ListBody
        {...body}
        label={t('admin.audit.title')}
        countKey="admin.count"
        emptyKey="admin.audit.empty"
        columns={[
          '#',
          t('admin.audit.at'),
          t('admin.audit.filters.actor'),
          t('admin.audit.filters.action'),
          t('admin.audit.object'),
          t('admin.audit.ip'),
        ]}
        rows={(data) =>
          data.items.map((e) => (
            <Fragment key={e.seq}>
              <OpenableRow
                onOpen={() => setOpen(open === e.seq ? null : e.seq)}
                aria-expanded={open === e.seq}
                data-testid="audit-row"
              >
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, e.at)}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {e.target_type ? `${e.target_type}${e.target_id ? ` · ${e.target_id}` : ''}` : '—'}
                </Table.Td>
                <Table.Td>{e.ip ?? '—'}</Table.Td>
              </OpenableRow>
              {open === e.seq && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Group align="start" wrap="wrap" gap="sm" data-testid="audit-detail">
                      <JsonText label={t('admin.audit.before')} value={e.before} />
                      <JsonText label={t('admin.audit.after')} value={e.after} />
                      <JsonText label={t('admin.audit.details')} value={e.details} />
                    </Group>
                    <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>
                      {t('admin.audit.hash', { hash: e.hash, key: e.key_id ?? '—' })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))
        }
      />
    </Stack>
  );
}
