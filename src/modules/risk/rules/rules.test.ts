import { describe, expect, it } from 'vitest';
import type { ScoringLine } from '../lines.ts';
import '../indicators/index.ts';
import type { WatchlistEntrySet } from '../watchlists.ts';
import { compileCondition, dateBefore, type EvalContext, fieldColumns } from './compile.ts';
import type { Value } from './fields.ts';
import type { Condition } from './schema.ts';
import { parseProfileText, validateDocument } from './validate.ts';

function line(
  overrides: Partial<ScoringLine['item']> & {
    reference?: string;
    lodged_on?: string;
    importer?: string;
  } = {},
): ScoringLine {
  const { reference, lodged_on, importer, ...item } = overrides;
  return {
    item_id: null,
    declaration_id: null,
    reference: reference ?? 'R1',
    office: '301',
    lodged_on: lodged_on ?? '2024-03-18',
    procedure: '4000',
    transport_mode: null,
    departure_country: 'CN',
    currency: 'MAD',
    declarant: { code: 'DEC1', name: null },
    importer:
      importer === undefined
        ? { code: 'IMP1', name: 'Atlas' }
        : importer
          ? { code: importer, name: null }
          : null,
    seller: null,
    courier: null,
    attributes: { import_type: '11' },
    item: {
      line_no: 1,
      hs_code: '6208220000',
      description: 'Nightdresses of cotton',
      origin_country: 'CN',
      quantity: null,
      quantity_unit: null,
      net_mass_kg: 120,
      customs_value: 15400,
      duty_rate: 17.5,
      tax_type: null,
      origin_indicator: null,
      ...item,
    },
    outcome: null,
  };
}

const lines = [
  line(),
  line({ hs_code: '8517120000', origin_country: 'VN', customs_value: 900, description: 'mobile phones' }),
  line({ hs_code: '6109100000', origin_country: null, net_mass_kg: null, importer: '' }),
];

const indicators: Record<string, Value[]> = {
  'valuation.ratio': [0.2, 1.1, null],
  'importer.registered_on': ['2024-02-01', '2019-05-05', null],
  'importer.first_time': [true, false, null],
  'partners.transport_documents': [['MSCU1234567', 'BL-1'], null, ['BL-9']],
};

const lists = new Map<string, WatchlistEntrySet>([
  [
    'bad-traders',
    { id: 1, name: 'bad-traders', type: 'trader', values: new Set(['IMP1']), prefixLengths: [] },
  ],
  [
    'textiles',
    { id: 2, name: 'textiles', type: 'hs_code', values: new Set(['6208', '61']), prefixLengths: [4, 2] },
  ],
  [
    'containers',
    { id: 3, name: 'containers', type: 'transport_document', values: new Set(['BL-9']), prefixLengths: [] },
  ],
]);

const ctx: EvalContext = {
  lodgedOn: lines.map((l) => l.lodged_on),
  field: fieldColumns(lines),
  indicator: (name) => indicators[name] ?? lines.map(() => null),
  watchlists: lists,
};

/** Which of the three lines a condition selects. */
const hits = (condition: Condition) => {
  const p = compileCondition(condition, ctx);
  return lines.map((_, i) => p(i));
};

