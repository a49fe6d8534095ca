import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { registry } from '../../app/modules.ts';
import { listAudit, verifyAudit } from '../audit/store.ts';
import { loadConfig } from '../config.ts';
import { saveUpload } from '../uploads/uploads.ts';
import { placeHold } from './holds.ts';
import { runPurge } from './purge.ts';

const actor = { id: null, name: 'test', ip: null };
const DAY = 86_400_000;

describeEachDatabase('retention', (t) => {
  let opened: TestApp | undefined;
  beforeAll(async () => {
    opened = await testApp(t.database);
  });
  afterAll(() => opened?.close());

  const upload = (name: string, retainDays: number | null) =>
    saveUpload(t.database, ['x'], name, {
      owner: 'imports',
      readPermission: 'imports:read',
      retainDays,
      maxBytes: 10,
      uploadedBy: null,
    });
  const exists = async (id: number) =>
    Boolean(await t.database.db.selectFrom('uploads').select('id').where('id', '=', id).executeTakeFirst());

  it('refuses a configured kind that no module keeps', async () => {
    await expect(runPurge(t.database, registry.retention, { osint_itemz: 30 }, actor)).rejects.toThrow(
      /VIGIE_RETENTION_DAYS names osint_itemz, which no module keeps \(known: .*login_attempts.*sessions.*uploads/,
    );
  });

  it('removes what is past its period, keeps what a legal hold protects, and says so in the audit trail', async () => {
    const old = await upload('old.csv', 30);
    const held = await upload('held.csv', 30);
    const fresh = await upload('fresh.csv', 30);
    const photo = await upload('photo.jpg', null);
    await sql`update uploads set expires_at = now() - interval '1 day' where id in (${old.id}, ${held.id})`.execute(
      t.database.db,
    );
    await placeHold(t.database, actor, {
      target_type: 'upload',
      target_id: held.id,
      reason: 'evidence in case 12',
    });
    const { user } = await userWithToken(t.database, ['analyst']);
    await t.database.db
      .insertInto('sessions')
      .values([
        { token_hash: `old-${user.id}`, user_id: user.id, expires_at: new Date(Date.now() - 200 * DAY) },
        { token_hash: `live-${user.id}`, user_id: user.id, expires_at: new Date(Date.now() + DAY) },
      ])
      .execute();
    await t.database.db
      .insertInto('login_attempts')
      .values([
        { username: 'x', ip: '10.1.1.1', succeeded: false, at: new Date(Date.now() - 100 * DAY) },
        { username: 'x', ip: '10.1.1.1', succeeded: false, at: new Date() },
      ])
      .execute();

    const dry = await runPurge(t.database, registry.retention, {}, actor, { dryRun: true });
    const line = (report: typeof dry, kind: string) => report.kinds.find((k) => k.kind === kind)!;
    expect(line(dry, 'uploads')).toMatchObject({ removed: 1, kept: 1 });
    expect(line(dry, 'sessions')).toMatchObject({ removed: 1, days: 90 });
    expect(line(dry, 'login_attempts')).toMatchObject({ removed: 1 });
    expect(await exists(old.id)).toBe(true);
    expect((await listAudit(t.database.db, { action: 'retention.*' }, { limit: 5, offset: 0 })).total).toBe(
      0,
    );

    const done = await runPurge(t.database, registry.retention, { sessions: 300 }, actor);
    expect(line(done, 'uploads')).toMatchObject({ removed: 1, kept: 1 });
    expect(line(done, 'sessions')).toMatchObject({ removed: 0, days: 300 });
    expect(await exists(old.id)).toBe(false);
    expect(await exists(held.id)).toBe(true);
    expect(await exists(fresh.id)).toBe(true);
    expect(await exists(photo.id)).toBe(true);
    expect(
      (await t.database.db.selectFrom('login_attempts').select('id').where('username', '=', 'x').execute())
        .length,
    ).toBe(1);
    const [entry] = (await listAudit(t.database.db, { action: 'retention.purged' }, { limit: 1, offset: 0 }))
      .items;
    expect(entry!.details).toMatchObject({
      dry_run: false,
      kinds: expect.arrayContaining([line(done, 'uploads')]),
    });
    // History still verifies after a purge.
    expect((await verifyAudit(t.database.db)).ok).toBe(true);
  });

  it('lets investigators place and release holds with a reason, and nobody without the permission', async () => {
    const investigator = await userWithToken(t.database, ['investigator']);
    const analyst = await userWithToken(t.database, ['analyst']);
    const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
      opened!.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const body = { target_type: 'osint_seller', target_id: '42', reason: 'network under investigation' };
    expect((await call('POST', '/api/legal-holds', analyst.headers, body)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/legal-holds', investigator.headers, { ...body, reason: 'x' })).statusCode,
    ).toBe(400);
    const placed = await call('POST', '/api/legal-holds', investigator.headers, body);
    expect(placed.statusCode).toBe(201);
    const id = placed.json().id;
    const listed = await call(
      'GET',
      '/api/legal-holds?active=true&target_type=osint_seller',
      investigator.headers,
    );
    expect(listed.json().items.map((h: { id: number }) => h.id)).toContain(id);
    const released = await call('POST', `/api/legal-holds/${id}/release`, investigator.headers, {
      reason: 'case closed without follow-up',
    });
    expect(released.json()).toMatchObject({ released_by: investigator.user.username });
    expect(
      (await call('POST', `/api/legal-holds/${id}/release`, investigator.headers, { reason: 'again!' }))
        .statusCode,
    ).toBe(404);
    const admin = await userWithToken(t.database, ['admin']);
    const kinds = await call('GET', '/api/retention', admin.headers);
    expect(kinds.json().items.map((k: { kind: string }) => k.kind)).toEqual(
      expect.arrayContaining(['uploads', 'job_runs', 'sessions', 'login_attempts']),
    );
  });
});

it('reads periods as kind=days pairs from the environment', () => {
  expect(loadConfig({}, { VIGIE_RETENTION_DAYS: 'osint_items=365, sessions=30' }).retentionDays).toEqual({
    osint_items: 365,
    sessions: 30,
  });
  expect(() => loadConfig({}, { VIGIE_RETENTION_DAYS: 'osint_items:365' })).toThrow(/expected kind=days/);
});
