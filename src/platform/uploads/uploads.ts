/**
 * Uploaded files, kept in the database in 1 MB chunks so that a worker process on another host can read what an
 * API process received: files to import, platform exports to collect, photos of controls, rejects files.
 *
 * Each file belongs to what stored it: the module (`owner`), the permission a reader needs (`read_permission`),
 * an unguessable `key` to fetch it by (ids are sequential and show in job parameters), and when it may be purged
 * (`expires_at`; null keeps it as long as what refers to it).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';

const CHUNK = 1 << 20;
const DAY = 86_400_000;

export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super(
      'upload.too_large',
      `the file is larger than the limit of ${Math.round(maxBytes / 1048576)} MB`,
      413,
    );
  }
}

/** Who a stored file belongs to, who may read it back, and how long it is kept. */
export interface UploadOwnership {
  /** The module that stored it. */
  owner: string;
  /** The permission a reader needs (the route that serves it checks it). */
  readPermission: string;
  /** Days before the purge may remove it; null keeps it as long as what refers to it. */
  retainDays: number | null;
}

export interface StoredUpload {
  id: number;
  key: string;
  bytes: number;
  sha256: string;
}

/** Stores a stream; on any failure (including the size limit) nothing is left behind. */
export async function saveUpload(
  database: Database,
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string> | Readable,
  fileName: string,
  options: UploadOwnership & { maxBytes: number; uploadedBy: number | null },
): Promise<StoredUpload> {
  const db = database.db;
  const { id, key } = await db
    .insertInto('uploads')
    .values({
      file_name: fileName.slice(0, 255),
      bytes: 0,
      sha256: '',
      uploaded_by: options.uploadedBy,
      owner: options.owner,
      read_permission: options.readPermission,
      expires_at: options.retainDays === null ? null : new Date(Date.now() + options.retainDays * DAY),
    })
    .returning(['id', 'key'])
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
    await deleteUpload(database, id);
    throw error;
  }
  const sha256 = hash.digest('hex');
  await db.updateTable('uploads').set({ bytes, sha256 }).where('id', '=', id).execute();
  return { id, key, bytes, sha256 };
}

export async function saveFileAsUpload(
  database: Database,
  path: string,
  fileName: string,
  uploadedBy: number | null,
  ownership: UploadOwnership,
) {
  return saveUpload(database, createReadStream(path), fileName, {
    ...ownership,
    maxBytes: Number.MAX_SAFE_INTEGER,
    uploadedBy,
  });
}

export async function deleteUpload(database: Database, id: number): Promise<void> {
  await database.db.deleteFrom('uploads').where('id', '=', id).execute();
}

export async function getUpload(database: Database, id: number) {
  return database.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The upload behind a key, if the caller holds the permission it needs; otherwise nothing, as if unknown. */
export async function getUploadFor(
  database: Database,
  key: string,
  permissions: ReadonlySet<string>,
): Promise<Awaited<ReturnType<typeof getUpload>>> {
  if (!UUID.test(key)) return undefined;
  const upload = await database.db
    .selectFrom('uploads')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return upload && permissions.has(upload.read_permission) ? upload : undefined;
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

/**
 * Sends a stored file as a download: its name in any script (RFC 6266/8187 `filename*`, with an ASCII fallback:
 * an Arabic name made the header invalid and the answer a 500), its length, its SHA-256, never sniffed.
 */
export function sendStoredFile(
  reply: FastifyReply,
  database: Database,
  file: { upload_id: number; file_name: string; bytes: number; sha256: string; content_type: string },
) {
  reply.header('content-type', file.content_type);
  reply.header('content-disposition', contentDisposition(file.file_name));
  reply.header('content-length', String(file.bytes));
  reply.header('x-content-sha256', file.sha256);
  reply.header('x-content-type-options', 'nosniff');
  return reply.send(Readable.from(uploadChunks(database, file.upload_id)));
}

export interface ReceivedUpload {
  upload: StoredUpload;
  fileName: string;
  /** The other fields of the form, as text. */
  fields: Record<string, string>;
}

/**
 * Receives the one file of a multipart request into an upload and hands it, with the form's other fields, to
 * `then` (which typically queues a job on it). If anything fails — no file, two files, too large, or `then`
 * itself — the stored file is removed and the error goes on, too-large ones as 413.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  database: Database,
  options: UploadOwnership & { maxBytes: number },
  then: (received: ReceivedUpload) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart())
    throw new AppError('request.invalid', 'expected multipart/form-data with a file', 400);
  const fields: Record<string, string> = {};
  let upload: StoredUpload | undefined;
  let fileName = 'upload';
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (upload) throw new AppError('request.invalid', 'send one file per request', 400);
      fileName = part.filename || 'upload';
      upload = await saveUpload(database, part.file, fileName, {
        ...options,
        uploadedBy: request.user?.id ?? null,
      });
    }
    if (!upload) throw new AppError('upload.missing_file', 'no file in the request (field "file")', 400);
    return await then({ upload, fileName, fields });
  } catch (error) {
    if (upload) await deleteUpload(database, upload.id);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new UploadTooLarge(options.maxBytes);
    throw error;
  }
}
