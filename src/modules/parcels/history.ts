/**
 * Generated past parcels with inspection outcomes (docs/decisions/0048-parcel-model.md), for the demo, the tests
 * and the bench: a parcel model needs outcomes to learn from and the demo's week has none. Seeded: the same
 * options give the same file. The parcels are ordinary advance data in the native layout (imported through the
 * ordinary import); a share of them is inspected, and whether the examiner found fraud is drawn from what the parcel
 * looks like — never from a label planted beforehand:
 * - sport shoes and handbags from the Putian and Guangzhou replica shops, cheap per article: counterfeit, often;
 * - slimming capsules and whitening creams from the "beauty-direct" platform: health risk, often;
 * - heavy express parcels declared at less than 8 EUR per kg: under-valuation, sometimes;
 * - anything else: fraud rarely (2 %).
 */
import { mulberry32 } from '../../platform/lib/random.ts';
import type { ParcelFraudType, ParcelInspectionResult } from './model.ts';

export const NATIVE_PARCEL_HEADER =
  'consignment_number,carrier,kind,master_manifest,sender_name,sender_address,sender_country,sender_platform,recipient_name,recipient_address,recipient_city,recipient_phone,recipient_email,description,declared_value,currency,weight_kg,hs_code,item_count,arrival_date,arrival_office';

export interface GeneratedOutcome {
  carrier: string;
  examiner: string;
  consignment_number: string;
  result: ParcelInspectionResult;
  fraud_type: ParcelFraudType | null;
  inspected_at: string;
}

export interface GeneratedHistory {
  /** The parcels, native layout with its header. */
  csv: string;
  parcels: number;
  outcomes: GeneratedOutcome[];
}

export interface HistoryOptions {
  /** First arrival day (YYYY-MM-DD) and how many days. */
  from: string;
  days: number;
  perDay: number;
  seed: number;
  /** Share of the parcels inspected (0.6 by default). */
  inspected?: number;
  /** Prefix of the consignment numbers (distinct histories do not collide). */
  prefix?: string;
}

/** Ordinary shops (names of their own: the demo week's shops have no past, so no repeat-sender reason). */
const SHOPS = [
  ['Hangzhou Daily Goods', 'CN', 'aliexpress.com'],
  ['Ningbo Smart Living', 'CN', 'temu.com'],
  ['Foshan Style House', 'CN', 'shein.com'],
  ['Bursa Tekstil Ltd', 'TR', 'trendyol.com'],
  ['Atelier du Sud', 'FR', 'cdiscount.com'],
  ['Mercado Luz', 'ES', 'amazon.es'],
  ['Lakeside Goods Co', 'US', 'ebay.com'],
  ['Busan Skin Studio', 'KR', 'yesstyle.com'],
] as const;
/** The shops of the planted patterns: replica shoes and bags, and health-risk cosmetics. */
const REPLICA = [
  ['Putian Shoes Factory', 'CN', null],
  ['Guangzhou Top Bags', 'CN', null],
] as const;
const BEAUTY = ['Beauty Direct Wholesale', 'CN', 'beauty-direct.shop'] as const;

/** description, HS, pieces, low and high price per piece (EUR-ish), weight per piece (kg). */
const GOODS = [
  ['cotton t-shirts', '610910', 3, 4, 12, 0.2],
  ['phone case', '392690', 2, 2, 8, 0.05],
  ['LED strip lights 5m', '940540', 1, 6, 20, 0.3],
  ['plush toy', '950300', 1, 5, 18, 0.3],
  ['wireless earphones', '851830', 1, 10, 35, 0.2],
  ['kitchen utensils set', '821599', 1, 8, 28, 1.2],
  ['yoga mat', '950691', 1, 10, 30, 1.5],
  ['sunglasses', '900410', 1, 6, 25, 0.1],
  ['car parts brake pads', '870830', 4, 6, 15, 1.5],
] as const;
const REPLICA_GOODS = [
  ['sport shoes', '640411', 4, 5, 15, 0.9],
  ['handbag', '420221', 2, 6, 18, 0.8],
] as const;
const BEAUTY_GOODS = [
  ['slimming capsules', '210690', 3, 3, 9, 0.1],
  ['whitening cream', '330499', 2, 4, 10, 0.15],
] as const;
const COURIERS = ['DHL', 'FEDEX', 'UPS', 'ARAMEX'] as const;
const POSTAL = ['CNPOST', 'PTT', 'LAPOSTE', 'CORREOS', 'USPS', 'KPOST'] as const;
const OFFICES = ['301', '302', '303', '304'] as const;
const CITIES = ['Casablanca', 'Rabat', 'Marrakech', 'Tanger'] as const;
/** Who inspected at each office (the demo's examiners). */
const EXAMINERS = ['n.chraibi', 'officer', 'y.benali', 'k.amrani'] as const;

