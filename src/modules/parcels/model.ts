/** What a parcel is: the kinds of consignment, the channels a scored parcel gets, the shape of a reason. */

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
  'model',
] as const;
export type ParcelIndicator = (typeof PARCEL_INDICATORS)[number];

/** One reason a parcel was scored as it was: what fired, how many points, in words, with the evidence. */
export interface ParcelReason {
  indicator: ParcelIndicator;
  points: number;
  message: string;
  evidence: Record<string, unknown>;
}
