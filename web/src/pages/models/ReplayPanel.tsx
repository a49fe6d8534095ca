/**
 * The exploration replay in the open (decision 0040): start a week-by-week replay of exploitation against
 * exploration for a period and an exploration share, follow its progress, and read per strategy and week the
 * precision, the recoveries and the frauds found only by exploration as line charts. Tooltips are built with
 * `html` (every value escaped): strategy names and dates come from the server.
 */
import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { apiGet, apiSend } from '../../api.ts';
import { Chart, type ChartOption, html } from '../../components/Chart.tsx';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { FINAL_STATES, useJob } from '../../components/useJob.ts';
import { formatNumber, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

type Replay = NonNullable<ApiResponse<'/api/models/replays/{id}'>['replay']>;
type StrategyResult = Replay['results'][number];
type Week = StrategyResult['weeks'][number];

export const STRATEGIES = ['exploit', 'hybrid-random', 'hybrid-uncertainty', 'random'] as const;
const COLOURS: Record<string, string> = {
  exploit: '#e03131',
  'hybrid-random': '#4c6ef5',
  'hybrid-uncertainty': '#2f9e44',
  random: '#868e96',
};

/** One line chart: a series per strategy, a point per week; the tooltip lists each strategy's value, escaped. */
function weeklyChart(
  replay: Replay,
  value: (w: Week) => number,
  format: (v: number) => string,
  name: (s: string) => string,
  rtl: boolean,
): ChartOption {
  const weeks = replay.results[0]?.weeks.map((w) => w.from) ?? [];
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const rows = (Array.isArray(params) ? params : [params]) as {
          axisValue: string;
          seriesName: string;
          value: number;
        }[];
        return html`${rows[0]?.axisValue ?? ''}${rows.map((r) => html`<br/>${r.seriesName}: ${format(r.value)}`)}`;
      },
    },
    legend: { top: 0, data: replay.results.map((r) => name(r.strategy)) },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', inverse: rtl, data: weeks },
    yAxis: {
      type: 'value',
      position: rtl ? 'right' : 'left',
      axisLabel: { formatter: (v: number) => format(v) },
    },
    series: replay.results.map((r) => ({
      name: name(r.strategy),
      type: 'line',
      showSymbol: false,
      data: r.weeks.map(value),
      itemStyle: { color: COLOURS[r.strategy] ?? '#000' },
    })),
  };
}

export function ReplayResults({ replay }: { replay: Replay }) {
  const { t, lang, rtl } = useLang();
  const name = (s: string) => t(`models.replay.strategy.${s}`, { defaultValue: s });
  const pct = (v: number) => `${formatNumber(lang, v * 100, 0)} %`;
  const num = (v: number) => formatNumber(lang, v);
  const charts = useMemo(() => {
    const label = (s: string) => t(`models.replay.strategy.${s}`, { defaultValue: s });
    const percent = (v: number) => `${formatNumber(lang, v * 100, 0)} %`;
    const count = (v: number) => formatNumber(lang, v);
    return {
      precision: weeklyChart(
        replay,
        (w) => (w.inspected > 0 ? w.caught / w.inspected : 0),
        percent,
        label,
        rtl,
      ),
      recoveries: weeklyChart(replay, (w) => w.dutiesCaught, count, label, rtl),
      exploration: weeklyChart(replay, (w) => w.caughtByExploration, count, label, rtl),
    };
  }, [replay, lang, rtl, t]);
  return (
    <Stack>
      <Text size="sm" data-testid="replay-summary">
        {t('models.replay.summary', {
          from: replay.from,
          to: replay.to,
          lines: num(replay.lines),
          share: pct(replay.exploration_share),
          rate: pct(replay.inspection_rate),
        })}
      </Text>
      <Group gap="lg">
        {replay.results.map((r) => (
          <Text key={r.strategy} size="sm" data-testid={`replay-${r.strategy}`}>
            {name(r.strategy)}: {t('models.precision')} {pct(r.precision)}, {t('models.recall')}{' '}
            {pct(r.recall)}, {t('models.revenue')} {pct(r.revenue)}, {t('models.replay.onlyByExploration')}{' '}
            {num(r.weeks.reduce((s, w) => s + w.caughtByExploration, 0))}
          </Text>
        ))}
      </Group>
      <Title order={5}>{t('models.replay.precisionChart')}</Title>
      <Chart option={charts.precision} label={t('models.replay.precisionChart')} />
      <Title order={5}>{t('models.replay.recoveriesChart')}</Title>
      <Chart option={charts.recoveries} label={t('models.replay.recoveriesChart')} />
      <Title order={5}>{t('models.replay.explorationChart')}</Title>
      <Chart option={charts.exploration} label={t('models.replay.explorationChart')} />
    </Stack>
  );
}

