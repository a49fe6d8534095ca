/**
 * Repeat senders from inspection outcomes (`repeat_sender_fraud`): a parcel whose sender — folded name and country,
 * as split orders know it — had fraud found in another parcel strictly before its arrival day is referred, naming
 * those parcels. The cut-off first (fraud found on the arrival day or after does not count), then what counts: the
 * outcome in force (a fraud corrected to compliant no longer counts, a compliant corrected to fraud does), not
 * compliant or not-found outcomes, not another country's sender of the same name, not a parcel's own outcome, not
 * a fraud already counted through its seizure (`repeat_sender`).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { parcelsTarget } from './import-target.ts';
import { correctInspection, recordInspection } from './inspections.ts';
import { scoreParcels } from './score.ts';
import { findParcel, getParcel } from './store.ts';

const files = tempFiles();
const actor = { id: null, name: 'supervisor', ip: null };
const supervisor = { username: 'supervisor', supervisor: true };
const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_phone,description,declared_value,currency,arrival_date,arrival_office';
/** number, sender, country, day of November: each to its own recipient, harmless goods, under any threshold. */
const row = (n: string, sender: string, country: string, day: number, i: number) =>
  `${n},DHL,express,${sender},${country},Recipient ${i},06630000${String(i).padStart(2, '0')},cushion cover,20,EUR,2026-11-${String(day).padStart(2, '0')},301`;
const WEEK = [
  row('F1', 'Lucky Shop', 'CN', 2, 1), // fraud found on 2 November
  row('F2', 'Lucky Shop', 'CN', 2, 2), // arrives the day the fraud was found: not after
  row('F3', 'LUCKY SHOP!', 'CN', 3, 3), // the same sender, folded: after
  row('F4', 'Lucky Shop', 'HK', 5, 4), // the same name, another country: another sender
  row('F5', 'Lucky Shop', 'CN', 4, 5), // fraud found on 4 November, then corrected to compliant
  row('F6', 'Lucky Shop', 'CN', 6, 6), // after F1 and F5: only F1 counts once F5 is corrected
  row('K1', 'Kind Store', 'CN', 2, 7), // compliant, corrected to fraud
  row('K2', 'Kind Store', 'CN', 6, 8),
  row('Z1', 'Seized Co', 'CN', 2, 9), // fraud, and linked to its seizure
  row('Z2', 'Seized Co', 'CN', 6, 10),
  row('N1', 'Absent Co', 'CN', 2, 11), // not found
  row('N2', 'Absent Co', 'CN', 6, 12),
];

describeEachDatabase('repeat senders from inspection outcomes', (t) => {
  const ids: Record<string, number> = {};
  const reasonsOf = async (n: string) =>
    (await getParcel(t.database.db, ids[n]!)).reasons.filter((r) => r.indicator === 'repeat_sender_fraud');
  const score = () => scoreParcels(t.database, actor, { from: '2026-11-01', to: '2026-11-07' });

  beforeAll(async () => {
    const summary = await runImport(t.database, parcelsTarget, {
      file: files.write('week.csv', `${HEADER}\n${WEEK.join('\n')}\n`),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(summary.errors).toEqual([]);
    for (const line of WEEK) {
      const n = line.split(',')[0]!;
      ids[n] = (await findParcel(t.database.db, 'DHL', n)).id;
    }
    const record = (n: string, input: Parameters<typeof recordInspection>[4]) =>
      recordInspection(t.database, actor, supervisor, ids[n]!, input);
    await record('F1', { result: 'fraud', fraud_type: 'counterfeit', inspected_at: '2026-11-02T09:00:00Z' });
    await record('F5', { result: 'fraud', fraud_type: 'other', inspected_at: '2026-11-04T09:00:00Z' });
    await record('K1', { result: 'compliant', inspected_at: '2026-11-02T09:00:00Z' });
    await record('Z1', { result: 'fraud', fraud_type: 'counterfeit', inspected_at: '2026-11-02T09:00:00Z' });
    await record('N1', { result: 'not_found', inspected_at: '2026-11-02T09:00:00Z' });
    await t.database.db
      .insertInto('parcel_seizures')
      .values({
        parcel_id: ids.Z1!,
        seizure_id: 1,
        seizure_reference: 'SZ-2026-000001',
        seized_on: '2026-11-02',
        description: 'counterfeit cushions',
        linked_by: 'supervisor',
      })
      .execute();
  });

  it('counts only fraud found strictly before the arrival day, and never a parcel’s own outcome', async () => {
    const summary = await score();
    expect(await reasonsOf('F1')).toEqual([]);
    expect(await reasonsOf('F2')).toEqual([]);
    const [f3] = await reasonsOf('F3');
    expect(f3).toEqual({
      indicator: 'repeat_sender_fraud',
      points: 50,
      message:
        'repeat sender: LUCKY SHOP! (CN) had fraud found in 1 earlier parcel: DHL F1 (counterfeit, 2026-11-02)',
      evidence: {
        parcels: [{ id: ids.F1, parcel: 'DHL F1', fraud_type: 'counterfeit', inspected_on: '2026-11-02' }],
      },
    });
    // Referred on it alone (50 points: the referral score).
    expect(await getParcel(t.database.db, ids.F3!)).toMatchObject({ score: 50, referred: true });
    expect(await reasonsOf('F4')).toEqual([]);
    expect((await reasonsOf('F6'))[0]!.message).toBe(
      'repeat sender: Lucky Shop (CN) had fraud found in 2 earlier parcels: DHL F1 (counterfeit, 2026-11-02); DHL F5 (other, 2026-11-04)',
    );
    // A compliant or not-found outcome is no fraud; a seized fraud is repeat_sender's, counted once.
    expect(await reasonsOf('K2')).toEqual([]);
    expect(await reasonsOf('N2')).toEqual([]);
    const z2 = (await getParcel(t.database.db, ids.Z2!)).reasons.map((r) => r.indicator);
    expect(z2).toEqual(['repeat_sender']);
    // F3, F5 (after F1, its own fraud aside) and F6.
    expect((await reasonsOf('F5'))[0]!.evidence).toEqual({
      parcels: [{ id: ids.F1, parcel: 'DHL F1', fraud_type: 'counterfeit', inspected_on: '2026-11-02' }],
    });
    expect(summary).toMatchObject({ repeat_sender: 1, repeat_sender_fraud: 3 });
  });

  it('counts the outcome in force: corrections change the next scoring', async () => {
    await correctInspection(t.database, actor, supervisor, ids.F5!, {
      result: 'compliant',
      reason: 'the goods were genuine',
    });
    await correctInspection(t.database, actor, supervisor, ids.K1!, {
      result: 'fraud',
      fraud_type: 'health_risk',
      reason: 'lab test: toxic dye',
    });
    const summary = await score();
    expect((await reasonsOf('F6'))[0]!.message).toBe(
      'repeat sender: Lucky Shop (CN) had fraud found in 1 earlier parcel: DHL F1 (counterfeit, 2026-11-02)',
    );
    // K1's correction keeps its time of inspection (2 November): before K2's arrival.
    expect((await reasonsOf('K2'))[0]!.message).toBe(
      'repeat sender: Kind Store (CN) had fraud found in 1 earlier parcel: DHL K1 (health_risk, 2026-11-02)',
    );
    // F3, F5, F6 and now K2.
    expect(summary).toMatchObject({ repeat_sender_fraud: 4 });
  });
});
