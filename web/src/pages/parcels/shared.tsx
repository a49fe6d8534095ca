/** What the parcels pages share: the API's shapes, the query keys, the score badge and the reasons in short. */
import { Badge, Group } from '@mantine/core';
import type { ApiItem, ApiResponse, Schema } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';

export type Parcel = Schema<'Parcel'>;
export type ParcelDetail = Schema<'ParcelDetail'>;
export type ParcelReason = ParcelDetail['reasons'][number];
export type Indicator = ParcelReason['indicator'];
export type Examiner = Schema<'ParcelExaminer'>;
export type Workload = Schema<'ParcelExaminerWorkload'>;
export type Inspection = ApiItem<'/api/parcels/my-inspections'>;
export type ParcelChannel = NonNullable<Parcel['channel']>;
export type Kind = Parcel['kind'];
export type WorkloadAnswer = ApiResponse<'/api/parcels/workload'>;
export type ParcelInspection = Schema<'ParcelInspection'>;
export type ReplacedInspection = Schema<'ParcelInspectionReplaced'>;
export type InspectionResult = ParcelInspection['result'];
export type FraudType = NonNullable<ParcelInspection['fraud_type']>;

export const INSPECTION_RESULTS = [
  'compliant',
  'fraud',
  'not_found',
] as const satisfies readonly InspectionResult[];

export const KINDS = ['postal', 'express'] as const satisfies readonly Kind[];
export const INDICATORS = [
  'split_order',
  'goods_wording',
  'undervalued_brand',
  'linked_online_seller',
  'repeat_sender',
  'repeat_sender_fraud',
  'model',
] as const satisfies readonly Indicator[];

/** Query keys: every parcels query starts with 'parcels', so a change can refresh them all. */
export const parcelKeys = {
  all: ['parcels'] as const,
  list: (filters: Record<string, string>) => ['parcels', 'list', filters] as const,
  one: (id: number) => ['parcels', 'one', id] as const,
  examiners: (office: string) => ['parcels', 'examiners', office] as const,
  workload: (from: string, to: string, office: string) => ['parcels', 'workload', from, to, office] as const,
  mine: (day: string) => ['parcels', 'mine', day] as const,
};

const CHANNEL_COLOURS: Record<ParcelChannel, string> = { red: 'red', yellow: 'yellow', green: 'green' };

/** The score with its channel's colour and name (never the colour alone); "not scored" without a score. */
export function ScoreBadge({
  score,
  channel,
  size = 'md',
}: {
  score: number | null;
  channel: ParcelChannel | null;
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useLang();
  if (score === null || channel === null)
    return (
      <Badge variant="outline" color="gray" tt="none" size={size}>
        {t('parcels.queue.notScored')}
      </Badge>
    );
  return (
    <Badge color={CHANNEL_COLOURS[channel]} variant="filled" tt="none" size={size} data-testid="parcel-score">
      {score} · {t(`parcels.channels.${channel}`)}
    </Badge>
  );
}

/** The indicators that fired, in short, as small badges. */
export function IndicatorBadges({ indicators }: { indicators: readonly Indicator[] }) {
  const { t } = useLang();
  return (
    <Group gap={4}>
      {[...new Set(indicators)].map((i) => (
        <Badge key={i} size="sm" variant="light" tt="none" color={i === 'model' ? 'gray' : 'orange'}>
          {t(`parcels.indicators.${i}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Today as the API writes days (UTC), for the day pickers' defaults. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
