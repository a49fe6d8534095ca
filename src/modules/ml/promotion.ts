/**
 * Four-eyes promotion of models (docs/decisions/0039-four-eyes.md): with `fourEyes` on, a model is made active
 * only when a second user holding `models:manage` — not the requester, not the one who trained it — approves the
 * request; the request keeps the card's evaluation on the period after training as it was shown. A request goes
 * stale when another model of the target was promoted meanwhile. Audited.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import {
  decideRequest,
  type FourEyesKind,
  fileRequest,
  requestTrail,
  requireReason,
} from '../../platform/lib/four-eyes.ts';
import { readCard } from './card.ts';
import { getModelSummary, promoteWithin } from './registry.ts';

export class ModelFourEyesError extends AppError {
  constructor(id: number) {
    super(
      'model.four_eyes_required',
      `four-eyes promotion is on: model #${id} is not promoted directly; request it (POST /api/models/${id}/promotion-requests, vigie model request-promotion ${id}) and a second user approves`,
      409,
    );
  }
}

/** Model promotion requests, as the four-eyes lifecycle names them. */
const PROMOTION: FourEyesKind<'model_promotion_requests'> = {
  table: 'model_promotion_requests',
  code: 'model',
  action: 'model.promotion',
  noun: 'promotion request',
};

async function activeId(db: Kysely<DB>, target: string): Promise<number | null> {
  const row = await db
    .selectFrom('model_versions')
    .select('id')
    .where('target', '=', target as 'fraud' | 'critical')
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function requestPromotion(database: Database, actor: Actor, id: number, reasonText: string) {
  const reason = requireReason('model', reasonText, 'this model should be promoted');
  const model = await getModelSummary(database.db, id);
  if (!model) throw new NotFoundError('model.not_found', `no model #${id}`);
  if (model.status === 'active')
    throw new AppError('model.already_active', `model #${id} is already active`, 409);
  const card = await readCard(database.db, id);
  if (!card)
    throw new AppError(
      'model.card_missing',
      `model #${id} has no card: generate it first (vigie model card ${id} --generate, or POST /api/models/${id}/card)`,
      409,
    );
  const evaluation = {
    card_generated_at: card.card.generated_at,
    trained: { from: model.trained_from, to: model.trained_to },
    later: card.card.later,
  };
  return database.transaction(async (session) => {
    const active = await activeId(session.db, model.target);
    const request = await fileRequest(
      session,
      actor,
      PROMOTION,
      { column: 'model_id', id, label: `model #${id}` },
      {
        model_id: id,
        target: model.target,
        active_model_id: active,
        evaluation: JSON.stringify(evaluation),
        reason,
      },
      (request) => ({
        target_type: 'model',
        target_id: id,
        after: { request, status: 'pending', name: model.name },
        details: { reason, active },
      }),
    );
    return { id: request, status: 'pending' as const, model_id: id };
  });
}

export async function listPromotionRequests(
  db: Kysely<DB>,
  filters: { status?: 'pending' | 'approved' | 'rejected' | 'stale' | undefined },
) {
  let query = db
    .selectFrom('model_promotion_requests as r')
    .innerJoin('model_versions as m', 'm.id', 'r.model_id')
    .select([
      'r.id',
      'r.model_id',
      'm.name',
      'm.status as model_status',
      'r.target',
      'r.active_model_id',
      'r.evaluation',
      'r.status',
      'r.reason',
      'r.requested_by',
      'r.requested_at',
      'r.decided_by',
      'r.decision_reason',
      'r.decided_at',
    ])
    .orderBy('r.id', 'desc')
    .limit(500);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  const rows = await query.execute();
  const actives = new Map<string, number>();
  for (const target of new Set(rows.map((r) => r.target))) {
    const id = await activeId(db, target);
    if (id !== null) actives.set(target, id);
  }
  return rows.map((r) => {
    const activeThen = r.active_model_id === null ? null : Number(r.active_model_id);
    return {
      id: Number(r.id),
      model_id: Number(r.model_id),
      name: r.name,
      target: r.target,
      active_model_id: activeThen,
      status: r.status,
      stale:
        r.status === 'pending' &&
        ((actives.get(r.target) ?? null) !== activeThen || r.model_status === 'active'),
      ...requestTrail(r),
      evaluation: r.evaluation as Record<string, unknown>,
    };
  });
}

/** Approves (the model is promoted in the same transaction) or rejects a pending request of someone else. */
export async function decidePromotionRequest(
  database: Database,
  actor: Actor,
  id: number,
  decision: 'approve' | 'reject',
  reasonText: string,
) {
  const reason = requireReason(
    'model',
    reasonText,
    decision === 'approve' ? 'it is approved' : 'it is rejected',
  );
  const outcome = await decideRequest(database, actor, PROMOTION, id, decision, reason, {
    async check(session, request) {
      const model = (await getModelSummary(session.db, Number(request.model_id)))!;
      if (decision === 'approve' && actor.id !== null && model.created_by === actor.id)
        throw new AppError(
          'model.approval_own_model',
          `you trained model #${model.id}: a second person approves its promotion`,
          403,
        );
      const active = await activeId(session.db, request.target);
      const activeThen = request.active_model_id === null ? null : Number(request.active_model_id);
      const stale =
        model.status === 'active'
          ? `model #${model.id} is already active`
          : active !== activeThen
            ? `the active ${request.target} model changed since the request`
            : null;
      return { target_type: 'model', target_id: model.id, stale };
    },
    approve: (session, request) =>
      promoteWithin(session, actor, Number(request.model_id), {
        request: id,
        requested_by: request.requested_by,
      }),
  });
  return { id, status: outcome.status, model: outcome.applied };
}
