/**
 * Properties of the rule language, over generated documents (fast-check): any JSON or YAML text is either a
 * document or a list of located problems, never an exception; every condition the validator accepts compiles and
 * evaluates on any line without throwing; and the combinators obey boolean algebra (`not` negates, `all` is a
 * conjunction, `any` a disjunction, double negation changes nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringLine } from '../lines.ts';
import '../indicators/index.ts';
import { compileCondition, type EvalContext, fieldColumns } from './compile.ts';
import { FIELDS } from './fields.ts';
import type { Condition } from './schema.ts';
import { parseProfileText, validateDocument } from './validate.ts';

const RUNS = { numRuns: Number(process.env.VIGIE_PROPERTY_RUNS ?? 300) };

const textFields = Object.entries(FIELDS)
  .filter(([, d]) => d.type === 'text')
  .map(([name]) => name);
const numberFields = Object.entries(FIELDS)
  .filter(([, d]) => d.type === 'number')
  .map(([name]) => name);

/** Leaves the validator accepts: a known field with an operator that applies to its type. */
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constantFrom(...textFields), equals: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    field: fc.constantFrom(...textFields),
    in: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ field: fc.constant('item.hs_code'), hs_prefix: fc.stringMatching(/^[0-9]{1,6}$/) }),
  fc.record({
    field: fc.constantFrom(...numberFields),
    range: fc.record({ gt: fc.integer({ min: -10, max: 100000 }) }),
  }),
  fc.record({ field: fc.constantFrom(...textFields), exists: fc.boolean() }),
  fc.record({
    field: fc.constantFrom(...textFields),
    regex: fc.constantFrom('^a', 'cotton|coton', '[0-9]{4}', 'ph?one'),
  }),
) as fc.Arbitrary<Condition>;

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ) as fc.Arbitrary<Condition>,
}));

const text = fc.option(fc.string({ maxLength: 10 }), { nil: null });
const scoringLine: fc.Arbitrary<ScoringLine> = fc.record({
  item_id: fc.constant(null),
  declaration_id: fc.constant(null),
  reference: fc.string({ minLength: 1, maxLength: 8 }),
  office: fc.constantFrom('301', '30', '33'),
  lodged_on: fc.constant('2024-03-18'),
  procedure: text,
  transport_mode: text,
  departure_country: text,
  currency: text,
  declarant: fc.constant(null),
  importer: fc.option(fc.record({ code: fc.string({ minLength: 1, maxLength: 6 }), name: text }), {
    nil: null,
  }),
  seller: fc.constant(null),
  courier: fc.constant(null),
  attributes: fc.constant({}),
  item: fc.record({
    line_no: fc.integer({ min: 1, max: 99 }),
    hs_code: fc.stringMatching(/^[0-9]{6,10}$/),
    description: text,
    origin_country: text,
    quantity: fc.option(fc.double({ noNaN: true }), { nil: null }),
    quantity_unit: text,
    net_mass_kg: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
    customs_value: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
    duty_rate: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    tax_type: text,
    origin_indicator: text,
  }),
  outcome: fc.constant(null),
}) as unknown as fc.Arbitrary<ScoringLine>;

function evaluate(condition: Condition, lines: ScoringLine[]): boolean[] {
  const ctx: EvalContext = {
    lodgedOn: lines.map((l) => l.lodged_on),
    field: fieldColumns(lines),
    indicator: () => lines.map(() => null),
    watchlists: new Map(),
  };
  const predicate = compileCondition(condition, ctx);
  return lines.map((_, i) => predicate(i));
}

const ruleOf = (when: Condition) => ({
  rules: [{ id: 'r', title: 'T', rationale: 'R', when, effect: { points: 1 } }],
});

describe('the rule language, on generated documents', () => {
  it('answers any JSON or YAML text with a document or located problems, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ rules: [v] })),
        ),
        (text) => {
          const result = parseProfileText(text);
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof validateDocument(value).ok).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('compiles and evaluates every condition it accepts, on any line', () => {
    fc.assert(
      fc.property(condition, fc.array(scoringLine, { minLength: 1, maxLength: 5 }), (when, lines) => {
        const checked = validateDocument(ruleOf(when));
        expect(checked.problems).toEqual([]);
        expect(evaluate(when, lines)).toHaveLength(lines.length);
      }),
      RUNS,
    );
  });

  it('obeys boolean algebra', () => {
    fc.assert(
      fc.property(
        condition,
        condition,
        fc.array(scoringLine, { minLength: 1, maxLength: 5 }),
        (a, b, lines) => {
          const [va, vb] = [evaluate(a, lines), evaluate(b, lines)];
          expect(evaluate({ not: a }, lines)).toEqual(va.map((x) => !x));
          expect(evaluate({ not: { not: a } }, lines)).toEqual(va);
          expect(evaluate({ all: [a, b] }, lines)).toEqual(va.map((x, i) => x && vb[i]!));
          expect(evaluate({ any: [a, b] }, lines)).toEqual(va.map((x, i) => x || vb[i]!));
          // De Morgan.
          expect(evaluate({ not: { all: [a, b] } }, lines)).toEqual(
            evaluate({ any: [{ not: a }, { not: b }] }, lines),
          );
        },
      ),
      RUNS,
    );
  });
});
