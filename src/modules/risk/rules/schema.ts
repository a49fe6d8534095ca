/**
 * The rule language, as data (stored as JSON; written as YAML or JSON). A profile document holds scoring settings
 * and rules; a rule has a condition (`when`) over fields and indicators and effects (`effect`):
 *
 *   rules:
 *     - id: undervalued-textiles
 *       title: { en: Textiles far below the reference value, fr: Textiles très en dessous de la valeur de référence,
 *                ar: منسوجات بقيمة أدنى بكثير من القيمة المرجعية }
 *       rationale: Under-valuation of textiles from … is the most frequent fraud found in 2023.
 *       instructions: Ask for the invoice and proof of payment; compare with the supplier's price list.
 *       intelligence: Source report 2024-117 (analysts only)
 *       when:
 *         all:
 *           - { field: item.hs_code, hs_prefix: ["61", "62"] }
 *           - { indicator: valuation.ratio, range: { lt: 0.4 } }
 *       effect: { points: 40, channel: { red: 0.5 }, tags: [valuation] }
 *
 * Leaves: `{ field | indicator, <operator> }` with one operator among equals, in, hs_prefix, range (gt, gte, lt,
 * lte), regex (+ flags), exists, older_than, newer_than (durations such as 90d, 12w, 6m, 2y, measured back from the
 * lodgement date), in_watchlist (a named list; the subject defaults to the list type's field). Combinators: all,
 * any, not. Validation reports every problem with its path in the document (rules[2].when.all[0].range).
 */
import safeRegex from 'safe-regex2';
import { z } from 'zod';
import { inLang, type Lang } from '../../../platform/lib/lang.ts';
import { CHANNELS, type Channel } from '../../declarations/index.ts';

export const DURATION = /^([1-9][0-9]{0,4})([dwmy])$/;

const oneText = z.string().trim().min(1).max(4000);
/** One text, or one per language; Arabic is optional (an analyst may write it; without it Arabic reads French). */
const text = z.union([oneText, z.strictObject({ en: oneText, fr: oneText, ar: oneText.optional() })]);
export type LocalText = z.infer<typeof text>;

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);
const hsPrefix = z.string().regex(/^[0-9]{1,10}$/, 'expected 1 to 10 digits');
const duration = z.string().regex(DURATION, 'expected a duration such as 90d, 12w, 6m or 2y');
const listName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a list name (a-z, 0-9, - and _)');

