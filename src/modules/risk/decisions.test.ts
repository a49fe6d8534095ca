import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { type NativeRow, nativeRow } from '../../../test/factories.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { createApiToken, createUser } from '../auth/index.ts';
import { createCampaign } from './campaigns.ts';
import { integrityView, overrideDecision, recordOutcome, ruleStatistics, runSelection } from './decisions.ts';
import { setOfficeParams } from './offices.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY = '2024-03-18';
const SECRET = 'Informant report 42: the Casablanca network under-invoices nightwear';

/** 400 one-item declarations at office 301 on DAY; a few at office 302; history before. */
function rows(): NativeRow[] {
  const out: NativeRow[] = [];
  for (let i = 0; i < 400; i++) {
    out.push(
      nativeRow({
        reference: `S-${String(i).padStart(4, '0')}`,
        lodged_on: DAY,
        importer_code: `IMP${i % 40}`,
        importer_name: `Importer ${i % 40}`,
        hs_code: i % 3 === 0 ? '6208220000' : i % 7 === 0 ? '3004900000' : '8517120000',
        customs_value: String(1000 + ((i * 7919) % 100_000)),
        net_mass_kg: String(10 + (i % 17)),
        duty_rate: i % 2 ? '17.5' : '2.5',
      }),
    );
  }
  for (let i = 0; i < 5; i++) out.push(nativeRow({ reference: `O-${i}`, office: '302', lodged_on: DAY }));
  // History: importers IMP0..IMP4 had frauds found before.
  for (let i = 0; i < 5; i++)
    out.push(
      nativeRow({
        reference: `H-${i}`,
        lodged_on: '2024-02-01',
        importer_code: `IMP${i}`,
        importer_name: `Importer ${i}`,
        result: 'fraud',
        inspected_on: '2024-02-02',
      }),
    );
  return out;
}

const document = {
  description: 'Test profile',
  scoring: { base_probability: 0.1, red_score: 60, yellow_score: 30 },
  rules: [
    rule(
      'textiles',
      { field: 'item.hs_code', hs_prefix: '62' },
      { points: 30, tags: ['textiles'] },
      {
        probability: 0.6,
        intelligence: SECRET,
        instructions: { en: 'Open the cartons', fr: 'Ouvrir les cartons' },
      },
    ),
    rule(
      'repeat-offender',
      { indicator: 'history.importer.frauds', range: { gte: 1 } },
      { points: 40 },
      { probability: 0.7 },
    ),
    rule('medicines', { field: 'item.hs_code', hs_prefix: '3004' }, { points: 5, campaign: 'medicines' }),
  ],
};

