/**
 * The graph's own import targets (docs/graph.md, "Imports"): persons, vehicles and real-estate properties, as
 * investigators get them from joint operations (police, land registry). Each file goes through the platform's
 * ingest (mapping profiles under profiles/<target>/, located errors, all or nothing by default); each record is
 * kept in its table (graph_persons, graph_vehicles, graph_properties: the provenance) and becomes entities and
 * links in the same transaction, keyed deterministically (national id or passport, plate and country, title
 * number, E.164 phones). Importing the same file again changes nothing; a record whose content changed replaces
 * the links it asserted.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Session } from '../../platform/db/database.ts';
import { type FieldCatalog, slotsOf, zAmount, zCode, zText } from '../../platform/ingest/fields.ts';
import type { FieldProblem } from '../../platform/ingest/mapping.ts';
import { showValue } from '../../platform/ingest/problems.ts';
import type { ImportTarget, TargetWriter } from '../../platform/ingest/target.ts';
import { normalizePhone } from '../osint/index.ts';
import {
  addressKey,
  codeKey,
  emailKey,
  fold,
  personKey,
  personRefKey,
  phoneKey,
  plateKey,
  titleKey,
  vehicleRecordKey,
} from './keys.ts';
import { type Batch, type EntityInput, type EntityRef, type LinkInput, writeBatch } from './store.ts';

const zCompanyCodes = z.array(zCode(64));
const zLatitude = z
  .number()
  .min(-90, 'expected a latitude from -90 to 90')
  .max(90, 'expected a latitude from -90 to 90');
const zLongitude = z
  .number()
  .min(-180, 'expected a longitude from -180 to 180')
  .max(180, 'expected a longitude from -180 to 180');
const PERSON_REF =
  'a national id (AB123456 or cin:AB123456) or a passport as passport:COUNTRY:NUMBER (passport:FR:12AB34567)';

export const personCatalog = {
  name: { type: 'text', required: true, schema: zText(300).min(1), description: 'Full name.' },
  birth_date: { type: 'date', description: 'Date of birth.' },
  national_id: {
    type: 'text',
    schema: z
      .string()
      .regex(
        /^[A-Za-z]{1,2} ?\d{1,8}$/,
        'expected a national identity card number (CIN): one or two letters and digits, e.g. AB123456',
      ),
    description: 'National identity card number (CIN): the key of the person when given.',
    example: 'BK123456',
  },
  passport: {
    type: 'text',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9 ]{5,20}$/, 'expected a passport number: 5 to 20 letters and digits'),
    description: 'Passport number (the key when there is no CIN; needs its issuing country).',
  },
  passport_country: {
    type: 'country',
    description: 'Country that issued the passport (default: the nationality).',
  },
  nationality: { type: 'country', description: 'Nationality (ISO 3166 alpha-2).' },
  phones: { type: 'text[]', description: 'Phone numbers, separated by ";" in CSV (stored in E.164).' },
  emails: {
    type: 'text[]',
    schema: z.array(
      z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected e-mail addresses like name@example.ma'),
    ),
    description: 'E-mail addresses, separated by ";" in CSV.',
  },
  address: { type: 'text', schema: zText(500), description: 'Address.' },
  city: { type: 'text', schema: zText(100), description: 'City.' },
  role: {
    type: 'text',
    schema: zText(1000),
    description: 'Role notes (what the person does, in which case).',
  },
  manager_of: {
    type: 'text[]',
    schema: zCompanyCodes,
    description: 'Companies the person manages (register codes), separated by ";".',
  },
  shareholder_of: {
    type: 'text[]',
    schema: zCompanyCodes,
    description: 'Companies the person holds shares in (register codes).',
  },
  employee_of: {
    type: 'text[]',
    schema: zCompanyCodes,
    description: 'Companies the person works for (register codes).',
  },
} satisfies FieldCatalog;

export const vehicleCatalog = {
  plate: {
    type: 'text',
    required: true,
    schema: zCode(20),
    description: 'Plate number as written (Arabic plate letters are read in Latin).',
    example: '12345-أ-6',
  },
  plate_country: { type: 'country', required: true, description: 'Country of the plate (ISO 3166 alpha-2).' },
  make: { type: 'text', schema: zText(100), description: 'Make.' },
  model: { type: 'text', schema: zText(100), description: 'Model.' },
  color: { type: 'text', schema: zText(50), description: 'Colour.' },
  year: {
    type: 'integer',
    schema: z.number().int().min(1900, 'expected a year from 1900').max(2100, 'expected a year up to 2100'),
    description: 'Year of first registration.',
  },
  owner_person: { type: 'text', schema: zCode(40), description: `Owner, a person: ${PERSON_REF}.` },
  owner_company: { type: 'text', schema: zCode(64), description: 'Owner, a company (register code).' },
  seen_city: { type: 'text', schema: zText(100), description: 'City where the vehicle was seen.' },
  seen_place: { type: 'text', schema: zText(500), description: 'Place where it was seen (address).' },
  seen_on: { type: 'date', description: 'Date it was seen there.' },
  note: { type: 'text', schema: zText(1000), description: 'Note.' },
} satisfies FieldCatalog;

export const propertyCatalog = {
  title_number: {
    type: 'text',
    required: true,
    schema: zCode(40),
    description: 'Land title number (titre foncier): the key; "T.F. 12345/C" and "12345/C" are one title.',
    example: 'T.F. 12345/C',
  },
  kind: { type: 'text', schema: zText(100), description: 'Kind: warehouse, apartment, land, shop…' },
  address: { type: 'text', schema: zText(500), description: 'Address.' },
  city: { type: 'text', schema: zText(100), description: 'City.' },
  latitude: { type: 'number', schema: zLatitude, description: 'Latitude (WGS 84).' },
  longitude: { type: 'number', schema: zLongitude, description: 'Longitude (WGS 84).' },
  area_m2: { type: 'number', schema: zAmount, description: 'Area in square metres.' },
  owner_persons: {
    type: 'text[]',
    schema: z.array(zCode(40)),
    description: `Owners who are persons, separated by ";": ${PERSON_REF}.`,
  },
  owner_companies: {
    type: 'text[]',
    schema: zCompanyCodes,
    description: 'Owners that are companies (register codes), separated by ";".',
  },
  note: { type: 'text', schema: zText(1000), description: 'Note.' },
} satisfies FieldCatalog;

type Values<C extends FieldCatalog> = { [K in keyof C]: unknown };

export interface PersonRow {
  key: string;
  name: string;
  birth_date: string | null;
  national_id: string | null;
  passport: string | null;
  passport_country: string | null;
  nationality: string | null;
  /** E.164 (or digits when a number does not parse as one). */
  phones: string[];
  emails: string[];
  address: string | null;
  city: string | null;
  role: string | null;
  manager_of: string[];
  shareholder_of: string[];
  employee_of: string[];
}