export const OPERATORS = [
  'equals',
  'in',
  'hs_prefix',
  'range',
  'regex',
  'exists',
  'older_than',
  'newer_than',
  'in_watchlist',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const leafSchema = z.strictObject({
  field: z.string().min(1).max(100).optional(),
  indicator: z.string().min(1).max(100).optional(),
  equals: scalar.optional(),
  in: z
    .array(z.union([z.string().max(500), z.number()]))
    .min(1)
    .max(100_000)
    .optional(),
  hs_prefix: z.union([hsPrefix, z.array(hsPrefix).min(1).max(10_000)]).optional(),
  range: z
    .strictObject({
      gt: z.number().optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
    })
    .refine((r) => Object.values(r).some((v) => v !== undefined), 'give at least one of gt, gte, lt, lte')
    .optional(),
  regex: z.string().min(1).max(500).optional(),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'expected regex flags among i, m, s, u')
    .optional(),
  exists: z.boolean().optional(),
  older_than: duration.optional(),
  newer_than: duration.optional(),
  in_watchlist: listName.optional(),
});
export type Leaf = z.infer<typeof leafSchema>;

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Structural check of a condition, recursively; problems carry their path below the condition. */
export function checkCondition(
  value: unknown,
  path: (string | number)[],
  problems: Problem[],
  depth = 0,
): void {
  if (depth > 20) {
    problems.push({ path, message: 'conditions nest more than 20 levels deep' });
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      path,
      message: 'expected a condition: an object with all, any, not, or field/indicator',
    });
    return;
  }
  const keys = Object.keys(value);
  const combinator = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (combinator.length > 0) {
    if (keys.length > 1) {
      problems.push({
        path,
        message: `a combinator stands alone: found ${keys.map((k) => `"${k}"`).join(', ')} together`,
      });
      return;
    }
    const key = combinator[0]!;
    const inner = (value as Record<string, unknown>)[key];
    if (key === 'not') {
      checkCondition(inner, [...path, 'not'], problems, depth + 1);
      return;
    }
    if (!Array.isArray(inner) || inner.length === 0) {
      problems.push({ path: [...path, key], message: `expected a non-empty list of conditions` });
      return;
    }
    inner.forEach((c, i) => {
      checkCondition(c, [...path, key, i], problems, depth + 1);
    });
    return;
  }
  const parsed = leafSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys)
          problems.push({
            path: [...path, k],
            message: `unknown key "${k}": expected field or indicator and one operator (${OPERATORS.join(', ')}), or all / any / not`,
          });
      } else
        problems.push({ path: [...path, ...(issue.path as (string | number)[])], message: issue.message });
    }
    return;
  }
  const leaf = parsed.data;
  const operators = OPERATORS.filter((op) => leaf[op] !== undefined);
  if (operators.length !== 1) {
    problems.push({
      path,
      message:
        operators.length === 0
          ? `no operator: expected one of ${OPERATORS.join(', ')}`
          : `one operator per condition, found ${operators.join(' and ')} (combine conditions with all / any)`,
    });
  }
  if (leaf.field !== undefined && leaf.indicator !== undefined)
    problems.push({ path, message: 'a condition tests a field or an indicator, not both' });
  if (leaf.field === undefined && leaf.indicator === undefined && leaf.in_watchlist === undefined)
    problems.push({ path, message: 'say what is tested: field or indicator' });
  if (leaf.flags !== undefined && leaf.regex === undefined)
    problems.push({ path: [...path, 'flags'], message: 'flags go with regex' });
  if (leaf.regex !== undefined) {
    try {
      new RegExp(leaf.regex, leaf.flags ?? '');
      // Nested repetition (`(a+)+`) can take exponential time on a crafted goods description: refused.
      if (!safeRegex(leaf.regex))
        problems.push({
          path: [...path, 'regex'],
          message: 'this regular expression repeats a repetition and can take exponential time: simplify it',
        });
    } catch (error) {
      problems.push({
        path: [...path, 'regex'],
        message: `not a valid regular expression: ${(error as Error).message}`,
      });
    }
  }
}

const conditionSchema = z.unknown().superRefine((value, ctx) => {
  const problems: Problem[] = [];
  checkCondition(value, [], problems);
  for (const p of problems) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
}) as unknown as z.ZodType<Condition>;

const channelEffect = z.union([
  z.enum(CHANNELS),
  z
    .partialRecord(z.enum(CHANNELS), z.number().min(0).max(1))
    .refine((r) => Object.values(r).reduce((s, v) => s + (v ?? 0), 0) <= 1 + 1e-9, {
      message: 'channel probabilities add up to more than 1',
    }),
]);

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'expected an identifier (a-z, 0-9, ., - and _)'),
  title: text,
  rationale: text,
  instructions: text.optional(),
  /** Sensitive intelligence behind the rule: analysts only (stripped from answers to other roles). */
  intelligence: z.string().max(8000).optional(),
  enabled: z.boolean().default(true),
  /** A critical-fraud (safety) indicator: its hits weigh more in the selection. */
  critical: z.boolean().default(false),
  /** Expected precision of a hit before any statistics (default: base + (1 − base) · min(points, 90) / 100 for
   * positive points, base · max(0.01, 1 + points / 100) for negative ones; see rulePrior in score.ts). */
  probability: z.number().min(0).max(1).optional(),
  when: conditionSchema,
  effect: z.strictObject({
    points: z.number().min(-1000).max(1000).default(0),
    channel: channelEffect.optional(),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected a tag (a-z, 0-9, - and _)'))
      .max(20)
      .default([]),
    campaign: listName.optional(),
  }),
});
export type Rule = z.infer<typeof ruleSchema>;

