import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/db.ts';
import { nativeRow } from '../../../../test/factories.ts';
import { loadLines, type ScoringLine } from '../lines.ts';
import { activeModelScorer, registerModelScorer, unregisterModelScorer } from '../model.ts';
import { importPartner, importRows, resetRisk, SYSTEM } from '../testing/fixtures.ts';
import { addEntries, createWatchlist } from '../watchlists.ts';
import { WHOLE_HISTORY_FROM } from './history.ts';
import { createBatch, indicatorOf, listIndicators, registerIndicator, unregisterIndicator } from './index.ts';

const r = (reference: string, lodged_on: string, extra: Record<string, string> = {}) =>
  nativeRow({ reference, lodged_on, importer_code: 'IMPA', importer_name: 'Atlas Import', ...extra });

describeEachDatabase('risk indicators', (t) => {
  let lines: ScoringLine[];
  const at = (reference: string) => lines.findIndex((l) => l.reference === reference);

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    await importRows(t.database, [
      r('A1', '2024-01-10', { result: 'fraud', inspected_on: '2024-01-10' }),
      r('A2', '2024-02-10', { result: 'compliant', inspected_on: '2024-02-12' }),
      r('A3', '2024-02-12'),
      r('A4', '2024-03-10', { result: 'fraud', inspected_on: '2024-03-20' }),
      r('A5', '2024-03-15', { hs_code: '8517120000' }),
      r('A6', '2024-04-01', { result: 'critical', inspected_on: '2024-04-01' }),
      nativeRow({
        reference: 'B1',
        lodged_on: '2024-03-15',
        importer_code: 'IMPB',
        importer_name: 'Zenith Trading',
      }),
      nativeRow({
        reference: 'C1',
        lodged_on: '2024-03-15',
        importer_code: 'IMPC',
        importer_name: 'Nowhere Ltd',
      }),
    ]);
    await importPartner(
      t.database,
      'companies',
      'company_id,name,created_on\nIMPA,Atlas Import SARL,2023-12-20\nIMPB,Blue Ocean Logistics,2010-05-01\n',
    );
    await importPartner(
      t.database,
      'payments',
      'payment_reference,importer_code,paid_on,amount,currency,declaration_reference\n' +
        'P1,IMPA,2024-01-05,2000,USD,A1\nP2,IMPA,2024-01-06,1000,USD,A1\nP3,IMPB,2024-03-01,100,USD,B1\n',
    );
    await importPartner(
      t.database,
      'manifests',
      'document_number,document_type,consignee_code,gross_mass_kg,containers,declaration_reference,arrival_date\n' +
        'BL-A1,bill_of_lading,IMPA,500,MSCU1234567,A1,2024-01-08\n' +
        'BL-B1,bill_of_lading,IMPB,125,,B1,2024-03-14\n' +
        'BL-LOST,bill_of_lading,IMPA,80,,NOPE,2024-02-01\n',
    );
    const list = await createWatchlist(t.database, SYSTEM, { name: 'suspects', type: 'trader' });
    await addEntries(t.database, SYSTEM, list.id, { values: ['IMPB'] });
    const docs = await createWatchlist(t.database, SYSTEM, { name: 'boxes', type: 'transport_document' });
    await addEntries(t.database, SYSTEM, docs.id, { values: ['MSCU1234567'] });
    lines = await loadLines(t.database.db, { withOutcomes: true });
  });

  afterEach(() => unregisterModelScorer());

  const values = async (name: string, batchLines: readonly ScoringLine[] = lines) =>
    (await createBatch(t.database.db, batchLines).indicator(name)).values;

  it('counts only outcomes known strictly before the declaration date: no future outcome leaks', async () => {
    const inspected = await values('history.importer.inspected');
    const frauds = await values('history.importer.frauds');
    const rate = await values('history.importer.fraud_rate');
    expect(inspected[at('A1')]).toBe(0); // its own outcome is not history
    expect(rate[at('A1')]).toBeNull();
    expect(inspected[at('A2')]).toBe(1);
    expect(inspected[at('A3')]).toBe(1); // A2's outcome is known on 02-12, the same day: not before
    expect([inspected[at('A5')], frauds[at('A5')], rate[at('A5')]]).toEqual([2, 1, 0.5]); // A4 is known on 03-20
    expect([inspected[at('A6')], frauds[at('A6')]]).toEqual([3, 2]);
    const critical = await values('history.importer.critical_rate');
    expect(critical[at('A6')]).toBe(0);
  });

  it('gives the same values scored alone or in a small batch (per key) as in a large batch (whole history)', async () => {
    // The whole-history path.
    const large = Array.from({ length: Math.ceil(WHOLE_HISTORY_FROM / lines.length) }, () => lines).flat();
    const names = ['importer', 'declarant', 'seller', 'hs6', 'hs6_origin', 'same_goods'].flatMap((dim) =>
      ['inspected', 'frauds', 'fraud_rate', 'critical_rate'].map((c) => `history.${dim}.${c}`),
    );
    for (const name of [...names, 'importer.first_time', 'importer.first_time_hs']) {
      const inLarge = (await values(name, large)).slice(0, lines.length);
      expect(await values(name, lines), name).toEqual(inLarge);
      expect((await values(name, [lines[at('A5')]!]))[0], name).toEqual(inLarge[at('A5')]);
    }
    const inLarge = await values('history.hs6_origin.frauds', large);
    expect(inLarge[at('A6')]).toBe(2);
  });

  it('tells the first declaration of an importer, a first HS6 and a first origin', async () => {
    expect((await values('importer.first_time')).slice(0, 3)).toEqual([true, false, false]);
    const hs = await values('importer.first_time_hs');
    expect([hs[at('A4')], hs[at('A5')]]).toEqual([false, true]);
    const origin = await values('importer.first_time_origin');
    expect(origin[at('A5')]).toBe(false);
  });

  it('cross-checks partner data, each with its evidence', async () => {
    const batch = createBatch(t.database.db, lines);
    const fx = await batch.indicator('partners.fx_ratio');
    // 3,000 USD at 10 MAD/USD for a declared 15,400 MAD.
    expect(fx.values[at('A1')]).toBeCloseTo(30_000 / 15_400, 9);
    expect(fx.evidence[at('A1')]).toMatchObject({
      paid_in_declaration_currency: 30_000,
      declared_value: 15_400,
      currency: 'MAD',
      rates: { USD: 1, MAD: 10 },
      payments: [
        { reference: 'P1', amount: 2000, currency: 'USD' },
        { reference: 'P2', amount: 1000, currency: 'USD' },
      ],
    });
    expect((await batch.indicator('partners.fx_excess')).values.slice(0, 2)).toEqual([true, null]);
    expect((await batch.indicator('partners.fx_excess')).values[at('B1')]).toBe(false);
    const mass = await batch.indicator('partners.manifest_mass_excess');
    expect([mass.values[at('A1')], mass.values[at('B1')]]).toEqual([true, false]);
    expect(mass.evidence[at('A1')]).toMatchObject({ gross_mass_kg: 500, declared_net_mass_kg: 120.5 });
    const undeclared = await batch.indicator('partners.undeclared_manifests');
    expect([undeclared.values[at('A1')], undeclared.values[at('A2')]]).toEqual([0, 1]);
    expect(undeclared.evidence[at('A2')]).toMatchObject({ documents: [{ document_number: 'BL-LOST' }] });
    const recent = await batch.indicator('partners.importer_recent');
    expect([recent.values[at('A1')], recent.values[at('A6')], recent.values[at('B1')]]).toEqual([
      true,
      false,
      false,
    ]);
    expect(recent.evidence[at('A1')]).toMatchObject({
      company_id: 'IMPA',
      created_on: '2023-12-20',
      age_days: 21,
    });
    expect((await batch.indicator('importer.registered')).values[at('C1')]).toBe(false);
    const mismatch = await batch.indicator('partners.register_mismatch');
    expect([mismatch.values[at('A1')], mismatch.values[at('B1')], mismatch.values[at('C1')]]).toEqual([
      false,
      true,
      null,
    ]);
    expect(mismatch.evidence[at('B1')]).toEqual({
      company_id: 'IMPB',
      declared_name: 'Zenith Trading',
      registered_name: 'Blue Ocean Logistics',
    });
  });

  it('tells which watchlists a line is on, transport documents included', async () => {
    const lists = await createBatch(t.database.db, lines).indicator('watchlist.lists');
    expect(lists.values[at('B1')]).toEqual(['suspects']);
    expect(lists.values[at('A1')]).toEqual(['boxes']);
    expect(lists.values[at('A2')]).toBeNull();
  });

  it('takes indicators from other modules and the active model, which never sees outcomes', async () => {
    registerIndicator({
      name: 'osint.test_mentions',
      type: 'number',
      description: { en: 'mentions online', fr: 'mentions en ligne', ar: 'إشارات على الإنترنت' },
      compute: (batch) => batch.lines.map((l) => l.reference.length),
    });
    try {
      expect(indicatorOf('osint.test_mentions')).toBeDefined();
      expect(listIndicators().map((i) => i.name)).toContain('osint.test_mentions');
      expect(() =>
        registerIndicator({
          name: 'osint.test_mentions',
          type: 'number',
          description: { en: '', fr: '', ar: '' },
          compute: () => [],
        }),
      ).toThrow('already registered');
      expect((await values('osint.test_mentions'))[0]).toBe(2);
    } finally {
      unregisterIndicator('osint.test_mentions');
    }
    expect(await values('model.probability')).toEqual(lines.map(() => null));
    let seen: unknown[] = [];
    registerModelScorer({
      name: 'test-model',
      score(given) {
        seen = given.map((l) => l.outcome);
        return given.map(() => ({
          probability: 0.7,
          reasons: [{ en: 'because', fr: 'parce que', ar: 'لأن' }],
        }));
      },
    });
    expect(activeModelScorer()?.name).toBe('test-model');
    const model = await createBatch(t.database.db, lines).indicator('model.probability');
    expect(model.values[0]).toBe(0.7);
    expect(model.evidence[0]).toMatchObject({ model: 'test-model' });
    expect(seen.every((o) => o === null)).toBe(true);
  });
});
