/**
 * The dashboard's parcels block through GET /api/parcels/dashboard: refusals first (401 without a session, 403
 * without `parcels:read`, 400 for a bad date, a period backwards or over a year), then the figures of a small week
 * checked one by one — two split orders (by phone at office 301, by address at 302), a parcel to the planted online
 * seller's phone, counterfeit wording, a green parcel, one imported after scoring, one after the period —, with
 * examiners, assignments, outcomes (one corrected) and the pending parcels, per office and per examiner; and the
 * default period, the week up to the last arrival day.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { buildGraph } from '../graph/index.ts';
import { plantNetwork } from '../graph/testing/network.ts';
import { addExaminer, assignParcels, updateExaminer } from './examiners.ts';
import { parcelsTarget } from './import-target.ts';
import { correctInspection, type InspectionInput, recordInspection } from './inspections.ts';
import { scoreParcels } from './score.ts';
import { setParcelSettings } from './settings.ts';
import { findParcel } from './store.ts';

const files = tempFiles();
const actor = { id: null, name: 'analyst-test', ip: null };
const supervisor = { username: 'supervisor', supervisor: true };
const HOSTILE = '<img src=x onerror=alert(1)>';

const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,arrival_date,arrival_office';
const row = (
  n: string,
  sender: string,
  address: string,
  phone: string,
  what: string,
  eur: number,
  day: string,
) => `${n},DHL,express,${sender},CN,Recipient ${n},${address},Casablanca,${phone},${what},${eur},EUR,${day}`;

const WEEK = [
  // Office 301: a split order by phone (4 parcels, 180 EUR), a parcel to the planted seller, counterfeit wording.
  row('S1', 'Trendy Sneakers Store', '7 rue Atlas', '0661001122', 'sport shoes', 45, '2026-11-03,301'),
  row('S2', 'Trendy Sneakers Store', '7 rue Atlas', '0661001122', 'sport shoes', 45, '2026-11-03,301'),
  row('S3', 'Trendy Sneakers Store', '7 rue Atlas', '0661001122', 'sport shoes', 45, '2026-11-04,301'),
  row('S4', 'Trendy Sneakers Store', '7 rue Atlas', '0661001122', 'sport shoes', 45, '2026-11-04,301'),
  row('H1', 'Fujian Footwear', '3 derb Omar', '06 12 34 56 78', 'shoes', 30, '2026-11-05,301'),
  row(
    'C1',
    'Putian Trade',
    '1 rue Rif',
    '0665000001',
    'Nike Air Jordan replica AAA high copy',
    12,
    '2026-11-05,301',
  ),
  // Office 302: a split order by address (3 parcels, three phones), a green parcel.
  row('A1', 'Gadget World', '19 bd Anfa apt 4', '0662000001', 'earphones', 60, '2026-11-05,302'),
  row('A2', 'Gadget World', '19 bd Anfa apt 4', '0662000002', 'earphones', 60, '2026-11-06,302'),
  row('A3', 'Gadget World', '19 bd Anfa apt 4', '0662000003', 'earphones', 60, '2026-11-06,302'),
  row('G1', 'Home Decor Co', '2 rue Fes', '0663000001', 'cushion cover', 20, '2026-11-03,302'),
  // After the period.
  row('L1', 'Lamp Factory', '9 rue Oujda', '0664000001', 'desk lamp', 20, '2026-11-20,301'),
];
// Imported once the week is scored: arrived, not scored.
const LATE = row('U1', 'Home Decor Co', '2 rue Fes', '0663000001', 'cushion cover', 20, '2026-11-06,302');

const ZERO_WEEK = { assigned: 0, inspected: 0, pending: 0, fraud: 0, inspected_per_day: 0, days: [] };

describeEachDatabase('the parcels dashboard', (t) => {
  let opened: TestApp;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    await plantNetwork(t.database);
    await buildGraph(t.database);
    const load = async (name: string, lines: string[]) => {
      const summary = await runImport(t.database, parcelsTarget, {
        file: files.write(name, `${HEADER}\n${lines.join('\n')}\n`),
        profile: resolveProfile('parcels', 'native'),
      });
      expect(summary.errors).toEqual([]);
    };
    await load('week.csv', WEEK);
    await setParcelSettings(t.database, actor, { red_score: 60 });
    await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    await load('late.csv', [LATE]);
    await addExaminer(t.database, actor, {
      username: 'amina',
      name: 'Amina K',
      office: '301',
      daily_capacity: 10,
    });
    const omar = await addExaminer(t.database, actor, { username: 'omar', name: 'Omar T', office: '301' });
    await updateExaminer(t.database, actor, omar.id, { active: false });
    await addExaminer(t.database, actor, { username: 'evil', name: HOSTILE, office: '302' });
    expect(await assignParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' })).toMatchObject({
      assigned: 9,
      unassigned: 0,
    });
    const outcome = async (n: string, input: InspectionInput) =>
      recordInspection(t.database, actor, supervisor, (await findParcel(t.database.db, 'DHL', n)).id, input);
    await outcome('S1', { result: 'fraud', fraud_type: 'counterfeit' });
    await outcome('S2', { result: 'compliant' });
    await outcome('C1', { result: 'fraud', fraud_type: 'counterfeit' });
    await outcome('H1', { result: 'fraud', fraud_type: 'undervaluation' });
    await outcome('A1', { result: 'not_found' });
    // The outcome in force counts: S2 corrected to fraud.
    await correctInspection(
      t.database,
      actor,
      supervisor,
      (await findParcel(t.database.db, 'DHL', 'S2')).id,
      {
        result: 'fraud',
        fraud_type: 'prohibited',
        reason: 'the lab found a banned substance',
      },
    );
  });
  afterAll(async () => {
    await opened?.close();
  });

  const get = (url: string, headers: Record<string, string> = analyst) =>
    opened.app.inject({ method: 'GET', url, headers });

  it('refuses without a session (401), without parcels:read (403), and a bad period (400)', async () => {
    expect((await get('/api/parcels/dashboard', {})).statusCode).toBe(401);
    const liaison = (await userWithToken(t.database, ['liaison'])).headers;
    expect((await get('/api/parcels/dashboard', liaison)).statusCode).toBe(403);
    const badDate = await get('/api/parcels/dashboard?from=2026-02-30');
    expect(badDate.statusCode).toBe(400);
    const backwards = await get('/api/parcels/dashboard?from=2026-11-07&to=2026-11-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'parcels.bad_period', details: [{ path: '/to' }] });
    const long = await get('/api/parcels/dashboard?from=2025-01-01&to=2026-01-02');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'parcels.period_too_long', details: [{ path: '/to' }] });
    // 366 days is allowed.
    expect((await get('/api/parcels/dashboard?from=2025-01-01&to=2026-01-01')).statusCode).toBe(200);
  });

  it("counts the week's parcels in total and per office, frauds by type, and the pending ones", async () => {
    for (const role of ['officer', 'investigator', 'auditor'] as const)
      expect(
        (await get('/api/parcels/dashboard', (await userWithToken(t.database, [role])).headers)).statusCode,
      ).toBe(200);
    const week = await get('/api/parcels/dashboard?from=2026-11-01&to=2026-11-07');
    expect(week.statusCode).toBe(200);
    const body = week.json();
    expect(body).toMatchObject({ from: '2026-11-01', to: '2026-11-07', days: 7 });
    const office301 = {
      arrived: 6,
      scored: 6,
      referred: 6,
      split_order_parcels: 4,
      split_orders: 1,
      linked_online_seller: 1,
      inspected: 4,
      fraud: 4,
      pending: 2,
    };
    const office302 = {
      arrived: 5,
      scored: 4,
      referred: 3,
      split_order_parcels: 3,
      split_orders: 1,
      linked_online_seller: 0,
      inspected: 1,
      fraud: 0,
      pending: 2,
    };
    expect(body.totals).toMatchObject({
      arrived: 11,
      scored: 10,
      referred: 9,
      split_order_parcels: 7,
      split_orders: 2,
      linked_online_seller: 1,
      inspected: 5,
      fraud: 4,
      pending: 4,
    });
    // Red and yellow split the referred: with red from 60 points, the seller's parcel (60) and the counterfeit
    // wording (60) are red, the split orders (50 each) yellow.
    expect([body.totals.red, body.totals.yellow]).toEqual([2, 7]);
    expect(body.by_office).toEqual([
      { office: '301', ...office301, red: 2, yellow: 4 },
      { office: '302', ...office302, red: 0, yellow: 3 },
    ]);
    expect(body.frauds_by_type).toEqual([
      { fraud_type: 'counterfeit', parcels: 2 },
      { fraud_type: 'prohibited', parcels: 1 },
      { fraud_type: 'undervaluation', parcels: 1 },
    ]);
  });

  it('gives the workload and throughput of each examiner and office, per day', async () => {
    const body = (await get('/api/parcels/dashboard?from=2026-11-01&to=2026-11-07')).json();
    expect(body.examiners).toEqual([
      {
        examiner_id: expect.any(Number),
        username: 'amina',
        name: 'Amina K',
        office: '301',
        active: true,
        assigned: 6,
        inspected: 4,
        pending: 2,
        fraud: 4,
        inspected_per_day: 0.6,
        days: [
          { day: '2026-11-03', assigned: 2, inspected: 2 },
          { day: '2026-11-04', assigned: 2, inspected: 0 },
          { day: '2026-11-05', assigned: 2, inspected: 2 },
        ],
      },
      {
        examiner_id: expect.any(Number),
        username: 'omar',
        name: 'Omar T',
        office: '301',
        active: false,
        ...ZERO_WEEK,
      },
      {
        examiner_id: expect.any(Number),
        username: 'evil',
        name: HOSTILE,
        office: '302',
        active: true,
        assigned: 3,
        inspected: 1,
        pending: 2,
        fraud: 0,
        inspected_per_day: 0.1,
        days: [
          { day: '2026-11-05', assigned: 1, inspected: 1 },
          { day: '2026-11-06', assigned: 2, inspected: 0 },
        ],
      },
    ]);
    // An office sums its examiners: 301's inactive one adds nothing.
    const { examiner_id: _a, username: _u, name: _n, active: _x, ...amina } = body.examiners[0];
    const { examiner_id: _b, username: _v, name: _m, active: _y, ...evil } = body.examiners[2];
    expect(body.offices).toEqual([
      { examiners: 2, ...amina },
      { examiners: 1, ...evil },
    ]);
  });

  it('defaults to the week up to the last arrival day; an empty period gives zeros', async () => {
    const latest = (await get('/api/parcels/dashboard')).json();
    expect(latest).toMatchObject({ from: '2026-11-14', to: '2026-11-20', days: 7 });
    expect(latest.totals).toMatchObject({ arrived: 1, scored: 0, referred: 0, pending: 0 });
    expect(latest.by_office).toEqual([expect.objectContaining({ office: '301', arrived: 1 })]);
    const one = (await get('/api/parcels/dashboard?from=2026-11-03')).json();
    expect(one).toMatchObject({ from: '2026-11-03', to: '2026-11-03', days: 1 });
    expect(one.totals).toMatchObject({ arrived: 3, inspected: 2, fraud: 2 });
    const empty = (await get('/api/parcels/dashboard?from=2027-01-01&to=2027-01-31')).json();
    // Every one of the eleven figures is 0 (the grand total's row comes even when no parcel arrived).
    expect(Object.keys(empty.totals)).toHaveLength(11);
    expect(Object.entries(empty.totals).filter(([, n]) => n !== 0)).toEqual([]);
    expect(empty.by_office).toEqual([]);
    expect(empty.frauds_by_type).toEqual([]);
    expect(empty.offices.map((o: { assigned: number }) => o.assigned)).toEqual([0, 0]);
  });
});
