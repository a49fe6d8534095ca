import { expect, it } from 'vitest';
import { caseTaxLoss, seizureTaxLoss } from './tax.ts';

it('estimates duty then VAT on value plus duty, saying which rate it used', () => {
  expect(seizureTaxLoss({ estimated_value: 10_000, duty_rate: 40, currency: 'MAD' })).toMatchObject({
    duties: 4000,
    vat: 2800,
    total: 6800,
    duty_rate_source: 'seizure',
  });
  const byDefault = seizureTaxLoss({ estimated_value: 1000, duty_rate: null, currency: 'MAD' });
  expect(byDefault).toMatchObject({ duties: 250, vat: 250, total: 500, duty_rate_source: 'default' });
  expect(byDefault.method).toMatch(/default rate/);
});

it('sums a case and counts the seizures without a value', () => {
  const loss = caseTaxLoss([
    { estimated_value: 10_000, duty_rate: 40, currency: 'MAD' },
    { estimated_value: null, duty_rate: null, currency: 'MAD' },
    { estimated_value: 1000, duty_rate: null, currency: 'MAD' },
  ]);
  expect(loss).toMatchObject({
    seizures: 3,
    unvalued: 1,
    value: 11_000,
    duties: 4250,
    vat: 3050,
    total: 7300,
  });
});

it('sums a seizure over its goods lines and counts the lines without a value', () => {
  const loss = seizureTaxLoss({
    estimated_value: 3000,
    duty_rate: 10,
    currency: 'MAD',
    lines: [{ estimated_value: 1000 }, { estimated_value: null }, { estimated_value: 2000 }],
  });
  expect(loss).toMatchObject({ value: 3000, duties: 300, vat: 660, total: 960, unvalued: 1 });
  expect(loss.method).toMatch(/goods lines/);
});
