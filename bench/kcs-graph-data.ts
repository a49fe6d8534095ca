/**
 * Files for the graph build from the KCS train split (issue 13: "10× the KCS train split with its partner files"):
 * the declarations of train.csv written `copies` times with distinct references (`<Declaration ID>-<copy>`), a
 * company register for their importers, and manifests and foreign-exchange payments consistent with each copy —
 * drawn as scripts/make-demo.ts draws the demo's (same columns, same proportions: about 95 % of importers
 * registered, a manifest for 85 % of sea and air declarations with 1–3 containers by sea, a payment for 40 % of
 * those worth 13,000 KRW or more), seeded, so every run imports the same files. `every` keeps one row in `every`
 * of train.csv (the quick run's fraction). Names, phones and addresses are invented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { mulberry32 } from '../src/platform/lib/random.ts';

export interface KcsGraphFiles {
  declarations: string;
  companies: string;
  manifests: string;
  payments: string;
  counts: { declarations: number; companies: number; manifests: number; payments: number };
}

const CITIES = ['Casablanca', 'Tanger', 'Rabat', 'Marrakech', 'Agadir', 'Fès', 'Kénitra', 'Oujda', 'Nador'];
const FORMS = ['SARL', 'SARL', 'SARL AU', 'SA', 'SNC'];
const SYLLABLES = ['at', 'las', 'nor', 'med', 'sa', 'har', 'ka', 'ri', 'tan', 'bel', 'zi', 'mo', 'ra', 'dar'];
const WORDS = ['Import', 'Trading', 'Distribution', 'Négoce', 'Commerce', 'Import Export', 'Services'];
const FIRST = ['Youssef', 'Fatima', 'Karim', 'Salma', 'Omar', 'Nadia', 'Hicham', 'Imane', 'Rachid', 'Leila'];
const LAST = [
  'Alaoui',
  'Bennani',
  'Idrissi',
  'Tazi',
  'Chraibi',
  'Berrada',
  'Fassi',
  'Lahlou',
  'Kettani',
  'Amrani',
];
const STREETS = ['Bd Mohammed V', 'Rue Ibn Batouta', 'Zone industrielle', 'Bd Zerktouni', 'Route de Rabat'];
const SEA = [
  ['MSCU', 'MSC'],
  ['MAEU', 'Maersk'],
  ['CMAU', 'CMA CGM'],
  ['COSU', 'COSCO'],
] as const;
const AIR = [
  ['157', 'Qatar Airways'],
  ['176', 'Emirates'],
  ['147', 'Royal Air Maroc'],
] as const;
const BANKS = ['Attijariwafa Bank', 'Banque Populaire', 'BMCE Bank of Africa', 'CIH Bank'];

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function writeKcsGraphFiles(
  trainCsv: string,
  dir: string,
  options: { copies: number; every: number },
): KcsGraphFiles {
  const random = mulberry32(20261207);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const between = (a: number, b: number) => a + random() * (b - a);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(trainCsv, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data.filter((_, i) => i % options.every === 0);
  const fields = parsed.meta.fields ?? [];

  const importers = new Map<string, string>();
  for (const row of rows) {
    const day = importers.get(row['Importer ID']!);
    if (!day || row.Date! < day) importers.set(row['Importer ID']!, row.Date!);
  }
  const companies: Record<string, unknown>[] = [];
  for (const [code, day] of importers) {
    if (random() < 0.05) continue;
    const syllables = pick(SYLLABLES) + pick(SYLLABLES) + (random() < 0.5 ? pick(SYLLABLES) : '');
    const person = () => `${pick(FIRST)} ${pick(LAST)}`;
    companies.push({
      company_id: code,
      name: `${syllables[0]!.toUpperCase()}${syllables.slice(1)} ${pick(WORDS)}`,
      legal_form: pick(FORMS),
      created_on: random() < 0.05 ? addDays(day, -int(5, 60)) : addDays('2019-12-31', -int(200, 9000)),
      capital: pick([10000, 100000, 300000, 1000000]),
      address: `${int(1, 250)} ${pick(STREETS)}`,
      city: pick(CITIES),
      activity: 'general trading',
      phone: `+212 5${int(22, 39)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`,
      managers: random() < 0.3 ? `${person()};${person()}` : person(),
    });
  }

  const declarations: Record<string, string>[] = [];
  const manifests: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  let serial = 100000;
  for (let copy = 1; copy <= options.copies; copy++) {
    for (const row of rows) {
      const reference = `${row['Declaration ID']}-${copy}`;
      declarations.push({ ...row, 'Declaration ID': reference });
      const mode = row['Mode of Transport'];
      const net = Number(row['Net Mass']);
      const value = Number(row['Item Price']);
      const departure = row['Country of Departure'] || 'XX';
      if ((mode === '10' || mode === '40') && random() < 0.85) {
        const sea = mode === '10';
        const carrier = sea ? pick(SEA) : pick(AIR);
        manifests.push({
          document_number: sea ? `${carrier[0]}${departure}${serial++}` : `${carrier[0]}-${serial++}`,
          document_type: sea ? 'bill_of_lading' : 'air_waybill',
          carrier: carrier[1],
          port_of_loading: `${departure}XXX`,
          port_of_discharge: sea ? 'MACAS' : 'MACMN',
          arrival_date: addDays(row.Date!, -int(0, 5)),
          consignee_code: row['Importer ID'],
          goods_description: `HS ${row['HS6 Code']} goods`,
          packages: Math.max(1, Math.round(net / between(5, 40))),
          gross_mass_kg: Math.round(net * between(1.03, 1.25) * 10) / 10,
          containers: sea
            ? Array.from({ length: int(1, 3) }, () => `${carrier[0]}${int(1000000, 9999999)}`).join(';')
            : '',
          declaration_reference: reference,
        });
      }
      if (random() < 0.4 && value >= 13_000) {
        payments.push({
          payment_reference: `FX${row.Date!.replace(/-/g, '')}${serial++}`,
          importer_code: row['Importer ID'],
          paid_on: addDays(row.Date!, int(-30, 10)),
          amount: Math.round((value / 1300) * between(0.97, 1.03) * 100) / 100,
          currency: 'USD',
          beneficiary_name: row['Seller ID'] ? `Seller ${row['Seller ID']} Ltd` : '',
          beneficiary_country: departure,
          bank: pick(BANKS),
          declaration_reference: reference,
        });
      }
    }
  }
  const write = (file: string, data: Record<string, unknown>[], columns?: string[]) => {
    const path = join(dir, file);
    writeFileSync(path, `${Papa.unparse(data, columns ? { columns } : {})}\n`);
    return path;
  };
  return {
    declarations: write('kcs-declarations.csv', declarations, fields),
    companies: write('kcs-companies.csv', companies),
    manifests: write('kcs-manifests.csv', manifests),
    payments: write('kcs-payments.csv', payments),
    counts: {
      declarations: declarations.length,
      companies: companies.length,
      manifests: manifests.length,
      payments: payments.length,
    },
  };
}
