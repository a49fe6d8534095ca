/**
 * The risk panel of a declaration: why it was selected (decision, score breakdown, rule hits, the model's reasons,
 * the valuation finding), and what the officer records at the control (outcome with photos, change of channel),
 * from a desk or from a tablet on the quay. Each part is shown only to those allowed to use it.
 */
import { Alert, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrderButton } from '../../components/ExportButton.tsx';
import { useSession } from '../../session.tsx';
import { AttachmentsCard } from './decl/Attachments.tsx';
import { DecisionHeader } from './decl/DecisionHeader.tsx';
import { OutcomeForm, outcomesInForce } from './decl/OutcomeForm.tsx';
import {
  type Decision,
  declarationKey,
  keys,
  type PanelHit,
  type Score,
  type ScoreItem,
} from './decl/types.ts';
import { type PanelItem, WhySection } from './decl/Why.tsx';

/** Retry once on network or server trouble, never on a refusal (4xx): it will not change. */
export function retryUnlessRefused(count: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return count < 1;
}

const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

export function DeclarationRisk({ reference }: { reference: string }) {
  const { can } = useSession();
  if (!can('risk:read')) return null;
  return <RiskPanel reference={reference} />;
}

/** Merges the stored decision's items with the live score's (titles, values, model reasons, valuation finding). */
function panelItems(decision: Decision | undefined, score: Score | undefined): PanelItem[] {
  const live = new Map<number | string, ScoreItem>();
  for (const item of score?.items ?? []) live.set(item.item_id ?? `line${item.line_no}`, item);
  if (decision) {
    return decision.items
      .map((item) => {
        const now = live.get(item.item_id);
        const hits: PanelHit[] = item.hits.map((h) => {
          const found = now?.hits.find((n) => n.profile === h.profile && n.rule_id === h.rule_id);
          return (
            found ?? {
              ...h,
              title: h.rule_id,
              tags: [],
              values: [],
            }
          );
        });
        return panelItem(item, hits, now);
      })
      .sort((a, b) => b.score - a.score);
  }
  return (score?.items ?? [])
    .map((item) => panelItem(item, item.hits, item))
    .sort((a, b) => b.score - a.score);
}

/** One line of the panel: the stored (or live) figures, its hits by weight, and what the live score adds. */
function panelItem(
  item: Pick<ScoreItem, 'item_id' | 'line_no' | 'score' | 'probability' | 'expected_value' | 'breakdown'>,
  hits: PanelHit[],
  now: ScoreItem | undefined,
): PanelItem {
  return {
    item_id: item.item_id,
    line_no: item.line_no,
    score: item.score,
    probability: item.probability,
    expected_value: item.expected_value,
    breakdown: item.breakdown,
    hits: [...hits].sort((a, b) => b.points - a.points),
    liveHits: now?.hits ?? [],
    model: now?.model ?? null,
    finding: now?.finding ?? null,
    liveScore: now?.score ?? null,
  };
}

function RiskPanel({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const decisions = useQuery({
    queryKey: keys.decisions(reference),
    queryFn: () => apiGet('/api/risk/decisions', { query: { reference, limit: 50 } }),
    retry: retryUnlessRefused,
  });
  const latest = useMemo(
    () =>
      [...(decisions.data?.items ?? [])].sort(
        (a, b) => b.decided_at.localeCompare(a.decided_at) || b.id - a.id,
      )[0],
    [decisions.data],
  );
  const decision = useQuery({
    queryKey: keys.decision(latest?.id ?? 0),
    queryFn: () => apiGet('/api/risk/decisions/{id}', { path: { id: latest?.id ?? 0 } }),
    enabled: Boolean(latest),
    retry: retryUnlessRefused,
  });
  const score = useQuery({
    queryKey: keys.score(reference),
    queryFn: () => apiSend('post', '/api/risk/score', { json: { reference } }),
    enabled: !isForbidden(decisions.error),
    retry: retryUnlessRefused,
  });
  const declaration = useQuery({
    queryKey: declarationKey(reference),
    queryFn: () => apiGet('/api/declarations/{reference}', { path: { reference } }),
    enabled: can('declarations:read'),
  });

  const items = useMemo(() => panelItems(decision.data, score.data), [decision.data, score.data]);

  if (isForbidden(decisions.error) || isForbidden(decision.error)) {
    return (
      <Alert color="gray" title={t('declarationRisk.title')} data-testid="risk-forbidden">
        {t('declarationRisk.forbidden')}
      </Alert>
    );
  }
  if (decisions.error)
    return (
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('declarationRisk.title')}
        </Text>
        <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />
      </Card>
    );
  if (decisions.isPending || (latest && decision.isPending)) {
    return (
      <Card withBorder>
        <Group gap="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
          <Text size="sm" c="dimmed">
            {t('declarationRisk.loading')}
          </Text>
        </Group>
      </Card>
    );
  }

  // No decision in sight and the score says "no such declaration": it belongs to another office.
  if (!latest && score.error instanceof ApiError && score.error.status === 404) {
    return (
      <Alert color="gray" title={t('declarationRisk.title')} data-testid="risk-outside-office">
        {t('declarationRisk.outsideOffice')}
      </Alert>
    );
  }
  const currency = declaration.data?.currency ?? items.find((i) => i.finding)?.finding?.currency ?? null;

  return (
    <Stack gap="md" data-testid="declaration-risk">
      {decision.error ? (
        <ErrorAlert error={decision.error} onRetry={() => void decision.refetch()} />
      ) : (
        <DecisionHeader
          reference={reference}
          decision={decision.data}
          score={score.data}
          scoreError={score.error}
          onRetryScore={() => void score.refetch()}
          currency={currency}
        />
      )}
      {decision.data && (
        <Group justify="flex-end">
          <OrderButton decisionId={decision.data.id} size="sm" />
        </Group>
      )}
      {score.isPending && !decision.data ? null : (
        <WhySection items={items} scoreLoading={score.isPending} scoreError={score.error} />
      )}
      {can('risk:decide') && (
        <OutcomeForm
          reference={reference}
          items={
            declaration.data?.items.map((i) => ({
              id: i.id,
              line_no: i.line_no,
              label: [i.hs_code, i.description].filter(Boolean).join(' — '),
            })) ??
            items
              .filter((i): i is PanelItem & { item_id: number } => i.item_id !== null)
              .map((i) => ({ id: i.item_id, line_no: i.line_no, label: '' }))
          }
          preferredItem={items[0]?.item_id ?? null}
          currency={currency}
          canAttach={can('risk:decide')}
          recorded={outcomesInForce(decision.data?.items)}
        />
      )}
      {can('risk:attachments') && <AttachmentsCard reference={reference} />}
    </Stack>
  );
}
