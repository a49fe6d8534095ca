/**
 * Stored declarations read back as lines with their database identifiers: the shape risk scoring works on, loaded
 * set-based (one query for a whole period or office-day).
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Channel, DeclarationLine, OutcomeResult } from './types.ts';

/** A stored line: a `DeclarationLine` with its item's and declaration's identifiers. */
export interface StoredLine extends DeclarationLine {
  item_id: number;
  declaration_id: number;
}

export interface StoredLineFilter {
  from?: string | undefined;
  to?: string | undefined;
  office?: string | undefined;
  offices?: readonly string[] | undefined;
  references?: readonly string[] | undefined;
  declarationIds?: readonly number[] | undefined;
  /** Attach each item's latest outcome (back-tests); scoring for decisions leaves it out. */
  withOutcomes?: boolean;
}

type Tuple = [
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  Record<string, string> | null,
  number,
  number,
  string,
  string | null,
  string | null,
  number | null,
  string | null,
  number | null,
  number,
  number | null,
  string | null,
  string | null,
  string | null,
  Channel | null,
  OutcomeResult | null,
  string | null,
  number | null,
  string | null,
  string | null,
];

/** Lines in (lodged_on, reference, line_no) order. */
export async function loadStoredLines(db: Kysely<DB>, filter: StoredLineFilter): Promise<StoredLine[]> {
  const where = [sql`true`];
  if (filter.from) where.push(sql`d.lodged_on >= ${filter.from}::date`);
  if (filter.to) where.push(sql`d.lodged_on <= ${filter.to}::date`);
  if (filter.office) where.push(sql`d.office_code = ${filter.office}`);
  if (filter.offices) where.push(sql`d.office_code = any(${[...filter.offices]}::text[])`);
  if (filter.references) where.push(sql`d.reference = any(${[...filter.references]}::text[])`);
  if (filter.declarationIds) where.push(sql`d.id = any(${[...filter.declarationIds]}::bigint[])`);
  const outcome = filter.withOutcomes
    ? sql`left join lateral (
        select o.inspected_on, o.channel, o.result, o.fraud_type, o.recovered_amount, o.officer, o.note
        from inspection_outcomes o where o.item_id = i.id order by o.id desc limit 1) o on true`
    : sql`left join (select null::date as inspected_on, null::text as channel, null::text as result,
        null::text as fraud_type, null::numeric as recovered_amount, null::text as officer, null::text as note) o on true`;
  // One JSON array of arrays: wide rows cost far more to move row by row (PGlite above all) than one text to parse.
  const { rows } = await sql<{ j: string | null }>`
    select json_agg(json_build_array(
             d.id, d.reference, d.office_code, d.lodged_on, d.procedure, d.transport_mode, d.departure_country,
             d.currency, d.declarant_code, d.importer_code, imp.name, d.seller_code, sel.name, sel.country,
             d.courier_code, d.attributes, i.id, i.line_no, i.hs_code, i.description, i.origin_country, i.quantity,
             i.quantity_unit, i.net_mass_kg, i.customs_value, i.duty_rate, i.tax_type, i.origin_indicator,
             o.inspected_on, o.channel, o.result, o.fraud_type, o.recovered_amount, o.officer, o.note)
           order by d.lodged_on, d.reference, i.line_no)::text as j
    from declarations d
    join declaration_items i on i.declaration_id = d.id
    left join importers imp on imp.code = d.importer_code
    left join sellers sel on sel.code = d.seller_code
    ${outcome}
    where ${sql.join(where, sql` and `)}`.execute(db);
  const text = rows[0]?.j;
  if (!text) return [];
  return (JSON.parse(text) as Tuple[]).map(toLine);
}

const party = (code: string | null, name: string | null) => (code === null ? null : { code, name });

function toLine(t: Tuple): StoredLine {
  const [
    declarationId,
    reference,
    office,
    lodgedOn,
    procedure,
    transportMode,
    departureCountry,
    currency,
    declarantCode,
    importerCode,
    importerName,
    sellerCode,
    sellerName,
    sellerCountry,
    courierCode,
    attributes,
    itemId,
    lineNo,
    hsCode,
    description,
    originCountry,
    quantity,
    quantityUnit,
    netMass,
    customsValue,
    dutyRate,
    taxType,
    originIndicator,
    inspectedOn,
    channel,
    result,
    fraudType,
    recovered,
    officer,
    note,
  ] = t;
  return {
    item_id: itemId,
    declaration_id: declarationId,
    reference,
    office,
    lodged_on: lodgedOn,
    procedure,
    transport_mode: transportMode,
    departure_country: departureCountry,
    currency,
    declarant: party(declarantCode, null),
    importer: party(importerCode, importerName),
    seller: sellerCode ? { code: sellerCode, name: sellerName, country: sellerCountry } : null,
    courier: party(courierCode, null),
    attributes: attributes ?? {},
    item: {
      line_no: lineNo,
      hs_code: hsCode,
      description,
      origin_country: originCountry,
      quantity,
      quantity_unit: quantityUnit,
      net_mass_kg: netMass,
      customs_value: customsValue,
      duty_rate: dutyRate,
      tax_type: taxType,
      origin_indicator: originIndicator,
    },
    outcome: result
      ? {
          inspected_on: inspectedOn,
          channel,
          result,
          fraud_type: fraudType,
          recovered_amount: recovered,
          officer,
          note,
        }
      : null,
  };
}
