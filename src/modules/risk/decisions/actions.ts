/**
 * What officers do on a decision: overrides with a mandatory reason, and outcomes (recorded in the declarations
 * module's `inspection_outcomes`, source 'officer'), both audited. An item has one outcome: a second is refused
 * unless it is an explicit correction with a reason, which keeps the first and links the two
 * (`risk_outcome_corrections`, decision 0022).
 */
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/store.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { publishEvent } from '../../../platform/events/bus.ts';
import { AppError, iso, NotFoundError } from '../../../platform/lib/errors.ts';
import {
  CHANNELS,
  type Channel,
  declarationRows,
  insertOfficerOutcome,
  itemRows,
  type OutcomeResult,
  outcomeRows,
} from '../../declarations/index.ts';
import { rebuildReferences } from '../../valuation/index.ts';
import { CHANNEL_SEVERITY } from '../rules/schema.ts';
import { forgetRuleStats } from './selection.ts';
import type { FraudType, OfficeScope } from './types.ts';

// ── overrides ──

export async function overrideDecision(
  database: Database,
  actor: Actor,
  id: number,
  input: { channel: Channel; reason: string },
  scope: OfficeScope,
) {
  const reason = (input.reason ?? '').trim();
  if (reason.length < 5)
    throw new AppError(
      'risk.override_reason_required',
      'an override needs a reason (5 characters at least)',
      400,
    );
  if (!CHANNELS.includes(input.channel)) throw new AppError('request.invalid', 'unknown channel', 400);
  const overridden = await database.transaction(async (session) => {
    const d = await session.db
      .selectFrom('risk_decisions')
      .select([
        'id',
        'declaration_id',
        'reference',
        'office_code',
        'channel',
        'score',
        'probability',
        'superseded_at',
      ])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || (scope.office !== null && d.office_code !== scope.office))
      throw new NotFoundError('risk.decision_not_found', `no decision #${id}`);
    if (d.superseded_at)
      throw new AppError('risk.decision_superseded', `decision #${id} has been superseded`, 409);
    if (d.channel === input.channel)
      throw new AppError('risk.same_channel', `the channel is already ${input.channel}`, 409);
    await session.db
      .insertInto('risk_overrides')
      .values({
        decision_id: id,
        declaration_id: d.declaration_id,
        office_code: d.office_code,
        from_channel: d.channel,
        to_channel: input.channel,
        reason,
        officer: actor.name,
        officer_id: actor.id,
      })
      .execute();
    await session.db
      .updateTable('risk_decisions')
      .set({ channel: input.channel })
      .where('id', '=', id)
      .execute();
    const downgrade = CHANNEL_SEVERITY[input.channel] < CHANNEL_SEVERITY[d.channel];
    await appendAudit(session, actor, {
      action: 'risk.channel_overridden',
      target_type: 'risk_decision',
      target_id: id,
      before: { channel: d.channel },
      after: { channel: input.channel },
      details: {
        reference: d.reference,
        office: d.office_code,
        reason,
        downgrade,
        score: d.score,
        probability: d.probability,
      },
    });
    return {
      result: { id, reference: d.reference, from_channel: d.channel, to_channel: input.channel, reason },
      office: d.office_code,
    };
  });
  publishEvent(database, {
    type: 'risk.decision',
    permission: 'risk:read',
    office: overridden.office,
    data: {
      id,
      reference: overridden.result.reference,
      office: overridden.office,
      channel: input.channel,
      by: actor.name,
    },
  });
  return overridden.result;
}

// ── officer outcomes ──

export interface OutcomeInput {
  item_id: number;
  result: OutcomeResult;
  fraud_type?: FraudType | null | undefined;
  recovered_amount?: number | null | undefined;
  inspected_on?: string | null | undefined;
  note?: string | null | undefined;
  /** A correction of the item's outcome in force, with why (5 characters at least). */
  correction?: { reason: string } | null | undefined;
}