const DAY = 86_400_000;

export function generatedParcelHistory(options: HistoryOptions): GeneratedHistory {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const inspectedShare = options.inspected ?? 0.6;
  const prefix = options.prefix ?? 'H';
  const lines = [NATIVE_PARCEL_HEADER];
  const outcomes: GeneratedOutcome[] = [];
  const first = Date.parse(`${options.from}T00:00:00Z`);
  let n = 0;
  for (let d = 0; d < options.days; d++) {
    const arrival = new Date(first + d * DAY).toISOString().slice(0, 10);
    for (let k = 0; k < options.perDay; k++, n++) {
      const roll = random();
      const pattern = roll < 0.06 ? 'replica' : roll < 0.1 ? 'beauty' : 'plain';
      const [sender, country, platform] =
        pattern === 'replica' ? pick(REPLICA) : pattern === 'beauty' ? BEAUTY : pick(SHOPS);
      const [what, hs, pieces, low, high, kg] =
        pattern === 'replica' ? pick(REPLICA_GOODS) : pattern === 'beauty' ? pick(BEAUTY_GOODS) : pick(GOODS);
      const express = random() < 0.5;
      const carrier = express ? pick(COURIERS) : pick(POSTAL);
      const count = pieces * (1 + Math.floor(random() * 3));
      const perPiece = low + random() * (high - low);
      const value = Math.round(perPiece * count * 100) / 100;
      // Some express parcels are heavier than their goods: a declared value far below what such weight carries.
      const heavy = express && random() < 0.08;
      const weight = Math.round(kg * count * (heavy ? 6 + random() * 6 : 0.8 + random() * 0.4) * 100) / 100;
      const number = `${prefix}${String(n).padStart(8, '0')}`;
      const office = pick(OFFICES);
      lines.push(
        [
          number,
          carrier,
          express ? 'express' : 'postal',
          '',
          sender,
          '',
          country,
          platform ?? '',
          `Recipient ${n % 997}`,
          `${1 + (n % 150)} rue ${n % 37}`,
          CITIES[OFFICES.indexOf(office)],
          `+2126${String(10_000_000 + ((n * 7_919) % 89_999_999)).padStart(8, '0')}`,
          '',
          what,
          value.toFixed(2),
          'EUR',
          String(weight),
          random() < 0.7 ? hs : '',
          String(count),
          arrival,
          office,
        ].join(','),
      );
      if (random() >= inspectedShare) continue;
      let fraud: ParcelFraudType | null = null;
      const draw = random();
      if (pattern === 'replica' && perPiece < 12 && draw < 0.75) fraud = 'counterfeit';
      else if (pattern === 'beauty' && draw < 0.6) fraud = 'health_risk';
      else if (heavy && value / weight < 8 && draw < 0.5) fraud = 'undervaluation';
      else if (draw < 0.02) fraud = 'other';
      const notFound = !fraud && random() < 0.02;
      outcomes.push({
        carrier,
        examiner: EXAMINERS[OFFICES.indexOf(office)]!,
        consignment_number: number,
        result: fraud ? 'fraud' : notFound ? 'not_found' : 'compliant',
        fraud_type: fraud,
        inspected_at: new Date(first + d * DAY + DAY + Math.floor(random() * 8) * 3_600_000).toISOString(),
      });
    }
  }
  return { csv: `${lines.join('\n')}\n`, parcels: n, outcomes };
}
