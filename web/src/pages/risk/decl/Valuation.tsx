/** The declared unit value against the reference distribution of similar goods (boxplot), and what is at stake. */
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../../../api.ts';
import { Chart, type ChartOption, html } from '../../../components/Chart.tsx';
import { formatDate, formatMoney, formatNumber, useLang } from '../../../i18n/index.ts';
import { useSession } from '../../../session.tsx';
import { type Finding, keys } from './types.ts';

function retryUnlessRefused(count: number, error: unknown): boolean {
  const status = (error as { status?: number }).status ?? 0;
  return !(status >= 400 && status < 500) && count < 1;
}

export function ValuationCard({
  finding,
  lineNo,
  many,
}: {
  finding: Finding;
  lineNo: number;
  many: boolean;
}) {
  const { t, lang, rtl } = useLang();
  const { can } = useSession();
  const reference = useQuery({
    queryKey: keys.reference(finding),
    queryFn: () =>
      apiGet('/api/valuation/references', {
        query: {
          hs: finding.hs,
          origin: finding.origin || undefined,
          level: finding.level,
          unit: finding.unit,
          limit: 20,
        },
      }),
    enabled: can('valuation:read'),
    retry: retryUnlessRefused,
    staleTime: 5 * 60_000,
  });
  const ref = reference.data?.items.find(
    (r) =>
      r.hs === finding.hs &&
      r.origin === finding.origin &&
      r.level === finding.level &&
      r.unit === finding.unit,
  );
  const unitLabel = `${finding.currency} / ${t(`declarationRisk.valuation.units.${finding.unit}`)}`;
  const money = (x: number) => `${formatNumber(lang, x, 2)} ${finding.currency}`;
  const percent = `${formatNumber(lang, finding.ratio * 100, 0)} %`;
  const stake =
    finding.duties_at_stake >= 0.5 ? formatMoney(lang, finding.duties_at_stake, finding.currency) : null;
  const levelLabel = t(`declarationRisk.valuation.levels.${finding.level}`, { defaultValue: finding.level });

  const option = useMemo<ChartOption>(() => {
    const declaredName = t('declarationRisk.valuation.declared');
    const quantiles = ref
      ? [ref.p10, ref.q1, ref.median, ref.q3, ref.p90]
      : [finding.reference_p10, finding.reference_q1, finding.reference_median];
    const names = ['p10', 'q1', 'median', 'q3', 'p90'].map((k) => t(`declarationRisk.valuation.${k}`));
    const fmt = (x: number) => formatNumber(lang, x, 2);
    const series: unknown[] = [];
    if (ref) {
      series.push({
        type: 'boxplot',
        name: t('declarationRisk.valuation.referenceName'),
        data: [quantiles],
        boxWidth: [24, 44],
        itemStyle: { color: '#e7f5ff', borderColor: '#1c7ed6', borderWidth: 1.5 },
        tooltip: {
          formatter: () =>
            html`${quantiles.map((q, i) => html`${names[i]} : <b>${fmt(q)}</b><br/>`)}n = ${formatNumber(lang, ref.n)}`,
        },
      });
    } else {
      series.push({
        type: 'scatter',
        name: t('declarationRisk.valuation.referenceName'),
        data: quantiles.map((q) => [q, 0]),
        symbol: 'rect',
        symbolSize: [3, 28],
        itemStyle: { color: '#1c7ed6' },
        label: {
          show: true,
          position: 'bottom',
          formatter: (p: { dataIndex: number }) => names[p.dataIndex],
        },
        tooltip: {
          formatter: (p: { dataIndex: number; value: number[] }) =>
            html`${names[p.dataIndex]} : <b>${fmt(p.value[0] ?? 0)}</b>`,
        },
      });
    }
    series.push({
      type: 'scatter',
      name: declaredName,
      data: [[finding.unit_value, 0]],
      symbolSize: 18,
      z: 10,
      itemStyle: { color: finding.flagged ? '#e03131' : '#f08c00', borderColor: '#fff', borderWidth: 2 },
      label: {
        show: true,
        position: 'top',
        fontWeight: 'bold',
        formatter: () => `${declaredName} ${fmt(finding.unit_value)}`,
      },
      tooltip: { formatter: () => html`${declaredName} : <b>${fmt(finding.unit_value)}</b> (${percent})` },
    });
    return {
      tooltip: { trigger: 'item' },
      grid: { left: 44, right: 44, top: 30, bottom: 34 },
      xAxis: {
        type: 'value',
        inverse: rtl,
        min: 0,
        name: unitLabel,
        nameLocation: 'middle',
        nameGap: 24,
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: { type: 'category', data: [levelLabel], show: false },
      series,
    };
  }, [ref, finding, lang, rtl, t, unitLabel, levelLabel, percent]);

  return (
    <Card withBorder data-testid="risk-valuation">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>
          {t('declarationRisk.valuation.title')}
          {many ? ` · ${t('declarationRisk.why.line', { line: lineNo })}` : ''}
        </Text>
        {finding.flagged && (
          <Badge color="orange" variant="light">
            {t('declarationRisk.valuation.flagged')}
          </Badge>
        )}
      </Group>
      <Text size="sm" mb="xs" data-testid="valuation-summary">
        {stake
          ? t('declarationRisk.valuation.summary', { ratio: percent, amount: stake })
          : t('declarationRisk.valuation.summaryNoStake', { ratio: percent })}
      </Text>
      <Chart
        option={option}
        height={150}
        label={t('declarationRisk.valuation.chartLabel', {
          declared: money(finding.unit_value),
          median: money(finding.reference_median),
        })}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('declarationRisk.valuation.reference', {
          level: levelLabel,
          hs: finding.hs,
          origin: finding.origin ? ` · ${finding.origin}` : '',
          n: formatNumber(lang, ref?.n ?? finding.sample_n),
          from: formatDate(lang, finding.window_from),
          to: formatDate(lang, finding.window_to),
        })}
      </Text>
      <SimpleGrid cols={3} spacing={4} verticalSpacing={2} mt="xs">
        <Text size="xs" c="dimmed">
          {t('declarationRisk.valuation.declared')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('declarationRisk.valuation.median')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('declarationRisk.valuation.undervaluation')}
        </Text>
        <Text size="sm" fw={600}>
          {money(finding.unit_value)}
        </Text>
        <Text size="sm" fw={600}>
          {money(finding.reference_median)}
        </Text>
        <Text size="sm" fw={600}>
          {formatMoney(lang, finding.undervaluation_amount, finding.currency)}
          {finding.duty_rate !== null ? ` · ${formatNumber(lang, finding.duty_rate, 2)} %` : ''}
        </Text>
      </SimpleGrid>
    </Card>
  );
}
