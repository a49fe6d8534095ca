/** The shapes the risk panel reads from the API (generated from /docs/json: RiskDecision, RiskScore, Attachment). */
import { useMediaQuery } from '@mantine/hooks';
import type { ApiBody, Schema } from '../../../api/types.ts';
import type { Channel } from '../../../components/risk.ts';

/** Under 768 px (a phone, a tablet held upright with the menu open): one column, shorter labels. */
export function useNarrow(): boolean {
  return useMediaQuery('(max-width: 47.99em)') ?? false;
}
export { CHANNEL_COLOURS, type Channel, type LocalText, localText } from '../../../components/risk.ts';
export type Result = ApiBody<'/api/risk/outcomes'>['result'];
export type FraudType = NonNullable<ApiBody<'/api/risk/outcomes'>['fraud_type']>;
/** The orders the forms list them in. */
export const CHANNELS = ['red', 'yellow', 'blue', 'green'] as const satisfies readonly Channel[];
export const RESULTS = ['compliant', 'fraud', 'critical'] as const satisfies readonly Result[];
export const FRAUD_TYPES = [
  'valuation',
  'origin',
  'classification',
  'ipr',
  'prohibited',
  'other',
] as const satisfies readonly FraudType[];

export const RESULT_COLOURS: Record<string, string> = {
  compliant: 'green',
  fraud: 'orange',
  critical: 'red',
};

export type DecisionSummary = Schema<'RiskDecisionSummary'>;
export type Decision = Schema<'RiskDecision'>;
export type BreakdownEntry = Decision['breakdown'][number];
export type DecisionOutcome = Decision['items'][number]['outcomes'][number];

export type Score = Schema<'RiskScore'>;
export type ScoreItem = Score['items'][number];
export type Hit = ScoreItem['hits'][number];
/** A hit as the panel shows it: the live score's, or the stored decision's (which has no probability of its own). */
export type PanelHit = Omit<Hit, 'probability'>;
export type ModelReason = NonNullable<ScoreItem['model']>['reasons'][number];
export type Finding = Schema<'ValuationFinding'>;
export type Reference = Schema<'ReferenceValue'>;
export type Attachment = Schema<'Attachment'>;

type Declaration = Schema<'Declaration'>;
/** The part of GET /api/declarations/:reference the panel uses (shared cache with the declaration page). */
export type DeclarationItems = Pick<Declaration, 'reference' | 'currency'> & {
  items: Pick<
    Declaration['items'][number],
    'id' | 'line_no' | 'hs_code' | 'description' | 'origin_country'
  >[];
};

/** Query keys of the panel: all start with 'risk' so that one invalidation refreshes the panel. */
export const keys = {
  decisions: (reference: string) => ['risk', 'decisions', reference] as const,
  decision: (id: number) => ['risk', 'decision', id] as const,
  score: (reference: string) => ['risk', 'score', reference] as const,
  attachments: (reference: string) => ['risk', 'attachments', reference] as const,
  reference: (f: Finding) => ['risk', 'valuation-reference', f.level, f.hs, f.origin, f.unit] as const,
};

export const declarationKey = (reference: string) => ['declaration', reference] as const;

/** Whether a query belongs to the declaration's views: the panel's ('risk'…) or the page's (…reference…). */
export function isDeclarationQuery(queryKey: readonly unknown[], reference: string): boolean {
  return queryKey[0] === 'risk' || queryKey[0] === reference || queryKey.includes(reference);
}
