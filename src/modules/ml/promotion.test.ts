/**
 * Four-eyes promotion of models on both databases (docs/decisions/0039-four-eyes.md), error paths first: direct
 * promotion refused, a model without a card refused, the wrong role refused, the requester never approves, a
 * decided request is not decided again, a request goes stale when another model was promoted meanwhile; then the
 * approval promotes in one transaction, audited, and the request keeps the card's later-period evaluation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { unregisterModelScorer } from '../risk/index.ts';
import { SYSTEM } from '../risk/testing/fixtures.ts';
import { type TrainedModel, trainModel } from './api.ts';
import { generateCard } from './card.ts';
import { getModelSummary, promoteModel, registerModel, retireModel } from './registry.ts';
import { loadKcsSample } from './testing/kcs.ts';

type User = Awaited<ReturnType<typeof userWithToken>>;

describeEachDatabase('four-eyes promotion of models', (t) => {
  let opened: TestApp;
  let alice: User;
  let bob: User;
  let officer: User;
  let auditor: User;
  let trained: TrainedModel;
  let first = 0;
  let second = 0;
  let third = 0;

  beforeAll(async () => {
    await t.reset();
    trained = trainModel(
      loadKcsSample().filter((l) => l.lodged_on <= '2020-06-30'),
      { params: { nTrees: 5, learningRate: 0.3, earlyStoppingRounds: 3 }, holdoutDays: 30 },
    );
    const register = async (name: string) => (await registerModel(t.database, SYSTEM, trained, { name })).id;
    first = await register('first');
    second = await register('second');
    third = await register('third');
    await generateCard(t.database, SYSTEM, first);
    await generateCard(t.database, SYSTEM, third);
    await promoteModel(t.database, SYSTEM, first); // loaded directly, as the demo does
    opened = await testApp(t.database, { fourEyes: true });
    alice = await userWithToken(t.database, ['analyst'], 'alice-ml');
    bob = await userWithToken(t.database, ['analyst'], 'bob-ml');
    officer = await userWithToken(t.database, ['officer']);
    auditor = await userWithToken(t.database, ['auditor']);
  });
  afterAll(async () => {
    unregisterModelScorer();
    await opened?.close();
  });

  const call = async (who: User, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
    const response = await opened.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('refuses direct promotion, a model without a card, the wrong role, a short reason', async () => {
    const direct = await call(alice, 'POST', `/api/models/${third}/promote`);
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('model.four_eyes_required');
    const noCard = await call(alice, 'POST', `/api/models/${second}/promotion-requests`, {
      reason: 'better auc',
    });
    expect(noCard.status).toBe(409);
    expect(noCard.body.code).toBe('model.card_missing');
    expect(
      (await call(officer, 'POST', `/api/models/${third}/promotion-requests`, { reason: 'better auc' }))
        .status,
    ).toBe(403);
    expect(
      (await call(auditor, 'POST', '/api/models/approvals/1/approve', { reason: 'fine by me' })).status,
    ).toBe(403);
    expect((await call(officer, 'GET', '/api/models/approvals')).status).toBe(403);
    expect(
      (await call(alice, 'POST', `/api/models/${third}/promotion-requests`, { reason: 'ok' })).body.code,
    ).toBe('model.reason_required');
    expect(
      (await call(alice, 'POST', '/api/models/999999/promotion-requests', { reason: 'better auc' })).status,
    ).toBe(404);
    expect((await getModelSummary(t.database.db, third))?.status).toBe('candidate');
  });

  it('is asked with the card evaluation, never approved by its requester, approved once by a second person', async () => {
    const made = await call(alice, 'POST', `/api/models/${third}/promotion-requests`, {
      reason: 'better auc',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as number;
    const list = await call(auditor, 'GET', '/api/models/approvals?status=pending');
    expect(list.body.four_eyes).toBe(true);
    expect(list.body.items[0]).toMatchObject({ id, model_id: third, requested_by: 'alice-ml', stale: false });
    expect(list.body.items[0].evaluation).toHaveProperty('later');
    expect(list.body.items[0].evaluation.trained).toMatchObject({ to: trained.training.lastDate });

    const own = await call(alice, 'POST', `/api/models/approvals/${id}/approve`, { reason: 'looks right' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('model.approval_own_request');
    const approved = await call(bob, 'POST', `/api/models/approvals/${id}/approve`, {
      reason: 'card checked',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', model: { id: third, status: 'active' } });
    expect((await getModelSummary(t.database.db, first))?.status).toBe('retired');
    const twice = await call(bob, 'POST', `/api/models/approvals/${id}/approve`, { reason: 'card checked' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('model.approval_decided');
    const promoted = (await listAudit(t.database.db, { action: 'model.promoted' }, { limit: 1, offset: 0 }))
      .items[0]!;
    expect(promoted).toMatchObject({ actor: 'bob-ml', details: { approval: { request: id } } });
    expect(
      (await listAudit(t.database.db, { target_type: 'model' }, { limit: 10, offset: 0 })).items
        .map((e) => e.action)
        .filter((a) => a.startsWith('model.promotion_')),
    ).toEqual(['model.promotion_approved', 'model.promotion_requested']);
  });

  it('goes stale when another model was promoted meanwhile', async () => {
    await generateCard(t.database, SYSTEM, second);
    const made = await call(alice, 'POST', `/api/models/${second}/promotion-requests`, {
      reason: 'second chance',
    });
    expect(made.status).toBe(201);
    await promoteModel(t.database, SYSTEM, first); // directly, as with four-eyes off
    const refused = await call(bob, 'POST', `/api/models/approvals/${made.body.id}/approve`, {
      reason: 'why not',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('model.approval_decided'); // the promotion marked it stale at once
    const listed = await call(bob, 'GET', '/api/models/approvals');
    expect(listed.body.items[0]).toMatchObject({ id: made.body.id, status: 'stale' });
    // Asked again, then the active model is retired: the request no longer holds and is refused as stale.
    const again = await call(alice, 'POST', `/api/models/${second}/promotion-requests`, {
      reason: 'third chance',
    });
    expect(again.status).toBe(201);
    await retireModel(t.database, SYSTEM, first);
    const stale = await call(bob, 'POST', `/api/models/approvals/${again.body.id}/approve`, {
      reason: 'why not',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('model.approval_stale');
    expect((await getModelSummary(t.database.db, second))?.status).toBe('candidate');
  });
});
