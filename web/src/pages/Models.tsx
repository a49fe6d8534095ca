/**
 * The model registry: versions and their status, what each leans on (feature importance), how it ranks
 * (precision at n %), whether the population moved (drift) and whom it selects (bias); training and promotion
 * (with four-eyes on, a promotion request that a second person approves on the approvals page).
 */
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../api/types.ts';
import { apiGet, apiSend } from '../api.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { ErrorAlert, Pending, useErrorMessage } from '../components/ErrorAlert.tsx';
import { GridPanel } from '../components/GridPanel.tsx';
import { TableHead } from '../components/table.tsx';
import { formatDate, formatNumber, useLang } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { ModelCardPanel } from './models/ModelCardPanel.tsx';
import { PromotionRequestButton } from './models/PromotionRequest.tsx';
import { ReplayPanel } from './models/ReplayPanel.tsx';

type Detail = ApiResponse<'/api/models/{id}'>;

/**
 * The out-of-time check stored in a model's metrics (src/modules/ml/registry.ts). The API types `metrics` as an
 * open record, so its shape is written here and read defensively.
 */
interface Holdout {
  from: string;
  to: string;
  auc: number;
  precisionAt5: number;
  precisionAt10: number;
}
function holdoutOf(model: Pick<Detail, 'metrics'>): Holdout | null {
  const holdout = model.metrics['holdout'];
  return holdout && typeof holdout === 'object' && 'from' in holdout ? (holdout as Holdout) : null;
}

