/**
 * Transparent rule scoring: evidence → a score per risk label → the label, with reasons an investigator can check.
 *
 * Within a label, each rule type counts once (its strongest occurrence) and types combine by noisy-OR, so three
 * independent cues add up but repeating "copie" five times does not. A sale-intent cue (price, phone, DM, delivery)
 * raises an existing risk, because an offer is what customs acts on. Context then lowers the score: reporting and
 * education (news about a seizure), warnings, a buyer's question, a pharmacy's or an importer's legitimate post,
 * and, for counterfeits, signs of a genuine item, which lower the weak evidence (brand, low price) but not the
 * trade's own grading words ("high copy", "AAA"), which sellers of genuine goods never use.
 */
import type { Extraction } from './signals.ts';
import { type Label, RISK_LABELS, type RiskLabel, type Signal } from './types.ts';

/** A post is flagged when its best risk label reaches this score. */
export const THRESHOLD = 0.55;
/** Counterfeit evidence at or above this weight is a grading word of the trade, immune to "genuine" context. */
const STRONG = 0.6;
/** Share of the remaining distance to 1 that a sale-intent cue adds to an existing risk (from 0.25 up). */
const SALE_BOOST = 0.3;

export const CONTEXT_FACTORS = {
  /** News, official notices, investigations: no offer is made. With a contact or a price it may be a disguise. */
  reporting: { noOffer: 0.25, withOffer: 0.6 },
  warning: 0.4,
  buyerQuestion: 0.5,
  /** Pharmacies name prescription medicines; unless they sell "without prescription". */
  pharmacy: 0.3,
  /** "Duties and VAT included", DDP terms, licensed importer: unless the declaration itself is gamed. */
  legitImport: 0.3,
  /** Receipts, official stores, "not a copy": applies to weak counterfeit evidence only. */
  genuine: 0.35,
} as const;

const DECISIVE_DUTY = new Set([
  'duty.gift_declaration',
  'duty.low_value',
  'duty.split_parcels',
  'duty.no_customs',
  'duty.smuggling',
]);

export interface RuleScore {
  scores: Record<RiskLabel, number>;
  /** Why each context factor applied, for the reasons. */
  adjustments: string[];
}

function noisyOr(weights: Iterable<number>): number {
  let keep = 1;
  for (const w of weights) keep *= 1 - Math.min(1, Math.max(0, w));
  return 1 - keep;
}

function strongestPerType(signals: readonly Signal[], factor: (s: Signal) => number): number[] {
  const best = new Map<string, number>();
  for (const s of signals) {
    const w = s.weight * factor(s);
    if (w > (best.get(s.type) ?? 0)) best.set(s.type, w);
  }
  return [...best.values()];
}

