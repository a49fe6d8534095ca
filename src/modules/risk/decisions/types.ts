/** What the decision files share: fraud types, the caller's office scope. */

export const FRAUD_TYPES = ['valuation', 'origin', 'classification', 'ipr', 'prohibited', 'other'] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

/** Which offices a caller sees: null for every office. */
export interface OfficeScope {
  office: string | null;
}
