import { describe, expect, it } from 'vitest';
import type { FieldCatalog } from './fields.ts';
import { compileMapping } from './mapping.ts';
import { FileProblem } from './problems.ts';
import { listProfiles, ProfileError, parseProfile, resolveProfile } from './profile.ts';

const catalog = {
  reference: { type: 'text', required: true, description: '' },
  amount: { type: 'number', description: '' },
  day: { type: 'date', description: '' },
  result: { type: 'enum', values: ['compliant', 'fraud', 'critical'], description: '' },
  hs: { type: 'hs', description: '' },
  'attributes.*': { type: 'text', description: '' },
} satisfies FieldCatalog;

function profile(fields: string, format = '') {
  return parseProfile(`name: t\ntarget: declarations\n${format}fields:\n${fields}`, 'test.yaml');
}

const context = { file: 'f.csv', encoding: 'utf-8' };

describe('profiles', () => {
  it('says which key of a profile is wrong', () => {
    expect(() => parseProfile('name: Bad Name\ntarget: x\nfields: {}', 'p.yaml')).toThrow(ProfileError);
    try {
      parseProfile('name: ok\ntarget: declarations\nfields:\n  a: { column: x, colour: red }', 'p.yaml');
    } catch (error) {
      expect((error as ProfileError).problems.join('\n')).toMatch(/fields\.a/);
    }
    expect(() => parseProfile('name: [unclosed', 'p.yaml')).toThrow(/cannot be read/);
  });

  it('finds the built-in profiles, and lists the known ones when a name is wrong', () => {
    expect(resolveProfile('declarations', 'kcs').target).toBe('declarations');
    expect(resolveProfile('manifests', 'native').name).toBe('native');
    expect(() => resolveProfile('declarations', 'nope')).toThrow(/known: .*kcs/);
    expect(listProfiles('declarations').map((p) => p.name)).toEqual(
      expect.arrayContaining(['kcs', 'native']),
    );
  });

  it('refuses unknown fields and unmapped required fields', () => {
    expect(() => compileMapping(profile('  amount: A\n  colour: C\n'), catalog, ['A', 'C'], context)).toThrow(
      /fields\.colour: not a declarations field[\s\S]*required field reference is not mapped/,
    );
  });

  it('maps a group to nothing when the file has none of its own columns, and refuses a group half there', () => {
    const grouped = {
      ...catalog,
      day: { type: 'date', group: 'outcome', description: '' },
      result: { ...catalog.result, group: 'outcome' },
    } satisfies FieldCatalog;
    const p = profile(
      [
        '  reference: Ref',
        '  amount: Amount',
        '  day: Amount',
        '  result:',
        '    first:',
        '      - { when: { column: C, equals: "2" }, value: critical }',
        '      - { when: { column: F, equals: "1" }, value: fraud }',
        '      - { when: { column: F, equals: "0" }, value: compliant }',
        '',
      ].join('\n'),
    );
    expect(() => compileMapping(p, grouped, ['Ref', 'Amount', 'F'], context)).toThrow(
      /missing column "C" required by profile t/,
    );
    const bad = compileMapping(p, grouped, ['Ref', 'Amount', 'C', 'F'], context).map({
      line: 2,
      data: ['r', '1', '0', 'maybe'],
    });
    expect(bad.problems).toEqual([
      { field: 'day', column: 'Amount', message: 'expected a date as YYYY-MM-DD, got "1"' },
      {
        field: 'result',
        column: 'C, F',
        message: 'no rule matched: expected C = "2"; or F = "1"; or F = "0"',
      },
    ]);
    // Without C and F (the group's own columns; Amount is shared), day and result are simply not there.
    const none = compileMapping(p, grouped, ['Ref', 'Amount'], context).map({ line: 2, data: ['r', '1'] });
    expect(none.problems).toEqual([]);
    expect(none.values).toEqual(['r', 1, null, null, null]);
  });

  it('lists every column missing from the file at once', () => {
    const p = profile('  reference: Ref\n  amount: Amount\n  day: { column: Day, optional: true }\n');
    expect(() => compileMapping(p, catalog, ['Other'], context)).toThrow(FileProblem);
    expect(() => compileMapping(p, catalog, ['Other'], context)).toThrow(
      /missing columns "Ref", "Amount" required by profile t/,
    );
  });
});

