import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';
import { parcelsTarget } from './import-target.ts';
import { addressKey, senderKey } from './keys.ts';
import { getParcel, listParcels } from './store.ts';

const files = tempFiles();

const HEADER =
  'consignment_number,carrier,kind,master_manifest,sender_name,sender_country,sender_platform,recipient_name,recipient_address,recipient_city,recipient_phone,recipient_email,description,declared_value,currency,weight_kg,hs_code,item_count,arrival_date,arrival_office';

const SAMPLES = join(INSTALL_DIR, 'demo', 'parcels');

describe('keys of split-order detection', () => {
  it('folds case, accents and punctuation of senders and addresses', () => {
    expect(senderKey('Shenzhen  Bright-Trade Co.', 'CN')).toBe('shenzhen bright trade co|CN');
    expect(addressKey('12, Rue Al Massira', 'Rabat')).toBe(addressKey('12 rue al massira', 'RABAT'));
    expect(addressKey('  ', 'Rabat')).toBeNull();
    expect(addressKey(null, 'Rabat')).toBeNull();
  });
});

describeEachDatabase('parcels import', (t) => {
  const imp = (name: string, content: string, profile = 'native') =>
    runImport(t.database, parcelsTarget, {
      file: files.write(name, content),
      profile: resolveProfile('parcels', profile),
    });
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('parcels')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('locates every bad parcel (file, line, column, what was expected) and writes nothing', async () => {
    const summary = await imp(
      'bad-parcels.csv',
      `${HEADER}\n` +
        'A1,DHL,express,,Shop,CN,,Ali,1 rue X,Rabat,0661112233,,socks,10,EUR,,,,2026-11-02,301\n' +
        'A2,DHL,drone,,Shop,CN,,Ali,1 rue X,Rabat,0661112233,,socks,10,EUR,,,,2026-11-02,301\n' +
        'A3,DHL,express,,Shop,CHN,,Ali,1 rue X,Rabat,12,not-an-email,socks,-5,EUR,,12,0,2026-13-02,301\n' +
        'A4,DHL,express,,Shop,CN,,,1 rue X,Rabat,,,socks,10,XYZ,,,,2026-11-02,301\n' +
        'a1,dhl,express,,Shop,CN,,Ali,1 rue X,Rabat,,,socks,10,EUR,,,,2026-11-02,301\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'kind', 'expected one of postal, express'],
      [4, 'sender_country', expect.stringMatching(/^expected a two-letter ISO 3166 country code/)],
      [4, 'recipient_email', 'expected an e-mail address like name@example.ma'],
      [4, 'declared_value', 'expected zero or more'],
      [4, 'hs_code', 'expected an HS code of 4 to 10 digits'],
      [4, 'item_count', 'expected at least 1'],
      [4, 'arrival_date', 'expected a date as YYYY-MM-DD, got "2026-13-02"'],
      [4, 'recipient_phone', expect.stringMatching(/^expected a phone number .* got "12"$/)],
      [5, 'recipient_name', expect.stringMatching(/required/)],
      [6, undefined, 'parcel DHL/A1 already appears at line 2 of this file'],
    ]);
    expect(summary.errors.every((e) => e.file === 'bad-parcels.csv')).toBe(true);
    expect(await count()).toBe(0);
  });

  it('refuses a currency without an exchange rate under its field, and writes nothing', async () => {
    const summary = await imp(
      'no-rate.csv',
      `${HEADER}\n` +
        'B1,DHL,express,,Shop,CN,,Ali,1 rue X,Rabat,,,socks,10,EUR,,,,2026-11-02,301\n' +
        'B2,DHL,express,,Shop,CN,,Ali,1 rue X,Rabat,,,socks,10,XYZ,,,,2026-11-02,301\n',
    );
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'currency', expect.stringMatching(/^no exchange rate for XYZ \(known: .*EUR.*fx-rates\/XYZ\)$/)],
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a file without a required column, naming it', async () => {
    const summary = await imp('no-carrier.csv', 'consignment_number,kind\nA1,postal\n');
    expect(summary.ok).toBe(false);
    expect(summary.fileError?.message).toMatch(/carrier/);
    expect(await count()).toBe(0);
  });

  it('imports the native and the ITMATT samples: phones in E.164, carriers upper-cased, values in euros', async () => {
    const native = await runImport(t.database, parcelsTarget, {
      file: join(SAMPLES, 'sample-native.csv'),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(native).toMatchObject({ ok: true, counts: { parcels_inserted: 2 } });
    const itmatt = await runImport(t.database, parcelsTarget, {
      file: join(SAMPLES, 'sample-itmatt.csv'),
      profile: resolveProfile('parcels', 'itmatt'),
    });
    expect(itmatt.errors).toEqual([]);
    expect(itmatt).toMatchObject({ ok: true, counts: { parcels_inserted: 2 } });
    const page = await listParcels(t.database.db, { carrier: 'cnpost' }, { limit: 10, offset: 0 });
    expect(page.items).toEqual([
      expect.objectContaining({
        consignment_number: 'LX987654321CN',
        carrier: 'CNPOST',
        kind: 'postal',
        master_manifest: 'CNPEKA-MACASA-24001',
        sender_country: 'CN',
        sender_platform: 'shein.com',
        recipient_phone: '+212655443322',
        recipient_email: 'salma.i@example.ma',
        declared_value: 24,
        currency: 'USD',
        hs_code: '620443',
        arrival_date: '2026-11-04',
        arrival_office: '301',
        score: null,
        referred: false,
      }),
    ]);
    expect(page.items[0]!.value_eur).toBeGreaterThan(15);
    expect(page.items[0]!.value_eur).toBeLessThan(30);
    const express = await listParcels(t.database.db, { kind: 'express' }, { limit: 10, offset: 0 });
    expect(express.items.map((p) => p.consignment_number).sort()).toEqual(['1234567890', 'EE123456789TR']);
    const eur = await listParcels(t.database.db, { value_min: 30, value_max: 40 }, { limit: 10, offset: 0 });
    expect(eur.items.map((p) => [p.consignment_number, p.value_eur])).toEqual([['EE123456789TR', 35]]);
    expect((await listParcels(t.database.db, { origin_country: 'tr' }, { limit: 10, offset: 0 })).total).toBe(
      1,
    );
    expect(
      (await listParcels(t.database.db, { platform: 'TEMU.com' }, { limit: 10, offset: 0 })).items[0]
        ?.recipient_phone,
    ).toBe('+212670123456');
  });

  it('updates a parcel imported again with other content, leaves an identical one, never duplicates', async () => {
    const before = await count();
    const again = await runImport(t.database, parcelsTarget, {
      file: join(SAMPLES, 'sample-native.csv'),
      profile: resolveProfile('parcels', 'native'),
    });
    expect(again.counts).toEqual({ parcels_inserted: 0, parcels_updated: 0, parcels_unchanged: 2 });
    const text = readFileSync(join(SAMPLES, 'sample-native.csv'), 'utf8').replace(
      'phone case and screen protector',
      'phone case',
    );
    const changed = await imp('changed.csv', text);
    expect(changed.counts).toEqual({ parcels_inserted: 0, parcels_updated: 1, parcels_unchanged: 1 });
    expect(await count()).toBe(before);
    const [parcel] = (await listParcels(t.database.db, { carrier: 'DHL' }, { limit: 5, offset: 0 })).items;
    expect((await getParcel(t.database.db, parcel!.id)).description).toBe('phone case');
  });

  it('answers 404 for an unknown parcel', async () => {
    await expect(getParcel(t.database.db, 999_999)).rejects.toMatchObject({
      status: 404,
      code: 'parcel.not_found',
    });
  });
});
