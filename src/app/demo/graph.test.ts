/**
 * The demo's link analysis: from the online seller of a confirmed alert, the shared phone leads to the importing
 * company, its declarations, its warehouse's city, and to the manager's vehicle and property; a second load
 * changes nothing.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { GRAPH_DEMO_KEYS, loadDemoGraph } from './graph.ts';

describeEachDatabase('demo link analysis', (t) => {
  let first: Awaited<ReturnType<typeof loadDemoGraph>>;
  beforeAll(async () => {
    await t.reset();
    first = await loadDemoGraph(t.database);
  }, 120_000);

  const neighboursOf = async (key: string) => {
    const [type, ...rest] = key.split(':');
    const { rows } = await sql<{ link: string; type: string; key: string; label: string }>`
      select l.type as link, o.type, o.key, o.label
      from graph_entities e
      join graph_links l on l.from_id = e.id or l.to_id = e.id
      join graph_entities o on o.id = case when l.from_id = e.id then l.to_id else l.from_id end
      where e.type = ${type} and e.key = ${rest.join(':')}
      order by 1, 2, 3`.execute(t.database.db);
    return rows;
  };

  it('plants the network, imports persons, vehicles and properties, and builds the graph', () => {
    expect(first.planted).toBe(true);
    expect(first.imports.map((s) => [s.target, s.ok, s.rowsRead])).toEqual([
      ['persons', true, 3],
      ['vehicles', true, 2],
      ['properties', true, 2],
    ]);
    expect(first.build.read).toBeGreaterThan(0);
  });

  it('leads from the confirmed online seller through the phone to the company, its declarations and city', async () => {
    const phone = await neighboursOf(GRAPH_DEMO_KEYS.phone);
    const seller = phone.find((n) => n.type === 'online_seller');
    expect(seller?.label.toLowerCase()).toContain('highcopy');
    const { rows: alerts } = await sql<{ status: string }>`
      select a.status from osint_alerts a join osint_sellers s on s.id = a.seller_id
      where s.id = ${Number(seller!.key)}`.execute(t.database.db);
    expect(alerts.map((a) => a.status)).toContain('confirmed');
    expect(phone).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ link: 'has_phone', type: 'company', key: 'ATLASIMP' }),
        expect.objectContaining({ link: 'has_phone', type: 'person', key: 'cin:BK123456' }),
      ]),
    );
    const company = await neighboursOf(GRAPH_DEMO_KEYS.importer);
    expect(company.filter((n) => n.link === 'importer_of').map((n) => n.key)).toEqual([
      'PLANT-0001',
      'PLANT-0002',
    ]);
    const warehouse = company.find((n) => n.link === 'located_at')!;
    expect(await neighboursOf(`address:${warehouse.key}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ link: 'in_city', type: 'city', key: 'casablanca' }),
        expect.objectContaining({ link: 'located_at', type: 'property', key: '98765/C' }),
        expect.objectContaining({ link: 'seen_at', type: 'vehicle', key: 'MA:12345A6' }),
      ]),
    );
  });

  it("shows the manager's vehicle and properties", async () => {
    const manager = await neighboursOf(GRAPH_DEMO_KEYS.manager);
    expect(manager.filter((n) => n.link === 'owns').map((n) => `${n.type}:${n.key}`)).toEqual([
      'property:4455/63',
      'property:98765/C',
      'vehicle:MA:12345A6',
    ]);
    expect(manager).toEqual(
      expect.arrayContaining([expect.objectContaining({ link: 'manager_of', key: 'ATLASIMP' })]),
    );
  });

  it('changes nothing when loaded again', async () => {
    const again = await loadDemoGraph(t.database);
    expect(again.planted).toBe(false);
    for (const s of again.imports)
      expect(Object.entries(s.counts).filter(([k, v]) => /inserted|updated|new/.test(k) && v > 0)).toEqual(
        [],
      );
    expect(again.build.read).toBe(0);
  });
});
