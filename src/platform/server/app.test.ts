import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { registry } from '../../app/modules.ts';
import { declarationsTarget } from '../../modules/declarations/index.ts';
import { companiesTarget, manifestsTarget, paymentsTarget } from '../../modules/partners/index.ts';
import { resolveProfile } from '../ingest/profile.ts';
import { runImport } from '../ingest/run.ts';
import { createLogger } from '../lib/logger.ts';
import { buildApp } from './app.ts';

const files = tempFiles();

describeEachDatabase('HTTP API', (t) => {
  let app: FastifyInstance;
  let opened: TestApp | undefined;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const imports = [
      { target: declarationsTarget, profile: 'kcs', content: kcsCsv(60) },
      {
        target: companiesTarget,
        profile: 'native',
        content: 'company_id,name,city\nIMP1,Atlas Import,Casablanca\n',
      },
      {
        target: manifestsTarget,
        profile: 'native',
        content:
          'document_number,document_type,consignee_code,declaration_reference\nB1,bill_of_lading,IMP1,10000001\n',
      },
      {
        target: paymentsTarget,
        profile: 'native',
        content:
          'payment_reference,importer_code,paid_on,amount,currency,declaration_reference\nP1,IMP1,2020-01-02,99.5,USD,10000001\n',
      },
    ];
    for (const [i, { target, profile, content }] of imports.entries()) {
      const summary = await runImport(t.database, target as typeof declarationsTarget, {
        file: files.write(`f${i}.csv`, content),
        profile: resolveProfile(target.name, profile),
      });
      expect(summary.ok).toBe(true);
    }
    headers = (await userWithToken(t.database, ['analyst'])).headers;
    opened = await testApp(t.database, { dataDir: files.dir });
    app = opened.app;
  });
  afterAll(() => opened?.close());

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };

  it('answers unknown routes and bad parameters with a code and a message', async () => {
    expect(await get('/api/nothing')).toEqual({
      status: 404,
      body: { code: 'route.not_found', message: 'no route GET /api/nothing' },
    });
    for (const url of [
      '/api/declarations?limit=0',
      '/api/declarations?limit=abc',
      '/api/declarations?hs=62x',
      '/api/declarations?origin=cn',
      '/api/declarations?from=18/03/2020',
      '/api/declarations?sort=password',
      '/api/declarations?result=lost',
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.code, url).toBe('request.invalid');
      expect(body.message, url).toMatch(/^invalid querystring: /);
    }
    const impossible = await get('/api/declarations?from=2020-02-31');
    expect(impossible.status).toBe(400);
    expect(await get('/api/declarations/nope')).toEqual({
      status: 404,
      body: { code: 'declaration.not_found', message: 'no declaration nope' },
    });
  });

  it('treats SQL in every filter as data: no error, no other rows', async () => {
    const attacks = ["1' OR '1'='1", "1'; drop table declarations; --", '%', '_', '\\', "') or true --"];
    for (const filter of ['office', 'importer', 'declarant', 'seller', 'reference']) {
      for (const attack of attacks) {
        const { status, body } = await get(`/api/declarations?${filter}=${encodeURIComponent(attack)}`);
        expect(status, `${filter}=${attack}`).toBe(200);
        expect(body.total, `${filter}=${attack}`).toBe(0);
      }
    }
    expect((await get(`/api/companies?q=${encodeURIComponent("%' or 1=1 --")}`)).body.total).toBe(0);
    expect((await get('/api/declarations')).body.total).toBe(60);
  });

  it('reports health and the database in use', async () => {
    expect(await get('/health')).toEqual({
      status: 200,
      body: {
        status: 'ok',
        version: expect.any(String),
        database: t.database.kind,
        migrations: Object.keys(registry.migrations).length,
      },
    });
  });

  it('lists declarations newest first, filtered and paged', async () => {
    const all = await get('/api/declarations');
    expect(all.body).toMatchObject({ total: 60, limit: 50, offset: 0 });
    expect(all.body.items).toHaveLength(50);
    expect(all.body.items[0].lodged_on >= all.body.items[49].lodged_on).toBe(true);
    const last = await get('/api/declarations?limit=10&offset=55');
    expect(last.body.items).toHaveLength(5);
    expect((await get('/api/declarations?office=20')).body.total).toBe(20);
    expect((await get('/api/declarations?hs=6208')).body.total).toBe(30);
    expect((await get('/api/declarations?hs=62&office=20')).body.total).toBe(10);
    expect((await get('/api/declarations?result=critical')).body.total).toBe(6);
    expect((await get('/api/declarations?result=fraud')).body.total).toBe(12);
    expect((await get('/api/declarations?result=not_inspected')).body.total).toBe(0);
    expect((await get('/api/declarations?from=2020-01-28&to=2020-01-28')).body.total).toBe(2);
    expect((await get('/api/declarations?importer=IMP3&origin=CN')).body.total).toBe(9);
    expect((await get('/api/declarations?reference=1000005')).body.total).toBe(10);
    const cheapest = await get('/api/declarations?sort=total_value&limit=1');
    expect(cheapest.body.items[0]).toMatchObject({
      reference: '10000000',
      total_value: 1000,
      fraud_items: 0,
    });
  });

  it('shows a declaration with parties, items and outcomes, and its partner records', async () => {
    const { status, body } = await get('/api/declarations/10000003');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      reference: '10000003',
      parties: { importer: { code: 'IMP3', name: null }, seller: null, courier: null },
      items: [{ line_no: 1, hs_code: '620822', outcomes: [{ result: 'fraud', source: 'import' }] }],
    });
    const links = await get('/api/declarations/10000001/partners');
    expect(links.body).toMatchObject({
      importer_code: 'IMP1',
      company: { company_id: 'IMP1', name: 'Atlas Import' },
      manifests: [{ document_number: 'B1' }],
      payments: [{ payment_reference: 'P1', amount: 99.5 }],
    });
    expect((await get('/api/declarations/10000002/partners')).body).toMatchObject({
      company: null,
      manifests: [],
    });
    expect((await get('/api/declarations/none/partners')).status).toBe(404);
  });

  it('counts what it holds', async () => {
    expect((await get('/api/declarations/stats')).body).toMatchObject({
      declarations: 60,
      items: 60,
      importers: 7,
    });
    expect((await get('/api/imports')).body.items).toHaveLength(4);
  });

  it('documents every route in OpenAPI, served as JSON and as a page', async () => {
    const spec = (await get('/docs/json')).body;
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/api/declarations',
        '/api/declarations/{reference}',
        '/api/declarations/stats',
        '/api/declarations/{reference}/partners',
        '/api/companies',
        '/api/manifests',
        '/api/payments',
        '/api/imports',
      ]),
    );
    const page = await app.inject({ method: 'GET', url: '/docs', headers: {} });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('refuses a route under /api/ that does not declare its permission', async () => {
    const fresh = await buildApp({
      registry,
      database: t.database,
      config: opened!.config,
      logger: createLogger('silent'),
      jobs: opened!.jobs,
    });
    expect(() => fresh.get('/api/open', async () => 'open')).toThrow(/declares no permission/);
    await fresh.close();
  });
});

