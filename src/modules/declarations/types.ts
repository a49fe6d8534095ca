/**
 * The normalised shape of declaration data inside Vigie: one `DeclarationLine` per goods item, carrying its
 * declaration header. Every import profile maps its source columns to this shape; the store writes it to the
 * tables; the risk and machine-learning modules read it. Field names are snake_case like the database columns,
 * the API and the native file format, so one name is used for one datum everywhere.
 */

export const CHANNELS = ['green', 'yellow', 'red', 'blue'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOME_RESULTS = ['compliant', 'fraud', 'critical'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

/** A party as the clearance system identifies it: its code is the natural key (tax or trader id). */
export interface PartyRef {
  code: string;
  name: string | null;
}

export interface SellerRef extends PartyRef {
  /** ISO 3166-1 alpha-2 country of the seller / consignor. */
  country: string | null;
}

export interface ItemData {
  line_no: number;
  /** Harmonized System code, 6 to 10 digits. */
  hs_code: string;
  description: string | null;
  /** ISO 3166-1 alpha-2. */
  origin_country: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  net_mass_kg: number | null;
  /** Declared customs value in the declaration's currency. */
  customs_value: number;
  /** Duty / tax rate in percent. */
  duty_rate: number | null;
  tax_type: string | null;
  /** How origin is evidenced (certificate, preferential claim…), as the source codes it. */
  origin_indicator: string | null;
}

/** What an officer found when the item was controlled. */
export interface OutcomeData {
  inspected_on: string | null;
  channel: Channel | null;
  result: OutcomeResult;
  fraud_type: string | null;
  /** Duties and taxes recovered, in the declaration's currency. */
  recovered_amount: number | null;
  officer: string | null;
  note: string | null;
}

export interface DeclarationLine {
  /** The declaration's natural key in the clearance system. */
  reference: string;
  office: string;
  /** Lodgement date, YYYY-MM-DD. */
  lodged_on: string;
  procedure: string | null;
  transport_mode: string | null;
  departure_country: string | null;
  /** ISO 4217. */
  currency: string | null;
  declarant: PartyRef | null;
  importer: PartyRef | null;
  seller: SellerRef | null;
  courier: PartyRef | null;
  /** Source-specific header fields kept as they came (e.g. KCS import type, import use, payment type). */
  attributes: Record<string, string>;
  item: ItemData;
  outcome: OutcomeData | null;
}
