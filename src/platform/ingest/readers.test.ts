import { describe, expect, it } from 'vitest';
import { FileProblem } from './problems.ts';
import { detectDelimiter, openReader, type RawRecord } from './readers.ts';
import type { FileFormat } from './text-source.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(format: FileFormat, text: string, size = 1 << 16, explode?: string) {
  const reader = await openReader(format, chunked(text, size), {
    file: 'f',
    ...(explode ? { explode } : {}),
  });
  const records: RawRecord[] = [];
  for await (const batch of reader.batches) records.push(...batch);
  return { columns: reader.columns, delimiter: reader.delimiter, records };
}

describe('CSV reader', () => {
  it('refuses an empty file, a nameless or a repeated column', async () => {
    await expect(read('csv', '')).rejects.toThrow(FileProblem);
    await expect(read('csv', '\n\n')).rejects.toThrow(/is empty/);
    await expect(read('csv', 'a,,b\n1,2,3\n')).rejects.toThrow(/line 1: a column has no name/);
    await expect(read('csv', 'a,b,a\n1,2,3\n')).rejects.toThrow(/column "a" appears twice/);
  });

  it('reports a row with the wrong number of fields at its line, and reads the others', async () => {
    const { records } = await read('csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(records.map((r) => [r.line, r.problem ?? null])).toEqual([
      [2, null],
      [3, 'expected 3 fields as in the header, found 2'],
      [4, 'expected 3 fields as in the header, found 4'],
      [5, null],
    ]);
  });

  it('reports broken quotes', async () => {
    const { records } = await read('csv', 'a,b\n1,"unterminated\n');
    expect(records.at(-1)?.problem).toMatch(/malformed CSV/);
  });

  it('counts lines inside quoted fields and blank lines, whatever the chunk size', async () => {
    const text = 'ref;note;value\r\nA;"line one\nline two";1\r\n\r\nB;plain;2\r\nC;"x\n\ny";3\r\nD;"";4';
    for (const size of [1, 2, 3, 7, 1 << 16]) {
      const { columns, delimiter, records } = await read('csv', text, size);
      expect(delimiter).toBe(';');
      expect(columns).toEqual(['ref', 'note', 'value']);
      expect(records.map((r) => [r.line, (r.data as string[])[0]])).toEqual([
        [2, 'A'],
        [5, 'B'],
        [6, 'C'],
        [9, 'D'],
      ]);
      expect((records[0]!.data as string[])[1]).toBe('line one\nline two');
    }
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a|b|c')).toBe('|');
  });
});

describe('NDJSON reader', () => {
  it('locates invalid JSON and non-objects, and reads the rest', async () => {
    const { records } = await read('ndjson', '{"a":1}\n{oops}\n\n[1,2]\n"text"\n{"a":2}');
    expect(records.map((r) => [r.line, r.problem ?? null])).toEqual([
      [1, null],
      [2, expect.stringMatching(/^invalid JSON/)],
      [4, 'expected a JSON object, found an array'],
      [5, 'expected a JSON object, found string'],
      [6, null],
    ]);
  });

  it('gives the same records whatever the chunk size', async () => {
    const text = '{"a":"x\\ny"}\n{"a":2}\n';
    for (const size of [1, 5, 100]) {
      const { records } = await read('ndjson', text, size);
      expect(records.map((r) => r.data)).toEqual([{ a: 'x\ny' }, { a: 2 }]);
    }
  });
});

describe('JSON array reader', () => {
  it('refuses what is not an array, content after it and a cut-short file', async () => {
    await expect(read('json', '{"a":1}')).rejects.toThrow(/expected a JSON array/);
    await expect(read('json', '[{"a":1}] x')).rejects.toThrow(
      /unexpected content after the end of the array/,
    );
    await expect(read('json', '[{"a":1},\n{"a":')).rejects.toThrow(/record starting at line 2.*cut short/);
    await expect(read('json', '   ')).rejects.toThrow(/is empty/);
  });

  it('reads elements with their line, reports a bad one and keeps the others, in any chunking', async () => {
    const text = '[\n  {"a": 1, "s": "],{\\"x"},\n  {"a": 2, oops},\n  {"a": [3, {"b": 4}]}\n]\n';
    for (const size of [1, 3, 1 << 16]) {
      const { records } = await read('json', text, size);
      expect(records.map((r) => [r.line, r.problem ? 'problem' : r.data])).toEqual([
        [2, { a: 1, s: '],{"x' }],
        [3, 'problem'],
        [4, { a: [3, { b: 4 }] }],
      ]);
    }
    expect((await read('json', '[]')).records).toEqual([]);
  });

  it('explodes nested items into records of their own', async () => {
    const text = JSON.stringify([
      { ref: 'A', items: [{ n: 1 }, { n: 2 }] },
      { ref: 'B', items: [] },
      { ref: 'C', n: 9 },
    ]);
    const { records } = await read('json', text, 1 << 16, 'items');
    expect(records.map((r) => [r.within ?? null, r.data, r.problem ?? null])).toEqual([
      ['items[0]', { ref: 'A', n: 1 }, null],
      ['items[1]', { ref: 'A', n: 2 }, null],
      [null, { ref: 'B', items: [] }, '"items" is an empty list: a record needs at least one'],
      [null, { ref: 'C', n: 9 }, null],
    ]);
  });
});
