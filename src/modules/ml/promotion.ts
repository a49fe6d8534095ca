/**
 * Four-eyes promotion of models (docs/decisions/0039-four-eyes.md): with `fourEyes` on, a model is made active
 * only when a second user holding `models:manage` — not the requester, not the one who trained it — approves the
 * request; the request keeps the card's evaluation on the period after training as it was shown. A request goes
 * stale when another model of the target was promoted meanwhile. Audited.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
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

function requireReason(reason: string | undefined, what: string): string {
  const text = reason?.trim() ?? '';
  if (text.length < 5) throw new AppError('model.reason_required', `say why ${what} (5 characters at least)`);
  return text;
}

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
  const reason = requireReason(reasonText, 'this model should be promoted');
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
    const pending = await session.db
      .selectFrom('model_promotion_requests')
      .select('id')
      .where('model_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      throw new AppError(
        'model.approval_pending',
        `model #${id} already has a pending promotion request (#${pending.id})`,
        409,
        { request: Number(pending.id) },
      );
    const active = await activeId(session.db, model.target);
    const row = await session.db
      .insertInto('model_promotion_requests')
      .values({
        model_id: id,
        target: model.target,
        active_model_id: active,
        evaluation: JSON.stringify(evaluation),
        reason,
        requested_by: actor.name,
        requested_by_id: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const request = Number(row.id);
    await appendAudit(session, actor, {
      action: 'model.promotion_requested',
      target_type: 'model',
      target_id: id,
      after: { request, status: 'pending', name: model.name },
      details: { reason, active },
    });
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
      reason: r.reason,
      requested_by: r.requested_by,
      requested_at: iso(r.requested_at),
      decided_by: r.decided_by,
      decision_reason: r.decision_reason,
      decided_at: r.decided_at ? iso(r.decided_at) : null,
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
  const reason = requireReason(reasonText, decision === 'approve' ? 'it is approved' : 'it is rejected');
  const outcome = await database.transaction(async (session) => {
    const request = await session.db
      .selectFrom('model_promotion_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new NotFoundError('model.approval_not_found', `no promotion request #${id}`);
    if (request.status !== 'pending')
      throw new AppError(
        'model.approval_decided',
        `promotion request #${id} is already ${request.status}${request.decided_by ? ` (by ${request.decided_by})` : ''}`,
        409,
      );
    if (
      request.requested_by === actor.name ||
      (actor.id !== null && request.requested_by_id !== null && Number(request.requested_by_id) === actor.id)
    )
      throw new AppError(
        'model.approval_own_request',
        `you asked for promotion request #${id}: a second person decides it`,
        403,
      );
    const model = (await getModelSummary(session.db, Number(request.model_id)))!;
    if (decision === 'approve' && actor.id !== null && model.created_by === actor.id)
      throw new AppError(
        'model.approval_own_model',
        `you trained model #${model.id}: a second person approves its promotion`,
        403,
      );
    const active = await activeId(session.db, request.target);
    const activeThen = request.active_model_id === null ? null : Number(request.active_model_id);
    if (active !== activeThen || model.status === 'active') {
      const why =
        model.status === 'active'
          ? `model #${model.id} is already active`
          : `the active ${request.target} model changed since the request`;
      await session.db
        .updateTable('model_promotion_requests')
        .set({ status: 'stale', decided_at: new Date(), decision_reason: why })
        .where('id', '=', id)
        .execute();
      await appendAudit(session, actor, {
        action: 'model.promotion_request_stale',
        target_type: 'model',
        target_id: model.id,
        before: { request: id, status: 'pending' },
        after: { request: id, status: 'stale' },
        details: { why, attempted: decision },
      });
      return { stale: why } as const;
    }
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await session.db
      .updateTable('model_promotion_requests')
      .set({
        status,
        decided_by: actor.name,
        decided_by_id: actor.id,
        decision_reason: reason,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: decision === 'approve' ? 'model.promotion_approved' : 'model.promotion_rejected',
      target_type: 'model',
      target_id: model.id,
      before: { request: id, status: 'pending' },
      after: { request: id, status },
      details: { reason, requested_by: request.requested_by },
    });
    const promoted =
      decision === 'approve'
        ? await promoteWithin(session, actor, model.id, { request: id, requested_by: request.requested_by })
        : null;
    return { status, promoted } as const;
  });
  if ('stale' in outcome)
    throw new AppError('model.approval_stale', `promotion request #${id} is stale: ${outcome.stale}`, 409);
  return { id, status: outcome.status, model: outcome.promoted };
}
