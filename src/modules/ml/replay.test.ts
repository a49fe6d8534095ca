/**
 * The exploration replay as a job (decision 0040), on both databases: bad requests get a clear 400 (bad period,
 * share outside [0, 1], unknown strategy, no model), the routes check their permissions, and a replay over 2020
 * of the KCS sample runs as a job with progress, its results stored and served per strategy and week.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { getJob, type JobView } from '../../platform/jobs/store.ts';
import { declarationsTarget } from '../declarations/index.ts';
import { unregisterModelScorer } from '../risk/index.ts';
import { SYSTEM } from '../risk/testing/fixtures.ts';
import { trainModel } from './api.ts';
import { registerModel } from './registry.ts';
import { loadKcsSample } from './testing/kcs.ts';

const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;
const PERIOD = { from: '2020-01-01', to: '2020-12-31' };

describeEachDatabase('exploration replays', (t) => {
  let opened: TestApp;
  let analyst: Awaited<ReturnType<typeof userWithToken>>;
  let officer: Awaited<ReturnType<typeof userWithToken>>;
  beforeAll(async () => {
    const imported = await runImport(t.database, declarationsTarget, {
      file: sample,
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(imported.ok).toBe(true);
    opened = await testApp(t.database, {}, { jobs: 'work' });
    analyst = await userWithToken(t.database, ['analyst']);
    officer = await userWithToken(t.database, ['officer']);
  });
  afterAll(async () => {
    unregisterModelScorer();
    await opened?.close();
  });

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    who: { headers: Record<string, string> } = analyst,
  ) => {
    const response = await opened.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const start = (body: object) =>
    call('POST', '/api/models/replays', { ...PERIOD, exploration_share: 0.2, ...body });

  it('refuses a replay without any model with a clear 400, and queues nothing', async () => {
    const refused = await start({});
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'model.no_model' });
    expect(refused.body.message).toMatch(/no model is active/);
    const unknown = await start({ model_id: 999 });
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'model.no_model', message: 'no model #999' },
    });
    expect((await call('GET', '/api/models/replays')).body).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a bad period, a share outside [0, 1] and unknown strategies with a 400 naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{ from: '2020-13-01' }, /from/],
      [{ from: '2020-12-31', to: '2020-01-01' }, /to comes before from/],
      [{ from: '2020-01-01', to: '2020-02-15' }, /at least 63 days/],
      [{ exploration_share: 1.5 }, /exploration share must be from 0 to 1/],
      [{ exploration_share: -0.1 }, /exploration share must be from 0 to 1/],
      [{ exploration_share: 'half' }, /exploration share must be a number/],
      [{ inspection_rate: 0 }, /inspection rate must be above 0/],
      [{ strategies: ['greedy'] }, /strategies/],
      [{ strategies: ['exploit', 'exploit'] }, /named twice/],
      [{ strategies: [] }, /at least one strategy/],
    ];
    for (const [body, message] of cases) {
      const refused = await start({ model_id: 1, ...body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code).toBe('request.invalid');
      expect(refused.body.message).toMatch(message);
    }
    expect((await call('GET', '/api/models/replays/not-a-uuid')).status).toBe(400);
    expect(
      (await call('GET', '/api/models/replays/00000000-0000-4000-8000-000000000000')).body,
    ).toMatchObject({
      code: 'model.replay_not_found',
    });
  });

  it('needs models:manage to start a replay and models:read to read one', async () => {
    expect((await start({ model_id: 1 })).status).toBe(400);
    const forbidden = await call(
      'POST',
      '/api/models/replays',
      { ...PERIOD, exploration_share: 0.2 },
      officer,
    );
    expect(forbidden.status).toBe(403);
    const anonymous = await opened.app.inject({ method: 'GET', url: '/api/models/replays' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('runs as a job with progress and serves precision, recoveries and frauds found only by exploration', {
    timeout: 240_000,
  }, async () => {
    const trained = trainModel(
      loadKcsSample().filter((l) => l.lodged_on <= '2020-12-31'),
      { params: { nTrees: 10, learningRate: 0.3, earlyStoppingRounds: 5 }, holdoutDays: 60, anomaly: false },
    );
    const model = await registerModel(t.database, SYSTEM, trained, { name: 'replay-test', notes: null });
    const queued = await start({ model_id: model.id, strategies: ['exploit', 'hybrid-random'] });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'model.replay', state: 'queued' });
    const deadline = Date.now() + 200_000;
    let job: JobView | undefined;
    while (Date.now() < deadline) {
      job = await getJob(t.database.db, queued.body.id);
      if (job && ['completed', 'failed'].includes(job.state)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job).toMatchObject({ state: 'completed', unit: 'weeks' });
    expect(job!.done).toBe(job!.total);
    const read = await call('GET', `/api/models/replays/${queued.body.id}`, undefined, analyst);
    expect(read.status).toBe(200);
    const replay = read.body.replay;
    expect(replay).toMatchObject({
      model_id: model.id,
      ...PERIOD,
      exploration_share: 0.2,
      inspection_rate: 0.1,
    });
    expect(replay.strategies).toEqual(['exploit', 'hybrid-random']);
    expect(replay.results.map((r: { strategy: string }) => r.strategy)).toEqual(['exploit', 'hybrid-random']);
    const [exploit, hybrid] = replay.results;
    expect(exploit.weeks.length).toBeGreaterThan(30);
    expect(hybrid.weeks.length).toBe(exploit.weeks.length);
    for (const w of exploit.weeks) expect([w.explored, w.caughtByExploration]).toEqual([0, 0]);
    for (const w of hybrid.weeks) {
      expect(w.caughtByExploration).toBeLessThanOrEqual(Math.min(w.caught, w.explored));
      expect(w.dutiesByExploration).toBeLessThanOrEqual(w.dutiesCaught + 1e-6);
    }
    expect(hybrid.weeks.reduce((s: number, w: { explored: number }) => s + w.explored, 0)).toBeGreaterThan(0);
    const list = await call('GET', '/api/models/replays');
    expect(list.body.items.map((j: JobView) => j.id)).toEqual([queued.body.id]);
  });
});