describeEachDatabase('metrics', (t) => {
  it('need a permission by default, can be public, or be off', async () => {
    const byDefault = await testApp(t.database);
    try {
      expect((await byDefault.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    } finally {
      await byDefault.close();
    }
    const publicApp = await testApp(t.database, { metrics: 'public' });
    try {
      await publicApp.app.inject({ method: 'GET', url: '/health' });
      const metrics = await publicApp.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain(
        'vigie_http_requests_total{method="GET",route="/health",status="200"} 1',
      );
      expect(metrics.body).toContain('vigie_http_request_duration_seconds_bucket');
      expect(metrics.body).toContain('vigie_process_resident_memory_bytes');
      expect(metrics.body).toContain('vigie_nodejs_heap_size_used_bytes');
      expect(metrics.body).toMatch(/# TYPE vigie_jobs gauge/);
    } finally {
      await publicApp.close();
    }
    const guarded = await testApp(t.database, { metrics: 'authenticated' });
    try {
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      const auditor = await userWithToken(t.database, ['auditor']);
      expect(
        (await guarded.app.inject({ method: 'GET', url: '/metrics', headers: auditor.headers })).statusCode,
      ).toBe(200);
    } finally {
      await guarded.close();
    }
    const off = await testApp(t.database, { metrics: 'off' });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