/** Scores the three risk labels from the extracted evidence and context. */
export function ruleScores(x: Extraction): RuleScore {
  const active = x.signals.filter((s) => !s.negated && s.weight > 0);
  const ctx = x.context;
  const adjustments: string[] = [];
  const genuine = ctx.has('authentic') || ctx.has('second_hand');
  const hasOffer = x.hasContact || x.entities.prices.length > 0;
  const saleCues = active.filter((s) => s.category === 'sale_intent').length;

  const scores = {} as Record<RiskLabel, number>;
  for (const label of RISK_LABELS) {
    const own = active.filter((s) => s.category === label);
    let score = noisyOr(
      strongestPerType(own, (s) =>
        label === 'counterfeit' && genuine && s.weight < STRONG ? CONTEXT_FACTORS.genuine : 1,
      ),
    );
    if (score >= 0.25 && saleCues > 0) score += (1 - score) * SALE_BOOST * Math.min(1, saleCues / 2);
    if (ctx.has('reporting') || ctx.has('education')) {
      score *= hasOffer ? CONTEXT_FACTORS.reporting.withOffer : CONTEXT_FACTORS.reporting.noOffer;
    }
    if (ctx.has('warning')) score *= CONTEXT_FACTORS.warning;
    if (ctx.has('buyer_question')) score *= CONTEXT_FACTORS.buyerQuestion;
    if (
      label === 'health_risk' &&
      ctx.has('pharmacy') &&
      !own.some((s) => s.type === 'health.no_prescription')
    ) {
      score *= CONTEXT_FACTORS.pharmacy;
    }
    if (label === 'duty_evasion' && ctx.has('legit_import') && !own.some((s) => DECISIVE_DUTY.has(s.type))) {
      score *= CONTEXT_FACTORS.legitImport;
    }
    scores[label] = round(score);
  }

  const cite = (type: string) => {
    const s = x.signals.find((y) => y.type === `context.${type}`);
    return s ? ` (“${s.text}”)` : '';
  };
  if (ctx.has('reporting')) adjustments.push(`lowered: news or official reporting${cite('reporting')}`);
  if (ctx.has('education')) adjustments.push(`lowered: an explanatory text${cite('education')}`);
  if (ctx.has('warning'))
    adjustments.push(`lowered: a warning against fakes or unsafe products${cite('warning')}`);
  if (ctx.has('buyer_question'))
    adjustments.push(`lowered: a buyer asking, not a seller offering${cite('buyer_question')}`);
  if (ctx.has('pharmacy')) adjustments.push(`pharmacy or medical-advice context${cite('pharmacy')}`);
  if (ctx.has('legit_import')) adjustments.push(`duties declared and paid${cite('legit_import')}`);
  if (genuine)
    adjustments.push(`signs of a genuine item or seller${cite('authentic') || cite('second_hand')}`);
  return { scores, adjustments };
}

/** Health first on ties: a fake medicine is a danger, a fake bag is a loss. */
const PRIORITY: RiskLabel[] = ['health_risk', 'counterfeit', 'duty_evasion'];

export function pickLabel(
  scores: Record<RiskLabel, number>,
  threshold = THRESHOLD,
): { label: Label; score: number } {
  let best: RiskLabel = PRIORITY[0]!;
  for (const l of PRIORITY) if (scores[l] > scores[best]) best = l;
  const score = scores[best];
  return score >= threshold ? { label: best, score } : { label: 'benign', score };
}

const LABEL_NAMES: Record<RiskLabel, string> = {
  counterfeit: 'Counterfeit',
  health_risk: 'Health risk',
  duty_evasion: 'Duty evasion',
};

/** Plain-language reasons: the evidence of the chosen label first, then sale intent, negations and context. */
export function explain(
  x: Extraction,
  label: Label,
  rule: RuleScore,
  classifier?: Record<RiskLabel, number>,
): string[] {
  const reasons: string[] = [];
  const quote = (s: Signal) => (s.text ? `“${s.text}”` : '(price field)');
  const order: RiskLabel[] =
    label === 'benign' ? [...RISK_LABELS] : [label, ...RISK_LABELS.filter((l) => l !== label)];
  for (const l of order) {
    const own = x.signals.filter((s) => s.category === l && !s.negated && s.weight > 0);
    if (!own.length) continue;
    const parts = own.map((s) => `${s.detail ?? s.type} ${quote(s)}`);
    reasons.push(`${LABEL_NAMES[l]} (${rule.scores[l].toFixed(2)}): ${unique(parts).join('; ')}`);
  }
  const sale = x.signals.filter((s) => s.category === 'sale_intent' && !s.negated);
  if (sale.length)
    reasons.push(`Sale intent: ${unique(sale.map((s) => `${s.detail} ${quote(s)}`)).join('; ')}`);
  const negated = x.signals.filter((s) => s.negated);
  if (negated.length)
    reasons.push(`Not counted (negated or warned against): ${unique(negated.map(quote)).join(', ')}`);
  for (const a of rule.adjustments) reasons.push(a.charAt(0).toUpperCase() + a.slice(1));
  if (classifier) {
    const top = [...RISK_LABELS].sort((a, b) => classifier[b] - classifier[a])[0]!;
    reasons.push(`Text classifier: ${LABEL_NAMES[top].toLowerCase()} ${classifier[top].toFixed(2)}`);
  }
  if (!reasons.length) reasons.push('No risk evidence found');
  return reasons;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