describeEachDatabase('decisions', (t) => {
  let profileId: number;
  let opened: TestApp;
  let app: FastifyInstance;
  let analyst: Record<string, string>;
  let officer301: Record<string, string>;
  let officer302: Record<string, string>;
  let auditor: Record<string, string>;

  async function officer(name: string, office: string) {
    const user = await createUser(t.database, SYSTEM, {
      username: name,
      password: TEST_PASSWORD,
      roles: ['officer'],
      office_code: office,
    });
    const { token } = await createApiToken(t.database, SYSTEM, Number(user.id), 'test', 1);
    return { authorization: `Bearer ${token}` };
  }

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, rows());
    await createCampaign(t.database, SYSTEM, { name: 'medicines', hs_prefixes: ['3004'] });
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document,
      reason: 'first version',
    });
    profileId = created.id;
    await activateProfile(t.database, SYSTEM, profileId, 'tested on 2023');
    // 5 % of the day's 400 items.
    await setOfficeParams(t.database, SYSTEM, '301', { capacity_items: 20, random_rate: 0.05 });
    opened = await testApp(t.database);
    app = opened.app;
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    auditor = (await userWithToken(t.database, ['auditor'])).headers;
    officer301 = await officer('officer-301', '301');
    officer302 = await officer('officer-302', '302');
  });
  afterAll(() => opened?.close());

  describe('the daily selection', () => {
    it('respects a 5 % capacity exactly, includes the random share, and is reproducible', async () => {
      const first = await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
      expect(first.declarations).toBe(400);
      expect(first.budget).toBe(20);
      expect(first.selected_items).toBe(20);
      expect(first.random_items).toBe(1);
      expect(first.counts.random).toBe(1);
      expect((first.counts.red ?? 0) + (first.counts.yellow ?? 0)).toBe(20);
      expect(first.profiles).toEqual([{ id: profileId, name: 'national', version: 1 }]);
      const again = await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
      const channels = (s: typeof first) =>
        Object.fromEntries(s.decisions.map((d) => [d.reference, d.channel]));
      expect(channels(again)).toEqual(channels(first));
      // The first run's decisions are superseded, not lost.
      const all = await t.database.db.selectFrom('risk_decisions').select(['superseded_at']).execute();
      expect(all.length).toBe(800);
      expect(all.filter((d) => d.superseded_at === null).length).toBe(400);
      const audit = await listAudit(
        t.database.db,
        { action: 'risk.selection_run' },
        { limit: 10, offset: 0 },
      );
      expect(audit.items.length).toBe(2);
    });

    it('gives every selected declaration a readable explanation in English and French', async () => {
      const decisions = await t.database.db
        .selectFrom('risk_decisions')
        .select(['reference', 'channel', 'basis', 'explanation', 'score', 'breakdown', 'profile_versions'])
        .where('superseded_at', 'is', null)
        .where('channel', 'in', ['red', 'yellow'])
        .execute();
      expect(decisions.length).toBe(20);
      for (const d of decisions) {
        const { en, fr } = d.explanation;
        expect(en).toMatch(
          d.channel === 'red' ? /^Red channel \(physical inspection\): / : /^Yellow channel/,
        );
        expect(fr).toMatch(d.channel === 'red' ? /^Circuit rouge \(visite physique\) : / : /^Circuit jaune/);
        if (d.basis === 'random') {
          expect(en).toContain('drawn at random');
          expect(fr).toContain('tirée au hasard');
        } else {
          expect(en).toContain('selected by risk ranking');
          expect(fr).toContain('classement des risques');
        }
        expect(en).toMatch(/Item 1: score /);
        expect(en).not.toContain(SECRET);
        const sum = (d.breakdown as { points: number }[]).reduce((s, b) => s + b.points, 0);
        expect(sum).toBeCloseTo(d.score, 9);
        expect(d.profile_versions).toEqual([{ id: profileId, name: 'national', version: 1 }]);
      }
      const hit = decisions.find((d) => d.explanation.en.includes('Rule textiles'))!;
      expect(hit.explanation.en).toContain('HS code = 6208220000');
      expect(hit.explanation.en).toContain('what to check: Open the cartons');
      expect(hit.explanation.fr).toContain('code SH = 6208220000');
      expect(hit.explanation.fr).toContain('à vérifier : Ouvrir les cartons');
    });

    it('stores the explanation in Arabic too; a decision stored before Arabic reads French', async () => {
      const decisions = await t.database.db
        .selectFrom('risk_decisions')
        .select(['id', 'channel', 'explanation'])
        .where('superseded_at', 'is', null)
        .where('channel', 'in', ['red', 'yellow'])
        .execute();
      for (const d of decisions)
        expect(d.explanation.ar).toMatch(
          d.channel === 'red' ? /^القناة الحمراء \(معاينة مادية\): / : /^القناة الصفراء/,
        );
      // The rules of this profile have no Arabic: their title and checks read French in the Arabic explanation.
      const hit = decisions.find((d) => d.explanation.en.includes('Rule textiles'))!;
      expect(hit.explanation.ar).toContain('القاعدة «Règle textiles»');
      expect(hit.explanation.ar).toContain('ما يجب التحقق منه: Ouvrir les cartons');
      expect(hit.explanation.ar).toContain('رمز النظام المنسق = 6208220000');

      // A row as stored before Arabic explanations: no `ar` in the explanation nor in the anomaly's reasons.
      const old = {
        en: 'Red channel (physical inspection): old.',
        fr: 'Circuit rouge (visite physique) : ancien.',
      };
      const item = await t.database.db
        .selectFrom('risk_decision_items')
        .select(['item_id'])
        .where('decision_id', '=', hit.id)
        .executeTakeFirstOrThrow();
      await t.database.db
        .updateTable('risk_decisions')
        .set({ explanation: JSON.stringify(old) })
        .where('id', '=', hit.id)
        .execute();
      await t.database.db
        .updateTable('risk_decision_items')
        .set({
          anomaly: JSON.stringify({
            score: 0.7,
            percentile: 0.99,
            reasons: [
              { feature: 'log_mass', en: 'net mass 40× the usual', fr: 'masse nette 40 fois l’habituel' },
            ],
          }),
        })
        .where('decision_id', '=', hit.id)
        .where('item_id', '=', item.item_id)
        .execute();
      const res = await app.inject({ method: 'GET', url: `/api/risk/decisions/${hit.id}`, headers: analyst });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.explanation).toEqual({ ...old, ar: old.fr });
      const anomaly = body.items.find((i: { item_id: number }) => i.item_id === Number(item.item_id)).anomaly;
      expect(anomaly.reasons[0].ar).toBe('masse nette 40 fois l’habituel');
    });

    it('queues declarations a rule sends to a campaign', async () => {
      const queued = await t.database.db.selectFrom('risk_campaign_items').select(['source']).execute();
      expect(queued.length).toBeGreaterThan(0);
      expect(queued.every((q) => q.source === 'rule')).toBe(true);
    });
  });

  describe('officer feedback', () => {
    it('an outcome changes the rule statistics', async () => {
      const before = (await ruleStatistics(t.database.db, { profile: 'national' })).find(
        (r) => r.rule_id === 'textiles',
      )!;
      expect(before).toMatchObject({ inspected: 0, frauds: 0, precision: null });
      const item = await t.database.db
        .selectFrom('risk_decision_hits as h')
        .innerJoin('risk_decisions as d', 'd.id', 'h.decision_id')
        .select(['h.item_id'])
        .where('d.superseded_at', 'is', null)
        .where('h.rule_id', '=', 'textiles')
        .where('d.channel', '=', 'red')
        .limit(1)
        .executeTakeFirstOrThrow();
      await recordOutcome(
        t.database,
        SYSTEM,
        { item_id: item.item_id, result: 'fraud', fraud_type: 'valuation', recovered_amount: 1200 },
        { office: null },
      );
      const after = (await ruleStatistics(t.database.db, { profile: 'national' })).find(
        (r) => r.rule_id === 'textiles',
      )!;
      expect(after).toMatchObject({
        hits: before.hits,
        inspected: 1,
        frauds: 1,
        precision: 1,
        recovered: 1200,
      });
      const stored = await t.database.db
        .selectFrom('inspection_outcomes')
        .select(['source', 'officer', 'fraud_type', 'channel'])
        .where('item_id', '=', item.item_id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ source: 'officer', officer: 'test', fraud_type: 'valuation', channel: 'red' });
    });

    it('refuses a fraud without its type', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/risk/outcomes',
        headers: officer301,
        payload: { item_id: 1, result: 'fraud' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('risk.fraud_type_required');
    });

    it('overrides need a reason, are audited and show in the statistics and the integrity view', async () => {
      const d = await t.database.db
        .selectFrom('risk_decisions')
        .select(['id', 'channel', 'reference'])
        .where('superseded_at', 'is', null)
        .where('office_code', '=', '301')
        .where('channel', '=', 'red')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const noReason = await app.inject({
        method: 'POST',
        url: `/api/risk/decisions/${d.id}/override`,
        headers: officer301,
        payload: { channel: 'green', reason: '  ' },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().code).toBe('risk.override_reason_required');
      await expect(
        overrideDecision(
          t.database,
          SYSTEM,
          Number(d.id),
          { channel: 'green', reason: '' },
          { office: null },
        ),
      ).rejects.toMatchObject({ code: 'risk.override_reason_required' });
      const other = await app.inject({
        method: 'POST',
        url: `/api/risk/decisions/${d.id}/override`,
        headers: officer302,
        payload: { channel: 'green', reason: 'not my office' },
      });
      expect(other.statusCode).toBe(404);
      const ok = await app.inject({
        method: 'POST',
        url: `/api/risk/decisions/${d.id}/override`,
        headers: officer301,
        payload: { channel: 'green', reason: 'Goods seen at the pre-arrival check' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ from_channel: 'red', to_channel: 'green' });
      const audit = await listAudit(
        t.database.db,
        { action: 'risk.channel_overridden' },
        { limit: 5, offset: 0 },
      );
      expect(audit.items[0]).toMatchObject({
        actor: 'officer-301',
        target_id: String(d.id),
        before: { channel: 'red' },
        after: { channel: 'green' },
      });
      expect((audit.items[0]!.details as { reason: string; downgrade: boolean }).reason).toBe(
        'Goods seen at the pre-arrival check',
      );
      const integrity = await integrityView(t.database.db, { period: 'day' });
      expect(integrity.rows.find((r) => r.officer === 'officer-301')).toMatchObject({
        office: '301',
        overrides: 1,
        downgrades: 1,
      });
      const detail = await app.inject({
        method: 'GET',
        url: `/api/risk/decisions/${d.id}`,
        headers: officer301,
      });
      expect(detail.json()).toMatchObject({ channel: 'green', initial_channel: 'red' });
      expect(detail.json().overrides[0]).toMatchObject({
        reason: 'Goods seen at the pre-arrival check',
        officer: 'officer-301',
      });
      const stats = await app.inject({ method: 'GET', url: '/api/risk/stats/channels', headers: analyst });
      expect(stats.json().items.some((r: { overridden: number }) => r.overridden === 1)).toBe(true);
      const integrityHttp = await app.inject({
        method: 'GET',
        url: '/api/risk/integrity?period=week',
        headers: auditor,
      });
      expect(integrityHttp.statusCode).toBe(200);

      // Running the day again does not undo the officer's decision: the override moves to the new decision.
      const rerun = await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
      const kept = rerun.decisions.find((x) => x.id !== Number(d.id) && x.reference === d.reference)!;
      expect(kept.channel).toBe('green');
      const now = await app.inject({
        method: 'GET',
        url: `/api/risk/decisions/${kept.id}`,
        headers: officer301,
      });
      expect(now.json()).toMatchObject({ channel: 'green', initial_channel: 'red' });
      expect(now.json().overrides).toHaveLength(1);
      const counted = await integrityView(t.database.db, { period: 'day' });
      expect(counted.rows.find((r) => r.officer === 'officer-301')).toMatchObject({ overrides: 1 });
    });
  });

  describe('what each role sees', () => {
    it('officers see their office’s decisions only', async () => {
      const mine = await app.inject({
        method: 'GET',
        url: '/api/risk/decisions?limit=5',
        headers: officer301,
      });
      expect(mine.json().total).toBe(400);
      expect(mine.json().items[0].channel).toBe('red');
      const theirs = await app.inject({
        method: 'GET',
        url: '/api/risk/decisions?office=301',
        headers: officer302,
      });
      expect(theirs.json().total).toBe(0);
      const id = mine.json().items[0].id;
      expect(
        (await app.inject({ method: 'GET', url: `/api/risk/decisions/${id}`, headers: officer302 }))
          .statusCode,
      ).toBe(404);
      const all = await app.inject({ method: 'GET', url: '/api/risk/decisions', headers: auditor });
      expect(all.json().total).toBe(400);
    });

    it('hides the intelligence behind rules from everyone but analysts', async () => {
      const asOfficer = await app.inject({
        method: 'GET',
        url: `/api/risk/profiles/${profileId}`,
        headers: officer301,
      });
      expect(asOfficer.statusCode).toBe(200);
      expect(JSON.stringify(asOfficer.json())).not.toContain('Informant');
      expect(asOfficer.json().document.rules[0]).not.toHaveProperty('intelligence');
      expect(asOfficer.json().document.rules[0].instructions).toEqual({
        en: 'Open the cartons',
        fr: 'Ouvrir les cartons',
      });
      const asAuditor = await app.inject({
        method: 'GET',
        url: `/api/risk/profiles/${profileId}`,
        headers: auditor,
      });
      expect(JSON.stringify(asAuditor.json())).not.toContain('Informant');
      const asAnalyst = await app.inject({
        method: 'GET',
        url: `/api/risk/profiles/${profileId}`,
        headers: analyst,
      });
      expect(asAnalyst.json().document.rules[0].intelligence).toBe(SECRET);
      const score = await app.inject({
        method: 'POST',
        url: '/api/risk/score',
        headers: officer301,
        payload: { reference: 'S-0000' },
      });
      expect(JSON.stringify(score.json())).not.toContain('Informant');
    });

    it('scores one declaration, stored or inline, with a breakdown that sums to the score', async () => {
      const stored = await app.inject({
        method: 'POST',
        url: '/api/risk/score',
        headers: analyst,
        payload: { reference: 'S-0003' },
      });
      expect(stored.statusCode).toBe(200);
      const s = stored.json();
      expect(s.items[0].hits.map((h: { rule_id: string }) => h.rule_id)).toEqual([
        'textiles',
        'repeat-offender',
      ]);
      expect(s.breakdown.reduce((a: number, b: { points: number }) => a + b.points, 0)).toBeCloseTo(
        s.score,
        9,
      );
      expect(s.score).toBe(70);
      expect(s.indicative_channel).toBe('red');
      expect(s.explanation.en).toContain('indicative: score 70 at or above the red threshold 60');
      const inline = await app.inject({
        method: 'POST',
        url: '/api/risk/score',
        headers: analyst,
        payload: {
          declaration: {
            reference: 'NEW-1',
            office: '301',
            lodged_on: DAY,
            currency: 'MAD',
            importer_code: 'IMP0',
            items: [
              { line_no: 1, hs_code: '6208220000', customs_value: 1000, net_mass_kg: 10, duty_rate: 10 },
            ],
          },
        },
      });
      expect(inline.statusCode).toBe(200);
      const i = inline.json();
      expect(i.stored).toBe(false);
      expect(i.items[0].hits.map((h: { rule_id: string }) => h.rule_id)).toEqual([
        'textiles',
        'repeat-offender',
      ]);
      // The outcome recorded above rebuilt the HS 6208 references: 100 MAD/kg is far below them.
      expect(i.items[0].finding).toMatchObject({ flagged: true, level: 'hs6' }); // no origin declared
      expect(i.breakdown.map((b: { source: string; points: number }) => [b.source, b.points])).toEqual([
        ['rule', 30],
        ['rule', 40],
        ['valuation', 20],
      ]);
      expect(i.score).toBe(90);
      const other = await app.inject({
        method: 'POST',
        url: '/api/risk/score',
        headers: officer302,
        payload: { reference: 'S-0003' },
      });
      expect(other.statusCode).toBe(404);
    });
  });

  describe('attachments', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(200, 7),
    ]);
    function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
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

    it('stores a photo with its SHA-256, refuses what is not one, and shows it to permitted roles', async () => {
      const body = multipart(
        { reference: 'S-0001', kind: 'photo', note: 'seal' },
        { name: 'seal.png', content: png },
      );
      const saved = await app.inject({
        method: 'POST',
        url: '/api/risk/attachments',
        headers: { ...officer301, ...body.headers },
        payload: body.payload,
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({
        reference: 'S-0001',
        kind: 'photo',
        content_type: 'image/png',
        bytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
      });
      const text = multipart(
        { reference: 'S-0001', kind: 'photo' },
        { name: 'x.png', content: Buffer.from('not a picture at all, really') },
      );
      const refused = await app.inject({
        method: 'POST',
        url: '/api/risk/attachments',
        headers: { ...officer301, ...text.headers },
        payload: text.payload,
      });
      expect(refused.statusCode).toBe(415);
      expect(refused.json().code).toBe('risk.attachment_type');
      const elsewhere = multipart({ reference: 'S-0001', kind: 'photo' }, { name: 'seal.png', content: png });
      const wrongOffice = await app.inject({
        method: 'POST',
        url: '/api/risk/attachments',
        headers: { ...officer302, ...elsewhere.headers },
        payload: elsewhere.payload,
      });
      expect(wrongOffice.statusCode).toBe(404);
      const list = await app.inject({
        method: 'GET',
        url: '/api/risk/declarations/S-0001/attachments',
        headers: auditor,
      });
      expect(list.json().items).toHaveLength(1);
      const bytes = await app.inject({
        method: 'GET',
        url: `/api/risk/attachments/${saved.json().id}`,
        headers: officer301,
      });
      expect(bytes.statusCode).toBe(200);
      expect(bytes.headers['content-type']).toBe('image/png');
      expect(bytes.rawPayload.equals(png)).toBe(true);
      const investigator = (await userWithToken(t.database, ['investigator'])).headers;
      expect(
        (
          await app.inject({
            method: 'GET',
            url: `/api/risk/attachments/${saved.json().id}`,
            headers: investigator,
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('watchlists and campaigns', () => {
    it('adds every importer a search finds in one action', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/risk/watchlists',
        headers: analyst,
        payload: { name: 'past-frauds', type: 'trader', description: 'importers with frauds found' },
      });
      expect(created.statusCode).toBe(201);
      const added = await app.inject({
        method: 'POST',
        url: `/api/risk/watchlists/${created.json().id}/entries`,
        headers: analyst,
        payload: { search: { result: 'fraud', to: '2024-02-28' }, note: 'frauds of February' },
      });
      expect(added.json()).toEqual({ added: 5 });
      const list = await app.inject({
        method: 'GET',
        url: `/api/risk/watchlists/${created.json().id}`,
        headers: analyst,
      });
      expect(list.json().page.items.map((e: { value: string }) => e.value)).toEqual([
        'IMP0',
        'IMP1',
        'IMP2',
        'IMP3',
        'IMP4',
      ]);
      expect(
        (await app.inject({ method: 'GET', url: '/api/risk/watchlists', headers: officer301 })).statusCode,
      ).toBe(403);
    });

    it('counts, lists and queues what a campaign matches, with a status per declaration', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/risk/campaigns',
        headers: analyst,
        payload: { name: 'nightwear', hs_prefixes: ['6208'], keywords: ['pyjama'], date_from: '2024-03-01' },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const view = await app.inject({
        method: 'GET',
        url: `/api/risk/campaigns/${id}?limit=5`,
        headers: officer301,
      });
      expect(view.json()).toMatchObject({ matching_declarations: 139, queue: {} });
      const queued = await app.inject({
        method: 'POST',
        url: `/api/risk/campaigns/${id}/queue`,
        headers: analyst,
      });
      expect(queued.json()).toEqual({ queued: 139 });
      const declarationId = view.json().page.items[0].declaration_id;
      const done = await app.inject({
        method: 'PUT',
        url: `/api/risk/campaigns/${id}/items/${declarationId}`,
        headers: analyst,
        payload: { status: 'finding', note: 'undervalued' },
      });
      expect(done.json()).toMatchObject({ status: 'finding' });
      const after = await app.inject({ method: 'GET', url: `/api/risk/campaigns/${id}`, headers: auditor });
      expect(after.json().queue).toEqual({ todo: 138, finding: 1 });
    });
  });
});
