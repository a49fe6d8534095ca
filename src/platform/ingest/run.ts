/**
 * The import runner shared by every target. It streams a file through reader → profile mapping → validation →
 * grouping → the target's writer, inside one transaction:
 * - atomic mode (default): any bad row and nothing is written; every error is listed up to a limit;
 * - skip-invalid mode: good groups are written, bad ones go to a rejects file with their reasons.
 * Either way no row is dropped without a word: each one is written, unchanged (already there), or reported.
 * The next batch is parsed while the database takes the previous one. On PGlite, reads of the API run between the
 * import's statements (read-only, see Database.transaction), so the workbench stays usable during a long import.
 */
import { sql } from 'kysely';
import type { Database, Session } from '../db/database.ts';
import { compileMapping } from './mapping.ts';
import { FileProblem, formatRowError, type RowError } from './problems.ts';
import { type Profile, ProfileError } from './profile.ts';
import { openReader, type RawRecord } from './readers.ts';
import { RejectsWriter } from './rejects.ts';
import type { Group, ImportTarget, RowIssue, SourceRow } from './target.ts';
import { openTextSource } from './text-source.ts';

export type ImportMode = 'atomic' | 'skip_invalid';

export interface ImportOptions {
  file: string;
  profile: Profile;
  mode?: ImportMode;
  /** Errors listed in full (all are counted). */
  maxErrors?: number;
  /** Where rejected rows go in skip-invalid mode (default: FILE.rejects.csv / .ndjson). */
  rejectsPath?: string;
  format?: string;
  encoding?: string;
  delimiter?: string;
  startedBy?: string;
  /** Rows per write batch. */
  batchSize?: number;
  onProgress?(progress: ImportProgress): void;
  /** Stops the import (rolled back) as soon as it is noticed, between batches. */
  signal?: AbortSignal;
  /** Runs inside the import's transaction, last, once everything is written (e.g. to audit it). */
  onCommit?(session: Session, summary: ImportSummary): Promise<void>;
}

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rowsRejected: number;
  elapsedMs: number;
}

export interface ImportSummary {
  ok: boolean;
  target: string;
  file: string;
  format: string;
  profile: string;
  mode: ImportMode;
  importId: number | null;
  rowsRead: number;
  rowsRejected: number;
  counts: Record<string, number>;
  errorCount: number;
  errors: RowError[];
  /** Set when the whole file was refused before any row (unreadable, wrong format, missing columns, bad profile). */
  fileError?: { code: string; message: string } | undefined;
  rejectsPath?: string | undefined;
  unusedColumns: string[];
  durationMs: number;
  sha256?: string | undefined;
}

class AbortImport extends Error {}

const ANALYZE_AFTER_ROWS = 1000;
/** Rows parsed and validated between two returns to the event loop (a few milliseconds of work). */
const YIELD_EVERY_ROWS = 250;

