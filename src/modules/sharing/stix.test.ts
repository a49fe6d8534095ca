/**
 * STIX 2.1 export and import, without a database: bundles held to the official OASIS JSON schemas (vendored in
 * test/fixtures), the nominal split field by field against the tables of docs/decisions/0020-sharing.md, stable
 * ids, STIX patterns, and the import's refusals naming the object, its id and the property.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, PARTIES, source, valuesAt } from '../../../test/sharing-sample.ts';
import { stixSchemaErrors } from '../../../test/stix-schemas.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { seizureReportPayload, splitPayload } from './payload.ts';
import { type Author, bundleOf, type ExportedMessage, messageObjects, type StixObject } from './stix.ts';
import { readBundle } from './stix-import.ts';
import { observableOfPattern, patternOf, TLP_MARKING_IDS, uuidv5 } from './stix-model.ts';

const author: Author = { key_id: 'ab'.repeat(16), name: 'Vigie MA', since: '2026-01-01T00:00:00.000Z' };

const seizureMessage = (): ExportedMessage => ({
  message_id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
  kind: 'seizure_report',
  marking: 'amber',
  title: 'Seizure S-2026-0042: counterfeit_accessories at 300 on 2026-03-14',
  sent_at: '2026-03-15T08:30:00.000Z',
  group_code: 'MED',
  // As kept in this installation: with every nominal field (the export must split it itself).
  payload: seizureReportPayload(source, { nominal: true }).payload,
});

const alertMessage = (): ExportedMessage => ({
  message_id: '6f9619ff-8b86-4011-b42d-00c04fc964ff',
  kind: 'warning',
  marking: 'red',
  title: 'Online seller of counterfeit perfume',
  sent_at: '2026-03-16T09:00:00.000Z',
  group_code: 'MED',
  payload: {
    schema: 'vigie.text/1',
    text: 'A seller offers counterfeit perfume on a marketplace.',
    observables: [
      { type: 'phone', value: '+212 661 23 45 67' },
      { type: 'email', value: 'parfums.discount@example.ma' },
      { type: 'url', value: "https://shop.example/item?id=12&name='x'" },
      { type: 'domain', value: 'shop.example' },
    ],
  },
});

const byType = (objects: StixObject[], type: string) => objects.filter((o) => o.type === type);
const reportOf = (objects: StixObject[]) => byType(objects, 'report')[0]!;

describe('STIX 2.1 export', () => {
  it('makes RFC 4122 version 5 UUIDs', () => {
    // The RFC's own example, as Python's uuid.uuid5(NAMESPACE_DNS, 'www.example.com') gives it.
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('produces bundles the official OASIS schemas accept, nominal or not', () => {
    for (const nominal of [true, false]) {
      const parts = [
        seizureMessage(),
        alertMessage(),
        { ...alertMessage(), message_id: 'x', payload: { schema: 'vigie.text/1', text: 'no observable' } },
      ].map((m) => messageObjects(m, author, { nominal }).objects);
      const bundle = bundleOf('test', parts);
      expect(stixSchemaErrors(bundle)).toEqual([]);
      expect(bundle.objects.filter((o) => o.type === 'report')).toHaveLength(3);
    }
  });

  it('refuses what the schemas refuse (the check is not a rubber stamp)', () => {
    const { objects } = messageObjects(alertMessage(), author, { nominal: true });
    const broken = objects.map((o) => (o.type === 'indicator' ? { ...o, pattern: undefined } : o));
    expect(stixSchemaErrors(bundleOf('broken', [broken])).length).toBeGreaterThan(0);
    expect(stixSchemaErrors({ type: 'bundle', id: 'bundle--nope', objects })).not.toEqual([]);
  });

  it('gives the same objects at every export (ids from the message id)', () => {
    const once = JSON.stringify(
      bundleOf('g', [messageObjects(seizureMessage(), author, { nominal: false }).objects]),
    );
    const again = JSON.stringify(
      bundleOf('g', [messageObjects(seizureMessage(), author, { nominal: false }).objects]),
    );
    expect(again).toBe(once);
    const other = messageObjects({ ...seizureMessage(), message_id: 'another' }, author, { nominal: false });
    expect(reportOf(other.objects).id).not.toBe(reportOf(JSON.parse(once).objects).id);
  });

  it('marks every object of a message with its TLP 2.0 marking, whose definition travels in the bundle', () => {
    const { objects } = messageObjects(alertMessage(), author, { nominal: true });
    expect(objects.find((o) => o.id === TLP_MARKING_IDS.red)).toMatchObject({
      type: 'marking-definition',
      name: 'TLP:RED',
    });
    for (const o of objects.filter((o) => !['identity', 'marking-definition'].includes(o.type)))
      expect(o.object_marking_refs).toEqual([TLP_MARKING_IDS.red]);
  });

  it('applies the nominal split field by field, as the table of decision 0020 says', () => {
    const nominalSource = seizureReportPayload(source, { nominal: true }).payload;
    const { objects, removed } = messageObjects(seizureMessage(), author, { nominal: false });
    const text = JSON.stringify(objects);
    const report = reportOf(objects);
    // The payload as the STIX report carries it, under its x_vigie_ properties.
    const carried = {
      schema: report.x_vigie_schema,
      nominal: report.x_vigie_nominal,
      seizure: report.x_vigie_seizure,
      lines: report.x_vigie_lines,
      case: report.x_vigie_case,
      parties: report.x_vigie_parties,
    };
    expect(removed.length).toBeGreaterThan(0);
    expect(FIELDS.length).toBeGreaterThan(40);
    for (const [path, , excluded] of FIELDS) {
      const before = valuesAt(nominalSource, path!).filter((v) => v !== null);
      const after = valuesAt(carried, path!);
      if (path === 'nominal') expect(after).toEqual([false]);
      else if (excluded === 'removed') {
        expect(after, path).toEqual([]);
        // Nor anywhere else in the bundle (an observable, a name, a description).
        for (const v of before.flat())
          if (typeof v === 'string' && v.length > 3) expect(text.includes(v), `${path}: ${v}`).toBe(false);
      } else if (path!.startsWith('parties[]')) {
        expect(after.length, path).toBeGreaterThan(0);
      } else expect(after, path).toEqual(before);
    }
    // Parties: each kind kept or removed whole as the second table says.
    const kept = (carried.parties as { type: string; ref: string }[]).map((p) =>
      p.type === 'graph_entity' ? `graph_entity:${p.ref.split(':')[0]}` : p.type,
    );
    for (const [party, verdict] of PARTIES) {
      if (
        !source.links.some(
          (l) =>
            (l.target_type === 'graph_entity'
              ? `graph_entity:${l.target_ref.split(':')[0]}`
              : l.target_type) === party,
        )
      )
        continue;
      expect(kept.includes(party!), party).toBe(verdict === 'kept');
    }
    for (const l of source.links.filter((l) => ['person', 'vehicle', 'premises'].includes(l.target_type)))
      expect(text.includes(l.target_ref), l.target_ref).toBe(false);
  });

  it('keeps the nominal fields where the agreement allows them, and their observables as observed data', () => {
    const { objects, removed } = messageObjects(seizureMessage(), author, { nominal: true });
    expect(removed).toEqual([]);
    const report = reportOf(objects);
    expect(report.x_vigie_seizure).toMatchObject({
      place: source.seizure.place,
      officers: source.seizure.officers,
    });
    expect(report.x_vigie_case).toMatchObject({ title: source.case!.title });
    const observed = byType(objects, 'observed-data')[0]!;
    expect(observed).toMatchObject({ first_observed: '2026-03-14T00:00:00.000Z', number_observed: 1 });
    expect(report.object_refs).toContain(observed.id);
    const values = (observed.object_refs as string[]).map((id) => objects.find((o) => o.id === id)?.value);
    expect(values.sort()).toEqual(['+212600000001', 'youssef@example.ma']);
  });

  it('turns an alert into indicators; phones and e-mails only where nominal data may go', () => {
    const open = messageObjects(alertMessage(), author, { nominal: true }).objects;
    expect(byType(open, 'indicator').map((i) => i.pattern)).toEqual([
      "[x-vigie-phone-number:value = '+212 661 23 45 67']",
      "[email-addr:value = 'parfums.discount@example.ma']",
      "[url:value = 'https://shop.example/item?id=12&name=\\'x\\'']",
      "[domain-name:value = 'shop.example']",
    ]);
    expect(reportOf(open)).toMatchObject({
      report_types: ['indicator'],
      description: alertMessage().payload.text,
    });
    const closed = messageObjects(alertMessage(), author, { nominal: false });
    expect(closed.removed).toEqual(['observables[0]', 'observables[1]']);
    const text = JSON.stringify(closed.objects);
    expect(text).not.toContain('661 23 45 67');
    expect(text).not.toContain('parfums.discount');
    expect(byType(closed.objects, 'indicator')).toHaveLength(2);
  });

  it('reads back the patterns it writes, quotes and backslashes included', () => {
    for (const o of alertMessage().payload.observables as { type: 'url'; value: string }[])
      expect(observableOfPattern(patternOf(o))).toEqual(o);
    expect(observableOfPattern("[url:value = 'a\\\\b\\'c']")).toEqual({ type: 'url', value: "a\\b'c" });
    expect(observableOfPattern("[file:hashes.MD5 = 'abc']")).toBeNull();
    expect(observableOfPattern("[url:value = 'a'] AND [url:value = 'b']")).toBeNull();
  });
});

describe('STIX 2.1 import', () => {
  const refusal = (input: unknown) => {
    try {
      readBundle(input);
    } catch (error) {
      if (error instanceof AppError)
        return { status: error.status, code: error.code, message: error.message, details: error.details };
      throw error;
    }
    throw new Error('accepted');
  };
  const good = () => bundleOf('g', [messageObjects(alertMessage(), author, { nominal: true }).objects]);

  it('refuses a bad bundle with a 400 naming the object index, its id and the property', () => {
    expect(refusal({ type: 'bundel', id: 'bundle--x', objects: [] })).toMatchObject({
      status: 400,
      code: 'sharing.stix_invalid',
      details: { index: null, property: 'type' },
    });
    const b = good();
    const at = b.objects.findIndex((o) => o.type === 'indicator');
    const { pattern: _, ...noPattern } = b.objects[at]!;
    b.objects[at] = noPattern as StixObject;
    const r = refusal(b);
    expect(r).toMatchObject({ status: 400, details: { index: at, id: noPattern.id, property: 'pattern' } });
    expect(r.message).toContain(`objects[${at}] (${noPattern.id}): pattern:`);
    const c = good();
    const ri = c.objects.findIndex((o) => o.type === 'report');
    c.objects[ri] = { ...c.objects[ri]!, published: '15/03/2026' };
    expect(refusal(c)).toMatchObject({ details: { index: ri, property: 'published' } });
    const d = good();
    d.objects[0] = { ...d.objects[0]!, id: 'identity--not-a-uuid' };
    expect(refusal(d)).toMatchObject({ details: { index: 0, property: 'id' } });
    expect(
      refusal({
        type: 'bundle',
        id: 'bundle--6f9619ff-8b86-4011-b42d-00c04fc964ff',
        objects: [good().objects[0]],
      }),
    ).toMatchObject({
      details: { property: 'objects' },
    });
  });

  it('reads back what it exports: a seizure report and an alert, and a lone indicator', () => {
    const bundle = bundleOf('round', [
      messageObjects(seizureMessage(), author, { nominal: false }).objects,
      messageObjects(alertMessage(), author, { nominal: true }).objects,
      [
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          created: '2026-03-01T00:00:00.000Z',
          modified: '2026-03-01T00:00:00.000Z',
          name: 'Two hashes',
          pattern: "[file:hashes.'SHA-256' = 'aa']",
          pattern_type: 'stix',
          valid_from: '2026-03-01T00:00:00Z',
        },
      ],
    ]);
    const { messages } = readBundle(JSON.parse(JSON.stringify(bundle)));
    expect(messages.map((m) => [m.message_id, m.kind, m.marking])).toEqual([
      [seizureMessage().message_id, 'seizure_report', 'amber'],
      [alertMessage().message_id, 'warning', 'red'],
      ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', 'warning', 'amber'],
    ]);
    const split = splitPayload(seizureMessage().payload, { nominal: false }).payload as Record<
      string,
      Record<string, unknown>
    >;
    const seizure = messages[0]!.payload;
    expect(seizure).toMatchObject({
      schema: 'vigie.seizure_report/1',
      nominal: false,
      case: { number: split.case!.number },
    });
    expect((seizure.seizure as Record<string, unknown>).reference).toBe(split.seizure!.reference);
    expect(seizure.seizure).not.toHaveProperty('place');
    expect(messages[1]!.payload).toEqual(alertMessage().payload);
    expect(messages[2]!.payload).toMatchObject({ patterns: ["[file:hashes.'SHA-256' = 'aa']"] });
  });
});
