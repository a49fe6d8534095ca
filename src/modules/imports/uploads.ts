/**
 * Uploaded files, kept in the database in 1 MB chunks so that a worker process on another host can read what an
 * API process received. Used for files to import and for the rejects files imports give back.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';

const CHUNK = 1 << 20;

export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super(
      'upload.too_large',
      `the file is larger than the limit of ${Math.round(maxBytes / 1048576)} MB`,
      413,
    );
  }
}

/** Stores a stream; on any failure (including the size limit) nothing is left behind. */
export async function saveUpload(
  database: Database,
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string> | Readable,
  fileName: string,
  options: { maxBytes: number; uploadedBy: number | null },
): Promise<{ id: number; bytes: number; sha256: string }> {
  const db = database.db;
  const { id } = await db
    .insertInto('uploads')
    .values({ file_name: fileName.slice(0, 255), bytes: 0, sha256: '', uploaded_by: options.uploadedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await db.insertInto('upload_chunks').values({ upload_id: id, seq: seq++, data }).execute();
  };
  try {
    for await (const piece of source) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece as Uint8Array);
      bytes += buffer.length;
      if (bytes > options.maxBytes) throw new UploadTooLarge(options.maxBytes);
      hash.update(buffer);
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    await db.deleteFrom('uploads').where('id', '=', id).execute();
    throw error;
  }
  const sha256 = hash.digest('hex');
  await db.updateTable('uploads').set({ bytes, sha256 }).where('id', '=', id).execute();
  return { id, bytes, sha256 };
}

export async function saveFileAsUpload(
  database: Database,
  path: string,
  fileName: string,
  uploadedBy: number | null,
) {
  return saveUpload(database, createReadStream(path), fileName, {
    maxBytes: Number.MAX_SAFE_INTEGER,
    uploadedBy,
  });
}

export async function getUpload(database: Database, id: number) {
  return database.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The upload's bytes, chunk by chunk. */
export async function* uploadChunks(database: Database, id: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await database.db
      .selectFrom('upload_chunks')
      .select('data')
      .where('upload_id', '=', id)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield Buffer.from(row.data);
  }
}

export async function writeUploadToFile(database: Database, id: number, path: string): Promise<void> {
  const out = createWriteStream(path);
  for await (const chunk of uploadChunks(database, id)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
