/**
 * The demo's e-commerce parcels (docs/decisions/0021-parcels.md): a generated but realistic week of advance data
 * (2 to 8 November 2026, a few hundred parcels, the same every time: a seeded generator) — postal items in the
 * WCO/UPU ITMATT layout from postal operators, express consignments in Vigie's native layout from couriers — with
 * two planted patterns: a split order (one shop, one recipient, four parcels in two days, each under the duty-free
 * threshold, together above it) and a parcel to the phone of the planted online seller "highcopy.casa"
 * (+212612345678, demo/graph and the graph's planted network). Both files go through the ordinary import
 * (profiles, validation, audit), then the week is scored before arrival and the referred parcels are assigned to
 * the demo's examiners (the demo account `officer` is one). Before the week, five past weeks of parcels with
 * inspection outcomes (`PARCELS_DEMO_HISTORY`) train the parcel model the week is scored with (decision 0048).
 * Loading twice changes nothing: the same
 * files leave the parcels unchanged, and a week already scored is not scored again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addExaminer,
  assignParcels,
  generatedParcelHistory,
  listExaminers,
  listParcelModels,
  listParcels,
  type ParcelModelSummary,
  recordPastOutcomes,
  type ScoreParcelsSummary,
  scoreParcels,
  trainParcelModel,
} from '../../modules/parcels/index.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ImportSummary } from '../../platform/ingest/run.ts';
import { mulberry32 } from '../../platform/lib/random.ts';
import { DEMO_ACTOR, importDemoFile } from './demo.ts';

export const PARCELS_DEMO_WEEK = { from: '2026-11-02', to: '2026-11-08' };

/**
 * The five weeks before it (1,750 parcels, about 1,050 inspected): generated past parcels whose outcomes follow
 * planted patterns (parcels' history.ts), so that the demo trains and activates a parcel model.
 */
export const PARCELS_DEMO_HISTORY = { from: '2026-09-28', days: 35, perDay: 50, seed: 20260928, prefix: 'D' };

/** What the demo plants, for the workbench, the tests and `vigie parcels show`. */
export const PARCELS_DEMO_PLANTED = {
  split: {
    carrier: 'DHL',
    numbers: ['4816203951', '4816203962', '4816203973', '4816203984'],
    sender: 'Shenzhen Kuaile Fashion Store',
    recipient: 'Hicham Belkadi',
    phone: '+212677123456',
  },
  seller: { carrier: 'ARAMEX', number: '39120458817', phone: '+212612345678', seller: 'highcopy.casa' },
};

const SHOPS = [
  {
    name: 'Shenzhen Bright Trade Co',
    country: 'CN',
    platform: 'aliexpress.com',
    address: "Bao'an District, Shenzhen",
  },
  { name: 'Yiwu Happy Home Store', country: 'CN', platform: 'temu.com', address: 'Futian Market, Yiwu' },
  {
    name: 'Guangzhou Fashion Outlet',
    country: 'CN',
    platform: 'shein.com',
    address: 'Baiyun District, Guangzhou',
  },
  {
    name: 'Dongguan Gadget Factory',
    country: 'CN',
    platform: 'aliexpress.com',
    address: 'Chang’an, Dongguan',
  },
  { name: 'Istanbul Deri Ltd', country: 'TR', platform: 'trendyol.com', address: 'Laleli, Istanbul' },
  { name: 'Moda Bazaar', country: 'TR', platform: 'trendyol.com', address: 'Merter, Istanbul' },
  { name: 'Maison Lumière', country: 'FR', platform: 'cdiscount.com', address: '14 rue du Commerce, Lyon' },
  { name: 'Tienda Sol', country: 'ES', platform: 'amazon.es', address: 'Calle Mayor 3, Madrid' },
  { name: 'Brooklyn Supply Co', country: 'US', platform: 'ebay.com', address: '55 Water St, New York' },
  { name: 'Seoul Beauty Lab', country: 'KR', platform: 'yesstyle.com', address: 'Gangnam-gu, Seoul' },
] as const;