const STATUS_COLOURS = { candidate: 'blue', active: 'green', retired: 'gray' } as const;
const pct = (lang: string, x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${formatNumber(lang, x * 100, 1)} %`;

function ModelDetail({ id }: { id: number }) {
  const { t, lang, rtl } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const message = useErrorMessage();
  const [actionError, setActionError] = useState<unknown>(null);
  const detail = useQuery({
    queryKey: ['model', id],
    queryFn: () => apiGet('/api/models/{id}', { path: { id } }),
  });
  // Judge the model on what came after its training window: the stored model refits on its held-out days too, so
  // it would look perfect there (the headline's out-of-time figures come from before that refit). The server moves
  // a window that starts inside the training window after it, and says which period it measured.
  const holdout = detail.data ? holdoutOf(detail.data) : null;
  const from = detail.data ? nextDay(detail.data.trained_to) : undefined;
  const to = undefined;
  const evaluation = useQuery({
    queryKey: ['model-eval', id, from],
    queryFn: () => apiGet('/api/models/{id}/evaluation', { path: { id }, query: { from, to } }),
    enabled: Boolean(from),
    retry: false,
  });
  const drift = useQuery({
    queryKey: ['model-drift', id],
    queryFn: () => apiGet('/api/models/{id}/drift', { path: { id }, query: { from, to } }),
    enabled: Boolean(from),
    retry: false,
  });
  const bias = useQuery({
    queryKey: ['model-bias', id, from],
    queryFn: () => apiGet('/api/models/{id}/bias', { path: { id }, query: { from, to, share: 0.1 } }),
    enabled: Boolean(from),
    retry: false,
  });

  const charts = useMemo(() => {
    const importance: ChartOption | null = detail.data
      ? {
          tooltip: { trigger: 'axis' },
          grid: { left: 150, right: 20, top: 10, bottom: 30 },
          xAxis: {
            type: 'value',
            inverse: rtl,
            axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
          },
          yAxis: {
            type: 'category',
            position: rtl ? 'right' : 'left',
            data: detail.data.importance
              .slice(0, 12)
              .map((f) => f.feature)
              .reverse(),
          },
          series: [
            {
              type: 'bar',
              data: detail.data.importance
                .slice(0, 12)
                .map((f) => f.gain)
                .reverse(),
              itemStyle: { color: '#4c6ef5' },
            },
          ],
        }
      : null;
    const curve: ChartOption | null = evaluation.data
      ? {
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('models.precision'), t('models.recall'), t('models.revenue')] },
          grid: { left: 50, right: 20, top: 40, bottom: 30 },
          xAxis: {
            type: 'category',
            inverse: rtl,
            data: evaluation.data.curve.map((c) => `${Math.round(c.share * 100)} %`),
          },
          yAxis: {
            type: 'value',
            max: 1,
            position: rtl ? 'right' : 'left',
            axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
          },
          series: [
            {
              name: t('models.precision'),
              type: 'line',
              data: evaluation.data.curve.map((c) => c.precision),
              itemStyle: { color: '#e03131' },
            },
            {
              name: t('models.recall'),
              type: 'line',
              data: evaluation.data.curve.map((c) => c.recall),
              itemStyle: { color: '#4c6ef5' },
            },
            {
              name: t('models.revenue'),
              type: 'line',
              data: evaluation.data.curve.map((c) => c.revenue),
              itemStyle: { color: '#2f9e44' },
            },
          ],
        }
      : null;
    return { importance, curve };
  }, [detail.data, evaluation.data, t, rtl]);

  const act = async (action: 'promote' | 'retire') => {
    setActionError(null);
    try {
      await apiSend('post', `/api/models/{id}/${action}`, { path: { id } });
      await client.invalidateQueries({ queryKey: ['models'] });
      await client.invalidateQueries({ queryKey: ['model', id] });
      await client.invalidateQueries({ queryKey: ['model-card', id] });
    } catch (error) {
      setActionError(error);
    }
  };

  const d = detail.data;
  if (!d) return <Pending query={detail} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>
          {d.name} <Badge color={STATUS_COLOURS[d.status]}>{t(`models.status.${d.status}`)}</Badge>
        </Title>
        {can('models:manage') && (
          <Group>
            {d.status !== 'active' && <PromotionRequestButton id={id} onDirect={() => void act('promote')} />}
            {d.status !== 'retired' && (
              <Button variant="light" color="gray" onClick={() => void act('retire')}>
                {t('models.retire')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {actionError !== null && <Text c="red">{message(actionError)}</Text>}
      <Text size="sm" c="dimmed">
        {t('models.window', {
          from: formatDate(lang, d.trained_from),
          to: formatDate(lang, d.trained_to),
          lines: formatNumber(lang, d.n_lines),
          trees: d.trees,
        })}
      </Text>
      {holdout && (
        <Text size="sm">
          {t('models.holdout', {
            from: formatDate(lang, holdout.from),
            to: formatDate(lang, holdout.to),
          })}{' '}
          — AUC {formatNumber(lang, holdout.auc, 3)}, P@5 % {pct(lang, holdout.precisionAt5)}, P@10 %{' '}
          {pct(lang, holdout.precisionAt10)}
        </Text>
      )}
      <Grid>
        <GridPanel lg={6} title={t('models.importance')}>
          {charts.importance && (
            <Chart option={charts.importance} label={t('models.importance')} height={320} />
          )}
        </GridPanel>
        <GridPanel lg={6} title={t('models.curve', { from: from ? formatDate(lang, from) : '' })}>
          {evaluation.error ? (
            <Text c="dimmed" size="sm">
              {message(evaluation.error)}
            </Text>
          ) : evaluation.data && !evaluation.data.enough ? (
            <MeasuredOn period={evaluation.data} lines={evaluation.data.n} />
          ) : (
            charts.curve && (
              <>
                <Chart option={charts.curve} label={t('models.curve', { from: '' })} height={320} />
                {evaluation.data && <MeasuredOn period={evaluation.data} lines={evaluation.data.n} />}
              </>
            )
          )}
        </GridPanel>
        <GridPanel lg={6} title={t('models.drift')}>
          {drift.data && (
            <>
              <Text size="sm">
                {t('models.scorePsi')}: {formatNumber(lang, drift.data.score_psi, 3)} (
                {formatNumber(lang, drift.data.current_lines)} {t('models.lines')})
              </Text>
              <Table>
                <Table.Tbody>
                  {drift.data.features.slice(0, 8).map((f) => (
                    <Table.Tr key={f.feature}>
                      <Table.Td>{f.feature}</Table.Td>
                      <Table.Td ta="end">
                        <Badge
                          color={f.psi > 0.25 ? 'red' : f.psi > 0.1 ? 'yellow' : 'green'}
                          variant="light"
                        >
                          PSI {formatNumber(lang, f.psi, 3)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {drift.error && (
            <Text c="dimmed" size="sm">
              {message(drift.error)}
            </Text>
          )}
        </GridPanel>
        <GridPanel lg={6} title={t('models.bias')}>
          {bias.error && (
            <Text c="dimmed" size="sm">
              {message(bias.error)}
            </Text>
          )}
          {bias.data && <MeasuredOn period={bias.data} lines={bias.data.lines} />}
          {bias.data?.enough && (
            <Table>
              <TableHead
                columns={[
                  t('declarations.office'),
                  { label: t('models.selectionRate'), ta: 'end' },
                  { label: t('models.precision'), ta: 'end' },
                  { label: t('dashboard.fraudRate'), ta: 'end' },
                ]}
              />
              <Table.Tbody>
                {bias.data.by_office.slice(0, 8).map((r) => (
                  <Table.Tr key={r.group}>
                    <Table.Td>{r.group}</Table.Td>
                    <Table.Td ta="end">{pct(lang, r.selectionRate)}</Table.Td>
                    <Table.Td ta="end">{pct(lang, r.precision)}</Table.Td>
                    <Table.Td ta="end">{pct(lang, r.fraudRate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </GridPanel>
        <ModelCardPanel id={id} />
      </Grid>
    </Stack>
  );
}

type JudgedPeriod = { from: string; to: string | null; enough: boolean };

/**
 * Which period a figure was measured on (after the training window, never inside it), or, when too few declarations
 * came after it (a model trained up to the latest data), that there are no figures yet.
 */
function MeasuredOn({ period, lines }: { period: JudgedPeriod; lines: number }) {
  const { t, lang } = useLang();
  const values = {
    from: formatDate(lang, period.from),
    to: period.to ? formatDate(lang, period.to) : t('models.latest'),
    lines: formatNumber(lang, lines),
    min: formatNumber(lang, 20),
  };
  return period.enough ? (
    <Text size="xs" c="dimmed" data-testid="model-period">
      {t('models.measuredOn', values)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" data-testid="model-not-enough">
      {t('models.notEnough', values)}
    </Text>
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function TrainForm() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<{ error?: unknown; queued?: boolean }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await apiSend('post', '/api/models/train', { json: { name, ...(to ? { to } : {}) } });
      setState({ queued: true });
      await client.invalidateQueries({ queryKey: ['jobs'] });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Group align="end">
        <TextInput
          label={t('models.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t('models.until')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button type="submit">{t('models.train')}</Button>
      </Group>
      {state.queued && (
        <Text size="sm" mt="xs">
          {t('models.queued')}
        </Text>
      )}
      {state.error !== undefined && (
        <Text c="red" size="sm" mt="xs">
          {message(state.error)}
        </Text>
      )}
    </Card>
  );
}

export function Models() {
  const { t, lang } = useLang();
  const { can } = useSession();
  const models = useQuery({
    queryKey: ['models'],
    queryFn: () => apiGet('/api/models'),
  });
  const [selected, setSelected] = useState<number | null>(null);
  const items = models.data?.items ?? [];
  const current = selected ?? items.find((m) => m.status === 'active')?.id ?? items[0]?.id ?? null;
  return (
    <Stack>
      <Title order={2}>{t('models.title')}</Title>
      {can('models:manage') && <TrainForm />}
      <ErrorAlert error={models.error} onRetry={() => void models.refetch()} />
      {models.isLoading && <Loader />}
      {models.data && items.length === 0 && <Text c="dimmed">{t('models.none')}</Text>}
      {items.length > 0 && (
        <>
          <Select
            label={t('models.version')}
            w={360}
            value={current === null ? null : String(current)}
            onChange={(v) => setSelected(v ? Number(v) : null)}
            data={items.map((m) => ({
              value: String(m.id),
              label: `#${m.id} ${m.name} — ${t(`models.status.${m.status}`)} (${formatDate(lang, m.created_at)})`,
            }))}
            allowDeselect={false}
          />
          {current !== null && <ModelDetail id={current} />}
        </>
      )}
      {models.data && <ReplayPanel modelId={current} />}
    </Stack>
  );
}
