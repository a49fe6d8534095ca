import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import type { Database } from '../../platform/db/database.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import type { ImportTarget } from '../../platform/ingest/target.ts';
import { shortestPath } from './analysis.ts';
import { buildGraph } from './build.ts';
import { entityDetail } from './entities.ts';
import { personsTarget, propertiesTarget, vehiclesTarget } from './import-targets.ts';
import { personRefKey, plateKey, titleKey } from './keys.ts';
import { findEntity } from './store.ts';
import { PLANTED, plantNetwork } from './testing/network.ts';

const files = tempFiles();

const PERSONS =
  'name,birth_date,national_id,passport,passport_country,nationality,phones,emails,address,city,role,manager_of,shareholder_of,employee_of\n' +
  'Mohamed El Amrani,1979-05-14,BK 123456,,,MA,06 12 34 56 78;+212 661 000 111,M.Amrani@Example.ma,Villa 7 Californie,Casablanca,manager,ATLASIMP,NORDIMP,\n' +
  'Sara Lindqvist,1990-01-02,,XA12345,,SE,,sara@example.se,,Tanger,buyer,,,ATLASIMP\n' +
  'Youssef Berrada,,,,,,0522 33 44 55,,,,,,,\n';
const VEHICLES =
  'plate,plate_country,make,model,color,year,owner_person,owner_company,seen_city,seen_place,seen_on,note\n' +
  '12345-أ-6,MA,Toyota,Hilux,white,2021,BK123456,,Casablanca,Lot 12 Zone Industrielle Ain Sebaa,2026-10-03,at the warehouse\n' +
  'AB-123-CD,FR,Renault,Master,,2019,,ATLASIMP,Tanger,,2026-10-05,\n';
const PROPERTIES =
  'title_number,kind,address,city,latitude,longitude,area_m2,owner_persons,owner_companies,note\n' +
  'T.F. 98765/C,warehouse,Lot 12 Zone Industrielle Ain Sebaa,Casablanca,33.6061,-7.5302,1200,BK123456,ATLASIMP,\n' +
  '4455/63,apartment,12 rue Ibn Batouta,Tanger,,,95,passport:SE:XA12345,,\n';

type Db = Database['db'];