const GOODS = [
  ['phone case and screen protector', '392690', 2, 4, 15],
  ['cotton t-shirts', '610910', 3, 8, 30],
  ['women dress polyester', '620443', 1, 12, 40],
  ['LED strip lights 5m', '940540', 1, 6, 20],
  ['plush toy', '950300', 1, 5, 18],
  ['wireless earphones', '851830', 1, 10, 35],
  ['watch strap silicone', '911390', 2, 3, 10],
  ['kitchen utensils set', '821599', 1, 8, 28],
  ['face cream 50 ml', '330499', 2, 6, 25],
  ['phone charger USB-C', '850440', 1, 4, 16],
  ['leather wallet', '420231', 1, 15, 60],
  ['hair clips', '961511', 6, 2, 9],
  ['yoga mat', '950691', 1, 10, 30],
  ['sunglasses', '900410', 1, 6, 25],
  ['bicycle lights', '851210', 2, 5, 20],
] as const;

const FIRST = [
  'Yassine',
  'Fatima Zahra',
  'Salma',
  'Omar',
  'Imane',
  'Mehdi',
  'Khadija',
  'Anas',
  'Sara',
  'Hamza',
  'Zineb',
  'Ayoub',
  'Meryem',
  'Reda',
  'Nora',
  'Youssef',
  'Hajar',
  'Ilyas',
];
const LAST = [
  'Alaoui',
  'Bennani',
  'Idrissi',
  'Tazi',
  'El Fassi',
  'Berrada',
  'Chraibi',
  'Ouazzani',
  'Lahlou',
  'Benjelloun',
  'Sqalli',
  'Amrani',
  'Filali',
  'Kettani',
  'Naciri',
  'Sefrioui',
];
const STREETS = [
  'rue Al Massira',
  'avenue Hassan II',
  'boulevard Zerktouni',
  'rue Ibn Sina',
  'avenue Mohammed V',
  'rue Moulay Ismail',
  'boulevard Anfa',
  'rue de Fès',
  'avenue des FAR',
  'rue Oued Sebou',
];
const CITIES = [
  ['Casablanca', '301'],
  ['Rabat', '302'],
  ['Marrakech', '303'],
  ['Tanger', '304'],
  ['Fès', '302'],
  ['Agadir', '303'],
] as const;
const POSTAL = [
  ['CNPOST', 'CN'],
  ['PTT', 'TR'],
  ['LAPOSTE', 'FR'],
  ['CORREOS', 'ES'],
  ['USPS', 'US'],
  ['KPOST', 'KR'],
] as const;
const COURIERS = ['DHL', 'FEDEX', 'UPS', 'ARAMEX'] as const;

const NATIVE_HEADER =
  'consignment_number,carrier,kind,master_manifest,sender_name,sender_address,sender_country,sender_platform,recipient_name,recipient_address,recipient_city,recipient_phone,recipient_email,description,declared_value,currency,weight_kg,hs_code,item_count,arrival_date,arrival_office';
const ITMATT_HEADER =
  'ItemId,OrgPostOperatorCd,MailClassCd,DispatchId,SenderName,SenderAddress,SenderCountryCd,SenderShopUrl,AddresseeName,AddresseeAddress,AddresseeCity,AddresseePhone,AddresseeEmail,ContentDescription,DeclaredValue,DeclaredValueCurrencyCd,GrossWeightKg,HSTariffNr,ContentPieceCount,ExpectedArrivalDt,DestinationOfficeCd';

