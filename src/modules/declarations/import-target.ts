/**
 * Declarations as an import target: one source row per goods item; consecutive rows with the same reference form
 * one declaration, written or rejected whole (a declaration is never stored with an item missing).
 */
import type { ImportTarget, RowIssue } from '../../platform/ingest/target.ts';
import { buildDeclarationLine, declarationCatalog } from './fields.ts';
import type { DeclarationLine } from './types.ts';
import { createDeclarationWriter } from './writer.ts';

/** Header fields every line of one declaration must agree on. */
const HEADER_FIELDS = [
  'office',
  'lodged_on',
  'procedure',
  'transport_mode',
  'departure_country',
  'currency',
  'declarant',
  'importer',
  'seller',
  'courier',
  'attributes',
] as const satisfies readonly (keyof DeclarationLine)[];

export const declarationsTarget: ImportTarget<DeclarationLine> = {
  name: 'declarations',
  unit: 'declaration',
  catalog: declarationCatalog,
  build: buildDeclarationLine,
  grouping: 'contiguous',
  groupKey: (row) => (typeof row.reference === 'string' && row.reference !== '' ? row.reference : undefined),
  checkGroup(group) {
    const issues: RowIssue[] = [];
    const [first, ...rest] = group.rows;
    if (!first?.row) return issues;
    const lines = new Map<number, number>([[first.row.item.line_no, first.record.line]]);
    for (const source of rest) {
      const row = source.row!;
      for (const field of HEADER_FIELDS) {
        const a = JSON.stringify(first.row[field]);
        const b = JSON.stringify(row[field]);
        if (a !== b) {
          issues.push({
            record: source.record,
            field,
            code: 'declaration.inconsistent_header',
            message: `differs from line ${first.record.line} of the same declaration (${b} there ${a})`,
          });
        }
      }
      const previous = lines.get(row.item.line_no);
      if (previous !== undefined) {
        issues.push({
          record: source.record,
          field: 'item.line_no',
          code: 'declaration.duplicate_line',
          message: `item ${row.item.line_no} already appears at line ${previous} for this declaration`,
        });
      } else lines.set(row.item.line_no, source.record.line);
    }
    return issues;
  },
  createWriter: createDeclarationWriter,
  tables: [
    'declarations',
    'declaration_items',
    'inspection_outcomes',
    'importers',
    'declarants',
    'sellers',
    'couriers',
    'offices',
  ],
};
