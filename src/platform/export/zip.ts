/**
 * A streaming ZIP writer (the container of an XLSX file): each entry is deflated as it comes (node:zlib), its CRC
 * and sizes written after it in a data descriptor, so that nothing waits for the whole file; the central directory
 * closes the archive. ZIP64 is not written: an entry or archive must stay under 4 GiB (a 1,000,000-row export is
 * far below it); past that the writer throws rather than write a broken file.
 */
import { crc32, deflateRawSync } from 'node:zlib';

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const LIMIT = 0xffff_fff0;

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class ZipStream {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp = dosTime(new Date());

  private take(chunk: Buffer): Buffer {
    this.offset += chunk.length;
    if (this.offset > LIMIT) throw new Error('the export exceeds 4 GiB: narrow it with filters');
    return chunk;
  }

  /** The bytes of one entry whose content comes in parts (each part deflated on its own block boundary). */
  async *entry(name: string, parts: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    yield this.take(Buffer.concat([header, nameBytes]));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // Parts are gathered to about 64 KiB and each batch deflated with a sync flush: the stream of blocks is one
    // valid deflate stream, ended by an empty final block.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = (final: boolean): Buffer => {
      const input = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const out = deflateRawSync(input, { finishFlush: final ? 4 : 2 }); // Z_FINISH : Z_SYNC_FLUSH
      compressed += out.length;
      return this.take(out);
    };
    for await (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      crc = crc32(bytes, crc);
      size += bytes.length;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= 65_536) yield flush(false);
    }
    yield flush(true);
    if (size > LIMIT) throw new Error('an export entry exceeds 4 GiB: narrow it with filters');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield this.take(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset: start });
  }

  /** The central directory and its end record. */
  end(): Buffer {
    const start = this.offset;
    const records = this.entries.map((e) => {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.day, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      return Buffer.concat([record, e.name]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    return this.take(Buffer.concat([directory, end]));
  }
}
