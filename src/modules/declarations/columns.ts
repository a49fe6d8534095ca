/**
 * The columns of a declaration header, an item and an outcome, in the order the writer sends them with COPY: the read
 * models publish the same lists (every column but the header's content fingerprint, which is the writer's own).
 */
export const DECLARATION_COLUMNS = [
  'id',
  'reference',
  'office_code',
  'lodged_on',
  'procedure',
  'transport_mode',
  'departure_country',
  'currency',
  'declarant_code',
  'importer_code',
  'seller_code',
  'courier_code',
  'attributes',
  'item_count',
  'total_value',
  'import_id',
] as const;

/** An item's own data, in the order of `ItemData`. */
export const ITEM_DATA_COLUMNS = [
  'line_no',
  'hs_code',
  'description',
  'origin_country',
  'quantity',
  'quantity_unit',
  'net_mass_kg',
  'customs_value',
  'duty_rate',
  'tax_type',
  'origin_indicator',
] as const;

export const ITEM_COLUMNS = ['id', 'declaration_id', ...ITEM_DATA_COLUMNS] as const;

/** What an import writes of an outcome; the database adds `id` and `recorded_at`. */
export const OUTCOME_COLUMNS = [
  'item_id',
  'inspected_on',
  'channel',
  'result',
  'fraud_type',
  'recovered_amount',
  'officer',
  'note',
  'source',
  'import_id',
] as const;
