/** The selection queue: filters, sorts, paging and scoping of GET /api/risk/decisions. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { type NativeRow, nativeRow } from '../../../test/factories.ts';
import { createApiToken, createUser } from '../auth/index.ts';
import { createCampaign } from './campaigns.ts';
import { recordOutcome, runSelection } from './decisions.ts';
import { setOfficeParams } from './offices.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY1 = '2024-03-18';
const DAY2 = '2024-03-19';

const GOODS = [
  { hs: '6208220000', description: 'nightdresses of cotton' },
  { hs: '3004900000', description: 'medicaments in doses' },
  { hs: '8517120000', description: 'mobile phones' },
];

/** Two-item declarations: 30 a day at office 301, 6 a day at office 302. */
function rows(): NativeRow[] {
  const out: NativeRow[] = [];
  for (const [d, day] of [DAY1, DAY2].entries())
    for (const [office, n] of [
      ['301', 30],
      ['302', 6],
    ] as const)
      for (let i = 0; i < n; i++) {
        const first = GOODS[i % 3]!;
        const second = GOODS[(i + d) % 2 === 0 ? 2 : 1]!;
        for (const [line, goods] of [first, second].entries())
          out.push(
            nativeRow({
              reference: `Q${office}-${d}-${String(i).padStart(2, '0')}`,
              office,
              lodged_on: day,
              importer_code: `IMP${i % 4}`,
              importer_name: `Importer ${i % 4}`,
              line_no: String(line + 1),
              hs_code: goods.hs,
              description: goods.description,
              customs_value: String(1000 + ((i * 7919 + line * 104_729) % 50_000)),
              duty_rate: i % 2 ? '17.5' : '2.5',
            }),
          );
      }
  return out;
}

const document = {
  description: 'Queue test profile',
  scoring: { base_probability: 0.1, red_score: 60, yellow_score: 30 },
  rules: [
    rule('textiles', { field: 'item.hs_code', hs_prefix: '62' }, { points: 30 }, { probability: 0.6 }),
    rule('medicines', { field: 'item.hs_code', hs_prefix: '3004' }, { points: 5, campaign: 'medicines' }),
  ],
};

interface Row {
  id: number;
  reference: string;
  office: string;
  lodged_on: string;
  channel: string;
  score: number;
  expected_value: number;
  importer_code: string | null;
  importer_name: string | null;
  items: number;
  controlled_items: number;
  status: string;
  duties_at_stake: number | null;
  top_reason: { source: string; id: string; points: number; title: { en: string; fr: string } | null } | null;
}
interface Page {
  total: number;
  limit: number;
  offset: number;
  summary: { selected: number; controlled: number; pending: number };
  items: Row[];
}

const SEVERITY: Record<string, number> = { red: 3, yellow: 2, blue: 1, green: 0 };

