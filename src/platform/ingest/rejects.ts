/**
 * The rejects file of a `--skip-invalid` import: every rejected source record, as it was, with its line and the
 * reasons, so that it can be corrected and imported again. CSV inputs give a CSV (the original columns plus
 * `vigie_line` and `vigie_errors`); JSON inputs give NDJSON (`{ line, within, errors, record }`).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import Papa from 'papaparse';
import type { RawRecord } from './readers.ts';

/**
 * Cells a spreadsheet would run as a formula (CSV injection): `=`, `@`, a tab or carriage return first, or `+`/`-`
 * not followed by a plain number. They are written with a leading `'`, which spreadsheets show as text; plain
 * negative numbers stay as they are so that the corrected file imports again.
 */
export const FORMULA_CELL = /^(?:[=@\t\r]|[+-](?![\d.,\s]*$))/;

export class RejectsWriter {
  private readonly out: WriteStream;
  private headerWritten = false;
  private readonly done: Promise<void>;
  count = 0;

  constructor(
    readonly path: string,
    private readonly columns: string[] | null,
    private readonly delimiter: string,
  ) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.done = new Promise((resolve, reject) => {
      this.out.on('finish', resolve);
      this.out.on('error', reject);
    });
  }

  add(record: RawRecord, reasons: string[]): void {
    this.count++;
    if (this.columns) {
      if (!this.headerWritten) {
        this.out.write(
          `${Papa.unparse([[...this.columns, 'vigie_line', 'vigie_errors']], { delimiter: this.delimiter, escapeFormulae: FORMULA_CELL })}\n`,
        );
        this.headerWritten = true;
      }
      const values = Array.isArray(record.data) ? record.data : [];
      const row = [...values, String(record.line), reasons.join(' | ')];
      this.out.write(`${Papa.unparse([row], { delimiter: this.delimiter, escapeFormulae: FORMULA_CELL })}\n`);
    } else {
      this.out.write(
        `${JSON.stringify({ line: record.line, within: record.within, errors: reasons, record: record.data })}\n`,
      );
    }
  }

  async close(): Promise<void> {
    this.out.end();
    await this.done;
  }
}
