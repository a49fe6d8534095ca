/**
 * The words of a case file: its types, the status workflow and which transitions it allows, priorities, what a
 * case may be opened from and linked to, seizure categories (the WCO operations' threat categories), detection
 * sources, and the fate of seized goods. Pure: no database.
 */

export const CASE_TYPES = [
  'customs_offence',
  'counterfeiting',
  'health_products',
  'smuggling',
  'undervaluation',
  'origin_fraud',
  'prohibited_goods',
  'money_laundering',
  'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = [
  'open',
  'investigation',
  'offence_report',
  'settled',
  'prosecuted',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Which status may follow which; the final ones (settled, prosecuted, closed) lead nowhere. */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['investigation', 'closed'],
  investigation: ['offence_report', 'closed'],
  offence_report: ['settled', 'prosecuted', 'closed'],
  settled: [],
  prosecuted: [],
  closed: [],
};

export const FINAL_STATUSES: readonly CaseStatus[] = ['settled', 'prosecuted', 'closed'];

export const isFinal = (status: CaseStatus) => FINAL_STATUSES.includes(status);

export const canTransition = (from: CaseStatus, to: CaseStatus) => TRANSITIONS[from].includes(to);

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const ORIGIN_TYPES = [
  'declaration',
  'alert',
  'osint_item',
  'osint_seller',
  'graph_entity',
  'valuation_finding',
  'intelligence',
  'manual',
] as const;
export type OriginType = (typeof ORIGIN_TYPES)[number];

export const LINK_TYPES = [
  'declaration',
  'osint_item',
  'osint_seller',
  'company',
  'trademark',
  'graph_entity',
  'person',
  'vehicle',
  'premises',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * Links whose target a retention purge could remove: while the case is not final, a legal hold keeps it (the
 * hold's target type is the purge's: `osint_item`, `osint_seller`; declarations are kept anyway but held too, so
 * that a later purge of declarations finds the hold).
 */
export const HELD_LINK_TYPES: readonly LinkType[] = ['declaration', 'osint_item', 'osint_seller'];

export const SEIZURE_CATEGORIES = [
  'counterfeit_clothing',
  'counterfeit_footwear',
  'counterfeit_accessories',
  'counterfeit_electronics',
  'counterfeit_cosmetics',
  'counterfeit_toys',
  'counterfeit_spare_parts',
  'counterfeit_other',
  'medicines',
  'medical_products',
  'foodstuffs',
  'tobacco',
  'alcohol',
  'drugs',
  'weapons',
  'waste',
  'wildlife_timber',
  'cultural_goods',
  'cash',
  'other',
] as const;
export type SeizureCategory = (typeof SEIZURE_CATEGORIES)[number];

export const DETECTION_SOURCES = [
  'selectivity_rule',
  'model',
  'random',
  'online_monitoring',
  'intelligence',
  'mutual_assistance',
  'operation',
  'other',
] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export const GOODS_STATUSES = ['held', 'destroyed', 'released', 'returned', 'forfeited'] as const;
export type GoodsStatus = (typeof GOODS_STATUSES)[number];

export const TEST_PURCHASE_RESULTS = ['pending', 'counterfeit', 'genuine', 'not_delivered', 'other'] as const;
export type TestPurchaseResult = (typeof TEST_PURCHASE_RESULTS)[number];

export const TAKEDOWN_STATUSES = ['pending', 'accepted', 'refused', 'partial'] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

export const REPORT_LANGS = ['fr', 'ar'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** `300/2026/0007`: office, year, sequence within both. */
export const formatNumber = (office: string, year: number, seq: number) =>
  `${office}/${year}/${String(seq).padStart(4, '0')}`;
