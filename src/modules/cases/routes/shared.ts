/** Schema pieces the cases route files share. */
import { z } from 'zod';
import { idParams } from '../../../platform/server/route-kit.ts';
import { LINE_FIELDS } from '../lines.ts';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  DETECTION_SOURCES,
  GOODS_STATUSES,
  LINK_TYPES,
  ORIGIN_TYPES,
  SEIZURE_CATEGORIES,
} from '../model.ts';

export { idParams };
export const subParams = idParams.extend({ sub: idParams.shape.id });
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const code = (max = 32) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\t\n\r]+$/, 'expected a code');

export const caseSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    office: z.string(),
    year: z.number().int(),
    title: z.string(),
    type: z.enum(CASE_TYPES),
    status: z.enum(CASE_STATUSES),
    status_reason: z.string().nullable(),
    priority: z.enum(CASE_PRIORITIES),
    assignee: z.string().nullable(),
    origin_type: z.enum(ORIGIN_TYPES).nullable(),
    origin_ref: z.string().nullable(),
    summary: z.string().nullable(),
    report_number: z.string().nullable(),
    opened_by: z.string(),
    opened_at: z.string(),
    updated_at: z.string(),
    closed_at: z.string().nullable(),
    operation_id: z.number().int().nullable(),
    next_statuses: z.array(z.enum(CASE_STATUSES)),
  })
  .meta({ id: 'Case' });

export const linkSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    target_type: z.enum(LINK_TYPES),
    target_ref: z.string(),
    note: z.string().nullable(),
    hold_id: z.number().int().nullable(),
    added_by: z.string(),
    added_at: z.string(),
  })
  .meta({ id: 'CaseLink' });

export const taskSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    title: z.string(),
    assignee: z.string().nullable(),
    due_on: z.string().nullable(),
    status: z.enum(['todo', 'done']),
    created_by: z.string(),
    created_at: z.string(),
    done_at: z.string().nullable(),
  })
  .meta({ id: 'CaseTask' });

export const noteSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    body: z.string(),
    author: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'CaseNote' });

export const evidenceSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    file_name: z.string(),
    content_type: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    description: z.string().nullable(),
    added_by: z.string(),
    added_at: z.string(),
  })
  .meta({ id: 'CaseEvidence' });

export const eventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    kind: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });

export const reportSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    number: z.string(),
    version: z.number().int(),
    lang: z.enum(['fr', 'ar']),
    bytes: z.number().int(),
    sha256: z.string(),
    generated_by: z.string(),
    generated_at: z.string(),
  })
  .meta({ id: 'OffenceReport' });

export const taxLossSchema = z
  .object({
    value: z.number(),
    currency: z.string(),
    duty_rate: z.number(),
    duty_rate_source: z.enum(['seizure', 'default']),
    vat_rate: z.number(),
    duties: z.number(),
    vat: z.number(),
    total: z.number(),
    unvalued: z.number(),
    seizures: z.number().int().optional(),
    method: z.string(),
  })
  .meta({ id: 'TaxLoss' });

const amount = z.number().min(0).max(1e15);
const num = z.number().nullable();
const text = (max: number) => z.string().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const hsCode = z.string().regex(/^\d{2,10}$/, 'expected an HS code of 2 to 10 digits');

export const seizureLineSchema = z
  .object({
    line_no: z.number().int(),
    description: z.string(),
    hs_code: z.string().nullable(),
    category: z.enum(SEIZURE_CATEGORIES),
    quantity: num,
    unit: z.string().nullable(),
    net_mass_kg: num,
    estimated_value: num,
    brand: z.string().nullable(),
    rights_holder: z.string().nullable(),
    health_risk: z.boolean(),
  })
  .meta({ id: 'SeizureLine' });

