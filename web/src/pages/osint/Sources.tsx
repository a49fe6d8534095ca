/**
 * Sources and their health: last run and its status, runs, errors; collect now or upload a platform export and
 * follow the job; enable or disable; each source's runs with their problems located (file:line).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, apiGet, apiSend, route } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { ErrorAlert, QueryStatus } from '../../components/ErrorAlert.tsx';
import { TableHead } from '../../components/table.tsx';
import { useAction } from '../../components/useAction.ts';
import { formatDateTime, formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { useSources } from './Feed.tsx';
import { BADGE_STYLE, type JobAnswer, JobProgress, type Source, StatusBadge } from './shared.tsx';

function SourceActions({ source, onJob }: { source: Source; onJob: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // One action at a time, named so that only its button spins.
  const action = useAction();
  const [what, setWhat] = useState<string | null>(null);
  const busy = action.busy ? what : null;
  const error = action.error;
  const run = (name: string, call: () => Promise<unknown>) => {
    setWhat(name);
    return action.run(async () => {
      await call();
    });
  };
  const collect = () =>
    run('collect', async () => {
      const answer = await apiSend('post', '/api/osint/sources/{id}/collect', {
        path: { id: source.id },
        json: {},
      });
      onJob(answer.job.id);
    });
  const upload = (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    void run('upload', async () => {
      const answer = await api<JobAnswer>(
        route('/api/osint/sources/{id}/upload', { path: { id: source.id } }),
        {
          method: 'POST',
          body: form,
        },
      );
      onJob(answer.job.id);
    });
  };
  const toggle = (enabled: boolean) =>
    run('toggle', async () => {
      await apiSend('patch', '/api/osint/sources/{id}', { path: { id: source.id }, json: { enabled } });
      await client.invalidateQueries({ queryKey: ['osint', 'sources'] });
    });
  const format = typeof source.config.format === 'string' ? source.config.format : null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {source.type === 'file' ? (
          <FileButton onChange={upload} accept=".ndjson,.jsonl,.json,.csv,.tsv,.txt">
            {(props) => (
              <Tooltip label={t('osint.sources.uploadHint', { format: format ?? '—' })}>
                <Button
                  {...props}
                  size="compact-xs"
                  variant="light"
                  loading={busy === 'upload'}
                  disabled={!source.enabled}
                >
                  {t('osint.sources.upload')}
                </Button>
              </Tooltip>
            )}
          </FileButton>
        ) : (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => void collect()}
            loading={busy === 'collect'}
            disabled={!source.enabled || source.health.running}
          >
            {t('osint.sources.collect')}
          </Button>
        )}
        <Switch
          size="xs"
          checked={source.enabled}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          disabled={busy === 'toggle'}
          label={source.enabled ? t('osint.sources.enabled') : t('osint.sources.disabled')}
          aria-label={t('osint.sources.enable')}
        />
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}

export function Sources() {
  const { t, lang, rtl } = useLang();
  const { can } = useSession();
  const manage = can('osint:manage');
  const sources = useSources();
  const [jobs, setJobs] = useState<Record<number, string>>({});
  const chart = useMemo<ChartOption | null>(() => {
    const items = sources.data?.items;
    if (!items?.length) return null;
    const rows = [...items].sort((a, b) => a.health.total_items - b.health.total_items);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 10, right: 30, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', inverse: rtl },
      yAxis: {
        type: 'category',
        position: rtl ? 'right' : 'left',
        data: rows.map((s) => (s.name.length > 38 ? `${s.name.slice(0, 37)}…` : s.name)),
      },
      series: [
        {
          type: 'bar',
          name: t('osint.sources.items'),
          data: rows.map((s) => ({
            value: s.health.total_items,
            itemStyle: {
              color:
                s.health.last_status === 'failed'
                  ? '#e03131'
                  : s.health.last_status === 'partial'
                    ? '#f59f00'
                    : '#4c6ef5',
            },
          })),
          label: { show: true, position: rtl ? 'left' : 'right' },
        },
      ],
    };
  }, [sources.data, rtl, t]);
  const data = sources.data;
  return (
    <Stack gap="sm">
      <QueryStatus query={sources} />
      {data && (
        <>
          {chart && (
            <Card withBorder padding="sm">
              <Text fw={600} size="sm">
                {t('osint.sources.itemsPerSource')}
              </Text>
              <Chart
                option={chart}
                label={t('osint.sources.itemsPerSource')}
                height={40 + 34 * data.items.length}
              />
            </Card>
          )}
          <Table.ScrollContainer minWidth={manage ? 1000 : 860}>
            <Table striped fz="sm" aria-label={t('osint.tabs.sources')} verticalSpacing="xs">
              <TableHead
                columns={[
                  t('osint.sources.name'),
                  t('osint.sources.type'),
                  t('osint.sources.health'),
                  t('osint.sources.lastRun'),
                  { label: t('osint.sources.runs'), ta: 'end' },
                  { label: t('osint.sources.items'), ta: 'end' },
                  t('osint.sources.lastError'),
                  manage && t('osint.sources.actions'),
                ]}
              />
              <Table.Tbody>
                {data.items.map((s) => {
                  const job = jobs[s.id] ?? (s.health.running ? s.health.running_job_id : null);
                  return (
                    <Fragment key={s.id}>
                      <Table.Tr data-testid="source-row" style={{ opacity: s.enabled ? 1 : 0.65 }}>
                        <Table.Td>
                          <Anchor component={Link} to={`/osint/sources/${s.id}`} fw={600} size="sm">
                            {s.name}
                          </Anchor>
                          {!s.enabled && (
                            <Badge size="xs" color="gray" variant="outline" ms={6}>
                              {t('osint.sources.disabled')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {t(`osint.sourceTypes.${s.type}`)}
                          {s.interval_minutes ? (
                            <Text size="xs" c="dimmed">
                              {t('osint.sources.every', { minutes: s.interval_minutes })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          {s.health.running ? (
                            <StatusBadge status="running" />
                          ) : (
                            <StatusBadge status={s.health.last_status} />
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(lang, s.health.last_run_at)}
                        </Table.Td>
                        <Table.Td ta="end">{formatNumber(lang, s.health.runs)}</Table.Td>
                        <Table.Td ta="end">
                          {formatNumber(lang, s.health.total_items)}
                          {s.health.last_run_at && (
                            <Text size="xs" c="dimmed">
                              {t('osint.sources.lastItems', { count: s.health.last_items })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td maw={320}>
                          {s.health.last_error ? (
                            <Text size="xs" c="red" lineClamp={2} title={s.health.last_error}>
                              {s.health.last_errors > 1 && `(${s.health.last_errors}) `}
                              {s.health.last_error}
                            </Text>
                          ) : (
                            <Text size="xs" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                        {manage && (
                          <Table.Td>
                            <SourceActions
                              source={s}
                              onJob={(id) => setJobs((j) => ({ ...j, [s.id]: id }))}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                      {job && (
                        <Table.Tr>
                          <Table.Td colSpan={manage ? 8 : 7}>
                            <JobProgress id={job} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.items.length === 0 && (
            <Paper withBorder p="xl" ta="center">
              <Text c="dimmed">{t('osint.sources.empty')}</Text>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

export function SourceRuns() {
  const { t, lang } = useLang();
  const { id } = useParams();
  const source = useQuery({
    queryKey: ['osint', 'source', id],
    queryFn: () => apiGet('/api/osint/sources/{id}', { path: { id: Number(id) } }),
  });
  const runs = useQuery({
    queryKey: ['osint', 'runs', id],
    queryFn: () => apiGet('/api/osint/sources/{id}/runs', { path: { id: Number(id) }, query: { limit: 50 } }),
  });
  const s = source.data;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Anchor component={Link} to="/osint/sources" size="sm">
          {t('osint.sources.back')}
        </Anchor>
        {s && (
          <>
            <Title order={3}>{s.name}</Title>
            <Badge variant="default">{t(`osint.sourceTypes.${s.type}`)}</Badge>
            <StatusBadge status={s.health.last_status} />
          </>
        )}
      </Group>
      <ErrorAlert error={source.error ?? runs.error} onRetry={() => void runs.refetch()} />
      {!runs.data && !runs.error && <Loader aria-label={t('common.loading')} />}
      {runs.data && runs.data.items.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed">{t('osint.runs.empty')}</Text>
        </Paper>
      )}
      {runs.data?.items.map((run) => (
        <Card withBorder padding="sm" key={run.id} data-testid="run">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>{t('osint.runs.run', { id: run.id })}</Text>
              <StatusBadge status={run.status} />
              <Text size="xs" c="dimmed">
                {formatDateTime(lang, run.started_at)} · {run.started_by}
              </Text>
            </Group>
            <Text size="sm">
              {t('osint.runs.summary', {
                fetched: formatNumber(lang, run.fetched),
                items: formatNumber(lang, run.items_new),
                seen: formatNumber(lang, run.items_seen),
                reposts: formatNumber(lang, run.reposts),
                alerts: formatNumber(lang, run.alerts),
                errors: formatNumber(lang, run.errors),
              })}
            </Text>
          </Group>
          {run.problems.length > 0 && (
            <Table fz="xs" mt="xs" withTableBorder aria-label={t('osint.runs.problems')}>
              <TableHead
                columns={[
                  { label: t('osint.runs.where'), w: 200 },
                  { label: t('osint.runs.severity'), w: 90 },
                  { label: t('osint.runs.code'), w: 150 },
                  t('osint.runs.message'),
                ]}
              />
              <Table.Tbody>
                {run.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
                  <Table.Tr key={i}>
                    <Table.Td>
                      <code>{p.where}</code>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="xs"
                        color={p.severity === 'error' ? 'red' : 'yellow'}
                        variant="light"
                        style={BADGE_STYLE}
                      >
                        {t(`osint.runs.severities.${p.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <code>{p.code}</code>
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}
