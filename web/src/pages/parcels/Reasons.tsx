/**
 * A parcel's reasons in full: each indicator with its points and message, and its evidence made readable — the
 * split order's parcels (links to each), the online seller's path in the graph (links to the graph entity and to
 * the seller's page of online monitoring), the under-valued brand's price gap, the wording's signals, the earlier
 * seizures of a repeat sender and its earlier parcels found fraudulent on inspection (links to each). Every value from the data is shown as text.
 */
import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatMoney, useLang } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { ParcelDetail, ParcelReason } from './shared.tsx';

type Evidence = Record<string, unknown>;
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): Evidence[] =>
  Array.isArray(v) ? v.filter((x): x is Evidence => typeof x === 'object' && x !== null) : [];

function SplitOrder({ evidence, parcel }: { evidence: Evidence; parcel: ParcelDetail }) {
  const { t, lang } = useLang();
  const parcels = list(evidence.parcels);
  const by = str(evidence.by) ?? 'phone';
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('parcels.parcel.split.summary', {
          count: parcels.length,
          recipient: str(evidence.recipient) ?? '',
          by: t(`parcels.parcel.split.by.${by}`, { defaultValue: by }),
          total: formatMoney(lang, num(evidence.total_eur) ?? 0, 'EUR'),
          threshold: formatMoney(lang, num(evidence.threshold_eur) ?? 0, 'EUR'),
          days: num(evidence.window_days) ?? '',
        })}
      </Text>
      <Text size="sm" fw={600}>
        {t('parcels.parcel.split.siblings')}
      </Text>
      <List size="sm" spacing={2} data-testid="split-siblings">
        {parcels.map((p) => {
          const id = num(p.id);
          const name = `${str(p.carrier) ?? ''} ${str(p.consignment_number) ?? ''}`;
          return (
            <List.Item key={String(id ?? name)}>
              {id === null || id === parcel.id ? (
                <Text span size="sm" fw={600}>
                  {name} ({t('parcels.parcel.split.this')})
                </Text>
              ) : (
                <Anchor component={Link} to={`/parcels/${id}`} size="sm">
                  {name}
                </Anchor>
              )}{' '}
              <Text span size="sm" c="dimmed">
                · {formatDate(lang, str(p.arrival_date))} · {formatMoney(lang, num(p.value_eur) ?? 0, 'EUR')}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

interface PathNode {
  id: number | null;
  type: string;
  key: string;
  label: string;
}

function LinkedSeller({ evidence }: { evidence: Evidence }) {
  const { t } = useLang();
  const { can } = useSession();
  const paths = list(evidence.paths);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('parcels.parcel.seller.path')}
      </Text>
      {paths.map((path, i) => {
        const nodes: PathNode[] = list(path.nodes).map((n) => ({
          id: num(n.id),
          type: str(n.type) ?? '',
          key: str(n.key) ?? '',
          label: str(n.label) ?? '',
        }));
        const seller = nodes.find((n) => n.type === 'online_seller');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paths are fixed evidence: their place is their identity
          <Stack key={i} gap={2} data-testid="seller-path">
            <Group gap={4} wrap="wrap">
              {nodes.map((n, j) => (
                <Group key={`${n.type}:${n.key}`} gap={4} wrap="nowrap">
                  {j > 0 && <Text c="dimmed">—</Text>}
                  <Badge variant="light" tt="none" color={n.type === 'online_seller' ? 'red' : 'blue'}>
                    {n.label}
                  </Badge>
                </Group>
              ))}
            </Group>
            {str(path.finding) && (
              <Text size="sm" dir="auto">
                {str(path.finding)}
              </Text>
            )}
            <Group gap="md">
              {seller?.id !== null && seller?.id !== undefined && can('graph:read') && (
                <Anchor component={Link} to={`/graph/entity/${seller.id}`} size="sm">
                  {t('parcels.parcel.seller.graph')}
                </Anchor>
              )}
              {seller && /^\d+$/.test(seller.key) && can('osint:read') && (
                <Anchor component={Link} to={`/osint/sellers/${seller.key}`} size="sm">
                  {t('parcels.parcel.seller.osint')}
                </Anchor>
              )}
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

function Evidence({ reason, parcel }: { reason: ParcelReason; parcel: ParcelDetail }) {
  const { t, lang } = useLang();
  const e = reason.evidence as Evidence;
  switch (reason.indicator) {
    case 'split_order':
      return <SplitOrder evidence={e} parcel={parcel} />;
    case 'linked_online_seller':
      return <LinkedSeller evidence={e} />;
    case 'undervalued_brand': {
      const brands = Array.isArray(e.brands) ? e.brands.map(str).filter(Boolean) : [];
      return (
        <Stack gap={2}>
          {str(e.detail) && (
            <Text size="sm" dir="auto">
              {t('parcels.parcel.brand.range')} : {str(e.detail)}
            </Text>
          )}
          {brands.length > 0 && (
            <Text size="sm" dir="auto">
              {t('parcels.parcel.brand.brands')} : {brands.join(', ')}
            </Text>
          )}
        </Stack>
      );
    }
    case 'goods_wording': {
      const signals = list(e.signals)
        .map((s) => str(s.text) ?? str(s.type))
        .filter((s): s is string => Boolean(s));
      if (!signals.length) return null;
      return (
        <Text size="sm" dir="auto">
          {t('parcels.parcel.wording.signals')} : {[...new Set(signals)].join(', ')}
        </Text>
      );
    }
    case 'repeat_sender': {
      const seizures = list(e.seizures);
      if (!seizures.length) return null;
      return (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('parcels.parcel.repeat.seizures')}
          </Text>
          <List size="sm" spacing={2}>
            {seizures.map((z, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed evidence
              <List.Item key={i}>
                <Text span size="sm" dir="auto">
                  {[str(z.reference), formatDate(lang, str(z.seized_on)), str(z.description), str(z.parcel)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    }
    case 'repeat_sender_fraud': {
      const parcels = list(e.parcels);
      if (!parcels.length) return null;
      return (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('parcels.parcel.repeat.fraud')}
          </Text>
          <List size="sm" spacing={2} data-testid="repeat-fraud-parcels">
            {parcels.map((p, i) => {
              const id = num(p.id);
              const name = str(p.parcel) ?? '';
              const type = str(p.fraud_type);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed evidence
                <List.Item key={i}>
                  {id === null ? (
                    <Text span size="sm">
                      {name}
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/parcels/${id}`} size="sm">
                      {name}
                    </Anchor>
                  )}{' '}
                  <Text span size="sm" c="dimmed">
                    ·{' '}
                    {[
                      type ? t(`parcels.inspection.fraudTypes.${type}`, { defaultValue: type }) : null,
                      t('parcels.parcel.repeat.foundOn', { date: formatDate(lang, str(p.inspected_on)) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Stack>
      );
    }
    default:
      return null;
  }
}

export function Reasons({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useLang();
  if (parcel.score === null) return <Text c="dimmed">{t('parcels.parcel.notScored')}</Text>;
  if (!parcel.reasons.length) return <Text c="dimmed">{t('parcels.parcel.noReason')}</Text>;
  const reasons = [...parcel.reasons].sort((a, b) => b.points - a.points);
  return (
    <Stack gap="sm">
      {reasons.map((reason, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: a parcel's reasons are fixed: their place is their identity
          key={i}
          withBorder
          padding="sm"
          data-testid="parcel-reason"
          data-indicator={reason.indicator}
        >
          <Group justify="space-between" wrap="nowrap" align="start">
            <Text fw={700}>{t(`parcels.indicators.${reason.indicator}`)}</Text>
            <Badge variant="light" color="orange" tt="none">
              {t('parcels.parcel.points', { points: reason.points })}
            </Badge>
          </Group>
          <Text size="sm" mt={4} dir="auto">
            {reason.message}
          </Text>
          <Stack mt={6}>
            <Evidence reason={reason} parcel={parcel} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
