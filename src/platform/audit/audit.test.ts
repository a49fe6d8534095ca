import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { loadConfig } from '../config.ts';
import { canonicalJson, canonicalValue, entryHash } from './chain.ts';
import { readCheckpoints, writeCheckpoint } from './checkpoints.ts';
import { auditKeyring, installAuditKeyring, loadAuditKeyring, parseKeyring } from './key.ts';
import { checkpointAudit, startAuditSealing, verifyInstallation } from './sealing.ts';
import { appendAudit, listAudit, verifyAudit } from './store.ts';

const files = tempFiles();

const actor = { id: null, name: 'tester', ip: '127.0.0.1' };

describeEachDatabase('audit trail', (t) => {
  const installed = auditKeyring();
  afterEach(() => installAuditKeyring(installed));
  beforeEach(async () => {
    // The trail refuses TRUNCATE; tests empty it the way only an owner bypassing its protection could.
    await sql`alter table audit_log disable trigger user`.execute(t.database.db);
    await sql`truncate audit_log restart identity`.execute(t.database.db);
    await sql`alter table audit_log enable trigger user`.execute(t.database.db);
  });

  const fill = async (n: number) => {
    for (let i = 1; i <= n; i++) {
      await appendAudit(t.database, actor, {
        action: 'test.event',
        target_type: 'thing',
        target_id: i,
        before: { value: i - 1, nested: { b: 2, a: [1, 'x'] } },
        after: { value: i, note: 'é "quoted"' },
      });
    }
  };
  const tamper = async (statement: string) => {
    await sql`alter table audit_log disable trigger user`.execute(t.database.db);
    await sql.raw(statement).execute(t.database.db);
    await sql`alter table audit_log enable trigger user`.execute(t.database.db);
  };

  it('refuses to change, delete or truncate an entry', async () => {
    await fill(2);
    await expect(
      sql`update audit_log set actor = 'someone else' where seq = 1`.execute(t.database.db),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
  });

  it('names the entry that was altered', async () => {
    await fill(5);
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: true, checked: 5, head: { seq: 5 } });
    await tamper(`update audit_log set after = '{"value": 300, "note": "é \\"quoted\\""}' where seq = 3`);
    expect(await verifyAudit(t.database.db)).toMatchObject({
      ok: false,
      checked: 5,
      problem: { seq: 3, kind: 'altered', message: 'entry #3 (test.event) was altered after it was written' },
    });
  });

  it('names where an entry was removed', async () => {
    await fill(5);
    await tamper('delete from audit_log where seq = 2');
    expect((await verifyAudit(t.database.db)).problem).toEqual({
      seq: 3,
      kind: 'broken_link',
      message: 'entry #3 does not follow entry #1: an entry before it was removed, or the order was changed',
    });
  });

  it('detects a reordering', async () => {
    await fill(4);
    await tamper(`update audit_log a set (at, actor_id, actor, ip, action, target_type, target_id, before, after, details, prev_hash, hash) =
      (select b.at, b.actor_id, b.actor, b.ip, b.action, b.target_type, b.target_id, b.before, b.after, b.details, b.prev_hash, b.hash
       from audit_log b where b.seq = case a.seq when 2 then 3 else 2 end)
      where a.seq in (2, 3)`);
    expect((await verifyAudit(t.database.db)).problem).toMatchObject({ seq: 2, kind: 'broken_link' });
  });

  it('detects a cut-off tail against a head recorded earlier', async () => {
    await fill(4);
    const { head } = await verifyAudit(t.database.db);
    await tamper('delete from audit_log where seq = 4');
    expect((await verifyAudit(t.database.db)).ok).toBe(true);
    expect((await verifyAudit(t.database.db, { expectHead: head! })).problem).toMatchObject({
      seq: 4,
      kind: 'wrong_head',
      message: 'the trail no longer reaches entry #4 (the head recorded earlier): its end was cut off',
    });
  });

  it('reports every tampered entry, not only the first', async () => {
    await fill(6);
    await tamper(`update audit_log set actor = 'mallory' where seq in (2, 5)`);
    await tamper('delete from audit_log where seq = 4');
    const report = await verifyAudit(t.database.db);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'altered'],
      [5, 'broken_link'],
      [5, 'altered'],
    ]);
    expect(report).toMatchObject({ ok: false, checked: 5, problem_count: 3 });
  });

  it('keeps the chain intact whatever text an entry holds (lone surrogates, NUL, odd numbers, dates)', async () => {
    await appendAudit(
      t.database,
      { id: null, name: '\ud800evil', ip: 'a\u0000b' },
      {
        action: 'auth.login_failed\udfff',
        target_id: '\u0000',
        details: {
          username: '\ud800evil',
          nul: 'x\u0000y',
          ['k\ud800']: [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-324, 0.1 + 0.2, 2 ** 53 + 2],
          when: new Date('2026-01-02T03:04:05.678Z'),
          nothing: undefined,
          big: 12345678901234567890n,
          emoji: '👍🏽 é ة ⵣ',
        },
      },
    );
    await appendAudit(t.database, actor, { action: 'test.after' });
    expect(await verifyAudit(t.database.db)).toMatchObject({ ok: true, checked: 2, problem_count: 0 });
    const [entry] = (await listAudit(t.database.db, { action: 'auth.*' }, { limit: 1, offset: 0 })).items;
    expect(entry).toMatchObject({ actor: '\ufffdevil', ip: 'a\ufffdb', target_id: '\ufffd' });
    expect(entry!.details).toMatchObject({
      username: '\ufffdevil',
      nul: 'x\ufffdy',
      when: '2026-01-02T03:04:05.678Z',
    });
  });

  it('keeps the chain intact after an anonymous sign-in with a malformed user name', async () => {
    const { app, close } = await testApp(t.database);
    try {
      for (const username of ['\ud800evil', 'a\u0000b', '\udfff']) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'not it' },
        });
        expect(response.statusCode, username).toBeLessThan(500);
      }
    } finally {
      await close();
    }
    await appendAudit(t.database, actor, { action: 'test.after' });
    const report = await verifyAudit(t.database.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names a chain recomputed after an edit: its seals no longer match', async () => {
    await fill(4);
    // Someone with the database but not the key edits entry 2 and recomputes every hash after it.
    const rows = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const content = {
        at: row.at.toISOString(),
        actor_id: row.actor_id,
        actor: row.seq === 2 ? 'mallory' : row.actor,
        ip: row.ip,
        action: row.action,
        target_type: row.target_type,
        target_id: row.target_id,
        before: row.before,
        after: row.after,
        details: row.details,
      };
      const hash = entryHash(prev, content);
      await tamper(
        `update audit_log set actor = '${content.actor}', prev_hash = '${prev}', hash = '${hash}' where seq = ${row.seq}`,
      );
      prev = hash;
    }
    // Without the key the chain looks whole; with it, every rewritten entry is named.
    expect((await verifyAudit(t.database.db, { keyring: null })).ok).toBe(true);
    const report = await verifyAudit(t.database.db);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'forged'],
      [3, 'forged'],
      [4, 'forged'],
    ]);
    expect(report.problems[0]!.message).toBe(
      'entry #2 (test.event) has a seal that does not match: it was rewritten without the audit key',
    );
  });

  it('names entries whose seal was stripped, and entries sealed with a key it lacks', async () => {
    await fill(3);
    await tamper('update audit_log set seal = null, key_id = null where seq = 3');
    expect((await verifyAudit(t.database.db)).problems).toMatchObject([{ seq: 3, kind: 'unsealed' }]);
    const other = parseKeyring(randomBytes(32).toString('hex'), 'another key file');
    expect((await verifyAudit(t.database.db, { keyring: other })).problems).toMatchObject([
      { seq: 1, kind: 'unknown_key' },
      { seq: 2, kind: 'unknown_key' },
      { seq: 3, kind: 'unsealed' },
    ]);
  });

  it('checks the trail against its last checkpoint: a cut-off end, or seals stripped from the start', async () => {
    const config = loadConfig({
      dataDir: files.dir,
      auditCheckpointFile: join(files.dir, `cp-${Math.random()}.jsonl`),
    });
    await fill(4);
    expect(await checkpointAudit(t.database, config)).toMatchObject({ seq: 4, sealed_from: 1 });
    // Nothing new: no second checkpoint.
    expect(await checkpointAudit(t.database, config)).toBeNull();
    expect((await verifyInstallation(t.database, config)).checkpoint).toMatchObject({ seq: 4 });
    await tamper('delete from audit_log where seq = 4');
    expect((await verifyInstallation(t.database, config)).problems).toEqual([
      {
        seq: 4,
        kind: 'wrong_head',
        message: expect.stringMatching(
          /^the trail no longer reaches entry #4 \(the checkpoint of .*\): its end was cut off$/,
        ),
      },
    ]);
    await tamper('update audit_log set seal = null, key_id = null');
    expect((await verifyInstallation(t.database, config)).problems.map((p) => [p.seq, p.kind])).toEqual([
      [1, 'unsealed'],
      [2, 'unsealed'],
      [3, 'unsealed'],
      [4, 'wrong_head'],
    ]);
  });

  it('names an edited checkpoint file', async () => {
    const path = join(files.dir, `cp-${Math.random()}.jsonl`);
    const config = loadConfig({ dataDir: files.dir, auditCheckpointFile: path });
    await fill(2);
    const written = await writeCheckpoint(t.database.db, auditKeyring(), path);
    writeFileSync(path, `${JSON.stringify({ ...written, seq: 1 })}\n`);
    appendFileSync(path, 'not json\n');
    expect(readCheckpoints(path, auditKeyring()).problems).toEqual([
      `${path}:1: checkpoint #1 was altered (its seal does not match)`,
      `${path}:2: not a checkpoint (invalid JSON)`,
    ]);
    expect(await verifyInstallation(t.database, config)).toMatchObject({ ok: false, problem_count: 2 });
  });

  it('refuses to start with a key that did not seal the trail', async () => {
    await fill(1);
    const installed = auditKeyring();
    const config = loadConfig({
      dataDir: files.dir,
      auditKeyFile: join(files.dir, `k-${Math.random()}.key`),
    });
    try {
      await expect(startAuditSealing(t.database, config)).rejects.toThrow(
        /the audit trail is sealed with key [0-9a-f]{16} \(entry #1\), which .* does not hold/,
      );
      expect(auditKeyring()).toBe(installed);
      // A key file made on first start is readable by its owner only.
      expect(loadAuditKeyring(config.auditKeyFile, { create: false })).not.toBeNull();
    } finally {
      installAuditKeyring(installed);
    }
  });

  it('keeps one chain when many write at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.database, actor, { action: 'test.parallel', details: { i } }),
      ),
    );
    const report = await verifyAudit(t.database.db);
    expect(report).toMatchObject({ ok: true, checked: 20 });
  });

  it('lists entries by actor, action family and target', async () => {
    await fill(3);
    await appendAudit(t.database, { id: null, name: 'other', ip: null }, { action: 'auth.login' });
    expect((await listAudit(t.database.db, { action: 'test.*' }, { limit: 10, offset: 0 })).total).toBe(3);
    expect(
      (await listAudit(t.database.db, { actor: 'other' }, { limit: 10, offset: 0 })).items[0],
    ).toMatchObject({ action: 'auth.login', seq: 4 });
    expect(
      (await listAudit(t.database.db, { target_type: 'thing', target_id: '2' }, { limit: 10, offset: 0 }))
        .total,
    ).toBe(1);
  });
});

it('serialises JSON canonically', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe(
    '{"a":{"c":null,"d":[3,{"z":1}]},"b":1}',
  );
});

it('makes values canonical: what is hashed is what the database gives back', () => {
  expect(
    canonicalValue({ a: undefined, b: [undefined, Number.NaN], c: '\ud800', d: new Date(0), e: 1n }),
  ).toEqual({
    b: [null, null],
    c: '\ufffd',
    d: '1970-01-01T00:00:00.000Z',
    e: '1',
  });
});

it('reads a key file and names a bad line without showing it', () => {
  const key = randomBytes(32).toString('hex');
  const path = files.write('audit.key', `# comment\n${key}\n`);
  expect(loadAuditKeyring(path, { create: false })!.keys.size).toBe(1);
  writeFileSync(path, `${key}\nsecret-looking-line\n`);
  expect(() => loadAuditKeyring(path, { create: false })).toThrow(
    `${path}:2: expected an audit key of 64 hexadecimal digits (the line is not shown)`,
  );
  expect(readFileSync(path, 'utf8')).toContain(key);
});