describe('mapping', () => {
  const map = (fields: string, columns: string[], data: string[], format = '') => {
    const mapping = compileMapping(profile(fields, format), catalog, columns, context);
    return mapping.map({ line: 2, data });
  };

  it('names the field and column of each bad value', () => {
    const { problems } = map(
      '  reference: Ref\n  amount: Amount\n  day: Day\n',
      ['Ref', 'Amount', 'Day'],
      ['', 'x', '2020-02-30'],
    );
    expect(problems).toEqual([
      { field: 'reference', column: 'Ref', message: 'a value is required' },
      { field: 'amount', column: 'Amount', message: 'expected a number, got "x"' },
      { field: 'day', column: 'Day', message: 'expected a date as YYYY-MM-DD, got "2020-02-30"' },
    ]);
  });

  it('reports bytes that were not valid in the encoding', () => {
    const { problems } = map('  reference: Ref\n', ['Ref'], ['Soci\uFFFDt\uFFFD']);
    expect(problems[0]?.message).toMatch(/not valid utf-8 text .*--encoding windows-1252/);
  });

  it('applies rules, dictionaries, templates, padding and stripping', () => {
    const fields = [
      '  reference: { template: "{Office}/{Serial}" }',
      '  hs: { column: HS, pad_start: { length: 6, char: "0" } }',
      '  amount: { column: Amount, strip: " $" }',
      '  attributes.regime: { column: Regime, map: { "10": release, "40": import } }',
      '  result:',
      '    first:',
      '      - { when: { column: C, equals: "2" }, value: critical }',
      '      - { when: { column: F, equals: ["1", "Y"] }, value: fraud }',
      '      - { when: { column: F, equals: "0" }, value: compliant }',
      '',
    ].join('\n');
    const columns = ['Office', 'Serial', 'HS', 'Amount', 'Regime', 'C', 'F'];
    const good = map(fields, columns, ['301', '77', '71080', '$ 1 200', '40', '0', 'Y']);
    expect(good.problems).toEqual([]);
    expect(good.values).toEqual(['301/77', 1200, null, 'fraud', '071080']);
    expect(good.extras).toEqual({ attributes: { regime: 'import' } });
    const bad = map(fields, columns, ['301', '77', '71080', '1', '99', '0', 'maybe']);
    expect(bad.problems).toEqual([
      {
        field: 'attributes.regime',
        column: 'Regime',
        message: 'unexpected value "99": expected one of "10", "40"',
      },
      {
        field: 'result',
        column: 'C, F',
        message: 'no rule matched: expected C = "2"; or F = "1" or "Y"; or F = "0"',
      },
    ]);
  });

  it('reads decimal commas and other date formats from the profile', () => {
    const format = 'format:\n  decimal_separator: ","\n  date_format: DD/MM/YYYY\n';
    const { values, problems } = map(
      '  reference: R\n  amount: A\n  day: D\n',
      ['R', 'A', 'D'],
      ['x', '1.234,5', '18/03/2024'],
      format,
    );
    expect(problems).toEqual([]);
    expect(values.slice(0, 3)).toEqual(['x', 1234.5, '2024-03-18']);
  });

  it('reads nested JSON keys by dotted path', () => {
    const mapping = compileMapping(
      profile('  reference: importer.id\n  amount: value\n'),
      catalog,
      null,
      context,
    );
    const { values } = mapping.map({ line: 1, data: { importer: { id: 'I1' }, value: 12 } });
    expect(values.slice(0, 2)).toEqual(['I1', 12]);
  });
});
