import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { getJob, type JobView } from '../../platform/jobs/store.ts';
import { declarationsTarget } from '../declarations/index.ts';
import {
  activateProfile,
  createProfileVersion,
  scoreDeclaration,
  unregisterModelScorer,
} from '../risk/index.ts';
import { SYSTEM } from '../risk/testing/fixtures.ts';
import { activeModel, listModels } from './registry.ts';

const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;

describeEachDatabase('model registry', (t) => {
  let opened: TestApp;
  let analyst: Awaited<ReturnType<typeof userWithToken>>;
  beforeAll(async () => {
    const imported = await runImport(t.database, declarationsTarget, {
      file: sample,
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(imported.ok).toBe(true);
    opened = await testApp(t.database, {}, { jobs: 'work' });
    analyst = await userWithToken(t.database, ['analyst']);
  });
  afterAll(async () => {
    unregisterModelScorer();
    await opened?.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await opened.app.inject({
      method,
      url,
      headers: analyst.headers,
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const retireModelApi = async (id: number) =>
    expect((await call('POST', `/api/models/${id}/retire`)).status).toBe(200);
  const trainAndWait = async (name: string, to: string) => {
    const queued = await call('POST', '/api/models/train', { name, to });
    expect(queued.status).toBe(202);
    const deadline = Date.now() + 120_000;
    let job: JobView | undefined;
    while (Date.now() < deadline) {
      job = await getJob(t.database.db, queued.body.id);
      if (job && ['completed', 'failed'].includes(job.state)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job).toMatchObject({ state: 'completed' });
    return (job!.result as { model_id: number }).model_id;
  };

  it('refuses a window with too few labelled declarations, keeping the error', async () => {
    const queued = await call('POST', '/api/models/train', { name: 'empty', to: '2019-12-31' });
    const deadline = Date.now() + 30_000;
    let job: JobView | undefined;
    while (Date.now() < deadline) {
      job = await getJob(t.database.db, queued.body.id);
      if (job?.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job).toMatchObject({
      state: 'failed',
      error: 'only 0 labelled lines in the window: at least 200 are needed',
    });
  });

  it('trains candidates, promotes one at a time, and explains what each model leans on', {
    timeout: 300_000,
  }, async () => {
    const first = await trainAndWait('kcs-2020', '2020-12-31');
    const second = await trainAndWait('kcs-2020-h1', '2020-06-30');
    expect((await listModels(t.database.db)).map((m) => [m.id, m.status])).toEqual([
      [second, 'candidate'],
      [first, 'candidate'],
    ]);
    const detail = await call('GET', `/api/models/${first}`);
    expect(detail.body).toMatchObject({
      name: 'kcs-2020',
      target: 'fraud',
      trained_to: '2020-12-31',
      status: 'candidate',
    });
    expect(detail.body.importance.length).toBeGreaterThan(5);
    // The headline and, beside it, the same held-out period without the exact-repeat profile.
    expect(detail.body.metrics.holdout).toMatchObject({
      auc: expect.any(Number),
      precisionAt5: expect.any(Number),
      withoutRepeat: {
        auc: expect.any(Number),
        precisionAt5: expect.any(Number),
        precisionAt10: expect.any(Number),
      },
    });

    expect((await call('POST', `/api/models/${first}/promote`)).body).toMatchObject({ status: 'active' });
    expect((await call('POST', `/api/models/${first}/promote`)).body).toMatchObject({
      code: 'model.already_active',
    });
    await call('POST', `/api/models/${second}/promote`);
    expect((await listModels(t.database.db)).map((m) => [m.id, m.status])).toEqual([
      [second, 'active'],
      [first, 'retired'],
    ]);
    expect((await activeModel(t.database.db))?.id).toBe(second);
    const trail = (await listAudit(t.database.db, { action: 'model.*' }, { limit: 10, offset: 0 })).items.map(
      (e) => e.action,
    );
    // Each trained model is registered with its card (decision 0035), so that it can be promoted.
    expect(trail.reverse()).toEqual([
      'model.registered',
      'model.card_generated',
      'model.registered',
      'model.card_generated',
      'model.promoted',
      'model.promoted',
    ]);

    // A model is never judged on its own training window (it refits on its held-out days too): a window that
    // starts inside it starts the day after, and the answer says which period it measured.
    const trainedTo = (await call('GET', `/api/models/${second}`)).body.trained_to as string;
    const dayAfter = new Date(Date.parse(`${trainedTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const query of ['', '?from=2020-01-01&to=2021-03-31']) {
      const inside = await call('GET', `/api/models/${second}/evaluation${query}`);
      expect(inside.status, JSON.stringify(inside.body)).toBe(200);
      expect(inside.body).toMatchObject({ from: dayAfter, clipped: query !== '' });
      expect(inside.body.curve.some((c: { precision: number }) => c.precision < 1)).toBe(true);
      const biasInside = await call('GET', `/api/models/${second}/bias${query}`);
      expect(biasInside.status).toBe(200);
      expect(biasInside.body).toMatchObject({ from: dayAfter, clipped: query !== '' });
    }
    const evaluation = await call('GET', `/api/models/${second}/evaluation?from=2021-01-01`);
    expect(evaluation.status).toBe(200);
    expect(evaluation.body).toMatchObject({ from: '2021-01-01', clipped: false });
    expect(evaluation.body.curve).toHaveLength(8);
    expect(evaluation.body.auc).toBeGreaterThan(0.7);
    expect(evaluation.body.enough).toBe(true);
    // Nothing after the training window yet (a model trained up to the latest data): an empty answer that says
    // so, not an error the page would show in red.
    for (const route of ['evaluation', 'bias']) {
      const empty = await call('GET', `/api/models/${second}/${route}?from=2030-01-01`);
      expect(empty.status, JSON.stringify(empty.body)).toBe(200);
      expect(empty.body).toMatchObject({ from: '2030-01-01', clipped: false, enough: false });
      if (route === 'evaluation') expect(empty.body).toMatchObject({ n: 0, frauds: 0, auc: null, curve: [] });
      else expect(empty.body).toMatchObject({ lines: 0, labelled: 0, by_office: [], by_origin: [] });
    }
    const drift = await call('GET', `/api/models/${second}/drift?from=2021-01-01`);
    expect(drift.body).toMatchObject({ score_psi: expect.any(Number), current_lines: 408 });
    const bias = await call('GET', `/api/models/${second}/bias?from=2021-01-01&share=0.1`);
    expect(bias.body.by_office.reduce((n: number, r: { selected: number }) => n + r.selected, 0)).toBe(41);
    expect(bias.body.by_importer_size.map((r: { group: string }) => r.group).sort()).toEqual(
      expect.arrayContaining(['one declaration']),
    );

    // The promoted model now scores in the risk engine, with its reasons in both languages.
    const text = readFileSync(new URL('../../../profiles/risk/kcs-starter.yaml', import.meta.url), 'utf8');
    const profile = await createProfileVersion(t.database, SYSTEM, {
      name: 'kcs-starter',
      text,
      reason: 'tests of the model scorer',
    });
    await activateProfile(t.database, SYSTEM, Number(profile.id), 'tests of the model scorer');
    const scored = await scoreDeclaration(t.database, { reference: '84902588' });
    expect(scored.model).toBe(`kcs-2020-h1 (#${second})`);
    const item = scored.result.items[0]!;
    expect(item.model).toMatchObject({ name: `kcs-2020-h1 (#${second})`, probability: expect.any(Number) });
    expect(item.model!.reasons.length).toBeGreaterThan(0);
    expect(item.model!.reasons[0]).toMatchObject({ en: expect.any(String), fr: expect.any(String) });
    expect(item.breakdown.some((b) => b.source === 'model')).toBe(true);
    await retireModelApi(second);
    expect((await scoreDeclaration(t.database, { reference: '84902588' })).model).toBeNull();
  });
});
