/**
 * The signed ledger: offline verification of an exported ledger of N entries (1,000,000; 20,000 with --quick) —
 * each entry's hash recomputed, its chain, the installation's signature and the sender's signature checked,
 * Merkle checkpoints every 10,000 entries — against a plain SHA-256 of the same lines read the same way. The STIX
 * export (VIGIE_BENCH_SHARING=stix): bundles made per second against a plain JSON.stringify of the same messages.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { keyIdOf, publicPemOf, signText, verifyText } from '../../src/modules/sharing/keys.ts';
import {
  type CheckpointContent,
  checkpointSigningText,
  type EntryContent,
  entryHash,
  entrySigningText,
  GENESIS,
  type MessageStatement,
  payloadHash,
  statementText,
} from '../../src/modules/sharing/ledger-format.ts';
import { verifyLedger } from '../../src/modules/sharing/ledger-verify.ts';
import { merkleRoot } from '../../src/modules/sharing/merkle.ts';
import { seizureReportPayload } from '../../src/modules/sharing/payload.ts';
import { bundleOf, type ExportedMessage, messageObjects } from '../../src/modules/sharing/stix.ts';
import { source } from '../../test/sharing-sample.ts';
import { type BenchSuite, timed } from '../harness.ts';
import { benchExchange } from '../sharing-exchange.ts';

const CHECKPOINT_EVERY = 10_000;

async function writeLedger(file: string, entries: number) {
  const own = generateKeyPairSync('ed25519');
  const partner = generateKeyPairSync('ed25519');
  const ownId = keyIdOf(own.publicKey);
  const partnerId = keyIdOf(partner.publicKey);
  const out = createWriteStream(file);
  const write = (line: string) =>
    new Promise<void>((resolve) => (out.write(`${line}\n`) ? resolve() : out.once('drain', resolve)));
  await write(
    JSON.stringify({
      type: 'vigie-ledger',
      version: 1,
      keys: [
        { owner: 'installation', key_id: ownId, public_key: publicPemOf(own.publicKey) },
        { owner: 'partner:B', key_id: partnerId, public_key: publicPemOf(partner.publicKey) },
      ],
    }),
  );
  let prev = GENESIS;
  let pending: string[] = [];
  let from = 1;
  const at = new Date('2026-01-01T00:00:00Z').getTime();
  for (let seq = 1; seq <= entries; seq++) {
    const incoming = seq % 2 === 0;
    const sent = new Date(at + seq * 1000).toISOString();
    const statement: MessageStatement = {
      v: 1,
      message_id: `m-${seq}`,
      sender: incoming ? partnerId : ownId,
      sent_at: sent,
      kind: 'seizure_report',
      distribution: 'group',
      marking: 'amber',
      group: 'MED',
      title: `Seizure ${seq}`,
      payload_sha256: payloadHash({ seq }),
    };
    const content: EntryContent = {
      seq,
      at: sent,
      direction: incoming ? 'incoming' : 'outgoing',
      partner: incoming ? 'B' : null,
      group: 'MED',
      message_id: statement.message_id,
      sent_at: sent,
      kind: statement.kind,
      distribution: statement.distribution,
      marking: statement.marking,
      title: statement.title,
      payload_sha256: statement.payload_sha256,
      message_signer: statement.sender,
      message_signature: signText(incoming ? partner.privateKey : own.privateKey, statementText(statement)),
      prev_hash: prev,
      key_id: ownId,
    };
    const hash = entryHash(content);
    await write(
      JSON.stringify({
        type: 'entry',
        ...content,
        hash,
        signature: signText(own.privateKey, entrySigningText(hash)),
      }),
    );
    prev = hash;
    pending.push(hash);
    if (seq % CHECKPOINT_EVERY === 0 || seq === entries) {
      const checkpoint: CheckpointContent = {
        from_seq: from,
        to_seq: seq,
        root: merkleRoot(pending),
        at: sent,
        key_id: ownId,
      };
      await write(
        JSON.stringify({
          type: 'checkpoint',
          ...checkpoint,
          signature: signText(own.privateKey, checkpointSigningText(checkpoint)),
        }),
      );
      pending = [];
      from = seq + 1;
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * STIX export: N messages (seizure reports split for a non-nominal group, and alerts with four observables) each
 * made a bundle, against a plain JSON.stringify of the same messages.
 */
