/**
 * Readers turn decoded text into records, batch by batch, each record knowing the line it starts on.
 * CSV: PapaParse's parser driven chunk by chunk (its stream adapters are far slower), header row required.
 * NDJSON: one JSON object a line. JSON: a top-level array, scanned element by element so that a bad element is
 * reported at its line and the others still read, and so that memory stays flat on large files.
 */
import Papa from 'papaparse';
import { FileProblem } from './problems.ts';
import type { FileFormat } from './text-source.ts';

export interface RawRecord {
  line: number;
  /** Position inside a nested record (`items[2]`), when one source record gave several. */
  within?: string | undefined;
  /** string[] for CSV (in header order), a plain object for JSON. */
  data: string[] | Record<string, unknown>;
  /** Set when the record could not be read at all (broken quotes, invalid JSON…). */
  problem?: string | undefined;
}

export interface RecordReader {
  /** CSV header names; null for JSON inputs (columns are keys). */
  columns: string[] | null;
  /** CSV delimiter in use (given or detected). */
  delimiter: string;
  batches: AsyncIterable<RawRecord[]>;
}

export interface ReaderOptions {
  file: string;
  /** CSV delimiter; 'auto' (or undefined) detects it from the header line. */
  delimiter?: string | undefined;
  /** JSON: name of an array property whose elements are records of their own (e.g. a declaration's items). */
  explode?: string | undefined;
}

export async function openReader(
  format: FileFormat,
  chunks: AsyncIterable<string>,
  options: ReaderOptions,
): Promise<RecordReader> {
  if (format === 'csv') return csvReader(chunks, options);
  const batches =
    format === 'ndjson' ? ndjsonBatches(chunks, options.file) : jsonArrayBatches(chunks, options.file);
  return {
    columns: null,
    delimiter: ',',
    batches: options.explode ? explodeBatches(batches, options.explode) : batches,
  };
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter that appears most often outside quotes on the header line. */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of headerLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === candidate && !quoted) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

async function csvReader(chunks: AsyncIterable<string>, options: ReaderOptions): Promise<RecordReader> {
  const iterator = chunks[Symbol.asyncIterator]();
  // Read until the header line is complete, to detect the delimiter and read the column names.
  let buffered = '';
  let done = false;
  while (!done && !/\r?\n/.test(buffered)) {
    const next = await iterator.next();
    if (next.done) done = true;
    else buffered += next.value;
  }
  if (buffered.trim() === '')
    throw new FileProblem(options.file, 'import.empty_file', 'is empty: expected a header line');
  const firstLine = buffered.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    options.delimiter && options.delimiter !== 'auto'
      ? unescapeDelimiter(options.delimiter)
      : detectDelimiter(firstLine);
  // The line ending is fixed from the header: PapaParse would otherwise guess it again for every chunk, and a chunk
  // cut between \r and \n would make it guess wrong.
  const newline = /\r\n/.test(buffered.slice(0, buffered.search(/\n/) + 1)) ? '\r\n' : '\n';
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', skipEmptyLines: false });

  const headerResult = parser.parse(firstLine, 0, false);
  const columns = ((headerResult.data[0] as string[] | undefined) ?? []).map((c) => c.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '')
      throw new FileProblem(options.file, 'import.bad_header', 'line 1: a column has no name');
    if (seen.has(column))
      throw new FileProblem(options.file, 'import.bad_header', `line 1: column "${column}" appears twice`);
    seen.add(column);
  }
  const afterHeader = buffered.slice(buffered.search(/\r?\n/) + (buffered.match(/\r?\n/)?.[0].length ?? 0));
  const width = columns.length;

  async function* batches(): AsyncGenerator<RawRecord[]> {
    let line = 2;
    let partial = afterHeader;
    const take = (text: string, last: boolean): RawRecord[] => {
      const result = parser.parse(text, 0, !last);
      const problems = new Map<number, string>();
      for (const e of result.errors)
        if (e.row !== undefined) problems.set(e.row, `malformed CSV: ${e.message}`);
      const records: RawRecord[] = [];
      const rows = result.data as string[][];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const start = line;
        let extraLines = 0;
        for (const field of row) {
          if (field.length > 0 && field.indexOf('\n') !== -1) extraLines += countNewlines(field);
        }
        line += 1 + extraLines;
        if (row.length === 1 && row[0] === '' && width > 1) continue; // blank line
        let problem = problems.get(r);
        if (!problem && row.length !== width) {
          problem = `expected ${width} fields as in the header, found ${row.length}`;
        }
        records.push({ line: start, data: row, problem });
      }
      partial = last ? '' : text.slice(result.meta.cursor);
      return records;
    };
    if (!done) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const records = take(partial + next.value, false);
        if (records.length) yield records;
      }
    }
    if (partial.length > 0) {
      const records = take(partial, true);
      if (records.length) yield records;
    }
  }
  return { columns, delimiter, batches: batches() };
}

