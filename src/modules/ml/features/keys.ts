/**
 * The keys a declaration line is profiled under (importer, HS6, HS6×origin, …) and its derived quantities. One
 * place defines them so that training, scoring and explanations agree.
 */
import type { DeclarationLine } from '../../declarations/index.ts';

/** Dimensions with a risk profile: fraud and critical rates from past outcomes, smoothed, with counts. */
export const PROFILE_DIMS = [
  'importer',
  'declarant',
  'seller',
  'courier',
  'hs6',
  'hs4',
  'hs2',
  'origin',
  'office',
  'tax_type',
  'hs6_origin',
  'repeat',
] as const;
export type ProfileDim = (typeof PROFILE_DIMS)[number];

/** Pairs tracked for novelty ("first time this importer declares this HS6"). */
export const PAIR_DIMS = ['importer_hs6', 'importer_origin', 'declarant_importer'] as const;
export type PairDim = (typeof PAIR_DIMS)[number];

export type KeyDim = ProfileDim | PairDim;
export const KEY_DIMS: readonly KeyDim[] = [...PROFILE_DIMS, ...PAIR_DIMS];

/**
 * The HS6 code of a line. Codes that lost their leading zero on the way through a spreadsheet or a numeric
 * column (odd length: 5, 7 or 9 digits) get it back, as HS codes always have an even number of digits.
 */
export function hs6Of(line: DeclarationLine): string {
  const digits = line.item.hs_code.replace(/\D/g, '');
  return (digits.length % 2 ? `0${digits}` : digits).slice(0, 6);
}

/** The line's key under a dimension, or null when the datum is missing. */
export function keyOf(line: DeclarationLine, dim: KeyDim): string | null {
  const hs6 = hs6Of(line);
  const origin = line.item.origin_country;
  switch (dim) {
    case 'importer':
    case 'declarant':
    case 'seller':
    case 'courier':
      return line[dim]?.code ?? null;
    case 'hs6':
      return hs6.length >= 6 ? hs6 : null;
    case 'hs4':
      return hs6.length >= 4 ? hs6.slice(0, 4) : null;
    case 'hs2':
      return hs6.length >= 2 ? hs6.slice(0, 2) : null;
    case 'origin':
      return origin;
    case 'office':
      return line.office || null;
    case 'tax_type':
      return line.item.tax_type;
    case 'hs6_origin':
      return hs6.length >= 6 && origin ? `${hs6}|${origin}` : null;
    case 'repeat':
      // The same goods, origin, value and mass as an earlier declaration: routine repeat shipments.
      return `${hs6}|${origin}|${line.item.customs_value}|${line.item.net_mass_kg}`;
    case 'importer_hs6':
      return line.importer && hs6 ? `${line.importer.code}|${hs6}` : null;
    case 'importer_origin':
      return line.importer && origin ? `${line.importer.code}|${origin}` : null;
    case 'declarant_importer':
      return line.declarant && line.importer ? `${line.declarant.code}|${line.importer.code}` : null;
  }
}

/** Smallest mass used as divisor: a declared mass of 0 gives a huge unit value, which is itself a signal. */
export const MIN_MASS_KG = 0.001;

/** Value per kilogram (mass floored at 1 g), or NaN without a mass. */
export function unitValueOf(line: DeclarationLine): number {
  const mass = line.item.net_mass_kg;
  return mass === null || mass < 0 ? Number.NaN : line.item.customs_value / Math.max(mass, MIN_MASS_KG);
}

/** Duties at stake: customs value × duty rate. NaN without a rate. */
export function dutiesOf(line: DeclarationLine): number {
  const rate = line.item.duty_rate;
  return rate === null ? Number.NaN : (line.item.customs_value * rate) / 100;
}

/** Date on which the line's outcome became known (inspection date, else lodgement date). */
export function labelDateOf(line: DeclarationLine): string {
  const d = line.outcome?.inspected_on;
  return d && d > line.lodged_on ? d : line.lodged_on;
}
