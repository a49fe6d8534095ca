/**
 * Kill and restart between installations: two Vigie installations as real processes on loopback (each its own
 * database, data folder and port — test/installations), A pushing seizure reports to B in a closed user group.
 * B is killed with SIGKILL in the middle of the stream and restarted; then A, the sender, is; then a repeated
 * delivery and a tampered message are posted by hand. Each time: every message A recorded arrives at B exactly
 * once (zero loss, zero duplicates), the refusal is logged and audited, both ledgers verify and every send and
 * receipt is in the audit trail. On PGlite, and on PostgreSQL when VIGIE_TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { Installation, setUpPair, waitFor } from '../../../test/installations/index.ts';
import { auditKeyring, installAuditKeyring } from '../../platform/audit/key.ts';
import { verifyAudit } from '../../platform/audit/store.ts';
import type { Database } from '../../platform/db/database.ts';
import { loadInstallationKey, signText } from './keys.ts';
import { exportLedger } from './ledger.ts';
import { statementText } from './ledger-format.ts';
import { verifyLedger } from './ledger-verify.ts';
import type { Envelope } from './messages.ts';
import { postBatch, postEnvelope } from './push.ts';

const files = tempFiles();
const installed = auditKeyring();
afterAll(() => installAuditKeyring(installed));

const LIMIT = 600_000;

for (const backend of testBackends()) {
  describe(`kill and restart between two installations [${backend}]`, () => {
    let a: Installation;
    let b: Installation;
    let tokens: { A: string; B: string };
    let seizures: number[];
    /** Message ids A answered 201 for. */
    const acknowledged: string[] = [];

    beforeAll(async () => {
      a = await Installation.create(backend, 'A', files.dir);
      b = await Installation.create(backend, 'B', files.dir);
      ({ tokens, seizureIds: seizures } = await setUpPair(a, b, { seizures: 3 }));
      await Promise.all([a.start(), b.start()]);
    }, LIMIT);
    afterAll(async () => {
      await a?.dispose();
      await b?.dispose();
    }, LIMIT);

    /**
     * Sends `count` seizure reports through A's API, `concurrency` at a time; `onAck(n)` after the n-th 201.
     * Once A is down (killed by onAck), the requests that fail are not counted: A's database is the truth.
     */
    async function send(
      count: number,
      concurrency: number,
      onAck: (n: number) => Promise<void> = async () => {},
    ) {
      let next = 0;
      let acks = 0;
      const worker = async () => {
        while (next < count) {
          const n = next++;
          let response: Awaited<ReturnType<Installation['call']>>;
          try {
            response = await a.call('POST', '/api/sharing/messages', tokens.A, {
              kind: 'seizure_report',
              distribution: 'group',
              marking: 'amber',
              group: 'MED',
              seizure_id: seizures[n % seizures.length],
            });
          } catch (error) {
            if (a.running) throw error;
            continue;
          }
          if (response.status !== 201) {
            if (!a.running) continue;
            throw new Error(`send: ${response.status} ${JSON.stringify(response.json)}`);
          }
          acknowledged.push(String(response.json.message_id));
          await onAck(++acks);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    }

    const total = async (i: Installation, token: string, direction: 'incoming' | 'outgoing') => {
      const r = await i.call('GET', `/api/sharing/messages?direction=${direction}&limit=1`, token);
      return Number(r.json.total);
    };
    const statusOfB = async () =>
      (await a.call('GET', '/api/sharing/status', tokens.A)).json.items![0] as {
        backlog: number;
        attempts: number;
        last_error: string | null;
      };
    const idsAt = async (i: Installation, token: string, direction: 'incoming' | 'outgoing') => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const r = await i.call(
          'GET',
          `/api/sharing/messages?direction=${direction}&limit=500&offset=${offset}`,
          token,
        );
        const items = r.json.items as { message_id: string }[];
        ids.push(...items.map((m) => m.message_id));
        if (items.length < 500) return ids;
      }
    };
    /** Until A has delivered everything it recorded and B holds as many as A sent. */
    const drained = () =>
      waitFor(
        async () =>
          (await statusOfB()).backlog === 0 &&
          (await total(b, tokens.B, 'incoming')) === (await total(a, tokens.A, 'outgoing')),
        async () =>
          `A ${JSON.stringify(await statusOfB())}, A sent ${await total(a, tokens.A, 'outgoing')}, B holds ${await total(b, tokens.B, 'incoming')}\n${a.stderr}\n${b.stderr}`,
      );
    const sameMessages = async () => {
      const sent = await idsAt(a, tokens.A, 'outgoing');
      const received = await idsAt(b, tokens.B, 'incoming');
      expect(new Set(received).size).toBe(received.length);
      expect([...received].sort()).toEqual([...sent].sort());
      for (const id of acknowledged) expect(sent).toContain(id);
    };

    it(
      'the receiver killed mid-stream and restarted: the backlog waits at A, then all of it arrives, once',
      async () => {
        let killed: Promise<void> | null = null;
        await send(40, 2, async (n) => {
          if (n === 20) killed = b.kill();
        });
        await killed;
        expect(b.running).toBe(false);
        // What was sent after the kill waits at A, with the error it met.
        const waiting = await statusOfB();
        expect(waiting.backlog).toBeGreaterThan(0);
        await b.start();
        await drained();
        await sameMessages();
        expect(acknowledged).toHaveLength(40);
      },
      LIMIT,
    );

    it(
      'the sender killed mid-stream and restarted: what it recorded is delivered, once',
      async () => {
        let killed: Promise<void> | null = null;
        let backlogAtKill = -1;
        await send(40, 4, async (n) => {
          if (n !== 15) return;
          backlogAtKill = (await statusOfB()).backlog;
          killed = a.kill();
        });
        await killed;
        expect(a.running).toBe(false);
        console.log(`[${backend}] A killed with ${backlogAtKill} messages waiting for B`);
        await a.start();
        await drained();
        await sameMessages();
        expect(await total(b, tokens.B, 'incoming')).toBeGreaterThanOrEqual(40 + 15);
      },
      LIMIT,
    );

    it(
      'a repeated delivery is stored once; a tampered message is refused, logged and audited',
      async () => {
        const key = loadInstallationKey(a.config.sharingKeyFile);
        const before = await total(b, tokens.B, 'incoming');
        const last = (await a.call('GET', '/api/sharing/messages?direction=outgoing&limit=1', tokens.A)).json
          .items![0] as { id: number };
        const envelope = (await a.call('GET', `/api/sharing/messages/${last.id}/envelope`, tokens.A))
          .json as unknown as Envelope;
        const again = await postEnvelope(b.url, key, envelope);
        expect(again.status).toBe(200);
        expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });

        const tampered: Envelope = {
          ...envelope,
          message_id: 'tampered-1',
          payload: { ...envelope.payload, nominal: true, seizure: { officers: ['Nadia Alaoui'] } },
        };
        tampered.signature = signText(
          key.privateKey,
          statementText({ ...envelope, message_id: 'tampered-1' }),
        );
        const batch = await postBatch(b.url, key, [envelope, tampered]);
        expect(batch.status).toBe(200);
        expect(JSON.parse(batch.body).results).toEqual([
          { message_id: envelope.message_id, outcome: 'duplicate' },
          {
            message_id: 'tampered-1',
            outcome: 'refused',
            code: 'sharing.payload_mismatch',
            reason: expect.stringContaining('does not hash'),
          },
        ]);
        expect(await total(b, tokens.B, 'incoming')).toBe(before);
      },
      LIMIT,
    );

    it(
      'both stopped: each ledger verifies, and every send, delivery, receipt and refusal is audited once',
      async () => {
        await Promise.all([a.stop(), b.stop()]);
        const check = async (i: Installation, fn: (database: Database) => Promise<void>) => {
          const database = await i.open();
          try {
            await fn(database);
          } finally {
            await database.close();
          }
        };
        let sent = 0;
        const count = async (database: Database, action: string) =>
          Number(
            (
              await database.db
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('action', '=', action)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const ledgerOk = async (database: Database, entries: number) => {
          const lines: string[] = [];
          for await (const line of exportLedger(database)) lines.push(line);
          expect(await verifyLedger(lines)).toMatchObject({ ok: true, entries });
          expect((await verifyAudit(database.db)).problems).toEqual([]);
        };
        await check(a, async (database) => {
          const outbox = await database.db
            .selectFrom('sharing_outbox')
            .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('state')
            .execute();
          sent = Number(outbox.find((o) => o.state === 'delivered')?.n ?? 0);
          expect(outbox.map((o) => o.state)).toEqual(['delivered']);
          expect(await count(database, 'sharing.message_send')).toBe(sent);
          expect(await count(database, 'sharing.message_delivered')).toBe(sent);
          await ledgerOk(database, sent);
        });
        expect(sent).toBeGreaterThanOrEqual(55);
        await check(b, async (database) => {
          expect(await count(database, 'sharing.message_receive')).toBe(sent);
          const refused = await database.db
            .selectFrom('audit_log')
            .select(['target_id', 'details'])
            .where('action', '=', 'sharing.message_refused')
            .execute();
          expect(refused).toEqual([
            expect.objectContaining({
              target_id: 'tampered-1',
              details: expect.objectContaining({ code: 'sharing.payload_mismatch' }),
            }),
          ]);
          await ledgerOk(database, sent);
        });
      },
      LIMIT,
    );
  });
}
