/**
 * Test data in Vigie's native declaration format and in the KCS format. Each builder takes overrides so a test
 * says only what matters to it.
 */

export const NATIVE_COLUMNS = [
  'reference',
  'office',
  'lodged_on',
  'procedure',
  'importer_code',
  'importer_name',
  'declarant_code',
  'seller_code',
  'seller_country',
  'currency',
  'line_no',
  'hs_code',
  'description',
  'origin_country',
  'quantity',
  'quantity_unit',
  'net_mass_kg',
  'customs_value',
  'duty_rate',
  'result',
  'inspected_on',
  'channel',
] as const;

export type NativeRow = Partial<Record<(typeof NATIVE_COLUMNS)[number], string>>;

export function nativeRow(overrides: NativeRow = {}): NativeRow {
  return {
    reference: 'DUM-2024-000001',
    office: '301',
    lodged_on: '2024-03-18',
    procedure: '4000',
    importer_code: 'IMP001',
    importer_name: 'Atlas Import SARL',
    declarant_code: 'DEC01',
    seller_code: 'SEL01',
    seller_country: 'CN',
    currency: 'MAD',
    line_no: '1',
    hs_code: '6208220000',
    description: 'nightdresses of cotton',
    origin_country: 'CN',
    net_mass_kg: '120.5',
    customs_value: '15400',
    duty_rate: '17.5',
    result: '',
    inspected_on: '',
    channel: '',
    ...overrides,
  };
}

function csvCell(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function nativeCsv(rows: NativeRow[], delimiter = ','): string {
  const header = NATIVE_COLUMNS.join(delimiter);
  const lines = rows.map((row) =>
    NATIVE_COLUMNS.map((c) => csvCell(row[c] ?? '', delimiter)).join(delimiter),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

export const KCS_HEADER =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';

/** KCS rows: `n` declarations, a fraud every 4th, a critical one every 10th. */
export function kcsCsv(
  n: number,
  overrides: (i: number) => Partial<Record<string, string>> = () => ({}),
): string {
  const lines = [KCS_HEADER];
  for (let i = 0; i < n; i++) {
    const critical = i % 10 === 9;
    const fraud = critical || i % 4 === 3;
    const row: Record<string, string> = {
      id: String(10_000_000 + i),
      date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      office: String(10 + (i % 3) * 10),
      hs: i % 2 ? '620822' : '071080',
      price: String(1000 + i * 10.5),
      origin: 'CN',
      mass: '12.5',
      ...overrides(i),
    };
    lines.push(
      [
        row.id,
        row.date,
        row.office,
        'B',
        '11',
        '21',
        '11',
        '10',
        `DECL${i % 5}`,
        `IMP${i % 7}`,
        i % 3 ? `SEL${i % 11}` : '',
        '',
        row.hs,
        'CN',
        row.origin,
        '8.0',
        'A',
        'G',
        row.mass,
        row.price,
        fraud ? '1' : '0',
        critical ? '2' : fraud ? '1' : '0',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
