import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { SESSION_COOKIE } from '../../platform/auth/hook.ts';
import { newToken, tokenHash } from './secrets.ts';
import { insertApiToken } from './store.ts';

describeEachDatabase('authentication', (t) => {
  let app: FastifyInstance;
  let opened: TestApp | undefined;
  beforeAll(async () => {
    opened = await testApp(t.database, { loginMaxFailures: 3, loginIpLimit: 8, loginLockMinutes: 10 });
    app = opened.app;
  });
  afterAll(() => opened?.close());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
  const cookieOf = (response: LightMyRequestResponse) =>
    response.cookies.find((c) => c.name === SESSION_COOKIE) as {
      name: string;
      value: string;
      httpOnly?: boolean;
      sameSite?: string;
      path?: string;
    };
  const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({
    cookie: `${SESSION_COOKIE}=${cookie}`,
    ...extra,
  });
  const actions = async (actor: string) =>
    (await listAudit(t.database.db, { actor }, { limit: 50, offset: 0 })).items
      .map((e) => e.action)
      .reverse();

  it('answers 401 without a session and with an unknown token', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/declarations' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'auth.required' });
    const bogus = await app.inject({
      method: 'GET',
      url: '/api/declarations',
      headers: { authorization: 'Bearer vt_nope' },
    });
    expect(bogus.statusCode).toBe(401);
    const forged = await app.inject({
      method: 'GET',
      url: '/api/declarations',
      headers: withCookie('vs_forged'),
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses wrong passwords and unknown users alike, and records the attempts', async () => {
    await userWithToken(t.database, ['analyst'], 'amina');
    const wrong = await login('amina', 'not the password');
    const unknown = await login('nobody', 'whatever password');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'auth.invalid', message: 'wrong username or password' });
    expect(await actions('amina')).toContain('auth.login_failed');
    expect(await actions('nobody')).toEqual(['auth.login_failed']);
  });

  it('signs in with an HTTP-only strict cookie, and the cookie stops working after sign-out', async () => {
    await userWithToken(t.database, ['officer'], 'omar');
    const response = await login('omar', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      username: 'omar',
      roles: ['officer'],
      permissions: [
        'cases:read',
        'declarations:read',
        'parcels:read',
        'partners:read',
        'risk:attachments',
        'risk:decide',
        'risk:read',
        'seizures:write',
        'session',
        'valuation:read',
      ],
    });
    const cookie = cookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: withCookie(cookie.value),
    });
    expect(session.json()).toMatchObject({ user: { username: 'omar' }, via: 'session' });
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: withCookie(cookie.value) }))
        .statusCode,
    ).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: withCookie(cookie.value),
    });
    expect(after.statusCode).toBe(401);
    expect(await actions('omar')).toEqual(['auth.login', 'auth.logout']);
  });

  it('locks a name from the address that failed, even for the right password, and nobody else', async () => {
    await userWithToken(t.database, ['analyst'], 'lina');
    for (let i = 0; i < 3; i++) expect((await login('lina', `wrong ${i}`, '10.0.1.1')).statusCode).toBe(401);
    const locked = await login('lina', TEST_PASSWORD, '10.0.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'auth.locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    // Someone failing from another address does not lock Lina out from hers.
    expect((await login('lina', TEST_PASSWORD, '10.0.1.2')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly as a known one, locks included: no account can be discovered', async () => {
    await userWithToken(t.database, ['analyst'], 'hamza');
    const answers = async (username: string, ip: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await login(username, `wrong ${i}`, ip);
        seen.push(`${r.statusCode} ${r.json().code} ${r.json().message}`);
      }
      return seen;
    };
    const known = await answers('hamza', '10.0.7.1');
    expect(await answers('nobody-here', '10.0.7.2')).toEqual(known);
    expect(known.at(-1)).toMatch(/^429 auth.locked/);
  });

  it('throttles an address after too many failures', async () => {
    for (let i = 0; i < 8; i++) await login(`ghost${i}`, 'guess', '10.9.9.9');
    const throttled = await login('ghost-last', 'guess', '10.9.9.9');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ code: 'auth.throttled' });
    expect((await login('ghost-last', 'guess', '10.9.9.10')).statusCode).toBe(401);
  });

  it('creates API tokens shown once; revoked and expired tokens stop working', async () => {
    await userWithToken(t.database, ['analyst'], 'karim');
    const cookie = cookieOf(await login('karim', TEST_PASSWORD, '10.0.2.1')).value;
    const created = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: withCookie(cookie),
      payload: { name: 'nightly script', days: 7, password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^vt_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/declarations', headers: bearer })).statusCode).toBe(
      200,
    );
    const listed = await app.inject({ method: 'GET', url: '/api/auth/tokens', headers: bearer });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: withCookie(cookie) }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/declarations', headers: bearer })).statusCode).toBe(
      401,
    );

    const other = await userWithToken(t.database, ['analyst']);
    const shortLived = newToken('api');
    await insertApiToken(t.database.db, {
      token_hash: tokenHash(shortLived),
      prefix: shortLived.slice(0, 10),
      name: 'short',
      user_id: Number(other.user.id),
      expires_at: new Date(Date.now() + 1500),
    });
    const short = { authorization: `Bearer ${shortLived}` };
    expect((await app.inject({ method: 'GET', url: '/api/declarations', headers: short })).statusCode).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await app.inject({ method: 'GET', url: '/api/declarations', headers: short })).statusCode).toBe(
      401,
    );
  });

  it('asks for the password again before a token, refuses tokens minting tokens, caps their lifetime', async () => {
    const { headers: bearer } = await userWithToken(t.database, ['analyst'], 'yassine');
    const cookie = cookieOf(await login('yassine', TEST_PASSWORD, '10.0.2.2')).value;
    const attempt = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
    // A stolen session cookie is not enough: without the password, or with a wrong one, no token.
    expect((await attempt(withCookie(cookie), { name: 'x' })).statusCode).toBe(400);
    const wrong = await attempt(withCookie(cookie), { name: 'x', password: 'not the password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'auth.reauthenticate' });
    const minted = await attempt(bearer, { name: 'x', password: TEST_PASSWORD });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().message).toBe('an API token cannot create API tokens: sign in');
    const tenYears = await attempt(withCookie(cookie), { name: 'x', days: 3650, password: TEST_PASSWORD });
    expect(tenYears.statusCode).toBe(422);
    expect(tenYears.json()).toMatchObject({ code: 'token.too_long', details: { max_days: 90 } });
    const ok = await attempt(withCookie(cookie), { name: 'x', days: 90, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(201);
  });

  it('revokes API tokens on a new password, a disabled account and a change of roles; admins see and revoke any', async () => {
    const admin = await userWithToken(t.database, ['admin']);
    const tokenWorks = async (headers: Record<string, string>) =>
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers })).statusCode === 200;
    const password = await userWithToken(t.database, ['analyst']);
    const disabled = await userWithToken(t.database, ['analyst']);
    const roles = await userWithToken(t.database, ['analyst']);
    const revoked = await userWithToken(t.database, ['analyst']);
    for (const u of [password, disabled, roles, revoked]) expect(await tokenWorks(u.headers)).toBe(true);

    const call = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
      app.inject({ method, url, headers: admin.headers, payload });
    expect(
      (await call('POST', `/api/users/${password.user.id}/password`, { password: 'another long password' }))
        .statusCode,
    ).toBe(204);
    expect((await call('PATCH', `/api/users/${disabled.user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/users/${disabled.user.id}`, { disabled: false })).statusCode).toBe(200);
    expect(
      (await call('PATCH', `/api/users/${roles.user.id}`, { roles: ['analyst', 'officer'] })).statusCode,
    ).toBe(200);
    expect(await tokenWorks(password.headers)).toBe(false);
    expect(await tokenWorks(disabled.headers)).toBe(false);
    expect(await tokenWorks(roles.headers)).toBe(false);

    const all = await app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers });
    expect(all.statusCode).toBe(200);
    const theirs = (all.json().items as { id: number; username: string; revoked_at: string | null }[]).find(
      (tk) => tk.username === revoked.user.username,
    )!;
    expect(theirs.revoked_at).toBeNull();
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/tokens/${theirs.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    expect(await tokenWorks(revoked.headers)).toBe(false);
    expect(
      (await app.inject({ method: 'GET', url: '/api/tokens', headers: revoked.headers })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/tokens', headers: password.headers })).statusCode,
    ).toBe(401);
  });

  it('refuses a cookie-authenticated change coming from another site', async () => {
    await userWithToken(t.database, ['analyst'], 'sara');
    const cookie = cookieOf(await login('sara', TEST_PASSWORD, '10.0.3.1')).value;
    const forged = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: withCookie(cookie, { origin: 'https://evil.example' }),
      payload: { name: 'x' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'auth.cross_site' });
  });

  it('lets administrators manage users; disabling or a new password ends sessions', async () => {
    const admin = await userWithToken(t.database, ['admin']);
    const analyst = await userWithToken(t.database, ['analyst']);
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: analyst.headers })).statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'Nadia', password: 'a long enough password', roles: ['investigator'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'nadia', roles: ['investigator'], disabled: false });
    const again = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'nadia', password: 'a long enough password', roles: ['auditor'] },
    });
    expect(again.json()).toMatchObject({ code: 'user.exists' });
    expect(again.statusCode).toBe(409);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'weak', password: 'short', roles: ['auditor'] },
    });
    expect(weak.statusCode).toBe(400);

    const cookie = cookieOf(await login('nadia', 'a long enough password', '10.0.4.1')).value;
    const id = created.json().id;
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/users/${id}`,
          headers: admin.headers,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: withCookie(cookie) })).statusCode,
    ).toBe(401);
    expect((await login('nadia', 'a long enough password', '10.0.4.1')).statusCode).toBe(401);
    await app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { disabled: false },
    });
    const cookie2 = cookieOf(await login('nadia', 'a long enough password', '10.0.4.1')).value;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/users/${id}/password`,
          headers: admin.headers,
          payload: { password: 'another long password' },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: withCookie(cookie2) }))
        .statusCode,
    ).toBe(401);
    expect((await login('nadia', 'another long password', '10.0.4.1')).statusCode).toBe(200);

    const self = await app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(self.json()).toMatchObject({ code: 'user.self_lockout' });
    const trail = (
      await listAudit(t.database.db, { target_type: 'user', target_id: String(id) }, { limit: 10, offset: 0 })
    ).items.map((e) => e.action);
    expect(trail.reverse()).toEqual([
      'user.created',
      'user.updated',
      'user.updated',
      'user.password_changed',
    ]);
  });
});
