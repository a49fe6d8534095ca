import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { canonicalJson } from './chain.ts';
import { appendAudit, listAudit, verifyAudit } from './store.ts';

const actor = { id: null, name: 'tester', ip: '127.0.0.1' };

describeEachDatabase('audit trail', (t) => {
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
      checked: 2,
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
      message: 'the trail no longer reaches entry #4: its end was cut off',
    });
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
