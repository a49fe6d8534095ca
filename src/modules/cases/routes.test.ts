/**
 * The cases API as investigators, officers, auditors and others use it: refusals first (403, 404, 409, 400),
 * then a case from an online post to its offence report, seizures, and the director's figures checked against
 * SQL written independently.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';

type Headers = Record<string, string>;
type Role = 'admin' | 'investigator' | 'officer' | 'auditor' | 'liaison' | 'analyst';

function multipart(file: { name: string; content: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----vigie${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDatabase('cases API', (t) => {
  let opened: TestApp;
  const users = {} as Record<Role, Headers>;
  beforeAll(async () => {
    opened = await testApp(t.database, { uploadMaxMb: 1 });
    for (const role of ['admin', 'investigator', 'officer', 'auditor', 'liaison', 'analyst'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: unknown,
  ) =>
    opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const openOne = async (body: Record<string, unknown> = {}) => {
    const res = await call('POST', '/api/cases', users.investigator, {
      title: 'Fake perfumes sold online',
      type: 'counterfeiting',
      office: '600',
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  it('refuses what a role may not do with 403', async () => {
    expect((await call('GET', '/api/cases', users.liaison)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/cases', users.officer, { title: 'x', type: 'other', office: '1' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/api/cases', users.auditor, { title: 'x', type: 'other', office: '1' }))
        .statusCode,
    ).toBe(403);
    const seizure = { seized_on: '2026-01-02', office: '600', description: 'x', category: 'tobacco' };
    expect((await call('POST', '/api/seizures', users.auditor, seizure)).statusCode).toBe(403);
    expect((await call('POST', '/api/seizures', users.analyst, seizure)).statusCode).toBe(403);
    expect((await call('GET', '/api/cases/figures', users.officer)).statusCode).toBe(403);
    expect((await call('GET', '/api/cases', users.auditor)).statusCode).toBe(200);
    expect((await call('GET', '/api/cases', {})).statusCode).toBe(401);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    for (const url of [
      '/api/cases/999999',
      '/api/cases/999999/timeline',
      '/api/seizures/999999',
      '/api/cases/999999/tax-loss',
    ])
      expect((await call('GET', url, users.investigator)).json()).toMatchObject({
        code: expect.stringMatching(/not_found$/),
      });
    expect((await call('GET', '/api/cases/999999', users.investigator)).statusCode).toBe(404);
    expect(
      (await call('POST', '/api/cases/999999/transitions', users.investigator, { status: 'investigation' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/api/cases/999999/notes', users.investigator, { body: 'x' })).statusCode,
    ).toBe(404);
    expect((await call('GET', '/api/cases/abc', users.investigator)).statusCode).toBe(400);
    const kase = await openOne();
    expect((await call('GET', `/api/cases/${kase.id}/evidence/999999`, users.investigator)).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/api/cases/${kase.id}/reports/999999`, users.investigator)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/api/cases/${kase.id}/links/999999`, users.investigator)).statusCode).toBe(
      404,
    );
    expect(
      (
        await call('POST', '/api/seizures', users.officer, {
          seized_on: '2026-01-02',
          office: '600',
          description: 'x',
          category: 'tobacco',
          case_id: 999999,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses an illegal transition with a 409 problem naming the allowed statuses', async () => {
    const kase = await openOne();
    const res = await call('POST', `/api/cases/${kase.id}/transitions`, users.investigator, {
      status: 'prosecuted',
      reason: 'court',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'case.transition_refused',
      details: { from: 'open', to: 'prosecuted', allowed: ['investigation', 'closed'] },
    });
    const bad = await call('POST', `/api/cases/${kase.id}/transitions`, users.investigator, {
      status: 'nowhere',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('takes a case from an online post to its offence report, holding the post while open', async () => {
    const kase = await openOne({ origin_type: 'osint_item', origin_ref: '9001', assignee: 'inv.a' });
    const holds = async () =>
      (
        (await call('GET', '/api/legal-holds?active=true', users.investigator)).json().items as {
          target_type: string;
          target_id: string;
        }[]
      )
        .filter((h) => h.target_id === '9001' || h.target_id === 'SELLER-9')
        .map((h) => `${h.target_type}:${h.target_id}`)
        .sort();
    expect(await holds()).toEqual(['osint_item:9001']);
    const link = await call('POST', `/api/cases/${kase.id}/links`, users.investigator, {
      target_type: 'osint_seller',
      target_ref: 'SELLER-9',
    });
    expect(link.statusCode).toBe(201);
    expect(
      (
        await call('POST', `/api/cases/${kase.id}/links`, users.investigator, {
          target_type: 'osint_seller',
          target_ref: 'SELLER-9',
        })
      ).statusCode,
    ).toBe(409);
    expect(await holds()).toEqual(['osint_item:9001', 'osint_seller:SELLER-9']);

    const task = await call('POST', `/api/cases/${kase.id}/tasks`, users.investigator, {
      title: 'Test purchase',
      due_on: '2030-02-01',
    });
    expect(task.statusCode).toBe(201);
    expect(
      (
        await call('PATCH', `/api/cases/${kase.id}/tasks/${task.json().id}`, users.investigator, {
          status: 'done',
        })
      ).json().status,
    ).toBe('done');
    expect(
      (await call('POST', `/api/cases/${kase.id}/notes`, users.investigator, { body: 'Parcel arrived' }))
        .statusCode,
    ).toBe(201);

    const photo = Buffer.from('\x89PNG fake photo bytes');
    const form = multipart({ name: 'parcel.png', content: photo }, { description: 'the parcel' });
    const up = await opened.app.inject({
      method: 'POST',
      url: `/api/cases/${kase.id}/evidence`,
      headers: { ...users.investigator, ...form.headers },
      payload: form.payload,
    });
    expect(up.statusCode).toBe(201);
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(up.json()).toMatchObject({ sha256: sha, content_type: 'image/png', description: 'the parcel' });
    const down = await call('GET', `/api/cases/${kase.id}/evidence/${up.json().id}`, users.auditor);
    expect(down.statusCode).toBe(200);
    expect(down.headers['x-content-sha256']).toBe(sha);
    expect(down.rawPayload.equals(photo)).toBe(true);

    const seizure = await call('POST', '/api/seizures', users.officer, {
      case_id: kase.id,
      seized_on: '2026-02-10',
      office: '600',
      description: 'Parfums',
      hs_code: '3303',
      category: 'counterfeit_cosmetics',
      quantity: 40,
      unit: 'flacons',
      estimated_value: 10_000,
      duty_rate: 40,
      brand: 'Chanel',
    });
    expect(seizure.statusCode).toBe(201);
    expect(seizure.json().reference).toBe('S-600/2026/0001');
    const tax = (await call('GET', `/api/seizures/${seizure.json().id}/tax-loss`, users.auditor)).json();
    expect(tax).toMatchObject({ duties: 4000, vat: 2800, total: 6800 });
    const patched = await call('PATCH', `/api/seizures/${seizure.json().id}`, users.officer, {
      goods_status: 'destroyed',
      fines: 5000,
    });
    expect(patched.json()).toMatchObject({ goods_status: 'destroyed', fines: 5000 });
    expect(patched.json().goods_status_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    for (const status of ['investigation', 'offence_report'])
      expect(
        (await call('POST', `/api/cases/${kase.id}/transitions`, users.investigator, { status })).statusCode,
      ).toBe(200);
    const report = await call('POST', `/api/cases/${kase.id}/reports`, users.investigator, { lang: 'ar' });
    expect(report.statusCode).toBe(201);
    const pdf = await call('GET', `/api/cases/${kase.id}/reports/${report.json().id}`, users.auditor);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['x-content-sha256']).toBe(report.json().sha256);

    const settled = await call('POST', `/api/cases/${kase.id}/transitions`, users.investigator, {
      status: 'settled',
      reason: 'transaction paid',
    });
    expect(settled.json()).toMatchObject({ status: 'settled', next_statuses: [] });
    expect(await holds()).toEqual([]);
    expect(
      (await call('POST', `/api/cases/${kase.id}/notes`, users.investigator, { body: 'late' })).statusCode,
    ).toBe(409);

    const detail = (await call('GET', `/api/cases/${kase.id}`, users.auditor)).json();
    expect(detail.links).toHaveLength(2);
    expect(detail.seizures).toHaveLength(1);
    expect(detail.reports).toHaveLength(1);
    const kinds = (await call('GET', `/api/cases/${kase.id}/timeline`, users.auditor))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'opened',
      'linked',
      'linked',
      'task_added',
      'task_status',
      'note',
      'evidence_added',
      'seizure_added',
      'seizure_updated',
      'transition',
      'transition',
      'report_generated',
      'transition',
    ]);
    const audit = await listAudit(
      t.database.db,
      { target_type: 'case', target_id: String(kase.id) },
      { limit: 100, offset: 0 },
    );
    expect(JSON.stringify(audit)).toContain('case.transition');
  });

  it("gives the director's figures as SQL computes them, and CSV with formula cells escaped", async () => {
    for (const [i, brand] of ['=HYPERLINK("http://x")', 'Nike', 'Nike'].entries())
      expect(
        (
          await call('POST', '/api/seizures', users.officer, {
            seized_on: `2025-0${i + 1}-15`,
            office: '700',
            description: 'Shoes',
            hs_code: '640399',
            category: 'counterfeit_footwear',
            estimated_value: 1000 * (i + 1),
            duties_recovered: 100 * (i + 1),
            brand,
            detection_source: i === 0 ? 'online_monitoring' : 'selectivity_rule',
          })
        ).statusCode,
      ).toBe(201);
    const figures = (await call('GET', '/api/cases/figures?office=700', users.auditor)).json();
    const expected = await sql<{ month: string; n: number; value: number; recovered: number }>`
      select to_char(seized_on, 'YYYY-MM') as month, count(*)::int as n, sum(estimated_value)::float8 as value,
             sum(duties_recovered)::float8 as recovered
      from seizures where office = '700' group by 1 order by 1`.execute(t.database.db);
    expect(
      figures.seizures_by.month.map(
        (g: { key: string; seizures: number; estimated_value: number; duties_recovered: number }) => [
          g.key,
          g.seizures,
          g.estimated_value,
          g.duties_recovered,
        ],
      ),
    ).toEqual(expected.rows.map((r) => [r.month, r.n, r.value, r.recovered]));
    expect(figures.totals).toMatchObject({ seizures: 3, estimated_value: 6000, duties_recovered: 600 });
    expect(figures.seizures_by.hs_chapter).toEqual([expect.objectContaining({ key: '64', seizures: 3 })]);
    expect(
      figures.seizures_by.brand.map((g: { key: string; seizures: number }) => [g.key, g.seizures]),
    ).toEqual([
      ['=HYPERLINK("http://x")', 1],
      ['Nike', 2],
    ]);

    // By source of detection, and the cases by what they were opened from, as plain SQL counts them.
    const bySource = await sql<{ key: string; n: number }>`
      select coalesce(detection_source, '') as key, count(*)::int as n
      from seizures where office = '700' group by 1 order by 1`.execute(t.database.db);
    expect(
      figures.seizures_by.detection_source.map((g: { key: string; seizures: number }) => [g.key, g.seizures]),
    ).toEqual(bySource.rows.map((r) => [r.key, r.n]));
    expect(bySource.rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(['online_monitoring', 'selectivity_rule']),
    );
    const byOrigin = await sql<{ key: string; n: number }>`
      select coalesce(origin_type, 'manual') as key, count(*)::int as n from cases where office = '700'
      group by 1 order by 1`.execute(t.database.db);
    expect(figures.cases_by_origin.map((c: { key: string; cases: number }) => [c.key, c.cases])).toEqual(
      byOrigin.rows.map((r) => [r.key, r.n]),
    );
    const origins = await call('GET', '/api/cases/figures/export?table=case_origin', users.auditor);
    expect(origins.body.split(/\r?\n/)[0]).toBe('origin,cases');

    const csv = await call('GET', '/api/cases/figures/export?office=700&table=brand', users.auditor);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('brand,seizures,estimated_value,duties_recovered,fines,settlements,lines');
    expect(lines[1]).toMatch(/^"'=HYPERLINK/);
    expect((await call('GET', '/api/cases/figures/export?table=nope', users.auditor)).statusCode).toBe(400);
    const age = (await call('GET', '/api/cases/figures', users.investigator)).json().open_cases_by_age_days;
    expect(age.map((a: { key: string }) => a.key)).toEqual(['0-30', '31-90', '91-365', '366+']);
  });

  it('records a seizure of several goods lines; figures and tax loss sum over the lines as SQL does', async () => {
    const both = await call('POST', '/api/seizures', users.officer, {
      seized_on: '2025-07-01',
      office: '710',
      description: 'x',
      lines: [{ description: 'y', category: 'tobacco' }],
    });
    expect(both.statusCode).toBe(400);
    const none = await call('POST', '/api/seizures', users.officer, {
      seized_on: '2025-07-01',
      office: '710',
    });
    expect(none.statusCode).toBe(400);
    const multi = await call('POST', '/api/seizures', users.officer, {
      seized_on: '2025-07-01',
      office: '710',
      duty_rate: 10,
      duties_recovered: 500,
      lines: [
        {
          description: 'Sneakers',
          category: 'counterfeit_footwear',
          hs_code: '640399',
          estimated_value: 2000,
        },
        { description: 'Perfume', category: 'counterfeit_cosmetics', hs_code: '3303', estimated_value: 1000 },
        { description: 'Pills', category: 'medicines', health_risk: true },
      ],
    });
    expect(multi.statusCode).toBe(201);
    expect(multi.json()).toMatchObject({
      estimated_value: 3000,
      health_risk: true,
      category: 'counterfeit_footwear',
    });
    expect(multi.json().lines).toHaveLength(3);
    await call('POST', '/api/seizures', users.officer, {
      seized_on: '2025-08-01',
      office: '710',
      description: 'Shoes',
      category: 'counterfeit_footwear',
      estimated_value: 400,
      fines: 50,
    });
    const tax = (await call('GET', `/api/seizures/${multi.json().id}/tax-loss`, users.auditor)).json();
    expect(tax).toMatchObject({ value: 3000, duties: 300, vat: 660, total: 960, unvalued: 1 });
    const refused = await call('PATCH', `/api/seizures/${multi.json().id}`, users.officer, {
      estimated_value: 1,
    });
    expect(refused.statusCode).toBe(409);

    const figures = (await call('GET', '/api/cases/figures?office=710', users.auditor)).json();
    const expected = await sql<{
      category: string;
      seizures: number;
      lines: number;
      value: number;
    }>`select l.category, count(distinct s.id)::int as seizures, count(*)::int as lines,
              coalesce(sum(l.estimated_value), 0)::float8 as value
       from seizure_lines l join seizures s on s.id = l.seizure_id
       where s.office = '710' group by l.category order by l.category`.execute(t.database.db);
    expect(
      figures.seizures_by.category.map(
        (g: { key: string; seizures: number; lines: number; estimated_value: number }) => [
          g.key,
          g.seizures,
          g.lines,
          g.estimated_value,
        ],
      ),
    ).toEqual(expected.rows.map((r) => [r.category, r.seizures, r.lines, r.value]));
    const totals = await sql<{ n: number; recovered: number; fines: number }>`
      select count(*)::int as n, coalesce(sum(duties_recovered), 0)::float8 as recovered,
             coalesce(sum(fines), 0)::float8 as fines
      from seizures where office = '710'`.execute(t.database.db);
    expect(figures.totals).toMatchObject({
      seizures: totals.rows[0]!.n,
      lines: 4,
      estimated_value: 3400,
      duties_recovered: totals.rows[0]!.recovered,
      fines: totals.rows[0]!.fines,
    });
    const categorySum = figures.seizures_by.category.reduce(
      (a: number, g: { duties_recovered: number }) => a + g.duties_recovered,
      0,
    );
    expect(categorySum).toBe(totals.rows[0]!.recovered);
  });
});
