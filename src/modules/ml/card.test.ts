/**
 * Model cards on both databases: promotion refuses a model without one (and changes nothing), the routes check
 * their permissions, and a card generated from a model trained on 2020 evaluates it on 2021 (with and without
 * exact repeats), with bias tables, drift, excluded features, limits and — once promoted — who promoted it; the
 * Markdown and PDF exports escape what came from outside and are audited.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from '../declarations/index.ts';
import { unregisterModelScorer } from '../risk/index.ts';
import { SYSTEM } from '../risk/testing/fixtures.ts';
import { trainModel } from './api.ts';
import { EXCLUDED_FEATURES, generateCard, readCard } from './card.ts';
import { cardMarkdown, mdText } from './card-render.ts';
import { getModelSummary, registerModel } from './registry.ts';
import { loadKcsSample } from './testing/kcs.ts';

const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;
const HOSTILE = 'kcs <script>alert(1)</script> | **bold** [x](javascript:alert(1))';

describeEachDatabase('model cards', (t) => {
  let opened: TestApp;
  let analyst: Awaited<ReturnType<typeof userWithToken>>;
  let auditor: Awaited<ReturnType<typeof userWithToken>>;
  let officer: Awaited<ReturnType<typeof userWithToken>>;
  let id = 0;
  beforeAll(async () => {
    const imported = await runImport(t.database, declarationsTarget, {
      file: sample,
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(imported.ok).toBe(true);
    const trained = trainModel(
      loadKcsSample().filter((l) => l.lodged_on <= '2020-12-31'),
      {
        params: { nTrees: 40, learningRate: 0.2, earlyStoppingRounds: 10 },
        holdoutDays: 60,
        withoutRepeat: true,
      },
    );
    id = (await registerModel(t.database, SYSTEM, trained, { name: HOSTILE, notes: `notes\n# ${HOSTILE}` }))
      .id;
    opened = await testApp(t.database);
    analyst = await userWithToken(t.database, ['analyst']);
    auditor = await userWithToken(t.database, ['auditor']);
    officer = await userWithToken(t.database, ['officer']);
  });
  afterAll(async () => {
    unregisterModelScorer();
    await opened?.close();
  });

  const call = async (
    who: { headers: Record<string, string> },
    method: 'GET' | 'POST',
    url: string,
  ): Promise<{ status: number; body: Record<string, unknown>; raw: Buffer; type: string }> => {
    const response = await opened.app.inject({ method, url, headers: who.headers });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      body: type.startsWith('application/json') ? response.json() : {},
      raw: response.rawPayload,
      type,
    };
  };

  it('refuses to promote a model without a card, changing nothing', async () => {
    const refused = await call(analyst, 'POST', `/api/models/${id}/promote`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'model.card_missing' });
    expect(String(refused.body.message)).toContain(`vigie model card ${id} --generate`);
    expect((await getModelSummary(t.database.db, id))?.status).toBe('candidate');
    const promoted = await listAudit(t.database.db, { action: 'model.promoted' }, { limit: 5, offset: 0 });
    expect(promoted.total).toBe(0);
  });

  it('answers 404 for a missing card or model, 403 without the permission', async () => {
    expect((await call(analyst, 'GET', `/api/models/${id}/card`)).body).toMatchObject({
      code: 'model.card_missing',
    });
    expect((await call(analyst, 'GET', `/api/models/${id}/card/export?format=md`)).status).toBe(404);
    expect((await call(analyst, 'GET', '/api/models/999999/card')).body).toMatchObject({
      code: 'model.not_found',
    });
    expect((await call(analyst, 'POST', '/api/models/999999/card')).status).toBe(404);
    expect((await call(analyst, 'GET', `/api/models/${id}/card/export?format=docx`)).status).toBe(400);
    expect((await call(officer, 'GET', `/api/models/${id}/card`)).status).toBe(403);
    expect((await call(auditor, 'POST', `/api/models/${id}/card`)).status).toBe(403);
    const exported = await listAudit(t.database.db, { action: 'model.card_*' }, { limit: 5, offset: 0 });
    expect(exported.total).toBe(0);
  });

  it('generates a card: training data, features, later evaluation with and without repeats, bias, drift, limits', async () => {
    const generated = await call(analyst, 'POST', `/api/models/${id}/card`);
    expect(generated.status).toBe(201);
    const { card, promotion } = generated.body as unknown as NonNullable<
      Awaited<ReturnType<typeof readCard>>
    >;
    expect(promotion).toMatchObject({ status: 'candidate', promoted_by: null, promoted_at: null });
    expect(card.model).toMatchObject({
      id,
      name: HOSTILE,
      target: 'fraud',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(card.generated_by).toBe(analyst.user.username);
    expect(card.data).toMatchObject({ from: expect.stringMatching(/^2020-01-/), to: '2020-12-31' });
    expect(card.data.lines).toBeGreaterThan(200);
    // Features: what the trees use, never names or personal attributes; the exclusions say why.
    expect(card.features.count).toBe(card.features.used.length);
    expect(card.features.used.map((f) => f.name)).toContain('repeat_n');
    expect(card.features.used.some((f) => /name|nationality|description|seller_country/.test(f.name))).toBe(
      false,
    );
    expect(card.features.excluded).toEqual(EXCLUDED_FEATURES);
    expect(card.holdout?.without_repeat).toMatchObject({ auc: expect.any(Number) });
    // The later period is 2021 (the sample's 408 lines after training), judged with and without exact repeats.
    expect(card.later).toMatchObject({ from: expect.stringMatching(/^2021-01-/), lines: 408 });
    const all = card.later!.all!;
    const plain = card.later!.without_repeats!;
    expect(all.n).toBe(card.later!.labelled);
    expect(plain.n).toBeLessThan(all.n);
    expect(plain.n).toBeGreaterThan(20);
    expect(all.at.map((a) => a.share)).toEqual([0.01, 0.05, 0.1, 0.2]);
    expect(card.bias!.by_office.reduce((n, r) => n + r.n, 0)).toBe(408);
    expect(card.bias!.by_origin.length).toBeLessThanOrEqual(12);
    expect(card.bias!.by_origin.reduce((n, r) => n + r.n, 0)).toBe(408);
    expect(card.drift).toMatchObject({ score_psi: expect.any(Number), current_lines: 408 });
    expect(card.limits.some((l) => l.includes('exact repeats'))).toBe(true);
    const trail = await listAudit(t.database.db, { action: 'model.card_generated' }, { limit: 5, offset: 0 });
    expect(trail.items.map((e) => [e.target_id, e.actor])).toEqual([[String(id), analyst.user.username]]);
  });

  it('promotes a model with a card, and the card then says who promoted it and when', async () => {
    const promoted = await call(analyst, 'POST', `/api/models/${id}/promote`);
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    const read = await call(auditor, 'GET', `/api/models/${id}/card`);
    expect(read.status).toBe(200);
    expect(read.body.promotion).toMatchObject({
      status: 'active',
      promoted_by: analyst.user.username,
      promoted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('exports Markdown with outside text escaped, and a PDF with searchable text; both audited', async () => {
    const md = await call(auditor, 'GET', `/api/models/${id}/card/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.type).toMatch(/^text\/markdown/);
    const text = md.raw.toString('utf8');
    for (const heading of [
      '## Training data',
      '## Features',
      '## Evaluation',
      '## Bias on the later period',
      '## Drift since training',
      '## Known limits',
    ])
      expect(text).toContain(heading);
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/\n# kcs/);
    expect(text).toContain(mdText(HOSTILE));
    expect(text).toContain(`promoted`);
    expect(text).toContain(analyst.user.username);
    expect(text).toMatch(/\| without exact repeats \|/);
    expect(text).toBe(cardMarkdown((await readCard(t.database.db, id))!));

    const pdf = await call(auditor, 'GET', `/api/models/${id}/card/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    // The embedded font's Unicode map lists the glyphs used: the text can be searched and copied.
    const streams = [...pdf.raw.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)];
    const maps = streams
      .map((s) => {
        try {
          return inflateSync(Buffer.from(s[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .filter((s) => s.includes('beginbfchar') || s.includes('beginbfrange'));
    expect(maps.length).toBeGreaterThan(0);

    const exports = await listAudit(
      t.database.db,
      { action: 'model.card_exported' },
      { limit: 5, offset: 0 },
    );
    expect(exports.items.map((e) => [e.actor, (e.details as { format: string }).format])).toEqual([
      [auditor.user.username, 'pdf'],
      [auditor.user.username, 'md'],
    ]);
  });

  it('keeps every generation; the newest counts', async () => {
    const before = (await readCard(t.database.db, id))!.card.generated_at;
    await new Promise((r) => setTimeout(r, 5));
    const again = await generateCard(t.database, SYSTEM, id);
    expect(again.card.generated_at > before).toBe(true);
    expect(again.card.generated_by).toBe(SYSTEM.name);
    expect((await readCard(t.database.db, id))!.card.generated_at).toBe(again.card.generated_at);
  });
});
