/**
 * Every query parameter of every list and read, over generated values (fast-check): whatever a caller puts in the
 * query string — any text, numbers out of range, dates that do not exist, several values for one key, very long
 * values — the answer is a success or a 4xx with the error shape, never a server error.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';

const RUNS = Number(process.env.VIGIE_PROPERTY_RUNS ?? 150);

const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1e309',
    '5e-324',
    '2020-02-30',
    '9999-99-99',
    'true',
    'null',
    '[]',
    '{}',
    '%',
    '*',
    "'",
    '\\',
  ),
  fc.string({ minLength: 300, maxLength: 5000 }),
);

describeEachDatabase('query parameters', (t) => {
  let app: FastifyInstance;
  let opened: TestApp | undefined;
  let headers: Record<string, string>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    app = opened.app;
    headers = (await userWithToken(t.database, ['admin'])).headers;
  });
  afterAll(() => opened?.close());

  // Values the property once found: kept as plain cases, so that they are tried on every run.
  it.each([
    '/api/osint/sellers?min_score=5e-324',
    '/api/osint/items?min_score=5e-324',
    '/api/risk/decisions?min_score=5e-324',
  ])('answers %s without a server error', async (url) => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('never answer a server error, whatever the values', { timeout: 180_000 }, async () => {
    const routes = app.vigieRoutes.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/') &&
        !r.url.includes(':') &&
        !r.stream &&
        r.querystring instanceof z.ZodObject,
    );
    expect(routes.length).toBeGreaterThan(20);
    const query = fc
      .constantFrom(...routes)
      .chain((route) =>
        fc
          .dictionary(
            fc.constantFrom(...Object.keys((route.querystring as z.ZodObject).shape)),
            fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })),
            { minKeys: 1, maxKeys: 4 },
          )
          .map((params) => ({ route, params })),
      );
    await fc.assert(
      fc.asyncProperty(query, async ({ route, params }) => {
        const search = new URLSearchParams();
        for (const [key, v] of Object.entries(params)) for (const one of [v].flat()) search.append(key, one);
        const response = await app.inject({ method: 'GET', url: `${route.url}?${search}`, headers });
        const where = `${route.url}?${search.toString().slice(0, 200)}`;
        expect(response.statusCode, where).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.json(), where).toHaveProperty('code');
      }),
      { numRuns: RUNS },
    );
  });
});
