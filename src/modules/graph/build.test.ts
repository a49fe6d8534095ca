import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildGraph } from './build.ts';
import { findEntity } from './store.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

describeEachDatabase('graph build', (t) => {
  let first: Awaited<ReturnType<typeof buildGraph>>;
  beforeAll(async () => {
    await plantNetwork(t.database);
    first = await buildGraph(t.database);
  });

  it('reads every source once, and a second build reads nothing new (incremental, idempotent)', async () => {
    expect(first.sources.declarations!.read).toBe(4);
    expect(first.sources.companies!.read).toBe(3);
    expect(first.sources.osint_sellers!.read).toBeGreaterThan(0);
    expect(first.entities).toBeGreaterThan(10);
    const again = await buildGraph(t.database);
    expect(again.read).toBe(0);
    expect(again.entities).toBe(0);
    expect(again.links).toBe(0);
  });

  it('keys a phone in E.164 whoever wrote it, and names a company from the register', async () => {
    const phone = await findEntity(t.database.db, `phone:${PLANTED.phone}`);
    expect(phone.key).toBe(PLANTED.phone);
    const company = await findEntity(t.database.db, 'company:atlasimp');
    expect(company.label).toBe('Atlas Trading');
    expect(company.attributes).toMatchObject({ importer: true, registered: true });
  });

  describe('errors', () => {
    it('answers 404 for an unknown key', async () => {
      await expect(findEntity(t.database.db, 'company:NOPE')).rejects.toMatchObject({ status: 404 });
      await expect(findEntity(t.database.db, 'nonsense')).rejects.toMatchObject({ status: 404 });
    });
  });
});
