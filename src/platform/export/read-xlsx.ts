/**
 * Reads back what xlsx.ts writes (tests, and `vigie` checks of an export): the ZIP's central directory, each entry
 * inflated and its CRC checked, and the sheet's cells as text. Not a general XLSX reader: inline strings and
 * numbers only.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export function unzip(file: Buffer): Map<string, Buffer> {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory record ${i}`);
    const crc = file.readUInt32LE(at + 16);
    const compressed = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30);
    const comment = file.readUInt16LE(at + 32);
    const offset = file.readUInt32LE(at + 42);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = offset + 30 + file.readUInt16LE(offset + 26) + file.readUInt16LE(offset + 28);
    const data = inflateRawSync(file.subarray(local, local + compressed));
    if (crc32(data) >>> 0 !== crc) throw new Error(`CRC mismatch in ${name}`);
    out.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);

/** The first sheet's rows, each cell as text ('' when empty). */
export function xlsxRows(file: Buffer): string[][] {
  const sheet = unzip(file).get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no xl/worksheets/sheet1.xml');
  const rows: string[][] = [];
  for (const row of sheet.toString('utf8').matchAll(/<row [^>]*>(.*?)<\/row>/gs)) {
    const cells: string[] = [];
    for (const cell of row[1]!.matchAll(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      const body = cell[1] ?? '';
      const text = /<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1] ?? /<v>(.*?)<\/v>/s.exec(body)?.[1] ?? '';
      cells.push(unescapeXml(text));
    }
    rows.push(cells);
  }
  return rows;
}
