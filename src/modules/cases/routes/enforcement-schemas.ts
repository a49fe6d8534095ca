/** Schemas of a case's online enforcement records: test purchases and takedown requests. */
import { z } from 'zod';
import { TAKEDOWN_STATUSES, TEST_PURCHASE_RESULTS } from '../model.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);
const url = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const amount = z.number().min(0).max(1e15);

export const testPurchaseSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    platform: z.string(),
    seller_ref: z.string().nullable(),
    post_url: z.string().nullable(),
    account_used: z.string().nullable(),
    ordered_on: z.string(),
    amount_paid: z.number().nullable(),
    currency: z.string(),
    payment_method: z.string().nullable(),
    tracking_number: z.string().nullable(),
    received_on: z.string().nullable(),
    result: z.enum(TEST_PURCHASE_RESULTS),
    result_note: z.string().nullable(),
    evidence_ids: z.array(z.number().int()),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'TestPurchase' });

const purchaseChanges = {
  seller_ref: text(200).nullable().optional(),
  post_url: url.nullable().optional(),
  account_used: text(200).nullable().optional(),
  amount_paid: amount.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  payment_method: text(100).nullable().optional(),
  tracking_number: text(100).nullable().optional(),
  received_on: date.nullable().optional(),
  result: z.enum(TEST_PURCHASE_RESULTS).optional(),
  result_note: z.string().max(5000).nullable().optional(),
  evidence_ids: z.array(z.number().int().positive()).max(100).optional(),
};

export const testPurchaseBody = z.object({
  platform: text(100),
  ordered_on: date,
  ...purchaseChanges,
});
export const testPurchaseUpdateBody = z.object(purchaseChanges);

export const takedownSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    platform: z.string(),
    seller_ref: z.string().nullable(),
    urls: z.array(z.string()),
    legal_basis: z.string(),
    rights_holder: z.string().nullable(),
    sent_on: z.string(),
    status: z.enum(TAKEDOWN_STATUSES),
    answer: z.string().nullable(),
    answered_on: z.string().nullable(),
    taken_down_on: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Takedown' });

const takedownChanges = {
  rights_holder: text(300).nullable().optional(),
  status: z.enum(TAKEDOWN_STATUSES).optional(),
  answer: z.string().max(5000).nullable().optional(),
  answered_on: date.nullable().optional(),
  taken_down_on: date.nullable().optional(),
};

export const takedownBody = z.object({
  platform: text(100),
  seller_ref: text(200).nullable().optional(),
  urls: z.array(url).min(1).max(100),
  legal_basis: text(2000),
  sent_on: date,
  ...takedownChanges,
});
export const takedownUpdateBody = z.object(takedownChanges);