export interface VehicleRow {
  /** The record: the plate and, when given, the sighting (keys.ts `vehicleRecordKey`). */
  key: string;
  /** The vehicle entity's key: the plate (`MA:12345A6`). */
  vehicle: string;
  plate: string;
  plate_country: string;
  make: string | null;
  model: string | null;
  color: string | null;
  year: number | null;
  owner_person: string | null;
  owner_company: string | null;
  seen_city: string | null;
  seen_place: string | null;
  seen_on: string | null;
  note: string | null;
}

export interface PropertyRow {
  key: string;
  title_number: string;
  kind: string | null;
  address: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  area_m2: number | null;
  owner_persons: string[];
  owner_companies: string[];
  note: string | null;
}

/** The mapped values by field name (null when absent; lists empty). */
function valuesOf<C extends FieldCatalog>(catalog: C) {
  const entries = Object.entries(slotsOf(catalog) as Record<string, number>);
  return (values: unknown[]): Values<C> => {
    const row: Record<string, unknown> = {};
    for (const [field, slot] of entries) {
      const value = values[slot] ?? null;
      row[field] = catalog[field]!.type.endsWith('[]') ? ((value as unknown[] | null) ?? []) : value;
    }
    return row as Values<C>;
  };
}

const personValues = valuesOf(personCatalog);
const vehicleValues = valuesOf(vehicleCatalog);
const propertyValues = valuesOf(propertyCatalog);
const phone = (raw: string) => normalizePhone(raw);

