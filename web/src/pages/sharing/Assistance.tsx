/**
 * Mutual administrative assistance: requests sent and received with their filters (direction, partner, status,
 * overdue) kept in the address, the yearly counts by direction as a small chart (the annual report's table beside
 * it), and the form that opens a request (those with `assistance:manage`).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiGet, apiSend } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FilterBar, SelectFilter, TextFilter } from '../../components/FilterBar.tsx';
import { ListBody, useFilteredList } from '../../components/ListBody.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OpenableRow, TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDate, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import {
  ASSISTANCE_STATUSES,
  DIRECTIONS,
  type Direction,
  StatusBadge,
  SUBJECT_TYPES,
  type SubjectType,
} from './shared.tsx';

const FILTERS = ['direction', 'partner', 'status', 'overdue', 'q'] as const;
const PAGE_SIZE = 25;

function usePartnerOptions() {
  const partners = useQuery({
    queryKey: ['sharing', 'partners'],
    queryFn: () => apiGet('/api/sharing/partners'),
  });
  return (partners.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }));
}

/** Requests sent and received per year (all partners), and the table by partner under it. */
function YearlyCounts() {
  const { t, lang, rtl } = useLang();
  const counts = useQuery({
    queryKey: ['assistance', 'counts'],
    queryFn: () => apiGet('/api/assistance/counts'),
  });
  const items = counts.data?.items ?? [];
  const option = useMemo((): ChartOption => {
    const years = [...new Set(items.map((i) => i.year))].sort((a, b) => a - b);
    const sum = (year: number, direction: Direction) =>
      items.filter((i) => i.year === year && i.direction === direction).reduce((n, i) => n + i.requests, 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: years.map(String), inverse: rtl },
      yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
      series: DIRECTIONS.map((d) => ({
        type: 'bar',
        name: t(`sharing.assistance.directions.${d}`),
        data: years.map((y) => sum(y, d)),
      })),
    };
  }, [items, t, rtl]);
  if (!counts.data || items.length === 0) return null;
  return (
    <Card withBorder data-testid="assistance-counts">
      <Text fw={600}>{t('sharing.assistance.counts')}</Text>
      <Chart option={option} height={200} label={t('sharing.assistance.counts')} />
      <Table.ScrollContainer minWidth={500}>
        <Table fz="sm" aria-label={t('sharing.assistance.countsTable')}>
          <TableHead
            columns={[
              t('sharing.assistance.year'),
              t('sharing.assistance.partner'),
              t('sharing.assistance.direction'),
              { label: t('sharing.assistance.requests'), ta: 'end' },
              { label: t('sharing.assistance.answered'), ta: 'end' },
            ]}
          />
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={`${i.year}:${i.partner}:${i.direction}`} data-testid="count-row">
                <Table.Td>{i.year}</Table.Td>
                <Table.Td dir="auto">
                  {i.partner} — {i.partner_name}
                </Table.Td>
                <Table.Td>{t(`sharing.assistance.directions.${i.direction}`)}</Table.Td>
                <Table.Td ta="end">{formatNumber(lang, i.requests)}</Table.Td>
                <Table.Td ta="end">{formatNumber(lang, i.answered)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function AssistanceList() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { can } = useSession();
  const partners = usePartnerOptions();
  const { form, bar, body } = useFilteredList(FILTERS, ['assistance', 'list'], PAGE_SIZE, (query) =>
    apiGet('/api/assistance', { query }),
  );
  const { draft, set } = form;
  return (
    <Stack>
      <PageHeader title={t('sharing.assistance.title')} subtitle={t('sharing.assistance.subtitle')}>
        {can('assistance:manage') && (
          <Button component={Link} to="/sharing/assistance/new">
            {t('sharing.assistance.new')}
          </Button>
        )}
      </PageHeader>
      <FilterBar {...bar} label={t('sharing.filters')} apply={t('sharing.apply')} reset={t('sharing.reset')}>
        <SelectFilter
          form={form}
          name="direction"
          label={t('sharing.assistance.direction')}
          w={150}
          placeholder={t('sharing.any')}
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`sharing.assistance.directions.${d}`) }))}
        />
        <SelectFilter
          form={form}
          name="partner"
          label={t('sharing.assistance.partner')}
          w={220}
          searchable
          placeholder={t('sharing.any')}
          data={partners}
        />
        <SelectFilter
          form={form}
          name="status"
          label={t('sharing.assistance.status')}
          w={150}
          placeholder={t('sharing.any')}
          data={ASSISTANCE_STATUSES.map((s) => ({ value: s, label: t(`sharing.assistance.statuses.${s}`) }))}
        />
        <Checkbox
          label={t('sharing.assistance.overdueOnly')}
          checked={draft.overdue === 'true'}
          onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '', true)}
          mb={8}
        />
        <TextFilter form={form} name="q" label={t('sharing.search')} w={180} />
      </FilterBar>
      <ListBody
        {...body}
        label={t('sharing.assistance.title')}
        countKey="sharing.count"
        emptyKey="sharing.assistance.empty"
        minWidth={900}
        columns={[
          t('sharing.assistance.number'),
          t('sharing.assistance.direction'),
          t('sharing.assistance.partner'),
          t('sharing.assistance.subject'),
          t('sharing.assistance.status'),
          t('sharing.assistance.deadline'),
        ]}
        rows={(data) =>
          data.items.map((r) => (
            <OpenableRow
              key={r.id}
              onOpen={() => navigate(`/sharing/assistance/${r.id}`)}
              data-testid="assistance-row"
            >
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {r.number}
              </Table.Td>
              <Table.Td>{t(`sharing.assistance.directions.${r.direction}`)}</Table.Td>
              <Table.Td dir="auto">{r.partner_name}</Table.Td>
              <Table.Td dir="auto">{r.subject}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(lang, r.deadline)}{' '}
                {r.overdue && (
                  <Badge color="red" size="sm" tt="none">
                    {t('sharing.assistance.overdue')}
                  </Badge>
                )}
              </Table.Td>
            </OpenableRow>
          ))
        }
      />
      <YearlyCounts />
    </Stack>
  );
}

