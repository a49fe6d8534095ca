/**
 * Operations and their final report through the API: refusals first, then an operation with cases and seizures
 * tagged (directly, through their case, by inheritance) and one seizure outside it; every figure of the report is
 * checked against plain SQL written here, apart from the code under test, on both databases.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';

type Headers = Record<string, string>;
type Role = 'investigator' | 'officer' | 'auditor' | 'analyst';
type Group = {
  key: string;
  seizures: number;
  lines: number;
  estimated_value: number;
  duties_recovered: number;
};

describeEachDatabase('operations and their final report', (t) => {
  let opened: TestApp;
  const users = {} as Record<Role, Headers>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    for (const role of ['investigator', 'officer', 'auditor', 'analyst'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const stop = {
    code: 'STOP-IV',
    name: 'STOP IV',
    starts_on: '2025-06-01',
    ends_on: '2025-06-30',
    participants: ['300', '301', '302'],
    threat_categories: ['medicines', 'medical_products'],
    coordinator: 'WCO',
  };

  it('refuses with 403, 404, 409, 422 and 400', async () => {
    expect((await call('POST', '/api/operations', users.officer, stop)).statusCode).toBe(403);
    expect((await call('GET', '/api/operations', users.analyst)).statusCode).toBe(403);
    expect((await call('GET', '/api/operations/999999/report', users.officer)).statusCode).toBe(403);
    expect((await call('GET', '/api/operations/999999', users.auditor)).json()).toMatchObject({
      code: 'operation.not_found',
    });
    expect((await call('GET', '/api/operations/999999/report', users.auditor)).statusCode).toBe(404);
    expect(
      (await call('PUT', '/api/seizures/999999/operation', users.officer, { operation_id: null })).statusCode,
    ).toBe(404);
    const backwards = await call('POST', '/api/operations', users.investigator, {
      ...stop,
      code: 'BACK',
      ends_on: '2025-05-01',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json()).toMatchObject({ code: 'operation.period' });
    const created = await call('POST', '/api/operations', users.investigator, { ...stop, code: 'DUP' });
    expect(created.statusCode).toBe(201);
    expect(
      (await call('POST', '/api/operations', users.investigator, { ...stop, code: 'DUP' })).statusCode,
    ).toBe(409);
    const id = created.json().id;
    expect(
      (await call('GET', `/api/operations/${id}/report/export?format=csv&table=nope`, users.auditor))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('GET', `/api/operations/${id}/report/export?format=doc`, users.auditor)).statusCode,
    ).toBe(400);
    const kase = (
      await call('POST', '/api/cases', users.investigator, { title: 'x', type: 'other', office: '300' })
    ).json();
    expect(
      (await call('PUT', `/api/cases/${kase.id}/operation`, users.investigator, { operation_id: 999999 }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call('POST', '/api/seizures', users.officer, {
          seized_on: '2025-06-02',
          office: '300',
          description: 'x',
          category: 'other',
          operation_id: 999999,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("gives an operation's figures as independent SQL computes them, as JSON, CSV and PDF", async () => {
    const op = (await call('POST', '/api/operations', users.investigator, stop)).json();
    const newCase = async (office: string, type: string) =>
      (
        await call('POST', '/api/cases', users.investigator, { title: `Case ${office}`, type, office })
      ).json() as { id: number };
    const seize = async (body: Record<string, unknown>) => {
      const res = await call('POST', '/api/seizures', users.officer, { seized_on: '2025-06-10', ...body });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: number; operation_id: number | null };
    };
    // A case with a seizure recorded before it was tagged: tagging the case brings the seizure.
    const pharmacy = await newCase('300', 'health_products');
    await seize({
      case_id: pharmacy.id,
      office: '300',
      detection_source: 'intelligence',
      duties_at_stake: 900,
      duties_recovered: 400,
      fines: 100,
      lines: [
        {
          description: 'Tablets',
          category: 'medicines',
          quantity: 1000,
          unit: 'boxes',
          estimated_value: 5000,
        },
        {
          description: 'Syringes',
          category: 'medical_products',
          quantity: 200,
          unit: 'pieces',
          net_mass_kg: 3,
        },
        {
          description: 'Capsules',
          category: 'medicines',
          quantity: 50,
          unit: 'boxes',
          estimated_value: 250.5,
        },
      ],
    });
    const tagged = await call('PUT', `/api/cases/${pharmacy.id}/operation`, users.investigator, {
      operation_id: op.id,
    });
    expect(tagged.json()).toMatchObject({ operation_id: op.id, seizures: 1 });
    // Recorded on a tagged case: counts for the operation.
    const inherited = await seize({
      case_id: pharmacy.id,
      office: '300',
      description: 'Masks',
      category: 'medical_products',
      quantity: 5000,
      unit: 'pieces',
      estimated_value: 1200,
      detection_source: 'online_monitoring',
      settlement_amount: 300,
    });
    expect(inherited.operation_id).toBe(op.id);
    // Tagged on its own, from another office; a case tagged without seizures.
    const alone = await seize({
      office: '301',
      description: 'Cough syrup',
      category: 'medicines',
      quantity: 40,
      unit: 'boxes',
      estimated_value: 800,
      detection_source: 'selectivity_rule',
      duties_recovered: 150,
    });
    expect(
      (
        await call('PUT', `/api/seizures/${alone.id}/operation`, users.officer, { operation_id: op.id })
      ).json(),
    ).toMatchObject({ operation_id: op.id });
    const smuggling = await newCase('301', 'smuggling');
    await call('PUT', `/api/cases/${smuggling.id}/operation`, users.investigator, { operation_id: op.id });
    // Outside the operation.
    await seize({
      office: '300',
      description: 'Shoes',
      category: 'counterfeit_footwear',
      estimated_value: 99,
    });

    const report = (await call('GET', `/api/operations/${op.id}/report`, users.auditor)).json();
    const db = t.database.db;
    const ids = sql`(select id from seizures where operation_id = ${op.id})`;
    const totals = (
      await sql<Record<string, number>>`
        select (select count(*) from cases where operation_id = ${op.id})::int as cases,
               count(*)::int as seizures,
               coalesce(sum(duties_at_stake), 0)::float8 as duties_at_stake,
               coalesce(sum(duties_recovered), 0)::float8 as duties_recovered,
               coalesce(sum(fines), 0)::float8 as fines,
               coalesce(sum(settlement_amount), 0)::float8 as settlements,
               (select count(*) from seizure_lines where seizure_id in ${ids})::int as lines,
               (select coalesce(sum(estimated_value), 0) from seizure_lines where seizure_id in ${ids})::float8
                 as estimated_value,
               (select coalesce(sum(net_mass_kg), 0) from seizure_lines where seizure_id in ${ids})::float8
                 as net_mass_kg
        from seizures where operation_id = ${op.id}`.execute(db)
    ).rows[0]!;
    expect(report.totals).toEqual(totals);
    expect(totals).toMatchObject({ cases: 2, seizures: 3, lines: 5 });

    // By category: lines and values from the lines; a seizure's own amounts from the category of its first line.
    const lineRows = (
      await sql<{ key: string; seizures: number; lines: number; value: number }>`
        select category as key, count(distinct seizure_id)::int as seizures, count(*)::int as lines,
               coalesce(sum(estimated_value), 0)::float8 as value
        from seizure_lines where seizure_id in ${ids} group by category order by category`.execute(db)
    ).rows;
    const firstLine = (
      await sql<{ key: string; recovered: number }>`
        select f.category as key, sum(s.duties_recovered)::float8 as recovered
        from seizures s
        join seizure_lines f on f.seizure_id = s.id
          and f.line_no = (select min(line_no) from seizure_lines x where x.seizure_id = s.id)
        where s.operation_id = ${op.id} group by f.category`.execute(db)
    ).rows;
    expect(
      report.by_category.map((g: Group) => [
        g.key,
        g.seizures,
        g.lines,
        g.estimated_value,
        g.duties_recovered,
      ]),
    ).toEqual(
      lineRows.map((r) => [
        r.key,
        r.seizures,
        r.lines,
        r.value,
        firstLine.find((f) => f.key === r.key)?.recovered ?? 0,
      ]),
    );

    // By participant (the seizing office; every declared participant listed) and by detection source.
    const perSeizure = async (column: 'office' | 'detection_source') =>
      (
        await sql<{ key: string; seizures: number; value: number; recovered: number }>`
          select coalesce(${sql.ref(column)}, 'unknown') as key, count(*)::int as seizures,
                 coalesce(sum((select sum(estimated_value) from seizure_lines l where l.seizure_id = s.id)), 0)::float8
                   as value,
                 coalesce(sum(duties_recovered), 0)::float8 as recovered
          from seizures s where operation_id = ${op.id} group by 1 order by 1`.execute(db)
      ).rows.map((r) => [r.key, r.seizures, r.value, r.recovered]);
    const pick = (g: Group) => [g.key, g.seizures, g.estimated_value, g.duties_recovered];
    expect(report.by_participant.map(pick)).toEqual([...(await perSeizure('office')), ['302', 0, 0, 0]]);
    expect(report.by_detection_source.map(pick)).toEqual(await perSeizure('detection_source'));

    const quantities = (
      await sql<{ category: string; unit: string; quantity: number }>`
        select category, coalesce(unit, '') as unit, sum(quantity)::float8 as quantity
        from seizure_lines where seizure_id in ${ids} group by 1, 2 order by 1, 2`.execute(db)
    ).rows;
    expect(
      report.quantities.map((q: { category: string; unit: string; quantity: number }) => [
        q.category,
        q.unit,
        q.quantity,
      ]),
    ).toEqual(quantities.map((q) => [q.category, q.unit, q.quantity]));
    const caseTypes = (
      await sql<{ key: string; cases: number }>`
        select type as key, count(*)::int as cases from cases where operation_id = ${op.id} group by 1 order by 1`.execute(
        db,
      )
    ).rows;
    expect(report.cases_by_type).toEqual(caseTypes);

    const csv = await call(
      'GET',
      `/api/operations/${op.id}/report/export?format=csv&table=category`,
      users.auditor,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.body.trim().split(/\r?\n/);
    expect(rows[0]).toBe(
      'category,seizures,lines,estimated_value,duties_at_stake,duties_recovered,fines,settlements',
    );
    expect(rows).toHaveLength(lineRows.length + 1);
    const pdf = await call('GET', `/api/operations/${op.id}/report/export?format=pdf&lang=ar`, users.auditor);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await listAudit(
      db,
      { target_type: 'operation', target_id: String(op.id) },
      { limit: 20, offset: 0 },
    );
    const actions = JSON.stringify(audit);
    expect(actions).toContain('operation.created');
    expect(actions.match(/operation\.report_exported/g)).toHaveLength(2);
    const timeline = (await call('GET', `/api/cases/${pharmacy.id}/timeline`, users.auditor)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('operation_tagged');
    const listed = (await call('GET', `/api/cases?operation_id=${op.id}`, users.auditor)).json();
    expect(listed.total).toBe(2);
  });
});