async function graphCounts(db: Db) {
  const [e, l] = await Promise.all([
    db
      .selectFrom('graph_entities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('graph_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { entities: Number(e.n), links: Number(l.n) };
}

/** Everything the graph holds, without the times it was touched. */
async function snapshot(db: Db) {
  const entities = await db
    .selectFrom('graph_entities')
    .select(['id', 'type', 'key', 'label', 'attributes', 'source_table', 'source_id', 'merged_into'])
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('graph_links')
    .select(['id', 'from_id', 'to_id', 'type', 'source_table', 'source_id', 'first_seen', 'last_seen'])
    .orderBy('id')
    .execute();
  const records = await Promise.all(
    (['graph_persons', 'graph_vehicles', 'graph_properties'] as const).map((table) =>
      db.selectFrom(table).selectAll().orderBy('id').execute(),
    ),
  );
  return { entities, links, records };
}

describe('keys of imported records', () => {
  it('reads a plate the same whoever wrote it, and a title with or without "TF"', () => {
    expect(plateKey('12345-أ-6', 'ma')).toBe('MA:12345A6');
    expect(plateKey('12345 | A | 6', 'MA')).toBe('MA:12345A6');
    expect(titleKey('T.F. 98765/C')).toBe('98765/C');
    expect(titleKey('tf 98765/c')).toBe('98765/C');
    expect(personRefKey('bk 123456')).toBe('cin:BK123456');
    expect(personRefKey('passport:se:xa12345')).toBe('passport:SE:XA12345');
    expect(personRefKey('Mohamed')).toBeNull();
  });
});

describeEachDatabase('graph imports of persons, vehicles and properties', (t) => {
  const imp = <Row>(target: ImportTarget<Row>, name: string, content: string) =>
    runImport(t.database, target, {
      file: files.write(name, content),
      profile: resolveProfile(target.name, 'native'),
    });

  describe('bad files', () => {
    it('locates every bad person (line, column, what was expected) and writes nothing', async () => {
      const before = await graphCounts(t.database.db);
      const summary = await imp(
        personsTarget,
        'bad-persons.csv',
        'name,birth_date,national_id,passport,passport_country,nationality,phones,emails,manager_of\n' +
          'Good Person,1980-01-01,AB1,,,,,,\n' +
          ',1980-01-01,,,,,,,\n' +
          'Bad Date,1980-02-30,CD22,,,,,,\n' +
          'Bad Card,,123456,,,,,,\n' +
          'No Country,,,XA12345,,,,,\n' +
          'Bad Phone,,EF33,,,MAR,12,not-an-email,\n' +
          'Twice,,ab 1,,,,,,\n',
      );
      expect(summary.ok).toBe(false);
      expect(summary.errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [3, 'name', expect.stringMatching(/required|expected/)],
        [4, 'birth_date', 'expected a date as YYYY-MM-DD, got "1980-02-30"'],
        [5, 'national_id', expect.stringMatching(/^expected a national identity card number/)],
        [6, 'passport', 'a passport number needs its issuing country (passport_country or nationality)'],
        [7, 'nationality', expect.stringMatching(/^expected a two-letter ISO 3166 country code/)],
        [7, 'emails', 'expected e-mail addresses like name@example.ma'],
        [7, 'phones', 'expected phone numbers, got "12"'],
        [8, undefined, 'person cin:AB1 already appears at line 2 of this file'],
      ]);
      expect(summary.errors[0]!.file).toBe('bad-persons.csv');
      expect(await graphCounts(t.database.db)).toEqual(before);
      expect(await t.database.db.selectFrom('graph_persons').selectAll().execute()).toEqual([]);
    });

    it('refuses bad vehicles and properties with their lines, and writes nothing', async () => {
      const before = await graphCounts(t.database.db);
      const vehicles = await imp(
        vehiclesTarget,
        'bad-vehicles.csv',
        'plate,plate_country,owner_person,seen_on,year\n' +
          '1-A-1,MA,Karim,,2020\n' +
          '2-B-2,,,2026-01-01,1800\n',
      );
      expect(vehicles.ok).toBe(false);
      expect(vehicles.errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [2, 'owner_person', expect.stringMatching(/^expected a national id .* got "Karim"$/)],
        [3, 'plate_country', expect.stringMatching(/required|expected/)],
        [3, 'year', 'expected a year from 1900'],
        [3, 'seen_on', 'a sighting date needs seen_city or seen_place'],
      ]);
      const properties = await imp(
        propertiesTarget,
        'bad-properties.csv',
        'title_number,latitude,longitude,owner_persons\n' + '1/C,95,-7,\n' + '2/C,33.5,,\n' + '1/c,,,\n',
      );
      expect(properties.ok).toBe(false);
      expect(properties.errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [2, 'latitude', 'expected a latitude from -90 to 90'],
        [3, 'longitude', 'expected both latitude and longitude, or neither'],
        [4, undefined, 'property 1/C already appears at line 2 of this file'],
      ]);
      const missing = await imp(propertiesTarget, 'no-title.csv', 'kind,city\nwarehouse,Casablanca\n');
      expect(missing.ok).toBe(false);
      expect(missing.fileError?.message ?? missing.errors[0]?.message).toMatch(/title_number/);
      expect(await graphCounts(t.database.db)).toEqual(before);
    });
  });

  describe('good files', () => {
    const counts: Record<string, Record<string, number>> = {};
    beforeAll(async () => {
      await plantNetwork(t.database);
      for (const [target, name, content] of [
        [personsTarget, 'persons.csv', PERSONS],
        [vehiclesTarget, 'vehicles.csv', VEHICLES],
        [propertiesTarget, 'properties.csv', PROPERTIES],
      ] as const) {
        const summary = await imp(target as ImportTarget<unknown>, name, content);
        expect(summary.errors).toEqual([]);
        expect(summary.ok).toBe(true);
        counts[target.name] = summary.counts;
      }
    });

    it('creates the persons, vehicles and properties with their keys, links and provenance', async () => {
      expect(counts.persons).toMatchObject({ persons_inserted: 3, persons_unchanged: 0 });
      expect(counts.vehicles).toMatchObject({ vehicles_inserted: 2 });
      expect(counts.properties).toMatchObject({ properties_inserted: 2 });
      const db = t.database.db;
      const manager = await findEntity(db, 'person:cin:BK123456');
      expect(manager).toMatchObject({
        label: 'Mohamed El Amrani',
        source_table: 'graph_persons',
        attributes: { birth_date: '1979-05-14', national_id: 'BK 123456', nationality: 'MA' },
      });
      expect((await findEntity(db, 'person:passport:SE:XA12345')).label).toBe('Sara Lindqvist');
      // No document: the name's key, as the register's managers.
      expect((await findEntity(db, 'person:Youssef Berrada')).label).toBe('Youssef Berrada');
      const car = await findEntity(db, 'vehicle:MA:12345 A 6');
      expect(car.label).toBe('12345-أ-6 (MA) Toyota Hilux');
      const title = await findEntity(db, 'property:TF 98765/C');
      expect(title.attributes).toMatchObject({ latitude: 33.6061, longitude: -7.5302, kind: 'warehouse' });

      const linksOf = (id: number) =>
        db
          .selectFrom('graph_links as l')
          .innerJoin('graph_entities as f', 'f.id', 'l.from_id')
          .innerJoin('graph_entities as o', 'o.id', 'l.to_id')
          .select([
            'f.type as from_type',
            'f.key as from_key',
            'l.type',
            'o.type as to_type',
            'o.key as to_key',
          ])
          .select(['l.source_table', 'l.first_seen'])
          .where((eb) => eb.or([eb('l.from_id', '=', id), eb('l.to_id', '=', id)]))
          .orderBy('l.type')
          .orderBy('o.key')
          .execute();
      expect(await linksOf(manager.id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'has_phone',
            to_key: PLANTED.phone,
            source_table: 'graph_persons',
          }),
          expect.objectContaining({ type: 'has_phone', to_key: '+212661000111' }),
          expect.objectContaining({ type: 'has_email', to_key: 'm.amrani@example.ma' }),
          expect.objectContaining({ type: 'manager_of', to_type: 'company', to_key: 'ATLASIMP' }),
          expect.objectContaining({ type: 'shareholder_of', to_key: 'NORDIMP' }),
          expect.objectContaining({ type: 'located_at', to_type: 'address' }),
          expect.objectContaining({ type: 'owns', to_type: 'vehicle', to_key: 'MA:12345A6' }),
          expect.objectContaining({ type: 'owns', to_type: 'property', to_key: '98765/C' }),
        ]),
      );
      expect(await linksOf(car.id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'seen_at',
            to_type: 'address',
            first_seen: expect.anything(),
            source_table: 'graph_vehicles',
          }),
        ]),
      );
      // The warehouse of the register and the property's address are one address.
      const property = await linksOf(title.id);
      expect(property).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'located_at',
            to_key: 'lot 12 zone industrielle ain sebaa | casablanca',
          }),
          expect.objectContaining({ type: 'owns', from_type: 'company', from_key: 'ATLASIMP' }),
        ]),
      );
    });

    it('importing the same files again changes nothing', async () => {
      const before = await snapshot(t.database.db);
      const again = await imp(personsTarget, 'persons.csv', PERSONS);
      expect(again.counts).toEqual({
        persons_inserted: 0,
        persons_updated: 0,
        persons_unchanged: 3,
        graph_entities_new: 0,
        graph_links_new: 0,
      });
      expect((await imp(vehiclesTarget, 'vehicles.csv', VEHICLES)).counts).toMatchObject({
        vehicles_unchanged: 2,
      });
      expect((await imp(propertiesTarget, 'properties.csv', PROPERTIES)).counts).toMatchObject({
        properties_unchanged: 2,
      });
      expect(await snapshot(t.database.db)).toEqual(before);
    });

    it('a changed record replaces the links it asserted', async () => {
      const changed = PERSONS.replace('+212 661 000 111', '0661 999 888');
      const summary = await imp(personsTarget, 'persons-v2.csv', changed);
      expect(summary.counts).toMatchObject({ persons_updated: 1, persons_unchanged: 2 });
      const manager = await findEntity(t.database.db, 'person:cin:BK123456');
      const phones = await t.database.db
        .selectFrom('graph_links as l')
        .innerJoin('graph_entities as p', 'p.id', 'l.to_id')
        .select('p.key')
        .where('l.from_id', '=', manager.id)
        .where('l.type', '=', 'has_phone')
        .orderBy('p.key')
        .execute();
      expect(phones.map((p) => p.key)).toEqual([PLANTED.phone, '+212661999888']);
      await imp(personsTarget, 'persons.csv', PERSONS);
    });

    it('keeps every sighting of a vehicle as a link record of its own, with its time and place', async () => {
      const SIGHTINGS =
        'plate,plate_country,make,model,seen_city,seen_place,seen_on,note\n' +
        '12345 | A | 6,MA,Toyota,Hilux,Tanger,,2026-10-10,port access log\n' +
        '12345-أ-6,MA,Toyota,Hilux,Casablanca,Lot 12 Zone Industrielle Ain Sebaa,2026-10-20,again at the warehouse\n';
      // The same sighting twice in one file is refused where it is (and nothing is written).
      const twice = await imp(
        vehiclesTarget,
        'twice.csv',
        `${SIGHTINGS}12345-A-6,MA,,,Tanger,,2026-10-10,\n`,
      );
      expect(twice.ok).toBe(false);
      expect(twice.errors.map((e) => [e.line, e.message])).toEqual([
        [
          4,
          expect.stringMatching(
            /^vehicle MA:12345A6\|2026-10-10\|\|tanger already appears at line 2 of this file$/,
          ),
        ],
      ]);
      const summary = await imp(vehiclesTarget, 'sightings.csv', SIGHTINGS);
      expect(summary.counts).toMatchObject({ vehicles_inserted: 2, vehicles_updated: 0 });
      // The first file's sighting stays: three sightings, three records, three links.
      const car = await findEntity(t.database.db, 'vehicle:MA:12345A6');
      const seen = await t.database.db
        .selectFrom('graph_links as l')
        .innerJoin('graph_entities as p', 'p.id', 'l.to_id')
        .select(['p.type', 'p.key', 'l.first_seen', 'l.last_seen', 'l.source_table', 'l.source_id'])
        .where('l.from_id', '=', car.id)
        .where('l.type', '=', 'seen_at')
        .orderBy('l.first_seen')
        .execute();
      const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
      expect(seen.map((l) => [day(l.first_seen), l.type, l.key])).toEqual([
        ['2026-10-03', 'address', expect.stringContaining('ain sebaa')],
        ['2026-10-10', 'city', 'tanger'],
        ['2026-10-20', 'address', expect.stringContaining('ain sebaa')],
      ]);
      expect(new Set(seen.map((l) => l.source_id)).size).toBe(3);
      expect(seen.every((l) => l.source_table === 'graph_vehicles')).toBe(true);
      // Importing the sightings again changes nothing.
      expect((await imp(vehiclesTarget, 'sightings.csv', SIGHTINGS)).counts).toMatchObject({
        vehicles_inserted: 0,
        vehicles_unchanged: 2,
        graph_links_new: 0,
      });
      // The entity page's answer lists each sighting with its record and date.
      const detail = await entityDetail(t.database.db, car.id, { limit: 50, offset: 0 });
      const sightings = detail.links.items.filter((l) => l.type === 'seen_at');
      expect(sightings.map((l) => l.first_seen).sort()).toEqual(['2026-10-03', '2026-10-10', '2026-10-20']);
    });

    it('after a build, the person with the planted phone reaches the company and the online seller', async () => {
      await buildGraph(t.database);
      const db = t.database.db;
      const person = await findEntity(db, 'person:cin:BK123456');
      const company = await findEntity(db, `company:${PLANTED.importer}`);
      const direct = await shortestPath(db, person, company, { maxDepth: 4, maxNodes: 1000 });
      expect(direct.found).toBe(true);
      expect(direct.length).toBe(1);
      const seller = await db
        .selectFrom('graph_entities')
        .select('id')
        .where('type', '=', 'online_seller')
        .where('label', 'ilike', '%highcopy%')
        .executeTakeFirstOrThrow();
      const path = await shortestPath(db, person, await findEntity(db, Number(seller.id)), {
        maxDepth: 4,
        maxNodes: 1000,
      });
      expect(path.found).toBe(true);
      expect(path.nodes.map((n) => n.type)).toEqual(['person', 'phone', 'online_seller']);
      expect(path.steps[0]!.evidence[0]).toMatchObject({ type: 'has_phone', source_table: 'graph_persons' });
      // The vehicle is one link from its owner, the company's warehouse two from the vehicle seen there.
      const car = await findEntity(db, 'vehicle:MA:12345A6');
      const toCompany = await shortestPath(db, car, company, { maxDepth: 4, maxNodes: 1000 });
      expect(toCompany.length).toBe(2);
    });
  });
});

