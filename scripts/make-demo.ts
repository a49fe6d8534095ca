/**
 * Builds the demo data shipped in demo/: a sample of the KCS declarations (every 12th row of train.csv, so the
 * whole of 2020 is covered) and partner files consistent with it — company register, manifests, foreign-exchange
 * payments, trademarks — with a few planted anomalies for the cross-checks to find. Deterministic (seeded).
 *
 *   node bin/run-ts.js scripts/make-demo.ts [../shared/data/customs-declarations/train.csv]
 *
 * Names, phones and addresses are invented; no real person or company is meant.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? resolve(root, '..', 'shared', 'data', 'customs-declarations', 'train.csv');
const out = join(root, 'demo');

let seed = 20260423;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (a: number, b: number) => a + random() * (b - a);
const int = (a: number, b: number) => Math.floor(between(a, b + 1));

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const parsed = Papa.parse<Record<string, string>>(readFileSync(source, 'utf8'), {
  header: true,
  skipEmptyLines: true,
});
const all = parsed.data;
const sample = all.filter((_, i) => i % 12 === 0);
writeFileSync(join(out, 'kcs-sample.csv'), `${Papa.unparse(sample, { columns: parsed.meta.fields })}\n`);
copyFileSync(join(dirname(source), 'LICENSE'), join(out, 'LICENSE-KCS'));

const CITIES = [
  'Casablanca',
  'Tanger',
  'Rabat',
  'Marrakech',
  'Agadir',
  'Fès',
  'Kénitra',
  'Oujda',
  'Nador',
  'Mohammedia',
  'Meknès',
  'Tétouan',
];
const FORMS = ['SARL', 'SARL', 'SARL AU', 'SA', 'SNC'];
const SYLLABLES = [
  'at',
  'las',
  'nor',
  'med',
  'sa',
  'har',
  'ka',
  'ri',
  'tan',
  'bel',
  'zi',
  'mo',
  'ra',
  'dar',
  'al',
  'ou',
];
const WORDS = [
  'Import',
  'Trading',
  'Distribution',
  'Négoce',
  'Commerce',
  'Import Export',
  'Services',
  'Industries',
];
const FIRST = [
  'Youssef',
  'Fatima',
  'Karim',
  'Salma',
  'Omar',
  'Nadia',
  'Hicham',
  'Imane',
  'Rachid',
  'Leila',
  'Mehdi',
  'Sara',
];
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
const STREETS = [
  'Bd Mohammed V',
  'Rue Ibn Batouta',
  'Zone industrielle',
  'Bd Zerktouni',
  'Rue Allal Ben Abdellah',
  'Route de Rabat',
];
const ACTIVITY_BY_CHAPTER: Record<string, string> = {
  '39': 'plastics and articles thereof',
  '61': 'clothing and textiles',
  '62': 'clothing and textiles',
  '64': 'footwear',
  '84': 'machinery and parts',
  '85': 'electrical equipment',
  '94': 'furniture',
  '95': 'toys and games',
  '30': 'pharmaceutical products',
  '33': 'cosmetics',
};
const name = () => {
  const n = pick(SYLLABLES) + pick(SYLLABLES) + (random() < 0.5 ? pick(SYLLABLES) : '');
  return `${n[0]!.toUpperCase()}${n.slice(1)} ${pick(WORDS)}`;
};
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const phone = () => `+212 5${int(22, 39)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`;

// Company register: one entry per importer of the sample, except ~5 % left out (unregistered importers), and
// ~5 % registered shortly before their first declaration (new companies importing at once).
const firstSeen = new Map<string, { day: string; hs: string }>();
for (const row of sample) {
  const importer = row['Importer ID']!;
  const prior = firstSeen.get(importer);
  if (!prior || row.Date! < prior.day) firstSeen.set(importer, { day: row.Date!, hs: row['HS6 Code']! });
}
const companies: Record<string, string | number>[] = [];
/** A register entry for an importer first seen on `day` importing `hs`; ~5 % unregistered, ~5 % recent. */
function register(importer: string, day: string, hs: string): void {
  if (random() < 0.05) return;
  const recent = random() < 0.05;
  const created = recent ? addDays(day, -int(5, 60)) : addDays('2019-12-31', -int(200, 9000));
  companies.push({
    company_id: importer,
    name: name(),
    legal_form: pick(FORMS),
    created_on: created,
    capital: pick([10000, 100000, 100000, 300000, 1000000, 5000000]),
    address: `${int(1, 250)} ${pick(STREETS)}`,
    city: pick(CITIES),
    activity: ACTIVITY_BY_CHAPTER[hs.slice(0, 2)] ?? 'general trading',
    phone: phone(),
    managers: random() < 0.3 ? `${person()};${person()}` : person(),
  });
}
for (const [importer, { day, hs }] of firstSeen) register(importer, day, hs);

