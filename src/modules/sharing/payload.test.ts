/**
 * The nominal / non-nominal split of a seizure report, field by field, held to the table of
 * docs/decisions/0020-sharing.md: every field of the payload is in the table, and each is kept or removed as the
 * table says.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, links, PARTIES, seizure, source, valuesAt } from '../../../test/sharing-sample.ts';
import { isPersonalLink, leafPaths, seizureReportPayload } from './payload.ts';

describe('seizure report payload', () => {
  const full = seizureReportPayload(source, { nominal: true });
  const split = seizureReportPayload(source, { nominal: false });

  it('documents every field of the payload, and only those', () => {
    expect(FIELDS.length).toBeGreaterThan(40);
    expect(new Set(leafPaths(full.payload))).toEqual(new Set(FIELDS.map((row) => row[0])));
  });

  it('keeps everything when the group allows nominal data, and removes nothing', () => {
    expect(full.removed).toEqual([]);
    expect(full.payload.nominal).toBe(true);
    for (const [path, allowed] of FIELDS) {
      expect(allowed, path).toBe('kept');
      expect(valuesAt(full.payload, path!).length, path).toBeGreaterThan(0);
    }
    expect(valuesAt(full.payload, 'seizure.officers[]')).toEqual(['Karim Benali', 'Sara Idrissi']);
    expect((full.payload.parties as unknown[]).length).toBe(links.length);
  });

  it('keeps or removes each field as the table says when nominal data are excluded', () => {
    expect(split.payload.nominal).toBe(false);
    for (const [path, , excluded] of FIELDS) {
      const before = valuesAt(full.payload, path!);
      const after = valuesAt(split.payload, path!);
      if (excluded === 'removed') expect(after, `${path} should be removed`).toEqual([]);
      else if (path === 'nominal') expect(after).toEqual([false]);
      else if (path!.startsWith('parties[]')) expect(after.length, path).toBeGreaterThan(0);
      else expect(after, `${path} should be kept as it is`).toEqual(before);
    }
  });

  it('removes each party as the parties table says, and lists what it removed', () => {
    const kept = (split.payload.parties as { type: string; ref: string }[]).map((p) => `${p.type} ${p.ref}`);
    expect(kept).toEqual([
      'declaration 2026-300-000123',
      'company RC-45871',
      'trademark Louis Vuitton',
      'graph_entity company:rc-45871',
    ]);
    expect(split.removed).toEqual([
      'seizure.place',
      'seizure.latitude',
      'seizure.longitude',
      'seizure.officers',
      'case.title',
      'parties[0].note',
      'parties[1].note',
      'parties[2].note',
      'parties[3]',
      'parties[4]',
      'parties[5]',
      'parties[6]',
      'parties[7]',
      'parties[8]',
      'parties[9]',
      'parties[10].note',
      'parties[11]',
    ]);
    expect(PARTIES.length).toBeGreaterThan(25);
    for (const [party, verdict] of PARTIES) {
      const [type, entity] = party!.split(':');
      const ref =
        type === 'graph_entity' ? (entity ? `${entity}:some key` : 'no readable type') : 'some reference';
      const name = party!.startsWith('graph_entity without') ? 'graph_entity' : type!;
      expect(isPersonalLink({ target_type: name, target_ref: ref }), party).toBe(verdict === 'removed');
    }
  });

  it('never carries the fiscal follow-up, internal ids or who recorded what', () => {
    for (const payload of [full.payload, split.payload]) {
      const text = JSON.stringify(payload);
      for (const word of [
        'duties',
        'fines',
        'settlement',
        'duty_rate',
        'created_by',
        'assignee',
        'summary',
        'né le 2 mai',
        'operation_id',
        'case_id',
      ])
        expect(text, word).not.toContain(word);
    }
    expect(JSON.stringify(split.payload)).not.toMatch(/El Amrani|Benali|Idrissi|Orangers|\+212|youssef@/);
  });

  it('builds a payload without a case', () => {
    const alone = seizureReportPayload(
      { seizure: { ...seizure, case_id: null }, case: null, links: [] },
      { nominal: false },
    );
    expect(alone.payload.case).toBeNull();
    expect(alone.payload.parties).toEqual([]);
  });
});
