/**
 * Security checks over every registered route, so that a new route cannot ship open: without credentials it
 * answers 401; for each role it answers 403 unless the permission matrix grants it; and every text filter of
 * every list treats SQL as data (never a 500, never someone else's rows).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../auth/permissions.ts';

const ATTACKS = [
  "1' OR '1'='1",
  "x'; drop table users; --",
  "') or true --",
  '%',
  '_',
  '\\',
  '" or ""="',
  '1; select pg_sleep(5)',
];

describeEachDatabase('security of every route', (t) => {
  let app: FastifyInstance;
  let opened: TestApp | undefined;
  const tokens = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    opened = await testApp(t.database);
    app = opened.app;
    for (const role of ROLES) tokens.set(role, (await userWithToken(t.database, [role])).headers);
  });
  afterAll(() => opened?.close());

  const protectedRoutes = () =>
    app.vigieRoutes.filter((r) => r.url.startsWith('/api/') && r.permission !== 'public');
  const concrete = (url: string) => url.replace(/:[^/]+/g, '999999').replace(/\*/g, 'x');
  const call = (method: string, url: string, headers: Record<string, string>) =>
    app.inject({
      method: method as 'GET',
      url: concrete(url),
      headers,
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });

  it('has routes to check, each with a permission of the matrix', () => {
    const routes = protectedRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const known = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const route of routes)
      expect(known.has(route.permission as never), `${route.method} ${route.url}`).toBe(true);
  });

  it('answers 401 to every protected route without credentials', async () => {
    for (const route of protectedRoutes()) {
      const response = await call(route.method, route.url, {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 403 to each role the matrix does not grant, and lets the others through', async () => {
    for (const route of protectedRoutes()) {
      for (const role of ROLES) {
        const allowed = ROLE_PERMISSIONS[role].includes(route.permission as never);
        // An open stream never ends: a role let through would wait forever (src/app/live-events.test.ts).
        if (allowed && route.stream) continue;
        const response = await call(route.method, route.url, tokens.get(role)!);
        const where = `${route.method} ${route.url} as ${role}`;
        if (allowed) expect([401, 403], where).not.toContain(response.statusCode);
        else {
          expect(response.statusCode, where).toBe(403);
          expect(response.json().code, where).toBe('auth.forbidden');
        }
      }
    }
  });

  it('treats SQL in every text filter of every list as data', async () => {
    const admin = tokens.get('admin')!;
    let checked = 0;
    for (const route of protectedRoutes()) {
      if (
        route.method !== 'GET' ||
        route.url.includes(':') ||
        route.stream ||
        !(route.querystring instanceof z.ZodObject)
      )
        continue;
      for (const [key, schema] of Object.entries(route.querystring.shape as Record<string, z.ZodType>)) {
        let inner: z.ZodType = schema;
        while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
          inner = inner.unwrap() as z.ZodType;
        if (!(inner instanceof z.ZodString)) continue;
        for (const attack of ATTACKS) {
          const response = await app.inject({
            method: 'GET',
            url: `${route.url}?${key}=${encodeURIComponent(attack)}`,
            headers: admin,
          });
          const where = `${route.url}?${key}=${attack}`;
          expect([200, 400], where).toContain(response.statusCode);
          // A download (CSV, PDF) is not a list: only JSON answers are read.
          const json = String(response.headers['content-type'] ?? '').startsWith('application/json');
          if (response.statusCode === 200 && json && 'total' in response.json())
            expect(response.json().total, where).toBe(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('answers 400, never 500, to a NUL character or a lone surrogate in any query parameter, path or body', async () => {
    const admin = tokens.get('admin')!;
    let checked = 0;
    for (const route of protectedRoutes()) {
      if (route.querystring instanceof z.ZodObject) {
        for (const key of Object.keys(route.querystring.shape as Record<string, z.ZodType>)) {
          for (const bad of ['%00', 'a%00b', '%ED%A0%80']) {
            // A lone surrogate is decoded to U+FFFD, a valid value: an open stream would then never end.
            if (route.stream && !bad.includes('%00')) continue;
            const response = await app.inject({
              method: route.method as 'GET',
              url: `${concrete(route.url)}?${key}=${bad}`,
              headers: admin,
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
            });
            const where = `${route.method} ${route.url}?${key}=${bad}`;
            expect(response.statusCode, where).not.toBe(500);
            if (bad.includes('%00')) expect(response.json().code, where).toBe('request.invalid_text');
            checked++;
          }
        }
      }
      if (route.url.includes(':')) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:[^/]+/g, 'x%00'),
          headers: admin,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${route.method} ${route.url} with NUL in its path`).toBe(400);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    for (const username of ['a\u0000b', '\ud800evil']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'x\u0000' },
      });
      expect(response.statusCode, JSON.stringify(username)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'request.invalid_text' });
    }
  });
});
