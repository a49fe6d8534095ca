/** What happens inside a case: notes, tasks with due dates and assignees, evidence files (hashed, in uploads). */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso, NotFoundError } from '../../platform/lib/errors.ts';
import type { StoredUpload } from '../../platform/uploads/uploads.ts';
import { caseItem, caseItems, lockCase, lockOpenCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import type { CaseEvidenceTable, CaseTasksTable } from './tables.ts';

export async function addNote(database: Database, actor: Actor, caseId: number, body: string) {
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const row = await session.db
      .insertInto('case_notes')
      .values({ case_id: caseId, body, author: actor.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(session, actor, caseId, 'note', { note: Number(row.id), length: body.length });
    return {
      id: Number(row.id),
      case_id: caseId,
      body: row.body,
      author: row.author,
      created_at: iso(row.created_at),
    };
  });
}

export async function listNotes(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'case_notes', caseId)).map((r) => ({
    id: Number(r.id),
    case_id: Number(r.case_id),
    body: r.body,
    author: r.author,
    created_at: iso(r.created_at),
  }));
}

function taskView(r: Selectable<CaseTasksTable>) {
  return {
    id: Number(r.id),
    case_id: Number(r.case_id),
    title: r.title,
    assignee: r.assignee,
    due_on: r.due_on,
    status: r.status,
    created_by: r.created_by,
    created_at: iso(r.created_at),
    done_at: r.done_at ? iso(r.done_at) : null,
  };
}

export async function addTask(
  database: Database,
  actor: Actor,
  caseId: number,
  input: { title: string; assignee?: string | undefined; due_on?: string | undefined },
) {
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const row = await session.db
      .insertInto('case_tasks')
      .values({
        case_id: caseId,
        title: input.title,
        assignee: input.assignee ?? null,
        due_on: input.due_on ?? null,
        created_by: actor.name,
        done_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(session, actor, caseId, 'task_added', {
      task: Number(row.id),
      title: row.title,
      assignee: row.assignee,
      due_on: row.due_on,
    });
    return taskView(row);
  });
}

export async function setTaskStatus(
  database: Database,
  actor: Actor,
  caseId: number,
  taskId: number,
  status: 'todo' | 'done',
) {
  return database.transaction(async (session) => {
    await lockOpenCase(session, caseId);
    const row = await session.db
      .updateTable('case_tasks')
      .set({ status, done_at: status === 'done' ? new Date() : null })
      .where('id', '=', taskId)
      .where('case_id', '=', caseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('case.task_not_found', `case #${caseId} has no task #${taskId}`);
    await recordEvent(session, actor, caseId, 'task_status', { task: taskId, status });
    return taskView(row);
  });
}

export async function listTasks(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'case_tasks', caseId)).map(taskView);
}

export function evidenceView(r: Selectable<CaseEvidenceTable>) {
  return {
    id: Number(r.id),
    case_id: Number(r.case_id),
    file_name: r.file_name,
    content_type: r.content_type,
    bytes: Number(r.bytes),
    sha256: r.sha256,
    description: r.description,
    added_by: r.added_by,
    added_at: iso(r.added_at),
  };
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The type a file is served with: from its name among a few known ones, else a download of bytes. */
export const contentTypeOf = (fileName: string) =>
  TYPES[/\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** Records a stored upload as evidence of the case (the chain of custody starts: SHA-256, who, when). */
export async function addEvidence(
  database: Database,
  actor: Actor,
  caseId: number,
  upload: StoredUpload,
  fileName: string,
  description: string | undefined,
) {
  return database.transaction(async (session) => {
    await lockCase(session, caseId);
    const row = await session.db
      .insertInto('case_evidence')
      .values({
        case_id: caseId,
        upload_id: upload.id,
        file_name: fileName.slice(0, 255),
        content_type: contentTypeOf(fileName),
        bytes: upload.bytes,
        sha256: upload.sha256,
        description: description ?? null,
        added_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(session, actor, caseId, 'evidence_added', {
      evidence: Number(row.id),
      file_name: row.file_name,
      sha256: row.sha256,
      bytes: Number(row.bytes),
    });
    return evidenceView(row);
  });
}

export async function listEvidence(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'case_evidence', caseId)).map(evidenceView);
}

export async function getEvidence(db: Kysely<DB>, caseId: number, evidenceId: number) {
  const row = await caseItem(db, 'case_evidence', caseId, evidenceId, {
    code: 'case.evidence_not_found',
    what: 'evidence',
  });
  return { ...evidenceView(row), upload_id: Number(row.upload_id) };
}
