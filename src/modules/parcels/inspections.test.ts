/**
 * Inspection outcomes of parcels through the API: refusals first (no session 401, a role that may not record 403,
 * a parcel assigned to someone else 403, an unknown parcel 404, bad bodies 400 naming the field), then the
 * examiner's outcome recorded and audited, shown on the parcel and in "my inspections", a second outcome refused
 * (409) with nothing changed, a supervisor recording for an examiner, and the workload's counts. Corrections:
 * refusals first (401, 403, 404, a missing or short reason, bad bodies, nothing to correct 409, a correction that
 * changes nothing 400), then a correction kept with its reason, the outcome it replaced in the history, audited
 * with before and after, and a second correction by a supervisor.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { addExaminer, assignParcels, examinerWorkload } from './examiners.ts';
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
  'G1,DHL,express,Home Co,FR,Ali B,3 rue Fes,Casablanca,0665000003,cushion cover,20,EUR,,2026-11-03,301',
];

type Headers = Record<string, string>;

describeEachDatabase('parcel inspection outcomes', (t) => {
  let opened: TestApp;
  let ids: Record<string, number>;
  let amina: Headers;
  let omar: Headers;
  let analyst: Headers;
  let auditor: Headers;
  const post = (id: number, payload: unknown, headers?: Headers) =>
    opened.app.inject({
      method: 'POST',
      url: `/api/parcels/${id}/inspection`,
      ...(headers ? { headers } : {}),
      payload: payload as object,
    });
  const get = (url: string, headers: Headers) => opened.app.inject({ method: 'GET', url, headers });
  const correct = (id: number, payload: unknown, headers?: Headers) =>
    opened.app.inject({
      method: 'POST',
      url: `/api/parcels/${id}/inspection/corrections`,
      ...(headers ? { headers } : {}),
      payload: payload as object,
    });
  const corrections = async () =>
    (await listAudit(t.database.db, { action: 'parcels.inspection_corrected' }, { limit: 50, offset: 0 }))
      .items;
  const audits = async () =>
    (await listAudit(t.database.db, { action: 'parcels.inspected' }, { limit: 50, offset: 0 })).items;

  beforeAll(async () => {
    opened = await testApp(t.database);
    const summary = await runImport(t.database, parcelsTarget, {
      file: files.write('week.csv', `${HEADER}\n${WEEK.join('\n')}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(summary.errors).toEqual([]);
    await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    await addExaminer(t.database, actor, {
      username: 'amina',
      name: 'Amina K',
      office: '301',
      indicators: ['split_order'],
    });
    await addExaminer(t.database, actor, {
      username: 'omar',
      name: 'Omar T',
      office: '301',
      hs_prefixes: ['64'],
    });
    const run = await assignParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    expect(run.by_examiner).toEqual({ amina: 4, omar: 1 });
    ids = {};
    for (const n of ['S1', 'S2', 'S3', 'S4', 'C1', 'G1'])
      ids[n] = (await findParcel(t.database.db, 'DHL', n)).id;
    amina = (await userWithToken(t.database, ['officer'], 'amina')).headers;
    omar = (await userWithToken(t.database, ['officer'], 'omar')).headers;
    analyst = (await userWithToken(t.database, ['analyst'], 'supervisor')).headers;
    auditor = (await userWithToken(t.database, ['auditor'])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('refuses without a session, a role that may not record, another examiner’s parcel, an unknown parcel', async () => {
    const body = { result: 'compliant' };
    expect((await post(ids.S1!, body)).statusCode).toBe(401);
    const reader = await post(ids.S1!, body, auditor);
    expect(reader.statusCode).toBe(403);
    expect(reader.json().code).toBe('auth.forbidden');
    expect((await post(ids.S2!, body, omar)).statusCode).toBe(403);
    const other = await post(ids.C1!, body, amina);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'parcels.not_your_inspection' });
    expect(other.json().message).toContain('assigned to omar');
    // Not assigned at all (G1 was not referred): only a supervisor may record it.
    const unassigned = await post(ids.G1!, body, amina);
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().code).toBe('parcels.not_your_inspection');
    const unknown = await post(999_999_999, body, amina);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('parcel.not_found');
    expect(await audits()).toEqual([]);
  });

  it('refuses bad bodies, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ result: 'seized' }, '/result'],
      [{}, '/result'],
      [{ result: 'fraud' }, '/fraud_type'],
      [{ result: 'fraud', fraud_type: 'smuggling' }, '/fraud_type'],
      [{ result: 'compliant', fraud_type: 'counterfeit' }, '/fraud_type'],
      [{ result: 'compliant', found_value: 40 }, '/found_currency'],
      [{ result: 'compliant', found_currency: 'EUR' }, '/found_value'],
      [{ result: 'compliant', found_value: -1, found_currency: 'EUR' }, '/found_value'],
      // numeric(14, 2): a trillion does not fit, and must be a located 400, not the database's overflow.
      [{ result: 'compliant', found_value: 1e12, found_currency: 'EUR' }, '/found_value'],
      [{ result: 'compliant', found_value: 999_999_999_999.995, found_currency: 'EUR' }, '/found_value'],
      [{ result: 'compliant', found_value: 10, found_currency: 'EURO' }, '/found_currency'],
      [{ result: 'not_found', found_value: 10, found_currency: 'EUR' }, '/found_value'],
      [{ result: 'compliant', inspected_at: '03/11/2026' }, '/inspected_at'],
      [{ result: 'compliant', inspected_at: '2999-01-01T10:00:00Z' }, '/inspected_at'],
      [{ result: 'compliant', note: 'x'.repeat(4001) }, '/note'],
    ];
    for (const [body, path] of cases) {
      const answer = await post(ids.S1!, body, amina);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        (answer.json().details as { path: string }[]).map((d) => d.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const extra = await post(ids.S1!, { result: 'compliant', examiner: 'someone' }, amina);
    expect(extra.statusCode).toBe(400);
    expect(await audits()).toEqual([]);
    expect((await get(`/api/parcels/${ids.S1}`, amina)).json().inspection).toBeNull();
  });

  it('records the examiner’s outcome, audited, on the parcel and in "my inspections"; a second one is refused', async () => {
    const recorded = await post(
      ids.S1!,
      {
        result: 'fraud',
        fraud_type: 'counterfeit',
        found_value: 180.5,
        found_currency: 'eur',
        note: '  3 jackets, fake brand labels  ',
        inspected_at: '2026-11-03T09:30:00+01:00',
      },
      amina,
    );
    expect(recorded.statusCode).toBe(201);
    const inspection = recorded.json();
    expect(inspection).toMatchObject({
      parcel_id: ids.S1,
      examiner: 'amina',
      result: 'fraud',
      fraud_type: 'counterfeit',
      found_value: 180.5,
      found_currency: 'EUR',
      note: '3 jackets, fake brand labels',
      inspected_at: '2026-11-03T08:30:00.000Z',
      recorded_by: 'amina',
    });
    const [audit, ...more] = await audits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actor: 'amina',
      target_type: 'parcel',
      target_id: String(ids.S1),
      after: { result: 'fraud', fraud_type: 'counterfeit', examiner: 'amina' },
      details: { parcel: 'DHL S1', office: '301', assigned_to: 'amina' },
    });
    const parcel = await get(`/api/parcels/${ids.S1}`, auditor);
    expect(parcel.statusCode).toBe(200);
    expect(parcel.json().inspection).toEqual(inspection);
    const mine = await get('/api/parcels/my-inspections?day=2026-11-03', amina);
    const rows = mine.json().items as { consignment_number: string; inspected: string | null }[];
    expect(Object.fromEntries(rows.map((r) => [r.consignment_number, r.inspected]))).toEqual({
      S1: 'fraud',
      S2: null,
    });

    // A second outcome, even by a supervisor: 409 with the one recorded, nothing changed.
    for (const headers of [amina, analyst]) {
      const again = await post(ids.S1!, { result: 'compliant' }, headers);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'parcels.inspection_already_recorded',
        details: { existing: inspection },
      });
      expect(again.json().message).toContain('already has an outcome: fraud (counterfeit) by amina');
    }
    expect((await get(`/api/parcels/${ids.S1}`, amina)).json().inspection).toEqual(inspection);
    expect(await audits()).toHaveLength(1);
  });

  it('lets a supervisor record for the assigned examiner, or an unassigned parcel in their own name', async () => {
    const forOmar = await post(
      ids.C1!,
      { result: 'not_found', note: 'parcel not presented by DHL' },
      analyst,
    );
    expect(forOmar.statusCode).toBe(201);
    expect(forOmar.json()).toMatchObject({
      examiner: 'omar',
      recorded_by: 'supervisor',
      result: 'not_found',
    });
    expect((await audits())[0]).toMatchObject({ details: { assigned_to: 'omar', by_supervisor: true } });
    const spot = await post(
      ids.G1!,
      { result: 'compliant', found_value: 20, found_currency: 'EUR' },
      analyst,
    );
    expect(spot.statusCode).toBe(201);
    expect(spot.json()).toMatchObject({ examiner: 'supervisor', recorded_by: 'supervisor' });
    // The examiner's own recording of another of their parcels, now without a time: now.
    const s3 = await post(ids.S3!, { result: 'compliant' }, amina);
    expect(s3.statusCode).toBe(201);
    expect(Math.abs(Date.parse(s3.json().inspected_at) - Date.now())).toBeLessThan(60_000);
  });

  it('counts inspected, fraud and pending parcels per examiner, and inspections per day', async () => {
    const week = { from: '2026-11-01', to: '2026-11-07', office: '301' };
    // On 3 November: S1 (fraud) and S3 (arriving the 4th, inspected early) done; S2 pending; S4 not due yet.
    const on3 = Object.fromEntries(
      (await examinerWorkload(t.database.db, week, '2026-11-03')).map((w) => [w.username, w]),
    );
    expect(on3.amina).toMatchObject({ assigned: 4, inspected: 2, fraud: 1, pending: 1 });
    expect(on3.amina!.days).toEqual([
      { day: '2026-11-03', assigned: 2, inspected: 1 },
      { day: '2026-11-04', assigned: 2, inspected: 1 },
    ]);
    expect(on3.omar).toMatchObject({ assigned: 1, inspected: 1, fraud: 0, pending: 0 });
    const later = Object.fromEntries(
      (await examinerWorkload(t.database.db, week, '2026-11-10')).map((w) => [w.username, w]),
    );
    expect(later.amina).toMatchObject({ inspected: 2, pending: 2 });
    // Through the API (today is after the demo week): the same counts.
    const answer = await get('/api/parcels/workload?from=2026-11-01&to=2026-11-07&office=301', auditor);
    expect(answer.statusCode).toBe(200);
    const row = (answer.json().items as { username: string }[]).find((w) => w.username === 'amina');
    expect(row).toMatchObject({ assigned: 4, inspected: 2, fraud: 1, pending: 2 });
  });

  it('keeps one outcome when two are sent at once', async () => {
    const [a, b] = await Promise.all([
      post(ids.S4!, { result: 'compliant' }, amina),
      post(ids.S4!, { result: 'fraud', fraud_type: 'other' }, analyst),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const kept = (a.statusCode === 201 ? a : b).json();
    expect((await get(`/api/parcels/${ids.S4}`, amina)).json().inspection).toEqual(kept);
    expect((await audits()).filter((e) => e.target_id === String(ids.S4))).toHaveLength(1);
  });

  it('refuses corrections: no session, not the examiner, unknown parcel, no reason, bad bodies, nothing recorded, nothing changed', async () => {
    const body = { result: 'compliant', reason: 'labels were genuine after all' };
    const before = (await get(`/api/parcels/${ids.S1}/inspection`, auditor)).json();
    expect(before.inspection).toMatchObject({ result: 'fraud', fraud_type: 'counterfeit' });
    expect(before.history).toEqual([]);
    expect((await correct(ids.S1!, body)).statusCode).toBe(401);
    expect((await correct(ids.S1!, body, auditor)).json().code).toBe('auth.forbidden');
    const other = await correct(ids.S1!, body, omar);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('parcels.not_your_inspection');
    const unknown = await correct(999_999_999, body, amina);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('parcel.not_found');
    expect((await get('/api/parcels/999999999/inspection', auditor)).statusCode).toBe(404);
    const cases: [unknown, string][] = [
      [{ result: 'compliant' }, '/reason'],
      [{ result: 'compliant', reason: '   oops  ' }, '/reason'],
      [{ result: 'compliant', reason: 'x'.repeat(1001) }, '/reason'],
      [{ result: 'fraud', reason: 'wrong result' }, '/fraud_type'],
      [{ result: 'compliant', found_value: 5, reason: 'wrong result' }, '/found_currency'],
      [{ reason: 'wrong result' }, '/result'],
    ];
    for (const [payload, path] of cases) {
      const answer = await correct(ids.S1!, payload, amina);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        (answer.json().details as { path: string }[]).map((d) => d.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    // S2 has no outcome: nothing to correct.
    const nothing = await correct(ids.S2!, body, amina);
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json()).toMatchObject({ code: 'parcels.nothing_to_correct' });
    expect(nothing.json().message).toContain('DHL S2 has no outcome to correct');
    // The same outcome again (the currency in lower case, the note with spaces, no time): nothing changes.
    const same = await correct(
      ids.S1!,
      {
        result: 'fraud',
        fraud_type: 'counterfeit',
        found_value: 180.5,
        found_currency: 'eur',
        note: ' 3 jackets, fake brand labels ',
        reason: 'typing it again',
      },
      amina,
    );
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ code: 'parcels.correction_unchanged' });
    expect(same.json().message).toContain('changes nothing');
    expect(await corrections()).toEqual([]);
    expect((await get(`/api/parcels/${ids.S1}/inspection`, auditor)).json()).toEqual(before);
  });

  it('corrects an outcome with its reason: the earlier one kept in the history, audited with before and after', async () => {
    const earlier = (await get(`/api/parcels/${ids.S1}`, amina)).json().inspection;
    const corrected = await correct(
      ids.S1!,
      {
        result: 'compliant',
        found_value: 180.5,
        found_currency: 'EUR',
        note: 'brand confirmed genuine by the right holder',
        reason: '  right holder says genuine  ',
      },
      amina,
    );
    expect(corrected.statusCode).toBe(201);
    const now = corrected.json();
    expect(now).toMatchObject({
      parcel_id: ids.S1,
      examiner: 'amina',
      result: 'compliant',
      fraud_type: null,
      found_value: 180.5,
      note: 'brand confirmed genuine by the right holder',
      // The time of inspection is kept when the correction does not give one.
      inspected_at: earlier.inspected_at,
      recorded_by: 'amina',
    });
    expect(now.history).toEqual([
      {
        ...earlier,
        reason: 'right holder says genuine',
        corrected_by: 'amina',
        corrected_at: expect.any(String),
      },
    ]);
    const [audit, ...more] = await corrections();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actor: 'amina',
      target_id: String(ids.S1),
      before: { result: 'fraud', fraud_type: 'counterfeit' },
      after: { result: 'compliant', fraud_type: null },
      details: { parcel: 'DHL S1', reason: 'right holder says genuine', assigned_to: 'amina' },
    });
    // The parcel, its GET and "my inspections" show the outcome in force.
    const parcel = (await get(`/api/parcels/${ids.S1}`, auditor)).json();
    const { history, ...inForce } = now;
    expect(parcel.inspection).toEqual(inForce);
    expect(parcel.inspection_history).toEqual(history);
    expect((await get(`/api/parcels/${ids.S1}/inspection`, auditor)).json()).toEqual({
      inspection: inForce,
      history,
    });
    const mine = (await get('/api/parcels/my-inspections?day=2026-11-03', amina)).json();
    expect(
      mine.items.find((r: { consignment_number: string }) => r.consignment_number === 'S1').inspected,
    ).toBe('compliant');

    // A supervisor corrects it back, with a time: the examiner stays amina, the history grows in order.
    const again = await correct(
      ids.S1!,
      {
        result: 'fraud',
        fraud_type: 'undervaluation',
        inspected_at: '2026-11-03T10:00:00Z',
        reason: 'invoice shows 900 EUR paid',
      },
      analyst,
    );
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({
      examiner: 'amina',
      recorded_by: 'supervisor',
      result: 'fraud',
      fraud_type: 'undervaluation',
      found_value: null,
      note: null,
      inspected_at: '2026-11-03T10:00:00.000Z',
    });
    expect(again.json().history.map((h: { result: string; reason: string }) => [h.result, h.reason])).toEqual(
      [
        ['fraud', 'right holder says genuine'],
        ['compliant', 'invoice shows 900 EUR paid'],
      ],
    );
    expect((await corrections())[0]).toMatchObject({
      actor: 'supervisor',
      details: { by_supervisor: true, assigned_to: 'amina' },
    });
    // Recording over it is still refused: a correction is the only way.
    expect((await post(ids.S1!, { result: 'compliant' }, amina)).statusCode).toBe(409);
  });
});
