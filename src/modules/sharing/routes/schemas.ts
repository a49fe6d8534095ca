/** Schema pieces the sharing route files share; the pages take these shapes from the generated API types. */
import { z } from 'zod';
import {
  ASSISTANCE_STATUSES,
  DIRECTIONS,
  DISTRIBUTIONS,
  MARKINGS,
  MEMBER_ROLES,
  MEMBER_TYPES,
  MESSAGE_KINDS,
  OBSERVABLE_TYPES,
  PARTNER_KINDS,
  SUBJECT_TYPES,
} from '../model.ts';

export const codeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'expected a code (letters, digits, _ . -)'),
});
export { idParams } from '../../../platform/server/route-kit.ts';
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const partnerSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(PARTNER_KINDS),
    country: z.string(),
    public_key: z.string(),
    key_id: z.string(),
    endpoint_url: z.string().nullable(),
    active: z.boolean(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'SharingPartner' });

export const assistanceSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    direction: z.enum(DIRECTIONS),
    partner: z.string(),
    partner_name: z.string(),
    partner_reference: z.string().nullable(),
    legal_basis: z.string(),
    subject: z.string(),
    questions: z.string(),
    deadline: z.string().nullable(),
    status: z.enum(ASSISTANCE_STATUSES),
    status_reason: z.string().nullable(),
    sent_on: z.string().nullable(),
    answer: z.string().nullable(),
    answered_on: z.string().nullable(),
    overdue: z.boolean(),
    next_statuses: z.array(z.enum(ASSISTANCE_STATUSES)),
    subjects: z.array(z.object({ ref_type: z.enum(SUBJECT_TYPES), ref: z.string() })),
    reminders: z.array(
      z.object({
        reminded_on: z.string(),
        note: z.string().nullable(),
        created_by: z.string(),
        created_at: z.string(),
      }),
    ),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    closed_at: z.string().nullable(),
  })
  .meta({ id: 'AssistanceRequest' });

export const groupSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    nominal_data_allowed: z.boolean(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    members: z.array(
      z.object({
        member_type: z.enum(MEMBER_TYPES),
        ref: z.string(),
        name: z.string().nullable(),
        role: z.enum(MEMBER_ROLES),
        added_by: z.string(),
        added_at: z.string(),
      }),
    ),
  })
  .meta({ id: 'SharingGroup' });

export const messageSchema = z
  .object({
    id: z.number().int(),
    message_id: z.string(),
    direction: z.enum(DIRECTIONS),
    partner: z.string().nullable(),
    group: z.string().nullable(),
    kind: z.enum(MESSAGE_KINDS),
    distribution: z.enum(DISTRIBUTIONS),
    marking: z.enum(MARKINGS),
    title: z.string(),
    payload: z.record(z.string(), z.unknown()),
    payload_sha256: z.string(),
    nominal: z.boolean(),
    source_type: z.string().nullable(),
    source_ref: z.string().nullable(),
    sender_key_id: z.string(),
    sent_at: z.string(),
    signature: z.string(),
    recorded_by: z.string(),
    recorded_at: z.string(),
  })
  .meta({ id: 'SharingMessage' });

export const messageInput = z.object({
  kind: z.enum(MESSAGE_KINDS),
  distribution: z.enum(DISTRIBUTIONS),
  marking: z.enum(MARKINGS),
  group: codeParam.shape.code.nullable().optional(),
  title: z.string().max(300).optional(),
  text: z.string().max(50_000).optional(),
  seizure_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  seizure_reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('the seizure by its reference (S-300/2026/0001), instead of seizure_id'),
  observables: z
    .array(z.object({ type: z.enum(OBSERVABLE_TYPES), value: z.string().trim().min(1).max(2000) }))
    .max(200)
    .optional()
    .describe("warning: an online seller's phones, e-mail addresses, URLs, domains (STIX indicators)"),
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hexadecimal digits');

export const envelopeSchema = z
  .object({
    v: z.literal(1),
    message_id: z.string().min(1).max(100),
    sender: z.string().regex(/^[0-9a-f]{32}$/, 'expected a key id (32 hexadecimal digits)'),
    sent_at: z.string().max(40),
    kind: z.enum(MESSAGE_KINDS),
    distribution: z.enum(DISTRIBUTIONS),
    marking: z.enum(MARKINGS),
    group: z.string().max(32).nullable(),
    title: z.string().min(1).max(300),
    payload_sha256: hex64,
    payload: z.record(z.string(), z.unknown()),
    signature: z.string().max(200),
  })
  .meta({ id: 'SharingEnvelope' });

export const ledgerEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    direction: z.enum(DIRECTIONS),
    partner: z.string().nullable(),
    group: z.string().nullable(),
    message_id: z.string(),
    sent_at: z.string(),
    kind: z.string(),
    distribution: z.string(),
    marking: z.string(),
    title: z.string(),
    payload_sha256: z.string(),
    message_signer: z.string(),
    message_signature: z.string(),
    prev_hash: z.string(),
    key_id: z.string(),
    hash: z.string(),
    signature: z.string(),
  })
  .meta({ id: 'SharingLedgerEntry' });

export const checkpointSchema = z
  .object({
    from_seq: z.number().int(),
    to_seq: z.number().int(),
    root: z.string(),
    at: z.string(),
    key_id: z.string(),
    signature: z.string(),
  })
  .meta({ id: 'SharingLedgerCheckpoint' });
