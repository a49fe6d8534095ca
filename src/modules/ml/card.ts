/**
 * Model cards (docs/decisions/0035-model-cards-and-revenue.md): what an ethics board or an importer's appeal can
 * read about a registered model, generated from its registry entry and the declarations after its training
 * window — data period and volumes, features used and excluded (and why), evaluation on the later period with and
 * without exact repeats, bias by office, origin and importer size there, drift since training, known limits. The
 * card is stored as generated (model_cards, one row per generation, the newest counts); who promoted the model
 * and when comes from the audit trail when the card is read. Promotion refuses a model without a card.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, listAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { type DeclarationLine, loadLines } from '../declarations/index.ts';
import { evaluate, type LoadedModel, labelOf } from './api.ts';
import { featureImportance, getModelSummary, loadVersion, modelBias, modelDrift } from './registry.ts';

/** Fewest labelled declarations after training for the card to report an evaluation (and lines for bias/drift). */
export const CARD_MIN_LINES = 20;
const SHARES = [0.01, 0.05, 0.1, 0.2];
/** Groups kept per bias table (largest first); the rest are summed into one row. */
const BIAS_GROUPS = 12;

/** What the model never sees, and why: the same for every model this code trains. */
export const EXCLUDED_FEATURES: readonly { what: string; why: string }[] = [
  {
    what: 'names of importers, declarants, sellers and couriers',
    why: 'personal or identifying attributes; parties enter only through their past outcome rates, by code',
  },
  {
    what: 'nationality, sex, age or any other attribute of a person',
    why: 'not collected in declarations and never a feature: a selection must not depend on who a person is',
  },
  {
    what: "the seller's country",
    why: 'close to a nationality for sole traders; the goods origin and departure country describe the goods instead',
  },
  {
    what: 'goods descriptions (free text)',
    why: 'unvalidated free text, often personal; the HS code carries the goods',
  },
  {
    what: 'inspection channel, officer, result, fraud type, recovered amount, note of the line itself',
    why: 'the outcome being predicted and the service’s own past decisions (would learn past targeting); earlier outcomes enter only as smoothed rates, in time order',
  },
];

const figures = z.object({
  n: z.number().int(),
  frauds: z.number().int(),
  auc: z.number().nullable(),
  at: z.array(
    z.object({
      share: z.number(),
      precision: z.number(),
      recall: z.number(),
      revenue: z.number().describe("duties at stake of the caught frauds over all frauds' duties at stake"),
    }),
  ),
});
const holdoutFigures = z.object({
  auc: z.number().nullable(),
  precision_at_5: z.number().nullable(),
  precision_at_10: z.number().nullable(),
});
const biasRow = z.object({
  group: z.string(),
  n: z.number().int(),
  selected: z.number().int(),
  selectionRate: z.number(),
  precision: z.number().nullable(),
  fraudRate: z.number(),
});

export const modelCardSchema = z
  .object({
    version: z.literal(1),
    generated_at: z.string(),
    generated_by: z.string(),
    model: z.object({
      id: z.number().int(),
      name: z.string(),
      target: z.enum(['fraud', 'critical']),
      sha256: z.string(),
      trees: z.number().int(),
      notes: z.string().nullable(),
      registered_at: z.string(),
    }),
    data: z.object({
      from: z.string(),
      to: z.string(),
      lines: z.number().int(),
      fraud_rate: z.number().nullable(),
      holdout: z.object({ from: z.string(), to: z.string(), lines: z.number().int() }).nullable(),
    }),
    features: z.object({
      used: z.array(
        z.object({ name: z.string(), kind: z.string(), gain: z.number(), splits: z.number().int() }),
      ),
      count: z.number().int(),
      repeat_profile: z.boolean(),
      excluded: z.array(z.object({ what: z.string(), why: z.string() })),
    }),
    holdout: holdoutFigures.extend({ without_repeat: holdoutFigures.nullable() }).nullable(),
    later: z
      .object({
        from: z.string(),
        to: z.string(),
        lines: z.number().int(),
        labelled: z.number().int(),
        all: figures.nullable(),
        without_repeats: figures
          .nullable()
          .describe(
            'only the lines identical to no earlier inspected declaration (HS6, origin, value, mass)',
          ),
      })
      .nullable(),
    bias: z
      .object({
        share: z.number(),
        by_office: z.array(biasRow),
        by_origin: z.array(biasRow),
        by_importer_size: z.array(biasRow),
      })
      .nullable(),
    drift: z
      .object({
        score_psi: z.number(),
        features: z.array(z.object({ feature: z.string(), psi: z.number() })),
        baseline_lines: z.number().int(),
        current_lines: z.number().int(),
      })
      .nullable(),
    limits: z.array(z.string()),
  })
  .meta({ id: 'ModelCardContent' });
export type ModelCardContent = z.infer<typeof modelCardSchema>;

