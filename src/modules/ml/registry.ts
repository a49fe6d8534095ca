/**
 * The model registry: trained models with their window, parameters, metrics and feature schema; candidate →
 * active → retired, one active model per target; promotion audited (with four-eyes on, through an approved
 * request: promotion.ts). The active model is loaded once per process
 * and reloaded when another is promoted.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import { staleRequests } from '../../platform/lib/four-eyes.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import {
  driftReport,
  type LoadedModel,
  labelOf,
  loadModel,
  scoreLines,
  serializeModel,
  type Target,
  type TrainedModel,
} from './api.ts';
import { biasReport } from './metrics.ts';

export interface ModelSummary {
  id: number;
  name: string;
  target: Target;
  status: 'candidate' | 'active' | 'retired';
  trained_from: string;
  trained_to: string;
  n_lines: number;
  trees: number;
  metrics: Record<string, unknown>;
  notes: string | null;
  created_by: number | null;
  created_at: string;
  promoted_at: string | null;
  retired_at: string | null;
}

/** Total split gain of each feature over all trees: what the model leans on. */
export function featureImportance(
  model: TrainedModel,
  top = 20,
): { feature: string; gain: number; splits: number }[] {
  const features = model.gbdt.features;
  const gain = new Float64Array(features.length);
  const splits = new Uint32Array(features.length);
  for (const tree of model.gbdt.trees) {
    tree.feature.forEach((f, node) => {
      if (f >= 0) {
        gain[f]! += tree.gain[node] ?? 0;
        splits[f]!++;
      }
    });
  }
  const total = gain.reduce((s, g) => s + g, 0) || 1;
  return features
    .map((f, i) => ({ feature: f.name, gain: gain[i]! / total, splits: splits[i]! }))
    .sort((a, b) => b.gain - a.gain)
    .slice(0, top);
}

const SUMMARY_COLUMNS = [
  'id',
  'name',
  'target',
  'status',
  'trained_from',
  'trained_to',
  'n_lines',
  'metrics',
  'notes',
  'created_by',
  'created_at',
  'promoted_at',
  'retired_at',
  'params',
] as const;

type SummaryRow = Pick<Selectable<DB['model_versions']>, (typeof SUMMARY_COLUMNS)[number]>;

function summary(row: SummaryRow): ModelSummary {
  const params = row.params as { nTrees?: number };
  return {
    id: Number(row.id),
    name: row.name,
    target: row.target,
    status: row.status,
    trained_from: row.trained_from,
    trained_to: row.trained_to,
    n_lines: row.n_lines,
    trees: params.nTrees ?? 0,
    metrics: (row.metrics as Record<string, unknown>) ?? {},
    notes: row.notes,
    created_by: row.created_by === null ? null : Number(row.created_by),
    created_at: iso(row.created_at),
    promoted_at: row.promoted_at ? iso(row.promoted_at) : null,
    retired_at: row.retired_at ? iso(row.retired_at) : null,
  };
}

export async function registerModel(
  database: Database,
  actor: Actor,
  model: TrainedModel,
  options: { name: string; notes?: string | null; metrics?: Record<string, unknown> },
): Promise<ModelSummary> {
  const json = serializeModel(model);
  const metrics = {
    holdout: model.training.holdout,
    fraud_rate: model.training.fraudRate,
    ...options.metrics,
  };
  return database.transaction(async (session) => {
    const row = await session.db
      .insertInto('model_versions')
      .values({
        name: options.name,
        target: model.target,
        trained_from: model.training.firstDate,
        trained_to: model.training.lastDate,
        n_lines: model.training.nLines,
        params: JSON.stringify({ ...model.gbdt.params, nTrees: model.gbdt.trees.length }),
        metrics: JSON.stringify(metrics),
        features: JSON.stringify(model.gbdt.features.map((f) => ({ name: f.name, kind: f.kind }))),
        model: json,
        sha256: createHash('sha256').update(json).digest('hex'),
        notes: options.notes ?? null,
        created_by: actor.id,
      })
      .returning(SUMMARY_COLUMNS)
      .executeTakeFirstOrThrow();
    const registered = summary(row);
    await appendAudit(session, actor, {
      action: 'model.registered',
      target_type: 'model',
      target_id: registered.id,
      after: {
        name: registered.name,
        target: registered.target,
        window: [registered.trained_from, registered.trained_to],
        metrics,
      },
    });
    return registered;
  });
}

export async function listModels(db: Kysely<DB>): Promise<ModelSummary[]> {
  const rows = await db.selectFrom('model_versions').select(SUMMARY_COLUMNS).orderBy('id', 'desc').execute();
  return rows.map(summary);
}

export async function getModelSummary(db: Kysely<DB>, id: number): Promise<ModelSummary | undefined> {
  const row = await db
    .selectFrom('model_versions')
    .select(SUMMARY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? summary(row) : undefined;
}

const loaded = new Map<number, LoadedModel>();

/** The model itself, loaded (and kept) in this process. */
export async function loadVersion(db: Kysely<DB>, id: number): Promise<LoadedModel> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const row = await db.selectFrom('model_versions').select('model').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('model.not_found', `no model #${id}`, 404);
  const model = loadModel(row.model);
  loaded.set(id, model);
  return model;
}

