/**
 * The model's anomaly score in targeting decisions, end to end on both databases: a planted absurd declaration
 * (1,000 times the usual mass at a thousandth of the value, imported without label columns) gets a high anomaly
 * score from the registry's active model, a rule on `model.anomaly` sends it to the yellow channel, its
 * explanation says what is unusual in words and the score is stored with the decision; ordinary declarations are
 * not selected by the rule; and the same rule is back-tested through the same scoring path.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from '../declarations/index.ts';
import {
  activateProfile,
  backtest,
  createProfileVersion,
  getDecision,
  profileVersion,
  runSelection,
  unregisterModelScorer,
} from '../risk/index.ts';
import { SYSTEM } from '../risk/testing/fixtures.ts';
import { trainModel } from './api.ts';
import { generateCard } from './card.ts';
import { promoteModel, registerModel } from './registry.ts';
import { syncModelScorer } from './scorer.ts';
import { loadKcsSample } from './testing/kcs.ts';

const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;
const files = tempFiles();
const ALL = { office: null };

const PROFILE = `description: Anomalies
rules:
  - id: unusual-for-its-group
    title: { en: Unusual for its goods and origin, fr: Inhabituel pour sa marchandise et son origine }
    rationale: Declared quantities far from those of the same goods and origin.
    when: { indicator: model.anomaly, range: { gte: 0.65 } }
    effect: { points: 30, channel: yellow }
`;

describeEachDatabase('anomaly in decisions', (t) => {
  let profileId = 0;
  beforeAll(async () => {
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',').slice(0, 20).join(',');
    // 18925572: HS 950699 from CN, lodged 2021-01-04 at office 40 (1,152 kg for 69,350 KRW); planted as 1,152 t
    // for 69 KRW, as a new declaration arrives: without the Fraud columns.
    const base = lines
      .find((l) => l.startsWith('18925572,'))!
      .split(',')
      .slice(0, 20);
    const planted = [...base];
    planted[0] = 'PLANTED1';
    planted[18] = String(Number(base[18]) * 1000);
    planted[19] = String(Number(base[19]) / 1000);
    for (const [file, profile] of [
      [sample, 'kcs'],
      [files.write('planted.csv', `${header}\n${planted.join(',')}\n`), 'kcs'],
    ] as const) {
      const imported = await runImport(t.database, declarationsTarget, {
        file,
        profile: resolveProfile('declarations', profile),
      });
      expect(imported.ok).toBe(true);
    }
    const trained = trainModel(
      loadKcsSample().filter((l) => l.lodged_on <= '2020-12-31'),
      { params: { nTrees: 40, learningRate: 0.2, earlyStoppingRounds: 10 }, holdoutDays: 60 },
    );
    const registered = await registerModel(t.database, SYSTEM, trained, { name: 'kcs-2020' });
    await generateCard(t.database, SYSTEM, registered.id);
    await promoteModel(t.database, SYSTEM, registered.id);
    expect(await syncModelScorer(t.database)).toMatchObject({ name: 'kcs-2020' });
    const created = await createProfileVersion(t.database, SYSTEM, {
      name: 'anomalies',
      text: PROFILE,
      reason: 'rules on the anomaly score',
    });
    profileId = Number(created.id);
    await activateProfile(t.database, SYSTEM, profileId, 'rules on the anomaly score');
  });
  afterAll(() => unregisterModelScorer());

  it('refuses a rule on model.anomaly that compares it with text, with its location', async () => {
    await expect(
      createProfileVersion(t.database, SYSTEM, {
        name: 'anomalies-bad',
        text: PROFILE.replace('range: { gte: 0.65 }', 'regex: high'),
        reason: 'a wrong rule',
      }),
    ).rejects.toThrow(/line 6: rules\[0\]\.when.*model\.anomaly/);
  });

  it('selects the planted item by its anomaly, explains why and stores the score; ordinary items not', async () => {
    const run = await runSelection(t.database, SYSTEM, { office: '40', day: '2021-01-04' });
    const planted = run.decisions.find((d) => d.reference === 'PLANTED1')!;
    expect(planted).toMatchObject({ channel: 'yellow', basis: 'forced' });
    const ordinary = run.decisions.filter((d) => d.reference !== 'PLANTED1');
    expect(ordinary).toHaveLength(3);
    const decision = (await getDecision(t.database.db, planted.id, ALL))!;
    const item = decision.items[0]!;
    expect(item.hits.map((h) => h.rule_id)).toEqual(['unusual-for-its-group']);
    expect(item.anomaly!.score).toBeGreaterThanOrEqual(0.65);
    expect(item.indicators['model.anomaly']).toBe(item.anomaly!.score);
    expect(item.anomaly!.reasons.map((r) => r.feature)).toEqual(['log_unit_value', 'log_mass', 'log_value']);
    expect(decision.explanation.en).toContain('• Unusual (anomaly 0.');
    expect(decision.explanation.en).toContain(
      'net mass more than 1,000× the usual for HS 950699 from CN (median of 48 declarations)',
    );
    expect(decision.explanation.fr).toContain(
      'masse nette plus de 1\u202f000 fois l’habituel pour le SH 950699',
    );
    // The rest of the day: the rule hits exactly the items whose stored score reaches its threshold — here one
    // odd line of the sample besides the planted one — and not the declaration the planted one was copied from.
    const others = await Promise.all(
      ordinary.map(async (d) => (await getDecision(t.database.db, d.id, ALL))!),
    );
    for (const other of others) {
      const hit = other.items[0]!.hits.some((h) => h.rule_id === 'unusual-for-its-group');
      expect(hit).toBe(other.items[0]!.anomaly!.score >= 0.65);
    }
    const original = others.find((d) => d.reference === '18925572')!;
    expect(original.items[0]!.anomaly!.score).toBeLessThan(0.5);
    expect(original.channel).toBe('green');
    expect(original.explanation.en).not.toContain('Unusual');
  });

  it('back-tests the rule through the same scoring path when the model precedes the period', async () => {
    const candidate = (await profileVersion(t.database.db, profileId))!;
    const result = await backtest(t.database, [candidate], null, { from: '2021-01-01', to: '2021-01-31' });
    expect(result.model).toMatchObject({
      name: expect.stringMatching(/^kcs-2020 \(#\d+\)$/),
      trained_to: '2020-12-31',
    });
    const rule = result.candidate.rules.find((r) => r.rule === 'anomalies/unusual-for-its-group')!;
    // The planted line (never inspected) and the few odd 2021 lines of the sample.
    expect(rule.hits).toBeGreaterThanOrEqual(1);
    expect(rule.hits).toBeLessThan(0.1 * result.candidate.items);
    expect(rule.inspected).toBe(rule.hits - 1);
    expect(result.candidate.selection.channels.yellow).toBeGreaterThanOrEqual(rule.hits);
    // A period the model learnt from: left out, and said so.
    const earlier = await backtest(t.database, [candidate], null, { from: '2020-12-01', to: '2020-12-31' });
    expect(earlier.model).toMatchObject({ name: null, trained_to: '2020-12-31' });
    expect(earlier.model.note).toMatch(/left out: it learnt from outcomes up to 2020-12-31/);
    expect(earlier.candidate.rules).toEqual([]);
  });
});
