/** The shapes the scoring, selection and decision routes answer with (they document the API in OpenAPI too). */
import { z } from 'zod';
import { findingSchema } from '../../valuation/index.ts';
import { channel, localText, texts } from './shared.ts';

const basis = z.enum(['forced', 'ranked', 'random', 'deferred', 'none']);
const versionRef = z.object({ id: z.number().int(), name: z.string(), version: z.number().int() });
const breakdownEntry = z.object({ source: z.string(), id: z.string(), points: z.number() });

const modelReason = z.object({
  en: z.string(),
  fr: z.string(),
  ar: z.string(),
  feature: z.string().optional(),
  contribution: z.number().optional(),
});
/** The model's anomaly score of an item (isolation forest, 0–1), its percentile and why it is unusual. */
const anomalySchema = z.object({
  score: z.number(),
  percentile: z.number(),
  reasons: z.array(modelReason),
});

const subjectValue = z.object({
  subject: z.string(),
  kind: z.enum(['field', 'indicator']),
  value: z.unknown(),
  evidence: z.record(z.string(), z.unknown()).optional(),
});

const hitSchema = z.object({
  profile: z.string(),
  version: z.number().int(),
  rule_id: z.string(),
  title: localText,
  points: z.number(),
  channel: channel.nullable(),
  critical: z.boolean(),
  tags: z.array(z.string()),
  probability: z.number(),
  values: z.array(subjectValue),
});

export const itemScoreSchema = z.object({
  item_id: z.number().int().nullable(),
  line_no: z.number().int(),
  score: z.number(),
  probability: z.number(),
  stake: z.number(),
  expected_value: z.number(),
  critical: z.boolean(),
  breakdown: z.array(breakdownEntry),
  hits: z.array(hitSchema),
  forced: z.object({ channel, rule_id: z.string(), profile: z.string() }).nullable(),
  tags: z.array(z.string()),
  finding: findingSchema.nullable(),
  model: z
    .object({
      name: z.string(),
      probability: z.number(),
      reasons: z.array(modelReason),
      anomaly: anomalySchema.nullable().optional(),
    })
    .nullable(),
});

export const scoreSchema = z
  .object({
    reference: z.string(),
    office: z.string(),
    lodged_on: z.string(),
    stored: z.boolean(),
    profiles: z.array(versionRef),
    model: z.string().nullable(),
    score: z.number(),
    probability: z.number(),
    expected_value: z.number(),
    critical: z.boolean(),
    indicative_channel: channel,
    forced: z
      .object({ channel, rule_id: z.string(), profile: z.string(), line_no: z.number().int() })
      .nullable(),
    breakdown: z.array(breakdownEntry),
    items: z.array(itemScoreSchema),
    explanation: texts,
  })
  .meta({ id: 'RiskScore' });

export const selectionSchema = z
  .object({
    run_id: z.number().int(),
    office: z.string(),
    day: z.string(),
    seed: z.string(),
    profiles: z.array(versionRef),
    model: z.string().nullable(),
    declarations: z.number().int(),
    items: z.number().int(),
    unit: z.enum(['items', 'minutes']),
    budget: z.number(),
    used: z.number(),
    selected_items: z.number().int(),
    random_items: z.number().int(),
    random_share: z.number(),
    slots: z
      .object({ random: z.number(), red: z.number(), yellow: z.number() })
      .describe("the capacity's split in its unit: random share, red slots, yellow slots"),
    minimum_score: z
      .object({ red: z.number(), yellow: z.number() })
      .describe("the profile's minimum scores for red and yellow"),
    over_capacity: z.boolean(),
    counts: z.record(z.string(), z.number()),
    decisions: z.array(
      z.object({
        id: z.number().int(),
        reference: z.string(),
        channel,
        basis: z.string(),
        score: z.number(),
        rank: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'SelectionRun' });

export const selectionRunSchema = z.object({
  id: z.number().int(),
  office: z.string(),
  day: z.string(),
  profile_versions: z.unknown(),
  seed: z.string(),
  capacity_items: z.number().int().nullable(),
  capacity_minutes: z.number().nullable(),
  random_share: z.number(),
  candidates: z.number().int(),
  items: z.number().int(),
  selected_items: z.number().int(),
  random_items: z.number().int(),
  counts: z.record(z.string(), z.number()),
  created_by: z.string().nullable(),
  created_at: z.string(),
});

// What a decision says in a list and on its page alike.
const decisionHead = {
  id: z.number().int(),
  reference: z.string(),
  office: z.string(),
  lodged_on: z.string(),
  run_id: z.number().int().nullable(),
  channel,
  initial_channel: channel,
  basis,
  score: z.number(),
  probability: z.number(),
  expected_value: z.number(),
  rank: z.number().int().nullable(),
};

export const decisionSummarySchema = z
  .object({ ...decisionHead, decided_at: z.string() })
  .meta({ id: 'RiskDecisionSummary' });

export const decisionSchema = z
  .object({
    ...decisionHead,
    profile_versions: z.array(versionRef),
    breakdown: z.array(breakdownEntry),
    explanation: texts,
    decided_by: z.string().nullable(),
    decided_at: z.string(),
    superseded_at: z.string().nullable(),
    items: z.array(
      z.object({
        item_id: z.number().int(),
        line_no: z.number().int(),
        score: z.number(),
        probability: z.number(),
        expected_value: z.number(),
        breakdown: z.array(breakdownEntry),
        tags: z.array(z.string()),
        indicators: z.record(z.string(), z.unknown()),
        anomaly: anomalySchema.nullable(),
        hits: z.array(
          z.object({
            profile: z.string(),
            version: z.number().int(),
            rule_id: z.string(),
            points: z.number(),
            channel: channel.nullable(),
            critical: z.boolean(),
          }),
        ),
        outcomes: z.array(
          z.object({
            id: z.number().int(),
            result: z.string(),
            fraud_type: z.string().nullable(),
            recovered_amount: z.number().nullable(),
            officer: z.string().nullable(),
            source: z.string(),
            inspected_on: z.string().nullable(),
            channel: z.string().nullable(),
            note: z.string().nullable(),
            corrected_by: z.number().int().nullable().describe('the outcome that corrects this one, if any'),
            correction: z
              .object({ of: z.number().int(), reason: z.string(), officer: z.string(), at: z.string() })
              .nullable()
              .describe('when this outcome corrects another: which, why, who and when'),
          }),
        ),
      }),
    ),
    overrides: z.array(
      z.object({
        id: z.number().int(),
        from_channel: channel,
        to_channel: channel,
        reason: z.string(),
        officer: z.string(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'RiskDecision' });
