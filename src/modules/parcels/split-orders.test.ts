/**
 * Split orders found in SQL (window sums, docs/decisions/0029) against a reference written here the slow, obvious
 * way: every sender × phone (then × address) group, every arrival day ending a window of `window_days` days, every
 * parcel keeping the largest order it is part of. Seeded random parcels (few senders, phones and addresses, a
 * fortnight) so that orders overlap, straddle the period's edges and tie. Also: deleting a parcel takes its score
 * with it (the scores have no foreign key since 0029; a statement trigger does it).
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { mulberry32 } from '../../platform/lib/random.ts';
import { parcelsTarget } from './import-target.ts';
import type { ParcelReason } from './model.ts';
import { scoreParcels } from './score.ts';

const files = tempFiles();
const actor = { id: null, name: 'analyst-test', ip: null };
const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,item_count,arrival_date,arrival_office';

interface P {
  n: string;
  sender: string;
  phone: string;
  address: string;
  value: number;
  day: number;
}

const random = mulberry32(29);
const PARCELS: P[] = Array.from({ length: 240 }, (_, i) => ({
  n: `R${String(i).padStart(4, '0')}`,
  sender: `Sender ${Math.floor(random() * 4)}`,
  phone: `066200000${Math.floor(random() * 6)}`,
  address: `${1 + Math.floor(random() * 5)} rue Atlas`,
  value: Math.round((10 + random() * 170) * 100) / 100,
  day: 1 + Math.floor(random() * 14),
}));
const FROM = 4;
const TO = 11;
const THRESHOLD = 150;
const WINDOW = 3;

/** The reference: for each parcel of the period, the total of the largest order it belongs to, by key. */
function reference(by: 'phone' | 'address'): Map<string, { total: number; members: string[] }> {
  const out = new Map<string, { total: number; members: string[] }>();
  const under = PARCELS.filter((p) => p.value <= THRESHOLD);
  const groups = new Map<string, P[]>();
  for (const p of under) {
    const g = `${p.sender}|${by === 'phone' ? p.phone : p.address}`;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  for (const list of groups.values())
    for (let end = 1; end <= 14 + WINDOW; end++) {
      const members = list.filter((p) => p.day <= end && p.day > end - WINDOW);
      if (!members.some((p) => p.day === end)) continue;
      const total = members.reduce((s, p) => s + p.value, 0);
      if (members.length < 2 || total <= THRESHOLD) continue;
      for (const p of members) {
        if (p.day < FROM || p.day > TO) continue;
        const seen = out.get(p.n);
        if (!seen || total > seen.total + 1e-9)
          out.set(p.n, { total, members: members.map((m) => m.n).sort() });
      }
    }
  return out;
}

describeEachDatabase('parcels split orders in SQL against a reference', (t) => {
  beforeAll(async () => {
    const lines = PARCELS.map(
      (p) =>
        `${p.n},DHL,express,${p.sender},CN,Someone,${p.address},Casablanca,${p.phone},goods,${p.value.toFixed(2)},EUR,1,2026-11-${String(p.day).padStart(2, '0')},301`,
    );
    const summary = await runImport(t.database, parcelsTarget, {
      file: files.write('random.csv', `${HEADER}\n${lines.join('\n')}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(summary.errors).toEqual([]);
  });

  it('flags the same parcels with the same orders as the reference, by phone then by address', async () => {
    const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
    const run = await scoreParcels(t.database, actor, { from: day(FROM), to: day(TO) });
    const rows = await t.database.db
      .selectFrom('parcel_scores as s')
      .innerJoin('parcels as p', 'p.id', 's.parcel_id')
      .select(['p.consignment_number', 's.reasons'])
      .execute();
    const found = new Map<string, { by: string; total: number; members: string[] }>();
    for (const r of rows) {
      const split = (r.reasons as ParcelReason[]).find((x) => x.indicator === 'split_order');
      if (!split) continue;
      const e = split.evidence as {
        by: string;
        total_eur: number;
        parcels: { consignment_number: string }[];
      };
      found.set(r.consignment_number, {
        by: e.by,
        total: e.total_eur,
        members: e.parcels.map((m) => m.consignment_number).sort(),
      });
    }
    const byPhone = reference('phone');
    const byAddress = reference('address');
    const expected = new Map<string, { by: string; total: number; members: string[] }>();
    for (const [n, o] of byPhone)
      expected.set(n, { by: 'phone', ...o, total: Math.round(o.total * 100) / 100 });
    for (const [n, o] of byAddress)
      if (!expected.has(n)) expected.set(n, { by: 'address', ...o, total: Math.round(o.total * 100) / 100 });
    expect(expected.size).toBeGreaterThan(20);
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [n, o] of expected) {
      const f = found.get(n)!;
      expect({ n, by: f.by, total: f.total }).toEqual({
        n,
        by: o.by,
        total: Math.round(o.total * 100) / 100,
      });
      expect(f.members).toEqual(o.members);
    }
    expect(run.split_order_parcels).toBe(expected.size);
  });

  it('takes the score with a deleted parcel', async () => {
    const before = await t.database.db
      .selectFrom('parcel_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const victim = await t.database.db
      .selectFrom('parcel_scores')
      .select('parcel_id')
      .orderBy('parcel_id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`delete from parcels where id = ${victim.parcel_id}`.execute(t.database.db);
    const after = await t.database.db
      .selectFrom('parcel_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) - 1);
    const gone = await t.database.db
      .selectFrom('parcel_scores')
      .select('parcel_id')
      .where('parcel_id', '=', victim.parcel_id)
      .execute();
    expect(gone).toEqual([]);
  });
});
