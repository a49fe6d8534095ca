/**
 * An operation's final report (`reports:read`), the shape of the published STOP IV results: totals, then figures by
 * threat category, participant and detection source (charts and tables), quantities by unit, cases by type and
 * status; each table as CSV and the whole report as PDF in French or Arabic (the server's exports, audited).
 * Participants and keys come from recorded data: the charts show them as text (Chart.tsx escapes tooltips).
 */
import { Anchor, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { apiGet, route } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert, Pending } from '../../components/ErrorAlert.tsx';
import { GridPanel } from '../../components/GridPanel.tsx';
import { TableHead } from '../../components/table.tsx';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { CASE_STATUSES, CASE_TYPES, caseKeys, ExportLinks, type OperationReport } from './shared.tsx';

const TABLES = [
  'totals',
  'category',
  'participant',
  'detection_source',
  'quantities',
  'case_type',
  'case_status',
] as const;
const TOTALS = [
  'cases',
  'seizures',
  'lines',
  'estimated_value',
  'net_mass_kg',
  'duties_at_stake',
  'duties_recovered',
  'fines',
  'settlements',
] as const;
type GroupRow = OperationReport['by_category'][number];

export const exportHref = (id: number, query: Record<string, string>) =>
  route('/api/operations/{id}/report/export', { path: { id }, query });

/** Bars of seizures with their estimated value (a line on a second axis), one per key; keys drawn as text. */
function barOption(
  rows: GroupRow[],
  labels: { count: string; value: string },
  keyLabel: (key: string) => string,
  rtl: boolean,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.count, labels.value] },
    grid: { left: 50, right: 60, top: 36, bottom: 70 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => keyLabel(r.key)),
      inverse: rtl,
      axisLabel: { rotate: 30, width: 110, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', position: rtl ? 'right' : 'left', minInterval: 1 },
      { type: 'value', position: rtl ? 'left' : 'right', splitLine: { show: false } },
    ],
    series: [
      { name: labels.count, type: 'bar', data: rows.map((r) => r.seizures), itemStyle: { color: '#4c6ef5' } },
      {
        name: labels.value,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.estimated_value),
        itemStyle: { color: '#f08c00' },
      },
    ],
  };
}

