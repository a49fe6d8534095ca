// @vitest-environment happy-dom
/**
 * Imported values and rule titles reach the score breakdown and the model's reasons: their chart tooltips (HTML)
 * must show them as text. The breakdown's tooltip put a rule title from a profile's YAML, and the reasons' tooltip
 * a declaration's Tax Type, into the tooltip's innerHTML.
 */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectInert, recordedOptions, tooltipOf } from '../../../test/charts.ts';
import { renderPage, setUpPageTests, signedIn, stubApi } from '../../../test/harness.tsx';
import type { Finding } from './types.ts';
import type { PanelItem } from './Why.tsx';
import { WhySection } from './Why.tsx';

vi.mock('echarts/core', async (actual) =>
  (await import('../../../test/charts.ts')).recordingEcharts(await actual<object>()),
);

const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const ATTR = '"><svg onload=window.__xss=1>';

const item: PanelItem = {
  item_id: 1,
  line_no: 1,
  score: 80,
  probability: 0.9,
  expected_value: 1000,
  breakdown: [
    { source: 'rule', id: 'hostile/r1', points: 60 },
    { source: 'model', id: `demo ${ATTR}`, points: 20 },
  ],
  hits: [
    {
      profile: 'hostile',
      version: 1,
      rule_id: 'r1',
      title: { en: `Tax ${PAYLOAD} & R&D`, fr: `Taxe ${PAYLOAD} & R&D` },
      points: 60,
      channel: null,
      critical: false,
      tags: [],
      values: [],
    },
  ],
  liveHits: [],
  model: {
    name: `demo ${ATTR}`,
    probability: 0.9,
    reasons: [
      {
        en: `Tax Type = ${PAYLOAD}`,
        fr: `Type de taxe = ${PAYLOAD}`,
        ar: `النوع الضريبي = ${PAYLOAD}`,
        feature: 'tax_type',
        contribution: 0.4,
      },
      {
        en: `Importer ${ATTR}`,
        fr: `Importateur ${ATTR}`,
        ar: `المستورد ${ATTR}`,
        feature: ATTR,
        contribution: -0.1,
      },
    ],
  },
  finding: null,
  liveScore: null,
};

const chartWith = (text: string) => {
  const found = recordedOptions.find((o) =>
    JSON.stringify(o.yAxis).includes(JSON.stringify(text).slice(1, -1)),
  );
  if (!found) throw new Error(`no chart shows ${text}`);
  return found;
};

describe('why a declaration scored: charts with hostile text', () => {
  setUpPageTests('fr');
  beforeEach(() => {
    recordedOptions.length = 0;
    stubApi(signedIn(['risk:read']));
  });

  it('shows a rule title as text in the breakdown tooltip', async () => {
    renderPage(<WhySection items={[item]} scoreLoading={false} scoreError={null} />);
    await screen.findByTestId('risk-model');
    const breakdown = chartWith(`Taxe ${PAYLOAD} & R&D`);
    // Rows run smallest first: the model (20), then the rule (60).
    for (const at of [0, 1]) expectInert(tooltipOf(breakdown, { series: 0, item: at }));
    const rule = tooltipOf(breakdown, { series: 0, item: 1 })!;
    expect(rule.textContent).toContain(`Taxe ${PAYLOAD} & R&D`);
    expect(rule.querySelector('b')?.textContent).toBe('+60');
    expect(tooltipOf(breakdown, { series: 0, item: 0 })!.textContent).toContain(ATTR);
  });

  it("shows the model's reasons, built from imported values, as text in their tooltip", async () => {
    renderPage(<WhySection items={[item]} scoreLoading={false} scoreError={null} />);
    await screen.findByTestId('risk-model');
    const reasons = chartWith('tax_type');
    // Rows reversed: the last reason first.
    const first = tooltipOf(reasons, { series: 0, item: 1 });
    const second = tooltipOf(reasons, { series: 0, item: 0 });
    expectInert(first);
    expectInert(second);
    expect(first!.textContent).toContain(`Type de taxe = ${PAYLOAD}`);
    expect(second!.textContent).toContain(`Importateur ${ATTR}`);
    // The list beside the chart is React text: shown as it is, nothing double-escaped.
    expect(screen.getAllByTestId('model-reason')[0]!.textContent).toContain(`Type de taxe = ${PAYLOAD}`);
    expect(screen.getByText(/Raisons du modèle demo/).textContent).toContain(ATTR);
  });

  it('says why the item is unusual, as text, when the model finds it so', async () => {
    const unusual: PanelItem = {
      ...item,
      model: {
        ...item.model!,
        anomaly: {
          score: 0.7,
          percentile: 0.98,
          reasons: [
            {
              feature: 'log_mass',
              contribution: 9,
              en: `net mass 40× the usual for HS 950699 from ${ATTR}`,
              fr: `masse nette 40 fois l’habituel pour le SH 950699 origine ${ATTR}`,
              ar: `الكتلة الصافية 40 أضعاف المعتاد للبند الفرعي 950699 من المنشأ ${ATTR}`,
            },
          ],
        },
      },
    };
    renderPage(<WhySection items={[unusual]} scoreLoading={false} scoreError={null} />);
    expect((await screen.findByTestId('risk-anomaly')).textContent).toMatch(
      /Inhabituel pour sa marchandise : anomalie 0,7 \(au-dessus de 98 %/,
    );
    expect(screen.getByTestId('anomaly-reason').textContent).toBe(
      `masse nette 40 fois l’habituel pour le SH 950699 origine ${ATTR}`,
    );
    expect(document.querySelector('svg[onload]')).toBeNull();
  });

  it('does not show an ordinary anomaly score', async () => {
    const ordinary: PanelItem = {
      ...item,
      model: { ...item.model!, anomaly: { score: 0.4, percentile: 0.5, reasons: [] } },
    };
    renderPage(<WhySection items={[ordinary]} scoreLoading={false} scoreError={null} />);
    await screen.findByTestId('risk-model');
    expect(screen.queryByTestId('risk-anomaly')).toBeNull();
  });

  it('keeps the markup of the valuation tooltips (bold figures), now built with html', async () => {
    const finding: Finding = {
      level: 'hs6',
      hs: '620822',
      origin: 'CN',
      unit: 'kg',
      currency: 'EUR',
      sample_n: 40,
      window_from: '2020-01-01',
      window_to: '2020-12-31',
      reference_median: 20,
      reference_q1: 15,
      reference_p10: 10,
      unit_value: 5,
      divisor: 1,
      ratio: 0.25,
      robust_z: -4.2,
      duty_rate: null,
      duties_at_stake: 0,
      undervaluation_amount: 150,
      flagged: true,
    };
    renderPage(<WhySection items={[{ ...item, finding }]} scoreLoading={false} scoreError={null} />);
    await screen.findByTestId('risk-valuation');
    const valuation = recordedOptions.find(
      (o) => JSON.stringify(o).includes('boxplot') || JSON.stringify(o).includes('rect'),
    )!;
    const quantile = tooltipOf(valuation, { series: 0, item: 2 })!;
    expectInert(quantile);
    expect(quantile.querySelector('b')?.textContent).toBe('20');
    const declared = tooltipOf(valuation, { series: 1, item: 0 })!;
    expect(declared.querySelector('b')?.textContent).toBe('5');
    expect(declared.textContent).toContain('25 %');
  });
});