/** A line of the subjects field: `case: C-2026-0012` or `graph_entity: person:…`; the type defaults to a case. */
function parseSubjects(text: string): { ref_type: SubjectType; ref: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = line.match(/^(graph_entity|declaration|case)\s*:\s*(.+)$/);
      return m
        ? { ref_type: m[1] as SubjectType, ref: m[2]!.trim() }
        : { ref_type: 'case' as const, ref: line };
    });
}

export function NewAssistance() {
  const { t } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const partners = usePartnerOptions();
  const [direction, setDirection] = useState<Direction>('outgoing');
  const [partner, setPartner] = useState('');
  const [reference, setReference] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [subject, setSubject] = useState('');
  const [questions, setQuestions] = useState('');
  const [deadline, setDeadline] = useState('');
  const [sentOn, setSentOn] = useState('');
  const [subjects, setSubjects] = useState('');
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const refs = parseSubjects(subjects);
      const created = await apiSend('post', '/api/assistance', {
        json: {
          direction,
          partner,
          legal_basis: legalBasis.trim(),
          subject: subject.trim(),
          questions: questions.trim(),
          ...(reference.trim() ? { partner_reference: reference.trim() } : {}),
          ...(deadline ? { deadline } : {}),
          ...(direction === 'incoming' && sentOn ? { sent_on: sentOn } : {}),
          ...(refs.length ? { subjects: refs } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['assistance'] });
      navigate(`/sharing/assistance/${created.id}`);
    });
  };
  return (
    <Stack>
      <Anchor component={Link} to="/sharing/assistance" size="sm">
        ← {t('sharing.assistance.back')}
      </Anchor>
      <Title order={2}>{t('sharing.assistance.new')}</Title>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('sharing.assistance.new')}>
        <Stack gap="sm">
          <Group grow align="start">
            <NativeSelect
              label={t('sharing.assistance.direction')}
              value={direction}
              onChange={(e) => setDirection(e.currentTarget.value as Direction)}
              data={DIRECTIONS.map((d) => ({ value: d, label: t(`sharing.assistance.directions.${d}`) }))}
            />
            <NativeSelect
              label={t('sharing.assistance.partner')}
              required
              value={partner}
              onChange={(e) => setPartner(e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...partners]}
            />
            <TextInput
              label={t('sharing.assistance.partnerReference')}
              maxLength={100}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('sharing.assistance.legalBasis')}
            description={t('sharing.assistance.legalBasisHint')}
            required
            maxLength={500}
            dir="auto"
            value={legalBasis}
            onChange={(e) => setLegalBasis(e.currentTarget.value)}
          />
          <TextInput
            label={t('sharing.assistance.subject')}
            required
            maxLength={500}
            dir="auto"
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <Textarea
            label={t('sharing.assistance.questions')}
            required
            autosize
            minRows={4}
            maxLength={50_000}
            dir="auto"
            value={questions}
            onChange={(e) => setQuestions(e.currentTarget.value)}
          />
          <Textarea
            label={t('sharing.assistance.subjects')}
            description={t('sharing.assistance.subjectsHint', { types: SUBJECT_TYPES.join(', ') })}
            autosize
            minRows={2}
            dir="ltr"
            value={subjects}
            onChange={(e) => setSubjects(e.currentTarget.value)}
          />
          <Group align="end">
            <TextInput
              type="date"
              label={t('sharing.assistance.deadline')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
            />
            {direction === 'incoming' && (
              <TextInput
                type="date"
                label={t('sharing.assistance.receivedOn')}
                value={sentOn}
                onChange={(e) => setSentOn(e.currentTarget.value)}
              />
            )}
            <Button
              type="submit"
              loading={busy}
              disabled={!partner || !legalBasis.trim() || !subject.trim() || !questions.trim()}
            >
              {t('sharing.assistance.create')}
            </Button>
          </Group>
          <ErrorAlert error={error} />
        </Stack>
      </Card>
    </Stack>
  );
}
