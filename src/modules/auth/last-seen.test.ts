/**
 * Recording when a credential was last used never makes a request wait: on PGlite a write waits for a transaction
 * in progress (a long import), and an authenticated read during an import must still be answered (issue 11).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('last use of a credential', (t) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp(t.database);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a read with a token not used for an hour while an import holds its transaction', async () => {
    const { headers } = await userWithToken(t.database, ['analyst']);
    const old = new Date(Date.now() - 3_600_000);
    await t.database.db.updateTable('api_tokens').set({ last_used_at: old }).execute();

    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside = false;
    const importing = t.database.transaction(
      async (session) => {
        await session.db.insertInto('offices').values({ code: 'IMPORTING' }).execute();
        inside = true;
        await gate;
      },
      { shareReads: true },
    );
    while (!inside) await sleep(5);
    try {
      // Answered while the import's transaction is still open: the gate is released only after.
      const response = await app.app.inject({ method: 'GET', url: '/api/declarations?limit=5', headers });
      expect(response.statusCode).toBe(200);
    } finally {
      release();
      await importing;
    }
    // The last use is recorded once the transaction has ended.
    const lastUsed = async () =>
      (await t.database.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow())
        .last_used_at;
    while ((await lastUsed())!.getTime() <= old.getTime()) await sleep(20);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(old.getTime());
  }, 60_000);
});