type RecordTable = 'graph_persons' | 'graph_vehicles' | 'graph_properties';

/**
 * Writes records: one upsert per batch that inserts new keys and updates changed ones (an identical record is left
 * untouched, not even its date), then the entities and links of what was inserted or changed; a changed record's
 * old links go first, so that the graph says what the record says now.
 */
function recordsWriter<Row extends { key: string }>(
  table: RecordTable,
  noun: string,
  toBatch: (rows: { row: Row; id: number }[]) => Batch,
) {
  return (session: Session, context: { importId: number }): TargetWriter<Row> => {
    const counts = {
      [`${noun}_inserted`]: 0,
      [`${noun}_updated`]: 0,
      [`${noun}_unchanged`]: 0,
      graph_entities_new: 0,
      graph_links_new: 0,
    };
    return {
      async write(groups) {
        const rows = groups.map((g) => g.rows[0]!.row!);
        const written = await session.db
          .insertInto(table)
          .values(
            rows.map(({ key, ...data }) => ({
              key,
              data: JSON.stringify(data),
              import_id: context.importId,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet({
                data: sql`excluded.data`,
                import_id: sql`excluded.import_id`,
                updated_at: sql`now()`,
              })
              .where(sql<boolean>`${sql.ref(`${table}.data`)} is distinct from excluded.data`),
          )
          .returning(['id', 'key', sql<boolean>`(xmax = 0)`.as('inserted')])
          .execute();
        const byKey = new Map(rows.map((r) => [r.key, r]));
        const updated = written.filter((w) => !w.inserted).map((w) => String(w.id));
        counts[`${noun}_inserted`]! += written.length - updated.length;
        counts[`${noun}_updated`]! += updated.length;
        counts[`${noun}_unchanged`]! += rows.length - written.length;
        if (updated.length)
          await session.db
            .deleteFrom('graph_links')
            .where('source_table', '=', table)
            .where('source_id', 'in', updated)
            .execute();
        if (written.length) {
          const out = await writeBatch(
            session.db,
            toBatch(written.map((w) => ({ row: byKey.get(w.key)!, id: Number(w.id) }))),
            { overwriteLabel: (e) => e.source_table === table },
          );
          counts.graph_entities_new! += out.entities;
          counts.graph_links_new! += out.links;
        }
        return [];
      },
      async finish() {
        return counts;
      },
    };
  };
}

/** Attributes without empty values (they would wipe what another record said). */
function present(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/** An address (with its city) or a city alone, linked from `from`; coordinates go on the address. */
function place(
  out: Batch,
  from: EntityRef,
  link: string,
  address: string | null,
  city: string | null,
  provenance: Omit<LinkInput, 'from' | 'to' | 'type'>,
  attributes: Record<string, unknown> = {},
) {
  const cityRef = city ? { type: 'city' as const, key: fold(city) } : null;
  if (cityRef?.key) out.entities.push({ ...cityRef, label: city! });
  if (address && fold(address)) {
    const ref = { type: 'address' as const, key: addressKey(address, city) };
    out.entities.push({
      ...ref,
      label: [address, city].filter(Boolean).join(', '),
      attributes: present({ city, ...attributes }),
    });
    out.links.push({ from, to: ref, type: link, ...provenance });
    if (cityRef?.key) out.links.push({ from: ref, to: cityRef, type: 'in_city', ...provenance });
  } else if (cityRef?.key)
    out.links.push({ from, to: cityRef, type: link === 'located_at' ? 'in_city' : link, ...provenance });
}

export function mapPersons(records: { row: PersonRow; id: number }[]): Batch {
  const out: Batch = { entities: [], links: [] };
  for (const { row: p, id } of records) {
    const person = { type: 'person' as const, key: p.key };
    const provenance = { source_table: 'graph_persons', source_id: String(id) };
    out.entities.push({
      ...person,
      label: p.name,
      attributes: present({
        birth_date: p.birth_date,
        national_id: p.national_id,
        passport: p.passport,
        passport_country: p.passport_country,
        nationality: p.nationality,
        role: p.role,
      }),
      ...provenance,
    });
    for (const number of p.phones) {
      out.entities.push({ type: 'phone', key: number, label: number });
      out.links.push({ from: person, to: { type: 'phone', key: number }, type: 'has_phone', ...provenance });
    }
    for (const email of p.emails) {
      const ref = { type: 'email' as const, key: emailKey(email) };
      out.entities.push({ ...ref, label: ref.key });
      out.links.push({ from: person, to: ref, type: 'has_email', ...provenance });
    }
    place(out, person, 'located_at', p.address, p.city, provenance);
    for (const [link, codes] of [
      ['manager_of', p.manager_of],
      ['shareholder_of', p.shareholder_of],
      ['employee_of', p.employee_of],
    ] as const)
      for (const code of codes) {
        const company = { type: 'company' as const, key: codeKey(code) };
        out.entities.push({ ...company, label: code });
        out.links.push({ from: person, to: company, type: link, ...provenance });
      }
  }
  return out;
}

function owner(out: Batch, person: string | null, company: string | null): EntityRef[] {
  const owners: EntityRef[] = [];
  const personRef = person ? personRefKey(person) : null;
  if (personRef) owners.push({ type: 'person', key: personRef });
  if (company) owners.push({ type: 'company', key: codeKey(company) });
  for (const o of owners) out.entities.push({ ...o, label: o.type === 'company' ? company! : person! });
  return owners;
}

export function mapVehicles(records: { row: VehicleRow; id: number }[]): Batch {
  const out: Batch = { entities: [], links: [] };
  for (const { row: v, id } of records) {
    const vehicle = { type: 'vehicle' as const, key: v.vehicle };
    const provenance = { source_table: 'graph_vehicles', source_id: String(id) };
    const what = [v.make, v.model].filter(Boolean).join(' ');
    out.entities.push({
      ...vehicle,
      label: `${v.plate} (${v.plate_country})${what ? ` ${what}` : ''}`,
      attributes: present({
        plate: v.plate,
        country: v.plate_country,
        make: v.make,
        model: v.model,
        color: v.color,
        year: v.year,
        note: v.note,
      }),
      ...provenance,
    });
    for (const o of owner(out, v.owner_person, v.owner_company))
      out.links.push({ from: o, to: vehicle, type: 'owns', ...provenance });
    place(out, vehicle, 'seen_at', v.seen_place, v.seen_city, {
      ...provenance,
      first_seen: v.seen_on,
      last_seen: v.seen_on,
    });
  }
  return out;
}

export function mapProperties(records: { row: PropertyRow; id: number }[]): Batch {
  const out: Batch = { entities: [], links: [] };
  for (const { row: p, id } of records) {
    const property = { type: 'property' as const, key: p.key };
    const provenance = { source_table: 'graph_properties', source_id: String(id) };
    out.entities.push({
      ...property,
      label: `TF ${p.key}${p.city ? `, ${p.city}` : ''}`,
      attributes: present({
        title_number: p.title_number,
        kind: p.kind,
        address: p.address,
        city: p.city,
        latitude: p.latitude,
        longitude: p.longitude,
        area_m2: p.area_m2,
        note: p.note,
      }),
      ...provenance,
    } satisfies EntityInput);
    place(
      out,
      property,
      'located_at',
      p.address,
      p.city,
      provenance,
      present({ latitude: p.latitude, longitude: p.longitude, kind: p.kind }),
    );
    for (const person of p.owner_persons)
      for (const o of owner(out, person, null))
        out.links.push({ from: o, to: property, type: 'owns', ...provenance });
    for (const company of p.owner_companies)
      for (const o of owner(out, null, company))
        out.links.push({ from: o, to: property, type: 'owns', ...provenance });
  }
  return out;
}

const keyOf = (row: Record<string, unknown>) =>
  typeof row.key === 'string' && row.key ? row.key : undefined;

const checkPersonRef = (field: string, ref: string | null, problems: FieldProblem[]) => {
  if (ref && !personRefKey(ref))
    problems.push({ field, message: `expected ${PERSON_REF}, got ${showValue(ref)}` });
};

export const personsTarget: ImportTarget<PersonRow> = {
  name: 'persons',
  unit: 'person',
  catalog: personCatalog,
  build(values, _extras, problems) {
    const v = personValues(values) as Omit<PersonRow, 'key'>;
    const passportCountry = v.passport_country ?? (v.passport ? v.nationality : null);
    if (v.passport && !v.national_id && !passportCountry)
      problems.push({
        field: 'passport',
        message: 'a passport number needs its issuing country (passport_country or nationality)',
      });
    const phones: string[] = [];
    for (const raw of v.phones) {
      const number = phoneKey(raw, phone);
      if (number) phones.push(number);
      else problems.push({ field: 'phones', message: `expected phone numbers, got ${showValue(raw)}` });
    }
    const key =
      personKey({
        name: v.name,
        birth_date: v.birth_date,
        national_id: v.national_id,
        passport: v.passport,
        passport_country: passportCountry,
      }) ?? '';
    return {
      ...v,
      key,
      passport_country: passportCountry,
      phones: [...new Set(phones)],
      emails: [...new Set(v.emails.map(emailKey))],
    };
  },
  grouping: 'unique',
  groupKey: keyOf,
  tables: ['graph_persons', 'graph_entities', 'graph_links'],
  createWriter: recordsWriter<PersonRow>('graph_persons', 'persons', mapPersons),
};

export const vehiclesTarget: ImportTarget<VehicleRow> = {
  name: 'vehicles',
  unit: 'vehicle',
  catalog: vehicleCatalog,
  build(values, _extras, problems) {
    const v = vehicleValues(values) as Omit<VehicleRow, 'key' | 'vehicle'>;
    checkPersonRef('owner_person', v.owner_person, problems);
    if (v.seen_on && !v.seen_city && !v.seen_place)
      problems.push({ field: 'seen_on', message: 'a sighting date needs seen_city or seen_place' });
    const vehicle = v.plate && v.plate_country ? plateKey(v.plate, v.plate_country) : '';
    if (v.plate && vehicle.endsWith(':'))
      problems.push({ field: 'plate', message: `expected a plate number, got ${showValue(v.plate)}` });
    // One record per sighting: the same plate seen at another time or place is another record (another link).
    return { ...v, vehicle, key: vehicle ? vehicleRecordKey(vehicle, v) : '' };
  },
  grouping: 'unique',
  groupKey: keyOf,
  tables: ['graph_vehicles', 'graph_entities', 'graph_links'],
  createWriter: recordsWriter<VehicleRow>('graph_vehicles', 'vehicles', mapVehicles),
};

export const propertiesTarget: ImportTarget<PropertyRow> = {
  name: 'properties',
  unit: 'property',
  catalog: propertyCatalog,
  build(values, _extras, problems) {
    const v = propertyValues(values) as Omit<PropertyRow, 'key'>;
    const bad = new Set(problems.map((p) => p.field));
    if ((v.latitude === null) !== (v.longitude === null) && !bad.has('latitude') && !bad.has('longitude'))
      problems.push({
        field: v.latitude === null ? 'latitude' : 'longitude',
        message: 'expected both latitude and longitude, or neither',
      });
    for (const ref of v.owner_persons) checkPersonRef('owner_persons', ref, problems);
    const key = v.title_number ? titleKey(v.title_number) : '';
    if (v.title_number && !key)
      problems.push({
        field: 'title_number',
        message: `expected a title number, got ${showValue(v.title_number)}`,
      });
    return { ...v, key };
  },
  grouping: 'unique',
  groupKey: keyOf,
  tables: ['graph_properties', 'graph_entities', 'graph_links'],
  createWriter: recordsWriter<PropertyRow>('graph_properties', 'properties', mapProperties),
};
