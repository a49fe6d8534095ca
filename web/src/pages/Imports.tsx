/**
 * Imports: upload a file, choose what it holds and its profile, follow the job live (server-sent events), see the
 * rejected rows with their reasons, download the rejects file, cancel a running import.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, apiGet, apiSend, route } from '../api.ts';
import { ErrorAlert, useErrorMessage } from '../components/ErrorAlert.tsx';
import { TableHead } from '../components/table.tsx';
import { useAction } from '../components/useAction.ts';
import { FINAL_STATES, type Job, useJob } from '../components/useJob.ts';
import { formatDateTime, formatNumber, useLang } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

const TARGETS = ['declarations', 'manifests', 'payments', 'companies', 'trademarks'] as const;
/** The date formats the import engine reads (src/platform/ingest/fields.ts, DATE_FORMATS). */
const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'YYYYMMDD',
  'YYYY/MM/DD',
];

// An import's report is its job's result, which the API types as `unknown` (jobs of every kind share the route):
// its shape is written here, after src/platform/ingest.
interface RowError {
  file: string;
  line: number;
  within?: string;
  column?: string;
  field?: string;
  message: string;
}
interface ImportResult {
  ok: boolean;
  rowsRead: number;
  rowsRejected: number;
  counts: Record<string, number>;
  errorCount: number;
  errors: RowError[];
  fileError?: { message: string };
  rejects_url: string | null;
}
const STATE_COLOURS: Record<Job['state'], string> = {
  queued: 'gray',
  running: 'blue',
  retrying: 'yellow',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

function JobResult({ job }: { job: Job }) {
  const { t, lang } = useLang();
  const result = job.result as ImportResult | null;
  if (job.state === 'failed') return <Alert color="red">{job.error}</Alert>;
  if (!result || job.kind !== 'import') return null;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('imports.rowsRead', { count: formatNumber(lang, result.rowsRead) as unknown as number })} —{' '}
        {Object.entries(result.counts)
          .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${formatNumber(lang, v)}`)
          .join(', ')}
      </Text>
      {result.fileError && (
        <Alert color="red" role="alert">
          {result.fileError.message}
        </Alert>
      )}
      {!result.ok && !result.fileError && (
        <Alert color="red" role="alert">
          {t('imports.nothingWritten')}
        </Alert>
      )}
      {result.rejects_url?.startsWith('/api/uploads/') && (
        <a href={result.rejects_url} download>
          {t('imports.rejects')} ({formatNumber(lang, result.rowsRejected)})
        </a>
      )}
      {result.errors.length > 0 && (
        <Table aria-label={t('imports.errors')} data-testid="import-errors">
          <TableHead columns={[t('declaration.line'), t('imports.column'), t('imports.errors')]} />
          <Table.Tbody>
            {result.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity of their own
              <Table.Tr key={i}>
                <Table.Td>
                  {e.file}:{e.line}
                  {e.within ? ` ${e.within}` : ''}
                </Table.Td>
                <Table.Td>
                  {e.column ? `${e.column}${e.field ? ` (${e.field})` : ''}` : (e.field ?? '')}
                </Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.errorCount > result.errors.length && (
        <Text size="sm">… +{formatNumber(lang, result.errorCount - result.errors.length)}</Text>
      )}
    </Stack>
  );
}

function JobCard({ job: initial }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { job: live } = useJob(FINAL_STATES.includes(initial.state) ? null : initial.id, {
    initial,
    onEnd: () => {
      void client.invalidateQueries({ queryKey: ['jobs'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
      void client.invalidateQueries({ queryKey: ['declarations'] });
    },
  });
  const job = live ?? initial;
  const { user, can } = useSession();
  const percent = job.total
    ? Math.min(100, (100 * job.done) / job.total)
    : job.state === 'completed'
      ? 100
      : 0;
  // An import the engine refused (bad rows in atomic mode) is a completed job with nothing written.
  const refused =
    job.kind === 'import' && job.state === 'completed' && (job.result as ImportResult | null)?.ok === false;
  const params = job.params as { file_name?: string; target?: string; profile?: string };
  const title =
    job.kind === 'import' && params.file_name
      ? t('imports.jobTitle', {
          file: params.file_name,
          target: t(`imports.targets.${params.target}`),
          profile: params.profile,
        })
      : job.title;
  const cancellable =
    ['queued', 'running', 'retrying'].includes(job.state) &&
    (job.created_by === user?.id || can('jobs:manage'));
  return (
    <Card withBorder data-testid="job-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Group gap="xs">
          <Badge color={refused ? 'red' : STATE_COLOURS[job.state]} data-testid="job-state">
            {refused ? t('imports.refused') : t(`imports.states.${job.state}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(i18n.language, job.created_at)}
          </Text>
          {cancellable && (
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => void apiSend('post', '/api/jobs/{id}/cancel', { path: { id: job.id } })}
            >
              {t('imports.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      {['queued', 'running', 'retrying'].includes(job.state) && (
        <Stack gap={4}>
          <Progress value={percent} animated aria-label={t('imports.progress')} />
          <Text size="xs" c="dimmed">
            {job.message ?? ''}
            {job.eta_seconds !== null ? ` — ${t('imports.eta', { seconds: job.eta_seconds })}` : ''}
          </Text>
        </Stack>
      )}
      <JobResult job={job} />
    </Card>
  );
}