export const seizureLineBody = z.object({
  description: z.string().min(1).max(2000),
  hs_code: hsCode.nullable().optional(),
  category: z.enum(SEIZURE_CATEGORIES),
  quantity: amount.nullable().optional(),
  unit: text(20).nullable().optional(),
  net_mass_kg: amount.nullable().optional(),
  estimated_value: amount.nullable().optional(),
  brand: text(200).nullable().optional(),
  rights_holder: text(300).nullable().optional(),
  health_risk: z.boolean().optional(),
});
const linesBody = z.array(seizureLineBody).min(1).max(500);

export const seizureSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    case_id: z.number().int().nullable(),
    seized_on: z.string(),
    office: z.string(),
    place: z.string().nullable(),
    city: z.string().nullable(),
    latitude: num,
    longitude: num,
    description: z.string(),
    hs_code: z.string().nullable(),
    category: z.enum(SEIZURE_CATEGORIES),
    quantity: num,
    unit: z.string().nullable(),
    net_mass_kg: num,
    estimated_value: num,
    value_method: z.string().nullable(),
    currency: z.string(),
    brand: z.string().nullable(),
    rights_holder: z.string().nullable(),
    health_risk: z.boolean(),
    transport_mode: z.string().nullable(),
    concealment: z.string().nullable(),
    detection_source: z.enum(DETECTION_SOURCES).nullable(),
    officers: z.array(z.string()),
    duty_rate: num,
    duties_at_stake: num,
    duties_recovered: num,
    fines: num,
    settlement_amount: num,
    goods_status: z.enum(GOODS_STATUSES),
    goods_status_on: z.string().nullable(),
    operation_id: z.number().int().nullable(),
    lines: z.array(seizureLineSchema),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Seizure' });

const seizureFields = z.object({
  reference: code(64).optional(),
  case_id: z.number().int().positive().nullable().optional(),
  seized_on: date,
  office: code(16),
  place: text(200).nullable().optional(),
  city: text(100).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  description: z.string().min(1).max(2000).optional(),
  hs_code: hsCode.nullable().optional(),
  category: z.enum(SEIZURE_CATEGORIES).optional(),
  quantity: amount.nullable().optional(),
  unit: text(20).nullable().optional(),
  net_mass_kg: amount.nullable().optional(),
  estimated_value: amount.nullable().optional(),
  value_method: text(200).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  brand: text(200).nullable().optional(),
  rights_holder: text(300).nullable().optional(),
  health_risk: z.boolean().optional(),
  transport_mode: text(50).nullable().optional(),
  concealment: text(200).nullable().optional(),
  detection_source: z.enum(DETECTION_SOURCES).nullable().optional(),
  officers: z.array(text(100)).max(50).optional(),
  duty_rate: z.number().min(0).max(1000).nullable().optional(),
  duties_at_stake: amount.nullable().optional(),
  duties_recovered: amount.nullable().optional(),
  fines: amount.nullable().optional(),
  settlement_amount: amount.nullable().optional(),
  goods_status: z.enum(GOODS_STATUSES).optional(),
  goods_status_on: date.nullable().optional(),
  lines: linesBody.optional(),
  operation_id: z.number().int().positive().nullable().optional(),
});

/** A seizure's goods: one line given field by field (description and category), or `lines` — not both. */
export const seizureBody = seizureFields.superRefine((body, ctx) => {
  if (body.lines) {
    // The goods fields of the one-line shape are left out when the goods come as `lines`.
    for (const field of LINE_FIELDS)
      if (body[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'give the goods either as lines or as one line field by field, not both',
        });
    return;
  }
  for (const field of ['description', 'category'] as const)
    if (body[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: 'required (or give the goods as lines)' });
});

export const seizureUpdateBody = z.object({
  lines: linesBody.optional(),
  operation_id: z.number().int().positive().nullable().optional(),
  duties_at_stake: amount.nullable().optional(),
  duties_recovered: amount.nullable().optional(),
  fines: amount.nullable().optional(),
  settlement_amount: amount.nullable().optional(),
  goods_status: z.enum(GOODS_STATUSES).optional(),
  goods_status_on: date.nullable().optional(),
  estimated_value: amount.nullable().optional(),
  value_method: text(200).nullable().optional(),
});
