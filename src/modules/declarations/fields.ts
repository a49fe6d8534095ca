/**
 * The fields of a declaration line as import profiles see them (the native format's columns are these paths with
 * dots turned into underscores, see docs/formats.md, "Declarations"), each with the zod schema its values must pass,
 * and the schema of a whole line (for the API and its documentation).
 */
import { z } from 'zod';
import {
  type FieldCatalog,
  slotsOf,
  zAmount,
  zCode,
  zCountry,
  zCurrency,
  zDate,
  zHs,
  zText,
  zTextMap,
} from '../../platform/ingest/fields.ts';
import type { FieldProblem } from '../../platform/ingest/mapping.ts';
import { CHANNELS, type DeclarationLine, OUTCOME_RESULTS, type OutcomeData } from './types.ts';

const zLineNo = z.number().int().min(1, 'expected 1 or more').max(99_999, 'expected at most 99999');
const zRate = z.number().min(0, 'expected zero or more').max(1000, 'expected at most 1000 %');

export const declarationCatalog = {
  reference: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: "The declaration's reference in the clearance system: its natural key.",
    example: '301-2024-0012345',
  },
  office: {
    type: 'text',
    required: true,
    schema: zCode(32),
    description: 'Code of the customs office of lodgement.',
    example: '301',
  },
  lodged_on: { type: 'date', required: true, description: 'Date of lodgement.', example: '2024-03-18' },
  procedure: {
    type: 'text',
    schema: zText(32),
    description: 'Customs procedure or regime code.',
    example: '4000',
  },
  transport_mode: {
    type: 'text',
    schema: zText(32),
    description: 'Mode of transport at the border (code).',
    example: '1',
  },
  departure_country: {
    type: 'country',
    description: 'Country of departure (ISO 3166 alpha-2).',
    example: 'CN',
  },
  currency: { type: 'currency', description: 'Currency of the declared values (ISO 4217).', example: 'MAD' },
  'declarant.code': {
    type: 'text',
    schema: zCode(64),
    description: 'Declarant (customs broker) identifier.',
    example: 'D-0042',
  },
  'declarant.name': { type: 'text', schema: zText(300), description: 'Declarant name.' },
  'importer.code': {
    type: 'text',
    schema: zCode(64),
    description: 'Importer identifier (tax / trader id).',
    example: '001524873000045',
  },
  'importer.name': { type: 'text', schema: zText(300), description: 'Importer name.' },
  'seller.code': { type: 'text', schema: zCode(64), description: 'Seller / consignor identifier.' },
  'seller.name': { type: 'text', schema: zText(300), description: 'Seller / consignor name.' },
  'seller.country': { type: 'country', description: "Seller's country (ISO 3166 alpha-2)." },
  'courier.code': { type: 'text', schema: zCode(64), description: 'Courier / express carrier identifier.' },
  'courier.name': { type: 'text', schema: zText(300), description: 'Courier name.' },
  'attributes.*': { type: 'text', description: 'Any other header field of the source, kept as text.' },
  'item.line_no': {
    type: 'integer',
    required: true,
    schema: zLineNo,
    description: 'Item (line) number within the declaration.',
    example: '1',
  },
  'item.hs_code': {
    type: 'hs',
    required: true,
    description: 'HS code, 6 to 10 digits (dots and spaces are removed).',
    example: '6208220000',
  },
  'item.description': { type: 'text', schema: zText(2000), description: 'Goods description.' },
  'item.origin_country': {
    type: 'country',
    description: 'Country of origin (ISO 3166 alpha-2).',
    example: 'CN',
  },
  'item.quantity': { type: 'number', schema: zAmount, description: 'Quantity in supplementary units.' },
  'item.quantity_unit': {
    type: 'text',
    schema: zText(16),
    description: 'Unit of the quantity (e.g. u, pairs, l).',
  },
  'item.net_mass_kg': { type: 'number', schema: zAmount, description: 'Net mass in kilograms.' },
  'item.customs_value': {
    type: 'number',
    required: true,
    schema: zAmount,
    description: 'Customs value in the declaration currency.',
  },
  'item.duty_rate': { type: 'number', schema: zRate, description: 'Duty / tax rate in percent.' },
  'item.tax_type': { type: 'text', schema: zText(32), description: 'Tax or tariff treatment code.' },
  'item.origin_indicator': {
    type: 'text',
    schema: zText(32),
    description: 'How origin is evidenced (certificate, preference…).',
  },
  // The outcome is a group: a file of declarations not yet controlled has no outcome columns, whatever the profile.
  'outcome.inspected_on': { type: 'date', group: 'outcome', description: 'Date of the control.' },
  'outcome.channel': {
    type: 'enum',
    group: 'outcome',
    values: CHANNELS,
    description: 'Channel of the control: green, yellow, red or blue.',
  },
  'outcome.result': {
    type: 'enum',
    group: 'outcome',
    values: OUTCOME_RESULTS,
    description: 'Result: compliant, fraud or critical.',
  },
  'outcome.fraud_type': {
    type: 'text',
    group: 'outcome',
    schema: zText(64),
    description: 'Kind of fraud (valuation, origin, classification, ipr, prohibited, other).',
  },
  'outcome.recovered_amount': {
    type: 'number',
    group: 'outcome',
    schema: zAmount,
    description: 'Duties and taxes recovered.',
  },
  'outcome.officer': {
    type: 'text',
    group: 'outcome',
    schema: zText(64),
    description: 'Officer who recorded the outcome.',
  },
  'outcome.note': { type: 'text', group: 'outcome', schema: zText(2000), description: 'Free note.' },
} satisfies FieldCatalog;