export const promotionSchema = z.object({
  status: z.enum(['candidate', 'active', 'retired']),
  promoted_by: z.string().nullable(),
  promoted_at: z.string().nullable(),
  retired_at: z.string().nullable(),
});

/** A stored card with what the registry says now: status and who promoted the model, when. */
export interface ModelCard {
  card: ModelCardContent;
  promotion: z.infer<typeof promotionSchema>;
}

const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const finite = (v: number | undefined | null) =>
  v === undefined || v === null || Number.isNaN(v) ? null : v;

function figuresOf(model: LoadedModel, lines: readonly DeclarationLine[]): z.infer<typeof figures> | null {
  if (lines.length < CARD_MIN_LINES) return null;
  const frauds = lines.reduce((n, l) => n + labelOf(l, model.trained.target), 0);
  if (frauds === 0 || frauds === lines.length) return null;
  const e = evaluate(model, lines, SHARES);
  const key = (s: number) => String(s);
  return {
    n: e.n,
    frauds: e.frauds,
    auc: finite(e.auc),
    at: SHARES.map((s) => ({
      share: s,
      precision: e.precisionAt[key(s)] ?? 0,
      recall: e.recallAt[key(s)] ?? 0,
      revenue: e.revenueAt[key(s)] ?? 0,
    })),
  };
}

/** Lines that repeat no earlier inspected declaration exactly, as the model's frozen state sees them. */
function withoutRepeats(model: LoadedModel, lines: readonly DeclarationLine[]): DeclarationLine[] | null {
  let column: number;
  try {
    column = model.builder.featureIndex('repeat_n');
  } catch {
    return null; // trained without the repeat profile: every line is already judged without it
  }
  const x = model.builder.transform(lines);
  const values = x.values.subarray(column * x.nRows, (column + 1) * x.nRows);
  return lines.filter((_, i) => !(values[i]! > 0));
}

function trimBias(rows: z.infer<typeof biasRow>[]): z.infer<typeof biasRow>[] {
  const sorted = [...rows].sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : 1));
  if (sorted.length <= BIAS_GROUPS) return sorted;
  const rest = sorted.slice(BIAS_GROUPS - 1);
  const n = rest.reduce((s, r) => s + r.n, 0);
  const selected = rest.reduce((s, r) => s + r.selected, 0);
  const caught = rest.reduce((s, r) => s + (r.precision ?? 0) * r.selected, 0);
  const frauds = rest.reduce((s, r) => s + r.fraudRate * r.n, 0);
  return [
    ...sorted.slice(0, BIAS_GROUPS - 1),
    {
      group: `${rest.length} other groups`,
      n,
      selected,
      selectionRate: selected / n,
      precision: selected ? caught / selected : null,
      fraudRate: frauds / n,
    },
  ];
}

/**
 * Builds the card of a registered model from its registry entry and the declarations in the database (the later
 * period: every declaration lodged after the training window).
 */