const csv = (values: (string | number | null)[]) =>
  values
    .map((v) => {
      const text = v === null ? '' : String(v);
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');

/** S10 check digit of a UPU item identifier (weights 8 6 4 2 3 5 9 7). */
function s10(prefix: string, serial: number, country: string): string {
  const digits = String(serial).padStart(8, '0');
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return `${prefix}${digits}${check === 10 ? 0 : check === 11 ? 5 : check}${country}`;
}

/** The two files of the demo week: postal items (ITMATT layout) and express consignments (native layout). */
export function demoParcelFiles(count = 360): { itmatt: string; native: string } {
  const random = mulberry32(20261102);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const postal: string[] = [ITMATT_HEADER];
  const express: string[] = [NATIVE_HEADER];
  for (let i = 0; i < count; i++) {
    const shop = pick(SHOPS);
    const [what, hs, pieces, low, high] = pick(GOODS);
    const [city, office] = pick(CITIES);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const address = `${1 + Math.floor(random() * 180)} ${pick(STREETS)}`;
    const phone = `06${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`;
    const email = random() < 0.4 ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.ma` : null;
    const value = Math.round((low + random() * (high - low)) * pieces * 100) / 100;
    const day = 2 + Math.floor(random() * 7);
    const weight = Math.round((0.1 + random() * 1.5) * 100) / 100;
    if (random() < 0.6) {
      const [operator, origin] = POSTAL.find(([, c]) => c === shop.country) ?? POSTAL[0];
      const currency = origin === 'FR' || origin === 'ES' ? 'EUR' : 'USD';
      postal.push(
        csv([
          s10(random() < 0.7 ? 'LX' : 'RR', 10_000_000 + i * 7919, origin),
          operator,
          random() < 0.85 ? 'C' : 'U',
          `${origin}-MA-D${String(1 + (day % 3)).padStart(4, '0')}`,
          shop.name,
          shop.address,
          shop.country,
          shop.platform,
          name,
          address,
          city,
          phone,
          email,
          what,
          value.toFixed(2),
          currency,
          weight,
          random() < 0.5 ? hs : null,
          pieces,
          `202611${String(day).padStart(2, '0')}`,
          office,
        ]),
      );
    } else {
      const carrier = pick(COURIERS);
      express.push(
        csv([
          String(3_900_000_000 + i * 104_729),
          carrier,
          'express',
          `AWB-${carrier}-${String(day).padStart(2, '0')}`,
          shop.name,
          shop.address,
          shop.country,
          shop.platform,
          name,
          address,
          city,
          phone,
          email,
          what,
          value.toFixed(2),
          'USD',
          weight,
          hs,
          pieces,
          `2026-11-${String(day).padStart(2, '0')}`,
          office,
        ]),
      );
    }
  }
  // The split order: four parcels, two days, 162 EUR together, each under 150 EUR.
  const split = PARCELS_DEMO_PLANTED.split;
  const days = [
    ['41.00', 3, 'women sneakers'],
    ['39.00', 3, 'sport jacket'],
    ['44.00', 4, 'women sneakers'],
    ['38.00', 4, 'handbag'],
  ] as const;
  days.forEach(([value, day, what], n) => {
    express.push(
      csv([
        split.numbers[n]!,
        split.carrier,
        'express',
        `AWB-DHL-0${day}`,
        split.sender,
        'Longhua District, Shenzhen',
        'CN',
        'aliexpress.com',
        split.recipient,
        '23 rue Moulay Youssef',
        'Casablanca',
        '0677 12 34 56',
        null,
        String(what),
        String(value),
        'EUR',
        0.9,
        null,
        1,
        `2026-11-0${day}`,
        '301',
      ]),
    );
  });
  const seller = PARCELS_DEMO_PLANTED.seller;
  express.push(
    csv([
      seller.number,
      seller.carrier,
      'express',
      'AWB-ARAMEX-05',
      'Putian Shoes Factory',
      'Licheng District, Putian',
      'CN',
      null,
      'Rachid Mansouri',
      '120 boulevard Ghandi',
      'Casablanca',
      '06 12 34 56 78',
      null,
      'sport shoes 12 pairs',
      '95.00',
      'USD',
      7.5,
      '640411',
      12,
      '2026-11-05',
      '301',
    ]),
  );
  return { itmatt: `${postal.join('\n')}\n`, native: `${express.join('\n')}\n` };
}

export interface DemoParcels {
  /** The demo week's two files. */
  imports: ImportSummary[];
  /** The past weeks: their file, the outcomes loaded, and the model trained and activated on them (first load). */
  history: {
    import: ImportSummary;
    outcomes: { recorded: number; frauds: number };
    model: ParcelModelSummary | null;
  };
  scoring: ScoreParcelsSummary | null;
  assignment: Awaited<ReturnType<typeof assignParcels>> | null;
}

/** The demo's examiners: the demo account `officer` among them, so that its "my inspections" is not empty. */
export const PARCELS_DEMO_EXAMINERS = [
  {
    username: 'officer',
    name: 'Demo officer',
    office: '301',
    indicators: ['split_order', 'linked_online_seller'],
    kinds: ['express'],
  },
  {
    username: 'n.chraibi',
    name: 'Nadia Chraibi',
    office: '301',
    hs_prefixes: ['33', '30', '64', '42'],
    indicators: ['goods_wording', 'undervalued_brand'],
  },
  { username: 'officer', name: 'Demo officer', office: '302', kinds: ['postal', 'express'] },
  { username: 'y.benali', name: 'Youssef Benali', office: '303', kinds: ['postal'] },
  { username: 'k.amrani', name: 'Karima Amrani', office: '304', kinds: ['postal', 'express'] },
] as const;

export async function loadDemoParcels(database: Database): Promise<DemoParcels> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-parcels-'));
  const imports: ImportSummary[] = [];
  try {
    const files = demoParcelFiles();
    for (const [profile, name, text] of [
      ['itmatt', 'parcels-week-itmatt.csv', files.itmatt],
      ['native', 'parcels-week-express.csv', files.native],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const summary = await importDemoFile(database, 'parcels', path, profile, `demo parcels ${name}`);
      imports.push(summary);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const history = await loadDemoHistory(database);
  const changed = imports.some((s) => (s.counts.parcels_inserted ?? 0) + (s.counts.parcels_updated ?? 0) > 0);
  const scored = (await listParcels(database.db, { ...PARCELS_DEMO_WEEK }, { limit: 1, offset: 0 })).items[0]
    ?.score;
  const scoring =
    changed || scored === null || scored === undefined
      ? await scoreParcels(database, DEMO_ACTOR, PARCELS_DEMO_WEEK)
      : null;
  if (!(await listExaminers(database.db)).length)
    for (const e of PARCELS_DEMO_EXAMINERS)
      await addExaminer(database, DEMO_ACTOR, {
        ...e,
        hs_prefixes: 'hs_prefixes' in e ? [...e.hs_prefixes] : [],
        kinds: 'kinds' in e ? [...e.kinds] : [],
        indicators: 'indicators' in e ? [...e.indicators] : [],
      });
  const assignment = scoring ? await assignParcels(database, DEMO_ACTOR, PARCELS_DEMO_WEEK) : null;
  return { imports, history, scoring, assignment };
}

/** The past weeks through the ordinary import, their outcomes in bulk, and a model when none is trained yet. */
async function loadDemoHistory(database: Database): Promise<DemoParcels['history']> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-parcels-history-'));
  try {
    const generated = generatedParcelHistory(PARCELS_DEMO_HISTORY);
    const path = join(dir, 'parcels-past-weeks.csv');
    writeFileSync(path, generated.csv);
    const imported = await importDemoFile(database, 'parcels', path, 'native', 'demo parcels history');
    const outcomes = await recordPastOutcomes(database, DEMO_ACTOR, generated.outcomes);
    const model = (await listParcelModels(database.db)).length
      ? null
      : await trainParcelModel(database, DEMO_ACTOR, { to: '2026-11-01', activate: true });
    return { import: imported, outcomes, model };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
