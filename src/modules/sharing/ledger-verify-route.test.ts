/**
 * The ledger verified on the server (`POST /api/sharing/ledger/verify`, the workbench's "verify" button): an empty
 * ledger is intact, so is one with messages and a checkpoint; a row changed behind the trigger's back is named as
 * the first bad entry with its reason. Readers may verify (audited); nobody signed out may.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';

type Headers = Record<string, string>;

describeEachDatabase('sharing ledger verification route', (t) => {
  let opened: TestApp;
  const users = {} as Record<'liaison' | 'auditor' | 'investigator', Headers>;

  beforeAll(async () => {
    opened = await testApp(t.database, { dataDir: mkdtempSync(join(tmpdir(), 'vigie-ledger-verify-')) });
    for (const role of ['liaison', 'auditor', 'investigator'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(() => opened?.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: Record<string, unknown>) =>
    opened.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('refuses the signed-out and those without sharing:read', async () => {
    expect((await call('POST', '/api/sharing/ledger/verify', {})).statusCode).toBe(401);
    expect((await call('POST', '/api/sharing/ledger/verify', users.investigator)).statusCode).toBe(403);
  });

  it('finds an empty ledger intact', async () => {
    const answer = await call('POST', '/api/sharing/ledger/verify', users.auditor);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      ok: true,
      entries: 0,
      checkpoints: 0,
      last_seq: null,
      last_hash: null,
      problem: null,
    });
  });

  it('finds the ledger intact after messages and a checkpoint, and audits the verification', async () => {
    for (const title of ['Alerte 1', 'Alerte 2', 'Alerte 3']) {
      const sent = await call('POST', '/api/sharing/messages', users.liaison, {
        kind: 'warning',
        distribution: 'installation',
        marking: 'green',
        title,
        text: 'Conteneurs suspects',
      });
      expect(sent.statusCode).toBe(201);
    }
    expect((await call('POST', '/api/sharing/ledger/checkpoints', users.liaison)).statusCode).toBe(200);
    const answer = (await call('POST', '/api/sharing/ledger/verify', users.liaison)).json();
    expect(answer).toMatchObject({ ok: true, entries: 3, checkpoints: 1, last_seq: 3, problem: null });
    expect(answer.last_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await listAudit(
      t.database.db,
      { action: 'sharing.ledger_verify' },
      { limit: 10, offset: 0 },
    );
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    expect(audit.items[0]!.details).toMatchObject({ ok: true, entries: 3 });
  });

  it('names the first bad entry when a row was rewritten behind the trigger', async () => {
    await sql`alter table sharing_ledger disable trigger user`.execute(t.database.db);
    try {
      await sql`update sharing_ledger set title = 'Alerte réécrite' where seq = 2`.execute(t.database.db);
    } finally {
      await sql`alter table sharing_ledger enable trigger user`.execute(t.database.db);
    }
    const answer = (await call('POST', '/api/sharing/ledger/verify', users.auditor)).json();
    expect(answer.ok).toBe(false);
    expect(answer.problem).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
    expect(answer.problem.message).toEqual(expect.any(String));
  });
});