export async function recordOutcome(
  database: Database,
  actor: Actor,
  input: OutcomeInput,
  scope: OfficeScope,
) {
  if (input.result !== 'compliant' && !input.fraud_type)
    throw new AppError(
      'risk.fraud_type_required',
      'a fraud outcome needs its type (valuation, origin, classification, ipr, prohibited, other)',
      400,
    );
  if (input.result === 'compliant' && input.fraud_type)
    throw new AppError('risk.fraud_type_unexpected', 'a compliant outcome has no fraud type', 400);
  if (input.recovered_amount != null && input.recovered_amount < 0)
    throw new AppError('request.invalid', 'recovered_amount must be zero or more', 400);
  const reason = input.correction ? input.correction.reason.trim() : null;
  if (reason !== null && reason.length < 5)
    throw new AppError('request.invalid', 'a correction needs a reason of 5 characters at least', 400);
  const result = await database.transaction(async (session) => {
    // One outcome at a time per item: two officers saving at once must not both see "no outcome yet".
    await sql`select pg_advisory_xact_lock(hashtext(${`vigie.risk.outcome.${input.item_id}`}))`.execute(
      session.db,
    );
    const item = await session.db
      .selectFrom(itemRows(session.db).as('i'))
      .innerJoin(declarationRows(session.db).as('d'), 'd.id', 'i.declaration_id')
      .leftJoin('risk_decisions as r', (join) =>
        join.onRef('r.declaration_id', '=', 'd.id').on('r.superseded_at', 'is', null),
      )
      .select([
        'i.id',
        'i.hs_code',
        'i.line_no',
        'd.reference',
        'd.office_code',
        'r.channel',
        'r.id as decision_id',
      ])
      .where('i.id', '=', input.item_id)
      .executeTakeFirst();
    if (!item || (scope.office !== null && item.office_code !== scope.office))
      throw new NotFoundError('risk.item_not_found', `no item #${input.item_id}`);
    // The outcome in force: the item's latest.
    const existing = await session.db
      .selectFrom(outcomeRows(session.db).as('o'))
      .select([
        'o.id',
        'o.result',
        'o.fraud_type',
        'o.recovered_amount',
        'o.inspected_on',
        'o.officer',
        'o.source',
        'o.note',
      ])
      .where('o.item_id', '=', input.item_id)
      .orderBy('o.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const before = existing
      ? {
          id: Number(existing.id),
          result: existing.result,
          fraud_type: existing.fraud_type,
          recovered_amount: existing.recovered_amount,
          inspected_on: existing.inspected_on,
          officer: existing.officer,
          source: existing.source,
          note: existing.note,
        }
      : null;
    if (before && reason === null)
      throw new AppError(
        'outcome.already_recorded',
        `item ${item.line_no} of ${item.reference} already has an outcome: #${before.id}, ${before.result}${before.fraud_type ? ` (${before.fraud_type})` : ''}${before.officer ? ` by ${before.officer}` : ''}${before.inspected_on ? ` on ${before.inspected_on}` : ''}; to change it, record a correction with its reason`,
        409,
        { existing: before },
      );
    if (!before && reason !== null)
      throw new AppError(
        'outcome.nothing_to_correct',
        `item ${item.line_no} of ${item.reference} has no outcome to correct: record it without a correction`,
        409,
      );
    const row = await insertOfficerOutcome(session.db, {
      item_id: input.item_id,
      inspected_on: input.inspected_on ?? new Date().toISOString().slice(0, 10),
      channel: item.channel ?? null,
      result: input.result,
      fraud_type: input.fraud_type ?? null,
      recovered_amount: input.recovered_amount ?? null,
      officer: actor.name,
      note: input.note ?? null,
    });
    if (before && reason !== null)
      await session.db
        .insertInto('risk_outcome_corrections')
        .values({
          item_id: input.item_id,
          outcome_id: before.id,
          correction_id: Number(row.id),
          reason,
          officer: actor.name,
        })
        .execute();
    await appendAudit(session, actor, {
      action: before ? 'risk.outcome_corrected' : 'risk.outcome_recorded',
      target_type: 'inspection_outcome',
      target_id: row.id,
      ...(before ? { before } : {}),
      after: {
        id: Number(row.id),
        item_id: input.item_id,
        reference: item.reference,
        line_no: item.line_no,
        result: input.result,
        fraud_type: input.fraud_type ?? null,
        recovered_amount: input.recovered_amount ?? null,
        note: input.note ?? null,
      },
      details: {
        office: item.office_code,
        decision_id: item.decision_id === null ? null : Number(item.decision_id),
        ...(before ? { corrects: before.id, reason } : {}),
      },
    });
    return {
      id: Number(row.id),
      item_id: input.item_id,
      reference: item.reference,
      result: input.result,
      corrects: before ? before.id : null,
      hs_code: item.hs_code,
      recorded_at: iso(row.recorded_at),
    };
  });
  forgetRuleStats();
  // A fraud leaves the reference values of its heading: rebuild them now (small, set-based). The outcome is
  // committed already: a failed rebuild must not report it as lost; the next full rebuild catches up.
  let warning: string | undefined;
  if (input.result !== 'compliant')
    await rebuildReferences(database, { scope: 'hs', hs: [result.hs_code], by: actor.name }).catch(
      (error: unknown) => {
        warning = `outcome recorded; the reference values of ${result.hs_code} were not rebuilt (${(error as Error).message}): run vigie valuation rebuild`;
      },
    );
  const { hs_code: _hs, ...out } = result;
  return warning ? { ...out, warning } : out;
}
