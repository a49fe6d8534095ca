/**
 * Retention in online monitoring: posts past their period go unless an alert, a confirmation or a legal hold
 * keeps them; evidence no post refers to loses its content (inline or chunked) while its record and hashes stay
 * and still verify; the content route then says it was purged; anything else done to evidence is still refused.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { loadOsintDemo } from '../../app/demo/osint.ts';
import { registry } from '../../app/modules.ts';
import { placeHold } from '../../platform/retention/holds.ts';
import { runPurge } from '../../platform/retention/purge.ts';
import { evidenceBuffer, storeEvidence, verifyEvidence } from './evidence.ts';

const actor = { id: null, name: 'test', ip: null };
const osintKinds = () => registry.retention.filter((k) => k.name.startsWith('osint_'));

describeEachDatabase('online-monitoring retention', (t) => {
  let opened: TestApp | undefined;
  beforeAll(async () => {
    await loadOsintDemo(t.database);
    opened = await testApp(t.database);
  });
  afterAll(() => opened?.close());

  it('purges old posts nothing keeps, then the content of evidence no post refers to; hashes still verify', async () => {
    const db = t.database.db;
    const count = async (query: string) =>
      Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);
    const items = await count('select count(*)::int as n from osint_items');
    const kept = await count(`select count(*)::int as n from osint_items i
      where exists (select 1 from osint_alerts a where a.item_id = i.id)
         or exists (select 1 from osint_confirmations c where c.item_id = i.id)`);
    expect(kept).toBeGreaterThan(0);
    expect(items).toBeGreaterThan(kept);
    // One seller under a legal hold: its posts stay whatever their age.
    const held = (
      await sql<{ seller_id: number; n: number }>`select seller_id, count(*)::int as n from osint_items i
        where seller_id is not null and not exists (select 1 from osint_alerts a where a.item_id = i.id)
          and not exists (select 1 from osint_confirmations c where c.item_id = i.id)
        group by seller_id order by 2 desc limit 1`.execute(db)
    ).rows[0]!;
    await placeHold(t.database, actor, {
      target_type: 'osint_seller',
      target_id: held.seller_id,
      reason: 'case 2026-14',
    });
    // Two pieces of evidence nothing refers to: one inline, one in chunks.
    const collectedBy = actor;
    const old = new Date('2024-01-01T00:00:00Z');
    const small = await storeEvidence(db, {
      sourceId: null,
      runId: null,
      method: 'manual',
      url: 'https://example.org/a',
      fetchedAt: old,
      content: Buffer.from('small page'),
      collectedBy,
    });
    const large = await storeEvidence(db, {
      sourceId: null,
      runId: null,
      method: 'manual',
      url: 'https://example.org/b',
      fetchedAt: old,
      content: Buffer.alloc(2_500_000, 7),
      collectedBy,
    });
    await sql`update osint_items set last_seen_at = now() - interval '800 days'`.execute(db);

    const report = await runPurge(t.database, osintKinds(), {}, actor);
    const line = (kind: string) => report.kinds.find((k) => k.kind === kind)!;
    expect(line('osint_items')).toMatchObject({ removed: items - kept - held.n, kept: kept + held.n });
    expect(await count('select count(*)::int as n from osint_items')).toBe(kept + held.n);
    expect(line('osint_evidence').removed).toBeGreaterThanOrEqual(2);
    const purged = await db
      .selectFrom('osint_evidence')
      .select(['id', 'purged_at', 'content', 'sha256'])
      .where('id', 'in', [small.id, large.id])
      .execute();
    expect(purged.every((e) => e.purged_at !== null && e.content === null)).toBe(true);
    expect((await evidenceBuffer(db, large.id)).length).toBe(0);
    const verified = await verifyEvidence(db);
    expect(verified).toMatchObject({ ok: true, problems: [] });
    expect(verified.purged).toBeGreaterThanOrEqual(2);

    // Nothing else may be done to evidence: its record, a purged row again, a kept row's content.
    await expect(sql`update osint_evidence set url = 'x' where id = ${small.id}`.execute(db)).rejects.toThrow(
      /evidence is immutable/,
    );
    await expect(sql`delete from osint_evidence where id = ${small.id}`.execute(db)).rejects.toThrow(
      /evidence is immutable/,
    );
    const live = (
      await sql<{ id: number }>`select id from osint_evidence where purged_at is null limit 1`.execute(db)
    ).rows[0]!;
    await expect(
      sql`update osint_evidence set purged_at = now(), content = null where id = ${live.id}`.execute(db),
    ).resolves.toBeDefined();
    await expect(
      sql`update osint_evidence set purged_at = now() + interval '1 day' where id = ${live.id}`.execute(db),
    ).rejects.toThrow(/evidence is immutable/);

    const investigator = await userWithToken(t.database, ['investigator']);
    const gone = await opened!.app.inject({
      method: 'GET',
      url: `/api/osint/evidence/${small.id}/content`,
      headers: investigator.headers,
    });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().message).toContain(small.sha256);
  });
});
