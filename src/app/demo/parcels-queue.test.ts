/**
 * The demo week's referrals in the selection queue (issue 18, decision 0029): marked pre-arrival, for their office
 * of arrival (an officer of another office does not see them), with their explanation and examiner; paged by
 * keyset. Then a repeat sender: a parcel of the split order's shop is linked to a seizure (cases module), and the
 * shop's other parcels get `repeat_sender` at the next scoring — through the pre-arrival source that
 * `vigie risk score-parcels` uses. Refusals first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { createApiToken, createUser } from '../../modules/auth/service.ts';
import { findParcel, getParcel } from '../../modules/parcels/index.ts';
import { preArrivalSource } from '../../modules/risk/index.ts';
import { loadDemoGraph } from './graph.ts';
import { loadDemoParcels, PARCELS_DEMO_PLANTED, PARCELS_DEMO_WEEK } from './parcels.ts';

type Headers = Record<string, string>;
const system = { id: null, name: 'system:test', ip: null };
const findParcelId = async (...args: Parameters<typeof findParcel>) => (await findParcel(...args)).id;

describeEachDatabase('parcels in the selection queue', (t) => {
  let opened: TestApp;
  const users = {} as Record<'analyst' | 'liaison' | 'officer301' | 'officer302', Headers>;
  beforeAll(async () => {
    await t.reset();
    await loadDemoGraph(t.database);
    await loadDemoParcels(t.database);
    opened = await testApp(t.database);
    users.analyst = (await userWithToken(t.database, ['analyst'])).headers;
    users.liaison = (await userWithToken(t.database, ['liaison'])).headers;
    for (const office of ['301', '302'] as const) {
      const user = await createUser(t.database, system, {
        username: `officer-${office}`,
        password: 'a test password of some length',
        roles: ['officer'],
        office_code: office,
      });
      const { token } = await createApiToken(t.database, system, Number(user.id), 'test', 1);
      users[`officer${office}`] = { authorization: `Bearer ${token}` };
    }
  }, 240_000);
  afterAll(async () => {
    await opened?.close();
  });
  const call = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });

  it('refuses without the right, a bad query, an unknown source, a seizure that does not exist', async () => {
    expect((await call('GET', '/api/risk/pre-arrival', users.liaison)).statusCode).toBe(403);
    const bad = await call('GET', '/api/risk/pre-arrival?channel=green&limit=0', users.analyst);
    expect(bad.statusCode).toBe(400);
    const unknown = await call('GET', '/api/risk/pre-arrival?source=containers', users.analyst);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'risk.no_prearrival_source' });
    const id = await findParcelId(
      t.database.db,
      PARCELS_DEMO_PLANTED.seller.carrier,
      PARCELS_DEMO_PLANTED.seller.number,
    );
    expect(
      (await call('PUT', `/api/parcels/${id}/seizure`, users.liaison, { seizure_id: 1 })).statusCode,
    ).toBe(403);
    const missing = await call('PUT', `/api/parcels/${id}/seizure`, users.officer301, {
      seizure_id: 999_999,
    });
    expect(missing.statusCode).toBe(404);
    expect((await getParcel(t.database.db, id)).seizure).toBeNull();
  });

  it('lists the referrals marked pre-arrival for their office, with explanation and examiner', async () => {
    const all = await call('GET', '/api/risk/pre-arrival?limit=500', users.analyst);
    expect(all.statusCode).toBe(200);
    const body = all.json() as {
      total: number;
      items: {
        reference: string;
        office: string;
        pre_arrival: boolean;
        explanation: { indicator: string; message: string }[];
        assigned_to: string | null;
        link: string;
      }[];
    };
    expect(body.total).toBe(body.items.length);
    expect(body.items.every((i) => i.pre_arrival)).toBe(true);
    const split = body.items.filter((i) =>
      PARCELS_DEMO_PLANTED.split.numbers.some((n) => i.reference === `DHL ${n}`),
    );
    expect(split.length).toBe(4);
    expect(split[0]!.explanation[0]!.message).toMatch(/^split order: 4 parcels from Shenzhen Kuaile/);
    const seller = body.items.find((i) => i.reference === `ARAMEX ${PARCELS_DEMO_PLANTED.seller.number}`)!;
    expect(seller.office).toBe('301');
    expect(seller.explanation.map((e) => e.indicator)).toContain('linked_online_seller');
    expect(seller.explanation[0]!.message).toMatch(/highcopy\.casa/);
    expect(seller.assigned_to).toBe('officer');
    expect(seller.link).toMatch(/^\/parcels\/\d+$/);

    const mine = (
      await call('GET', '/api/risk/pre-arrival?limit=500', users.officer301)
    ).json() as typeof body;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.office === '301')).toBe(true);
    const other = (
      await call('GET', '/api/risk/pre-arrival?limit=500', users.officer302)
    ).json() as typeof body;
    expect(other.items.some((i) => i.reference === seller.reference)).toBe(false);
    // An officer asking for another office gets nothing of it.
    const asked = (
      await call('GET', '/api/risk/pre-arrival?office=301', users.officer302)
    ).json() as typeof body;
    expect(asked.items).toEqual([]);

    // Keyset pages of two cover the list once, in order.
    const seen: string[] = [];
    let url = '/api/risk/pre-arrival?limit=2';
    for (let i = 0; i < 100; i++) {
      const page = (await call('GET', url, users.analyst)).json() as typeof body & {
        next: { after_score: number; after_id: number } | null;
      };
      seen.push(...page.items.map((x) => x.reference));
      if (!page.next) break;
      url = `/api/risk/pre-arrival?limit=2&after_score=${page.next.after_score}&after_id=${page.next.after_id}`;
    }
    expect(seen).toEqual(body.items.map((i) => i.reference));
  });

  it("makes a seized parcel's sender a repeat sender at the next scoring", async () => {
    const seized = await call('POST', '/api/seizures', users.officer301, {
      seized_on: '2026-11-03',
      office: '301',
      description: 'counterfeit sneakers',
      category: 'counterfeit_footwear',
    });
    expect(seized.statusCode).toBe(201);
    const first = await findParcelId(t.database.db, 'DHL', PARCELS_DEMO_PLANTED.split.numbers[0]!);
    const linked = await call('PUT', `/api/parcels/${first}/seizure`, users.officer301, {
      seizure_id: seized.json().id,
    });
    expect(linked.statusCode).toBe(200);
    expect((await getParcel(t.database.db, first)).seizure).toMatchObject({ seized_on: '2026-11-03' });

    const summary = await preArrivalSource('parcels').score!(t.database, system, PARCELS_DEMO_WEEK);
    expect(summary).toMatchObject({ repeat_sender: 3, model: { name: 'parcel-gbdt', version: '1' } });
    const other = await findParcelId(t.database.db, 'DHL', PARCELS_DEMO_PLANTED.split.numbers[3]!);
    const reasons = (await getParcel(t.database.db, other)).reasons;
    const repeat = reasons.find((r) => r.indicator === 'repeat_sender')!;
    expect(repeat.message).toMatch(
      /^repeat sender: Shenzhen Kuaile Fashion Store \(CN\) had 1 parcel seized before: \S+ \(2026-11-03, counterfeit sneakers\)$/,
    );
    expect((await getParcel(t.database.db, other)).score).toBe(100);
    // The seized parcel itself is not its own repeat.
    expect((await getParcel(t.database.db, first)).reasons.map((r) => r.indicator)).not.toContain(
      'repeat_sender',
    );
  });
});
