/**
 * The tax loss of a seizure or a case, summed over the goods lines: the duties and taxes that would have been evaded had the goods passed.
 * Import duty on the estimated value (the seizure's own rate, or the default), then VAT on value plus duty — the
 * method is returned with the figures so that whoever reads them sees how they were made. Vigie has no tariff
 * (the valuation module estimates duties at stake from a declaration's own rate), so a seizure without its rate
 * takes the configured default.
 */

export interface TaxRates {
  /** Import duty in percent of the value, when the seizure gives none. */
  duty_rate: number;
  /** VAT in percent of value plus duty. */
  vat_rate: number;
}

export const DEFAULT_TAX_RATES: TaxRates = { duty_rate: 25, vat_rate: 20 };

export interface TaxLoss {
  value: number;
  currency: string;
  duty_rate: number;
  duty_rate_source: 'seizure' | 'default';
  vat_rate: number;
  duties: number;
  vat: number;
  total: number;
  /** Goods lines without an estimated value, left out of the figures. */
  unvalued: number;
  method: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** What the estimate reads of a seizure: its lines' values (or its own, without lines), rate and currency. */
export interface TaxedSeizure {
  estimated_value: number | null;
  duty_rate: number | null;
  currency: string;
  lines?: { estimated_value: number | null }[] | undefined;
}

/** The sum over the seizure's goods lines of: duty on the line's value at the seizure's rate, VAT on both. */
export function seizureTaxLoss(seizure: TaxedSeizure, rates: TaxRates = DEFAULT_TAX_RATES): TaxLoss {
  const lines = seizure.lines?.length ? seizure.lines : [{ estimated_value: seizure.estimated_value }];
  const dutyRate = seizure.duty_rate ?? rates.duty_rate;
  let value = 0;
  let duties = 0;
  let vat = 0;
  for (const line of lines) {
    const v = line.estimated_value ?? 0;
    const d = (v * dutyRate) / 100;
    value += v;
    duties += d;
    vat += ((v + d) * rates.vat_rate) / 100;
  }
  return {
    value: round(value),
    currency: seizure.currency,
    duty_rate: dutyRate,
    duty_rate_source: seizure.duty_rate === null ? 'default' : 'seizure',
    vat_rate: rates.vat_rate,
    duties: round(duties),
    vat: round(vat),
    total: round(duties + vat),
    unvalued: lines.filter((l) => l.estimated_value === null).length,
    method: `sum over the goods lines of: import duty = estimated value × ${dutyRate} %${seizure.duty_rate === null ? ' (default rate)' : ''}; VAT = (value + duty) × ${rates.vat_rate} %; total = duty + VAT`,
  };
}

/** The sum over a case's seizures (amounts in the first seizure's currency; mixed currencies are not converted). */
export function caseTaxLoss(
  seizures: TaxedSeizure[],
  rates: TaxRates = DEFAULT_TAX_RATES,
): TaxLoss & { seizures: number } {
  const parts = seizures.map((s) => seizureTaxLoss(s, rates));
  const sum = (f: (p: TaxLoss) => number) => round(parts.reduce((a, p) => a + f(p), 0));
  return {
    value: sum((p) => p.value),
    currency: parts[0]?.currency ?? 'MAD',
    duty_rate: rates.duty_rate,
    duty_rate_source: parts.some((p) => p.duty_rate_source === 'seizure') ? 'seizure' : 'default',
    vat_rate: rates.vat_rate,
    duties: sum((p) => p.duties),
    vat: sum((p) => p.vat),
    total: sum((p) => p.total),
    unvalued: sum((p) => p.unvalued),
    seizures: parts.length,
    method: `sum over the case's seizures and their goods lines of: import duty = estimated value × the seizure's duty rate (default ${rates.duty_rate} %); VAT = (value + duty) × ${rates.vat_rate} %`,
  };
}
