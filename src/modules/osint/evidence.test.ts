import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import {
  type EvidenceInput,
  evidenceBuffer,
  getEvidence,
  INLINE_MAX_BYTES,
  storeEvidence,
  verifyEvidence,
} from './evidence.ts';
import { resetOsint, withoutEvidenceProtection } from './testing/reset.ts';

const collector = { id: null, name: 'investigator-7', ip: null };
const files = tempFiles();

const page = (url: string, content: string | Buffer): EvidenceInput => ({
  sourceId: null,
  runId: null,
  method: 'http',
  url,
  finalUrl: url,
  fetchedAt: new Date('2025-02-01T10:00:00.123Z'),
  httpStatus: 200,
  httpHeaders: {
    'Content-Type': 'text/html; charset=utf-8',
    'Set-Cookie': ['a=1', 'b=2'],
    Server: undefined,
  },
  contentType: 'text/html; charset=utf-8',
  content: Buffer.isBuffer(content) ? content : Buffer.from(content),
  collectedBy: collector,
});

describeEachDatabase('osint evidence', (t) => {
  beforeEach(() => resetOsint(t.database));

  it('keeps content byte for byte with its SHA-256, status, headers and collector; an identical fetch is not kept twice', async () => {
    const html = '<html><body>Rolex réplique AAA 1200 dh</body></html>';
    const stored = await storeEvidence(t.database.db, page('https://souk.ma/item/1', html));
    expect(stored).toEqual({
      id: 1,
      sha256: createHash('sha256').update(html).digest('hex'),
      bytes: Buffer.byteLength(html),
      reused: false,
    });
    expect(await getEvidence(t.database.db, 1)).toMatchObject({
      url: 'https://souk.ma/item/1',
      fetched_at: '2025-02-01T10:00:00.123Z',
      http_status: 200,
      http_headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': ['a=1', 'b=2'] },
      collected_by: 'investigator-7',
    });
    expect((await evidenceBuffer(t.database.db, 1)).toString('utf8')).toBe(html);
    expect(await storeEvidence(t.database.db, page('https://souk.ma/item/1', html))).toMatchObject({
      id: 1,
      reused: true,
    });
    expect(await storeEvidence(t.database.db, page('https://souk.ma/item/1', `${html} `))).toMatchObject({
      id: 2,
      reused: false,
    });
  });

  it('keeps large contents and files in chunks', async () => {
    const big = Buffer.alloc(INLINE_MAX_BYTES * 2 + 12345, 0x61);
    big.write('start', 0);
    const stored = await storeEvidence(t.database.db, page('https://souk.ma/big', big));
    expect((await evidenceBuffer(t.database.db, stored.id)).equals(big)).toBe(true);
    const chunks = await t.database.db
      .selectFrom('osint_evidence_chunks')
      .select('seq')
      .where('evidence_id', '=', stored.id)
      .execute();
    expect(chunks).toHaveLength(3);
    const path = files.write('export.ndjson', big);
    const fromFile = await storeEvidence(t.database.db, {
      ...page('file:export.ndjson', ''),
      method: 'file',
      content: { path },
    });
    expect(fromFile.sha256).toBe(stored.sha256);
    expect((await evidenceBuffer(t.database.db, fromFile.id)).equals(big)).toBe(true);
    expect(await verifyEvidence(t.database.db)).toMatchObject({
      ok: true,
      checked: 2,
      bytes: big.length * 2,
    });
  });

  it('refuses to change, delete or truncate evidence', async () => {
    await storeEvidence(t.database.db, page('https://souk.ma/item/1', 'x'));
    await storeEvidence(t.database.db, page('https://souk.ma/big', Buffer.alloc(INLINE_MAX_BYTES + 1)));
    await expect(
      sql`update osint_evidence set url = 'https://elsewhere' where id = 1`.execute(t.database.db),
    ).rejects.toThrow(/evidence is immutable: UPDATE on osint_evidence refused/);
    await expect(sql`delete from osint_evidence where id = 1`.execute(t.database.db)).rejects.toThrow(
      /DELETE on osint_evidence refused/,
    );
    await expect(sql`truncate osint_evidence cascade`.execute(t.database.db)).rejects.toThrow(
      /TRUNCATE on osint_evidence refused/,
    );
    await expect(sql`update osint_evidence_chunks set data = '\\x00'`.execute(t.database.db)).rejects.toThrow(
      /UPDATE on osint_evidence_chunks refused/,
    );
    await expect(sql`delete from osint_evidence_chunks`.execute(t.database.db)).rejects.toThrow(
      /DELETE on osint_evidence_chunks refused/,
    );
  });

  it('names every row whose content or description was altered', async () => {
    for (let i = 1; i <= 5; i++)
      await storeEvidence(t.database.db, page(`https://souk.ma/item/${i}`, `<p>annonce ${i}</p>`));
    await storeEvidence(
      t.database.db,
      page('https://souk.ma/big', Buffer.alloc(INLINE_MAX_BYTES + 10, 0x62)),
    );
    expect(await verifyEvidence(t.database.db)).toMatchObject({ ok: true, checked: 6, problems: [] });

    await withoutEvidenceProtection(
      t.database,
      `update osint_evidence set content = convert_to('<p>annonce 300</p>', 'UTF8') where id = 2`,
    );
    await withoutEvidenceProtection(
      t.database,
      `update osint_evidence set url = 'https://souk.ma/item/40' where id = 4`,
    );
    await withoutEvidenceProtection(
      t.database,
      `update osint_evidence set fetched_at = fetched_at + interval '1 day' where id = 5`,
    );
    await withoutEvidenceProtection(
      t.database,
      `update osint_evidence_chunks set data = '\\x00' where evidence_id = 6 and seq = 1`,
    );
    const result = await verifyEvidence(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(6);
    expect(result.problems.map((p) => [p.id, p.kind])).toEqual([
      [2, 'content_altered'],
      [4, 'record_altered'],
      [5, 'record_altered'],
      [6, 'content_altered'],
    ]);
    expect(result.problems[0]!.message).toMatch(
      /^evidence #2 \(https:\/\/souk\.ma\/item\/2\): content changed since it was collected/,
    );
    expect(result.problems[1]!.message).toMatch(
      /evidence #4 \(https:\/\/souk\.ma\/item\/40\): its description/,
    );
    expect((await verifyEvidence(t.database.db, { fromId: 5 })).checked).toBe(2);
  });
});
