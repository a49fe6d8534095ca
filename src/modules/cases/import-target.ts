/**
 * The `seizures` import target: past seizures from a CSV (or NDJSON/JSON) export, one row per goods line; rows
 * that follow each other with the same reference are the lines of one seizure (their seizure fields must agree),
 * through the usual profiles and located errors (`vigie import seizures FILE`, `vigie seizures import FILE`). A row
 * naming a case or an operation that does not exist is refused with its line; a reference already recorded is left
 * as it is (importing the same file again changes nothing); a reference seen again further down is refused.
 */
import { z } from 'zod';
import { type FieldCatalog, zAmount, zCode, zText } from '../../platform/ingest/fields.ts';
import type { ImportTarget, RowIssue } from '../../platform/ingest/target.ts';
import { LINE_FIELDS, type LineColumns, lineColumns, writeLines } from './lines.ts';
import { DETECTION_SOURCES, GOODS_STATUSES, SEIZURE_CATEGORIES } from './model.ts';
import { type SeizureInput, seizureColumns } from './seizures.ts';

const YES = ['yes', 'no', 'true', 'false', 'oui', 'non', '1', '0'] as const;

export const seizureCatalog = {
  reference: {
    type: 'text',
    required: true,
    schema: zCode(64),
    description: 'Seizure reference: the natural key.',
  },
  seized_on: { type: 'date', required: true, description: 'Date of the seizure.' },
  office: { type: 'text', required: true, schema: zCode(16), description: 'Customs office code.' },
  case_number: {
    type: 'text',
    schema: zCode(32),
    description: 'Number of the case it belongs to (must exist).',
  },
  place: { type: 'text', schema: zText(200), description: 'Place: port, airport, road, premises.' },
  city: { type: 'text', schema: zText(100), description: 'City.' },
  latitude: {
    type: 'number',
    schema: z
      .number()
      .min(-90, 'expected a latitude from -90 to 90')
      .max(90, 'expected a latitude from -90 to 90'),
    description: 'Latitude (WGS 84).',
  },
  longitude: {
    type: 'number',
    schema: z
      .number()
      .min(-180, 'expected a longitude from -180 to 180')
      .max(180, 'expected a longitude from -180 to 180'),
    description: 'Longitude (WGS 84).',
  },
  operation_code: {
    type: 'text',
    schema: zCode(32),
    description: 'Code of the operation it counts for (must exist).',
  },
  description: {
    type: 'text',
    required: true,
    schema: zText(2000),
    description: 'Goods seized (this line).',
  },
  hs_code: {
    type: 'hs',
    schema: z.string().regex(/^\d{2,10}$/, 'expected an HS code of 2 to 10 digits'),
    description: 'HS code (chapter, heading or more).',
  },
  category: {
    type: 'enum',
    required: true,
    values: SEIZURE_CATEGORIES,
    description: 'Threat category (counterfeit goods by sector, medicines, tobacco, drugs…).',
  },
  quantity: { type: 'number', schema: zAmount, description: 'Quantity.' },
  unit: { type: 'text', schema: zText(20), description: 'Unit of the quantity (pieces, cartons, kg…).' },
  net_mass_kg: { type: 'number', schema: zAmount, description: 'Net mass in kilograms.' },
  estimated_value: { type: 'number', schema: zAmount, description: 'Estimated value.' },
  value_method: { type: 'text', schema: zText(200), description: 'How the value was estimated.' },
  currency: { type: 'currency', description: 'Currency of the amounts (MAD by default).' },
  brand: { type: 'text', schema: zText(200), description: 'Brand infringed, for counterfeits.' },
  rights_holder: { type: 'text', schema: zText(300), description: 'Rights holder.' },
  health_risk: { type: 'enum', values: YES, description: 'Health or safety risk: yes or no.' },
  transport_mode: { type: 'text', schema: zText(50), description: 'Means of transport.' },
  concealment: { type: 'text', schema: zText(200), description: 'Concealment method.' },
  detection_source: { type: 'enum', values: DETECTION_SOURCES, description: 'How it was detected.' },
  officers: { type: 'text[]', description: 'Officers involved, separated by ";" in CSV.' },
  duty_rate: { type: 'number', schema: zAmount, description: 'Import duty rate in percent.' },
  duties_at_stake: { type: 'number', schema: zAmount, description: 'Duties and taxes at stake.' },
  duties_recovered: { type: 'number', schema: zAmount, description: 'Duties and taxes recovered.' },
  fines: { type: 'number', schema: zAmount, description: 'Fines imposed.' },
  settlement_amount: { type: 'number', schema: zAmount, description: 'Settlement (transaction) amount.' },
  goods_status: {
    type: 'enum',
    values: GOODS_STATUSES,
    description: 'held, destroyed, released, returned, forfeited.',
  },
  goods_status_on: { type: 'date', description: 'Date of destruction, release or return.' },
} satisfies FieldCatalog;