export function Imports() {
  const { t } = useTranslation();
  const { can } = useSession();
  const message = useErrorMessage();
  const client = useQueryClient();
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: () => apiGet('/api/jobs', { query: { limit: 10, scheduled: 'hide' } }),
  });
  const [target, setTarget] = useState<string>('declarations');
  const [profile, setProfile] = useState('native');
  const [mode, setMode] = useState('atomic');
  const [file, setFile] = useState<File | null>(null);
  // The file's conventions; '' leaves them to the profile (and the encoding and delimiter to detection).
  const [encoding, setEncoding] = useState('');
  const [delimiter, setDelimiter] = useState('');
  const [decimal, setDecimal] = useState('');
  const [dateFormat, setDateFormat] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setError(new ApiError(400, 'upload.missing_file', ''));
      return;
    }
    const form = new FormData();
    form.set('target', target);
    form.set('profile', profile);
    form.set('mode', mode);
    if (encoding) form.set('encoding', encoding);
    if (delimiter) form.set('delimiter', delimiter);
    if (decimal) form.set('decimal_separator', decimal);
    if (dateFormat) form.set('date_format', dateFormat);
    form.set('file', file);
    await run(async () => {
      await api(route('/api/imports'), { method: 'POST', body: form });
      setFile(null);
      await client.invalidateQueries({ queryKey: ['jobs'] });
    });
  };
  return (
    <Stack>
      <Title order={2}>{t('imports.title')}</Title>
      {can('imports:write') && (
        <Card withBorder component="form" onSubmit={submit} aria-label={t('imports.upload')}>
          <Text fw={600} mb="sm">
            {t('imports.upload')}
          </Text>
          <Group align="end" wrap="wrap">
            <Select
              label={t('imports.target')}
              value={target}
              onChange={(v) => setTarget(v ?? 'declarations')}
              data={TARGETS.map((v) => ({ value: v, label: t(`imports.targets.${v}`) }))}
              allowDeselect={false}
              w={220}
            />
            <TextInput
              label={t('imports.profile')}
              value={profile}
              onChange={(e) => setProfile(e.currentTarget.value)}
              w={140}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('imports.mode')}
              </Text>
              <SegmentedControl
                value={mode}
                onChange={setMode}
                data={[
                  { value: 'atomic', label: t('imports.atomic') },
                  { value: 'skip_invalid', label: t('imports.skipInvalid') },
                ]}
              />
            </Stack>
            <FileInput
              label={t('imports.file')}
              value={file}
              onChange={setFile}
              accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl"
              w={260}
              clearable
              data-testid="import-file"
            />
            <Button type="submit" loading={busy}>
              {t('imports.start')}
            </Button>
          </Group>
          <Group align="end" wrap="wrap" mt="sm" aria-label={t('imports.conventions')} role="group">
            <Select
              label={t('imports.encoding')}
              value={encoding}
              onChange={(v) => setEncoding(v ?? '')}
              data={[
                { value: '', label: t('imports.auto') },
                { value: 'utf-8', label: 'UTF-8' },
                { value: 'windows-1252', label: 'Windows-1252' },
                { value: 'latin1', label: 'ISO-8859-1' },
              ]}
              allowDeselect={false}
              w={160}
            />
            <Select
              label={t('imports.delimiter')}
              value={delimiter}
              onChange={(v) => setDelimiter(v ?? '')}
              data={[
                { value: '', label: t('imports.auto') },
                { value: ';', label: ';' },
                { value: ',', label: ',' },
                { value: '\\t', label: t('imports.tab') },
                { value: '|', label: '|' },
              ]}
              allowDeselect={false}
              w={140}
            />
            <Select
              label={t('imports.decimal')}
              value={decimal}
              onChange={(v) => setDecimal(v ?? '')}
              data={[
                { value: '', label: t('imports.asProfile') },
                { value: '.', label: '1234.56' },
                { value: ',', label: '1234,56' },
              ]}
              allowDeselect={false}
              w={180}
            />
            <Select
              label={t('imports.dateFormat')}
              value={dateFormat}
              onChange={(v) => setDateFormat(v ?? '')}
              data={[
                { value: '', label: t('imports.asProfile') },
                ...DATE_FORMATS.map((f) => ({ value: f, label: f })),
              ]}
              allowDeselect={false}
              w={180}
            />
            <Button
              variant="light"
              onClick={() => {
                setDelimiter(';');
                setDecimal(',');
                setDateFormat('DD/MM/YYYY');
              }}
            >
              {t('imports.frenchSheet')}
            </Button>
          </Group>
          {error !== null && (
            <Alert color="red" mt="sm" role="alert">
              {message(error)}
            </Alert>
          )}
        </Card>
      )}
      <Title order={4}>{t('imports.jobs')}</Title>
      <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      {jobs.data?.items.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </Stack>
  );
}