async function benchStix(ctx: Parameters<BenchSuite['run']>[0]) {
  const count = ctx.quick ? 2_000 : 20_000;
  const author = { key_id: 'ab'.repeat(16), name: 'Vigie bench', since: '2026-01-01T00:00:00.000Z' };
  const seizure = seizureReportPayload(source, { nominal: true }).payload;
  const alert = {
    schema: 'vigie.text/1',
    text: 'A seller offers counterfeit perfume.',
    observables: [
      { type: 'phone', value: '+212 661 23 45 67' },
      { type: 'email', value: 'seller@example.ma' },
      { type: 'url', value: 'https://shop.example/item/12' },
      { type: 'domain', value: 'shop.example' },
    ],
  };
  const messages: ExportedMessage[] = Array.from({ length: count }, (_, i) => ({
    message_id: `bench-${i}`,
    kind: i % 2 ? 'warning' : 'seizure_report',
    marking: 'amber',
    title: `Message ${i}`,
    sent_at: '2026-03-15T08:30:00.000Z',
    group_code: 'MED',
    payload: i % 2 ? alert : seizure,
  }));
  const plain = await timed(async () => {
    let bytes = 0;
    for (const m of messages) bytes += JSON.stringify(m).length;
    return bytes;
  });
  const stix = await timed(async () => {
    let bytes = 0;
    for (const m of messages)
      bytes += JSON.stringify(
        bundleOf(m.message_id, [messageObjects(m, author, { nominal: false }).objects]),
      ).length;
    return bytes;
  });
  const rate = count / (stix.ms / 1000);
  const baseline = count / (plain.ms / 1000);
  ctx.report({
    name: `STIX 2.1 export, ${count.toLocaleString('en-US')} messages (nominal split, one bundle each, serialised)`,
    value: rate,
    unit: 'bundles/s',
    baseline: { name: 'plain JSON.stringify of the same messages', value: baseline, unit: 'messages/s' },
    ratio: rate / baseline,
    note: `${(stix.result / count).toFixed(0)} bytes a bundle against ${(plain.result / count).toFixed(0)} a message`,
  });
}

const lines = (file: string) =>
  createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });

const suite: BenchSuite = {
  name: 'sharing',
  description:
    'seizure reports pushed between two installations killed mid-stream (messages/s, latency, zero loss) against bare signed POSTs; offline verification of the signed ledger against a plain SHA-256 of the same lines',
  async run(ctx) {
    // VIGIE_BENCH_SHARING=exchange, ledger or stix runs one part; VIGIE_BENCH_LEDGER_ENTRIES sets the ledger's length.
    const part = process.env.VIGIE_BENCH_SHARING;
    if (part === 'stix') return benchStix(ctx);
    if (part !== 'ledger') await benchExchange(ctx);
    if (part === 'exchange') return;
    const entries = Number(process.env.VIGIE_BENCH_LEDGER_ENTRIES) || (ctx.quick ? 20_000 : 1_000_000);
    const file = join(ctx.tmpDir, `ledger-${entries}.ndjson`);
    const written = await timed(() => writeLedger(file, entries));
    ctx.log(`wrote ${entries} entries in ${(written.ms / 1000).toFixed(1)} s`);
    const plain = await timed(async () => {
      let n = 0;
      for await (const line of lines(file)) {
        createHash('sha256').update(line).digest();
        n++;
      }
      return n;
    });
    const verify = await timed(() => verifyLedger(lines(file)));
    // The floor: Ed25519 verifications alone, two per entry, one after the other on one thread, on the same machine in
    // the same run. The verifier checks signatures in the thread pool, on every core: above 1 is possible.
    const floorKey = generateKeyPairSync('ed25519');
    const floorText = `vigie-ledger-entry/1\n${'0'.repeat(64)}`;
    const floorSignature = signText(floorKey.privateKey, floorText);
    const floorCount = Math.min(entries, 20_000);
    const floor = await timed(() => {
      for (let i = 0; i < floorCount; i++) verifyText(floorKey.publicKey, floorText, floorSignature);
    });
    const floorRate = floorCount / (floor.ms / 1000) / 2;
    if (!verify.result.ok)
      throw new Error(`the bench ledger does not verify: ${verify.result.problem?.message}`);
    const rate = entries / (verify.ms / 1000);
    const baseline = plain.result / (plain.ms / 1000);
    ctx.report({
      name: `ledger verify, ${entries.toLocaleString('en-US')} entries (hash, chain, 2 Ed25519 signatures each, Merkle checkpoints)`,
      value: rate,
      unit: 'entries/s',
      baseline: {
        name: 'plain SHA-256 of the same lines, read the same way',
        value: baseline,
        unit: 'lines/s',
      },
      ratio: rate / baseline,
      note: 'the two Ed25519 verifications per entry dominate (checked in the thread pool while lines are read)',
    });
    ctx.report({
      name: `ledger verify, ${entries.toLocaleString('en-US')} entries, against its floor`,
      value: rate,
      unit: 'entries/s',
      baseline: {
        name: 'two Ed25519 verifications alone (node:crypto), per entry',
        value: floorRate,
        unit: 'entries/s',
      },
      ratio: rate / floorRate,
      note: `one thread's floor; the verifier checks signatures in the thread pool (${availableParallelism()} cores here)`,
    });
    if (!part) await benchStix(ctx);
  },
};

export default suite;
