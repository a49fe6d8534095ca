/**
 * Test purchases and takedown requests through the API: refusals first (403, 404, 400, 422, 409 on a final case),
 * then an investigator's purchase and takedown followed to their end, on the case's timeline and in the audit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';

type Headers = Record<string, string>;

describeEachDatabase('test purchases and takedowns', (t) => {
  let opened: TestApp;
  const users = {} as Record<'investigator' | 'officer' | 'auditor', Headers>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    for (const role of ['investigator', 'officer', 'auditor'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const openCase = async () =>
    (
      await call('POST', '/api/cases', users.investigator, {
        title: 'Seller of fake medicines',
        type: 'health_products',
        office: '800',
        origin_type: 'osint_seller',
        origin_ref: 'SELLER-42',
      })
    ).json() as { id: number; number: string };
  const purchase = {
    platform: 'Marketplace X',
    seller_ref: 'SELLER-42',
    post_url: 'https://market.example/p/123',
    account_used: 'cyber.account.7',
    ordered_on: '2026-03-01',
    amount_paid: 349.5,
    payment_method: 'cash on delivery',
  };
  const takedown = {
    platform: 'Marketplace X',
    seller_ref: 'SELLER-42',
    urls: ['https://market.example/p/123', 'https://market.example/p/124'],
    legal_basis: 'Code des douanes, art. 279 bis',
    rights_holder: 'Pharma SA',
    sent_on: '2026-03-05',
  };

  it('refuses with 403, 404, 400, 422 and 409 on a final case', async () => {
    const kase = await openCase();
    const base = `/api/cases/${kase.id}`;
    expect((await call('POST', `${base}/test-purchases`, users.officer, purchase)).statusCode).toBe(403);
    expect((await call('POST', `${base}/takedowns`, users.auditor, takedown)).statusCode).toBe(403);
    expect((await call('GET', `${base}/takedowns`, users.auditor)).statusCode).toBe(200);
    expect((await call('GET', '/api/cases/999999/test-purchases', users.auditor)).statusCode).toBe(404);
    expect((await call('POST', '/api/cases/999999/takedowns', users.investigator, takedown)).statusCode).toBe(
      404,
    );
    const unknown = await call('PATCH', `${base}/takedowns/999999`, users.investigator, {
      status: 'accepted',
    });
    expect(unknown.json()).toMatchObject({ code: 'case.takedown_not_found' });
    expect(
      (
        await call('POST', `${base}/takedowns`, users.investigator, {
          ...takedown,
          urls: ['javascript:alert(1)'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', `${base}/takedowns`, users.investigator, { ...takedown, urls: [] })).statusCode,
    ).toBe(400);
    const evidence = await call('POST', `${base}/test-purchases`, users.investigator, {
      ...purchase,
      evidence_ids: [999999],
    });
    expect(evidence.statusCode).toBe(422);
    expect(evidence.json()).toMatchObject({ code: 'case.evidence_unknown', details: { missing: [999999] } });
    const early = await call('POST', `${base}/test-purchases`, users.investigator, {
      ...purchase,
      received_on: '2026-02-01',
    });
    expect(early.json()).toMatchObject({ code: 'case.dates_out_of_order' });
    const refused = await call('POST', `${base}/takedowns`, users.investigator, {
      ...takedown,
      status: 'refused',
      taken_down_on: '2026-03-10',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'case.takedown_not_accepted' });
    await call('POST', `${base}/transitions`, users.investigator, { status: 'closed', reason: 'no offence' });
    const late = await call('POST', `${base}/test-purchases`, users.investigator, purchase);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'case.final' });
    expect((await call('GET', `${base}/test-purchases`, users.auditor)).json().items).toEqual([]);
  });

  it('records a test purchase and a takedown, follows both, on the timeline and audited', async () => {
    const kase = await openCase();
    const base = `/api/cases/${kase.id}`;
    const bought = await call('POST', `${base}/test-purchases`, users.investigator, purchase);
    expect(bought.statusCode).toBe(201);
    expect(bought.json()).toMatchObject({
      ...purchase,
      result: 'pending',
      currency: 'MAD',
      evidence_ids: [],
    });
    const boundary = '----vigie-enforcement';
    const photo = await opened.app.inject({
      method: 'POST',
      url: `${base}/evidence`,
      headers: { ...users.investigator, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="parcel.jpg"\r\ncontent-type: image/jpeg\r\n\r\nJPEG bytes\r\n--${boundary}--\r\n`,
      ),
    });
    expect(photo.statusCode).toBe(201);
    const received = await call('PATCH', `${base}/test-purchases/${bought.json().id}`, users.investigator, {
      tracking_number: 'RR123456789MA',
      received_on: '2026-03-04',
      result: 'counterfeit',
      result_note: 'Boxes without batch numbers',
      evidence_ids: [photo.json().id],
    });
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({
      result: 'counterfeit',
      received_on: '2026-03-04',
      evidence_ids: [photo.json().id],
    });

    const sent = await call('POST', `${base}/takedowns`, users.investigator, takedown);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ ...takedown, status: 'pending', taken_down_on: null });
    const answered = await call('PATCH', `${base}/takedowns/${sent.json().id}`, users.investigator, {
      status: 'partial',
      answer: 'One listing removed; the other is not the seller’s',
      answered_on: '2026-03-08',
      taken_down_on: '2026-03-08',
    });
    expect(answered.json()).toMatchObject({ status: 'partial', taken_down_on: '2026-03-08' });

    const detail = (await call('GET', base, users.auditor)).json();
    expect(detail.test_purchases).toHaveLength(1);
    expect(detail.takedowns).toEqual([expect.objectContaining({ status: 'partial' })]);
    const timeline = (await call('GET', `${base}/timeline`, users.auditor)).json().items as {
      kind: string;
      details: Record<string, unknown>;
    }[];
    expect(timeline.map((e) => e.kind)).toEqual([
      'opened',
      'linked',
      'test_purchase_added',
      'evidence_added',
      'test_purchase_updated',
      'takedown_requested',
      'takedown_updated',
    ]);
    expect(timeline.at(-1)!.details).toMatchObject({
      before: { status: 'pending', taken_down_on: null },
      after: { status: 'partial', taken_down_on: '2026-03-08' },
    });
    const audit = await listAudit(
      t.database.db,
      { target_type: 'case', target_id: String(kase.id) },
      { limit: 100, offset: 0 },
    );
    const actions = JSON.stringify(audit);
    for (const action of [
      'case.test_purchase_added',
      'case.test_purchase_updated',
      'case.takedown_requested',
      'case.takedown_updated',
    ])
      expect(actions).toContain(action);
  });
});
