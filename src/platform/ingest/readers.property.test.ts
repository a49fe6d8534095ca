/**
 * Properties of the readers, over generated files (fast-check): whatever the content and however the text is cut
 * into chunks, a CSV written by a standard writer reads back cell for cell at the right lines, NDJSON and JSON
 * arrays give back their objects with the line each starts on, and arbitrary text never makes a reader fail with
 * anything but a located file problem.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FileProblem } from './problems.ts';
import { openReader, type RawRecord } from './readers.ts';
import type { FileFormat } from './text-source.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(format: FileFormat, text: string, size: number) {
  const reader = await openReader(format, chunked(text, size), { file: 'f' });
  const records: RawRecord[] = [];
  for await (const batch of reader.batches) records.push(...batch);
  return { columns: reader.columns, records };
}

/** Cell text as files bring it: any characters, quotes, delimiters and line breaks included; never NUL. */
const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\u0000', ''));
const chunkSize = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(1 << 16));
const RUNS = { numRuns: Number(process.env.VIGIE_PROPERTY_RUNS ?? 150) };

describe('readers, on generated files', () => {
  it('CSV: every row comes back cell for cell, at the line it starts on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.tuple(
            fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), {
              minLength: width,
              maxLength: width,
            }),
            fc.array(
              fc
                .array(cell, { minLength: width, maxLength: width })
                .filter((row) => row.some((c) => c.trim() !== '')),
              { maxLength: 12 },
            ),
          ),
        ),
        fc.constantFrom(',', ';', '\t', '|'),
        chunkSize,
        async ([header, rows], delimiter, size) => {
          const text = Papa.unparse([header, ...rows], { delimiter, newline: '\n', quotes: true });
          const { columns, records } = await read('csv', text, size);
          expect(columns).toEqual(header);
          expect(records.map((r) => r.problem ?? null)).toEqual(rows.map(() => null));
          expect(records.map((r) => r.data)).toEqual(rows);
          // A row starts after the header and every line break of the rows before it.
          let line = 2;
          const expected = rows.map((row) => {
            const start = line;
            line += 1 + row.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
            return start;
          });
          expect(records.map((r) => r.line)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  it('NDJSON: every object comes back, one line each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue()), { maxLength: 10 }),
        chunkSize,
        async (objects, size) => {
          const text = objects.map((o) => JSON.stringify(o)).join('\n');
          const { records } = await read('ndjson', text, size);
          expect(records.map((r) => r.data)).toEqual(objects.map((o) => JSON.parse(JSON.stringify(o))));
          expect(records.map((r) => r.line)).toEqual(objects.map((_, i) => i + 1));
        },
      ),
      RUNS,
    );
  });

  it('JSON: every element of a pretty-printed array comes back with the line it starts on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }),
        chunkSize,
        async (objects, size) => {
          const text = JSON.stringify(objects, null, 2);
          const { records } = await read('json', text, size);
          expect(records.map((r) => r.data)).toEqual(objects.map((o) => JSON.parse(JSON.stringify(o))));
          const lines = text.split('\n');
          const starts = lines.flatMap((l, i) => (/^ {2}\{/.test(l) ? [i + 1] : []));
          expect(records.map((r) => r.line)).toEqual(starts);
        },
      ),
      RUNS,
    );
  });

  it('any text: records (with located problems) or a file problem, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<FileFormat>('csv', 'ndjson', 'json'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), fc.json()),
        chunkSize,
        async (format, text, size) => {
          try {
            const { records } = await read(format, text, size);
            for (const r of records) expect(r.line).toBeGreaterThanOrEqual(1);
          } catch (error) {
            expect(error).toBeInstanceOf(FileProblem);
          }
        },
      ),
      { numRuns: Number(process.env.VIGIE_PROPERTY_RUNS ?? 300) },
    );
  });
});
