/**
 * A JSON Lines reader that never stops on a bad line and keeps memory flat on large files.
 *
 * Files from collection tools and partners arrive in every state: Windows-1252 or UTF-16 exports, a binary blob
 * pasted in, a line of several megabytes, a truncated last line. Lines are cut on raw bytes (so invalid UTF-8 can be
 * detected per line), an over-long line is skipped without being held in memory, and every problem becomes a
 * located diagnostic (file, line, what was expected) while the following lines are still read.
 */

import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';

export interface Diagnostic {
  file: string;
  /** 1-based line number in the input. */
  line: number;
  severity: 'error' | 'warning';
  /** Stable code, e.g. `input.invalid_json`, `input.binary`, `input.encoding`. */
  code: string;
  message: string;
  expected?: string;
}

export type JsonLine =
  | { line: number; value: unknown; warnings: Diagnostic[] }
  | { line: number; error: Diagnostic };

/** The input file cannot be read at all (missing, a directory, no permission, read failure). */
export class InputUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot read ${file}: ${reason}`);
    this.name = 'InputUnreadableError';
  }
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const EXPECTED = 'one JSON object per line';

/** A line that is not one JSON object: skipped, with what was expected. */
const notAnObject = (file: string, line: number, code: string, message: string): JsonLine => ({
  line,
  error: { file, line, severity: 'error', code, message, expected: EXPECTED },
});

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Binary content: NUL bytes, or many control characters that no text export contains. */
function looksBinary(buf: Buffer): boolean {
  let control = 0;
  for (const b of buf) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > 4 && control / buf.length > 0.05;
}

/** UTF-16 shows as a NUL in every other byte of mostly-ASCII text; the BOM says so outright. */
function sniffUtf16(head: Buffer): 'utf16le' | 'utf16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const n = Math.min(head.length, 512) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul > n / 2 / 2 && evenNul < n / 2 / 10) return 'utf16le';
  if (evenNul > n / 2 / 2 && oddNul < n / 2 / 10) return 'utf16be';
  return null;
}

function decodeLine(file: string, line: number, buf: Buffer): JsonLine {
  const warnings: Diagnostic[] = [];
  if (looksBinary(buf)) return notAnObject(file, line, 'input.binary', 'binary content, not text');
  let text: string;
  if (isUtf8(buf)) {
    text = buf.toString('utf8');
  } else {
    // Most non-UTF-8 exports here are Windows-1252 (a superset of Latin-1 for printable text): read it, say so.
    text = iconv.decode(buf, 'windows-1252');
    warnings.push({
      file,
      line,
      severity: 'warning',
      code: 'input.encoding',
      message: 'invalid UTF-8; read as Windows-1252 (check accents in the result)',
      expected: 'UTF-8 text',
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return notAnObject(file, line, 'input.invalid_json', `invalid JSON: ${detail}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return notAnObject(file, line, 'input.not_object', `got ${got}, not an object`);
  }
  return { line, value, warnings };
}

/**
 * Reads `file` (or stdin for `-`) line by line. Blank lines are skipped silently. Throws `InputUnreadableError`
 * only when the file cannot be opened or reading fails; bad lines are yielded as errors.
 */
export async function* readJsonLines(
  file: string,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<JsonLine, void, undefined> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const name = file === '-' ? '<stdin>' : file;
  if (file !== '-') {
    try {
      const s = await stat(file);
      if (s.isDirectory()) throw new InputUnreadableError(file, 'it is a directory');
    } catch (error) {
      if (error instanceof InputUnreadableError) throw error;
      throw new InputUnreadableError(file, (error as NodeJS.ErrnoException).code ?? String(error));
    }
  }
  const stream = file === '-' ? process.stdin : createReadStream(file);
  let decoder: { write(b: Buffer): string } | null = null;
  let first = true;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;

  const finish = function* (): Generator<JsonLine> {
    line++;
    if (tooLong) {
      yield {
        line,
        error: {
          file: name,
          line,
          severity: 'error',
          code: 'input.line_too_long',
          message: `line of ${formatBytes(size)} is over the ${formatBytes(maxLineBytes)} limit; skipped`,
          expected: `lines under ${formatBytes(maxLineBytes)}`,
        },
      };
    } else {
      let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
      if (buf.some((b) => b !== 0x20 && b !== 0x09)) yield decodeLine(name, line, buf);
    }
    parts = [];
    size = 0;
    tooLong = false;
  };

  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      let chunk = raw;
      if (first) {
        first = false;
        const utf16 = sniffUtf16(chunk);
        if (utf16) {
          const d = iconv.getDecoder(utf16);
          decoder = { write: (b) => d.write(b) ?? '' };
        } else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          chunk = chunk.subarray(3);
        }
      }
      if (decoder) chunk = Buffer.from(decoder.write(chunk).replace(/^\ufeff/, ''), 'utf8');
      let from = 0;
      while (from <= chunk.length) {
        const nl = chunk.indexOf(0x0a, from);
        const end = nl < 0 ? chunk.length : nl;
        const piece = chunk.subarray(from, end);
        size += piece.length;
        if (size > maxLineBytes) {
          tooLong = true;
          parts = [];
        } else if (piece.length) {
          parts.push(piece);
        }
        if (nl < 0) break;
        yield* finish();
        from = nl + 1;
      }
    }
  } catch (error) {
    throw new InputUnreadableError(name, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  if (size > 0 || tooLong) yield* finish();
}