function unescapeDelimiter(value: string): string {
  if (value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  return value;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseObject(text: string): { data?: Record<string, unknown>; problem?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `invalid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: `expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  return { data: value as Record<string, unknown> };
}

async function* ndjsonBatches(chunks: AsyncIterable<string>, _file: string): AsyncGenerator<RawRecord[]> {
  let line = 1;
  let partial = '';
  const take = (text: string, last: boolean): RawRecord[] => {
    const parts = text.split('\n');
    partial = last ? '' : (parts.pop() ?? '');
    const records: RawRecord[] = [];
    for (const part of parts) {
      const current = line++;
      const trimmed = part.trim();
      if (trimmed === '') continue;
      const { data, problem } = parseObject(trimmed);
      records.push({ line: current, data: data ?? {}, problem });
    }
    return records;
  };
  for await (const chunk of chunks) {
    const records = take(partial + chunk, false);
    if (records.length) yield records;
  }
  if (partial.trim() !== '') yield take(partial, true);
}

/**
 * Splits a top-level JSON array into its elements without parsing the whole document: tracks strings, escapes and
 * nesting depth character by character.
 */
async function* jsonArrayBatches(chunks: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord[]> {
  let line = 1;
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let elementStart = 0;
  let elementLine = 0;
  let sawElement = false;

  for await (const chunk of chunks) {
    const records: RawRecord[] = [];
    let i = 0;
    const n = chunk.length;
    elementStart = state === 'element' ? 0 : -1;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === 0) {
            // the closing bracket of the top-level array
            pieces.push(chunk.slice(elementStart, i));
            records.push(elementRecord(pieces.join(''), elementLine));
            pieces = [];
            state = 'after';
          } else depth--;
        } else if (c === 44 && depth === 0) {
          pieces.push(chunk.slice(elementStart, i));
          records.push(elementRecord(pieces.join(''), elementLine));
          pieces = [];
          state = 'between';
        }
      } else if (c === 32 || c === 9 || c === 10 || c === 13) {
        // whitespace between tokens
      } else if (state === 'before') {
        if (c !== 91)
          throw new FileProblem(
            file,
            'import.bad_json',
            `line ${line}: expected a JSON array of records ([…])`,
          );
        state = 'between';
      } else if (state === 'between') {
        if (c === 93 && !sawElement) {
          state = 'after'; // an empty array
        } else {
          state = 'element';
          elementStart = i;
          elementLine = line;
          depth = 0;
          inString = false;
          escaped = false;
          sawElement = true;
          continue; // read this character again, as part of the element
        }
      } else if (state === 'after') {
        throw new FileProblem(
          file,
          'import.bad_json',
          `line ${line}: unexpected content after the end of the array`,
        );
      }
      i++;
    }
    if (state === 'element') pieces.push(chunk.slice(elementStart));
    if (records.length) yield records;
  }
  if (state === 'before')
    throw new FileProblem(file, 'import.empty_file', 'is empty: expected a JSON array of records');
  if (state !== 'after') {
    throw new FileProblem(
      file,
      'import.bad_json',
      `ends inside the array${pieces.length ? ` (in the record starting at line ${elementLine})` : ''}: the file is cut short`,
    );
  }
}

function elementRecord(text: string, line: number): RawRecord {
  const { data, problem } = parseObject(text);
  return { line, data: data ?? {}, problem };
}

async function* explodeBatches(
  batches: AsyncIterable<RawRecord[]>,
  key: string,
): AsyncGenerator<RawRecord[]> {
  for await (const batch of batches) {
    const out: RawRecord[] = [];
    for (const record of batch) {
      const data = record.data as Record<string, unknown>;
      const nested = record.problem ? undefined : data[key];
      if (!Array.isArray(nested)) {
        out.push(record);
        continue;
      }
      const { [key]: _omit, ...header } = data;
      if (nested.length === 0) {
        out.push({ ...record, problem: `"${key}" is an empty list: a record needs at least one` });
      }
      nested.forEach((element, index) => {
        const within = `${key}[${index}]`;
        if (element === null || typeof element !== 'object' || Array.isArray(element)) {
          out.push({ line: record.line, within, data: header, problem: `expected an object in ${within}` });
        } else
          out.push({
            line: record.line,
            within,
            data: { ...header, ...(element as Record<string, unknown>) },
          });
      });
    }
    yield out;
  }
}
