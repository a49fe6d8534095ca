/**
 * The osint API as investigators, auditors and others use it: sources, collections as jobs, items, evidence,
 * sellers, watchlist, alerts and decisions, analysis on demand. The fake marketplace runs on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { type Marketplace, startMarketplace } from './testing/marketplace.ts';

type Headers = Record<string, string>;

function multipart(file: { name: string; content: string }) {
  const boundary = `----vigie${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/x-ndjson\r\n\r\n`,
    ),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDatabase('osint API', (t) => {
  let opened: TestApp;
  let market: Marketplace;
  const users = {} as Record<'admin' | 'investigator' | 'auditor' | 'analyst', Headers>;
  beforeAll(async () => {
    market = await startMarketplace();
    opened = await testApp(t.database, { uploadMaxMb: 1 }, { jobs: 'work' });
    for (const role of ['admin', 'investigator', 'auditor', 'analyst'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(async () => {
    await opened?.close();
    await market?.close();
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
  const finished = async (jobId: string, headers = users.investigator) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await call('GET', `/api/osint/jobs/${jobId}`, headers)).json();
      if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state}: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const polite = { rate_per_second: 50, retries: 0, timeout_seconds: 10 };
  let souk: number;

  it('manages sources: located validation errors, private networks for administrators only, audited', async () => {
    const bad = await call('POST', '/api/osint/sources', users.investigator, {
      name: 'souk',
      type: 'web',
      config: { start_urls: ['ftp://x'], max_depth: 50 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'osint.invalid_config' });
    expect(bad.json().details.problems.map((p: { path: string }) => p.path)).toEqual([
      'config.start_urls[0]',
      'config.max_depth',
    ]);
    const config = {
      start_urls: [`${market.url}/listings?page=1`],
      max_depth: 2,
      follow: ['/listings', '/item/', '/broken', '/binary'],
      item_urls: ['/item/\\d+'],
      allow_private_network: true,
      ...polite,
    };
    const notAdmin = await call('POST', '/api/osint/sources', users.investigator, {
      name: 'souk',
      type: 'web',
      config,
    });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().code).toBe('osint.private_network_admin_only');
    expect(
      (await call('POST', '/api/osint/sources', users.analyst, { name: 'souk', type: 'web', config }))
        .statusCode,
    ).toBe(403);
    const created = await call('POST', '/api/osint/sources', users.admin, {
      name: 'souk',
      type: 'web',
      config,
    });
    expect(created.statusCode).toBe(201);
    souk = created.json().id;
    expect(created.json()).toMatchObject({
      name: 'souk',
      type: 'web',
      enabled: true,
      interval_minutes: null,
    });
    expect(created.json().config).toMatchObject({
      max_pages: 200,
      user_agent: expect.stringMatching(/VigieBot/),
    });
    const twice = await call('POST', '/api/osint/sources', users.admin, {
      name: 'souk',
      type: 'web',
      config,
    });
    expect(twice.statusCode).toBe(409);

    const scheduled = await call('PATCH', `/api/osint/sources/${souk}`, users.investigator, {
      interval_minutes: 60,
    });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().health.next_run_at).not.toBeNull();
    await call('PATCH', `/api/osint/sources/${souk}`, users.investigator, { interval_minutes: null });

    const list = await call('GET', '/api/osint/sources?q=sou', users.auditor);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: souk }] });
    expect((await call('GET', '/api/osint/sources', users.analyst)).statusCode).toBe(403);
    expect((await call('GET', '/api/osint/sources/999999', users.auditor)).statusCode).toBe(404);

    const audit = await call('GET', '/api/audit?action=osint.*', users.admin);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['osint.source.created', 'osint.source.updated']),
    );
  });

  it('collects as a job that investigators follow, and serves items, evidence, sellers and alerts', async () => {
    expect((await call('POST', `/api/osint/sources/${souk}/collect`, users.auditor, {})).statusCode).toBe(
      403,
    );
    const started = await call('POST', `/api/osint/sources/${souk}/collect`, users.investigator, {});
    expect(started.statusCode).toBe(202);
    const job = await finished(started.json().job.id);
    expect(job).toMatchObject({ state: 'completed', kind: 'osint.collect' });
    expect(job.result).toMatchObject({ status: 'partial', items_new: 10, reposts: 2 });

    const all = (await call('GET', '/api/osint/items', users.auditor)).json();
    const ads = (await call('GET', '/api/osint/items?group=true', users.auditor)).json();
    expect(all.total).toBe(10);
    expect(ads.total).toBe(8);
    const rolex = ads.items.find((i: { title: string }) => i.title === 'Rolex Daytona réplique AAA');
    expect(rolex).toMatchObject({ label: 'counterfeit', reposts: 1 });
    const detail = (await call('GET', `/api/osint/items/${rolex.id}`, users.auditor)).json();
    expect(detail.group).toHaveLength(2);
    expect(detail.identifiers).toEqual(expect.arrayContaining([{ kind: 'phone', value: '+212612345678' }]));
    expect(detail.signals.length).toBeGreaterThan(0);
    expect(detail.entities.phones).toEqual(['+212612345678']);
    // the learned model's opinion of the text, computed at read time (decision 0032)
    const p = detail.model.probabilities;
    expect(Object.keys(p).sort()).toEqual(['benign', 'counterfeit', 'duty_evasion', 'health_risk']);
    expect(Math.abs(Object.values<number>(p).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    expect(detail.model.trained_on).toMatch(/real corpus/);

    const evidence = (await call('GET', `/api/osint/evidence/${detail.evidence_id}`, users.auditor)).json();
    expect(evidence).toMatchObject({ method: 'http', http_status: 200 });
    const content = await call('GET', `/api/osint/evidence/${detail.evidence_id}/content`, users.auditor);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(createHash('sha256').update(content.rawPayload).digest('hex')).toBe(evidence.sha256);
    expect((await call('GET', '/api/osint/evidence/verify', users.auditor)).json()).toMatchObject({
      ok: true,
      checked: 10,
    });

    const sellers = (await call('GET', '/api/osint/sellers?min_score=0.5', users.investigator)).json();
    expect(sellers.total).toBeGreaterThan(0);
    const byPhone = (
      await call('GET', '/api/osint/identifiers?kind=phone&value=0612345678', users.investigator)
    ).json();
    expect(byPhone.seller_ids).toHaveLength(1);
    const seller = (
      await call('GET', `/api/osint/sellers/${byPhone.seller_ids[0]}`, users.investigator)
    ).json();
    expect(seller.identifiers.phones).toContain('+212612345678');
    expect(seller.accounts.map((a: { handle: string }) => a.handle)).toContain('casa_watches');
    const ids = (await call('GET', `/api/osint/sellers/${seller.id}/identifiers`, users.investigator)).json();
    expect(ids).toEqual(seller.identifiers);

    const runs = (await call('GET', `/api/osint/sources/${souk}/runs`, users.auditor)).json();
    expect(runs.items[0]).toMatchObject({ status: 'partial', items_new: 10 });
    expect(runs.items[0].problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['fetch.http_status', 'fetch.unsupported_type']),
    );
  });

  it('lets investigators confirm or dismiss alerts, once, and the classifier learns', async () => {
    const open = (await call('GET', '/api/osint/alerts?status=open&kind=post', users.auditor)).json();
    expect(open.total).toBeGreaterThan(0);
    const alert = open.items[0];
    const path = `/api/osint/alerts/${alert.id}/decision`;
    expect((await call('POST', path, users.auditor, { decision: 'confirm' })).statusCode).toBe(403);
    expect((await call('POST', path, users.investigator, { decision: 'maybe' })).statusCode).toBe(400);
    const confirmed = await call('POST', path, users.investigator, { decision: 'confirm', note: 'vu' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      alert: { status: 'confirmed', decision_label: alert.label },
      model_version: 1,
    });
    const again = await call('POST', path, users.investigator, { decision: 'dismiss' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('osint.alert_decided');
    expect(
      (await call('POST', path, users.investigator, { decision: 'open_case' })).json().alert.status,
    ).toBe('case_opened');
    expect((await call('GET', '/api/osint/model', users.auditor)).json()).toMatchObject({
      version: 1,
      confirmations: 1,
    });
    expect(
      (await call('POST', '/api/osint/alerts/999999/decision', users.investigator, { decision: 'confirm' }))
        .statusCode,
    ).toBe(404);
  });

  it('takes platform exports as uploads, submitted URLs, watch terms, and analyses posts on demand', async () => {
    const file = await call('POST', '/api/osint/sources', users.investigator, {
      name: 'tiktok-export',
      type: 'file',
      config: { format: 'ndjson', mapping: { id: 'id', text: 'desc', author: 'author' }, platform: 'tiktok' },
    });
    expect(file.statusCode).toBe(201);
    const body = multipart({
      name: 'videos.ndjson',
      content:
        '{"id":"v1","desc":"Air Jordan high copy 1:1 400dh DM","author":"kicks_ma"}\nnot json\n{"id":"v3","desc":"Recette de msemen"}\n',
    });
    const upload = await opened.app.inject({
      method: 'POST',
      url: `/api/osint/sources/${file.json().id}/upload`,
      headers: { ...users.investigator, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(202);
    const done = await finished(upload.json().job.id);
    expect(done.result).toMatchObject({ status: 'partial', items_new: 2, errors: 1 });
    expect(done.result.problems[0]).toMatchObject({ where: 'videos.ndjson:2', code: 'input.invalid_json' });
    const notFile = await call('POST', `/api/osint/sources/${souk}/upload`, users.investigator, {});
    expect(notFile.json().code).toBe('osint.not_a_file_source');
    expect(
      (await call('POST', `/api/osint/sources/${file.json().id}/collect`, users.investigator, {})).json()
        .code,
    ).toBe('osint.file_needed');

    // The submitted-URL source may reach the fixture only because an administrator said so.
    await call('POST', '/api/osint/sources', users.admin, {
      name: 'submitted-urls',
      type: 'url',
      config: { allow_private_network: true, ...polite },
    });
    const submitted = await call('POST', '/api/osint/submissions', users.investigator, {
      urls: [`${market.url}/item/11`],
    });
    expect(submitted.statusCode).toBe(202);
    expect((await finished(submitted.json().job.id)).result).toMatchObject({ items_new: 1 });
    for (const url of ['not a url', 'file:///etc/passwd', 'ftp://example.org/x', 'javascript:alert(1)']) {
      expect(
        (await call('POST', '/api/osint/submissions', users.investigator, { urls: [url] })).statusCode,
        url,
      ).toBe(400);
    }

    const term = await call('POST', '/api/osint/watchlist', users.investigator, {
      kind: 'brand',
      value: 'Dior',
    });
    expect(term.statusCode).toBe(201);
    expect(
      (await call('POST', '/api/osint/watchlist', users.investigator, { kind: 'brand', value: 'DIOR' }))
        .statusCode,
    ).toBe(409);
    expect((await call('GET', '/api/osint/watchlist', users.auditor)).json().items).toHaveLength(1);
    expect(
      (await call('DELETE', `/api/osint/watchlist/${term.json().id}`, users.investigator)).statusCode,
    ).toBe(204);
    expect(
      (await call('DELETE', `/api/osint/watchlist/${term.json().id}`, users.investigator)).statusCode,
    ).toBe(404);

    const analysed = await call('POST', '/api/osint/analyze', users.auditor, {
      posts: [
        { id: 1, text: 'Rolex AAA 900dh WhatsApp 0612345678' },
        { id: 'b', text: 'Bonjour à tous' },
      ],
      explain: true,
    });
    expect(analysed.statusCode).toBe(200);
    expect(analysed.json()).toMatchObject({
      model_version: 1,
      items: [
        { id: 1, label: 'counterfeit' },
        { id: 'b', label: 'benign' },
      ],
    });
    expect(analysed.json().items[0].reasons.length).toBeGreaterThan(0);
    expect((await call('POST', '/api/osint/analyze', users.auditor, { posts: [{ id: 1 }] })).statusCode).toBe(
      400,
    );

    const reanalysis = await call('POST', '/api/osint/reanalyze', users.investigator, { source_id: souk });
    expect(reanalysis.statusCode).toBe(202);
    expect((await finished(reanalysis.json().job.id)).result).toMatchObject({ items: 10, model_version: 1 });

    // A source that collected evidence cannot be removed (evidence stays); one that did not can.
    expect((await call('DELETE', `/api/osint/sources/${souk}`, users.investigator)).statusCode).toBe(409);
    const spare = await call('POST', '/api/osint/sources', users.investigator, {
      name: 'spare',
      type: 'feed',
      config: { url: 'https://example.org/feed.xml' },
    });
    expect(
      (await call('DELETE', `/api/osint/sources/${spare.json().id}`, users.investigator)).statusCode,
    ).toBe(204);
  });
});
