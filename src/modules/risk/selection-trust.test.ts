/**
 * The two selections an analyst questioned (issue 15), replayed on small fixtures: the only red slot went to a
 * random pick while rank 1 went yellow (office 30, 8 Jan 2021), and capacity was filled with a declaration scoring
 * −26 (office 33, 7 Jan 2021). Every channel now says which capacity or threshold decided it, and random picks are
 * marked as such in the queue.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { type NativeRow, nativeRow } from '../../../test/factories.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { runSelection } from './decisions.ts';
import { setOfficeParams } from './offices.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY30 = '2021-01-08';
const DAY33 = '2021-01-07';

function rows(): NativeRow[] {
  const out: NativeRow[] = [
    // Office 30: one declaration nearly certain to be a fraud, nine weak ones.
    nativeRow({ reference: 'T30-TOP', office: '30', lodged_on: DAY30, hs_code: '9503000000' }),
  ];
  for (let i = 0; i < 9; i++)
    out.push(nativeRow({ reference: `T30-W${i}`, office: '30', lodged_on: DAY30, hs_code: '8517120000' }));
  // Office 33: one risky declaration, one a known-good pattern (−26 points), one with nothing at all.
  out.push(nativeRow({ reference: 'T33-TOP', office: '33', lodged_on: DAY33, hs_code: '9503000000' }));
  out.push(nativeRow({ reference: 'T33-GOOD', office: '33', lodged_on: DAY33, hs_code: '0901110000' }));
  out.push(nativeRow({ reference: 'T33-NONE', office: '33', lodged_on: DAY33, hs_code: '4202000000' }));
  return out;
}

const document = {
  description: 'Issue 15 fixtures',
  scoring: { base_probability: 0.1, minimum_score: { red: 40, yellow: 10 } },
  rules: [
    rule('toys', { field: 'item.hs_code', hs_prefix: '9503' }, { points: 78 }, { probability: 0.958 }),
    rule('phones', { field: 'item.hs_code', hs_prefix: '8517' }, { points: 9 }, { probability: 0.188 }),
    rule('coffee', { field: 'item.hs_code', hs_prefix: '0901' }, { points: -26 }, { probability: 0.0067 }),
  ],
};

interface QueueRow {
  reference: string;
  channel: string;
  basis: string;
  random: boolean;
  top_reason: { source: string; title: { en: string; fr: string } | null } | null;
}

describeEachDatabase('selection rules an analyst can trust', (t) => {
  let opened: TestApp;
  let app: FastifyInstance;
  let analyst: Record<string, string>;

  async function decision(reference: string) {
    return t.database.db
      .selectFrom('risk_decisions')
      .select(['channel', 'basis', 'rank', 'explanation'])
      .where('reference', '=', reference)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
  }

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, rows());
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document,
      reason: 'issue 15 fixtures',
    });
    await activateProfile(t.database, SYSTEM, created.id, 'tested');
    // Office 30: 2 items a day; red 3 % and yellow 2 % of what the random share leaves.
    await setOfficeParams(t.database, SYSTEM, '30', { capacity_items: 2, random_rate: 0.05, rate_blue: 0 });
    await setOfficeParams(t.database, SYSTEM, '33', { capacity_items: 10, random_rate: 0, rate_blue: 0 });
    opened = await testApp(t.database);
    app = opened.app;
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
  });
  afterAll(() => opened?.close());

  it('office 30: the random pick comes from its own share and rank 1 keeps the red slot, each saying why', async () => {
    // A random share of 0.5 of 2 items is exactly one pick; the seed draws a weak declaration.
    const run = await runSelection(t.database, SYSTEM, {
      office: '30',
      day: DAY30,
      seed: 'issue-15',
      random_share: 0.5,
    });
    expect(run.slots).toEqual({ random: 1, red: 1, yellow: 0 });
    expect(run.minimum_score).toEqual({ red: 40, yellow: 10 });
    const picked = run.decisions.find((d) => d.basis === 'random')!;
    expect(picked.reference).toMatch(/^T30-W/);
    const top = await decision('T30-TOP');
    expect(top).toMatchObject({ channel: 'red', basis: 'ranked', rank: 1 });
    expect(top.explanation.en).toContain(
      'red: within the red slots (capacity 2 items: 1 random, 1 red, 0 yellow), score 78 ≥ red minimum 40',
    );
    expect(top.explanation.fr).toContain('rouge : dans les places rouges (capacité 2 articles');
    const random = await decision(picked.reference);
    expect(random.channel).toBe('red');
    expect(random.explanation.en).toMatch(
      /^Red channel \(physical inspection\): random selection \(exploration\): drawn at random/,
    );
    expect(random.explanation.en).toContain('the ranked declarations keep theirs');
    expect(random.explanation.fr).toMatch(
      /^Circuit rouge \(visite physique\) : sélection aléatoire \(exploration\)/,
    );
    // The weak ones score 9, below the yellow minimum 10: green, and they say so.
    const weak = run.decisions.find((d) => d.basis === 'none')!;
    expect((await decision(weak.reference)).explanation.en).toContain(
      'score 9 below the yellow minimum 10 (red minimum 40): not controlled, whatever the capacity',
    );
    // The audit names the split of the capacity and the minimums.
    const audit = await listAudit(t.database.db, { action: 'risk.selection_run' }, { limit: 1, offset: 0 });
    expect(audit.items[0]!.details).toMatchObject({
      slots: { random: 1, red: 1, yellow: 0 },
      minimum_score: { red: 40, yellow: 10 },
    });
  });

  it('marks random picks in the queue: a flag and the main reason "random selection (exploration)"', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/risk/decisions?office=30&channel=red',
      headers: analyst,
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { items: QueueRow[] }).items;
    expect(rows.length).toBe(2);
    const random = rows.find((r) => r.basis === 'random')!;
    expect(random.random).toBe(true);
    expect(random.top_reason).toMatchObject({
      source: 'random',
      title: { en: 'random selection (exploration)', fr: 'sélection aléatoire (exploration)' },
    });
    const ranked = rows.find((r) => r.basis === 'ranked')!;
    expect(ranked.random).toBe(false);
    expect(ranked.top_reason?.source).toBe('rule');
  });

  it('office 33: capacity is never filled with declarations below the minimum score', async () => {
    const run = await runSelection(t.database, SYSTEM, { office: '33', day: DAY33, seed: 'issue-15' });
    const channels = Object.fromEntries(run.decisions.map((d) => [d.reference, [d.channel, d.basis]]));
    expect(channels).toEqual({
      'T33-TOP': ['red', 'ranked'],
      'T33-GOOD': ['green', 'none'],
      'T33-NONE': ['green', 'none'],
    });
    expect(run.selected_items).toBe(1);
    const good = await decision('T33-GOOD');
    expect(good.explanation.en).toMatch(/score [−-]26 below the yellow minimum 10 \(red minimum 40\)/);
    expect(good.explanation.fr).toMatch(/score [−-]26 sous le minimum jaune 10/);
    const none = await decision('T33-NONE');
    expect(none.explanation.en).toContain('no risk indicator; score 0 below the yellow minimum 10');
  });

  it('says who took the red slot when rank 1 goes yellow', async () => {
    // A rule forcing red on one weak declaration: it takes the only red slot before any ranking.
    const forced = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document: {
        ...document,
        rules: [
          ...document.rules,
          rule('watched', { field: 'reference', equals: 'T30-W0' }, { points: 1, channel: 'red' }),
        ],
      },
      reason: 'force one declaration',
    });
    await activateProfile(t.database, SYSTEM, forced.id, 'tested');
    await setOfficeParams(t.database, SYSTEM, '30', { capacity_items: 2, random_rate: 0, rate_blue: 0 });
    await runSelection(t.database, SYSTEM, { office: '30', day: DAY30, seed: 'issue-15' });
    expect(await decision('T30-W0')).toMatchObject({ channel: 'red', basis: 'forced' });
    const top = await decision('T30-TOP');
    expect(top).toMatchObject({ channel: 'yellow', basis: 'ranked', rank: 1 });
    expect(top.explanation.en).toContain(
      'yellow although rank 1: red slots taken by T30-W0 (capacity 2 items: 0 random, 1 red, 1 yellow); score 78 ≥ red minimum 40',
    );
    expect(top.explanation.fr).toContain('jaune bien que rang 1 : places rouges prises par T30-W0');
  });
});