export type SeizureRow = SeizureInput & {
  reference: string;
  case_number: string | null;
  operation_code: string | null;
  description: string;
  category: SeizureInput['category'] & string;
};

/** Goods-line fields: each row gives one line; every other field belongs to the seizure and must agree. */
const LINE_FIELD_SET: ReadonlySet<string> = new Set(LINE_FIELDS);

const FIELDS = Object.keys(seizureCatalog);

export const seizuresTarget: ImportTarget<SeizureRow> = {
  name: 'seizures',
  unit: 'seizure',
  catalog: seizureCatalog,
  build(values) {
    const row: Record<string, unknown> = {};
    FIELDS.forEach((field, slot) => {
      if (values[slot] !== null && values[slot] !== undefined) row[field] = values[slot];
    });
    if (typeof row.health_risk === 'string')
      row.health_risk = ['yes', 'true', 'oui', '1'].includes(row.health_risk);
    return { case_number: null, operation_code: null, ...row } as SeizureRow;
  },
  grouping: 'contiguous',
  groupKey: (row) => (typeof row.reference === 'string' && row.reference ? row.reference : undefined),
  checkGroup(group) {
    const issues: RowIssue[] = [];
    const [first, ...rest] = group.rows;
    if (!first?.row) return issues;
    for (const source of rest) {
      const row = source.row!;
      for (const field of FIELDS) {
        if (LINE_FIELD_SET.has(field)) continue;
        const a = JSON.stringify(first.row[field as keyof SeizureRow] ?? null);
        const b = JSON.stringify(row[field as keyof SeizureRow] ?? null);
        if (a !== b)
          issues.push({
            record: source.record,
            field,
            code: 'seizure.inconsistent_header',
            message: `differs from line ${first.record.line} of the same seizure (${b} here, ${a} there)`,
          });
      }
    }
    return issues;
  },
  tables: ['seizures', 'seizure_lines'],
  createWriter(session, context) {
    const counts = { seizures_inserted: 0, seizures_unchanged: 0, lines_inserted: 0 };
    const cases = new Map<string, number | null>();
    const operations = new Map<string, number | null>();
    const seen = new Set<string>();
    return {
      async write(groups) {
        const refused: { group: (typeof groups)[number]; issues: RowIssue[] }[] = [];
        for (const group of groups) {
          const source = group.rows[0]!;
          const row = source.row!;
          if (seen.has(row.reference)) {
            refused.push({
              group,
              issues: [
                {
                  record: source.record,
                  field: 'reference',
                  code: 'seizure.lines_apart',
                  message: `seizure ${row.reference} appears again further down the file: the lines of one seizure must follow each other`,
                },
              ],
            });
            continue;
          }
          seen.add(row.reference);
          let operationId: number | null = null;
          if (row.operation_code) {
            if (!operations.has(row.operation_code)) {
              const found = await session.db
                .selectFrom('operations')
                .select('id')
                .where('code', '=', row.operation_code)
                .executeTakeFirst();
              operations.set(row.operation_code, found ? Number(found.id) : null);
            }
            operationId = operations.get(row.operation_code) ?? null;
            if (operationId === null) {
              refused.push({
                group,
                issues: [
                  {
                    record: source.record,
                    field: 'operation_code',
                    code: 'seizure.operation_unknown',
                    message: `no operation ${row.operation_code}`,
                  },
                ],
              });
              continue;
            }
          }
          let caseId: number | null = null;
          if (row.case_number) {
            if (!cases.has(row.case_number)) {
              const found = await session.db
                .selectFrom('cases')
                .select('id')
                .where('number', '=', row.case_number)
                .executeTakeFirst();
              cases.set(row.case_number, found ? Number(found.id) : null);
            }
            caseId = cases.get(row.case_number) ?? null;
            if (caseId === null) {
              refused.push({
                group,
                issues: [
                  {
                    record: source.record,
                    field: 'case_number',
                    code: 'seizure.case_unknown',
                    message: `no case ${row.case_number}`,
                  },
                ],
              });
              continue;
            }
          }
          const lines: LineColumns[] = group.rows.map((r) => lineColumns(r.row!));
          const inserted = await session.db
            .insertInto('seizures')
            .values({
              ...seizureColumns(row, lines),
              reference: row.reference,
              case_id: caseId,
              operation_id: operationId,
              import_id: context.importId,
              created_by: 'import',
            })
            .onConflict((oc) => oc.column('reference').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (inserted) {
            await writeLines(session, Number(inserted.id), lines);
            counts.seizures_inserted++;
            counts.lines_inserted += lines.length;
          } else counts.seizures_unchanged++;
        }
        return refused;
      },
      async finish() {
        return counts;
      },
    };
  },
};
