/**
 * Investigators' decisions on alerts: confirm (with the label they see, default the post's), dismiss, or mark an
 * alert for a case ("case opened": the case module will take it from there). Each decision is audited; a
 * confirmation or a dismissal of a post alert becomes a training example, and the classifier learns it at once
 * (model.ts); the seller of the post is then re-profiled (seller-profile.ts), its ad's label having changed.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { type AlertView, getAlert } from './alerts.ts';
import { analysedText } from './items.ts';
import { learnFromConfirmations } from './model.ts';
import { refreshSellers } from './seller-profile.ts';
import { resolveSellerId } from './sellers.ts';
import type { OsintAlertStatus, OsintLabel } from './tables.ts';

export const DECISIONS = ['confirm', 'dismiss', 'open_case'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DecisionInput {
  decision: Decision;
  /** The label the investigator sees (confirmations); default the post's label. */
  label?: OsintLabel | undefined;
  note?: string | undefined;
}

/**
 * Records an investigator's decision (audited). Confirming or dismissing a post or watchlist alert that points
 * to a post keeps a training example (dismissing a threshold alert says the post is benign; dismissing a watchlist
 * match says only that it is not interesting, so it teaches nothing unless a label is given), and the model learns
 * it at once. Returns the alert and the new model version, if any.
 */
export async function decideAlert(
  database: Database,
  actor: Actor,
  id: number,
  input: DecisionInput,
): Promise<{ alert: AlertView; model_version: number | null }> {
  let learn = false;
  await database.transaction(async (session) => {
    const alert = await session.db
      .selectFrom('osint_alerts')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!alert) throw new NotFoundError('osint.alert_not_found', `no alert #${id}`);
    const allowed: Record<Decision, OsintAlertStatus[]> = {
      confirm: ['open'],
      dismiss: ['open'],
      open_case: ['open', 'confirmed'],
    };
    if (!allowed[input.decision].includes(alert.status))
      throw new AppError(
        'osint.alert_decided',
        `alert #${id} is ${alert.status.replace('_', ' ')}: it cannot be ${input.decision === 'open_case' ? 'sent to a case' : `${input.decision}ed`}`,
        409,
      );
    const item = alert.item_id
      ? await session.db
          .selectFrom('osint_items')
          .select(['id', 'title', 'text', 'label', 'seller_id', 'dup_group_id'])
          .where('id', '=', alert.item_id)
          .executeTakeFirst()
      : undefined;
    const status: OsintAlertStatus =
      input.decision === 'confirm' ? 'confirmed' : input.decision === 'dismiss' ? 'dismissed' : 'case_opened';
    let label: OsintLabel | null = null;
    if (item && input.decision !== 'open_case') {
      if (input.decision === 'confirm')
        label = input.label ?? (item.label !== 'benign' ? item.label : alert.label);
      else if (input.label) label = input.label;
      else if (alert.kind === 'post') label = 'benign';
    } else if (input.decision === 'confirm') label = input.label ?? alert.label;
    await session.db
      .updateTable('osint_alerts')
      .set({
        status,
        decision_label: label ?? alert.decision_label,
        decided_by: actor.id,
        decided_by_name: actor.name,
        decided_at: new Date(),
        note: input.note ?? alert.note,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (item && label) {
      await session.db
        .insertInto('osint_confirmations')
        .values({
          item_id: item.id,
          alert_id: id,
          label,
          text: analysedText(item),
          confirmed_by: actor.id,
          confirmed_by_name: actor.name,
        })
        .execute();
      await session.db
        .updateTable('osint_items')
        .set({ confirmed_label: label, updated_at: new Date() })
        .where('dup_group_id', '=', item.dup_group_id)
        .execute();
      learn = true;
    }
    await appendAudit(session, actor, {
      action: `osint.alert.${input.decision === 'open_case' ? 'case_opened' : `${input.decision}ed`}`,
      target_type: 'osint_alert',
      target_id: id,
      before: { status: alert.status },
      after: { status, label, note: input.note ?? null },
    });
  });
  const version = learn ? await learnFromConfirmations(database, actor) : null;
  if (learn) {
    const alert = await database.db
      .selectFrom('osint_alerts')
      .select('item_id')
      .where('id', '=', id)
      .executeTakeFirst();
    const sellerRow = alert?.item_id
      ? await database.db
          .selectFrom('osint_items')
          .select('seller_id')
          .where('id', '=', alert.item_id)
          .executeTakeFirst()
      : undefined;
    if (sellerRow?.seller_id) {
      await refreshSellers(database.db, [await resolveSellerId(database.db, sellerRow.seller_id)]);
    }
  }
  return { alert: await getAlert(database.db, id), model_version: version };
}
