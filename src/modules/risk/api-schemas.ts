/** The shapes the risk API answers with (they document it in OpenAPI too). */
import { z } from 'zod';
import { CHANNELS } from '../declarations/index.ts';
import { findingSchema } from '../valuation/index.ts';
import { WATCHLIST_TYPES } from './watchlists.ts';

const channel = z.enum(CHANNELS);
const basis = z.enum(['forced', 'ranked', 'random', 'deferred', 'none']);
const versionRef = z.object({ id: z.number().int(), name: z.string(), version: z.number().int() });
const breakdownEntry = z.object({ source: z.string(), id: z.string(), points: z.number() });
const localText = z.union([z.string(), z.object({ en: z.string(), fr: z.string() })]);

export const problemSchema = z.object({
  path: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
});

/** A rule as every role with risk:read sees it; `intelligence` only for risk:intelligence. */
const ruleSchema = z
  .object({
    id: z.string(),
    title: localText,
    rationale: localText,
    instructions: localText.optional(),
    intelligence: z.string().optional(),
    enabled: z.boolean(),
    critical: z.boolean(),
    probability: z.number().optional(),
    when: z.unknown(),
    effect: z.object({
      points: z.number(),
      channel: z.union([channel, z.record(z.string(), z.number())]).optional(),
      tags: z.array(z.string()),
      campaign: z.string().optional(),
    }),
  })
  .meta({ id: 'RiskRule' });

export const profileDocumentOut = z.object({
  description: z.string().optional(),
  scoring: z.record(z.string(), z.unknown()),
  rules: z.array(ruleSchema),
});

const profileBase = {
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'active', 'retired']),
  author: z.string(),
  reason: z.string(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  created_at: z.string(),
  activated_at: z.string().nullable(),
  activated_by: z.string().nullable(),
  retired_at: z.string().nullable(),
  retired_by: z.string().nullable(),
  rules: z.number().int(),
};

export const profileSummarySchema = z.object(profileBase).meta({ id: 'RiskProfileSummary' });
export const profileSchema = z
  .object({ ...profileBase, document: profileDocumentOut, source_text: z.string().nullable() })
  .meta({ id: 'RiskProfile' });

export const indicatorSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: z.object({ en: z.string(), fr: z.string() }),
});

export const watchlistSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(WATCHLIST_TYPES),
    description: z.string().nullable(),
    owner: z.string(),
    expires_on: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    entries: z.number().int(),
  })
  .meta({ id: 'Watchlist' });

export const officeParamsSchema = z.object({
  office_code: z.string(),
  capacity_items: z.number().int().nullable(),
  capacity_hours: z.number().nullable(),
  rate_red: z.number(),
  rate_yellow: z.number(),
  rate_blue: z.number(),
  random_rate: z.number(),
  minutes_red: z.number(),
  minutes_yellow: z.number(),
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
      reasons: z.array(
        z.object({
          en: z.string(),
          fr: z.string(),
          feature: z.string().optional(),
          contribution: z.number().optional(),
        }),
      ),
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
    explanation: z.object({ en: z.string(), fr: z.string() }),
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

export const decisionSummarySchema = z
  .object({
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
    decided_at: z.string(),
  })
  .meta({ id: 'RiskDecisionSummary' });

export const decisionSchema = z
  .object({
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
    profile_versions: z.array(versionRef),
    breakdown: z.array(breakdownEntry),
    explanation: z.object({ en: z.string(), fr: z.string() }),
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

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    outcome_id: z.number().int().nullable(),
    kind: z.enum(['photo', 'document']),
    content_type: z.string(),
    file_name: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    note: z.string().nullable(),
    added_by: z.string(),
    added_at: z.string(),
  })
  .meta({ id: 'Attachment' });

export const campaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    hs_prefixes: z.array(z.string()),
    keywords: z.array(z.string()),
    origins: z.array(z.string()),
    date_from: z.string().nullable(),
    date_to: z.string().nullable(),
    status: z.enum(['active', 'closed']),
    owner: z.string(),
    created_by: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Campaign' });