const CARRIERS_SEA = [
  ['MSCU', 'MSC'],
  ['MAEU', 'Maersk'],
  ['CMAU', 'CMA CGM'],
  ['COSU', 'COSCO'],
] as const;
const AIRLINES = [
  ['157', 'Qatar Airways'],
  ['176', 'Emirates'],
  ['147', 'Royal Air Maroc'],
  ['057', 'Air France'],
] as const;
const PORTS: Record<string, string> = {
  CN: 'CNSHA',
  JP: 'JPTYO',
  US: 'USLAX',
  DE: 'DEHAM',
  VN: 'VNSGN',
  KR: 'KRPUS',
};
const manifests: Record<string, string | number | null>[] = [];
const payments: Record<string, string | number | null>[] = [];
let serial = 100000;
/** Manifests and payments for some declarations, with a few planted anomalies. */
function partnerRows(
  rows: Record<string, string>[],
  manifests: Record<string, unknown>[],
  payments: Record<string, unknown>[],
) {
  for (const row of rows) {
    const mode = row['Mode of Transport'];
    const net = Number(row['Net Mass']);
    const value = Number(row['Item Price']);
    const departure = row['Country of Departure']!;
    if ((mode === '10' || mode === '40') && random() < 0.85) {
      const sea = mode === '10';
      const anomaly = random() < 0.03;
      const gross = net * (anomaly ? between(3, 10) : between(1.03, 1.25));
      const carrier = sea ? pick(CARRIERS_SEA) : pick(AIRLINES);
      const containers = sea
        ? Array.from({ length: int(1, 3) }, () => `${carrier[0]}${String(int(1000000, 9999999))}`).join(';')
        : null;
      manifests.push({
        document_number: sea
          ? `${carrier[0]}${departure}${serial++}`
          : `${carrier[0]}-${int(10000000, 99999999)}`,
        document_type: sea ? 'bill_of_lading' : 'air_waybill',
        carrier: carrier[1],
        vessel_or_flight: sea
          ? `${pick(['MSC', 'MAERSK', 'CMA CGM', 'COSCO'])} ${pick(['AURORA', 'ORION', 'ATLAS', 'NOVA'])} ${int(100, 999)}`
          : `${carrier[1].slice(0, 2).toUpperCase()}${int(100, 999)}`,
        port_of_loading: PORTS[departure] ?? `${departure}XXX`,
        port_of_discharge: sea ? 'MACAS' : 'MACMN',
        arrival_date: addDays(row.Date!, -int(0, 5)),
        consignee_code: row['Importer ID']!,
        consignee_name: null,
        goods_description: `HS ${row['HS6 Code']} goods`,
        packages: Math.max(1, Math.round(net / between(5, 40))),
        gross_mass_kg: Math.round(gross * 10) / 10,
        containers,
        declaration_reference: row['Declaration ID']!,
      });
    }
    if (random() < 0.4 && value >= 13_000) {
      const anomaly = random() < 0.03;
      // Item Price is in KRW; payments go out in USD at 1,300 KRW for 1 USD (the rate used throughout the demo).
      const usd = (value / 1300) * (anomaly ? between(2, 5) : between(0.97, 1.03));
      payments.push({
        payment_reference: `FX${row.Date!.replace(/-/g, '')}${serial++}`,
        importer_code: row['Importer ID']!,
        paid_on: addDays(row.Date!, int(-30, 10)),
        amount: Math.round(usd * 100) / 100,
        currency: 'USD',
        beneficiary_name: row['Seller ID'] ? `Seller ${row['Seller ID']} Ltd` : null,
        beneficiary_country: departure,
        bank: pick([
          'Attijariwafa Bank',
          'Banque Populaire',
          'BMCE Bank of Africa',
          'Société Générale Maroc',
          'CIH Bank',
        ]),
        declaration_reference: row['Declaration ID']!,
      });
    }
  }
}
partnerRows(sample, manifests, payments);
// Consignments manifested but never declared.
const importers = [...firstSeen.keys()];
for (let i = 0; i < 40; i++) {
  const day = addDays('2020-01-15', int(0, 330));
  manifests.push({
    document_number: `MSCUCN${serial++}`,
    document_type: 'bill_of_lading',
    carrier: 'MSC',
    vessel_or_flight: `MSC NOVA ${int(100, 999)}`,
    port_of_loading: 'CNSHA',
    port_of_discharge: 'MACAS',
    arrival_date: day,
    consignee_code: pick(importers),
    consignee_name: null,
    goods_description: pick(['sport shoes', 'handbags', 'watches', 'cosmetics', 'phone accessories']),
    packages: int(20, 400),
    gross_mass_kg: int(500, 12000),
    containers: `MSCU${int(1000000, 9999999)}`,
    declaration_reference: null,
  });
}