export async function runImport<Row>(
  database: Database,
  target: ImportTarget<Row>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const mode = options.mode ?? 'atomic';
  const maxErrors = options.maxErrors ?? 100;
  // Rows per write: large enough to amortise the round trips, small enough to keep the live heap small.
  const batchSize = options.batchSize ?? 2500;
  const summary: ImportSummary = {
    ok: false,
    target: target.name,
    file: options.file,
    format: '',
    profile: options.profile.name,
    mode,
    importId: null,
    rowsRead: 0,
    rowsRejected: 0,
    counts: {},
    errorCount: 0,
    errors: [],
    unusedColumns: [],
    durationMs: 0,
  };
  const finish = (): ImportSummary => {
    summary.durationMs = Math.round(performance.now() - started);
    return summary;
  };

  const format = options.format ?? options.profile.format.type;
  let source: ReturnType<typeof openTextSource>;
  try {
    source = openTextSource(options.file, {
      ...(format ? { format } : {}),
      encoding: options.encoding ?? options.profile.format.encoding,
    });
  } catch (error) {
    if (error instanceof FileProblem) {
      summary.fileError = { code: error.code, message: error.message };
      return finish();
    }
    throw error;
  }
  summary.format = source.format;
  const fileName = source.name;

  let rejects: RejectsWriter | undefined;
  const recordError = (issue: RowIssue, column?: string) => {
    summary.errorCount++;
    if (summary.errors.length < maxErrors) {
      summary.errors.push({
        file: fileName,
        line: issue.record.line,
        within: issue.record.within,
        column,
        field: issue.field,
        code: issue.code,
        message: issue.message,
      });
    }
  };

  try {
    const reader = await openReader(source.format, source.chunks(), {
      file: fileName,
      delimiter: options.delimiter ?? options.profile.format.delimiter,
      explode: options.profile.format.explode,
    });
    const mapping = compileMapping(options.profile, target.catalog, reader.columns, {
      file: fileName,
      encoding: source.encoding,
    });
    summary.unusedColumns = mapping.unusedColumns;
    if (mode === 'skip_invalid') {
      const path = options.rejectsPath ?? `${options.file}.rejects.${reader.columns ? 'csv' : 'ndjson'}`;
      rejects = new RejectsWriter(path, reader.columns, reader.delimiter);
      summary.rejectsPath = path;
    }

    const reject = (group: Group<Row>, issues: RowIssue[]) => {
      for (const issue of issues) recordError(issue, issue.field ? mapping.columnOf(issue.field) : undefined);
      summary.rowsRejected += group.rows.length;
      if (!rejects) return;
      const firstBad = issues[0]?.record.line;
      for (const source of group.rows) {
        const own = issues
          .filter((i) => i.record === source.record)
          .map((i) => formatRowError(toRowError(i)));
        if (own.length === 0)
          own.push(`rejected with its ${target.unit} ${group.key} (line ${firstBad} is invalid)`);
        rejects.add(source.record, own);
      }
    };
    const toRowError = (issue: RowIssue): RowError => ({
      file: fileName,
      line: issue.record.line,
      within: issue.record.within,
      column: issue.field ? mapping.columnOf(issue.field) : undefined,
      field: issue.field,
      code: issue.code,
      message: issue.message,
    });

    await database.transaction(
      async (session) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`vigie.import.${target.name}`}))`.execute(
          session.db,
        );
        const { id: importId } = await session.db
          .insertInto('imports')
          .values({
            kind: target.name,
            file_name: fileName,
            file_bytes: source.bytes,
            format: source.format,
            profile: options.profile.name,
            mode,
            started_by: options.startedBy ?? null,
            counts: JSON.stringify({}),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        summary.importId = importId;
        const writer = target.createWriter(session, { importId });

        let pending: Group<Row>[] = [];
        let pendingRows = 0;
        let inflight: Promise<void> = Promise.resolve();
        const seen = target.grouping === 'unique' ? new Map<string, number>() : undefined;
        let loneKey = 0;
        const writing = () => mode === 'skip_invalid' || summary.errorCount === 0;

        const flush = async () => {
          if (pending.length === 0) return;
          const batch = pending;
          pending = [];
          pendingRows = 0;
          await inflight;
          if (!writing()) return;
          // Keep only the line range for messages: the batch itself must be free to go once written.
          const first = batch[0]!.rows[0]!.record.line;
          const last = batch[batch.length - 1]!.rows.at(-1)!.record.line;
          inflight = writer.write(batch).then(
            (refused) => {
              for (const { group, issues } of refused) reject(group, issues);
            },
            (error: unknown) => {
              throw new Error(
                `${fileName}: the database refused the rows of lines ${first}–${last}: ${(error as Error).message}`,
                { cause: error },
              );
            },
          );
        };
        const close = async (group: Group<Row>) => {
          let issues = group.rows.some((r) => r.issues.length > 0)
            ? group.rows.flatMap((r) => r.issues)
            : NO_ISSUES;
          if (issues.length === 0 && target.checkGroup) issues = target.checkGroup(group);
          if (issues.length > 0) {
            reject(group, issues);
            return;
          }
          if (!writing()) return;
          pending.push(group);
          pendingRows += group.rows.length;
          if (pendingRows >= batchSize) await flush();
        };

        let current: Group<Row> | undefined;
        try {
          for await (const batch of reader.batches) {
            options.signal?.throwIfAborted();
            for (const record of batch) {
              summary.rowsRead++;
              // Parsing and validating is synchronous work: let waiting requests be answered every few hundred rows.
              if (summary.rowsRead % YIELD_EVERY_ROWS === 0)
                await new Promise((resolve) => setImmediate(resolve));
              const { row, key, issues: found } = validate(target, mapping, record);
              let issues = found;
              const sourceRow: SourceRow<Row> = { record, row, issues };
              let groupKey = key ?? `\u0000${loneKey++}`;
              if (seen && key !== undefined) {
                const first = seen.get(key);
                if (first !== undefined) {
                  issues = sourceRow.issues = [...issues];
                  issues.push({
                    record,
                    code: 'import.duplicate_key',
                    message: `${target.unit} ${key} already appears at line ${first} of this file`,
                  });
                  groupKey = `\u0000${loneKey++}`;
                } else seen.set(key, record.line);
              }
              if (current && current.key === groupKey && target.grouping === 'contiguous') {
                current.rows.push(sourceRow);
              } else {
                if (current) await close(current);
                current = { key: groupKey, rows: [sourceRow] };
              }
            }
            options.onProgress?.({
              bytesRead: source.bytesRead,
              bytesTotal: source.bytes,
              rowsRead: summary.rowsRead,
              rowsRejected: summary.rowsRejected,
              elapsedMs: performance.now() - started,
            });
          }
          if (current) await close(current);
          await flush();
          await inflight;
        } catch (error) {
          // A batch may still be on its way (an abort or a bad row stopped reading): let it settle inside the
          // transaction, so the rollback waits for it and its own failure is not left unobserved.
          await inflight.catch(() => undefined);
          throw error;
        }
        summary.counts = await writer.finish();
        if (mode === 'atomic' && summary.errorCount > 0) throw new AbortImport();
        summary.sha256 = source.sha256();
        await session.db
          .updateTable('imports')
          .set({
            file_sha256: summary.sha256,
            rows_read: summary.rowsRead,
            rows_rejected: summary.rowsRejected,
            counts: JSON.stringify(summary.counts),
            finished_at: new Date(),
          })
          .where('id', '=', importId)
          .execute();
        await options.onCommit?.(session, summary);
        // On PGlite (one transaction at a time) the API's reads run between the import's statements instead of
        // waiting for its end; they cannot write inside it, so a failed import still leaves nothing behind.
      },
      { shareReads: true },
    );
    summary.ok = true;
    // Fresh statistics after a bulk load: without them the planner takes the tables for empty and picks plans
    // that cost 10–100 times more (PGlite has no autovacuum at all).
    if (summary.rowsRead - summary.rowsRejected >= ANALYZE_AFTER_ROWS) {
      await sql.raw(`analyze ${target.tables.join(', ')}`).execute(database.db);
    }
  } catch (error) {
    if (error instanceof AbortImport) {
      summary.importId = null;
      summary.counts = {};
    } else if (error instanceof FileProblem) {
      summary.fileError = { code: error.code, message: error.message };
      summary.importId = null;
    } else if (error instanceof ProfileError) {
      summary.fileError = { code: 'import.bad_profile', message: error.message };
      summary.importId = null;
    } else {
      throw error;
    }
  } finally {
    await rejects?.close();
  }
  return finish();
}

const NO_ISSUES: RowIssue[] = [];

function validate<Row>(
  target: ImportTarget<Row>,
  mapping: ReturnType<typeof compileMapping>,
  record: RawRecord,
): { row?: Row; key?: string | undefined; issues: RowIssue[] } {
  if (record.problem)
    return { issues: [{ record, code: 'import.unreadable_record', message: record.problem }] };
  const mapped = mapping.map(record);
  const row = target.build(mapped.values, mapped.extras, mapped.problems);
  const key = target.groupKey(row as Record<string, unknown>);
  if (mapped.problems.length === 0) return { row, key, issues: NO_ISSUES };
  return {
    key,
    issues: mapped.problems.map((p) => ({
      record,
      field: p.field,
      code: 'import.invalid_value',
      message: p.message,
    })),
  };
}

export interface ReadOptions {
  file: string;
  profile: Profile;
  format?: string;
  encoding?: string;
  delimiter?: string;
  /** Errors listed in full (all are counted). */
  maxErrors?: number;
}

export interface ReadResult<Row> {
  /** Valid rows of valid groups, in file order. */
  rows: Row[];
  rowsRead: number;
  rowsRejected: number;
  errorCount: number;
  errors: RowError[];
  fileError?: { code: string; message: string } | undefined;
  format: string;
}

/**
 * Reads a file through the same mapping, validation and grouping as an import, without writing anything: what
 * a check of a file needs (`vigie valuation check FILE`). Bad groups are left out and reported.
 */
export async function readValidatedRows<Row>(
  target: ImportTarget<Row>,
  options: ReadOptions,
): Promise<ReadResult<Row>> {
  const maxErrors = options.maxErrors ?? 100;
  const result: ReadResult<Row> = {
    rows: [],
    rowsRead: 0,
    rowsRejected: 0,
    errorCount: 0,
    errors: [],
    format: '',
  };
  const format = options.format ?? options.profile.format.type;
  try {
    const source = openTextSource(options.file, {
      ...(format ? { format } : {}),
      encoding: options.encoding ?? options.profile.format.encoding,
    });
    result.format = source.format;
    const reader = await openReader(source.format, source.chunks(), {
      file: source.name,
      delimiter: options.delimiter ?? options.profile.format.delimiter,
      explode: options.profile.format.explode,
    });
    const mapping = compileMapping(options.profile, target.catalog, reader.columns, {
      file: source.name,
      encoding: source.encoding,
    });
    const close = (group: Group<Row>) => {
      let issues = group.rows.flatMap((r) => r.issues);
      if (issues.length === 0 && target.checkGroup) issues = target.checkGroup(group);
      if (issues.length === 0) {
        for (const r of group.rows) result.rows.push(r.row!);
        return;
      }
      result.rowsRejected += group.rows.length;
      for (const issue of issues) {
        result.errorCount++;
        if (result.errors.length < maxErrors) {
          result.errors.push({
            file: source.name,
            line: issue.record.line,
            within: issue.record.within,
            column: issue.field ? mapping.columnOf(issue.field) : undefined,
            field: issue.field,
            code: issue.code,
            message: issue.message,
          });
        }
      }
    };
    let current: Group<Row> | undefined;
    let loneKey = 0;
    for await (const batch of reader.batches) {
      for (const record of batch) {
        result.rowsRead++;
        const { row, key, issues } = validate(target, mapping, record);
        const groupKey = key ?? `\u0000${loneKey++}`;
        const sourceRow: SourceRow<Row> = { record, row, issues };
        if (current && current.key === groupKey && target.grouping === 'contiguous')
          current.rows.push(sourceRow);
        else {
          if (current) close(current);
          current = { key: groupKey, rows: [sourceRow] };
        }
      }
    }
    if (current) close(current);
  } catch (error) {
    if (error instanceof FileProblem) result.fileError = { code: error.code, message: error.message };
    else if (error instanceof ProfileError)
      result.fileError = { code: 'import.bad_profile', message: error.message };
    else throw error;
  }
  return result;
}
