import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { communities, neighbours, shortestPath } from './analysis.ts';
import { buildGraph } from './build.ts';
import { decideSuggestion, listSuggestions, nameSimilarity, proposeMerges, splitByHand } from './resolve.ts';
import { contactKey, contactRiskSignals, contactsNearFindings, graphRiskSignals } from './signals.ts';
import { findEntity } from './store.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

const actor = { id: null, name: 'test', ip: null };

describeEachDatabase('graph analysis on the planted network', (t) => {
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
  });

  describe('errors', () => {
    it('refuses an automatic merge threshold below 0.97', async () => {
      await expect(proposeMerges(t.database, actor, { autoMergeAbove: 0.5 })).rejects.toMatchObject({
        status: 400,
      });
    });
    it('answers 404 for a suggestion that does not exist', async () => {
      await expect(decideSuggestion(t.database, actor, 999_999, 'accept')).rejects.toMatchObject({
        status: 404,
      });
    });
  });

  it('finds the path from the importer to the online seller through the shared phone, with evidence', async () => {
    const importer = await findEntity(t.database.db, `company:${PLANTED.importer}`);
    const seller = (
      await neighbours(t.database.db, await findEntity(t.database.db, `phone:${PLANTED.phone}`), {
        depth: 1,
        maxNodes: 50,
      })
    ).nodes.find((n) => n.type === 'online_seller');
    expect(seller?.label.toLowerCase()).toContain('highcopy');
    const path = await shortestPath(t.database.db, importer, await findEntity(t.database.db, seller!.id), {
      maxDepth: 6,
      maxNodes: 1000,
    });
    expect(path.found).toBe(true);
    expect(path.length).toBe(2);
    expect(path.nodes.map((n) => n.type)).toEqual(['company', 'phone', 'online_seller']);
    expect(path.steps[0]!.evidence[0]).toMatchObject({
      type: 'has_phone',
      source_table: 'companies',
      source_id: PLANTED.importer,
    });
    expect(path.steps[1]!.evidence[0]).toMatchObject({
      type: 'has_phone',
      source_table: 'osint_identifiers',
    });
  });

  it('answers no path (not an error) between unconnected entities, and bounds neighbours', async () => {
    const clean = await findEntity(t.database.db, `company:${PLANTED.clean}`);
    const importer = await findEntity(t.database.db, `company:${PLANTED.importer}`);
    const none = await shortestPath(t.database.db, clean, importer, { maxDepth: 2, maxNodes: 1000 });
    expect(none.found).toBe(false);
    const small = await neighbours(t.database.db, importer, { depth: 3, maxNodes: 3 });
    expect(small.nodes).toHaveLength(3);
    expect(small.truncated).toBe(true);
    const phones = await neighbours(t.database.db, importer, { depth: 1, maxNodes: 50, types: ['phone'] });
    expect(phones.nodes.map((n) => n.type).sort()).toEqual(['company', 'phone']);
    const hidden = await neighbours(t.database.db, importer, {
      depth: 2,
      maxNodes: 50,
      hidden_types: ['online_seller'],
    });
    expect(hidden.nodes.some((n) => n.type === 'online_seller')).toBe(false);
  });

  it("finds the importer's community (its phone, its manager) and the seller's (its accounts on two platforms)", async () => {
    const found = await communities(t.database.db, { minSize: 3, maxLinks: 10_000, limit: 20 });
    expect(found.truncated).toBe(false);
    expect(found.components.count).toBeGreaterThanOrEqual(2);
    const importer = await findEntity(t.database.db, `company:${PLANTED.importer}`);
    const clean = await findEntity(t.database.db, `company:${PLANTED.clean}`);
    const phone = await findEntity(t.database.db, `phone:${PLANTED.phone}`);
    const mine = found.communities.find((c) => c.members.some((m) => m.id === importer.id))!;
    expect(mine.members.some((m) => m.id === phone.id)).toBe(true);
    expect(mine.members.some((m) => m.type === 'person' && m.label === PLANTED.manager)).toBe(true);
    expect(mine.members.some((m) => m.id === clean.id)).toBe(false);
    const seller = found.communities.find((c) =>
      c.members.some((m) => m.type === 'online_seller' && /highcopy/i.test(m.label)),
    )!;
    const platforms = seller.members.filter((m) => m.type === 'account').map((m) => m.attributes.platform);
    expect(platforms.sort()).toEqual(['instagram', 'tiktok']);
  });

  it("finds the communities of one entity's component only, bounded, and without the types the caller may not see", async () => {
    const importer = await findEntity(t.database.db, `company:${PLANTED.importer}`);
    const whole = await communities(t.database.db, { minSize: 2, maxLinks: 10_000, limit: 200 });
    const mine = await communities(t.database.db, {
      around: importer,
      minSize: 2,
      maxLinks: 10_000,
      limit: 200,
    });
    expect(mine.truncated).toBe(false);
    expect(mine.components).toEqual({ count: 1, largest: mine.nodes });
    expect(mine.nodes).toBeLessThan(whole.nodes);
    const members = mine.communities.flatMap((c) => c.members);
    expect(members.some((m) => m.type === 'online_seller' && /highcopy/i.test(m.label))).toBe(true);
    // The component is what a breadth-first walk reaches (hubs are not walked through, and left out).
    const reach = await neighbours(t.database.db, importer, { depth: 50, maxNodes: 100_000 });
    const reached = reach.nodes.filter((n) => !n.hub).map((n) => n.id);
    expect(mine.nodes).toBe(reached.length);
    expect(members.every((m) => reached.includes(m.id))).toBe(true);

    const bounded = await communities(t.database.db, {
      around: importer,
      maxNodes: 3,
      minSize: 1,
      maxLinks: 10_000,
      limit: 5,
    });
    expect(bounded.truncated).toBe(true);
    expect(bounded.nodes).toBeLessThanOrEqual(3);

    const hidden = await communities(t.database.db, {
      around: importer,
      minSize: 1,
      maxLinks: 10_000,
      limit: 200,
      hidden_types: ['online_seller'],
    });
    expect(hidden.communities.flatMap((c) => c.members).some((m) => m.type === 'online_seller')).toBe(false);
  });

  it('raises the importer linked to a seller with confirmed alerts, with the path, and not the clean one', async () => {
    const signals = await graphRiskSignals(t.database.db, [PLANTED.importer, PLANTED.clean, 'UNKNOWN']);
    const hit = signals.get(PLANTED.importer)!;
    expect(hit.score).toBe(0.7);
    expect(hit.explanation).toMatch(
      /^company ATLASIMP — phone \+212612345678 — online seller '.*' \(\d+ confirmed alert/,
    );
    expect(signals.get(PLANTED.clean)!.score).toBe(0);
    expect(signals.get('UNKNOWN')!.score).toBe(0);
  });

  it('names the contacts one link from a finding, merges followed: every contact that can score is among them', async () => {
    const near = await contactsNearFindings(t.database.db);
    expect(near.has(`phone:${PLANTED.phone}`)).toBe(true);
    // Every contact of the graph, asked one by one: those with a score are in the set (it may hold more).
    const contacts = await t.database.db
      .selectFrom('graph_entities')
      .select(['type', 'key'])
      .where('type', 'in', ['phone', 'email'])
      .execute();
    const signals = await contactRiskSignals(t.database.db, {
      phones: contacts.filter((c) => c.type === 'phone').map((c) => c.key),
      emails: contacts.filter((c) => c.type === 'email').map((c) => c.key),
    });
    const scoring = [...signals].filter(([, s]) => s.score > 0).map(([k]) => k);
    expect(scoring).toContain(`phone:${PLANTED.phone}`);
    for (const k of scoring) expect(near).toContain(k);
    expect(near.size).toBeLessThan(contacts.length);
    // A second number merged into the seller's phone stands for it; a phone of nobody's is not near anything.
    const planted = await t.database.db
      .selectFrom('graph_entities')
      .select('id')
      .where('type', '=', 'phone')
      .where('key', '=', PLANTED.phone)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('graph_entities')
      .values([
        {
          type: 'phone',
          key: '+212600000099',
          label: '+212600000099',
          attributes: '{}',
          merged_into: planted.id,
        },
        { type: 'phone', key: '+212600000098', label: '+212600000098', attributes: '{}' },
        {
          type: 'email',
          key: 'shop@example.org',
          label: 'Shop@Example.org',
          attributes: '{}',
          merged_into: planted.id,
        },
      ])
      .execute();
    try {
      const after = await contactsNearFindings(t.database.db);
      expect(after.has('phone:+212600000099')).toBe(true);
      expect(after.has(contactKey('email', ' Shop@Example.org'))).toBe(true);
      expect(after.has('phone:+212600000098')).toBe(false);
      const merged = await contactRiskSignals(t.database.db, {
        phones: ['+212600000099', '+212600000098'],
        emails: ['Shop@Example.org'],
      });
      expect(merged.get('phone:+212600000099')!.score).toBeGreaterThan(0);
      expect(merged.get(contactKey('email', 'Shop@Example.org'))!.score).toBeGreaterThan(0);
      expect(merged.get('phone:+212600000098')!.score).toBe(0);
    } finally {
      await t.database.db
        .deleteFrom('graph_entities')
        .where('key', 'in', ['+212600000099', '+212600000098', 'shop@example.org'])
        .execute();
    }
  });

  it('suggests the manager written two ways; a rejection is remembered, an accepted merge can be split', async () => {
    expect(nameSimilarity(PLANTED.manager, PLANTED.managerVariant)).toBeGreaterThan(0.9);
    const first = await proposeMerges(t.database, actor);
    expect(first.proposed).toBeGreaterThan(0);
    const open = await listSuggestions(
      t.database.db,
      { status: 'open', type: 'person' },
      { limit: 10, offset: 0 },
    );
    const s = open.items.find((i) => [i.a.label, i.b.label].includes(PLANTED.managerVariant))!;
    expect(s).toBeDefined();
    const rejected = await decideSuggestion(t.database, actor, s.id, 'reject', 'two people');
    expect(rejected.status).toBe('rejected');
    await expect(decideSuggestion(t.database, actor, s.id, 'accept')).rejects.toMatchObject({ status: 409 });
    const again = await proposeMerges(t.database, actor);
    expect(again.proposed).toBe(first.proposed - 1);
    // Another open suggestion, accepted then split.
    const other = (await listSuggestions(t.database.db, { status: 'open' }, { limit: 10, offset: 0 }))
      .items[0];
    if (other) {
      const accepted = await decideSuggestion(t.database, actor, other.id, 'accept');
      expect(accepted.status).toBe('accepted');
      expect((await findEntity(t.database.db, other.b.id)).id).toBe(other.a.id);
      await splitByHand(t.database, actor, other.b.id, 'not the same');
      expect((await findEntity(t.database.db, other.b.id)).id).toBe(other.b.id);
    }
  });
});
