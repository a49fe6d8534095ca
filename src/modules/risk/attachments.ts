/**
 * Photos and documents attached to a declaration or to an inspection outcome, for remote and visual control. The
 * bytes go to the `uploads` table (1 MB chunks, SHA-256), like imported files; the kind is checked against the
 * file's own first bytes (not only what the sender claims) and against a size limit per kind.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { deleteUpload, saveUpload } from '../../platform/uploads/uploads.ts';
import { declarationByReference, declarationRows, outcomeIsOnDeclaration } from '../declarations/index.ts';

export const ATTACHMENT_KINDS = ['photo', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Accepted types per kind, recognised by their signature, and the size limit of each kind. */
const TYPES: Record<
  AttachmentKind,
  { maxBytes: number; types: { type: string; test(b: Buffer): boolean }[] }
> = {
  photo: {
    maxBytes: 20 * 1024 * 1024,
    types: [
      { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
      {
        type: 'image/png',
        test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      },
      {
        type: 'image/webp',
        test: (b) =>
          b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
      },
    ],
  },
  document: {
    maxBytes: 50 * 1024 * 1024,
    types: [
      { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
      { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
      {
        type: 'image/png',
        test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      },
    ],
  },
};

export function attachmentLimits() {
  return Object.fromEntries(
    ATTACHMENT_KINDS.map((k) => [
      k,
      { max_bytes: TYPES[k].maxBytes, types: TYPES[k].types.map((t) => t.type) },
    ]),
  );
}

/** Reads the stream, checking the signature on the first chunk; the rest flows on to storage. */
async function* sniffed(
  source: AsyncIterable<Buffer | Uint8Array | string> | Readable,
  kind: AttachmentKind,
  found: { type?: string },
): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let checked = false;
  for await (const piece of source) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece as Uint8Array);
    if (!checked) {
      head = Buffer.concat([head, buffer]);
      if (head.length < 16) continue;
      checked = true;
      const match = TYPES[kind].types.find((t) => t.test(head));
      if (!match)
        throw new AppError(
          'risk.attachment_type',
          `a ${kind} must be ${TYPES[kind].types.map((t) => t.type).join(', ')}; this file is none of them`,
          415,
        );
      found.type = match.type;
      yield head;
      continue;
    }
    yield buffer;
  }
  if (!checked) {
    const match = head.length > 0 ? TYPES[kind].types.find((t) => t.test(head)) : undefined;
    if (!match) throw new AppError('risk.attachment_type', `the file is empty or not a valid ${kind}`, 415);
    found.type = match.type;
    yield head;
  }
}

export interface NewAttachment {
  reference: string;
  outcome_id?: number | null | undefined;
  kind: AttachmentKind;
  file_name: string;
  note?: string | null | undefined;
}

export async function addAttachment(
  database: Database,
  actor: Actor,
  input: NewAttachment,
  source: AsyncIterable<Buffer | Uint8Array | string> | Readable,
  scope: { office: string | null },
) {
  const declaration = await declarationByReference(database.db, input.reference);
  if (!declaration || (scope.office !== null && declaration.office_code !== scope.office))
    throw new NotFoundError('declaration.not_found', `no declaration ${input.reference}`);
  if (input.outcome_id != null) {
    if (!(await outcomeIsOnDeclaration(database.db, input.outcome_id, declaration.id)))
      throw new NotFoundError(
        'risk.outcome_not_found',
        `no outcome #${input.outcome_id} on ${input.reference}`,
      );
  }
  const found: { type?: string } = {};
  const upload = await saveUpload(database, sniffed(source, input.kind, found), input.file_name, {
    maxBytes: TYPES[input.kind].maxBytes,
    uploadedBy: actor.id,
    // Photos and documents of a control are part of its record: kept as long as the attachment.
    owner: 'risk',
    readPermission: 'risk:attachments',
    retainDays: null,
  });
  try {
    return await database.transaction(async (session) => {
      const row = await session.db
        .insertInto('risk_attachments')
        .values({
          upload_id: upload.id,
          declaration_id: declaration.id,
          outcome_id: input.outcome_id ?? null,
          kind: input.kind,
          content_type: found.type!,
          file_name: input.file_name.slice(0, 255),
          bytes: upload.bytes,
          sha256: upload.sha256,
          note: input.note ?? null,
          added_by: actor.name,
          added_by_id: actor.id,
        })
        .returning(['id', 'added_at'])
        .executeTakeFirstOrThrow();
      await appendAudit(session, actor, {
        action: 'risk.attachment_added',
        target_type: 'attachment',
        target_id: row.id,
        after: {
          reference: input.reference,
          outcome_id: input.outcome_id ?? null,
          kind: input.kind,
          file_name: input.file_name,
          bytes: upload.bytes,
          sha256: upload.sha256,
        },
      });
      return {
        id: Number(row.id),
        reference: input.reference,
        outcome_id: input.outcome_id ?? null,
        kind: input.kind,
        content_type: found.type!,
        file_name: input.file_name,
        bytes: upload.bytes,
        sha256: upload.sha256,
        note: input.note ?? null,
        added_by: actor.name,
        added_at: iso(row.added_at),
      };
    });
  } catch (error) {
    await deleteUpload(database, upload.id);
    throw error;
  }
}

export async function listAttachments(db: Kysely<DB>, reference: string, scope: { office: string | null }) {
  const declaration = await declarationByReference(db, reference);
  if (!declaration || (scope.office !== null && declaration.office_code !== scope.office)) return undefined;
  const rows = await db
    .selectFrom('risk_attachments')
    .select([
      'id',
      'outcome_id',
      'kind',
      'content_type',
      'file_name',
      'bytes',
      'sha256',
      'note',
      'added_by',
      'added_at',
    ])
    .where('declaration_id', '=', declaration.id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    outcome_id: r.outcome_id === null ? null : Number(r.outcome_id),
    reference,
    added_at: iso(r.added_at),
  }));
}

export async function getAttachment(db: Kysely<DB>, id: number, scope: { office: string | null }) {
  const row = await db
    .selectFrom('risk_attachments as a')
    .innerJoin(declarationRows(db).as('d'), 'd.id', 'a.declaration_id')
    .select(['a.id', 'a.upload_id', 'a.content_type', 'a.file_name', 'a.bytes', 'a.sha256', 'd.office_code'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row || (scope.office !== null && row.office_code !== scope.office)) return undefined;
  return { ...row, id: Number(row.id), upload_id: Number(row.upload_id) };
}
