/**
 * A second outcome on an item already controlled (issue 15): refused with 409 naming the first, unless it is an
 * explicit correction with a reason, which keeps the first, records the correction and is audited.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { nativeRow } from '../../../test/factories.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { runSelection } from './decisions.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY = '2024-03-18';

describeEachDatabase('outcomes on an item already controlled', (t) => {
  let opened: TestApp;
  let app: FastifyInstance;
  let officer: Record<string, string>;
  let itemId: number;
  let freshItem: number;
  let decisionId: number;

  const post = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/risk/outcomes', headers: officer, payload });

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, [
      nativeRow({ reference: 'OUT-1', lodged_on: DAY }),
      nativeRow({ reference: 'OUT-2', lodged_on: DAY }),
    ]);
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document: { rules: [rule('textiles', { field: 'item.hs_code', hs_prefix: '62' }, { points: 30 })] },
      reason: 'first version',
    });
    await activateProfile(t.database, SYSTEM, created.id, 'tested');
    await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
    const items = await t.database.db
      .selectFrom('risk_decision_items as i')
      .innerJoin('risk_decisions as d', 'd.id', 'i.decision_id')
      .select(['i.item_id', 'd.reference', 'd.id'])
      .where('d.superseded_at', 'is', null)
      .orderBy('d.reference')
      .execute();
    itemId = Number(items[0]!.item_id);
    decisionId = Number(items[0]!.id);
    freshItem = Number(items[1]!.item_id);
    opened = await testApp(t.database);
    app = opened.app;
    officer = (await userWithToken(t.database, ['analyst'])).headers;
  });
  afterAll(() => opened?.close());

  describe('refused', () => {
    it('refuses a correction of an item that has no outcome yet (409) and a correction without a reason (400)', async () => {
      const nothing = await post({
        item_id: freshItem,
        result: 'compliant',
        correction: { reason: 'typing error on the quay' },
      });
      expect(nothing.statusCode, nothing.body).toBe(409);
      expect(nothing.json().code).toBe('outcome.nothing_to_correct');
      const short = await post({ item_id: freshItem, result: 'compliant', correction: { reason: 'oops' } });
      expect(short.statusCode).toBe(400);
    });

    it('refuses a second outcome with 409 naming the first, and stores nothing', async () => {
      const first = await post({
        item_id: itemId,
        result: 'fraud',
        fraud_type: 'valuation',
        recovered_amount: 1200,
        note: 'invoice doubled',
      });
      expect(first.statusCode, first.body).toBe(201);
      const firstId = first.json().id as number;
      const second = await post({ item_id: itemId, result: 'compliant' });
      expect(second.statusCode, second.body).toBe(409);
      const body = second.json();
      expect(body.code).toBe('outcome.already_recorded');
      expect(body.message).toContain(`#${firstId}`);
      expect(body.message).toContain('fraud');
      expect(body.details.existing).toMatchObject({ id: firstId, result: 'fraud', fraud_type: 'valuation' });
      const stored = await t.database.db
        .selectFrom('inspection_outcomes')
        .select('id')
        .where('item_id', '=', itemId)
        .execute();
      expect(stored.length).toBe(1);
    });
  });

  it('records an explicit correction with its reason, keeps the first outcome and audits both', async () => {
    const first = await t.database.db
      .selectFrom('inspection_outcomes')
      .select('id')
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    const corrected = await post({
      item_id: itemId,
      result: 'fraud',
      fraud_type: 'origin',
      recovered_amount: 800,
      correction: { reason: 'the fraud was on the origin, not the value' },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const correctionId = corrected.json().id as number;
    expect(corrected.json().corrects).toBe(Number(first.id));
    const stored = await t.database.db
      .selectFrom('inspection_outcomes')
      .select(['id', 'fraud_type'])
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    expect(stored.map((o) => o.fraud_type)).toEqual(['valuation', 'origin']);
    const audit = await listAudit(
      t.database.db,
      { action: 'risk.outcome_corrected' },
      { limit: 5, offset: 0 },
    );
    expect(audit.items.length).toBe(1);
    expect(audit.items[0]!.before).toMatchObject({ id: Number(first.id), fraud_type: 'valuation' });
    expect(audit.items[0]!.after).toMatchObject({ id: correctionId, fraud_type: 'origin' });
    expect(audit.items[0]!.details).toMatchObject({ reason: 'the fraud was on the origin, not the value' });
    // The decision shows both: the first marked corrected, the correction with its reason.
    const decision = await app.inject({
      method: 'GET',
      url: `/api/risk/decisions/${decisionId}`,
      headers: officer,
    });
    expect(decision.statusCode, decision.body).toBe(200);
    const outcomes = decision.json().items[0].outcomes as {
      id: number;
      corrected_by: number | null;
      correction: { of: number; reason: string } | null;
    }[];
    expect(
      outcomes.map((o) => [
        o.id,
        o.corrected_by,
        o.correction && { of: o.correction.of, reason: o.correction.reason },
      ]),
    ).toEqual([
      [Number(first.id), correctionId, null],
      [correctionId, null, { of: Number(first.id), reason: 'the fraud was on the origin, not the value' }],
    ]);
    // A plain second outcome is still refused, now naming the correction in force.
    const again = await post({ item_id: itemId, result: 'compliant' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.existing.id).toBe(correctionId);
  });
});
