/**
 * Online enforcement records of a case (Cyberdouanes' work): undercover test purchases (the platform, the seller and
 * post, the account used, the order and payment, the parcel's tracking, what arrived, the evidence files) and
 * takedown requests to a platform or host (URLs, legal basis, rights holder, when sent, the answer, the status,
 * when taken down). Each is recorded and changed in one transaction with its timeline line and audit entry.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import { definedFields, valuesBefore } from '../../platform/lib/records.ts';
import { caseItem, caseItems, lockOpenCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import type { TakedownStatus, TestPurchaseResult } from './model.ts';
import type { CaseTakedownsTable, CaseTestPurchasesTable } from './tables.ts';

type Opt<T> = T | undefined;

export interface TestPurchaseInput {
  platform: string;
  seller_ref?: Opt<string | null>;
  post_url?: Opt<string | null>;
  account_used?: Opt<string | null>;
  ordered_on: string;
  amount_paid?: Opt<number | null>;
  currency?: Opt<string>;
  payment_method?: Opt<string | null>;
  tracking_number?: Opt<string | null>;
  received_on?: Opt<string | null>;
  result?: Opt<TestPurchaseResult>;
  result_note?: Opt<string | null>;
  evidence_ids?: Opt<number[]>;
}

export type TestPurchaseUpdate = Partial<Omit<TestPurchaseInput, 'platform' | 'ordered_on'>>;

export interface TakedownInput {
  platform: string;
  seller_ref?: Opt<string | null>;
  urls: string[];
  legal_basis: string;
  rights_holder?: Opt<string | null>;
  sent_on: string;
  status?: Opt<TakedownStatus>;
  answer?: Opt<string | null>;
  answered_on?: Opt<string | null>;
  taken_down_on?: Opt<string | null>;
}

export type TakedownUpdate = Partial<
  Pick<TakedownInput, 'status' | 'answer' | 'answered_on' | 'taken_down_on' | 'rights_holder'>
>;

function purchaseView(r: Selectable<CaseTestPurchasesTable>) {
  return {
    id: Number(r.id),
    case_id: Number(r.case_id),
    platform: r.platform,
    seller_ref: r.seller_ref,
    post_url: r.post_url,
    account_used: r.account_used,
    ordered_on: r.ordered_on,
    amount_paid: r.amount_paid,
    currency: r.currency,
    payment_method: r.payment_method,
    tracking_number: r.tracking_number,
    received_on: r.received_on,
    result: r.result,
    result_note: r.result_note,
    evidence_ids: r.evidence_ids.map(Number),
    created_by: r.created_by,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
export type TestPurchaseView = ReturnType<typeof purchaseView>;

function takedownView(r: Selectable<CaseTakedownsTable>) {
  return {
    id: Number(r.id),
    case_id: Number(r.case_id),
    platform: r.platform,
    seller_ref: r.seller_ref,
    urls: r.urls,
    legal_basis: r.legal_basis,
    rights_holder: r.rights_holder,
    sent_on: r.sent_on,
    status: r.status,
    answer: r.answer,
    answered_on: r.answered_on,
    taken_down_on: r.taken_down_on,
    created_by: r.created_by,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}
export type TakedownView = ReturnType<typeof takedownView>;

/** Evidence ids must be files of this case. */
async function checkEvidence(session: Session, caseId: number, ids: number[] | undefined) {
  if (!ids?.length) return;
  const found = await session.db
    .selectFrom('case_evidence')
    .select('id')
    .where('case_id', '=', caseId)
    .where('id', 'in', ids)
    .execute();
  const known = new Set(found.map((r) => Number(r.id)));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length)
    throw new AppError(
      'case.evidence_unknown',
      `case #${caseId} has no evidence #${missing.join(', #')}`,
      422,
      { missing },
    );
}

function checkDates(from: string | null | undefined, to: string | null | undefined, what: string) {
  if (from && to && to < from)
    throw new AppError('case.dates_out_of_order', `${what} (${from}, then ${to})`, 422, { from, to });
}

