/**
 * CSV lines for exports: RFC 4180 quoting by papaparse, and cells a spreadsheet would run as a formula written
 * with a leading `'` (the rule of the rejects files: platform/ingest/rejects.ts), plain negative numbers kept.
 */
import Papa from 'papaparse';
import { FORMULA_CELL } from '../ingest/rejects.ts';
import type { Cell } from './xlsx.ts';

export function csvLine(values: readonly Cell[]): string {
  const row = values.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v)));
  return `${Papa.unparse([row], { escapeFormulae: FORMULA_CELL, newline: '\r\n' })}\r\n`;
}

/** A UTF-8 byte-order mark first, so that spreadsheets open accents and Arabic right. */
export async function* csvStream(header: readonly string[], rows: AsyncIterable<readonly Cell[]>) {
  yield `\uFEFF${csvLine(header)}`;
  let batch = '';
  for await (const row of rows) {
    batch += csvLine(row);
    if (batch.length > 65_536) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}