const TRADEMARKS: [string, string, string, string][] = [
  ['Nike', 'Nike Innovate C.V.', 'US', '25;28'],
  ['Adidas', 'adidas AG', 'DE', '25;28'],
  ['Puma', 'PUMA SE', 'DE', '25'],
  ['Louis Vuitton', 'Louis Vuitton Malletier', 'FR', '18;25'],
  ['Gucci', 'Gucci Shops Inc.', 'IT', '18;25'],
  ['Chanel', 'Chanel SARL', 'CH', '3;25'],
  ['Dior', 'Christian Dior Couture', 'FR', '3;18;25'],
  ['Hermès', 'Hermès International', 'FR', '18;25'],
  ['Rolex', 'Rolex SA', 'CH', '14'],
  ['Omega', 'Omega SA', 'CH', '14'],
  ['Cartier', 'Cartier International AG', 'CH', '14'],
  ['Ray-Ban', 'Luxottica Group S.p.A.', 'IT', '9'],
  ['Lacoste', 'Lacoste SA', 'FR', '25'],
  ['Apple', 'Apple Inc.', 'US', '9'],
  ['Samsung', 'Samsung Electronics Co.', 'KR', '9'],
  ['Dyson', 'Dyson Technology Ltd', 'GB', '7;11'],
  ['Pandora', 'Pandora A/S', 'DK', '14'],
  ['Balenciaga', 'Balenciaga SA', 'FR', '18;25'],
  ['Michael Kors', 'Michael Kors (Switzerland) International GmbH', 'CH', '18'],
  ['Zara', 'Industria de Diseño Textil SA', 'ES', '25'],
];
const trademarks = TRADEMARKS.map(([brand, owner, country, classes], i) => ({
  brand,
  owner,
  registration_number: `OMPIC-${160000 + i * 37}`,
  owner_country: country,
  nice_classes: classes,
  registered_on: addDays('2005-01-01', i * 173),
  expires_on: addDays('2025-01-01', i * 173),
}));

const write = (file: string, rows: Record<string, unknown>[]) =>
  writeFileSync(join(out, file), `${Papa.unparse(rows)}\n`);
write('companies.csv', companies);
write('manifests.csv', manifests);
write('payments.csv', payments);
write('trademarks.csv', trademarks);
console.log(
  `demo: ${sample.length} declarations, ${companies.length} companies, ${manifests.length} manifests, ${payments.length} payments, ${trademarks.length} trademarks`,
);

// Arrivals: the declarations of the first working week of 2021 (from valid.csv beside train.csv), not yet
// controlled — what the selection runs on in the demo. Their labels are left out (nobody knows them yet); their
// partner rows follow, drawn after everything above so that the files above do not change.
const validPath = join(dirname(source), 'valid.csv');
const valid = Papa.parse<Record<string, string>>(readFileSync(validPath, 'utf8'), {
  header: true,
  skipEmptyLines: true,
});
const ARRIVAL_DAYS = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08'];
const arrivals = valid.data.filter((r) => ARRIVAL_DAYS.includes(r.Date!));
const unlabelled = (valid.meta.fields ?? []).filter((f) => f !== 'Fraud' && f !== 'Critical Fraud');
writeFileSync(join(out, 'arrivals.csv'), `${Papa.unparse(arrivals, { columns: unlabelled })}\n`);
const companiesBefore = companies.length;
for (const row of arrivals) {
  const importer = row['Importer ID']!;
  if (firstSeen.has(importer)) continue;
  firstSeen.set(importer, { day: row.Date!, hs: row['HS6 Code']! });
  register(importer, row.Date!, row['HS6 Code']!);
}
const arrivalManifests: Record<string, unknown>[] = [];
const arrivalPayments: Record<string, unknown>[] = [];
partnerRows(arrivals, arrivalManifests, arrivalPayments);
write('arrivals-companies.csv', companies.slice(companiesBefore));
write('arrivals-manifests.csv', arrivalManifests);
write('arrivals-payments.csv', arrivalPayments);
console.log(
  `arrivals: ${arrivals.length} declarations (${ARRIVAL_DAYS[0]}..${ARRIVAL_DAYS.at(-1)}), ${companies.length - companiesBefore} companies, ${arrivalManifests.length} manifests, ${arrivalPayments.length} payments`,
);