export async function addTestPurchase(
  database: Database,
  actor: Actor,
  caseId: number,
  input: TestPurchaseInput,
): Promise<TestPurchaseView> {
  checkDates(input.ordered_on, input.received_on, 'received before it was ordered');
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    await checkEvidence(session, caseId, input.evidence_ids);
    const row = await session.db
      .insertInto('case_test_purchases')
      .values({
        ...definedFields(input),
        platform: input.platform,
        ordered_on: input.ordered_on,
        evidence_ids: input.evidence_ids ?? [],
        case_id: caseId,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = purchaseView(row);
    await recordEvent(session, actor, caseId, 'test_purchase_added', {
      test_purchase: view.id,
      platform: view.platform,
      seller_ref: view.seller_ref,
      ordered_on: view.ordered_on,
      amount_paid: view.amount_paid,
    });
    return view;
  });
}

export async function updateTestPurchase(
  database: Database,
  actor: Actor,
  caseId: number,
  id: number,
  update: TestPurchaseUpdate,
): Promise<TestPurchaseView> {
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const before = await caseItem(session.db, 'case_test_purchases', caseId, id, {
      code: 'case.test_purchase_not_found',
      what: 'test purchase',
      lock: true,
    });
    const changes = definedFields(update);
    checkDates(
      before.ordered_on,
      changes.received_on ?? before.received_on,
      'received before it was ordered',
    );
    await checkEvidence(session, caseId, changes.evidence_ids);
    const row = await session.db
      .updateTable('case_test_purchases')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(session, actor, caseId, 'test_purchase_updated', {
      test_purchase: id,
      before: valuesBefore(changes, purchaseView(before)),
      after: changes,
    });
    return purchaseView(row);
  });
}

export async function listTestPurchases(db: Kysely<DB>, caseId: number): Promise<TestPurchaseView[]> {
  return (await caseItems(db, 'case_test_purchases', caseId)).map(purchaseView);
}

/** A takedown is taken down only when accepted, fully or in part. */
function checkTakedown(status: TakedownStatus, takenDownOn: string | null | undefined) {
  if (takenDownOn && status !== 'accepted' && status !== 'partial')
    throw new AppError(
      'case.takedown_not_accepted',
      `a takedown ${status} has no date taken down: accepted or partial only`,
      422,
    );
}

export async function addTakedown(
  database: Database,
  actor: Actor,
  caseId: number,
  input: TakedownInput,
): Promise<TakedownView> {
  checkTakedown(input.status ?? 'pending', input.taken_down_on);
  checkDates(input.sent_on, input.taken_down_on, 'taken down before the request was sent');
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const row = await session.db
      .insertInto('case_takedowns')
      .values({
        ...definedFields(input),
        platform: input.platform,
        legal_basis: input.legal_basis,
        sent_on: input.sent_on,
        urls: input.urls,
        case_id: caseId,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = takedownView(row);
    await recordEvent(session, actor, caseId, 'takedown_requested', {
      takedown: view.id,
      platform: view.platform,
      urls: view.urls,
      legal_basis: view.legal_basis,
      sent_on: view.sent_on,
      status: view.status,
    });
    return view;
  });
}

export async function updateTakedown(
  database: Database,
  actor: Actor,
  caseId: number,
  id: number,
  update: TakedownUpdate,
): Promise<TakedownView> {
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const before = await caseItem(session.db, 'case_takedowns', caseId, id, {
      code: 'case.takedown_not_found',
      what: 'takedown',
      lock: true,
    });
    const changes = definedFields(update);
    checkTakedown(changes.status ?? before.status, changes.taken_down_on ?? before.taken_down_on);
    checkDates(before.sent_on, changes.taken_down_on, 'taken down before the request was sent');
    checkDates(before.sent_on, changes.answered_on, 'answered before the request was sent');
    const row = await session.db
      .updateTable('case_takedowns')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(session, actor, caseId, 'takedown_updated', {
      takedown: id,
      before: valuesBefore(changes, takedownView(before)),
      after: changes,
    });
    return takedownView(row);
  });
}

export async function listTakedowns(db: Kysely<DB>, caseId: number): Promise<TakedownView[]> {
  return (await caseItems(db, 'case_takedowns', caseId)).map(takedownView);
}
