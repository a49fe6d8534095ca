/**
 * Pre-arrival scoring: refusals first, then the planted patterns of a small week — a split order by phone and one
 * by address, a parcel to the phone of the planted online seller, counterfeit wording — each referred with its
 * reasons and evidence; near misses (under the threshold, outside the window, a dutiable parcel) left alone; the
 * same answer whatever the batch size (keyset reads); settings changing the outcome; every run audited.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { buildGraph } from '../graph/index.ts';
import { PLANTED, plantNetwork } from '../graph/testing/network.ts';
import { parcelsTarget } from './import-target.ts';
import { scoreParcels } from './score.ts';
import { setParcelSettings } from './settings.ts';
import { findParcel, getParcel, listParcels } from './store.ts';

const files = tempFiles();
const actor = { id: null, name: 'analyst-test', ip: null };

const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,sender_platform,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,item_count,arrival_date,arrival_office';

/** number, sender, recipient, address, phone, description, value EUR, day of November, office */
const row = (
  n: string,
  sender: string,
  to: string,
  address: string,
  phone: string,
  what: string,
  eur: number,
  day: number,
) =>
  `${n},DHL,express,${sender},CN,aliexpress.com,${to},${address},Casablanca,${phone},${what},${eur},EUR,1,2026-11-${String(day).padStart(2, '0')},301`;

const WEEK = [
  // A split order by phone: 4 parcels, 2 days, 45 EUR each (180 EUR), one sender, one recipient.
  row('S1', 'Trendy Sneakers Store', 'Karim Naciri', '7 rue Atlas', '0661 00 11 22', 'sport shoes', 45, 3),
  row('S2', 'Trendy Sneakers Store', 'Karim Naciri', '7 rue Atlas', '+212661001122', 'sport shoes', 45, 3),
  row('S3', 'Trendy Sneakers Store', 'K. Naciri', '7 rue Atlas', '0661001122', 'sport shoes', 45, 4),
  row('S4', 'TRENDY SNEAKERS STORE', 'Karim Naciri', '7 rue Atlas', '06.61.00.11.22', 'sport shoes', 45, 4),
  // The same sender and phone, a dutiable parcel (200 EUR): not part of an order.
  row('S5', 'Trendy Sneakers Store', 'Karim Naciri', '7 rue Atlas', '0661001122', 'sport shoes', 200, 4),
  // By address: three parcels to one flat, three phones, 60 EUR each.
  row('A1', 'Gadget World', 'Nadia B', '19 bd Anfa apt 4', '0662000001', 'earphones', 60, 5),
  row('A2', 'Gadget World', 'Nadia Berrada', '"19, Bd Anfa Apt 4"', '0662000002', 'earphones', 60, 6),
  row('A3', 'Gadget World', 'N Berrada', '19 BD ANFA APT 4', '0662000003', 'earphones', 60, 6),
  // Near misses: two parcels together under the threshold; two over it but four days apart.
  row('N1', 'Home Decor Co', 'Leila Amrani', '2 rue Fes', '0663000001', 'cushion cover', 50, 3),
  row('N2', 'Home Decor Co', 'Leila Amrani', '2 rue Fes', '0663000001', 'cushion cover', 50, 4),
  row('N3', 'Lamp Factory', 'Hamid Zniber', '9 rue Oujda', '0664000001', 'desk lamp', 100, 2),
  row('N4', 'Lamp Factory', 'Hamid Zniber', '9 rue Oujda', '0664000001', 'desk lamp', 100, 6),
  // To the phone of the planted online seller.
  row('H1', 'Fujian Footwear', 'Anas Tahiri', '3 derb Omar', '06 12 34 56 78', 'shoes', 30, 5),
  // Counterfeit wording and a brand far below its genuine price.
  row(
    'C1',
    'Putian Trade',
    'Sami Fassi',
    '1 rue Rif',
    '0665000001',
    'Nike Air Jordan replica AAA high copy',
    12,
    5,
  ),
  // Arrives after the period scored.
  row('L1', 'Trendy Sneakers Store', 'Karim Naciri', '7 rue Atlas', '0661001122', 'sport shoes', 45, 20),
];

