/**
 * Parcel inspections feed the targeting of declarations (issue 18): the composition root registers
 * `parcels.seller_fraud_parcels` with the risk engine, and a rule profile tests it like any other indicator. A
 * declaration whose seller — folded name and country, as parcels know a sender — had parcels found fraudulent
 * strictly before it was lodged hits the rule, the parcels in its explanation; one lodged the day of the finding, a
 * seller of another country, or a fraud corrected to compliant does not. The shipped starter profile's rule
 * (`seller-parcels-found-fraudulent`) hits the same declaration.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/db.ts';
import { tempFiles } from '../../test/files.ts';
import { declarationsTarget } from '../modules/declarations/index.ts';
import { importParcelsForTest } from '../modules/parcels/testing/fixtures.ts';
import { activateProfile, createProfileVersion, scoreDeclaration } from '../modules/risk/index.ts';
import { resolveProfile } from '../platform/ingest/profile.ts';
import { runImport } from '../platform/ingest/run.ts';
import './modules.ts';

const actor = { id: null, name: 'test', ip: null };
const files = tempFiles();

const document = {
  description: 'parcel outcomes',
  rules: [
    {
      id: 'seller-parcels-fraud',
      title: {
        en: 'Seller whose parcels were found fraudulent',
        fr: 'Vendeur dont des colis ont été trouvés en fraude',
        ar: 'بائع ثبت الغش في طروده',
      },
      rationale: {
        en: 'Parcel examiners found fraud in parcels from this seller.',
        fr: 'Les vérificateurs de colis ont constaté une fraude sur des colis de ce vendeur.',
        ar: 'ثبت لمراقبي الطرود غش في طرود من هذا البائع.',
      },
      probability: 0.6,
      when: { indicator: 'parcels.seller_fraud_parcels', range: { gte: 1 } },
      effect: { points: 40, tags: ['parcels'] },
    },
  ],
};

const HEADER =
  'reference,office,lodged_on,importer_code,seller_code,seller_name,seller_country,currency,line_no,hs_code,description,origin_country,net_mass_kg,customs_value';
const declaration = (reference: string, lodged: string, code: string, seller: string, country: string) =>
  `${reference},301,${lodged},IMP001,${code},${seller},${country},MAD,1,6404110000,sport shoes,${country},10,5000`;

describeEachDatabase('parcel outcomes in risk scoring', (t) => {
  beforeAll(async () => {
    await importParcelsForTest(
      t.database,
      files,
      [
        { number: 'F1', sender: 'Lucky Shop', country: 'CN', day: '2026-11-02' },
        { number: 'F2', sender: 'Kind Store', country: 'CN', day: '2026-11-02' },
      ],
      [
        { number: 'F1', result: 'fraud', fraud_type: 'counterfeit', inspected_at: '2026-11-02T09:00:00Z' },
        {
          number: 'F2',
          result: 'fraud',
          fraud_type: 'other',
          inspected_at: '2026-11-02T09:00:00Z',
          corrected: { result: 'compliant', reason: 'genuine after all' },
        },
      ],
    );
    const imported = await runImport(t.database, declarationsTarget, {
      file: files.write(
        'declarations.csv',
        `${HEADER}\n${[
          declaration('DUM-P-1', '2026-11-05', 'SELL1', 'LUCKY SHOP', 'CN'),
          declaration('DUM-P-2', '2026-11-02', 'SELL1', 'LUCKY SHOP', 'CN'),
          declaration('DUM-P-3', '2026-11-05', 'SELL2', 'Lucky Shop', 'HK'),
          declaration('DUM-P-4', '2026-11-05', 'SELL3', 'Kind Store', 'CN'),
        ].join('\n')}\n`,
      ),
      profile: resolveProfile('declarations', 'native'),
    });
    expect(imported.errors).toEqual([]);
    const created = await createProfileVersion(t.database, actor, {
      name: 'parcels',
      document,
      reason: 'parcels test',
    });
    await activateProfile(t.database, actor, created.id, 'parcels test');
  });

  it('hits a seller with parcels found fraudulent before, with the parcels; not on the day, another country, a corrected fraud', async () => {
    const hit = await scoreDeclaration(t.database, { reference: 'DUM-P-1' });
    const rule = hit.result.top.hits.find((h) => h.rule_id === 'seller-parcels-fraud');
    expect(rule, JSON.stringify(hit.result.top.breakdown)).toBeDefined();
    expect(JSON.stringify(hit.result.top)).toContain('DHL F1');
    expect(hit.explanation.fr).toContain('Vendeur dont des colis ont été trouvés en fraude');
    for (const reference of ['DUM-P-2', 'DUM-P-3', 'DUM-P-4']) {
      const miss = await scoreDeclaration(t.database, { reference });
      expect(
        miss.result.top.hits.find((h) => h.rule_id === 'seller-parcels-fraud'),
        reference,
      ).toBeUndefined();
    }
  });

  it("fires the shipped starter profile's rule on the same seller, and only there", async () => {
    const starter = await createProfileVersion(t.database, actor, {
      name: 'kcs-starter',
      text: readFileSync(new URL('../../profiles/risk/kcs-starter.yaml', import.meta.url), 'utf8'),
      reason: 'starter',
    });
    await activateProfile(t.database, actor, starter.id, 'starter');
    const hits = async (reference: string) =>
      (await scoreDeclaration(t.database, { reference })).result.top.hits
        .filter((h) => h.rule_id === 'seller-parcels-found-fraudulent')
        .map((h) => h.rule_id);
    expect(await hits('DUM-P-1')).toEqual(['seller-parcels-found-fraudulent']);
    for (const reference of ['DUM-P-2', 'DUM-P-3', 'DUM-P-4'])
      expect(await hits(reference), reference).toEqual([]);
  });
});
