/**
 * GET /api/events on both databases: anonymous callers refused; a selection and an override published by the risk
 * module reach the users who may see their office and nobody else; a reconnect with Last-Event-ID replays what was
 * missed. The streams are read over a real socket, waiting for what they carry (no fixed sleeps).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../test/auth.ts';
import { describeEachDatabase } from '../../test/db.ts';
import { nativeRow } from '../../test/factories.ts';
import { createApiToken, createUser } from '../modules/auth/index.ts';
import { overrideDecision, runSelection } from '../modules/risk/decisions.ts';
import { activateProfile, createProfileVersion } from '../modules/risk/profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from '../modules/risk/testing/fixtures.ts';
import { eventBus, publishEvent } from '../platform/events/bus.ts';

const DAY = '2024-03-18';

/** An open event stream: everything received so far, and a wait for a condition on it. */
async function openStream(base: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/events`, { headers, signal: abort.signal });
  let text = '';
  const waiters: { test: (t: string) => boolean; resolve: () => void }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        for (const w of [...waiters])
          if (w.test(text)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
      }
    } catch {}
  })();
  const until = (test: (t: string) => boolean) =>
    test(text) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve }));
  await until((t) => t.includes(': connected'));
  return {
    response,
    get text() {
      return text;
    },
    until,
    async close() {
      abort.abort();
      await pump;
    },
  };
}

describeEachDatabase('live events', (t) => {
  let app: TestApp;
  let base: string;
  const users: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, [
      ...Array.from({ length: 6 }, (_, i) =>
        nativeRow({ reference: `E-${i}`, office: '301', lodged_on: DAY, hs_code: '6208220000' }),
      ),
    ]);
    const profile = await createProfileVersion(t.database, SYSTEM, {
      name: 'national',
      document: {
        description: 'events test',
        scoring: { base_probability: 0.1, red_score: 60, yellow_score: 30 },
        rules: [rule('textiles', { field: 'item.hs_code', hs_prefix: '62' }, { points: 40 })],
      },
      reason: 'first version',
    });
    await activateProfile(t.database, SYSTEM, profile.id, 'tested');
    app = await testApp(t.database);
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    users.analyst = (await userWithToken(t.database, ['analyst'])).headers;
    users.investigator = (await userWithToken(t.database, ['investigator'])).headers;
    users.liaison = (await userWithToken(t.database, ['liaison'])).headers;
    for (const office of ['301', '302']) {
      const officer = await createUser(t.database, SYSTEM, {
        username: `officer-${office}-events`,
        password: TEST_PASSWORD,
        roles: ['officer'],
        office_code: office,
      });
      const { token } = await createApiToken(t.database, SYSTEM, Number(officer.id), 'test', 1);
      users[`officer${office}`] = { authorization: `Bearer ${token}` };
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses an anonymous caller and a bad token', async () => {
    const anonymous = await app.app.inject({ method: 'GET', url: '/api/events' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await app.app.inject({
      method: 'GET',
      url: '/api/events',
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(bad.statusCode).toBe(401);
    expect(eventBus(t.database).subscribers).toBe(0);
  });

  it('sends a selection and an override to the users who see the office, and to nobody else', async () => {
    const streams = Object.fromEntries(
      await Promise.all(
        Object.entries(users).map(
          async ([name, headers]) => [name, await openStream(base, headers)] as const,
        ),
      ),
    );
    expect(streams.analyst!.response.headers.get('content-type')).toBe('text/event-stream');

    const summary = await runSelection(t.database, SYSTEM, { office: '301', day: DAY, seed: 'fixed' });
    const decision = summary.decisions.find((d) => d.channel !== 'red')!;
    await overrideDecision(
      t.database,
      SYSTEM,
      decision.id,
      { channel: 'red', reason: 'intelligence received' },
      { office: null },
    );
    // A marker every signed-in user receives: once it has arrived, whatever came before it has too.
    publishEvent(t.database, { type: 'test.marker', permission: 'session', data: {} });
    for (const stream of Object.values(streams)) await stream.until((s) => s.includes('event: test.marker'));

    for (const name of ['analyst', 'officer301']) {
      const text = streams[name]!.text;
      expect(text, name).toContain('event: risk.selection');
      expect(text, name).toContain(`"run_id":${summary.run_id}`);
      expect(text, name).toContain('event: risk.decision');
      expect(text, name).toContain(`"reference":"${decision.reference}"`);
      expect(text, name).not.toContain('"permission"');
    }
    for (const name of ['officer302', 'liaison', 'investigator']) {
      expect(streams[name]!.text, name).not.toContain('risk.selection');
      expect(streams[name]!.text, name).not.toContain('risk.decision');
    }
    for (const stream of Object.values(streams)) await stream.close();
  });

  it('sends an online alert to osint readers only', async () => {
    const investigator = await openStream(base, users.investigator!);
    const officer = await openStream(base, users.officer301!);
    publishEvent(t.database, { type: 'osint.alert', permission: 'osint:read', data: { count: 2 } });
    publishEvent(t.database, { type: 'test.marker', permission: 'session', data: {} });
    await investigator.until((s) => s.includes('event: test.marker'));
    await officer.until((s) => s.includes('event: test.marker'));
    expect(investigator.text).toContain('event: osint.alert');
    expect(officer.text).not.toContain('osint.alert');
    await investigator.close();
    await officer.close();
  });

  it('replays what a reconnecting browser missed after its Last-Event-ID', async () => {
    const first = publishEvent(t.database, { type: 'test.first', permission: 'session', data: {} });
    publishEvent(t.database, { type: 'test.missed', permission: 'session', data: { n: 1 } });
    publishEvent(t.database, { type: 'test.secret', permission: 'audit:read', data: {} });
    const again = await openStream(base, { ...users.officer301!, 'last-event-id': first.id });
    await again.until((s) => s.includes('event: test.missed'));
    expect(again.text).not.toContain('test.first');
    expect(again.text).not.toContain('test.secret');
    await again.close();
    // An id from another process (or garbage) replays nothing.
    const fresh = await openStream(base, { ...users.officer301!, 'last-event-id': 'zz-1' });
    publishEvent(t.database, { type: 'test.marker', permission: 'session', data: {} });
    await fresh.until((s) => s.includes('event: test.marker'));
    expect(fresh.text).not.toContain('test.missed');
    await fresh.close();
  });
});
