/**
 * GET /api/risk/decisions/:id/order.pdf on both databases: refusals first (anonymous, no permission, another
 * office, unknown or bad id, unknown language), then the order in French, English (Accept-Language) and Arabic —
 * the PDF parses, carries the reference, the reasons, the inspection and the verification code — and the audit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { nativeRow } from '../../../test/factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { createApiToken, createUser } from '../auth/index.ts';
import { runSelection } from './decisions.ts';
import { orderCode } from './order.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY = '2024-03-18';

describeEachDatabase('inspection order (PDF)', (t) => {
  let app: TestApp;
  let red: { id: number; reference: string; channel: string };
  const users: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, [
      nativeRow({ reference: 'ORD-1', office: '301', lodged_on: DAY, hs_code: '6208220000' }),
      nativeRow({
        reference: 'ORD-1',
        office: '301',
        lodged_on: DAY,
        line_no: '2',
        hs_code: '6109100000',
        description: 'T-shirts of cotton',
      }),
      nativeRow({ reference: 'ORD-2', office: '301', lodged_on: DAY, hs_code: '8517120000' }),
    ]);
    const profile = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document: {
        description: 'order test',
        scoring: { base_probability: 0.1, red_score: 30, yellow_score: 10 },
        rules: [rule('textiles', { field: 'item.hs_code', hs_prefix: '62' }, { points: 40 })],
      },
      reason: 'first version',
    });
    await activateProfile(t.database, SYSTEM, profile.id, 'tested');
    const summary = await runSelection(t.database, SYSTEM, {
      office: '301',
      day: DAY,
      seed: 'fixed',
      capacity_items: 10,
    });
    red = summary.decisions.find((d) => d.reference === 'ORD-1')!;
    app = await testApp(t.database);
    users.analyst = (await userWithToken(t.database, ['analyst'])).headers;
    users.liaison = (await userWithToken(t.database, ['liaison'])).headers;
    const officer = await createUser(t.database, SYSTEM, {
      username: 'officer-302-order',
      password: TEST_PASSWORD,
      roles: ['officer'],
      office_code: '302',
    });
    const { token } = await createApiToken(t.database, SYSTEM, Number(officer.id), 'test', 1);
    users.officer302 = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.app.inject({ method: 'GET', url, headers });

  it('refuses anonymous callers, callers without risk:read and other offices', async () => {
    const url = `/api/risk/decisions/${red.id}/order.pdf`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, users.liaison)).statusCode).toBe(403);
    const other = await get(url, users.officer302);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('risk.decision_not_found');
  });

  it('answers 404 for an unknown decision and 400 for a bad id or language, naming it', async () => {
    const unknown = await get('/api/risk/decisions/999999/order.pdf', users.analyst);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('risk.decision_not_found');
    expect((await get('/api/risk/decisions/abc/order.pdf', users.analyst)).statusCode).toBe(400);
    const lang = await get(`/api/risk/decisions/${red.id}/order.pdf?lang=de`, users.analyst);
    expect(lang.statusCode).toBe(400);
    expect(lang.body).toContain('lang');
  });

  it('prints the order in French: reference, parties, items, channel, reasons, inspection, code; audited', async () => {
    expect(red.channel).toBe('red');
    const response = await get(`/api/risk/decisions/${red.id}/order.pdf`, users.analyst);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="ordre-ORD-1-fr.pdf"');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).join('\n');
    expect(text).toContain('ORDRE DE CONTRÔLE');
    expect(text).toContain('Déclaration: ORD-1');
    expect(text).toContain('Importateur: IMP001 — Atlas Import SARL');
    expect(text).toContain('Circuit: ROUGE');
    expect(text).toContain('Visite physique des marchandises');
    expect(text).toContain('Règle textiles');
    expect(text).toContain('SH 6109100000 — T-shirts of cotton');
    expect(text).toContain('Agent chargé du contrôle');
    const decision = (await get(`/api/risk/decisions/${red.id}`, users.analyst)).json();
    const code = orderCode(decision);
    expect(text).toContain(`Code de vérification: ${code}`);

    const audit = await listAudit(t.database.db, { action: 'risk.order_printed' }, { limit: 10, offset: 0 });
    expect(audit.items[0]).toMatchObject({
      target_type: 'risk_decision',
      target_id: String(red.id),
      details: { reference: 'ORD-1', lang: 'fr', code },
    });
  });

  it('prints it in English by the browser’s language, and in Arabic when asked', async () => {
    const en = await get(`/api/risk/decisions/${red.id}/order.pdf`, {
      ...users.analyst,
      'accept-language': 'en-GB,en;q=0.9',
    });
    const english = pdfText(en.rawPayload).join('\n');
    expect(english).toContain('INSPECTION ORDER');
    expect(english).toContain('Channel: RED');
    expect(english).toContain('Rule textiles');

    const ar = await get(`/api/risk/decisions/${red.id}/order.pdf?lang=ar`, users.analyst);
    expect(ar.statusCode).toBe(200);
    const lines = pdfText(ar.rawPayload);
    expect(lines).toContain('ORD-1');
    // Right to left: each Arabic word is drawn as its own run, its letters in visual order.
    const visual = (word: string) => [...word].reverse().join('');
    expect(lines).toContain(visual('المراقبة'));
    expect(lines).toContain(visual('أحمر'));
  });
});
