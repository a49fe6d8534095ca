/**
 * The parcel model end to end: refusals first (bad dates, too few outcomes, an unknown model, one trained on too
 * few frauds, outcomes of unknown parcels), then a model trained on generated outcomes whose fraud follows what the
 * parcels look like learns it (hold-out AUC well above chance), is stored with its figures, activated (audited) and
 * gives scoring its term — points from the probability, the top features in words — and the summary names it.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import type { ParcelReason } from './model.ts';
import { activateParcelModel, activeParcelModel, listParcelModels, MIN_FRAUDS } from './models.ts';
import { MODEL_POINTS } from './parcel-model.ts';
import { recordPastOutcomes } from './past-outcomes.ts';
import { scoreParcels } from './score.ts';
import { getParcel } from './store.ts';
import { importHistory } from './testing/history.ts';
import { trainParcelModel } from './train.ts';

const files = tempFiles();
const actor = { id: null, name: 'analyst-test', ip: null };

describeEachDatabase('parcel model', (t) => {
  beforeAll(async () => {
    // A few outcomes only: too few to learn from.
    await importHistory(t.database, files, { from: '2025-01-06', days: 3, perDay: 20, seed: 7, prefix: 'F' });
  });

  it('refuses bad dates and too few outcomes, naming the counts', async () => {
    await expect(trainParcelModel(t.database, actor, { from: '2025-13-01' })).rejects.toMatchObject({
      code: 'parcels.bad_date',
      status: 400,
    });
    await expect(
      trainParcelModel(t.database, actor, { from: '2025-02-01', to: '2025-01-01' }),
    ).rejects.toMatchObject({ code: 'parcels.bad_period' });
    const refused = trainParcelModel(t.database, actor, {});
    await expect(refused).rejects.toMatchObject({ code: 'parcels.model_too_few_outcomes', status: 400 });
    await expect(refused).rejects.toThrow(/at least 30 of each are needed/);
    expect(await listParcelModels(t.database.db)).toEqual([]);
  });

  it('refuses outcomes of unknown parcels and changes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from parcel_inspections`.execute(
      t.database.db,
    );
    await expect(
      recordPastOutcomes(t.database, actor, [
        {
          carrier: 'DHL',
          consignment_number: 'NOPE',
          examiner: 'x',
          result: 'compliant',
          inspected_at: '2025-01-01T10:00:00Z',
        },
      ]),
    ).rejects.toMatchObject({ code: 'parcels.unknown_parcel' });
    await expect(
      recordPastOutcomes(t.database, actor, [
        {
          carrier: 'DHL',
          consignment_number: 'F00000001',
          examiner: 'x',
          result: 'fraud',
          inspected_at: '2025-01-01T10:00:00Z',
        },
      ]),
    ).rejects.toMatchObject({ code: 'parcels.bad_inspection' });
    const after = await sql<{ n: number }>`select count(*)::int as n from parcel_inspections`.execute(
      t.database.db,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses to activate an unknown model or one trained on too few frauds', async () => {
    await expect(activateParcelModel(t.database, actor, 999)).rejects.toMatchObject({ status: 404 });
    const { id } = await t.database.db
      .insertInto('parcel_models')
      .values({
        name: 'hand-made',
        version: '1',
        model: JSON.stringify({}),
        from_date: '2025-01-01',
        to_date: '2025-01-31',
        parcels: 500,
        frauds: MIN_FRAUDS - 1,
        metrics: JSON.stringify({}),
        trained_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(activateParcelModel(t.database, actor, Number(id))).rejects.toMatchObject({
      code: 'parcels.model_too_few_frauds',
      status: 400,
    });
    expect(await activeParcelModel(t.database.db)).toBeNull();
    await t.database.db.deleteFrom('parcel_models').execute();
  });

  it('learns the planted patterns, is activated (audited) and scores with its term and evidence', async () => {
    await importHistory(t.database, files, { from: '2025-02-03', days: 60, perDay: 40, seed: 11 });
    const trained = await trainParcelModel(t.database, actor, { from: '2025-02-01' });
    expect(trained).toMatchObject({ name: 'parcel-gbdt', version: '1', active: false, from: '2025-02-03' });
    expect(trained.frauds).toBeGreaterThanOrEqual(MIN_FRAUDS);
    const holdout = trained.metrics.holdout as Record<string, number>;
    expect(holdout.auc).toBeGreaterThan(0.7);
    expect(holdout.precision_at_referral).toBeGreaterThan(holdout.base_rate!);
    expect(holdout.frauds).toBeGreaterThan(0);
    expect(await activeParcelModel(t.database.db)).toBeNull();

    const active = await activateParcelModel(t.database, actor, trained.id);
    expect(active).toMatchObject({ id: trained.id, active: true, activated_by: actor.name });
    const audit = await listAudit(
      t.database.db,
      { action: 'parcels.model_activated' },
      { limit: 5, offset: 0 },
    );
    expect(audit.items[0]).toMatchObject({ actor: actor.name, target_id: String(trained.id) });
    expect(
      (await listAudit(t.database.db, { action: 'parcels.model_trained' }, { limit: 5, offset: 0 })).items,
    ).toHaveLength(1);

    // A second model, activated as it is trained: the first is no longer active.
    const second = await trainParcelModel(t.database, actor, { from: '2025-02-01', activate: true });
    expect(second).toMatchObject({ version: '2', active: true });
    expect((await listParcelModels(t.database.db)).filter((m) => m.active).map((m) => m.id)).toEqual([
      second.id,
    ]);

    // Next week's parcels (no outcomes yet), scored with the active model.
    await importHistory(t.database, files, {
      from: '2025-04-07',
      days: 2,
      perDay: 60,
      seed: 12,
      prefix: 'W',
      inspected: 0,
    });
    const summary = await scoreParcels(t.database, actor, { from: '2025-04-07', to: '2025-04-08' });
    expect(summary.model).toEqual({ name: 'parcel-gbdt', version: '2' });
    const terms = await sql<{ parcel_id: number; reason: ParcelReason }>`select s.parcel_id, r as reason
      from parcel_scores s, jsonb_array_elements(s.reasons) r
      where r->>'indicator' = 'model'`.execute(t.database.db);
    expect(terms.rows.length).toBeGreaterThan(0);
    expect(terms.rows.length).toBeLessThan(summary.parcels);
    const top = terms.rows.map((r) => r.reason).sort((a, b) => b.points - a.points)[0]!;
    const probability = top.evidence.probability as number;
    expect(top.points).toBe(Math.round(MODEL_POINTS * probability));
    expect(top.message).toMatch(/^model parcel-gbdt 2: fraud probability \d+ %, mostly from /);
    const features = top.evidence.features as { feature: string; words: string; contribution: number }[];
    expect(features.length).toBeGreaterThan(0);
    expect(features.length).toBeLessThanOrEqual(3);
    for (const f of features) {
      expect(f.contribution).toBeGreaterThan(0);
      expect(top.message).toContain(f.words);
    }
    // The riskiest parcels are those of the planted patterns.
    const riskiest = terms.rows.sort((a, b) => b.reason.points - a.reason.points).slice(0, 5);
    for (const r of riskiest) {
      const parcel = await getParcel(t.database.db, Number(r.parcel_id));
      const planted =
        ['sport shoes', 'handbag', 'slimming capsules', 'whitening cream'].includes(parcel.description) ||
        parcel.value_eur / (parcel.weight_kg ?? Number.POSITIVE_INFINITY) < 8;
      expect(planted, `${parcel.description}: ${r.reason.message}`).toBe(true);
    }
  });
});
