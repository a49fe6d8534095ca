import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { neighbours } from './analysis.ts';
import { buildGraph } from './build.ts';
import {
  addExclusion,
  hubDegree,
  keepLinking,
  listExclusions,
  listHubs,
  markHubs,
  removeExclusion,
} from './hubs.ts';
import { mergeByHand, splitByHand } from './resolve.ts';
import { findEntity, writeBatch } from './store.ts';
import { plantNetwork } from './testing/network.ts';
import { plantSupportEmail, plantSwitchboard, SWITCHBOARD } from './testing/switchboard.ts';

const ANALYST: Actor = { id: null, name: 'analyst:hubs', ip: null };

describeEachDatabase('graph hubs and exclusions', (t) => {
  beforeAll(async () => {
    await plantNetwork(t.database);
    await plantSwitchboard(t.database);
    await buildGraph(t.database);
  });

  const reach = async (key: string) => {
    const center = await findEntity(t.database.db, key);
    const n = await neighbours(t.database.db, center, { depth: 2, maxNodes: 500 });
    return n.nodes.map((x) => `${x.type}:${x.key}`);
  };
  const actions = async () =>
    (await listAudit(t.database.db, {}, { limit: 100, offset: 0 })).items.map((e) => e.action);

  describe('errors first', () => {
    it('refuses a value that is not type:value, a party rather than an identifier, and no note', async () => {
      await expect(addExclusion(t.database, ANALYST, 'nonsense', 'x')).rejects.toMatchObject({
        status: 400,
        code: 'graph_bad_key',
      });
      await expect(addExclusion(t.database, ANALYST, 'company:ATLASIMP', 'x')).rejects.toMatchObject({
        status: 400,
        code: 'graph_bad_exclusion_type',
      });
      await expect(addExclusion(t.database, ANALYST, 'email:a@b.example', '  ')).rejects.toMatchObject({
        status: 400,
        code: 'graph_note_required',
      });
      expect(await listExclusions(t.database.db)).toEqual([]);
    });
    it('refuses to keep an unknown entity or one that is not a hub, and to include what is not excluded', async () => {
      await expect(keepLinking(t.database, ANALYST, 99_999_999, 'r')).rejects.toMatchObject({ status: 404 });
      const company = await findEntity(t.database.db, 'company:ATLASIMP');
      await expect(keepLinking(t.database, ANALYST, company.id, 'r')).rejects.toMatchObject({
        status: 409,
        code: 'graph_not_a_hub',
      });
      await expect(removeExclusion(t.database, ANALYST, 'email:none@x.example', null)).rejects.toMatchObject({
        status: 404,
      });
    });
    it('reads N from VIGIE_GRAPH_HUB_DEGREE, 25 when unset or not a whole number', () => {
      expect(hubDegree({})).toBe(25);
      expect(hubDegree({ VIGIE_GRAPH_HUB_DEGREE: 'lots' })).toBe(25);
      expect(hubDegree({ VIGIE_GRAPH_HUB_DEGREE: '40' })).toBe(40);
    });
  });

  it('marks the switchboard phone shared by 30 companies as a hub after the build; it stops linking them', async () => {
    const phone = await findEntity(t.database.db, `phone:${SWITCHBOARD.phone}`);
    expect(phone.hub).toBe(true);
    const hubs = await listHubs(t.database.db);
    expect(hubs[0]).toMatchObject({ id: phone.id, type: 'phone', degree: 30, excluded: false });
    // Types the caller may not see are left out (online-only entities without osint:read).
    expect((await listHubs(t.database.db, ['phone'])).map((h) => h.id)).not.toContain(phone.id);
    // The planted importer's phone (shared by a few) is no hub.
    expect((await findEntity(t.database.db, 'phone:+212612345678')).hub).toBe(false);
    const around = await reach('company:SWB01');
    expect(around).toContain(`phone:${SWITCHBOARD.phone}`);
    expect(around).not.toContain('company:SWB02');
    // Idempotent: marking again marks nothing new.
    expect((await markHubs(t.database.db)).marked).toBe(0);
  });

  it('lets an analyst keep a hub linking, with a reason, audited; marking by degree leaves it alone', async () => {
    const phone = await findEntity(t.database.db, `phone:${SWITCHBOARD.phone}`);
    const kept = await keepLinking(t.database, ANALYST, phone.id, 'the 30 companies are one group');
    expect(kept).toMatchObject({ id: phone.id, degree: 30 });
    expect(await reach('company:SWB01')).toContain('company:SWB02');
    expect((await markHubs(t.database.db, { threshold: 5 })).marked).toBe(0);
    expect((await findEntity(t.database.db, `phone:${SWITCHBOARD.phone}`)).hub).toBe(false);
    expect(await listHubs(t.database.db)).toEqual([]);
    expect(await actions()).toContain('graph.hub.kept');
  });

  it('an excluded e-mail stops linking at the next build; existing entities become hubs; include is audited', async () => {
    await expect(
      addExclusion(t.database, ANALYST, `email:${SWITCHBOARD.email.toUpperCase()}`, 'marketplace support'),
    ).resolves.toMatchObject({ type: 'email', key: SWITCHBOARD.email, created_by: ANALYST.name });
    await expect(
      addExclusion(t.database, ANALYST, `email:${SWITCHBOARD.email}`, 'again'),
    ).rejects.toMatchObject({ status: 409, code: 'graph_exclusion_exists' });
    await plantSupportEmail(t.database);
    const built = await buildGraph(t.database);
    expect(built.sources.osint_sellers!.read).toBeGreaterThan(0);
    const email = await t.database.db
      .selectFrom('graph_entities')
      .select(['id', 'hub'])
      .where('type', '=', 'email')
      .where('key', '=', SWITCHBOARD.email)
      .executeTakeFirst();
    expect(email).toBeDefined();
    if (email) {
      expect(email.hub).toBe(true);
      const links = await t.database.db
        .selectFrom('graph_links')
        .select('id')
        .where((eb) => eb.or([eb('from_id', '=', email.id), eb('to_id', '=', email.id)]))
        .execute();
      expect(links).toEqual([]);
    }
    // An existing identifier excluded afterwards becomes a hub at once, and is listed as excluded.
    await addExclusion(t.database, ANALYST, 'phone:0522000002', 'a bank call centre');
    const cleanPhone = await findEntity(t.database.db, 'phone:+212522000002');
    expect(cleanPhone.hub).toBe(true);
    expect((await listHubs(t.database.db)).find((h) => h.id === cleanPhone.id)).toMatchObject({
      excluded: true,
    });
    await expect(keepLinking(t.database, ANALYST, cleanPhone.id, 'r')).rejects.toMatchObject({
      status: 409,
      code: 'graph_hub_excluded',
    });
    await removeExclusion(t.database, ANALYST, 'phone:+212522000002', 'it was not');
    expect((await findEntity(t.database.db, 'phone:+212522000002')).hub).toBe(false);
    expect((await listExclusions(t.database.db)).map((x) => `${x.type}:${x.key}`)).toEqual([
      `email:${SWITCHBOARD.email}`,
    ]);
    const audit = await actions();
    expect(audit.filter((a) => a === 'graph.exclusion.added')).toHaveLength(2);
    expect(audit).toContain('graph.exclusion.removed');
  });
});

