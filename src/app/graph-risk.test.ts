/**
 * Online findings raise the risk of linked importers (issue 13): the composition root registers the graph's
 * indicator with the risk engine, and a rule profile can test it like any other indicator.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/db.ts';
import { buildGraph } from '../modules/graph/index.ts';
import { PLANTED, plantNetwork } from '../modules/graph/testing/network.ts';
import { activateProfile, createProfileVersion, scoreDeclaration } from '../modules/risk/index.ts';
import './modules.ts';

const actor = { id: null, name: 'test', ip: null };

const document = {
  description: 'online findings',
  rules: [
    {
      id: 'linked-online-seller',
      title: {
        en: 'Importer linked to a flagged online seller',
        fr: 'Importateur lié à un vendeur en ligne signalé',
      },
      rationale: {
        en: 'Its manager shares a phone with an online seller whose counterfeits were confirmed.',
        fr: 'Son gérant partage un téléphone avec un vendeur en ligne dont les contrefaçons sont confirmées.',
      },
      probability: 0.7,
      when: { indicator: 'graph.linked_online_finding', range: { gte: 0.5 } },
      effect: { points: 40, tags: ['online'] },
    },
  ],
};

describeEachDatabase('graph findings in risk scoring', (t) => {
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
    const created = await createProfileVersion(t.database, actor, {
      name: 'online',
      document,
      reason: 'graph test',
    });
    await activateProfile(t.database, actor, created.id, 'graph test');
  });

  it('hits the importer that shares a phone with a flagged seller, with the path, and not the clean one', async () => {
    const linked = await scoreDeclaration(t.database, { reference: 'PLANT-0001' });
    const hit = linked.result.top.hits.find((h) => h.rule_id === 'linked-online-seller');
    expect(hit, JSON.stringify(linked.result.top.breakdown)).toBeDefined();
    expect(JSON.stringify(linked.result.top)).toContain(PLANTED.phone);
    const clean = await scoreDeclaration(t.database, { reference: 'PLANT-0004' });
    expect(clean.result.top.hits.find((h) => h.rule_id === 'linked-online-seller')).toBeUndefined();
  });
});
