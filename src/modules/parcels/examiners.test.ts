/**
 * Examiners and assignments: refusals first (bad specialities, duplicates, short reasons, another office), then
 * the referred parcels of a week given by speciality and load within capacity, an office without examiners left
 * unassigned, a manual reassignment audited, and "my inspections" through the API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import {
  addExaminer,
  assignParcels,
  inspectionsOf,
  reassignParcel,
  specialityMatch,
  updateExaminer,
} from './examiners.ts';
import { parcelsTarget } from './import-target.ts';
import { scoreParcels } from './score.ts';
import { findParcel } from './store.ts';

const files = tempFiles();
const actor = { id: null, name: 'analyst-test', ip: null };
const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,hs_code,arrival_date,arrival_office';
const WEEK = [
  'S1,DHL,express,Trendy Store,CN,Karim Naciri,7 rue Atlas,Casablanca,0661001122,sport jacket,45,EUR,,2026-11-03,301',
  'S2,DHL,express,Trendy Store,CN,Karim Naciri,7 rue Atlas,Casablanca,0661001122,sport jacket,45,EUR,,2026-11-03,301',
  'S3,DHL,express,Trendy Store,CN,Karim Naciri,7 rue Atlas,Casablanca,0661001122,sport jacket,45,EUR,,2026-11-04,301',
  'S4,DHL,express,Trendy Store,CN,Karim Naciri,7 rue Atlas,Casablanca,0661001122,sport jacket,45,EUR,,2026-11-04,301',
  'C1,DHL,express,Putian Trade,CN,Sami Fassi,1 rue Rif,Casablanca,0665000001,Nike Air Jordan replica AAA high copy,12,EUR,640411,2026-11-03,301',
  'X1,DHL,express,Putian Trade,CN,Lina Fassi,2 rue Rif,Rabat,0665000002,Nike Air Jordan replica AAA high copy,12,EUR,640411,2026-11-03,302',
  'G1,DHL,express,Home Co,FR,Ali B,3 rue Fes,Casablanca,0665000003,cushion cover,20,EUR,,2026-11-03,301',
];

describeEachDatabase('parcel examiners and assignments', (t) => {
  let opened: TestApp;
  let amina: number;
  let omar: number;
  let rabat: number;
  beforeAll(async () => {
    opened = await testApp(t.database);
    const summary = await runImport(t.database, parcelsTarget, {
      file: files.write('week.csv', `${HEADER}\n${WEEK.join('\n')}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(summary.errors).toEqual([]);
    await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('refuses bad specialities, a duplicate examiner, a short reason and an examiner of another office', async () => {
    await expect(
      addExaminer(t.database, actor, { username: 'x', name: 'X', office: '301', hs_prefixes: ['6a'] }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'parcels.bad_examiner',
      details: [{ path: '/hs_prefixes' }],
    });
    amina = (
      await addExaminer(t.database, actor, {
        username: 'amina',
        name: 'Amina K',
        office: '301',
        indicators: ['split_order'],
        daily_capacity: 1,
      })
    ).id;
    omar = (
      await addExaminer(t.database, actor, {
        username: 'omar',
        name: 'Omar T',
        office: '301',
        hs_prefixes: ['64'],
        kinds: ['express'],
      })
    ).id;
    rabat = (await addExaminer(t.database, actor, { username: 'rabat1', name: 'R One', office: '302' })).id;
    await updateExaminer(t.database, actor, rabat, { active: false });
    await expect(
      addExaminer(t.database, actor, { username: 'amina', name: 'Amina', office: '301' }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'parcels.examiner_exists',
    });
    const s1 = await findParcel(t.database.db, 'DHL', 'S1');
    await expect(reassignParcel(t.database, actor, s1.id, omar, 'no')).rejects.toMatchObject({
      status: 400,
      code: 'parcels.reason_required',
    });
    await expect(reassignParcel(t.database, actor, s1.id, rabat, 'other office')).rejects.toMatchObject({
      status: 409,
      code: 'parcels.examiner_unavailable',
    });
    await expect(reassignParcel(t.database, actor, s1.id, 999_999, 'nobody at all')).rejects.toMatchObject({
      status: 404,
    });
    expect(await inspectionsOf(t.database.db, 'amina', '2026-11-03')).toEqual([]);
  });

  it('matches specialities: HS prefix and indicators count 2, the kind 1', () => {
    expect(
      specialityMatch(
        { hs_prefixes: ['64'], kinds: ['express'], indicators: [] },
        { hs_code: '640411', kind: 'express', indicators: [] },
      ),
    ).toEqual({
      points: 3,
      matched: ['HS 64', 'express'],
    });
    expect(
      specialityMatch(
        { hs_prefixes: [], kinds: [], indicators: ['split_order'] },
        { hs_code: null, kind: 'postal', indicators: ['split_order'] },
      ).points,
    ).toBe(2);
  });

  it('assigns by speciality then load within capacity, leaves an office without examiners unassigned', async () => {
    const run = await assignParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    expect(run).toEqual({ assigned: 5, unassigned: 1, by_examiner: { amina: 2, omar: 3 } });
    const day3 = await inspectionsOf(t.database.db, 'amina', '2026-11-03');
    expect(day3.map((i) => i.consignment_number)).toEqual([expect.stringMatching(/^S[12]$/)]);
    expect(day3[0]!.reason).toMatch(/^speciality: split order/);
    const omar3 = await inspectionsOf(t.database.db, 'omar', '2026-11-03');
    expect(omar3.map((i) => i.consignment_number)).toContain('C1');
    expect(omar3.find((i) => i.consignment_number === 'C1')!.reason).toMatch(/^speciality: HS 64, express/);
    expect(await assignParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' })).toEqual({
      assigned: 0,
      unassigned: 1,
      by_examiner: {},
    });
  });

  it('reassigns by hand with a reason, audited, and shows it in "my inspections"', async () => {
    const c1 = await findParcel(t.database.db, 'DHL', 'C1');
    const done = await reassignParcel(t.database, actor, c1.id, amina, 'brand specialist on leave');
    expect(done).toMatchObject({ parcel_id: c1.id, examiner: { username: 'amina' } });
    const audit = await listAudit(t.database.db, { action: 'parcels.reassigned' }, { limit: 5, offset: 0 });
    expect(audit.items[0]).toMatchObject({
      target_id: String(c1.id),
      before: { examiner_id: omar, basis: 'auto' },
      after: { examiner_id: amina, basis: 'manual', reason: 'brand specialist on leave' },
    });
    const user = await userWithToken(t.database, ['officer'], 'amina');
    const mine = await opened.app.inject({
      method: 'GET',
      url: '/api/parcels/my-inspections?day=2026-11-03',
      headers: user.headers,
    });
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json()
        .items.map((i: { consignment_number: string; basis: string }) => [i.consignment_number, i.basis]),
    ).toEqual(expect.arrayContaining([['C1', 'manual']]));
    const refused = await opened.app.inject({
      method: 'POST',
      url: '/api/parcels/assignments',
      headers: user.headers,
      payload: { from: '2026-11-01', to: '2026-11-07' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("gives each examiner's workload over a period: refusals first, then assigned, by hand, per day", async () => {
    const analyst = (await userWithToken(t.database, ['analyst'])).headers;
    const liaison = (await userWithToken(t.database, ['liaison'])).headers;
    const get = (url: string, headers: Record<string, string>) =>
      opened.app.inject({ method: 'GET', url, headers });
    expect((await get('/api/parcels/workload', liaison)).statusCode).toBe(403);
    const backwards = await get('/api/parcels/workload?from=2026-11-07&to=2026-11-01', analyst);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'parcels.bad_period', details: [{ path: '/to' }] });
    expect((await get('/api/parcels/workload?from=03/11/2026', analyst)).statusCode).toBe(400);
    const week = await get('/api/parcels/workload?from=2026-11-01&to=2026-11-07&office=301', analyst);
    expect(week.statusCode).toBe(200);
    const items = week.json().items as {
      username: string;
      office: string;
      assigned: number;
      manual: number;
      seized: number;
      days: { day: string; assigned: number }[];
    }[];
    expect(items.every((i) => i.office === '301')).toBe(true);
    const byName = Object.fromEntries(items.map((i) => [i.username, i]));
    // Amina had 2 by speciality and C1 by hand; Omar lost C1.
    expect(byName.amina).toMatchObject({ assigned: 3, manual: 1, seized: 0 });
    expect(byName.omar).toMatchObject({ assigned: 2, manual: 0 });
    expect(byName.amina!.days.reduce((n, d) => n + d.assigned, 0)).toBe(3);
    expect(byName.amina!.days.map((d) => d.day)).toEqual([...byName.amina!.days.map((d) => d.day)].sort());
    // A day without assignments: every examiner, none assigned.
    // The queue names each parcel's examiner and its reasons in short.
    const queue = await get('/api/parcels?referred=true&office=301&limit=20', analyst);
    const split = (
      queue.json().items as { consignment_number: string; indicators: string[]; examiner: string }[]
    )
      .filter((p) => /^S\d$/.test(p.consignment_number))
      .map((p) => [p.indicators, p.examiner]);
    expect(split).toHaveLength(4);
    for (const [indicators, examiner] of split) {
      expect(indicators).toContain('split_order');
      expect(['Amina K', 'Omar T']).toContain(examiner);
    }
    const empty = await get('/api/parcels/workload?from=2026-12-01', analyst);
    expect(empty.json()).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    expect((empty.json().items as { assigned: number }[]).every((i) => i.assigned === 0)).toBe(true);
  });
});
