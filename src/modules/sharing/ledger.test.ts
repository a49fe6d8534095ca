/**
 * The signed ledger on both databases: messages sent and received are appended, checkpointed and exported; the
 * export verifies offline, and each kind of tampering is caught at the right entry with the right reason.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { createGroup } from './groups.ts';
import { installationKey, rawPublicKey, signText } from './keys.ts';
import { checkpointLedger, exportLedger } from './ledger.ts';
import {
  ENTRY_FIELDS,
  type EntryContent,
  entryHash,
  entrySigningText,
  payloadHash,
  statementText,
} from './ledger-format.ts';
import { verifyLedger } from './ledger-verify.ts';
import { merkleRoot } from './merkle.ts';
import { receiveMessage, sendMessage } from './messages.ts';
import { addPartner, updatePartner } from './partners.ts';

const actor = { id: null, name: 'liaison-test', ip: null };

describe('Merkle root (RFC 6962)', () => {
  it('hashes leaves and nodes with their prefixes, splitting at the largest power of two', () => {
    const h = (n: number) => n.toString(16).padStart(64, '0');
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const three = merkleRoot([h(1), h(2), h(3)]);
    expect(three).not.toBe(merkleRoot([h(1), h(3), h(2)]));
    expect(three).not.toBe(merkleRoot([h(1), h(2)]));
    expect(merkleRoot([h(1)])).not.toBe(h(1));
  });
});

describeEachDatabase('signed ledger', (t) => {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'vigie-ledger-')), 'sharing.pem');
  const partner = generateKeyPairSync('ed25519');
  const lines: string[] = [];

  const receive = (text: string) => {
    const payload = { schema: 'vigie.text/1', text };
    const statement = {
      v: 1 as const,
      message_id: randomUUID(),
      sender: '',
      sent_at: new Date().toISOString(),
      kind: 'feedback' as const,
      distribution: 'group' as const,
      marking: 'green' as const,
      group: 'CUG-1',
      title: `Feedback: ${text}`,
      payload_sha256: payloadHash(payload),
    };
    return { statement, payload };
  };

  beforeAll(async () => {
    const p = await addPartner(t.database, actor, {
      code: 'DZ-DGD',
      name: 'Direction générale des douanes',
      kind: 'customs_administration',
      country: 'DZ',
      public_key: rawPublicKey(partner.publicKey).toString('base64'),
    });
    await createGroup(t.database, actor, { code: 'CUG-1', name: 'Regional group' });
    const key = await installationKey(t.database, keyFile);
    for (let i = 1; i <= 6; i++) {
      if (i % 2) {
        await sendMessage(t.database, keyFile, actor, {
          kind: 'warning',
          distribution: 'group',
          marking: 'amber',
          group: 'CUG-1',
          title: `Warning ${i}`,
          text: `Counterfeit perfume, route ${i}`,
        });
      } else {
        const { statement, payload } = receive(`seen ${i}`);
        statement.sender = p.key_id;
        const signature = signText(partner.privateKey, statementText(statement));
        await receiveMessage(t.database, keyFile, actor, { ...statement, payload, signature });
      }
      if (i === 4) expect(await checkpointLedger(t.database, key)).toMatchObject({ from_seq: 1, to_seq: 4 });
    }
    expect(await checkpointLedger(t.database, key)).toMatchObject({ from_seq: 5, to_seq: 6 });
    for await (const line of exportLedger(t.database)) lines.push(line);
  });

  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const text = (records: Record<string, unknown>[]) => records.map((r) => JSON.stringify(r));
  const entryIndex = (records: Record<string, unknown>[], seq: number) =>
    records.findIndex((r) => r.type === 'entry' && r.seq === seq);
  const rehash = (r: Record<string, unknown>) => {
    r.hash = entryHash(Object.fromEntries(ENTRY_FIELDS.map((f) => [f, r[f]])) as unknown as EntryContent);
  };

  it('verifies an intact ledger, its checkpoints and every signature', async () => {
    expect(parsed().map((r) => r.type)).toEqual([
      'vigie-ledger',
      'entry',
      'entry',
      'entry',
      'entry',
      'checkpoint',
      'entry',
      'entry',
      'checkpoint',
    ]);
    const verdict = await verifyLedger(lines);
    expect(verdict).toMatchObject({ ok: true, entries: 6, checkpoints: 2, last_seq: 6 });
    expect(verdict.problem).toBeUndefined();
    const own = (await installationKey(t.database, keyFile)).publicKey;
    const trusted = await verifyLedger(lines, {
      trusted: [
        { owner: 'installation', key: own },
        { owner: 'DZ-DGD', key: partner.publicKey },
      ],
    });
    expect(trusted.ok).toBe(true);
    expect(trusted.keys.every((k) => k.from === 'trusted')).toBe(true);
  });

  it('names a tampered payload hash (hash mismatch), and the same with its hash recomputed (bad signature)', async () => {
    const records = parsed();
    const third = records[entryIndex(records, 3)]!;
    third.payload_sha256 = payloadHash({ schema: 'vigie.text/1', text: 'something else' });
    expect((await verifyLedger(text(records))).problem).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    rehash(third);
    const verdict = await verifyLedger(text(records));
    expect(verdict.problem).toMatchObject({
      seq: 3,
      reason: 'bad_signature',
      message: /installation's signature/,
    });
    expect(verdict.entries).toBe(2);
  });

  it('names a swapped entry and a removed middle entry (broken chain)', async () => {
    const swapped = parsed();
    const i = entryIndex(swapped, 2);
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    expect((await verifyLedger(text(swapped))).problem).toMatchObject({
      seq: 3,
      reason: 'broken_chain',
      message: 'entry 3 does not follow entry 1 (expected entry 2)',
    });
    const removed = parsed();
    removed.splice(entryIndex(removed, 3), 1);
    expect((await verifyLedger(text(removed))).problem).toMatchObject({
      seq: 4,
      reason: 'broken_chain',
      message: 'entry 4 does not follow entry 2 (expected entry 3)',
    });
    // Renumbered after the removal: the chain of hashes still breaks there.
    const renumbered = parsed();
    renumbered.splice(entryIndex(renumbered, 3), 1);
    const next = renumbered[entryIndex(renumbered, 4)]!;
    next.seq = 3;
    rehash(next);
    expect((await verifyLedger(text(renumbered))).problem).toMatchObject({ seq: 3, reason: 'broken_chain' });
  });

  it('names the first bad line even when signatures are checked while later lines are read', async () => {
    // Entry 2's signature is forged (checked in the thread pool) and entry 5's content changed (found at once,
    // three lines later): entry 2 is the first bad line, with what stood before it.
    const records = parsed();
    const second = records[entryIndex(records, 2)]!;
    second.signature = signText(
      generateKeyPairSync('ed25519').privateKey,
      entrySigningText(second.hash as string),
    );
    records[entryIndex(records, 5)]!.title = 'changed';
    const verdict = await verifyLedger(text(records));
    expect(verdict).toMatchObject({
      ok: false,
      entries: 1,
      last_seq: 1,
      problem: { line: entryIndex(records, 2) + 1, seq: 2, reason: 'bad_signature' },
    });
    // Alone, entry 5's change is the one named; a forged signature on the last entry is found at the end.
    const fifth = parsed();
    fifth[entryIndex(fifth, 5)]!.title = 'changed';
    expect((await verifyLedger(text(fifth))).problem).toMatchObject({ seq: 5, reason: 'hash_mismatch' });
    const last = parsed();
    const sixth = last[entryIndex(last, 6)]!;
    sixth.signature = signText(
      generateKeyPairSync('ed25519').privateKey,
      entrySigningText(sixth.hash as string),
    );
    expect(await verifyLedger(text(last))).toMatchObject({
      ok: false,
      entries: 5,
      last_seq: 5,
      problem: { seq: 6, reason: 'bad_signature', message: /installation's signature/ },
    });
  });

  it('names a forged entry signature and a forged message signature, even one re-signed with our key', async () => {
    const forged = parsed();
    const fifth = forged[entryIndex(forged, 5)]!;
    fifth.signature = signText(
      generateKeyPairSync('ed25519').privateKey,
      entrySigningText(fifth.hash as string),
    );
    expect((await verifyLedger(text(forged))).problem).toMatchObject({ seq: 5, reason: 'bad_signature' });

    // Whoever holds this installation's key still cannot make a partner say something: entry 4 is the partner's.
    const key = await installationKey(t.database, keyFile);
    const records = parsed();
    const fourth = records[entryIndex(records, 4)]!;
    fourth.title = 'Feedback: nothing seen';
    rehash(fourth);
    fourth.signature = signText(key.privateKey, entrySigningText(fourth.hash as string));
    const verdict = await verifyLedger(text(records));
    expect(verdict.problem).toMatchObject({ seq: 4, reason: 'bad_signature', message: /sender's signature/ });
  });

  it('names a checkpoint whose root differs, or that covers entries not in the file', async () => {
    const records = parsed();
    const checkpoint = records.find((r) => r.type === 'checkpoint')!;
    checkpoint.root = merkleRoot(['0'.repeat(64)]);
    expect((await verifyLedger(text(records))).problem).toMatchObject({
      seq: 4,
      reason: 'checkpoint_mismatch',
    });
    const truncated = parsed();
    truncated.splice(entryIndex(truncated, 6), 1);
    expect((await verifyLedger(text(truncated))).problem).toMatchObject({
      seq: 6,
      reason: 'checkpoint_mismatch',
      message: /does not cover the entries since the last checkpoint \(5–5\)/,
    });
  });

  it('names a malformed line, an unknown key and a header whose key id lies', async () => {
    expect((await verifyLedger([])).problem).toMatchObject({
      reason: 'malformed',
      message: /no ledger header/,
    });
    const broken = [...lines];
    broken.splice(3, 0, '{not json');
    expect((await verifyLedger(broken)).problem).toMatchObject({ line: 4, seq: 3, reason: 'malformed' });
    const header = parsed();
    (header[0]!.keys as { owner: string }[]).splice(1, 1);
    expect((await verifyLedger(text(header))).problem).toMatchObject({ seq: 2, reason: 'unknown_key' });
    const lying = parsed();
    (lying[0]!.keys as { key_id: string }[])[0]!.key_id = 'a'.repeat(32);
    expect((await verifyLedger(text(lying))).problem).toMatchObject({ line: 1, reason: 'malformed' });
  });

  it("still verifies a partner's older messages after its key was rotated", async () => {
    const next = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await updatePartner(t.database, actor, 'DZ-DGD', { public_key: next });
    await expect(
      addPartner(t.database, actor, {
        code: 'DZ-OTHER',
        name: 'Another',
        kind: 'national_agency',
        country: 'DZ',
        public_key: rawPublicKey(partner.publicKey).toString('base64'),
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'sharing.key_in_use',
      message: /had this public key before/,
    });
    const fresh: string[] = [];
    for await (const line of exportLedger(t.database)) fresh.push(line);
    const owners = (JSON.parse(fresh[0]!).keys as { owner: string }[]).map((k) => k.owner);
    expect(owners.filter((o) => o === 'partner:DZ-DGD')).toHaveLength(2);
    expect(await verifyLedger(fresh)).toMatchObject({ ok: true, entries: 6 });
  });
});
