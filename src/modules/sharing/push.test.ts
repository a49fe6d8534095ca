/**
 * Two installations on loopback, each with its own database, data folder (key) and port, exchanging for real:
 * a seizure report pushed to a closed user group arrives without personal data; a partner stopped in the middle
 * gets the backlog once it is back; a repeated delivery is stored once; a tampered message or a forged request is
 * refused and audited; the ledger verifies on both sides.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase, openTestDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import type { Database } from '../../platform/db/database.ts';
import { installationKey, signText } from './keys.ts';
import { exportLedger } from './ledger.ts';
import { statementText } from './ledger-format.ts';
import { verifyLedger } from './ledger-verify.ts';
import { envelopeOf } from './messages.ts';
import { backoffSeconds, deliverDue, postEnvelope, signedHeaders } from './push.ts';

type Headers = Record<string, string>;
const system = { id: null, name: 'system:test', ip: null };

interface Installation {
  database: Database;
  keyFile: string;
  app: TestApp;
  port: number;
  admin: Headers;
  close(): Promise<void>;
}

describeEachDatabase('push between two installations', (t) => {
  let a: Installation;
  let b: Installation;
  let secondDb: { database: Database; close(): Promise<void> };

  async function start(database: Database, dataDir: string, port = 0): Promise<Installation> {
    const app = await testApp(database, { dataDir });
    await app.app.listen({ port, host: '127.0.0.1' });
    const address = app.app.server.address();
    const admin = (await userWithToken(database, ['liaison'])).headers;
    return {
      database,
      keyFile: app.config.sharingKeyFile,
      app,
      port: typeof address === 'object' && address ? address.port : 0,
      admin,
      close: () => app.close(),
    };
  }
  const call = (i: Installation, method: string, url: string, payload?: unknown) =>
    i.app.app.inject({
      method: method as 'GET',
      url,
      headers: i.admin,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const messages = async (i: Installation) =>
    (await call(i, 'GET', '/api/sharing/messages?direction=incoming')).json() as {
      total: number;
      items: { title: string; payload: Record<string, unknown> }[];
    };

  beforeAll(async () => {
    secondDb = await openTestDatabase(t.database.kind);
    a = await start(t.database, mkdtempSync(join(tmpdir(), 'vigie-a-')));
    b = await start(secondDb.database, mkdtempSync(join(tmpdir(), 'vigie-b-')));
    const keyA = (await call(a, 'GET', '/api/sharing/installation')).json();
    const keyB = (await call(b, 'GET', '/api/sharing/installation')).json();
    const added = await call(a, 'POST', '/api/sharing/partners', {
      code: 'B',
      name: 'Administration B',
      kind: 'customs_administration',
      country: 'ES',
      public_key: keyB.public_key,
      endpoint_url: `http://127.0.0.1:${b.port}/`,
    });
    expect(added.statusCode).toBe(201);
    await call(b, 'POST', '/api/sharing/partners', {
      code: 'A',
      name: 'Administration A',
      kind: 'customs_administration',
      country: 'MA',
      public_key: keyA.public_key,
      endpoint_url: `http://127.0.0.1:${a.port}/`,
    });
    for (const i of [a, b])
      await call(i, 'POST', '/api/sharing/groups', {
        code: 'MED',
        name: 'Mediterranean',
        nominal_data_allowed: false,
      });
    await call(a, 'POST', '/api/sharing/groups/MED/members', { member_type: 'partner', ref: 'B' });
    await call(b, 'POST', '/api/sharing/groups/MED/members', { member_type: 'partner', ref: 'A' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await secondDb?.close();
  });

  it('backs off 10 s, doubled each attempt, at most an hour', () => {
    expect([1, 2, 3, 4, 10, 20].map(backoffSeconds)).toEqual([10, 20, 40, 80, 3600, 3600]);
  });

  it('pushes a seizure report to the group: it arrives without personal data, in both ledgers', async () => {
    const adminA = (await userWithToken(a.database, ['admin'])).headers;
    const kase = await a.app.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: adminA,
      payload: { title: 'Affaire Karim Haddad', type: 'counterfeiting', office: '300' },
    });
    const seizure = await a.app.app.inject({
      method: 'POST',
      url: '/api/seizures',
      headers: adminA,
      payload: {
        case_id: kase.json().id,
        seized_on: '2026-04-01',
        office: '300',
        description: 'Parfums contrefaits',
        category: 'counterfeit_cosmetics',
        officers: ['Nadia Alaoui'],
        place: '4 impasse des Lilas',
      },
    });
    expect(seizure.statusCode).toBe(201);
    const sent = await call(a, 'POST', '/api/sharing/messages', {
      kind: 'seizure_report',
      distribution: 'connected_groups',
      marking: 'amber',
      group: 'MED',
      seizure_id: seizure.json().id,
    });
    expect(sent.statusCode).toBe(201);
    expect((await call(a, 'GET', '/api/sharing/status')).json().items[0]).toMatchObject({
      partner: 'B',
      backlog: 1,
    });
    expect(await deliverDue(a.database, a.keyFile, system)).toEqual({ delivered: 1, refused: 0, retried: 0 });
    const inbox = await messages(b);
    expect(inbox.total).toBe(1);
    const received = inbox.items[0]!;
    expect(received).toMatchObject({
      partner: 'A',
      group: 'MED',
      distribution: 'group',
      kind: 'seizure_report',
    });
    expect(JSON.stringify(received.payload)).not.toMatch(/Haddad|Alaoui|Lilas/);
    expect(received.payload).toMatchObject({
      nominal: false,
      seizure: { description: 'Parfums contrefaits' },
    });
    const status = (await call(a, 'GET', '/api/sharing/status')).json().items[0];
    expect(status).toMatchObject({ partner: 'B', backlog: 0, last_sent_at: expect.any(String) });
    expect((await call(b, 'GET', '/api/sharing/status')).json().items[0].last_received_at).toEqual(
      expect.any(String),
    );
    // Nothing left to deliver.
    expect(await deliverDue(a.database, a.keyFile, system)).toEqual({ delivered: 0, refused: 0, retried: 0 });
  });

  it('keeps the backlog of a stopped partner and delivers all of it once it is back', async () => {
    await b.app.app.close();
    for (const title of ['Route one', 'Route two'])
      await call(a, 'POST', '/api/sharing/messages', {
        kind: 'warning',
        distribution: 'group',
        marking: 'green',
        group: 'MED',
        title,
        text: `${title}: lorries of bags`,
      });
    expect(await deliverDue(a.database, a.keyFile, system)).toEqual({ delivered: 0, refused: 0, retried: 2 });
    const waiting = (await call(a, 'GET', '/api/sharing/status')).json().items[0];
    expect(waiting).toMatchObject({
      backlog: 2,
      attempts: 1,
      last_error: expect.stringMatching(/ECONNREFUSED|fetch failed/),
    });
    // Backing off: not due again at once.
    expect(await deliverDue(a.database, a.keyFile, system)).toEqual({ delivered: 0, refused: 0, retried: 0 });
    // A day later, still down: retried, the delay doubles.
    const day = new Date(Date.now() + 24 * 3600_000);
    expect(await deliverDue(a.database, a.keyFile, system, { now: day })).toMatchObject({ retried: 2 });
    expect((await call(a, 'GET', '/api/sharing/status')).json().items[0].attempts).toBe(2);

    b.app = await testApp(b.database, { dataDir: join(b.keyFile, '..') });
    await b.app.app.listen({ port: b.port, host: '127.0.0.1' });
    const later = new Date(day.getTime() + 3600_000);
    expect(await deliverDue(a.database, a.keyFile, system, { now: later })).toEqual({
      delivered: 2,
      refused: 0,
      retried: 0,
    });
    const inbox = await messages(b);
    expect(inbox.total).toBe(3);
    expect(
      inbox.items
        .map((m) => m.title)
        .slice(0, 2)
        .sort(),
    ).toEqual(['Route one', 'Route two']);
  });

  it('stores a repeated delivery once, and refuses a tampered message or a forged request, audited', async () => {
    const keyA = await installationKey(a.database, a.keyFile);
    const endpoint = `http://127.0.0.1:${b.port}/`;
    const last = (await call(a, 'GET', '/api/sharing/messages?direction=outgoing&limit=1')).json().items[0];
    const envelope = await envelopeOf(a.database.db, last.message_id);
    const again = await postEnvelope(endpoint, keyA, envelope);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });
    expect((await messages(b)).total).toBe(3);

    const tampered = {
      ...envelope,
      message_id: 'tampered-1',
      payload: { schema: 'vigie.text/1', text: 'changed' },
    };
    tampered.signature = signText(keyA.privateKey, statementText({ ...envelope, message_id: 'tampered-1' }));
    const refused = await postEnvelope(endpoint, keyA, tampered);
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).code).toBe('sharing.payload_mismatch');

    const stranger = { ...generateKeyPairSync('ed25519'), keyId: keyA.keyId };
    const forged = await fetch(new URL('api/sharing/inbox', endpoint), {
      method: 'POST',
      headers: signedHeaders({ ...keyA, privateKey: stranger.privateKey }, envelope),
      body: JSON.stringify(envelope),
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe('sharing.bad_request_signature');
    const stale = await fetch(new URL('api/sharing/inbox', endpoint), {
      method: 'POST',
      headers: signedHeaders(keyA, envelope, '2020-01-01T00:00:00.000Z'),
      body: JSON.stringify(envelope),
    });
    expect(((await stale.json()) as { code: string }).code).toBe('sharing.stale_request');
    const unsigned = await fetch(new URL('api/sharing/inbox', endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    });
    expect(unsigned.status).toBe(401);
    expect((await messages(b)).total).toBe(3);
    const audit = await listAudit(
      b.database.db,
      { target_type: 'sharing_message' },
      { limit: 50, offset: 0 },
    );
    const actions = audit.items.map((e) => e.action);
    expect(actions.filter((x) => x === 'sharing.message_receive')).toHaveLength(3);
    expect(actions.filter((x) => x === 'sharing.message_refused')).toHaveLength(1);
    expect(actions.filter((x) => x === 'sharing.push_refused')).toHaveLength(3);
  });

  it('pulls what a partner has for it since its cursor: stored once, nothing again; an unsigned pull is refused', async () => {
    // Everything A had for B was pushed already: the pull finds it, all duplicates.
    const first = await call(b, 'POST', '/api/sharing/partners/A/pull');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ partner: 'A', stored: 0, duplicate: 3, refused: 0 });
    // A new message, not pushed (no delivery run): the pull brings it, once.
    await call(a, 'POST', '/api/sharing/messages', {
      kind: 'warning',
      distribution: 'group',
      marking: 'green',
      group: 'MED',
      title: 'Pulled',
      text: 'a route seen from the port',
    });
    const second = (await call(b, 'POST', '/api/sharing/partners/A/pull')).json();
    expect(second).toMatchObject({ stored: 1, duplicate: 0, cursor: first.json().cursor + 1 });
    expect((await call(b, 'POST', '/api/sharing/partners/A/pull')).json()).toMatchObject({
      stored: 0,
      duplicate: 0,
      cursor: second.cursor,
    });
    expect((await messages(b)).items[0]).toMatchObject({
      title: 'Pulled',
      partner: 'A',
      distribution: 'installation',
    });
    // The push still delivers it, and learns that B has it.
    expect(await deliverDue(a.database, a.keyFile, system)).toEqual({ delivered: 1, refused: 0, retried: 0 });
    expect((await messages(b)).total).toBe(4);
    const unsigned = await fetch(new URL('api/sharing/feed?after=0', `http://127.0.0.1:${a.port}/`));
    expect(unsigned.status).toBe(401);
    const keyB = await installationKey(b.database, b.keyFile);
    const mismatched = await fetch(
      new URL('api/sharing/feed?after=0&limit=100', `http://127.0.0.1:${a.port}/`),
      {
        headers: signedHeaders(keyB, { after: 1, limit: 100 }),
      },
    );
    expect(((await mismatched.json()) as { code: string }).code).toBe('sharing.bad_request_signature');
  });

  it('verifies the ledger on both sides', async () => {
    for (const i of [a, b]) {
      const lines: string[] = [];
      for await (const line of exportLedger(i.database)) lines.push(line);
      expect(await verifyLedger(lines)).toMatchObject({ ok: true, entries: 4 });
    }
  });
});
