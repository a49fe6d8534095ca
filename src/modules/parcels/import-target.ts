/**
 * The `parcels` import target: item-level advance data of postal and express consignments (`vigie import parcels
 * FILE [--profile native|itmatt]`), one row per parcel, through the platform's ingest (mapping profiles under
 * profiles/parcels/, located errors, all or nothing by default). A parcel is keyed by its carrier and consignment
 * number: importing it again with the same content leaves it as it is, with other content updates it (and drops
 * its score, which was of the old data); the same key twice in one file is refused with both lines. The declared
 * value is converted to euros with the risk module's exchange-rate table at import; a currency without a rate is
 * refused under its field.
 */
import { type Insertable, sql } from 'kysely';
import { z } from 'zod';
import { type FieldCatalog, slotsOf, zAmount, zCode, zText } from '../../platform/ingest/fields.ts';
import { showValue } from '../../platform/ingest/problems.ts';
import type { ImportTarget, RowIssue } from '../../platform/ingest/target.ts';
import { fingerprint } from '../../platform/lib/hash.ts';
import { normalizePhone } from '../osint/index.ts';
import { convert, getFxRates } from '../risk/index.ts';
import { addressKey, senderKey } from './keys.ts';
import { PARCEL_KINDS, type ParcelRow } from './model.ts';
import type { ParcelsTable } from './tables.ts';

export const parcelCatalog = {
  consignment_number: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description:
      'Consignment or tracking number (a UPU S10 item identifier for postal items, e.g. RR123456785CN).',
    example: 'RR123456785CN',
  },
  carrier: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: 'Postal operator or express carrier (upper-cased): with the number, the key of the parcel.',
    example: 'DHL',
  },
  kind: { type: 'enum', required: true, values: PARCEL_KINDS, description: 'postal or express.' },
  master_manifest: {
    type: 'text',
    schema: zCode(64),
    description: 'Master manifest (air waybill, dispatch) the parcel travels under.',
  },
  sender_name: { type: 'text', required: true, schema: zText(300).min(1), description: 'Sender name.' },
  sender_address: { type: 'text', schema: zText(500), description: 'Sender address.' },
  sender_country: { type: 'country', required: true, description: 'Sender country (ISO 3166 alpha-2).' },
  sender_platform: {
    type: 'text',
    schema: zText(200),
    description: 'Online shop or marketplace the goods were ordered on.',
  },
  recipient_name: { type: 'text', required: true, schema: zText(300).min(1), description: 'Recipient name.' },
  recipient_address: { type: 'text', schema: zText(500), description: 'Recipient address.' },
  recipient_city: { type: 'text', schema: zText(100), description: 'Recipient city.' },
  recipient_phone: {
    type: 'text',
    schema: zText(40),
    description: 'Recipient phone, any usual format (stored in E.164, Morocco by default).',
    example: '06 12 34 56 78',
  },
  recipient_email: {
    type: 'text',
    schema: z
      .string()
      .max(200, 'expected at most 200 characters')
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'expected an e-mail address like name@example.ma'),
    description: 'Recipient e-mail.',
  },
  description: {
    type: 'text',
    required: true,
    schema: zText(1000).min(1),
    description: 'Goods description as declared (free text).',
  },
  declared_value: { type: 'number', required: true, schema: zAmount, description: 'Declared value.' },
  currency: { type: 'currency', required: true, description: 'Currency of the declared value (ISO 4217).' },
  weight_kg: { type: 'number', schema: zAmount, description: 'Gross weight in kilograms.' },
  hs_code: {
    type: 'hs',
    schema: z.string().regex(/^\d{4,10}$/, 'expected an HS code of 4 to 10 digits'),
    description: 'HS code, when the sender gave one.',
  },
  item_count: {
    type: 'integer',
    schema: z.number().int().min(1, 'expected at least 1').max(100_000, 'expected at most 100000'),
    description: 'Number of articles in the parcel (1 by default).',
  },
  arrival_date: { type: 'date', required: true, description: 'Expected (or actual) date of arrival.' },
  arrival_office: {
    type: 'text',
    required: true,
    schema: zCode(16),
    description: 'Customs office of arrival.',
  },
} satisfies FieldCatalog;

