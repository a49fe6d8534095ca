import { describe, expect, it } from 'vitest';
import { coerce, type FieldDef, parseDate, parseNumber } from './fields.ts';

const options = { dateFormat: 'YYYY-MM-DD' as const, decimalSeparator: '.' as const, split: ';' };

describe('parseNumber', () => {
  it('refuses what is not a number', () => {
    for (const text of ['abc', '12abc', '1.2.3', '', '--1', '1,2', '12 %']) {
      expect(parseNumber(text, '.'), text).toBeUndefined();
    }
  });

  it('reads plain, signed, exponent and grouped numbers', () => {
    expect(parseNumber('1234.5', '.')).toBe(1234.5);
    expect(parseNumber('-0.5', '.')).toBe(-0.5);
    expect(parseNumber('1e3', '.')).toBe(1000);
    expect(parseNumber('1,234,567.25', '.')).toBe(1234567.25);
    expect(parseNumber(' 1 234 ', '.')).toBe(1234);
  });

  it('reads decimal commas when told so', () => {
    expect(parseNumber('1234,5', ',')).toBe(1234.5);
    expect(parseNumber('1.234.567,25', ',')).toBe(1234567.25);
    expect(parseNumber('1\u202f234,5', ',')).toBe(1234.5);
  });
});

describe('parseDate', () => {
  it('refuses days that do not exist', () => {
    expect(parseDate('2021-02-29', 'YYYY-MM-DD')).toBeUndefined();
    expect(parseDate('2020-13-01', 'YYYY-MM-DD')).toBeUndefined();
    expect(parseDate('31/04/2020', 'DD/MM/YYYY')).toBeUndefined();
    expect(parseDate('18/03/2024', 'YYYY-MM-DD')).toBeUndefined();
  });

  it('reads each supported format', () => {
    expect(parseDate('2020-02-29', 'YYYY-MM-DD')).toBe('2020-02-29');
    expect(parseDate('2020-02-29T10:00:00Z', 'YYYY-MM-DD')).toBe('2020-02-29');
    expect(parseDate('18/03/2024', 'DD/MM/YYYY')).toBe('2024-03-18');
    expect(parseDate('03/18/2024', 'MM/DD/YYYY')).toBe('2024-03-18');
    expect(parseDate('18.3.2024', 'DD.MM.YYYY')).toBe('2024-03-18');
    expect(parseDate('20240318', 'YYYYMMDD')).toBe('2024-03-18');
  });
});

describe('coerce', () => {
  const def = (type: FieldDef['type']): FieldDef => ({ type, description: '' });

  it('names what it expected and what it got', () => {
    expect(coerce(def('number'), 'twelve', options)).toEqual({
      ok: false,
      message: 'expected a number, got "twelve"',
    });
    expect(coerce(def('integer'), '1.5', options)).toEqual({
      ok: false,
      message: 'expected a whole number, got "1.5"',
    });
    expect(coerce(def('date'), '18/03/2024', options)).toEqual({
      ok: false,
      message: 'expected a date as YYYY-MM-DD, got "18/03/2024"',
    });
    expect(coerce(def('text'), { a: 1 }, options)).toMatchObject({ ok: false });
  });

  it('normalises codes, enums, HS codes and lists', () => {
    expect(coerce(def('country'), 'cn', options)).toEqual({ ok: true, value: 'CN' });
    expect(coerce(def('enum'), 'Red', options)).toEqual({ ok: true, value: 'red' });
    expect(coerce(def('hs'), '6208.22 00', options)).toEqual({ ok: true, value: '62082200' });
    expect(coerce(def('text[]'), 'a; b;;c', options)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(coerce(def('integer[]'), [25, '28'], options)).toEqual({ ok: true, value: [25, 28] });
    expect(coerce(def('integer[]'), '25;x', options)).toMatchObject({ ok: false });
    expect(coerce(def('number'), 12, options)).toEqual({ ok: true, value: 12 });
    expect(coerce(def('text'), 30, options)).toEqual({ ok: true, value: '30' });
    expect(coerce(def('number'), null, options)).toEqual({ ok: true, value: null });
  });
});
