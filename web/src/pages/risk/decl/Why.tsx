/** Why a declaration scored as it did, per item: the score breakdown, the model's reasons and the rules that hit. */
import { Badge, Card, Grid, Group, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption, html } from '../../../components/Chart.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { TableHead } from '../../../components/table.tsx';
import { formatNumber, useLang } from '../../../i18n/index.ts';
import { ChannelBadge } from './DecisionHeader.tsx';
import {
  type BreakdownEntry,
  type Finding,
  localText,
  type PanelHit,
  type ScoreItem,
  useNarrow,
} from './types.ts';
import { ValuationCard } from './Valuation.tsx';

export interface PanelItem {
  item_id: number | null;
  line_no: number;
  score: number;
  probability: number;
  expected_value: number;
  breakdown: BreakdownEntry[];
  /** The hits behind the breakdown, with their titles and values when the live score has them. */
  hits: PanelHit[];
  liveHits: PanelHit[];
  model: ScoreItem['model'];
  finding: Finding | null;
  liveScore: number | null;
}

export const SOURCE_COLOURS: Record<string, string> = {
  rule: '#4263eb',
  valuation: '#f08c00',
  model: '#7048e8',
};

/** The label of one entry of a score breakdown: the rule's title, the valuation level, the model's name. */
export function useBreakdownLabel() {
  const { t, lang } = useLang();
  return useCallback(
    (entry: BreakdownEntry, hits: PanelHit[]): string => {
      if (entry.source === 'rule') {
        const hit = hits.find((h) => `${h.profile}/${h.rule_id}` === entry.id || h.rule_id === entry.id);
        const title = hit ? localText(hit.title, lang) : '';
        return title && title !== hit?.rule_id ? title : entry.id;
      }
      if (entry.source === 'valuation')
        return t('declarationRisk.why.valuationLabel', {
          level: t(`declarationRisk.valuation.levels.${entry.id}`, { defaultValue: entry.id }),
        });
      if (entry.source === 'model') return t('declarationRisk.why.modelLabel', { name: entry.id });
      return entry.id;
    },
    [t, lang],
  );
}

function formatValue(lang: string, subject: string, value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') {
    if (/rate|share|ratio/.test(subject) && value >= 0 && value <= 1)
      return `${formatNumber(lang, value * 100, 1)} %`;
    return formatNumber(lang, value, 2);
  }
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return JSON.stringify(value);
}

