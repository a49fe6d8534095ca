/**
 * What parcel inspections found, for the risk engine's rule language (registered by the composition root, as the
 * graph's indicator is): `parcels.seller_fraud_parcels`, the number of parcels of a declaration's seller
 * (consignor) found fraudulent by their examiner strictly before the declaration was lodged. A seller is matched as
 * a parcel's sender is for split orders and repeat senders (keys.ts: folded name and country; the seller's code
 * stands for its name when the declaration gives none). The outcome in force counts: a corrected outcome counts as
 * corrected. The evidence names the parcels (the five latest).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { IndicatorDefinition } from '../risk/index.ts';
import { senderKey } from './keys.ts';

interface FraudFound {
  parcel_id: number;
  parcel: string;
  fraud_type: string | null;
  /** Inspection time, milliseconds since the epoch. */
  at: number;
}

interface SellerLine {
  lodged_on: string;
  seller: { code: string; name: string | null; country: string | null } | null;
}

const keyOf = (line: SellerLine): string | null => {
  const s = line.seller;
  const name = s?.name?.trim() || s?.code?.trim();
  return s && name && s.country ? senderKey(name, s.country.toUpperCase()) : null;
};

/** The fraud outcomes in force of the parcels of these senders, oldest first, by sender. */
async function fraudBySender(db: Kysely<DB>, keys: string[]): Promise<Map<string, FraudFound[]>> {
  const out = new Map<string, FraudFound[]>();
  if (!keys.length) return out;
  const rows = await db
    .selectFrom('parcel_inspections as i')
    .innerJoin('parcels as q', 'q.id', 'i.parcel_id')
    .select(['q.sender_key', 'q.id', 'q.carrier', 'q.consignment_number', 'i.fraud_type', 'i.inspected_at'])
    .where('i.result', '=', 'fraud')
    .where('q.sender_key', 'in', keys)
    .orderBy('i.inspected_at')
    .orderBy('q.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.sender_key) ?? [];
    list.push({
      parcel_id: Number(r.id),
      parcel: `${r.carrier} ${r.consignment_number}`,
      fraud_type: r.fraud_type,
      at: new Date(r.inspected_at).getTime(),
    });
    out.set(r.sender_key, list);
  }
  return out;
}

export const sellerFraudParcelsIndicator: IndicatorDefinition = {
  name: 'parcels.seller_fraud_parcels',
  type: 'number',
  description: {
    en: "Parcels of the declaration's seller found fraudulent on inspection before it was lodged (count, with the parcels)",
    fr: 'Colis du vendeur de la déclaration trouvés en fraude au contrôle avant son dépôt (nombre, avec les colis)',
    ar: 'طرود بائع التصريح التي ثبت فيها الغش عند المراقبة قبل إيداعه (العدد، مع الطرود)',
  },
  async compute(batch) {
    const keys = [...new Set(batch.lines.map(keyOf).filter((k): k is string => k !== null))];
    const found = await batch.once('parcels.seller_fraud', () => fraudBySender(batch.db, keys));
    return batch.lines.map((line) => {
      const key = keyOf(line);
      const all = key ? found.get(key) : undefined;
      if (!all) return 0;
      // Strictly before the day it was lodged (UTC): what was known then, never what came after.
      const cutoff = Date.parse(`${String(line.lodged_on).slice(0, 10)}T00:00:00Z`);
      const before = all.filter((f) => f.at < cutoff);
      if (!before.length) return 0;
      return {
        value: before.length,
        evidence: {
          parcels: before.slice(-5).map((f) => ({
            id: f.parcel_id,
            parcel: f.parcel,
            fraud_type: f.fraud_type,
            inspected_on: new Date(f.at).toISOString().slice(0, 10),
          })),
        },
      };
    });
  },
};
