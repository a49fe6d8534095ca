/**
 * Checkpoint exchange between two installations on loopback: B fetches A's signed checkpoints and finds every
 * message A pushed to it, each entry proven under A's Merkle root; a message A recorded sending that never
 * arrived, and B's copy of a message changed behind its back, are reported as divergences and audited; an unsigned
 * read is refused. The Merkle audit paths are checked against RFC 6962 on every tree size up to 20.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase, openTestDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import type { Database } from '../../platform/db/database.ts';
import { merklePath, merkleRoot, verifyMerklePath } from './merkle.ts';
import { deliverDue } from './push.ts';

type Headers = Record<string, string>;
const system = { id: null, name: 'system:test', ip: null };

describe('Merkle audit paths', () => {
  it('prove every leaf of every tree up to 20 leaves, and nothing else', () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = Array.from({ length: n }, (_, i) => (i + 1).toString(16).padStart(64, '0'));
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++) {
        const path = merklePath(leaves, i);
        expect(verifyMerklePath(leaves[i]!, i, n, path, root), `${i}/${n}`).toBe(true);
        expect(verifyMerklePath(leaves[(i + 1) % n]!, i, n, path, root) && n > 1).toBe(false);
        if (n > 1) expect(verifyMerklePath(leaves[i]!, (i + 1) % n, n, path, root)).toBe(false);
      }
    }
  });
});

interface Installation {
  database: Database;
  keyFile: string;
  app: TestApp;
  port: number;
  liaison: Headers;
}

describeEachDatabase('checkpoint exchange between two installations', (t) => {
  let a: Installation;
  let b: Installation;
  let secondDb: { database: Database; close(): Promise<void> };

  async function start(database: Database): Promise<Installation> {
    const app = await testApp(database, { dataDir: mkdtempSync(join(tmpdir(), 'vigie-cp-')) });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.app.server.address();
    return {
      database,
      keyFile: app.config.sharingKeyFile,
      app,
      port: typeof address === 'object' && address ? address.port : 0,
      liaison: (await userWithToken(database, ['liaison'])).headers,
    };
  }
  const call = async (i: Installation, method: string, url: string, payload?: unknown) => {
    const r = await i.app.app.inject({
      method: method as 'GET',
      url,
      headers: i.liaison,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return r;
  };
  const send = async (title: string) => {
    const r = await call(a, 'POST', '/api/sharing/messages', {
      kind: 'warning',
      distribution: 'group',
      marking: 'green',
      group: 'MED',
      title,
      text: `${title}: lorries of bags`,
    });
    expect(r.statusCode).toBe(201);
    return r.json().message_id as string;
  };
  const verify = async () => {
    const r = await call(b, 'POST', '/api/sharing/partners/A/checkpoints/verify');
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    secondDb = await openTestDatabase(t.database.kind);
    a = await start(t.database);
    b = await start(secondDb.database);
    const keyA = (await call(a, 'GET', '/api/sharing/installation')).json();
    const keyB = (await call(b, 'GET', '/api/sharing/installation')).json();
    for (const [from, code, key, to] of [
      [a, 'B', keyB, b],
      [b, 'A', keyA, a],
    ] as const) {
      const added = await call(from, 'POST', '/api/sharing/partners', {
        code,
        name: `Administration ${code}`,
        kind: 'customs_administration',
        country: code === 'A' ? 'MA' : 'ES',
        public_key: key.public_key,
        endpoint_url: `http://127.0.0.1:${to.port}/`,
      });
      expect(added.statusCode).toBe(201);
      await call(from, 'POST', '/api/sharing/groups', { code: 'MED', name: 'Mediterranean' });
      await call(from, 'POST', '/api/sharing/groups/MED/members', { member_type: 'partner', ref: code });
    }
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await secondDb?.close();
  });

  it('refuses an unsigned read of the checkpoints, and audits it', async () => {
    const r = await fetch(`http://127.0.0.1:${a.port}/api/sharing/checkpoints/feed?after=0`);
    expect(r.status).toBe(401);
    const refused = await listAudit(
      a.database.db,
      { action: 'sharing.checkpoints_refused' },
      { limit: 5, offset: 0 },
    );
    expect(refused.items).toHaveLength(1);
  });

  it("finds every message A pushed in A's signed checkpoints, proven under their roots", async () => {
    for (const title of ['One', 'Two', 'Three']) await send(title);
    expect(await deliverDue(a.database, a.keyFile, system)).toMatchObject({ delivered: 3 });
    expect((await call(a, 'POST', '/api/sharing/ledger/checkpoints')).json().checkpoint).not.toBeNull();
    // A checkpoint over an entry that does not concern B (a message kept in A) gives B only hashes.
    await call(a, 'POST', '/api/sharing/messages', {
      kind: 'warning',
      distribution: 'installation',
      marking: 'red',
      title: 'Internal',
      text: 'kept at A',
    });
    expect((await call(a, 'POST', '/api/sharing/ledger/checkpoints')).json().checkpoint).not.toBeNull();
    const report = await verify();
    expect(report).toEqual({ partner: 'A', checkpoints: 2, entries: 3, divergences: [] });
    const audited = await listAudit(
      b.database.db,
      { action: 'sharing.checkpoints_verified' },
      { limit: 5, offset: 0 },
    );
    expect(audited.items[0]).toMatchObject({ target_id: 'A', details: { entries: 3, divergences: 0 } });
    const read = await listAudit(
      a.database.db,
      { action: 'sharing.checkpoints_read' },
      { limit: 5, offset: 0 },
    );
    expect(read.items[0]).toMatchObject({ actor: 'partner:B' });
  });

  it('reports a message never received and a copy changed behind its back, and audits both', async () => {
    // A records sending a message, but B is down for it: never delivered.
    const lost = await send('Lost on the way');
    expect((await call(a, 'POST', '/api/sharing/ledger/checkpoints')).json().checkpoint).not.toBeNull();
    // Someone rewrites B's copy of a message it received.
    const changed = (
      await b.database.db
        .selectFrom('sharing_messages')
        .select('message_id')
        .where('direction', '=', 'incoming')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).message_id;
    await sql`update sharing_messages set payload_sha256 = ${'0'.repeat(64)} where message_id = ${changed}`.execute(
      b.database.db,
    );
    const report = await verify();
    expect(report.entries).toBe(4);
    expect(report.divergences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'not_received', message_id: lost }),
        expect.objectContaining({ reason: 'mismatch', message_id: changed }),
      ]),
    );
    expect(report.divergences).toHaveLength(2);
    const audited = await listAudit(
      b.database.db,
      { action: 'sharing.checkpoint_divergence' },
      { limit: 10, offset: 0 },
    );
    expect(
      audited.items.map((e: { details: unknown }) => (e.details as { reason: string }).reason).sort(),
    ).toEqual(['mismatch', 'not_received']);
  });
});
