/**
 * A transaction that shares reads (long imports): other callers' reads are answered while it runs, writes wait
 * for its end on PGlite, nothing of it stays when it fails, and a failing read does not break it.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('transactions that share reads', (t) => {
  const codes = async () =>
    (await t.database.db.selectFrom('offices').select('code').orderBy('code').execute()).map((r) => r.code);

  it('answers reads while it runs, lets writes wait (PGlite), and leaves nothing when it fails', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = t.database.transaction(
      async (session) => {
        await session.db.insertInto('offices').values({ code: 'TX1' }).execute();
        events.push('inside wrote');
        await gate;
        await session.db.insertInto('offices').values({ code: 'TX2' }).execute();
        throw new Error('the import fails');
      },
      { shareReads: true },
    );
    while (!events.includes('inside wrote')) await sleep(5);
    // A read is answered while the transaction is open; on PGlite it runs inside it and sees its rows.
    const seen = await codes();
    expect(seen).toEqual(t.database.kind === 'pglite' ? ['TX1'] : []);
    // A read that fails does not break the transaction.
    await expect(sql`select 1 / 0`.execute(t.database.db)).rejects.toThrow(/division by zero/);
    const outside = t.database.db
      .insertInto('offices')
      .values({ code: 'OUT' })
      .execute()
      .then(() => events.push('outside wrote'));
    await sleep(200);
    if (t.database.kind === 'pglite') expect(events).not.toContain('outside wrote');
    release();
    await expect(running).rejects.toThrow('the import fails');
    await outside;
    expect(await codes()).toEqual(['OUT']);
  });

  it('answers reads made after a write that waits for it (the write does not hold them back)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote = false;
    const running = t.database.transaction(
      async (session) => {
        await session.db.insertInto('offices').values({ code: 'TX5' }).execute();
        wrote = true;
        await gate;
      },
      { shareReads: true },
    );
    while (!wrote) await sleep(5);
    const waiting = t.database.db.insertInto('offices').values({ code: 'LATE' }).execute();
    try {
      // Answered while the transaction is open (the gate opens only after), although a write was asked before it.
      expect(await codes()).toEqual(expect.arrayContaining(t.database.kind === 'pglite' ? ['TX5'] : []));
    } finally {
      release();
      await running;
      await waiting;
    }
    expect(await codes()).toEqual(expect.arrayContaining(['LATE', 'TX5']));
    await t.database.db.deleteFrom('offices').where('code', 'in', ['LATE', 'TX5']).execute();
  });

  it('commits what it wrote, reads in between or not', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote = false;
    let late: Promise<string[]> | undefined;
    const running = t.database.transaction(
      async (session) => {
        await session.db.insertInto('offices').values({ code: 'TX3' }).execute();
        wrote = true;
        await gate;
        await session.db.insertInto('offices').values({ code: 'TX4' }).execute();
        // A read let in as the transaction ends is answered before it commits, not lost or run after.
        late = codes();
      },
      { shareReads: true },
    );
    while (!wrote) await sleep(5);
    const reads = await Promise.all([codes(), codes(), codes()]);
    expect(reads[0]).toEqual(reads[2]);
    release();
    await running;
    expect(await late).toEqual(expect.arrayContaining(['OUT']));
    expect(await codes()).toEqual(['OUT', 'TX3', 'TX4']);
  });

  it('goes back to the event loop between its statements, so timers and requests are served meanwhile', async () => {
    let statements = 0;
    const seenByTimer: number[] = [];
    const ticker = setInterval(() => seenByTimer.push(statements), 0);
    try {
      await t.database.transaction(
        async (session) => {
          for (let i = 0; i < 200; i++) {
            await sql`select count(*) from offices`.execute(session.db);
            statements++;
          }
        },
        { shareReads: true },
      );
    } finally {
      clearInterval(ticker);
    }
    // The timer ran while the statements were still going (PGlite answers without ever returning to the event
    // loop otherwise: the timer would only run once all 200 had ended).
    expect(seenByTimer.some((n) => n > 0 && n < 200)).toBe(true);
  });

  it('sends a large COPY in slices, so a read asked meanwhile is answered before the COPY ends', async () => {
    await sql`create table shared_copy_rows (n int primary key, label text)`.execute(t.database.db);
    try {
      const rows = Array.from(
        { length: 20_000 },
        (_, i) => `${i}\tline ${i} with some text to make it longer`,
      );
      const order: string[] = [];
      let started = false;
      await t.database.transaction(
        async (session) => {
          const copy = session.copyIn('shared_copy_rows', ['n', 'label'], `${rows.join('\n')}\n`).then(() => {
            order.push('copy');
          });
          started = true;
          await Promise.all([
            copy,
            (async () => {
              while (!started) await sleep(1);
              await codes();
              order.push('read');
            })(),
          ]);
        },
        { shareReads: true },
      );
      // PostgreSQL answers the read on another connection at once; PGlite between two slices of the COPY.
      expect(order).toEqual(['read', 'copy']);
      const { rows: count } = await sql<{
        n: number;
      }>`select count(*)::int as n from shared_copy_rows`.execute(t.database.db);
      expect(count[0]!.n).toBe(20_000);
    } finally {
      await sql`drop table shared_copy_rows`.execute(t.database.db);
    }
  });
});
