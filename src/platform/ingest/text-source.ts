/**
 * Opens an input file as a stream of decoded text, hashing the raw bytes (SHA-256, kept with the import as
 * provenance) and counting them (progress). UTF-8 is the default; a UTF-8 or UTF-16 byte-order mark is honoured;
 * any encoding iconv-lite knows (windows-1252, latin1, utf-16le, …) can be asked for.
 *
 * Bytes that are not valid in the chosen encoding become U+FFFD; the mapping layer reports any field holding one,
 * so a wrong encoding is named at the line and column where it shows instead of corrupting data silently.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { FileProblem } from './problems.ts';

export type FileFormat = 'csv' | 'ndjson' | 'json';

export const FORMATS: readonly FileFormat[] = ['csv', 'ndjson', 'json'];

export interface TextSource {
  path: string;
  name: string;
  bytes: number;
  format: FileFormat;
  encoding: string;
  /** Bytes read so far. */
  readonly bytesRead: number;
  /** Decoded text, chunk by chunk. Can be iterated once. */
  chunks(): AsyncIterable<string>;
  /** SHA-256 (hex) of the raw bytes, once the text has been read to the end. */
  sha256(): string;
}

const EXTENSIONS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
};

export function formatOf(path: string, explicit?: string): FileFormat {
  if (explicit) {
    if (!(FORMATS as readonly string[]).includes(explicit)) {
      throw new FileProblem(
        path,
        'import.bad_format',
        `unknown format "${explicit}": expected ${FORMATS.join(', ')}`,
      );
    }
    return explicit as FileFormat;
  }
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (!format) {
    throw new FileProblem(
      path,
      'import.bad_format',
      `cannot tell the format from the extension "${extname(path)}": use .csv, .tsv, .ndjson, .jsonl or .json, or --format`,
    );
  }
  return format;
}

export function normaliseEncoding(encoding: string | undefined): string {
  const name = (encoding ?? 'utf-8').toLowerCase();
  return name === 'utf8' ? 'utf-8' : name;
}

export function openTextSource(
  path: string,
  options: { format?: string; encoding?: string } = {},
): TextSource {
  let bytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new FileProblem(path, 'import.not_a_file', 'is not a file');
    bytes = stat.size;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(
      path,
      'import.unreadable',
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const format = formatOf(path, options.format);
  // Nothing said (neither the import nor its profile): UTF-8, unless the file's first bytes cannot be UTF-8 — then
  // Windows-1252, what a spreadsheet saves as "CSV" on a French or Moroccan office's computer.
  const guess = options.encoding === undefined;
  let encoding = normaliseEncoding(options.encoding);
  if (!iconv.encodingExists(encoding)) {
    throw new FileProblem(path, 'import.bad_encoding', `unknown encoding "${options.encoding}"`);
  }
  const hash = createHash('sha256');
  let bytesRead = 0;
  let consumed = false;
  return {
    path,
    name: basename(path),
    bytes,
    format,
    /** The encoding in use: the one asked for, or, once the first bytes are read, the one guessed. */
    get encoding() {
      return encoding;
    },
    get bytesRead() {
      return bytesRead;
    },
    sha256: () => hash.copy().digest('hex'),
    async *chunks() {
      if (consumed) throw new Error('a text source can be read once');
      consumed = true;
      let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        bytesRead += buffer.length;
        if (!decoder) {
          if (guess && encoding === 'utf-8' && !looksLikeUtf8(buffer)) encoding = 'windows-1252';
          decoder = chooseDecoder(encoding, buffer);
        }
        const text = decoder.write(buffer);
        if (text) yield text;
      }
      const rest = decoder?.end();
      if (rest) yield rest;
    },
  };
}

/** False when `head` holds a byte sequence UTF-8 cannot have (a sequence cut at the end of `head` is allowed). */
export function looksLikeUtf8(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function chooseDecoder(
  encoding: string,
  head: Buffer,
): { write(b: Buffer): string; end(): string | undefined } {
  let effective = encoding;
  if (encoding === 'utf-8' && head.length >= 2) {
    // A UTF-16 byte-order mark wins over the default: spreadsheet tools often save "Unicode text" that way.
    if (head[0] === 0xff && head[1] === 0xfe) effective = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) effective = 'utf-16be';
  }
  if (effective === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
    return {
      write: (b) => decoder.decode(b, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(effective, { stripBOM: true });
  return { write: (b) => decoder.write(b), end: () => decoder.end() };
}
