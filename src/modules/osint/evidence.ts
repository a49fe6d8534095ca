/**
 * Evidence: what was fetched or read, byte for byte, with where, when, how (HTTP status and headers) and by whom.
 * Rows are immutable (a trigger refuses UPDATE, DELETE and TRUNCATE on `osint_evidence` and its chunks, like the
 * audit trail). Each row carries the SHA-256 of its content and a record hash over every descriptive column, so
 * `verifyEvidence` can name any row whose content or description no longer matches what was written.
 *
 * Contents up to 1 MB are kept in the row; larger ones (big pages, platform export files) in 1 MB chunks of
 * `osint_evidence_chunks`. A document fetched again unchanged (same source, URL and SHA-256) is not stored twice:
 * the existing row is returned and the item records that it was seen again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../platform/audit/chain.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DB } from '../../platform/db/schema.ts';

export const INLINE_MAX_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

export type EvidenceMethod = 'http' | 'file' | 'manual';

export interface EvidenceInput {
  sourceId: number | null;
  runId: number | null;
  method: EvidenceMethod;
  url: string;
  finalUrl?: string | null;
  fetchedAt: Date;
  httpStatus?: number | null;
  httpHeaders?: Record<string, unknown>;
  contentType?: string | null;
  /** The raw content, or a file to read (streamed into chunks: platform exports can be large). */
  content: Buffer | { path: string };
  collectedBy: Actor;
}

export interface StoredEvidence {
  id: number;
  sha256: string;
  bytes: number;
  /** True when an identical document from the same source and URL was already kept. */
  reused: boolean;
}

interface RecordFields {
  source_id: number | null;
  run_id: number | null;
  method: EvidenceMethod;
  url: string;
  final_url: string | null;
  fetched_at: Date;
  http_status: number | null;
  http_headers: unknown;
  content_type: string | null;
  bytes: number;
  sha256: string;
  collected_by: string;
  collected_by_id: number | null;
}

/** The hash of a row's descriptive columns (canonical JSON, keys sorted), as `record_hash` holds it. */
export function recordHash(r: RecordFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        source_id: r.source_id,
        run_id: r.run_id,
        method: r.method,
        url: r.url,
        final_url: r.final_url,
        fetched_at: new Date(r.fetched_at).toISOString(),
        http_status: r.http_status,
        http_headers: r.http_headers ?? {},
        content_type: r.content_type,
        bytes: Number(r.bytes),
        sha256: r.sha256,
        collected_by: r.collected_by,
        collected_by_id: r.collected_by_id,
      }),
    )
    .digest('hex');
}

/** HTTP headers as plain strings (arrays kept for repeated headers), names lower-cased. */
export function cleanHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Stores a document as evidence (inside the caller's transaction when given a session's `db`), or returns the
 * identical one already kept for the same source and URL.
 */