export function ReplayPanel({ modelId }: { modelId: number | null }) {
  const { t, lang } = useLang();
  const { can } = useSession();
  const client = useQueryClient();
  const message = useErrorMessage();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [share, setShare] = useState<number | string>(20);
  const [rate, setRate] = useState<number | string>(10);
  const [strategies, setStrategies] = useState<string[]>(['exploit', 'hybrid-random', 'hybrid-uncertainty']);
  const [startError, setStartError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['model-replays'], queryFn: () => apiGet('/api/models/replays') });
  const current = chosen ?? list.data?.items[0]?.id ?? null;
  const listed = list.data?.items.find((j) => j.id === current);
  const { job } = useJob(current, {
    ...(listed ? { initial: listed } : {}),
    onEnd: () => void client.invalidateQueries({ queryKey: ['model-replay', current] }),
  });
  const ended = job !== null && FINAL_STATES.includes(job.state);
  const detail = useQuery({
    queryKey: ['model-replay', current],
    queryFn: () => apiGet('/api/models/replays/{id}', { path: { id: current! } }),
    enabled: current !== null && ended,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStartError(null);
    try {
      const queued = await apiSend('post', '/api/models/replays', {
        json: {
          from,
          to,
          exploration_share: Number(share) / 100,
          inspection_rate: Number(rate) / 100,
          strategies: strategies as (typeof STRATEGIES)[number][],
          ...(modelId !== null ? { model_id: modelId } : {}),
        },
      });
      setChosen(queued.id);
      await client.invalidateQueries({ queryKey: ['model-replays'] });
    } catch (error) {
      setStartError(error);
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('models.replay.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('models.replay.intro')}
        </Text>
        {can('models:manage') && (
          <form onSubmit={submit}>
            <Group align="end">
              <TextInput
                type="date"
                label={t('models.replay.from')}
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
                required
              />
              <TextInput
                type="date"
                label={t('models.replay.to')}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                required
              />
              <NumberInput
                label={t('models.replay.rate')}
                value={rate}
                onChange={setRate}
                min={1}
                max={100}
                suffix=" %"
                w={160}
              />
              <NumberInput
                label={t('models.replay.share')}
                value={share}
                onChange={setShare}
                min={0}
                max={100}
                suffix=" %"
                w={160}
              />
              <Checkbox.Group
                label={t('models.replay.strategies')}
                value={strategies}
                onChange={setStrategies}
              >
                <Group gap="xs" mt={4}>
                  {STRATEGIES.map((s) => (
                    <Checkbox key={s} value={s} label={t(`models.replay.strategy.${s}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Button type="submit">{t('models.replay.start')}</Button>
            </Group>
            {startError !== null && (
              <Text c="red" size="sm" mt="xs" role="alert">
                {message(startError)}
              </Text>
            )}
          </form>
        )}
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        {(list.data?.items.length ?? 0) > 0 && (
          <Select
            label={t('models.replay.runs')}
            w={480}
            value={current}
            onChange={(v) => setChosen(v)}
            allowDeselect={false}
            data={(list.data?.items ?? []).map((j) => ({
              value: j.id,
              label: `${j.title} — ${t(`models.replay.state.${j.state}`, { defaultValue: j.state })} (${formatNumber(lang, j.done)}/${j.total === null ? '…' : formatNumber(lang, j.total)})`,
            }))}
          />
        )}
        {job && !ended && (
          <Stack gap={4} data-testid="replay-progress">
            <Text size="sm">
              {t('models.replay.running', {
                done: formatNumber(lang, job.done),
                total: job.total === null ? '…' : formatNumber(lang, job.total),
              })}{' '}
              {job.message ?? ''}
            </Text>
            <Progress value={job.total ? (100 * job.done) / job.total : 0} />
          </Stack>
        )}
        {job?.state === 'failed' && (
          <Text c="red" size="sm" role="alert">
            {t('models.replay.failed', { error: job.error ?? '' })}
          </Text>
        )}
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        {detail.data?.replay && <ReplayResults replay={detail.data.replay} />}
      </Stack>
    </Card>
  );
}