function BreakdownChart({ item }: { item: PanelItem }) {
  const { t, lang, rtl } = useLang();
  const label = useBreakdownLabel();
  const narrow = useNarrow();
  const labelWidth = narrow ? 120 : 250;
  const labels = item.hits.length ? item.hits : item.liveHits;
  const option = useMemo<ChartOption>(() => {
    // Largest first at the top: a category axis runs bottom to top.
    const rows = [...item.breakdown].sort((a, b) => a.points - b.points);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          html`${p.name}<br/><b>${p.value >= 0 ? '+' : ''}${formatNumber(lang, p.value, 1)}</b> ${t('declarationRisk.why.points')}`,
      },
      grid: {
        left: rtl ? 50 : labelWidth + 10,
        right: rtl ? labelWidth + 10 : 50,
        top: 6,
        bottom: 24,
      },
      xAxis: { type: 'value', inverse: rtl, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        position: rtl ? 'right' : 'left',
        data: rows.map((r) => label(r, labels)),
        axisLabel: { width: labelWidth, overflow: 'truncate', fontSize: 12 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((r) => ({
            value: r.points,
            itemStyle: { color: SOURCE_COLOURS[r.source] ?? '#868e96' },
          })),
          label: {
            show: true,
            position: rtl ? 'left' : 'right',
            formatter: (p: { value: number }) =>
              `${p.value >= 0 ? '+' : ''}${formatNumber(lang, p.value, 1)}`,
          },
        },
      ],
    };
  }, [item.breakdown, labels, label, lang, rtl, t, labelWidth]);
  if (item.breakdown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('declarationRisk.why.noBreakdown')}
      </Text>
    );
  return (
    <>
      <Chart
        option={option}
        height={Math.max(90, 34 + item.breakdown.length * 30)}
        label={t('declarationRisk.why.breakdownLabel', {
          line: item.line_no,
          parts: [...item.breakdown]
            .sort((a, b) => b.points - a.points)
            .map((r) => `${label(r, labels)} ${formatNumber(lang, r.points, 1)}`)
            .join('; '),
        })}
      />
      <Group gap="md" mt={2}>
        {(['rule', 'valuation', 'model'] as const).map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <span
              aria-hidden
              style={{
                width: 10,
                height: 10,
                borderRadius: 2,
                background: SOURCE_COLOURS[s],
                display: 'inline-block',
              }}
            />
            <Text size="xs" c="dimmed">
              {t(`declarationRisk.why.sources.${s}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </>
  );
}

function ModelReasons({ model }: { model: NonNullable<PanelItem['model']> }) {
  const { t, lang, rtl } = useLang();
  const reasons = model.reasons;
  const featureWidth = useNarrow() ? 90 : 140;
  const withContribution = useMemo(
    () => reasons.filter((r) => typeof r.contribution === 'number'),
    [reasons],
  );
  const option = useMemo<ChartOption>(() => {
    const rows = [...withContribution].reverse();
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number; value: number }) => {
          const r = rows[p.dataIndex];
          return html`${r ? localText(r, lang) : ''}<br/><b>${p.value >= 0 ? '+' : ''}${formatNumber(lang, p.value, 3)}</b>`;
        },
        extraCssText: 'max-width: 360px; white-space: normal;',
      },
      grid: {
        left: rtl ? 50 : featureWidth + 10,
        right: rtl ? featureWidth + 10 : 50,
        top: 6,
        bottom: 6,
      },
      xAxis: { type: 'value', inverse: rtl, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: 'category',
        position: rtl ? 'right' : 'left',
        data: rows.map((r) => r.feature ?? '—'),
        axisLabel: { width: featureWidth, overflow: 'truncate', fontSize: 12 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((r) => ({
            value: r.contribution ?? 0,
            itemStyle: { color: (r.contribution ?? 0) >= 0 ? '#e03131' : '#2f9e44' },
          })),
          label: {
            show: true,
            position: 'outside',
            formatter: (p: { value: number }) =>
              `${p.value >= 0 ? '+' : ''}${formatNumber(lang, p.value, 2)}`,
            fontSize: 11,
          },
        },
      ],
    };
  }, [withContribution, lang, rtl, featureWidth]);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('declarationRisk.why.modelTitle', {
          name: model.name,
          probability: `${formatNumber(lang, model.probability * 100, 1)} %`,
        })}
      </Text>
      {withContribution.length > 0 && (
        <Chart
          option={option}
          height={Math.max(70, 16 + withContribution.length * 26)}
          label={t('declarationRisk.why.modelLabelChart', {
            parts: withContribution
              .map((r) => `${r.feature} ${formatNumber(lang, r.contribution ?? 0, 2)}`)
              .join('; '),
          })}
        />
      )}
      <Stack gap={2} component="ol" style={{ margin: 0, paddingInlineStart: 18 }}>
        {reasons.map((r, i) => (
          <Text component="li" size="xs" key={`${r.feature ?? i}`} data-testid="model-reason" dir="auto">
            <Text span size="xs" c={(r.contribution ?? 0) >= 0 ? 'red.8' : 'green.8'} fw={600}>
              {(r.contribution ?? 0) >= 0 ? t('declarationRisk.why.raises') : t('declarationRisk.why.lowers')}
            </Text>{' '}
            {localText(r, lang)}
          </Text>
        ))}
      </Stack>
      {model.anomaly && <Anomaly anomaly={model.anomaly} />}
    </Stack>
  );
}

/** Shown when it matters (as in the stored explanation): the item is in the top 1 % or something stands out. */
const ANOMALY_SHOWN_PERCENTILE = 0.99;

/** How unusual the item is for the model, and the values that make it so ("net mass 40× the usual for …"). */
function Anomaly({ anomaly }: { anomaly: NonNullable<NonNullable<PanelItem['model']>['anomaly']> }) {
  const { t, lang } = useLang();
  if (anomaly.percentile < ANOMALY_SHOWN_PERCENTILE && anomaly.reasons.length === 0) return null;
  return (
    <Stack gap={2} data-testid="risk-anomaly">
      <Text size="sm" fw={600}>
        {t('declarationRisk.why.anomalyTitle', {
          score: formatNumber(lang, anomaly.score, 2),
          percentile: `${formatNumber(lang, anomaly.percentile * 100, 0)} %`,
        })}
      </Text>
      {anomaly.reasons.length === 0 ? (
        <Text size="xs">{t('declarationRisk.why.anomalyNothingAlone')}</Text>
      ) : (
        <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
          {anomaly.reasons.map((r, i) => (
            <Text component="li" size="xs" key={`${r.feature ?? i}`} data-testid="anomaly-reason" dir="auto">
              {localText(r, lang)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function HitsTable({ hits }: { hits: PanelHit[] }) {
  const { t, lang } = useLang();
  if (hits.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('declarationRisk.why.noHits')}
      </Text>
    );
  const yes = t('declarationRisk.why.yes');
  const no = t('declarationRisk.why.no');
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm" striped data-testid="risk-hits">
        <TableHead
          columns={[
            { label: t('declarationRisk.why.rule'), miw: 200 },
            { label: t('declarationRisk.why.points'), ta: 'end' },
            t('declarationRisk.why.values'),
          ]}
        />
        <Table.Tbody>
          {hits.map((h) => (
            <Table.Tr key={`${h.profile}/${h.rule_id}`}>
              <Table.Td>
                <Text size="sm" fw={500} dir="auto">
                  {localText(h.title, lang)}
                </Text>
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    {h.profile} v{h.version} · {h.rule_id}
                  </Text>
                  {h.channel && (
                    <Group gap={2}>
                      <Text size="xs" c="dimmed">
                        {t('declarationRisk.why.forces')}
                      </Text>
                      <ChannelBadge channel={h.channel} size="xs" />
                    </Group>
                  )}
                  {h.critical && (
                    <Badge size="xs" color="red" variant="outline">
                      {t('declarationRisk.why.critical')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {h.points >= 0 ? '+' : ''}
                {formatNumber(lang, h.points, 1)}
              </Table.Td>
              <Table.Td>
                {h.values.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  h.values.map((v) => (
                    <div key={v.subject}>
                      <Text size="xs">
                        <Text span size="xs" ff="monospace" c="dimmed">
                          {v.subject}
                        </Text>{' '}
                        = <b>{formatValue(lang, v.subject, v.value, yes, no)}</b>
                      </Text>
                      {v.evidence && Object.keys(v.evidence).length > 0 && (
                        <Text size="xs" c="dimmed">
                          {Object.entries(v.evidence)
                            .map(([k, x]) => `${k}: ${formatValue(lang, k, x, yes, no)}`)
                            .join(' · ')}
                        </Text>
                      )}
                    </div>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One item: the rules and the score breakdown on the left; the model's reasons and the valuation on the right. */
function ItemWhy({
  item,
  header,
  scoreLoading,
  scoreError,
  many,
}: {
  item: PanelItem;
  header: ReactNode;
  scoreLoading: boolean;
  scoreError: unknown;
  many: boolean;
}) {
  const { t } = useTranslation();
  const side = Boolean(item.model || item.finding);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: side ? 7 : 12 }}>
        <Card withBorder h="100%" data-testid="risk-why">
          <Group justify="space-between" mb={4}>
            <Text fw={600}>{t('declarationRisk.why.title')}</Text>
            {scoreLoading && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
          {header}
          {scoreError ? (
            <Stack gap={4} mb="sm">
              <Text size="xs" c="dimmed">
                {t('declarationRisk.why.liveUnavailable')}
              </Text>
              <ErrorAlert error={scoreError} />
            </Stack>
          ) : null}
          <Text size="sm" fw={600} mb={4}>
            {t('declarationRisk.why.breakdown')}
          </Text>
          <BreakdownChart item={item} />
          <Text size="sm" fw={600} mt="md" mb={4}>
            {t('declarationRisk.why.hits')}
          </Text>
          <HitsTable hits={item.hits} />
        </Card>
      </Grid.Col>
      {side && (
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {item.finding && <ValuationCard finding={item.finding} lineNo={item.line_no} many={many} />}
            {item.model && (
              <Card withBorder data-testid="risk-model">
                <ModelReasons model={item.model} />
              </Card>
            )}
          </Stack>
        </Grid.Col>
      )}
    </Grid>
  );
}

export function WhySection({
  items,
  scoreLoading,
  scoreError,
}: {
  items: PanelItem[];
  scoreLoading: boolean;
  scoreError: unknown;
}) {
  const { t, lang } = useLang();
  const first = items[0];
  const title = (item: PanelItem) =>
    t('declarationRisk.why.itemTab', { line: item.line_no, score: formatNumber(lang, item.score, 1) });
  if (!first)
    return (
      <Card withBorder data-testid="risk-why">
        <Text fw={600} mb={4}>
          {t('declarationRisk.why.title')}
        </Text>
        {scoreError ? <ErrorAlert error={scoreError} /> : null}
        {scoreLoading ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('declarationRisk.why.empty')}
          </Text>
        )}
      </Card>
    );
  const props = { scoreLoading, scoreError, many: items.length > 1 };
  if (items.length === 1)
    return (
      <ItemWhy
        item={first}
        header={
          <Text size="xs" c="dimmed" mb="xs">
            {title(first)}
          </Text>
        }
        {...props}
      />
    );
  return (
    <Tabs defaultValue={String(first.line_no)} keepMounted={false} variant="outline">
      <Tabs.List mb="sm">
        {items.map((item) => (
          <Tabs.Tab key={item.line_no} value={String(item.line_no)}>
            {title(item)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {items.map((item) => (
        <Tabs.Panel key={item.line_no} value={String(item.line_no)}>
          <ItemWhy item={item} header={null} {...props} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