describeEachDatabase('parcels pre-arrival scoring', (t) => {
  beforeAll(async () => {
    await plantNetwork(t.database);
    await buildGraph(t.database);
    const summary = await runImport(t.database, parcelsTarget, {
      file: files.write('week.csv', `${HEADER}\n${WEEK.join('\n')}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(summary.errors).toEqual([]);
  });

  const parcel = (n: string) => findParcel(t.database.db, 'DHL', n);
  const indicators = async (n: string) => (await parcel(n)).reasons.map((r) => r.indicator).sort();

  it('refuses bad dates and a period backwards, and scores nothing', async () => {
    await expect(
      scoreParcels(t.database, actor, { from: '2026-11-31', to: '2026-12-01' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'parcels.bad_date',
      details: [{ path: '/from', message: 'expected a date as YYYY-MM-DD' }],
    });
    await expect(
      scoreParcels(t.database, actor, { from: '2026-11-08', to: '2026-11-01' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'parcels.bad_period',
    });
    expect(await t.database.db.selectFrom('parcel_score_runs').selectAll().execute()).toEqual([]);
    await expect(setParcelSettings(t.database, actor, { red_score: 10 })).rejects.toMatchObject({
      status: 400,
      code: 'parcels.bad_settings',
      details: [{ path: '/red_score', message: 'red_score must be at least referral_score' }],
    });
  });

  it('refers the planted patterns with their reasons and evidence, and leaves the near misses', async () => {
    const run = await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    expect(run).toMatchObject({
      parcels: 14,
      split_orders: 2,
      split_order_parcels: 7,
      linked_online_seller: 1,
    });

    const s1 = await parcel('S1');
    expect(s1).toMatchObject({ referred: true, channel: 'yellow', score: 50 });
    const split = s1.reasons.find((r) => r.indicator === 'split_order')!;
    expect(split.message).toMatch(
      /^split order: 4 parcels from Trendy Sneakers Store \(CN\) to phone \+212661001122 arriving 2026-11-03 to 2026-11-04, 180\.00 EUR together, above the 150\.00 EUR duty-free threshold/,
    );
    expect(split.evidence).toMatchObject({ by: 'phone', total_eur: 180, threshold_eur: 150, window_days: 3 });
    expect(
      (split.evidence.parcels as { consignment_number: string }[]).map((p) => p.consignment_number),
    ).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const n of ['S2', 'S3', 'S4']) expect(await indicators(n)).toEqual(['split_order']);
    expect(await indicators('S5')).toEqual([]);

    const a1 = await parcel('A1');
    expect(a1.referred).toBe(true);
    expect(a1.reasons[0]).toMatchObject({
      indicator: 'split_order',
      evidence: { by: 'address', total_eur: 180, recipient: '19 bd Anfa apt 4, Casablanca' },
    });
    for (const n of ['N1', 'N2', 'N3', 'N4'])
      expect(await parcel(n)).toMatchObject({ referred: false, channel: 'green', reasons: [] });

    const h1 = await parcel('H1');
    expect(h1).toMatchObject({ referred: true, recipient_phone: PLANTED.phone });
    expect(h1.reasons).toEqual([
      expect.objectContaining({
        indicator: 'linked_online_seller',
        points: 60,
        message: expect.stringMatching(
          /^recipient contact linked in the graph: phone \+212612345678 — online seller 'highcopy.casa' \(1 confirmed alert: Adidas, Nike\)$/,
        ),
      }),
    ]);

    const c1 = await parcel('C1');
    expect(c1.reasons.map((r) => r.indicator)).toEqual(['goods_wording', 'undervalued_brand']);
    expect(c1.reasons[0]!.message).toMatch(/counterfeit/);
    expect(c1.reasons[1]!.message).toMatch(/genuine price/);
    expect(c1.referred).toBe(true);

    expect((await parcel('L1')).score).toBeNull();
    const referred = await listParcels(t.database.db, { referred: true }, { limit: 50, offset: 0 });
    expect(referred.items.map((p) => p.consignment_number).sort()).toEqual(
      ['A1', 'A2', 'A3', 'C1', 'H1', 'S1', 'S2', 'S3', 'S4'].sort(),
    );
    expect(referred.items[0]!.score).toBeGreaterThanOrEqual(referred.items.at(-1)!.score!);
    const audit = await listAudit(t.database.db, { action: 'parcels.scored' }, { limit: 5, offset: 0 });
    expect(audit.items[0]).toMatchObject({ actor: 'analyst-test', target_id: String(run.run_id) });
  });

  it('gives the same scores whatever the batch size (keyset reads), one score per parcel', async () => {
    const snapshot = async () =>
      (await listParcels(t.database.db, {}, { limit: 100, offset: 0 })).items
        .map((p) => [p.consignment_number, p.score, p.channel])
        .sort();
    const before = await snapshot();
    const reasonsBefore = (await parcel('S3')).reasons;
    const run = await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07', batchSize: 2 });
    expect(run).toMatchObject({ parcels: 14, split_order_parcels: 7 });
    expect(await snapshot()).toEqual(before);
    expect((await parcel('S3')).reasons).toEqual(reasonsBefore);
    const scores = await t.database.db.selectFrom('parcel_scores').select('parcel_id').execute();
    expect(scores.length).toBe(14);
  });

  it('follows the settings: a higher threshold and a shorter window undo the split orders', async () => {
    await setParcelSettings(t.database, actor, { threshold_eur: 190 });
    await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    expect(await indicators('S1')).toEqual([]);
    expect(await indicators('A1')).toEqual([]);
    await setParcelSettings(t.database, actor, { threshold_eur: 150, window_days: 1 });
    await scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });
    // One day: S1 and S2 (90 EUR) and S3 and S4 (90 EUR) are each under the threshold; A2 and A3 too.
    expect(await indicators('S1')).toEqual([]);
    expect(await indicators('A2')).toEqual([]);
    await setParcelSettings(t.database, actor, { window_days: 3 });
    const detail = await getParcel(t.database.db, (await parcel('S1')).id);
    expect(detail.reasons).toEqual([]);
    const audit = await listAudit(
      t.database.db,
      { action: 'parcels.settings_changed' },
      { limit: 5, offset: 0 },
    );
    expect(audit.items.length).toBe(3);
  });
});
