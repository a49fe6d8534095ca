/**
 * The demo week of parcels: a few hundred parcels from both layouts, targeted before arrival; the planted split
 * order and the parcel to the planted online seller's phone are referred with their reasons; most parcels are
 * not; the same week every time; a second load changes nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { listParcels } from '../../modules/parcels/index.ts';
import { loadDemoGraph } from './graph.ts';
import {
  type DemoParcels,
  demoParcelFiles,
  loadDemoParcels,
  PARCELS_DEMO_PLANTED,
  PARCELS_DEMO_WEEK,
} from './parcels.ts';

it('generates the same week every time', () => {
  expect(demoParcelFiles()).toEqual(demoParcelFiles());
  const { itmatt, native } = demoParcelFiles();
  expect(itmatt.split('\n')[1]).toMatch(/^(LX|RR)\d{9}[A-Z]{2},/);
  expect(itmatt.split('\n').length + native.split('\n').length - 4).toBe(365);
});

describeEachDatabase('demo parcels', (t) => {
  let first: DemoParcels;
  beforeAll(async () => {
    await t.reset();
    await loadDemoGraph(t.database);
    first = await loadDemoParcels(t.database);
  }, 180_000);

  const referred = async () =>
    (await listParcels(t.database.db, { ...PARCELS_DEMO_WEEK, referred: true }, { limit: 500, offset: 0 }))
      .items;

  it('imports the week from both layouts and scores it before arrival', () => {
    expect(first.imports.map((s) => [s.profile, s.ok])).toEqual([
      ['itmatt', true],
      ['native', true],
    ]);
    expect(first.imports.reduce((n, s) => n + s.rowsRead, 0)).toBe(365);
    expect(first.assignment?.assigned).toBeGreaterThan(0);
    expect(first.scoring).toMatchObject({
      parcels: 365,
      split_orders: 1,
      split_order_parcels: 4,
      linked_online_seller: 1,
    });
  });

  it('refers the planted split order and the parcel to the online seller, with their reasons', async () => {
    const found = await referred();
    const split = found.filter((p) => PARCELS_DEMO_PLANTED.split.numbers.includes(p.consignment_number));
    expect(split.length).toBe(4);
    const { getParcel } = await import('../../modules/parcels/index.ts');
    const one = await getParcel(t.database.db, split[0]!.id);
    const reason = one.reasons.find((r) => r.indicator === 'split_order')!;
    expect(reason.message).toMatch(
      /^split order: 4 parcels from Shenzhen Kuaile Fashion Store \(CN\) to phone \+212677123456 arriving 2026-11-03 to 2026-11-04, 162\.00 EUR together/,
    );
    const seller = found.find((p) => p.consignment_number === PARCELS_DEMO_PLANTED.seller.number)!;
    expect(seller.recipient_phone).toBe(PARCELS_DEMO_PLANTED.seller.phone);
    const detail = await getParcel(t.database.db, seller.id);
    expect(detail.reasons.map((r) => r.indicator)).toContain('linked_online_seller');
    expect(detail.reasons.find((r) => r.indicator === 'linked_online_seller')!.message).toMatch(
      /online seller 'highcopy\.casa'/,
    );
    const { inspectionsOf } = await import('../../modules/parcels/index.ts');
    const mine = await inspectionsOf(t.database.db, 'officer', '2026-11-03');
    expect(mine.map((i) => i.consignment_number)).toEqual(
      expect.arrayContaining(PARCELS_DEMO_PLANTED.split.numbers.slice(0, 2)),
    );
    // Targeting, not a dragnet: the planted ones and few others.
    expect(found.length).toBeLessThan(365 * 0.1);
  });

  it('trains and activates a parcel model on the past weeks, and the week is scored with its terms', async () => {
    expect(first.history.import.ok).toBe(true);
    expect(first.history.outcomes.frauds).toBeGreaterThanOrEqual(30);
    const model = first.history.model!;
    expect(model).toMatchObject({ name: 'parcel-gbdt', version: '1', active: true, to: '2026-11-01' });
    expect((model.metrics.holdout as { auc: number }).auc).toBeGreaterThan(0.7);
    expect(first.scoring?.model).toEqual({ name: 'parcel-gbdt', version: '1' });
    const week = (await listParcels(t.database.db, { ...PARCELS_DEMO_WEEK }, { limit: 500, offset: 0 }))
      .items;
    const withTerm = week.filter((p) => p.indicators.includes('model'));
    expect(withTerm.length).toBeGreaterThan(0);
    const seller = week.find((p) => p.consignment_number === PARCELS_DEMO_PLANTED.seller.number)!;
    expect(seller.indicators).toContain('model');
  });

  it('changes nothing when loaded again', async () => {
    const before = await referred();
    const again = await loadDemoParcels(t.database);
    expect(again.scoring).toBeNull();
    expect(again.history.model).toBeNull();
    expect(again.history.outcomes.recorded).toBe(0);
    expect(again.assignment).toBeNull();
    expect(again.imports.map((s) => s.counts)).toEqual([
      { parcels_inserted: 0, parcels_updated: 0, parcels_unchanged: expect.any(Number) },
      { parcels_inserted: 0, parcels_updated: 0, parcels_unchanged: expect.any(Number) },
    ]);
    expect(await referred()).toEqual(before);
  });
});
