/**
 * A declaration given inline in a request (not stored): the native format's fields, items nested. Used to check
 * the value of, or score, a declaration before it is lodged.
 */
import { z } from 'zod';
import { isoDate } from '../../platform/server/schemas.ts';
import type { DeclarationLine } from '../declarations/index.ts';

const code = (max: number) => z.string().trim().min(1).max(max);
const country = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code');

export const inlineItemSchema = z.object({
  line_no: z.number().int().min(1).max(99_999),
  hs_code: z.string().regex(/^[0-9]{6,10}$/, 'expected 6 to 10 digits'),
  description: z.string().max(1000).nullish(),
  origin_country: country.nullish(),
  quantity: z.number().min(0).nullish(),
  quantity_unit: z.string().max(16).nullish(),
  net_mass_kg: z.number().min(0).nullish(),
  customs_value: z.number().min(0),
  duty_rate: z.number().min(0).max(1000).nullish(),
  tax_type: z.string().max(32).nullish(),
  origin_indicator: z.string().max(32).nullish(),
});

export const inlineDeclarationSchema = z
  .object({
    reference: code(64),
    office: code(32),
    lodged_on: isoDate,
    procedure: z.string().max(32).nullish(),
    transport_mode: z.string().max(32).nullish(),
    departure_country: country.nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code')
      .nullish(),
    declarant_code: code(64).nullish(),
    importer_code: code(64).nullish(),
    importer_name: z.string().max(200).nullish(),
    seller_code: code(64).nullish(),
    seller_name: z.string().max(200).nullish(),
    seller_country: country.nullish(),
    courier_code: code(64).nullish(),
    attributes: z.record(z.string(), z.string().max(200)).optional(),
    items: z.array(inlineItemSchema).min(1).max(999),
  })
  .meta({ id: 'InlineDeclaration' });
export type InlineDeclaration = z.infer<typeof inlineDeclarationSchema>;

export function linesOfInline(d: InlineDeclaration): DeclarationLine[] {
  const n = <T>(v: T | null | undefined): T | null => v ?? null;
  return [...d.items]
    .sort((a, b) => a.line_no - b.line_no)
    .map((item) => ({
      reference: d.reference,
      office: d.office,
      lodged_on: d.lodged_on,
      procedure: n(d.procedure),
      transport_mode: n(d.transport_mode),
      departure_country: n(d.departure_country),
      currency: n(d.currency),
      declarant: d.declarant_code ? { code: d.declarant_code, name: null } : null,
      importer: d.importer_code ? { code: d.importer_code, name: n(d.importer_name) } : null,
      seller: d.seller_code
        ? { code: d.seller_code, name: n(d.seller_name), country: n(d.seller_country) }
        : null,
      courier: d.courier_code ? { code: d.courier_code, name: null } : null,
      attributes: d.attributes ?? {},
      item: {
        line_no: item.line_no,
        hs_code: item.hs_code,
        description: n(item.description),
        origin_country: n(item.origin_country),
        quantity: n(item.quantity),
        quantity_unit: n(item.quantity_unit),
        net_mass_kg: n(item.net_mass_kg),
        customs_value: item.customs_value,
        duty_rate: n(item.duty_rate),
        tax_type: n(item.tax_type),
        origin_indicator: n(item.origin_indicator),
      },
      outcome: null,
    }));
}