export async function storeEvidence(db: Kysely<DB>, input: EvidenceInput): Promise<StoredEvidence> {
  const isFile = !Buffer.isBuffer(input.content);
  let sha256: string;
  let bytes: number;
  if (isFile) {
    const path = (input.content as { path: string }).path;
    await stat(path);
    ({ sha256, bytes } = await hashFile(path));
  } else {
    const buffer = input.content as Buffer;
    sha256 = createHash('sha256').update(buffer).digest('hex');
    bytes = buffer.length;
  }
  let existing = db
    .selectFrom('osint_evidence')
    .select(['id', 'bytes'])
    .where('url', '=', input.url)
    .where('sha256', '=', sha256);
  existing =
    input.sourceId === null
      ? existing.where('source_id', 'is', null)
      : existing.where('source_id', '=', input.sourceId);
  const found = await existing.orderBy('id').limit(1).executeTakeFirst();
  if (found) return { id: found.id, sha256, bytes: Number(found.bytes), reused: true };

  const fields: RecordFields = {
    source_id: input.sourceId,
    run_id: input.runId,
    method: input.method,
    url: input.url,
    final_url: input.finalUrl ?? null,
    fetched_at: input.fetchedAt,
    http_status: input.httpStatus ?? null,
    http_headers: cleanHeaders(input.httpHeaders),
    content_type: input.contentType ?? null,
    bytes,
    sha256,
    collected_by: input.collectedBy.name,
    collected_by_id: input.collectedBy.id,
  };
  const chunked = bytes > INLINE_MAX_BYTES;
  const inline = chunked
    ? null
    : isFile
      ? await readFile((input.content as { path: string }).path)
      : (input.content as Buffer);
  if (inline && inline.length !== bytes)
    throw new Error(`${input.url}: the file changed while it was being read`);
  const row = await db
    .insertInto('osint_evidence')
    .values({
      ...fields,
      http_headers: JSON.stringify(fields.http_headers),
      content: inline,
      chunked,
      record_hash: recordHash(fields),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (chunked) {
    let seq = 0;
    const write = async (data: Buffer) => {
      await db
        .insertInto('osint_evidence_chunks')
        .values({ evidence_id: row.id, seq: seq++, data })
        .execute();
    };
    if (isFile) {
      let pending: Buffer[] = [];
      let size = 0;
      for await (const piece of createReadStream((input.content as { path: string }).path)) {
        pending.push(piece as Buffer);
        size += (piece as Buffer).length;
        while (size >= CHUNK_BYTES) {
          const all = Buffer.concat(pending);
          await write(all.subarray(0, CHUNK_BYTES));
          pending = [all.subarray(CHUNK_BYTES)];
          size = pending[0]!.length;
        }
      }
      if (size > 0) await write(Buffer.concat(pending));
    } else {
      const buffer = input.content as Buffer;
      for (let at = 0; at < buffer.length; at += CHUNK_BYTES)
        await write(buffer.subarray(at, at + CHUNK_BYTES));
    }
  }
  return { id: row.id, sha256, bytes, reused: false };
}

export interface EvidenceView {
  id: number;
  source_id: number | null;
  run_id: number | null;
  method: EvidenceMethod;
  url: string;
  final_url: string | null;
  fetched_at: string;
  http_status: number | null;
  http_headers: Record<string, unknown>;
  content_type: string | null;
  bytes: number;
  sha256: string;
  collected_by: string;
  collected_by_id: number | null;
  record_hash: string;
  /** When the content was removed under the retention policy (the record and its hashes stay). */
  purged_at: string | null;
}

const VIEW_COLUMNS = [
  'id',
  'source_id',
  'run_id',
  'method',
  'url',
  'final_url',
  'fetched_at',
  'http_status',
  'http_headers',
  'content_type',
  'bytes',
  'sha256',
  'collected_by',
  'collected_by_id',
  'record_hash',
  'purged_at',
] as const;

function toView(r: Record<string, unknown>): EvidenceView {
  return {
    ...(r as unknown as EvidenceView),
    bytes: Number(r.bytes),
    fetched_at: new Date(r.fetched_at as Date).toISOString(),
    http_headers: (r.http_headers ?? {}) as Record<string, unknown>,
    purged_at: r.purged_at ? new Date(r.purged_at as Date).toISOString() : null,
  };
}

export async function getEvidence(db: Kysely<DB>, id: number): Promise<EvidenceView | undefined> {
  const row = await db
    .selectFrom('osint_evidence')
    .select(VIEW_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** The content of an evidence row, piece by piece (one piece for inline contents). */
export async function* evidenceContent(db: Kysely<DB>, id: number): AsyncGenerator<Buffer> {
  const row = await db
    .selectFrom('osint_evidence')
    .select(['content', 'chunked'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  if (!row.chunked) {
    if (row.content) yield Buffer.from(row.content);
    return;
  }
  for (let seq = 0; ; seq++) {
    const chunk = await db
      .selectFrom('osint_evidence_chunks')
      .select('data')
      .where('evidence_id', '=', id)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!chunk) return;
    yield Buffer.from(chunk.data);
  }
}

export async function evidenceBuffer(db: Kysely<DB>, id: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of evidenceContent(db, id)) parts.push(part);
  return Buffer.concat(parts);
}

export interface EvidenceProblem {
  id: number;
  url: string;
  kind: 'content_altered' | 'record_altered';
  message: string;
}

export interface EvidenceVerification {
  ok: boolean;
  checked: number;
  bytes: number;
  /** Rows whose content was purged under the retention policy: their record hash is still checked. */
  purged: number;
  problems: EvidenceProblem[];
}

/**
 * Re-hashes every evidence row (or those from `fromId` on) and names each one whose content no longer has its
 * SHA-256 or whose descriptive columns no longer have their record hash.
 */
export async function verifyEvidence(
  db: Kysely<DB>,
  options: { fromId?: number; signal?: AbortSignal; onProgress?: (checked: number) => void } = {},
): Promise<EvidenceVerification> {
  const problems: EvidenceProblem[] = [];
  let checked = 0;
  let bytes = 0;
  let purged = 0;
  let after = (options.fromId ?? 1) - 1;
  const checkRecord = (row: { id: number; url: string; record_hash: string }) => {
    if (recordHash(row as unknown as RecordFields) !== row.record_hash) {
      problems.push({
        id: row.id,
        url: row.url,
        kind: 'record_altered',
        message: `evidence #${row.id} (${row.url}): its description (URL, time, status, headers or collector) changed since it was collected`,
      });
    }
  };
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await db
      .selectFrom('osint_evidence')
      .select([...VIEW_COLUMNS, 'chunked'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(200)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      checked++;
      if (row.purged_at) {
        purged++;
        checkRecord(row);
        continue;
      }
      const hash = createHash('sha256');
      let size = 0;
      for await (const part of evidenceContent(db, row.id)) {
        hash.update(part);
        size += part.length;
      }
      bytes += size;
      const actual = hash.digest('hex');
      if (actual !== row.sha256 || size !== Number(row.bytes)) {
        problems.push({
          id: row.id,
          url: row.url,
          kind: 'content_altered',
          message: `evidence #${row.id} (${row.url}): content changed since it was collected (SHA-256 ${actual.slice(0, 12)}…, ${size} bytes; recorded ${row.sha256.slice(0, 12)}…, ${Number(row.bytes)} bytes)`,
        });
      }
      checkRecord(row);
    }
    options.onProgress?.(checked);
  }
  return { ok: problems.length === 0, checked, bytes, purged, problems };
}
