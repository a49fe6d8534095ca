/**
 * The demo's targeting: the arrivals come in without outcomes, the starter profile is in force, each office's
 * days are selected within the demo rates with explanations, and a second load changes nothing.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { resetRisk } from '../../modules/risk/testing/fixtures.ts';
import { loadDemo } from './demo.ts';
import { loadDemoTargeting } from './targeting.ts';

describeEachDatabase('demo targeting', (t) => {
  let first: Awaited<ReturnType<typeof loadDemoTargeting>>;

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await loadDemo(t.database);
    first = await loadDemoTargeting(t.database);
  }, 120_000);

  it('brings the first week of 2021 in, not yet controlled', async () => {
    const declarations = first.arrivals.find((s) => s.file.endsWith('arrivals.csv'))!;
    expect(declarations.counts.declarations_inserted).toBe(502);
    expect(declarations.counts.outcomes_inserted ?? 0).toBe(0);
    const { rows } = await sql<{ n: number; controlled: number }>`
      select count(distinct d.id)::int as n, count(o.id)::int as controlled
      from declarations d join declaration_items i on i.declaration_id = d.id
      left join inspection_outcomes o on o.item_id = i.id
      where d.lodged_on >= '2021-01-01'`.execute(t.database.db);
    expect(rows[0]).toEqual({ n: 502, controlled: 0 });
  });

  it('selects every office-day of the arrivals with the starter profile, and explains each decision', async () => {
    expect(first.profile).toMatchObject({ name: 'kcs-starter', version: 1 });
    expect(first.references).toBeGreaterThan(0);
    const { rows } = await sql<{ decisions: number; selected: number; unexplained: number; days: number }>`
      select count(*)::int as decisions,
             count(*) filter (where channel in ('red', 'yellow'))::int as selected,
             count(*) filter (where explanation is null)::int as unexplained,
             count(distinct (office_code, lodged_on))::int as days
      from risk_decisions where superseded_at is null`.execute(t.database.db);
    const r = rows[0]!;
    expect(r.decisions).toBe(502);
    expect(r.days).toBe(first.selections);
    expect(r.unexplained).toBe(0);
    // Demo rates: 6 % red, 6 % yellow, plus the random share; never everything.
    expect(r.selected).toBeGreaterThan(20);
    expect(r.selected).toBeLessThan(200);
    expect(first.campaign).not.toBeNull();
  });

  it('changes nothing when loaded again', async () => {
    const again = await loadDemoTargeting(t.database);
    expect(again.profile).toBeNull();
    expect(again.selections).toBe(0);
    expect(again.campaign).toBeNull();
    for (const s of again.arrivals)
      expect(Object.entries(s.counts).filter(([k, v]) => /inserted|updated/.test(k) && v > 0)).toEqual([]);
  });
});
