/**
 * Properties of field coercion, over generated values (fast-check): numbers written the ways files write them
 * (plain, exponent, grouped thousands with either decimal separator, signs, spaces) read back to the same number;
 * every real calendar day reads back in every supported date format and an impossible day never does; and no
 * value of any JSON shape makes coercion throw — it is a value or a message that says what was expected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerce, DATE_FORMATS, type DateFormat, type FieldType, parseDate, parseNumber } from './fields.ts';

const RUNS = { numRuns: Number(process.env.VIGIE_PROPERTY_RUNS ?? 500) };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function write(format: DateFormat, y: number, m: number, d: number): string {
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'DD/MM/YYYY':
      return `${pad(d)}/${pad(m)}/${y}`;
    case 'MM/DD/YYYY':
      return `${pad(m)}/${pad(d)}/${y}`;
    case 'DD-MM-YYYY':
      return `${pad(d)}-${pad(m)}-${y}`;
    case 'DD.MM.YYYY':
      return `${pad(d)}.${pad(m)}.${y}`;
    case 'YYYYMMDD':
      return `${y}${pad(m)}${pad(d)}`;
    default:
      return `${y}/${pad(m)}/${pad(d)}`;
  }
}

describe('field coercion, on generated values', () => {
  it('reads numbers back, however a file writes them', () => {
    const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(amount, (n) => {
        expect(parseNumber(String(n), '.')).toBe(n === 0 ? 0 : n);
        const fixed = Number(n.toFixed(2));
        const en = fixed.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(en, '.')).toBeCloseTo(fixed, 6);
        const fr = fixed.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(fr, ',')).toBeCloseTo(fixed, 6);
        const de = fixed.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(de, ',')).toBeCloseTo(fixed, 6);
      }),
      RUNS,
    );
  });

  it('reads every real day in every date format, and never an impossible one', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...DATE_FORMATS),
        (date, format) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          expect(parseDate(write(format, y, m, d), format)).toBe(`${y}-${pad(m)}-${pad(d)}`);
          const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
          expect(parseDate(write(format, y, m, lastDay + 1), format)).toBeUndefined();
          expect(parseDate(write(format, y, 13, d), format)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('turns any value into a typed value or a message, never an exception', () => {
    const types: FieldType[] = [
      'text',
      'country',
      'currency',
      'hs',
      'number',
      'integer',
      'date',
      'enum',
      'text[]',
      'integer[]',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.double()),
        fc.constantFrom(...DATE_FORMATS),
        fc.constantFrom<'.' | ','>('.', ','),
        (type, value, dateFormat, decimalSeparator) => {
          const result = coerce({ type, description: 'x' }, value, {
            dateFormat,
            decimalSeparator,
            split: ';',
          });
          if (result.ok) expect(result.value === undefined).toBe(false);
          else expect(result.message).toMatch(/^expected /);
        },
      ),
      RUNS,
    );
  });
});
