import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { loadDemo } from '../../app/demo/demo.ts';
import type { BacktestResult } from './backtest.ts';
import { registerModelScorer, unregisterModelScorer } from './model.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { resetRisk, SYSTEM } from './testing/fixtures.ts';

const STARTER = new URL('../../../profiles/risk/kcs-starter.yaml', import.meta.url);

describeEachDatabase('back-test of the KCS starter profile', (t) => {
  let opened: TestApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await loadDemo(t.database); // 3,116 KCS declarations of 2020 and the partner files
    opened = await testApp(t.database, {}, { jobs: 'work' });
    analyst = (await userWithToken(t.database, ['analyst'])).headers;
  });
  afterAll(() => opened?.close());

  async function runJob(payload: Record<string, unknown>): Promise<BacktestResult> {
    const queued = await opened.app.inject({
      method: 'POST',
      url: '/api/risk/backtests',
      headers: analyst,
      payload,
    });
    expect(queued.statusCode).toBe(202);
    const id = queued.json().job.id as string;
    for (let i = 0; i < 600; i++) {
      const job = (
        await opened.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: analyst })
      ).json();
      if (job.state === 'completed') {
        expect(job.unit).toBe('months');
        expect(job.done).toBe(job.total);
        return job.result as BacktestResult;
      }
      if (['failed', 'cancelled'].includes(job.state))
        throw new Error(`back-test ${job.state}: ${job.error}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the back-test did not finish');
  }

  it('reports precision, hits and the load per office per day, compared with the active profile', async () => {
    const text = readFileSync(STARTER, 'utf8');
    const v1 = await createProfileVersion(t.database, SYSTEM, {
      name: 'kcs-starter',
      text,
      reason: 'starter profile',
    });
    await activateProfile(t.database, SYSTEM, v1.id, 'back-tested');
    // A draft that ranks by probability instead of expected value, back-tested against the active one.
    const v2 = await createProfileVersion(t.database, SYSTEM, {
      name: 'kcs-starter',
      text: text.replace('  red_score: 60', '  rank_by: probability\n  red_score: 60'),
      reason: 'rank by probability',
    });
    // An active model knows the back-test's future: it must not be asked.
    registerModelScorer({
      name: 'trained on 2020',
      score: () => {
        throw new Error('a back-test asked the active model');
      },
    });
    const result = await runJob({ profile_id: v2.id, from: '2020-01-01', to: '2020-12-31' }).finally(() =>
      unregisterModelScorer('trained on 2020'),
    );
    expect(result.profile).toEqual([{ id: v2.id, name: 'kcs-starter', version: 2 }]);
    expect(result.references).toBe('rolling');
    const c = result.candidate;
    expect(c.items).toBe(3116);
    expect(c.inspected).toBe(3116);
    expect(c.base_fraud_rate).toBeGreaterThan(0.15);
    // Within capacity: at most about 5 % of the items selected (rates 3 % red + 2 % yellow, rounded day by day),
    // less on days when too few declarations reach the profile's minimum scores (decision 0022).
    expect(c.selection.share).toBeGreaterThan(0.02);
    expect(c.selection.share).toBeLessThan(0.07);
    expect(c.selection.precision).toBeGreaterThan(c.base_fraud_rate!);
    expect(c.selection.random.items).toBeGreaterThanOrEqual(0);
    const rules = Object.fromEntries(c.rules.map((r) => [r.rule, r]));
    expect(rules['kcs-starter/same-goods-compliant-before']!.hits).toBeGreaterThan(0);
    expect(rules['kcs-starter/importer-not-registered']!.hits).toBeGreaterThan(0);
    expect(rules['kcs-starter/payments-exceed-value']!.precision).not.toBeUndefined();
    expect(c.load_per_office.length).toBeGreaterThan(3);
    const office = c.load_per_office[0]!;
    expect(office.per_day_mean).toBeGreaterThan(0);
    expect(office.per_day_max).toBeGreaterThanOrEqual(office.per_active_day_mean);
    expect(result.active?.profiles).toEqual([{ id: v1.id, name: 'kcs-starter', version: 1 }]);
    expect(result.active?.report.items).toBe(3116);
  });
});