export const scoringSchema = z.strictObject({
  /** Points and prior probability of a flagged valuation finding. */
  valuation: z
    .strictObject({
      points: z.number().min(0).max(1000).default(20),
      probability: z.number().min(0).max(1).default(0.3),
    })
    .prefault({}),
  /** Points per unit of model probability (a probability of 0.8 with weight 50 adds 40 points). */
  model: z.strictObject({ weight: z.number().min(0).max(1000).default(50) }).prefault({}),
  /** Fraud rate of an inspected item nothing points at (replaced by the model's probability when one is active). */
  base_probability: z.number().gt(0).lt(1).default(0.05),
  /** Weight of the prior against observed outcomes when a rule's precision is estimated. */
  prior_weight: z.number().min(0).max(10_000).default(10),
  /** Duties at stake are at least this rate (%) of the value: a zero-rated item still carries taxes. */
  stake_min_rate: z.number().min(0).max(100).default(5),
  /** Expected value × (1 + safety_weight) when a critical rule hits. */
  safety_weight: z.number().min(0).max(1000).default(4),
  /**
   * How the selection ranks what it fills capacity with: expected value (probability × duties at stake, the
   * default), probability alone, or `mixed`: fraud and revenue together, weighted by `revenue_weight` (risk/mix.ts,
   * docs/decisions/0040-mixed-ranking-and-replay.md).
   */
  rank_by: z.enum(['expected_value', 'probability', 'mixed']).default('expected_value'),
  /**
   * With `rank_by: mixed`, the weight w of the revenue term: (1 − w) · probability + w · normalised log expected
   * recovery. 0: probability alone; 1: expected recovery alone. 0.5 was chosen on 2020 folds of the KCS data.
   */
  revenue_weight: z
    .number({ error: 'the revenue weight must be a number from 0 to 1' })
    .min(0, 'the revenue weight must be from 0 to 1')
    .max(1, 'the revenue weight must be from 0 to 1')
    .default(0.5),
  /**
   * Declarations at or above this fraud probability are ranked before all others (then by expected value): the
   * capacity goes to the likely frauds with the most duties at stake first. 0: expected value alone.
   */
  min_probability: z.number().min(0).max(1).default(0),
  /** Indicative channel of a declaration scored alone (no capacity): red at or above, yellow at or above. */
  red_score: z.number().default(80),
  yellow_score: z.number().default(50),
  /**
   * The least score a declaration needs for the daily selection to spend capacity on it: red at or above `red`,
   * yellow (and blue, deferred control) at or above `yellow`. Below, it stays green however much capacity is left:
   * capacity is never filled with declarations nobody would control. Random picks ignore it (they measure).
   * Defaults: 20 and 10 (with a model of weight 50, a probability of 0.4 and 0.2 alone).
   */
  minimum_score: z
    .strictObject({
      red: z.number().min(-1000).max(100_000).default(20),
      yellow: z.number().min(-1000).max(100_000).default(10),
    })
    .refine((m) => m.yellow <= m.red, {
      message: 'the yellow minimum cannot be above the red one',
      path: ['yellow'],
    })
    .prefault({}),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const profileDocumentSchema = z.strictObject({
  description: z.string().max(4000).optional(),
  scoring: scoringSchema.prefault({}),
  rules: z.array(ruleSchema).min(1, 'a profile needs at least one rule').max(2000),
});
export type ProfileDocument = z.infer<typeof profileDocumentSchema>;
export type ProfileDocumentInput = z.input<typeof profileDocumentSchema>;

export const CHANNEL_SEVERITY: Record<Channel, number> = { green: 0, blue: 1, yellow: 2, red: 3 };

/** The text in `lang`: Arabic falls back to French when the analyst wrote none. */
export function localText(t: LocalText | undefined, lang: Lang): string {
  if (t === undefined) return '';
  return typeof t === 'string' ? t : inLang(t, lang);
}