function GroupTable({
  title,
  rows,
  keyLabel,
  keyTitle,
  testId,
}: {
  title: string;
  rows: GroupRow[];
  keyLabel: (key: string) => string;
  keyTitle: string;
  testId: string;
}) {
  const { t, lang } = useLang();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" data-testid={testId}>
          <TableHead
            columns={[
              keyTitle,
              { label: t('operations.totals.seizures'), ta: 'end' },
              { label: t('operations.totals.lines'), ta: 'end' },
              { label: t('operations.totals.estimated_value'), ta: 'end' },
              { label: t('operations.totals.duties_at_stake'), ta: 'end' },
              { label: t('operations.totals.duties_recovered'), ta: 'end' },
              { label: t('operations.totals.fines'), ta: 'end' },
              { label: t('operations.totals.settlements'), ta: 'end' },
            ]}
          />
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td dir="auto">{keyLabel(r.key)}</Table.Td>
                <Table.Td ta="end">{n(r.seizures)}</Table.Td>
                <Table.Td ta="end">{n(r.lines)}</Table.Td>
                <Table.Td ta="end">{n(r.estimated_value)}</Table.Td>
                <Table.Td ta="end">{n(r.duties_at_stake)}</Table.Td>
                <Table.Td ta="end">{n(r.duties_recovered)}</Table.Td>
                <Table.Td ta="end">{n(r.fines)}</Table.Td>
                <Table.Td ta="end">{n(r.settlements)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function CountTable({
  rows,
  label,
}: {
  rows: { key: string; cases: number }[];
  label: (k: string) => string;
}) {
  const { t, lang } = useLang();
  return (
    <Table fz="sm">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{label(r.key)}</Table.Td>
            <Table.Td ta="end">
              {formatNumber(lang, r.cases)} {t('operations.totals.cases').toLowerCase()}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Report({ report: r }: { report: OperationReport }) {
  const { t, i18n, lang, rtl } = useLang();
  const id = r.operation.id;
  const category = (key: string) =>
    i18n.exists(`cases.categories.${key}`) ? t(`cases.categories.${key}`) : key;
  const source = (key: string) =>
    key === 'unknown'
      ? t('operations.unknownSource')
      : i18n.exists(`cases.detection.${key}`)
        ? t(`cases.detection.${key}`)
        : key;
  const same = (key: string) => key;
  const charts = useMemo(() => {
    const labels = { count: t('operations.totals.seizures'), value: t('operations.totals.estimated_value') };
    const cat = (key: string) =>
      i18n.exists(`cases.categories.${key}`) ? t(`cases.categories.${key}`) : key;
    const src = (key: string) =>
      key === 'unknown'
        ? t('operations.unknownSource')
        : i18n.exists(`cases.detection.${key}`)
          ? t(`cases.detection.${key}`)
          : key;
    return {
      category: barOption(r.by_category, labels, cat, rtl),
      participant: barOption(r.by_participant, labels, (k) => k, rtl),
      source: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: r.by_detection_source.map((s) => ({ name: src(s.key), value: s.seizures })),
          },
        ],
      } satisfies ChartOption,
    };
  }, [r, t, i18n, rtl]);
  return (
    <Stack>
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={2} dir="auto" data-testid="report-title">
          {t('operations.report')} · <bdi>{r.operation.name}</bdi>
        </Title>
        <ExportLinks
          label={t('operations.csv')}
          gap="xs"
          tables={TABLES}
          tableLabel={(table) => t(`operations.tables.${table}`)}
          csv={(table) => ({
            href: exportHref(id, { format: 'csv', table }),
            download: `vigie-operation-${r.operation.code}-${table}.csv`,
          })}
          pdf={(l) => ({
            href: exportHref(id, { format: 'pdf', lang: l }),
            download: `vigie-operation-${r.operation.code}-${l}.pdf`,
          })}
        />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="report-totals">
        {TOTALS.map((k) => (
          <Card withBorder padding="sm" key={k}>
            <Text size="xs" c="dimmed">
              {t(`operations.totals.${k}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`total-${k}`}>
              {formatNumber(lang, r.totals[k], k === 'net_mass_kg' ? 1 : 0)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Grid>
        <GridPanel lg={6} title={t('operations.by.category')}>
          <Chart option={charts.category} label={t('operations.by.category')} height={320} />
        </GridPanel>
        <GridPanel lg={6} title={t('operations.by.participant')}>
          <Chart option={charts.participant} label={t('operations.by.participant')} height={320} />
        </GridPanel>
        <GridPanel lg={6} title={t('operations.by.detection_source')}>
          <Chart option={charts.source} label={t('operations.by.detection_source')} height={320} />
        </GridPanel>
        <GridPanel lg={6} title={t('operations.by.case_status')}>
          <CountTable
            rows={r.cases_by_status}
            label={(k) => ((CASE_STATUSES as readonly string[]).includes(k) ? t(`cases.status.${k}`) : k)}
          />
          <Text fw={600} size="sm" mt="sm">
            {t('operations.by.case_type')}
          </Text>
          <CountTable
            rows={r.cases_by_type}
            label={(k) => ((CASE_TYPES as readonly string[]).includes(k) ? t(`cases.types.${k}`) : k)}
          />
        </GridPanel>
      </Grid>
      <GroupTable
        title={t('operations.by.category')}
        rows={r.by_category}
        keyLabel={category}
        keyTitle={t('cases.seizures.category')}
        testId="report-category"
      />
      <GroupTable
        title={t('operations.by.participant')}
        rows={r.by_participant}
        keyLabel={same}
        keyTitle={t('operations.participants')}
        testId="report-participant"
      />
      <GroupTable
        title={t('operations.by.detection_source')}
        rows={r.by_detection_source}
        keyLabel={source}
        keyTitle={t('cases.seizure.detectionSource')}
        testId="report-source"
      />
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('operations.by.quantities')}
        </Text>
        <Table fz="sm" data-testid="report-quantities">
          <TableHead
            columns={[
              t('cases.seizures.category'),
              t('operations.unit'),
              { label: t('operations.totals.lines'), ta: 'end' },
              { label: t('operations.quantity'), ta: 'end' },
              { label: t('operations.totals.net_mass_kg'), ta: 'end' },
            ]}
          />
          <Table.Tbody>
            {r.quantities.map((q) => (
              <Table.Tr key={`${q.category}-${q.unit}`}>
                <Table.Td>{category(q.category)}</Table.Td>
                <Table.Td>{t(`cases.units.${q.unit}`, { defaultValue: q.unit })}</Table.Td>
                <Table.Td ta="end">{formatNumber(lang, q.lines)}</Table.Td>
                <Table.Td ta="end">{formatNumber(lang, q.quantity, 2)}</Table.Td>
                <Table.Td ta="end">{formatNumber(lang, q.net_mass_kg, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

export function OperationReportPage() {
  const { t } = useLang();
  const { can } = useSession();
  const id = Number(useParams().id);
  const allowed = can('reports:read');
  const report = useQuery({
    queryKey: caseKeys.operationReport(id),
    queryFn: () => apiGet('/api/operations/{id}/report', { path: { id } }),
    enabled: allowed && Number.isInteger(id) && id > 0,
  });
  const back = (
    <Anchor component={Link} to={`/operations/${id}`} size="sm">
      ← {t('operations.back')}
    </Anchor>
  );
  if (!allowed)
    return (
      <Stack>
        {back}
        <Text c="dimmed">{t('operations.noReport')}</Text>
      </Stack>
    );
  if (!report.data) return <Pending query={report} back={back} />;
  return (
    <Stack>
      {back}
      {report.error ? <ErrorAlert error={report.error} /> : null}
      <Report report={report.data} />
    </Stack>
  );
}