describe('rule operators', () => {
  it('equals compares strings, numbers and booleans exactly', () => {
    expect(hits({ field: 'item.origin_country', equals: 'CN' })).toEqual([true, false, false]);
    expect(hits({ field: 'item.customs_value', equals: 900 })).toEqual([false, true, false]);
    expect(hits({ indicator: 'importer.first_time', equals: true })).toEqual([true, false, false]);
    expect(hits({ field: 'attributes.import_type', equals: '11' })).toEqual([true, true, true]);
  });

  it('in matches a list, numbers given for text fields included', () => {
    expect(hits({ field: 'item.origin_country', in: ['VN', 'TH'] })).toEqual([false, true, false]);
    expect(hits({ field: 'office', in: [301] })).toEqual([true, true, true]);
    expect(hits({ field: 'item.customs_value', in: [900, 1] })).toEqual([false, true, false]);
  });

  it('hs_prefix matches any of the prefixes, whatever their length', () => {
    expect(hits({ field: 'item.hs_code', hs_prefix: ['62', '8517'] })).toEqual([true, true, false]);
    expect(hits({ field: 'item.hs_code', hs_prefix: '610910' })).toEqual([false, false, true]);
  });

  it('range takes gt, gte, lt, lte; a missing value is never in range', () => {
    expect(hits({ indicator: 'valuation.ratio', range: { lt: 0.5 } })).toEqual([true, false, false]);
    expect(hits({ indicator: 'valuation.ratio', range: { gte: 0.2, lte: 1.1 } })).toEqual([
      true,
      true,
      false,
    ]);
    expect(hits({ indicator: 'valuation.ratio', range: { gt: 0.2 } })).toEqual([false, true, false]);
  });

  it('regex tests text (flags too) and lists', () => {
    expect(hits({ field: 'item.description', regex: '^nightdress', flags: 'i' })).toEqual([
      true,
      false,
      true,
    ]);
    expect(hits({ field: 'item.description', regex: '^nightdress' })).toEqual([false, false, false]);
    expect(hits({ indicator: 'partners.transport_documents', regex: '^MSCU\\d{7}$' })).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('exists tells present from missing', () => {
    expect(hits({ field: 'item.origin_country', exists: true })).toEqual([true, true, false]);
    expect(hits({ field: 'item.net_mass_kg', exists: false })).toEqual([false, false, true]);
    expect(hits({ field: 'importer.code', exists: false })).toEqual([false, false, true]);
  });

  it('older_than and newer_than measure back from the lodgement date', () => {
    expect(dateBefore('2024-03-18', '90d')).toBe('2023-12-19');
    expect(dateBefore('2024-03-31', '1m')).toBe('2024-03-02');
    expect(dateBefore('2024-03-18', '2y')).toBe('2022-03-18');
    expect(dateBefore('2024-03-18', '2w')).toBe('2024-03-04');
    expect(hits({ indicator: 'importer.registered_on', newer_than: '90d' })).toEqual([true, false, false]);
    expect(hits({ indicator: 'importer.registered_on', older_than: '1y' })).toEqual([false, true, false]);
  });

  it('in_watchlist uses the list type’s subject, or the one named; HS lists match by prefix', () => {
    expect(hits({ in_watchlist: 'bad-traders' })).toEqual([true, true, false]);
    expect(hits({ in_watchlist: 'textiles' })).toEqual([true, false, true]);
    expect(hits({ in_watchlist: 'containers' })).toEqual([false, false, true]);
    expect(hits({ field: 'declarant.code', in_watchlist: 'bad-traders' })).toEqual([false, false, false]);
    expect(hits({ in_watchlist: 'gone' })).toEqual([false, false, false]);
  });

  it('all, any and not combine; not of a missing value is true', () => {
    expect(
      hits({
        all: [
          { field: 'item.origin_country', equals: 'CN' },
          { indicator: 'valuation.ratio', range: { lt: 0.5 } },
        ],
      }),
    ).toEqual([true, false, false]);
    expect(
      hits({
        any: [
          { field: 'item.origin_country', equals: 'VN' },
          { field: 'item.net_mass_kg', exists: false },
        ],
      }),
    ).toEqual([false, true, true]);
    expect(hits({ not: { indicator: 'valuation.ratio', range: { lt: 0.5 } } })).toEqual([false, true, true]);
    expect(
      hits({
        not: {
          any: [
            { field: 'item.hs_code', hs_prefix: '62' },
            { all: [{ field: 'item.customs_value', range: { lt: 1000 } }] },
          ],
        },
      }),
    ).toEqual([false, false, true]);
  });
});

const rule = (when: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  title: 'A rule',
  rationale: 'Because',
  when,
  effect: { points: 10 },
  ...extra,
});

describe('rule documents', () => {
  it('accepts a valid document and fills in defaults', () => {
    const result = validateDocument({ rules: [rule({ field: 'item.hs_code', hs_prefix: '62' })] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.rules[0]!.enabled).toBe(true);
    expect(result.document.rules[0]!.effect.tags).toEqual([]);
    expect(result.document.scoring.valuation.points).toBe(20);
  });

  it('refuses a yellow minimum above the red one, and a minimum that is not a number, with its YAML line', () => {
    const result = parseProfileText(
      [
        'scoring:',
        '  minimum_score:',
        '    red: 10',
        '    yellow: 30',
        'rules:',
        '  - { id: r1, title: A rule, rationale: Because, when: { field: item.hs_code, hs_prefix: "62" }, effect: {} }',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.message, p.line])).toEqual([
      ['scoring.minimum_score.yellow', 'the yellow minimum cannot be above the red one', 4],
    ]);
    const typed = validateDocument({
      scoring: { minimum_score: { red: 'high' } },
      rules: [rule({ field: 'item.hs_code', hs_prefix: '62' })],
    });
    expect(typed.ok).toBe(false);
    if (typed.ok) return;
    expect(typed.problems[0]!.path).toBe('scoring.minimum_score.red');
  });

  it('sets the minimum scores of the selection to 20 for red and 10 for yellow unless the profile says', () => {
    const result = validateDocument({ rules: [rule({ field: 'item.hs_code', hs_prefix: '62' })] });
    expect(result.ok && result.document.scoring.minimum_score).toEqual({ red: 20, yellow: 10 });
    const own = validateDocument({
      scoring: { minimum_score: { red: 40 } },
      rules: [rule({ field: 'item.hs_code', hs_prefix: '62' })],
    });
    expect(own.ok && own.document.scoring.minimum_score).toEqual({ red: 40, yellow: 10 });
  });

  it('locates every problem by its path in the document', () => {
    const result = validateDocument(
      {
        rules: [
          rule({
            all: [
              { field: 'item.hs_code', hs_prefix: '6x' },
              { indicator: 'valuation.ratio', range: {} },
            ],
          }),
          rule({ field: 'nope', equals: 1 }, { id: 'r2' }),
          rule({ indicator: 'valuation.ratio', equals: 'low' }, { id: 'r3' }),
          rule({ field: 'item.hs_code', regex: '(' }, { id: 'r4' }),
          rule({ field: 'item.hs_code', equals: '62', in: ['61'] }, { id: 'r5' }),
          rule({ field: 'item.customs_value', hs_prefix: '62' }, { id: 'r6' }),
          rule({ any: [] }, { id: 'r7' }),
          rule({ not: { bogus: 1 } }, { id: 'r8' }),
          rule({ field: 'item.hs_code', equals: '62' }, { id: 'r1' }),
          rule({ field: 'lodged_on', older_than: '3 months' }, { id: 'r9' }),
          rule(
            { in_watchlist: 'unknown-list' },
            { id: 'r10', effect: { points: 1, channel: { red: 0.7, yellow: 0.5 } } },
          ),
        ],
      },
      { watchlists: new Set(['known']) },
    );
    expect(result.ok).toBe(false);
    const problems = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'rules[0].when.all[0].hs_prefix: expected 1 to 10 digits',
        'rules[0].when.all[1].range: give at least one of gt, gte, lt, lte',
        'rules[3].when.regex: not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
        'rules[4].when: one operator per condition, found equals and in (combine conditions with all / any)',
        'rules[6].when.any: expected a non-empty list of conditions',
        'rules[7].when.not.bogus: unknown key "bogus": expected field or indicator and one operator (equals, in, hs_prefix, range, regex, exists, older_than, newer_than, in_watchlist), or all / any / not',
        'rules[9].when.older_than: expected a duration such as 90d, 12w, 6m or 2y',
        'rules[10].effect.channel: channel probabilities add up to more than 1',
      ]),
    );
  });

  it('checks meaning once the structure is right: names, types, duplicates, lists', () => {
    const result = validateDocument(
      {
        rules: [
          rule({ field: 'nope', equals: 1 }),
          rule({ indicator: 'valuation.ratio', equals: 'low' }, { id: 'r2' }),
          rule({ field: 'item.customs_value', hs_prefix: '62' }, { id: 'r3' }),
          rule({ indicator: 'no.such', exists: true }, { id: 'r4' }),
          rule({ in_watchlist: 'unknown-list' }, { id: 'r5' }),
          rule({ field: 'item.hs_code', equals: '62' }, { id: 'r2' }),
          rule(
            { field: 'item.hs_code', equals: '62' },
            { id: 'r6', effect: { points: 1, campaign: 'nothing' } },
          ),
        ],
      },
      { watchlists: new Set(['known']), campaigns: new Set() },
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'rules[0].when.field: unknown field "nope" (fields are the native format\'s: item.hs_code, importer.code, attributes.<name>…)',
      'rules[1].when.equals: expected a number to compare with a number value',
      'rules[2].when.hs_prefix: hs_prefix does not apply to item.customs_value, a number value',
      'rules[3].when.indicator: unknown indicator "no.such" (see vigie risk indicators)',
      'rules[4].when.in_watchlist: no watchlist named "unknown-list"',
      'rules[5].id: rule id "r2" is already used by rules[1]',
      'rules[6].effect.campaign: no campaign named "nothing"',
    ]);
  });

  it('gives the line of each problem in YAML text', () => {
    const text = [
      'rules:',
      '  - id: ok',
      '    title: Fine',
      '    rationale: Fine',
      '    when: { field: item.hs_code, hs_prefix: "62" }',
      '    effect: { points: 5 }',
      '  - id: bad',
      '    title: Bad',
      '    rationale: Bad',
      '    when:',
      '      all:',
      '        - { field: item.hs_code, hs_prefix: "62" }',
      '        - { indicator: valuation.ratio, range: { lt: low } }',
      '    effect: { points: 5, colour: red }',
    ].join('\n');
    const result = parseProfileText(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        path: 'rules[1].when.all[1].range.lt',
        line: 13,
        message: 'Invalid input: expected number, received string',
      },
      { path: 'rules[1].effect.colour', line: 14, message: 'unknown key "colour"' },
    ]);
  });

  it('reports YAML syntax errors with their line, and accepts JSON text', () => {
    const bad = parseProfileText('rules:\n  - id: x\n    title: [unclosed\n');
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]!.line).toBeGreaterThanOrEqual(3);
    const json = parseProfileText(JSON.stringify({ rules: [rule({ field: 'office', equals: '301' })] }));
    expect(json.ok).toBe(true);
  });

  it('refuses a regular expression that can take exponential time', () => {
    const result = validateDocument({
      rules: [
        {
          id: 'x',
          title: 'T',
          rationale: 'R',
          when: { field: 'item.description', regex: '^(\\w+\\s?)*$' },
          effect: {},
        },
      ],
    });
    expect(result.problems).toEqual([
      {
        path: 'rules[0].when.regex',
        message: 'this regular expression repeats a repetition and can take exponential time: simplify it',
      },
    ]);
  });

  it('reports an alias bomb as a problem of the text instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = parseProfileText(`${levels.join('\n')}\nrules: *i\n`);
    expect(bomb.ok).toBe(false);
    expect(bomb.problems).toEqual([
      { path: '(document)', message: expect.stringMatching(/Excessive alias count/) },
    ]);
  });

  it('refuses a document without rules or with unknown top-level keys', () => {
    const result = validateDocument({ rules: [], extra: true });
    expect(result.problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'extra: unknown key "extra"',
      'rules: a profile needs at least one rule',
    ]);
  });
});