describeEachDatabase('selection queue', (t) => {
  let opened: TestApp;
  let app: FastifyInstance;
  let analyst: Record<string, string>;
  let liaison: Record<string, string>;
  let officer301: Record<string, string>;
  let medicines: number;
  let phones: number;
  let controlledRef: string;

  async function get(query: string, headers = analyst) {
    return app.inject({ method: 'GET', url: `/api/risk/decisions?${query}`, headers });
  }
  async function page(query: string, headers = analyst): Promise<Page> {
    const res = await get(query, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  }
  /** Every row of a query, following the pages. */
  async function all(query: string, limit = 500): Promise<Row[]> {
    const out: Row[] = [];
    for (let offset = 0; ; offset += limit) {
      const p = await page(`${query}&limit=${limit}&offset=${offset}`);
      out.push(...p.items);
      if (offset + limit >= p.total) return out;
    }
  }

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, rows());
    medicines = (await createCampaign(t.database, SYSTEM, { name: 'medicines', hs_prefixes: ['3004'] })).id;
    phones = (await createCampaign(t.database, SYSTEM, { name: 'phones', keywords: ['phones'] })).id;
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document,
      reason: 'first version',
    });
    await activateProfile(t.database, SYSTEM, created.id, 'tested');
    await setOfficeParams(t.database, SYSTEM, '301', { capacity_items: 12, random_rate: 0 });
    await setOfficeParams(t.database, SYSTEM, '302', { capacity_items: 4, random_rate: 0 });
    for (const office of ['301', '302'])
      for (const day of [DAY1, DAY2]) await runSelection(t.database, SYSTEM, { office, day, seed: 'fixed' });
    // One item of a red or yellow decision of office 301 controlled.
    const chosen = await t.database.db
      .selectFrom('risk_decisions as d')
      .innerJoin('risk_decision_items as i', 'i.decision_id', 'd.id')
      .select(['d.reference', 'i.item_id'])
      .where('d.superseded_at', 'is', null)
      .where('d.office_code', '=', '301')
      .where('d.channel', 'in', ['red', 'yellow'])
      .orderBy('d.id')
      .orderBy('i.line_no')
      .executeTakeFirstOrThrow();
    controlledRef = chosen.reference;
    await recordOutcome(
      t.database,
      SYSTEM,
      { item_id: Number(chosen.item_id), result: 'compliant' },
      {
        office: null,
      },
    );
    opened = await testApp(t.database);
    app = opened.app;
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
    liaison = (await userWithToken(t.database, ['liaison'])).headers;
    const user = await createUser(t.database, SYSTEM, {
      username: 'queue-officer-301',
      password: TEST_PASSWORD,
      roles: ['officer'],
      office_code: '301',
    });
    const { token } = await createApiToken(t.database, SYSTEM, Number(user.id), 'test', 1);
    officer301 = { authorization: `Bearer ${token}` };
  });
  afterAll(() => opened?.close());

  describe('refused requests', () => {
    it('rejects an unknown sort, order or status and a malformed filter with 400', async () => {
      for (const query of [
        'sort=importer',
        'sort=id;drop table risk_decisions',
        'sort=score&order=up',
        'status=done',
        'selected=yes',
        'min_score=high',
        'from=18/03/2024',
        'campaign_id=-1',
      ]) {
        const res = await get(query);
        expect(res.statusCode, query).toBe(400);
      }
    });

    it('refuses a caller without risk:read (403) and answers 404 for an unknown campaign', async () => {
      expect((await get('limit=5', liaison)).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/risk/decisions' })).statusCode).toBe(401);
      const res = await get('campaign_id=9999');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('risk.campaign_not_found');
    });
  });

  describe('filters', () => {
    it('keeps the default list: every current decision, red first then by expected value', async () => {
      const rows = await all('x=1');
      expect(rows.length).toBe(72);
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1]!;
        const b = rows[i]!;
        expect(SEVERITY[a.channel]! >= SEVERITY[b.channel]!).toBe(true);
        if (a.channel === b.channel) expect(a.expected_value >= b.expected_value).toBe(true);
      }
    });

    it('selected=true keeps the red and yellow channels only and the summary counts them', async () => {
      const p = await page('selected=true&limit=500');
      expect(p.total).toBeGreaterThan(0);
      expect(p.items.every((r) => r.channel === 'red' || r.channel === 'yellow')).toBe(true);
      const everything = await all('x=1');
      expect(p.total).toBe(everything.filter((r) => r.channel === 'red' || r.channel === 'yellow').length);
      expect(p.summary.selected).toBe(p.total);
      expect(p.summary.controlled).toBe(1);
      expect(p.summary.pending).toBe(p.total - 1);
      // Without the filter, the summary still counts the selected ones only.
      const whole = await page('limit=1');
      expect(whole.total).toBe(72);
      expect(whole.summary).toEqual(p.summary);
    });

    it('filters on a day range and on the minimum score', async () => {
      const day2 = await all('from=2024-03-19&to=2024-03-19');
      expect(day2.length).toBe(36);
      expect(day2.every((r) => r.lodged_on === DAY2)).toBe(true);
      expect((await page('from=2024-03-18&to=2024-03-19')).total).toBe(72);
      expect((await page('to=2024-03-17')).total).toBe(0);
      const strong = await all('min_score=30');
      expect(strong.length).toBeGreaterThan(0);
      expect(strong.every((r) => r.score >= 30)).toBe(true);
      expect(strong.length).toBe((await all('x=1')).filter((r) => r.score >= 30).length);
    });

    it('filters on a campaign: declarations queued by a rule, or matching it', async () => {
      const queued = await all(`campaign_id=${medicines}`);
      const { rows: expected } = await t.database.db
        .selectFrom('risk_campaign_items')
        .select('declaration_id')
        .where('campaign_id', '=', medicines)
        .execute()
        .then((r) => ({ rows: r }));
      expect(expected.length).toBeGreaterThan(0);
      expect(queued.length).toBe(expected.length);
      // Nothing queued for phones: every declaration with a phone line matches.
      const matching = await all(`campaign_id=${phones}`);
      const withPhones = await t.database.db
        .selectFrom('declaration_items')
        .select((eb) => eb.fn.count<number>('declaration_id').distinct().as('n'))
        .where('hs_code', '=', '8517120000')
        .executeTakeFirstOrThrow();
      expect(matching.length).toBe(Number(withPhones.n));
      expect(matching.length).toBeLessThan(72);
    });

    it('status tells the declarations with an outcome from the pending ones', async () => {
      const controlled = await page('status=controlled');
      expect(controlled.items.map((r) => r.reference)).toEqual([controlledRef]);
      expect(controlled.items[0]).toMatchObject({ status: 'controlled', items: 2, controlled_items: 1 });
      const pending = await all('status=pending');
      expect(pending.length).toBe(71);
      expect(pending.every((r) => r.status === 'pending' && r.controlled_items === 0)).toBe(true);
    });

    it('adds the importer, the item counts and the main reason of each row', async () => {
      const rows = await all('office=301');
      for (const r of rows) {
        expect(r.importer_code).toMatch(/^IMP[0-3]$/);
        expect(r.items).toBe(2);
      }
      const imp = rows.find((r) => r.importer_code === 'IMP1')!;
      expect(imp.importer_name).toBe('Importer 1');
      const textile = rows.find((r) => r.top_reason?.id === 'national/textiles')!;
      expect(textile.top_reason).toEqual({
        source: 'rule',
        id: 'national/textiles',
        points: 30,
        // The rule has no Arabic title: Arabic reads the French one.
        title: { en: 'Rule textiles', fr: 'Règle textiles', ar: 'Règle textiles' },
      });
    });
  });

  describe('sorting and paging', () => {
    it('sorts on every whitelisted key, both ways', async () => {
      const keys: Record<string, (r: Row) => number | string> = {
        score: (r) => r.score,
        expected_value: (r) => r.expected_value,
        day: (r) => r.lodged_on,
        office: (r) => r.office,
        channel: (r) => SEVERITY[r.channel]!,
        reference: (r) => r.reference,
      };
      for (const [sort, key] of Object.entries(keys))
        for (const order of ['asc', 'desc'] as const) {
          const rows = await all(`sort=${sort}&order=${order}`);
          expect(rows.length).toBe(72);
          for (let i = 1; i < rows.length; i++) {
            const a = key(rows[i - 1]!);
            const b = key(rows[i]!);
            if (order === 'asc') expect(a <= b, `${sort} ${order}`).toBe(true);
            else expect(a >= b, `${sort} ${order}`).toBe(true);
          }
        }
    });

    it('pages deterministically even when the sort key ties (office, channel)', async () => {
      for (const sort of ['office', 'channel', 'day']) {
        const whole = await all(`sort=${sort}&order=asc`);
        const paged = await all(`sort=${sort}&order=asc`, 7);
        expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
        expect(new Set(paged.map((r) => r.id)).size).toBe(72);
      }
    });
  });

  describe('office scoping', () => {
    it('an officer sees their office only, whatever the filters, and the counts follow', async () => {
      const own = await page('limit=500', officer301);
      expect(own.total).toBe(60);
      expect(own.items.every((r) => r.office === '301')).toBe(true);
      expect((await page('office=302', officer301)).total).toBe(0);
      const selected = await page('selected=true&sort=office&order=desc', officer301);
      expect(selected.items.every((r) => r.office === '301')).toBe(true);
      expect(selected.summary.selected).toBe(selected.total);
      const phonesOwn = await page(`campaign_id=${phones}&limit=500`, officer301);
      expect(phonesOwn.items.every((r) => r.office === '301')).toBe(true);
    });
  });
});
