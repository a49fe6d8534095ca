import type { AnalysisResult } from '../osint/index.ts';

/** What a parcel is: the kinds of consignment, the channels a scored parcel gets, the shape of a reason, its fields. */

/** Postal items (UPU operators, ITMATT messages) or express consignments (courier companies). */
export const PARCEL_KINDS = ['postal', 'express'] as const;
export type ParcelKind = (typeof PARCEL_KINDS)[number];

/** Red: examine on arrival; yellow: check the documents or call the recipient; green: release. */
export const PARCEL_CHANNELS = ['red', 'yellow', 'green'] as const;
export type ParcelChannel = (typeof PARCEL_CHANNELS)[number];

export const PARCEL_INDICATORS = [
  'split_order',
  'goods_wording',
  'undervalued_brand',
  'linked_online_seller',
  'repeat_sender',
  'repeat_sender_fraud',
  'model',
] as const;
export type ParcelIndicator = (typeof PARCEL_INDICATORS)[number];

/**
 * What an examiner found on inspecting a parcel: the goods match the advance data (`compliant`), an offence
 * (`fraud`, with its type), or nothing to inspect — the parcel was not presented, or arrived without the goods
 * (`not_found`): an outcome of its own, since it is neither compliant nor proof of fraud, and a pattern of them
 * for one sender or carrier is itself a signal.
 */
export const PARCEL_INSPECTION_RESULTS = ['compliant', 'fraud', 'not_found'] as const;
export type ParcelInspectionResult = (typeof PARCEL_INSPECTION_RESULTS)[number];

/** The kinds of offence found in e-commerce parcels. */
export const PARCEL_FRAUD_TYPES = [
  'counterfeit',
  'health_risk',
  'undervaluation',
  'prohibited',
  'other',
] as const;
export type ParcelFraudType = (typeof PARCEL_FRAUD_TYPES)[number];

/** One reason a parcel was scored as it was: what fired, how many points, in words, with the evidence. */
export interface ParcelReason {
  indicator: ParcelIndicator;
  points: number;
  message: string;
  evidence: Record<string, unknown>;
}

/** A parcel as a file gives it (the import's fields, checked): what the store keeps of it before any score. */
export interface ParcelRow {
  consignment_number: string;
  carrier: string;
  kind: ParcelKind;
  master_manifest: string | null;
  sender_name: string;
  sender_address: string | null;
  sender_country: string;
  sender_platform: string | null;
  recipient_name: string;
  recipient_address: string | null;
  recipient_city: string | null;
  recipient_phone: string | null;
  recipient_email: string | null;
  description: string;
  declared_value: number;
  currency: string;
  weight_kg: number | null;
  hs_code: string | null;
  item_count: number;
  arrival_date: string;
  arrival_office: string;
}

/**
 * What a parcel model reads: the first pass's columns, and, when a model is plugged in, the columns of its features
 * (read only then: scoring without a model reads no more than before).
 */
export interface ParcelModelInput {
  id: number;
  description: string;
  declared_value: number;
  currency: string;
  item_count: number;
  recipient_phone: string | null;
  recipient_email: string | null;
  value_eur?: number;
  weight_kg?: number | null;
  kind?: string;
  carrier?: string;
  sender_name?: string;
  sender_country?: string;
  sender_platform?: string | null;
  hs_code?: string | null;
  arrival_office?: string;
}

/**
 * The model slot of scoring: a parcel model scores each batch of the first pass, given the analyzer's result on
 * each row's description (already computed for the wording reasons: never analysed twice), and gives its term as a
 * reason for the parcels it points at. The trained models are parcel-model.ts's, kept in `parcel_models`.
 */
export interface ParcelModel {
  name: string;
  version: string;
  score(rows: readonly ParcelModelInput[], analyses: readonly AnalysisResult[]): Map<number, ParcelReason>;
}