describeEachDatabase('graph hub degree counted after merges', (t) => {
  const N = hubDegree();
  const half = Math.ceil(N / 2) + 3;
  const companies = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  beforeAll(async () => {
    const plant = (phone: string, codes: string[]) =>
      writeBatch(t.database.db, {
        entities: [
          { type: 'phone', key: phone, label: phone, source_table: 'companies', source_id: phone },
          ...codes.map((c) => ({ type: 'company' as const, key: c, label: c })),
        ],
        links: codes.map((c) => ({
          from: { type: 'company' as const, key: c },
          to: { type: 'phone' as const, key: phone },
          type: 'has_phone',
          source_table: 'companies',
          source_id: c,
        })),
      });
    // Two numbers of one switchboard, written two ways, each under the threshold; together over it.
    await plant('+212522000001', companies('HA', half));
    await plant('+212522000002', companies('HB', half));
    // A number over the threshold only because two of its companies are one company written twice.
    await plant('+212522000003', companies('DUP', N + 1));
    await markHubs(t.database.db);
  });
  const hub = async (key: string) => (await findEntity(t.database.db, key)).hub;
  const degree = async (key: string) => {
    const id = (await findEntity(t.database.db, key)).id;
    return (await listHubs(t.database.db)).find((h) => h.id === id)?.degree;
  };

  it('marks by degree before any merge: only the number linked to more than N companies', async () => {
    expect(await hub('phone:+212522000001')).toBe(false);
    expect(await hub('phone:+212522000002')).toBe(false);
    expect(await hub('phone:+212522000003')).toBe(true);
    expect(await degree('phone:+212522000003')).toBe(N + 1);
  });

  it('counts the merged entity again: two numbers merged are one hub of both their links; a split undoes it', async () => {
    const a = await findEntity(t.database.db, 'phone:+212522000001');
    const b = await findEntity(t.database.db, 'phone:+212522000002');
    const merged = await mergeByHand(t.database, ANALYST, b.id, a.id, 'one switchboard');
    expect(merged.hubs.marked).toEqual([a.id]);
    expect(await hub('phone:+212522000001')).toBe(true);
    expect(await degree('phone:+212522000001')).toBe(2 * half);
    const audit = (await listAudit(t.database.db, {}, { limit: 20, offset: 0 })).items.find(
      (e) => e.action === 'graph.entity.merged',
    );
    expect(audit?.after).toMatchObject({ hubs: { marked: [a.id], cleared: [] } });
    // The marking by degree counts the merged entity's links too (not only at merge time).
    await t.database.db.updateTable('graph_entities').set({ hub: false }).where('id', '=', a.id).execute();
    await markHubs(t.database.db);
    expect(await hub('phone:+212522000001')).toBe(true);

    const split = await splitByHand(t.database, ANALYST, b.id, 'two numbers after all');
    expect(split.hubs.cleared).toEqual([a.id]);
    expect(await hub('phone:+212522000001')).toBe(false);
    expect(await hub('phone:+212522000002')).toBe(false);
  });

  it('counts a shared number again when two of its companies merge: duplicates no longer make it a hub', async () => {
    const one = await findEntity(t.database.db, 'company:DUP1');
    const two = await findEntity(t.database.db, 'company:DUP2');
    const phone = await findEntity(t.database.db, 'phone:+212522000003');
    const merged = await mergeByHand(t.database, ANALYST, two.id, one.id, 'same company');
    expect(merged.hubs.cleared).toEqual([phone.id]);
    expect(await hub('phone:+212522000003')).toBe(false);
    // The next marking agrees: N distinct companies after the merge is not more than N.
    await markHubs(t.database.db);
    expect(await hub('phone:+212522000003')).toBe(false);
    // An excluded value stays a hub whatever its degree.
    await addExclusion(t.database, ANALYST, 'phone:+212522000003', 'a courier switchboard');
    await splitByHand(t.database, ANALYST, two.id, null);
    await mergeByHand(t.database, ANALYST, two.id, one.id, 'same company');
    expect(await hub('phone:+212522000003')).toBe(true);
  });
});