const SLOTS = Object.entries(slotsOf(parcelCatalog)) as [keyof ParcelRow, number][];

const keyOf = (row: Record<string, unknown>) =>
  typeof row.carrier === 'string' && row.carrier && typeof row.consignment_number === 'string'
    ? `${row.carrier}/${row.consignment_number}`
    : undefined;

export const parcelsTarget: ImportTarget<ParcelRow> = {
  name: 'parcels',
  unit: 'parcel',
  catalog: parcelCatalog,
  build(values, _extras, problems) {
    const row: Record<string, unknown> = {};
    for (const [field, slot] of SLOTS) row[field] = values[slot] ?? null;
    const out = row as unknown as ParcelRow;
    if (typeof out.carrier === 'string') out.carrier = out.carrier.trim().toUpperCase();
    if (typeof out.consignment_number === 'string')
      out.consignment_number = out.consignment_number.trim().toUpperCase();
    if (out.recipient_email) out.recipient_email = out.recipient_email.trim().toLowerCase();
    out.item_count ??= 1;
    if (out.recipient_phone) {
      const e164 = normalizePhone(out.recipient_phone);
      if (e164) out.recipient_phone = e164;
      else
        problems.push({
          field: 'recipient_phone',
          message: `expected a phone number (international +CC… or Moroccan 0X XX XX XX XX), got ${showValue(out.recipient_phone)}`,
        });
    }
    return out;
  },
  grouping: 'unique',
  groupKey: keyOf,
  tables: ['parcels'],
  createWriter(session, context) {
    const counts = { parcels_inserted: 0, parcels_updated: 0, parcels_unchanged: 0 };
    let rates: Awaited<ReturnType<typeof getFxRates>> | undefined;
    return {
      async write(groups) {
        rates ??= await getFxRates(session.db);
        const refused: { group: (typeof groups)[number]; issues: RowIssue[] }[] = [];
        const values: Insertable<ParcelsTable>[] = [];
        for (const group of groups) {
          const source = group.rows[0]!;
          const p = source.row!;
          const eur = convert(p.declared_value, p.currency, 'EUR', rates);
          if (eur === null) {
            refused.push({
              group,
              issues: [
                {
                  record: source.record,
                  field: 'currency',
                  code: 'parcel.no_rate',
                  message: `no exchange rate for ${p.currency} (known: ${[...rates.keys()].sort().join(', ')}; an analyst sets one with PUT /api/risk/fx-rates/${p.currency})`,
                },
              ],
            });
            continue;
          }
          values.push({
            ...p,
            sender_key: senderKey(p.sender_name, p.sender_country),
            recipient_address_key: addressKey(p.recipient_address, p.recipient_city),
            value_eur: Math.round(eur * 100) / 100,
            content_hash: fingerprint(JSON.stringify(p)),
            import_id: context.importId,
          });
        }
        if (!values.length) return refused;
        const written = await session.db
          .insertInto('parcels')
          .values(values)
          .onConflict((oc) =>
            oc
              .columns(['carrier', 'consignment_number'])
              .doUpdateSet((eb) => {
                const set: Record<string, unknown> = { updated_at: sql`now()` };
                for (const column of Object.keys(values[0]!))
                  if (column !== 'carrier' && column !== 'consignment_number')
                    set[column] = eb.ref(`excluded.${column}` as 'excluded.description');
                return set;
              })
              .where(sql<boolean>`parcels.content_hash is distinct from excluded.content_hash`),
          )
          .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
          .execute();
        const updated = written.filter((w) => !w.inserted).map((w) => Number(w.id));
        counts.parcels_inserted += written.length - updated.length;
        counts.parcels_updated += updated.length;
        counts.parcels_unchanged += values.length - written.length;
        // A score was of the data it read: a changed parcel waits for the next scoring.
        if (updated.length)
          await session.db.deleteFrom('parcel_scores').where('parcel_id', 'in', updated).execute();
        return refused;
      },
      async finish() {
        return counts;
      },
    };
  },
};
