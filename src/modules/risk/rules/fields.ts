/**
 * The declaration and item fields rules may test, by the names of the native format (dotted paths of
 * `DeclarationLine`), with their value type. `attributes.<name>` reaches any source-specific header field.
 */
import type { ScoringLine } from '../lines.ts';

export type ValueType = 'text' | 'number' | 'boolean' | 'date' | 'list';
export type Value = string | number | boolean | string[] | null;

export interface FieldDefinition {
  type: ValueType;
  description: string;
  get(line: ScoringLine): Value;
}

export const FIELDS: Record<string, FieldDefinition> = {
  reference: { type: 'text', description: 'declaration reference', get: (l) => l.reference },
  office: { type: 'text', description: 'office of lodgement', get: (l) => l.office },
  lodged_on: { type: 'date', description: 'date of lodgement', get: (l) => l.lodged_on },
  procedure: { type: 'text', description: 'procedure code', get: (l) => l.procedure },
  transport_mode: { type: 'text', description: 'mode of transport', get: (l) => l.transport_mode },
  departure_country: { type: 'text', description: 'country of departure', get: (l) => l.departure_country },
  currency: { type: 'text', description: 'currency of the declared values', get: (l) => l.currency },
  'declarant.code': { type: 'text', description: 'declarant', get: (l) => l.declarant?.code ?? null },
  'importer.code': { type: 'text', description: 'importer', get: (l) => l.importer?.code ?? null },
  'importer.name': {
    type: 'text',
    description: 'importer name as declared',
    get: (l) => l.importer?.name ?? null,
  },
  'seller.code': { type: 'text', description: 'seller', get: (l) => l.seller?.code ?? null },
  'seller.country': { type: 'text', description: 'seller country', get: (l) => l.seller?.country ?? null },
  'courier.code': { type: 'text', description: 'courier', get: (l) => l.courier?.code ?? null },
  'item.line_no': { type: 'number', description: 'item number', get: (l) => l.item.line_no },
  'item.hs_code': { type: 'text', description: 'HS code', get: (l) => l.item.hs_code },
  'item.description': { type: 'text', description: 'goods description', get: (l) => l.item.description },
  'item.origin_country': {
    type: 'text',
    description: 'country of origin',
    get: (l) => l.item.origin_country,
  },
  'item.quantity': { type: 'number', description: 'quantity', get: (l) => l.item.quantity },
  'item.quantity_unit': { type: 'text', description: 'quantity unit', get: (l) => l.item.quantity_unit },
  'item.net_mass_kg': { type: 'number', description: 'net mass (kg)', get: (l) => l.item.net_mass_kg },
  'item.customs_value': { type: 'number', description: 'customs value', get: (l) => l.item.customs_value },
  'item.duty_rate': { type: 'number', description: 'duty rate (%)', get: (l) => l.item.duty_rate },
  'item.tax_type': { type: 'text', description: 'tax treatment', get: (l) => l.item.tax_type },
  'item.origin_indicator': {
    type: 'text',
    description: 'origin evidence',
    get: (l) => l.item.origin_indicator,
  },
};

const ATTRIBUTE = /^attributes\.([A-Za-z0-9_]{1,64})$/;

/** The field of this name, or undefined. */
export function fieldOf(name: string): FieldDefinition | undefined {
  const known = FIELDS[name];
  if (known) return known;
  const match = ATTRIBUTE.exec(name);
  if (!match) return undefined;
  const key = match[1]!;
  return { type: 'text', description: `attribute ${key}`, get: (l) => l.attributes[key] ?? null };
}
