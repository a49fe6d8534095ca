/**
 * Declarations read back as `DeclarationLine`s (one per item, with its declaration header and its latest outcome):
 * the shape the machine-learning and risk modules take, whether the lines come from a file or from the database.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DeclarationsTable } from './tables.ts';
import type { DeclarationLine, ItemData, OutcomeData } from './types.ts';

export interface LineFilters {
  /** Lodged on or after (YYYY-MM-DD). */
  from?: string | undefined;
  /** Lodged on or before. */
  to?: string | undefined;
  /** Only items with an outcome. */
  labelledOnly?: boolean | undefined;
  references?: readonly string[] | undefined;
}

/** A line as the query returns it: header and party columns, the item's data, its latest outcome. */
interface Row
  extends ItemData,
    Pick<
      DeclarationsTable,
      | 'reference'
      | 'office_code'
      | 'lodged_on'
      | 'procedure'
      | 'transport_mode'
      | 'departure_country'
      | 'currency'
      | 'declarant_code'
      | 'importer_code'
      | 'seller_code'
      | 'courier_code'
    > {
  declarant_name: string | null;
  importer_name: string | null;
  seller_name: string | null;
  seller_country: string | null;
  courier_name: string | null;
  attributes: Record<string, string>;
  inspected_on: string | null;
  channel: OutcomeData['channel'];
  result: OutcomeData['result'] | null;
  fraud_type: string | null;
  recovered_amount: number | null;
  officer: string | null;
  note: string | null;
}

function toLine(r: Row): DeclarationLine {
  const party = (code: string | null, name: string | null) => (code === null ? null : { code, name });
  return {
    reference: r.reference,
    office: r.office_code,
    lodged_on: r.lodged_on,
    procedure: r.procedure,
    transport_mode: r.transport_mode,
    departure_country: r.departure_country,
    currency: r.currency,
    declarant: party(r.declarant_code, r.declarant_name),
    importer: party(r.importer_code, r.importer_name),
    seller:
      r.seller_code === null ? null : { code: r.seller_code, name: r.seller_name, country: r.seller_country },
    courier: party(r.courier_code, r.courier_name),
    attributes: r.attributes ?? {},
    item: {
      line_no: r.line_no,
      hs_code: r.hs_code,
      description: r.description,
      origin_country: r.origin_country,
      quantity: r.quantity,
      quantity_unit: r.quantity_unit,
      net_mass_kg: r.net_mass_kg,
      customs_value: r.customs_value,
      duty_rate: r.duty_rate,
      tax_type: r.tax_type,
      origin_indicator: r.origin_indicator,
    },
    outcome:
      r.result === null
        ? null
        : {
            inspected_on: r.inspected_on,
            channel: r.channel,
            result: r.result,
            fraud_type: r.fraud_type,
            recovered_amount: r.recovered_amount,
            officer: r.officer,
            note: r.note,
          },
  };
}

/** Lines in lodgement order (then reference, line number). */
export async function loadLines(db: Kysely<DB>, filters: LineFilters = {}): Promise<DeclarationLine[]> {
  const { rows } = await sql<Row>`
    select d.reference, d.office_code, d.lodged_on, d.procedure, d.transport_mode, d.departure_country, d.currency,
      d.declarant_code, dec.name as declarant_name, d.importer_code, imp.name as importer_name,
      d.seller_code, sel.name as seller_name, sel.country as seller_country, d.courier_code, cou.name as courier_name,
      d.attributes, i.line_no, i.hs_code, i.description, i.origin_country, i.quantity, i.quantity_unit, i.net_mass_kg,
      i.customs_value, i.duty_rate, i.tax_type, i.origin_indicator,
      o.inspected_on, o.channel, o.result, o.fraud_type, o.recovered_amount, o.officer, o.note
    from declarations d
    join declaration_items i on i.declaration_id = d.id
    left join declarants dec on dec.code = d.declarant_code
    left join importers imp on imp.code = d.importer_code
    left join sellers sel on sel.code = d.seller_code
    left join couriers cou on cou.code = d.courier_code
    left join lateral (
      select inspected_on, channel, result, fraud_type, recovered_amount, officer, note
      from inspection_outcomes where item_id = i.id order by id desc limit 1
    ) o on true
    where true
      ${filters.from ? sql`and d.lodged_on >= ${filters.from}` : sql``}
      ${filters.to ? sql`and d.lodged_on <= ${filters.to}` : sql``}
      ${filters.labelledOnly ? sql`and o.result is not null` : sql``}
      ${filters.references ? sql`and d.reference = any(${[...filters.references]}::text[])` : sql``}
    order by d.lodged_on, d.reference, i.line_no`.execute(db);
  return rows.map(toLine);
}
