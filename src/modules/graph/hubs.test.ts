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
import { findEntity } from './store.ts';
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