const party = z.object({ code: zCode(64), name: zText(300).nullable() }).nullable();

export const declarationLineSchema = z.object({
  reference: zCode(64),
  office: zCode(32),
  lodged_on: zDate,
  procedure: zText(32).nullable(),
  transport_mode: zText(32).nullable(),
  departure_country: zCountry.nullable(),
  currency: zCurrency.nullable(),
  declarant: party,
  importer: party,
  seller: z.object({ code: zCode(64), name: zText(300).nullable(), country: zCountry.nullable() }).nullable(),
  courier: party,
  attributes: zTextMap(500),
  item: z.object({
    line_no: zLineNo,
    hs_code: zHs,
    description: zText(2000).nullable(),
    origin_country: zCountry.nullable(),
    quantity: zAmount.nullable(),
    quantity_unit: zText(16).nullable(),
    net_mass_kg: zAmount.nullable(),
    customs_value: zAmount,
    duty_rate: zRate.nullable(),
    tax_type: zText(32).nullable(),
    origin_indicator: zText(32).nullable(),
  }),
  outcome: z
    .object({
      inspected_on: zDate.nullable(),
      channel: z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` }).nullable(),
      result: z.enum(OUTCOME_RESULTS, { error: `expected one of ${OUTCOME_RESULTS.join(', ')}` }),
      fraud_type: zText(64).nullable(),
      recovered_amount: zAmount.nullable(),
      officer: zText(64).nullable(),
      note: zText(2000).nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<DeclarationLine>;

const S = slotsOf(declarationCatalog);

type Party = { code: string; name: string | null };

function partyOf(
  v: unknown[],
  role: string,
  code: number,
  name: number,
  problems: FieldProblem[],
): Party | null {
  const c = v[code] as string | null;
  const n = v[name] as string | null;
  if (c === null) {
    if (n !== null)
      problems.push({ field: `${role}.code`, message: `a value is required when ${role}.name is given` });
    return null;
  }
  return { code: c, name: n };
}

/**
 * The declaration line from the mapped values (by slot): parties with no field at all become null, an outcome
 * exists when any outcome field is given (and then needs its result).
 */
export function buildDeclarationLine(
  v: unknown[],
  extras: Record<string, Record<string, unknown>>,
  problems: FieldProblem[],
): DeclarationLine {
  const sellerCode = v[S['seller.code']] as string | null;
  const sellerName = v[S['seller.name']] as string | null;
  const sellerCountry = v[S['seller.country']] as string | null;
  if (sellerCode === null && (sellerName !== null || sellerCountry !== null)) {
    problems.push({
      field: 'seller.code',
      message: 'a value is required when the seller name or country is given',
    });
  }
  const declarant = partyOf(v, 'declarant', S['declarant.code'], S['declarant.name'], problems);
  const importer = partyOf(v, 'importer', S['importer.code'], S['importer.name'], problems);
  const courier = partyOf(v, 'courier', S['courier.code'], S['courier.name'], problems);
  const result = v[S['outcome.result']] as OutcomeData['result'] | null;
  const outcome: Omit<OutcomeData, 'result'> = {
    inspected_on: v[S['outcome.inspected_on']] as string | null,
    channel: v[S['outcome.channel']] as OutcomeData['channel'],
    fraud_type: v[S['outcome.fraud_type']] as string | null,
    recovered_amount: v[S['outcome.recovered_amount']] as number | null,
    officer: v[S['outcome.officer']] as string | null,
    note: v[S['outcome.note']] as string | null,
  };
  if (
    result === null &&
    (outcome.inspected_on !== null ||
      outcome.channel !== null ||
      outcome.fraud_type !== null ||
      outcome.recovered_amount !== null ||
      outcome.officer !== null ||
      outcome.note !== null)
  ) {
    problems.push({
      field: 'outcome.result',
      message: 'a value is required when other outcome fields are given',
    });
  }
  return {
    reference: v[S.reference] as string,
    office: v[S.office] as string,
    lodged_on: v[S.lodged_on] as string,
    procedure: v[S.procedure] as string | null,
    transport_mode: v[S.transport_mode] as string | null,
    departure_country: v[S.departure_country] as string | null,
    currency: v[S.currency] as string | null,
    declarant,
    importer,
    seller: sellerCode === null ? null : { code: sellerCode, name: sellerName, country: sellerCountry },
    courier,
    attributes: (extras.attributes ?? {}) as Record<string, string>,
    item: {
      line_no: v[S['item.line_no']] as number,
      hs_code: v[S['item.hs_code']] as string,
      description: v[S['item.description']] as string | null,
      origin_country: v[S['item.origin_country']] as string | null,
      quantity: v[S['item.quantity']] as number | null,
      quantity_unit: v[S['item.quantity_unit']] as string | null,
      net_mass_kg: v[S['item.net_mass_kg']] as number | null,
      customs_value: v[S['item.customs_value']] as number,
      duty_rate: v[S['item.duty_rate']] as number | null,
      tax_type: v[S['item.tax_type']] as string | null,
      origin_indicator: v[S['item.origin_indicator']] as string | null,
    },
    outcome: result === null ? null : { ...outcome, result },
  };
}
