/** The shapes the declarations API answers with (they also document it in OpenAPI). */
import { z } from 'zod';
import { cursorQuery, isoDate as date, keysetPageOf, pagingQuery } from '../../platform/server/schemas.ts';
import { SORTS } from './store.ts';
import { CHANNELS, OUTCOME_RESULTS } from './types.ts';

export const listQuerySchema = z.object({
  office: z.string().max(32).optional(),
  importer: z.string().max(64).optional(),
  declarant: z.string().max(64).optional(),
  seller: z.string().max(64).optional(),
  hs: z
    .string()
    .regex(/^\d{2,10}$/, 'expected 2 to 10 digits')
    .optional()
    .describe('HS code prefix'),
  origin: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected a two-letter country code')
    .optional(),
  from: date.optional().describe('Lodged on or after'),
  to: date.optional().describe('Lodged on or before'),
  result: z.enum(['compliant', 'fraud', 'critical', 'inspected', 'not_inspected']).optional(),
  reference: z.string().max(64).optional().describe('Reference prefix'),
  ...pagingQuery,
  ...cursorQuery,
  sort: z.enum(SORTS).default('-lodged_on'),
});

export const declarationSummarySchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    office: z.string(),
    lodged_on: z.string(),
    procedure: z.string().nullable(),
    importer_code: z.string().nullable(),
    declarant_code: z.string().nullable(),
    seller_code: z.string().nullable(),
    currency: z.string().nullable(),
    item_count: z.number().int(),
    total_value: z.number(),
    inspected_items: z.number().int(),
    fraud_items: z.number().int(),
    critical_items: z.number().int(),
  })
  .meta({ id: 'DeclarationSummary' });

export const declarationPageSchema = keysetPageOf(declarationSummarySchema);

const partySchema = z.object({ code: z.string(), name: z.string().nullable() });

export const outcomeSchema = z
  .object({
    id: z.number().int(),
    inspected_on: z.string().nullable(),
    channel: z.enum(CHANNELS).nullable(),
    result: z.enum(OUTCOME_RESULTS),
    fraud_type: z.string().nullable(),
    recovered_amount: z.number().nullable(),
    officer: z.string().nullable(),
    note: z.string().nullable(),
    source: z.enum(['import', 'officer']),
    recorded_at: z.string(),
  })
  .meta({ id: 'InspectionOutcome' });

export const declarationDetailSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    office: z.object({ code: z.string(), name: z.string().nullable() }),
    lodged_on: z.string(),
    procedure: z.string().nullable(),
    transport_mode: z.string().nullable(),
    departure_country: z.string().nullable(),
    currency: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    item_count: z.number().int(),
    total_value: z.number(),
    import_id: z.number().int().nullable(),
    created_at: z.string(),
    parties: z.object({
      importer: partySchema.nullable(),
      declarant: partySchema.nullable(),
      seller: partySchema.extend({ country: z.string().nullable() }).nullable(),
      courier: partySchema.nullable(),
    }),
    items: z.array(
      z.object({
        id: z.number().int(),
        line_no: z.number().int(),
        hs_code: z.string(),
        description: z.string().nullable(),
        origin_country: z.string().nullable(),
        quantity: z.number().nullable(),
        quantity_unit: z.string().nullable(),
        net_mass_kg: z.number().nullable(),
        customs_value: z.number(),
        duty_rate: z.number().nullable(),
        tax_type: z.string().nullable(),
        origin_indicator: z.string().nullable(),
        outcomes: z.array(outcomeSchema),
      }),
    ),
  })
  .meta({ id: 'Declaration' });

export const statsSchema = z
  .object({
    declarations: z.number().int(),
    items: z.number().int(),
    outcomes: z.number().int(),
    inspected_items: z.number().int(),
    fraud_items: z.number().int(),
    critical_items: z.number().int(),
    importers: z.number().int(),
    declarants: z.number().int(),
    sellers: z.number().int(),
    couriers: z.number().int(),
    offices: z.number().int(),
    imports: z.number().int(),
    first_lodged_on: z.string().nullable(),
    last_lodged_on: z.string().nullable(),
  })
  .meta({ id: 'DeclarationStats' });

export const importRunSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    file_name: z.string(),
    file_sha256: z.string().nullable(),
    file_bytes: z.number().nullable(),
    format: z.string(),
    profile: z.string(),
    mode: z.enum(['atomic', 'skip_invalid']),
    rows_read: z.number().int(),
    rows_rejected: z.number().int(),
    counts: z.record(z.string(), z.number()),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    started_by: z.string().nullable(),
  })
  .meta({ id: 'ImportRun' });