/** The active model of a target, or null when none is active. */
export async function activeModel(
  db: Kysely<DB>,
  target: Target = 'fraud',
): Promise<{ id: number; name: string; model: LoadedModel } | null> {
  const row = await db
    .selectFrom('model_versions')
    .select(['id', 'name'])
    .where('target', '=', target)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  return { id: Number(row.id), name: row.name, model: await loadVersion(db, Number(row.id)) };
}

/** Makes a model the active one of its target; the previous active model is retired. Audited. */
export async function promoteModel(database: Database, actor: Actor, id: number): Promise<ModelSummary> {
  return database.transaction((session) => promoteWithin(session, actor, id));
}

/**
 * The promotion inside the caller's transaction (direct, or the approval of a four-eyes request: `approval`
 * says which request and who asked, promotion.ts). Pending promotion requests of the target go stale.
 */
export async function promoteWithin(
  session: Session,
  actor: Actor,
  id: number,
  approval?: { request: number; requested_by: string },
): Promise<ModelSummary> {
  const model = await getModelSummary(session.db, id);
  if (!model) throw new AppError('model.not_found', `no model #${id}`, 404);
  if (model.status === 'active')
    throw new AppError('model.already_active', `model #${id} is already active`, 409);
  // A model is promoted only with its card (card.ts, decision 0035): what it was trained on, how it did later.
  const card = await session.db
    .selectFrom('model_cards')
    .select('id')
    .where('model_id', '=', id)
    .executeTakeFirst();
  if (!card)
    throw new AppError(
      'model.card_missing',
      `model #${id} has no card: generate it first (vigie model card ${id} --generate, or POST /api/models/${id}/card)`,
      409,
    );
  const previous = await session.db
    .updateTable('model_versions')
    .set({ status: 'retired', retired_at: new Date() })
    .where('target', '=', model.target)
    .where('status', '=', 'active')
    .returning(['id', 'name'])
    .executeTakeFirst();
  await session.db
    .updateTable('model_versions')
    .set({ status: 'active', promoted_by: actor.id, promoted_at: new Date(), retired_at: null })
    .where('id', '=', id)
    .execute();
  const staled = await staleRequests(
    session,
    'model_promotion_requests',
    { column: 'target', value: model.target },
    `model #${id} promoted`,
  );
  await appendAudit(session, actor, {
    action: 'model.promoted',
    target_type: 'model',
    target_id: id,
    before: previous ? { active: Number(previous.id), name: previous.name } : { active: null },
    after: { active: id, name: model.name },
    ...(approval || staled.length
      ? {
          details: {
            ...(approval ? { approval } : {}),
            ...(staled.length ? { stale_requests: staled } : {}),
          },
        }
      : {}),
  });
  return (await getModelSummary(session.db, id))!;
}

export async function retireModel(database: Database, actor: Actor, id: number): Promise<ModelSummary> {
  return database.transaction(async (session) => {
    const model = await getModelSummary(session.db, id);
    if (!model) throw new AppError('model.not_found', `no model #${id}`, 404);
    if (model.status === 'retired')
      throw new AppError('model.already_retired', `model #${id} is already retired`, 409);
    await session.db
      .updateTable('model_versions')
      .set({ status: 'retired', retired_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: 'model.retired',
      target_type: 'model',
      target_id: id,
      before: { status: model.status },
    });
    return (await getModelSummary(session.db, id))!;
  });
}

/**
 * Selection rate and precision of the model's top `share` by office, origin and importer size (declarations in
 * the window), to see whether it leans on some more than their fraud warrants.
 */
export function modelBias(model: LoadedModel, lines: readonly DeclarationLine[], share = 0.1) {
  const scores = scoreLines(
    model,
    lines.map((l) => ({ ...l, outcome: null })),
  );
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  const selected = new Uint8Array(lines.length);
  for (const i of order.slice(0, Math.ceil(share * lines.length))) selected[i] = 1;
  const label = Float64Array.from(lines, (l) => (l.outcome ? labelOf(l, model.trained.target) : 0));
  const volume = new Map<string, number>();
  for (const l of lines) if (l.importer) volume.set(l.importer.code, (volume.get(l.importer.code) ?? 0) + 1);
  const size = (code: string | undefined) => {
    const n = code ? (volume.get(code) ?? 0) : 0;
    return n === 0 ? 'unknown' : n === 1 ? 'one declaration' : n <= 10 ? '2–10 declarations' : 'more than 10';
  };
  const clean = (rows: ReturnType<typeof biasReport>) =>
    rows.map((r) => ({ ...r, precision: Number.isNaN(r.precision) ? null : r.precision }));
  return {
    share,
    lines: lines.length,
    labelled: lines.filter((l) => l.outcome).length,
    by_office: clean(
      biasReport(
        lines.map((l) => l.office),
        selected,
        label,
      ),
    ),
    by_origin: clean(
      biasReport(
        lines.map((l) => l.item.origin_country ?? 'unknown'),
        selected,
        label,
      ),
    ),
    by_importer_size: clean(
      biasReport(
        lines.map((l) => size(l.importer?.code)),
        selected,
        label,
      ),
    ),
  };
}

export function modelDrift(
  model: LoadedModel,
  baseline: readonly DeclarationLine[],
  current: readonly DeclarationLine[],
) {
  const report = driftReport(model, baseline, current);
  return {
    score_psi: report.score,
    features: report.features.slice(0, 20),
    baseline_lines: baseline.length,
    current_lines: current.length,
  };
}