describeEachDatabase(
  'vehicles records kept before sightings were records of their own (migration 0034)',
  (t) => {
    it('keys them by their sighting and their vehicle, so that their file imports again without change', async () => {
      const { rekeyVehicleRecords } = await import('./migrations/0034_graph_networks.ts');
      const old = {
        plate: '12345-أ-6',
        plate_country: 'MA',
        make: 'Toyota',
        model: 'Hilux',
        color: 'white',
        year: 2021,
        owner_person: 'BK123456',
        owner_company: null,
        seen_city: 'Casablanca',
        seen_place: 'Lot 12 Zone Industrielle Ain Sebaa',
        seen_on: '2026-10-03',
        note: 'at the warehouse',
      };
      await t.database.db
        .insertInto('graph_vehicles')
        .values([
          { key: 'MA:12345A6', data: JSON.stringify(old) },
          {
            key: 'FR:AB123CD',
            data: JSON.stringify({
              ...old,
              plate: 'AB-123-CD',
              seen_city: null,
              seen_place: null,
              seen_on: null,
            }),
          },
        ])
        .execute();
      expect(await rekeyVehicleRecords(t.database.db)).toBe(2);
      expect(await rekeyVehicleRecords(t.database.db)).toBe(0);
      const rows = await t.database.db
        .selectFrom('graph_vehicles')
        .select(['key', 'data'])
        .orderBy('key')
        .execute();
      expect(rows.map((r) => r.key)).toEqual([
        'FR:AB123CD',
        'MA:12345A6|2026-10-03|lot 12 zone industrielle ain sebaa|casablanca',
      ]);
      expect(rows[1]!.data).toMatchObject({ vehicle: 'MA:12345A6', seen_on: '2026-10-03' });
    });
  },
);