export async function buildCard(db: Kysely<DB>, id: number, actor: Actor): Promise<ModelCardContent> {
  const summary = await getModelSummary(db, id);
  if (!summary) throw new NotFoundError('model.not_found', `no model #${id}`);
  const loaded = await loadVersion(db, id);
  const trained = loaded.trained;
  const row = await db
    .selectFrom('model_versions')
    .select('sha256')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const h = trained.training.holdout;
  const features = trained.gbdt.features;
  const importance = new Map(featureImportance(trained, features.length).map((f) => [f.feature, f]));
  const repeatProfile = features.some((f) => f.name === 'repeat_n');
  const limits: string[] = [];

  const from = dayAfter(summary.trained_to);
  const current = await loadLines(db, { from });
  let later: ModelCardContent['later'] = null;
  let bias: ModelCardContent['bias'] = null;
  let drift: ModelCardContent['drift'] = null;
  if (current.length === 0) {
    limits.push(
      `No declaration after the training window (from ${from}) was in the database when this card was generated: the model has not been evaluated on a later period, and its bias and drift are unknown. Regenerate the card once later declarations and their outcomes are in.`,
    );
  } else {
    const dates = current.map((l) => l.lodged_on).sort();
    const labelled = current.filter((l) => l.outcome !== null);
    const plain = withoutRepeats(loaded, labelled);
    later = {
      from: dates[0]!,
      to: dates[dates.length - 1]!,
      lines: current.length,
      labelled: labelled.length,
      all: figuresOf(loaded, labelled),
      without_repeats: plain ? figuresOf(loaded, plain) : null,
    };
    if (!later.all)
      limits.push(
        `Only ${labelled.length} labelled declarations after the training window (at least ${CARD_MIN_LINES}, with both outcomes, are needed): no evaluation on a later period yet.`,
      );
    if (current.length >= CARD_MIN_LINES) {
      const b = modelBias(loaded, current, 0.1);
      bias = {
        share: b.share,
        by_office: trimBias(b.by_office),
        by_origin: trimBias(b.by_origin),
        by_importer_size: trimBias(b.by_importer_size),
      };
      const baseline = await loadLines(db, { from: summary.trained_from, to: summary.trained_to });
      if (baseline.length >= CARD_MIN_LINES) {
        const d = modelDrift(loaded, baseline, current);
        drift = { ...d, features: d.features.slice(0, 10) };
        if (d.score_psi > 0.25)
          limits.push(
            `The scores have drifted since training (PSI ${d.score_psi.toFixed(2)} > 0.25): retrain before relying on the ranking.`,
          );
      }
    } else limits.push(`Fewer than ${CARD_MIN_LINES} declarations after training: no bias or drift table.`);
  }
  if (repeatProfile)
    limits.push(
      'The model profiles exact repeats (same HS6, origin, value and mass as an earlier inspected declaration). On the KCS data this lifts the figures far above what real data would give; the figures "without repeats" are the ones to expect elsewhere.',
    );
  limits.push(
    'Outcomes exist only for inspected declarations: the model learns from what was selected before, and may miss frauds of a kind never inspected. Keep a random share in the selection.',
    'A score ranks declarations for inspection; it is not evidence of fraud and never a decision on its own.',
  );
  if (trained.training.refit)
    limits.push(
      'The model was refitted on its held-out days after early stopping: the hold-out figures are optimistic; the later period is the honest check.',
    );

  return {
    version: 1,
    generated_at: new Date().toISOString(),
    generated_by: actor.name,
    model: {
      id: summary.id,
      name: summary.name,
      target: summary.target,
      sha256: row.sha256,
      trees: summary.trees,
      notes: summary.notes,
      registered_at: summary.created_at,
    },
    data: {
      from: summary.trained_from,
      to: summary.trained_to,
      lines: summary.n_lines,
      fraud_rate: finite(trained.training.fraudRate),
      holdout: h ? { from: h.from, to: h.to, lines: h.nLines } : null,
    },
    features: {
      used: features.map((f) => ({
        name: f.name,
        kind: f.kind,
        gain: importance.get(f.name)?.gain ?? 0,
        splits: importance.get(f.name)?.splits ?? 0,
      })),
      count: features.length,
      repeat_profile: repeatProfile,
      excluded: [...EXCLUDED_FEATURES],
    },
    holdout: h
      ? {
          auc: finite(h.auc),
          precision_at_5: finite(h.precisionAt5),
          precision_at_10: finite(h.precisionAt10),
          without_repeat: h.withoutRepeat
            ? {
                auc: finite(h.withoutRepeat.auc),
                precision_at_5: finite(h.withoutRepeat.precisionAt5),
                precision_at_10: finite(h.withoutRepeat.precisionAt10),
              }
            : null,
        }
      : null,
    later,
    bias,
    drift,
    limits,
  };
}

/** Generates and stores a model's card (a new row each time; the newest counts). Audited. */
export async function generateCard(database: Database, actor: Actor, id: number): Promise<ModelCard> {
  const card = await buildCard(database.db, id, actor);
  await database.transaction(async (session) => {
    await session.db
      .insertInto('model_cards')
      .values({ model_id: id, card: JSON.stringify(card), generated_by: actor.name })
      .execute();
    await appendAudit(session, actor, {
      action: 'model.card_generated',
      target_type: 'model',
      target_id: id,
      after: {
        later: card.later
          ? { from: card.later.from, to: card.later.to, labelled: card.later.labelled }
          : null,
        limits: card.limits.length,
      },
    });
  });
  return (await readCard(database.db, id))!;
}

/** The newest card of a model with its promotion (from the audit trail), or undefined when it has none. */
export async function readCard(db: Kysely<DB>, id: number): Promise<ModelCard | undefined> {
  const summary = await getModelSummary(db, id);
  if (!summary) throw new NotFoundError('model.not_found', `no model #${id}`);
  const row = await db
    .selectFrom('model_cards')
    .select('card')
    .where('model_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const card = (typeof row.card === 'string' ? JSON.parse(row.card) : row.card) as ModelCardContent;
  const promoted = (
    await listAudit(
      db,
      { action: 'model.promoted', target_type: 'model', target_id: String(id) },
      { limit: 1, offset: 0 },
    )
  ).items[0];
  return {
    card,
    promotion: {
      status: summary.status,
      promoted_by: promoted?.actor ?? null,
      promoted_at: summary.promoted_at ?? (promoted ? iso(promoted.at) : null),
      retired_at: summary.retired_at,
    },
  };
}

/** The newest card, or a 404 naming the command that makes one. */
export async function requireCard(db: Kysely<DB>, id: number): Promise<ModelCard> {
  const card = await readCard(db, id);
  if (!card)
    throw new AppError(
      'model.card_missing',
      `model #${id} has no card yet: generate it (vigie model card ${id} --generate, or POST /api/models/${id}/card)`,
      404,
    );
  return card;
}
