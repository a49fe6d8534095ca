/**
 * The exchange between two installations (part of the `sharing` suite, bench/suites/sharing.ts): N seizure reports (10,000; 1,000 with
 * --quick) sent through installation A's API to a closed user group and pushed to installation B, both real
 * processes on loopback with their own embedded databases (test/installations), B killed with SIGKILL once about
 * a third has arrived and restarted at once. Reports messages/s from the first send to the last receipt, the
 * end-to-end latency (B's receipt time minus the message's sent_at) p50/p99, and checks zero loss and zero
 * duplicates in both databases afterwards. Baseline in the same run: the same envelopes posted in the same
 * batches, signed the same way, to a bare HTTP server that checks the request signature and stores nothing.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { loadInstallationKey, verifyText } from '../src/modules/sharing/keys.ts';
import { envelopesByRowId } from '../src/modules/sharing/messages.ts';
import { BATCH_MAX, postBatch } from '../src/modules/sharing/push.ts';
import { canonicalJson, canonicalValue } from '../src/platform/audit/chain.ts';
import { Installation, setUpPair, waitFor } from '../test/installations/index.ts';
import type { BenchContext } from './harness.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export async function benchExchange(ctx: BenchContext): Promise<void> {
  const count = ctx.quick ? 1_000 : 10_000;
  const a = await Installation.create('pglite', 'A', ctx.tmpDir);
  const b = await Installation.create('pglite', 'B', ctx.tmpDir);
  try {
    const { tokens, seizureIds } = await setUpPair(a, b, { seizures: 20 });
    await Promise.all([a.start(), b.start()]);
    const incoming = async () =>
      Number((await b.call('GET', '/api/sharing/messages?direction=incoming&limit=1', tokens.B)).json.total);
    const backlog = async () =>
      Number(
        ((await a.call('GET', '/api/sharing/status', tokens.A)).json.items![0] as { backlog: number })
          .backlog,
      );
    const started = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < count) {
        const n = next++;
        const r = await a.call('POST', '/api/sharing/messages', tokens.A, {
          kind: 'seizure_report',
          distribution: 'group',
          marking: 'amber',
          group: 'MED',
          seizure_id: seizureIds[n % seizureIds.length],
        });
        if (r.status !== 201) throw new Error(`send ${n}: ${r.status} ${JSON.stringify(r.json)}`);
      }
    };
    const sending = Promise.all(Array.from({ length: 6 }, sender));
    // One kill and restart of the receiver, mid-stream.
    await waitFor(
      async () => (await incoming()) >= count / 3,
      () => 'a third received',
      1_800_000,
    );
    const before = await incoming();
    await b.kill();
    const down = performance.now();
    await b.start();
    ctx.log(`B killed after ${before} receipts, back in ${((performance.now() - down) / 1000).toFixed(1)} s`);
    const sent = await timed(() => sending);
    ctx.log(`A took ${count} messages in ${(sent / 1000).toFixed(1)} s`);
    await waitFor(
      async () => (await backlog()) === 0 && (await incoming()) === count,
      async () => `backlog ${await backlog()}, B holds ${await incoming()}`,
      1_800_000,
    );
    const elapsed = performance.now() - started;
    await Promise.all([a.stop(), b.stop()]);

    // Zero loss, zero duplicates: A's outgoing messages and B's incoming ones, id by id; B's ledger as long.
    const dbA = await a.open();
    const outgoing = await dbA.db
      .selectFrom('sharing_messages')
      .select(['id', 'message_id'])
      .where('direction', '=', 'outgoing')
      .orderBy('id')
      .execute();
    const envelopes = await envelopesByRowId(
      dbA.db,
      outgoing.map((m) => Number(m.id)),
    );
    await dbA.close();
    const dbB = await b.open();
    const received = await dbB.db
      .selectFrom('sharing_messages')
      .select(['message_id', 'sent_at', 'recorded_at'])
      .where('direction', '=', 'incoming')
      .execute();
    const ledger = Number(
      (
        await dbB.db
          .selectFrom('sharing_ledger')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await dbB.close();
    const ids = new Set(received.map((r) => r.message_id));
    const lost = outgoing.filter((m) => !ids.has(m.message_id)).length;
    const duplicates = received.length - ids.size;
    if (outgoing.length !== count || lost !== 0 || duplicates !== 0 || ledger !== count)
      throw new Error(
        `exchange: A sent ${outgoing.length}, B holds ${received.length} (${lost} lost, ${duplicates} duplicates, ${ledger} ledger entries)`,
      );
    const latencies = received
      .map((r) => new Date(r.recorded_at).getTime() - Date.parse(r.sent_at))
      .sort((x, y) => x - y);

    // Baseline: the same envelopes, the same batches and signatures, to a server that verifies and stores nothing.
    const key = loadInstallationKey(a.config.sharingKeyFile);
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c) => chunks.push(c));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const date = String(request.headers['x-vigie-date']);
        const text = `vigie-push/1\n${date}\n${createHash('sha256')
          .update(canonicalJson(canonicalValue(body)))
          .digest('hex')}`;
        const ok = verifyText(key.publicKey, text, String(request.headers['x-vigie-signature']));
        response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            results: (body.envelopes as { message_id: string }[]).map((e) => ({
              message_id: e.message_id,
              outcome: 'stored',
            })),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const list = outgoing.map((m) => envelopes.get(Number(m.id))!);
    const plainLatencies: number[] = [];
    const plain = await timed(async () => {
      for (let i = 0; i < list.length; i += BATCH_MAX) {
        const t = performance.now();
        const r = await postBatch(`http://127.0.0.1:${port}/`, key, list.slice(i, i + BATCH_MAX));
        if (r.status !== 200) throw new Error(`baseline: ${r.status}`);
        plainLatencies.push(performance.now() - t);
      }
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    plainLatencies.sort((x, y) => x - y);

    const rate = count / (elapsed / 1000);
    const baseline = count / (plain / 1000);
    ctx.report({
      name: `exchange A → B, ${count.toLocaleString('en-US')} seizure reports sent through A's API, B killed (SIGKILL) and restarted mid-stream; 0 lost, 0 duplicates`,
      value: rate,
      unit: 'messages/s',
      baseline: {
        name: `the same envelopes, signed batches of ${BATCH_MAX}, to a server that checks the signature and stores nothing`,
        value: baseline,
        unit: 'messages/s',
      },
      ratio: rate / baseline,
      note: 'send (API, ledger, outbox, audit at A) + push + receipt (checks, ledger, audit at B), both on PGlite',
    });
    ctx.report({
      name: 'exchange end-to-end latency p50 (sent_at at A → recorded at B)',
      value: percentile(latencies, 50),
      unit: 'ms',
      baseline: {
        name: 'one signed batch to the bare server, p50',
        value: percentile(plainLatencies, 50),
        unit: 'ms',
      },
      note: 'lower is better',
    });
    ctx.report({
      name: 'exchange end-to-end latency p99 (includes the messages that waited for B to come back)',
      value: percentile(latencies, 99),
      unit: 'ms',
      baseline: {
        name: 'one signed batch to the bare server, p99',
        value: percentile(plainLatencies, 99),
        unit: 'ms',
      },
      note: 'lower is better',
    });
  } finally {
    await a.dispose();
    await b.dispose();
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
