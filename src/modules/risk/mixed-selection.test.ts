/**
 * Fraud and revenue together in the daily selection (decision 0040): a profile ranking by `mixed` spends a slot on
 * a large declaration of middling probability and says so ("picked for revenue: duties at stake …"); the same
 * day ranked by probability alone does not. Profiles are passed to the selection directly (not activated).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { type NativeRow, nativeRow } from '../../../test/factories.ts';
import { randomByOffice, runSelection } from './decisions.ts';
import { setOfficeParams } from './offices.ts';
import { createProfileVersion, profileVersion } from './profiles.ts';
import { importRows, resetRisk, rule, SYSTEM } from './testing/fixtures.ts';

const DAY = '2021-02-01';

function rows(): NativeRow[] {
  const at = (reference: string, hs_code: string, customs_value: string, duty_rate = '5') =>
    nativeRow({ reference, office: 'M1', lodged_on: DAY, hs_code, customs_value, duty_rate });
  return [
    at('M-TOY1', '9503000000', '1000'),
    at('M-TOY2', '9503000000', '1000'),
    at('M-BIG', '8517120000', '5000000', '20'),
    ...Array.from({ length: 5 }, (_, i) => at(`M-W${i}`, '4202000000', '1000')),
  ];
}

const document = (scoring: Record<string, unknown>) => ({
  scoring: { base_probability: 0.1, minimum_score: { red: 0, yellow: 0 }, ...scoring },
  rules: [
    rule('toys', { field: 'item.hs_code', hs_prefix: '9503' }, { points: 78 }, { probability: 0.9 }),
    rule('phones', { field: 'item.hs_code', hs_prefix: '8517' }, { points: 30 }, { probability: 0.3 }),
  ],
});

describeEachDatabase('mixed fraud and revenue ranking in the daily selection', (t) => {
  const selected = async () =>
    (
      await t.database.db
        .selectFrom('risk_decisions')
        .select(['reference', 'channel', 'explanation'])
        .where('office_code', '=', 'M1')
        .where('superseded_at', 'is', null)
        .where('channel', 'in', ['red', 'yellow'])
        .orderBy('reference')
        .execute()
    ).map((r) => ({
      reference: r.reference,
      explanation: (typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation) as {
        en: string;
        fr: string;
      },
    }));
  const version = async (scoring: Record<string, unknown>) => {
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: `mixed-${String(scoring.rank_by)}`,
      document: document(scoring),
      reason: 'decision 0040 fixtures',
    });
    return (await profileVersion(t.database.db, created.id))!;
  };

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, rows());
    await setOfficeParams(t.database, SYSTEM, 'M1', { capacity_items: 2, random_rate: 0, rate_blue: 0 });
  });

  it('refuses a profile whose revenue weight is outside [0, 1], naming the field', async () => {
    await expect(version({ rank_by: 'mixed', revenue_weight: 1.2 })).rejects.toMatchObject({
      code: 'risk.invalid_profile',
      message: expect.stringContaining('scoring.revenue_weight'),
    });
  });

  it('by probability alone, fills the capacity with the two likely small frauds', async () => {
    const p = await version({ rank_by: 'probability' });
    await runSelection(t.database, SYSTEM, { office: 'M1', day: DAY }, { profiles: [p] });
    expect((await selected()).map((s) => s.reference)).toEqual(['M-TOY1', 'M-TOY2']);
  });

  it('mixed, spends one slot on the large declaration and says it was picked for revenue', async () => {
    const p = await version({ rank_by: 'mixed', revenue_weight: 0.5 });
    expect(p.document.scoring.revenue_weight).toBe(0.5);
    await runSelection(t.database, SYSTEM, { office: 'M1', day: DAY }, { profiles: [p] });
    const s = await selected();
    expect(s.map((x) => x.reference)).toEqual(['M-BIG', 'M-TOY1']);
    const big = s.find((x) => x.reference === 'M-BIG')!;
    expect(big.explanation.en).toMatch(/picked for revenue: duties at stake 1,000,000/);
    expect(big.explanation.fr).toMatch(/sélectionnée pour les recettes : droits en jeu 1/);
    const toy = s.find((x) => x.reference === 'M-TOY1')!;
    expect(toy.explanation.en).not.toMatch(/picked for revenue/);
  });

  it("reports the office's random share of the selection, and no hit rate before any outcome", async () => {
    const p = await version({ rank_by: 'mixed', revenue_weight: 0.5 });
    await runSelection(t.database, SYSTEM, { office: 'M1', day: DAY, random_share: 0.5 }, { profiles: [p] });
    const all = { office: null } as const;
    expect(await randomByOffice(t.database.db, { from: DAY, to: DAY }, all)).toEqual([
      {
        office: 'M1',
        selected_items: 2,
        random_items: 1,
        random_share: 0.5,
        random_inspected: 0,
        random_frauds: 0,
        random_hit_rate: null,
        ranked_inspected: 0,
        ranked_frauds: 0,
        ranked_hit_rate: null,
      },
    ]);
    expect(await randomByOffice(t.database.db, { from: '2021-03-01' }, all)).toEqual([]);
  });
});
