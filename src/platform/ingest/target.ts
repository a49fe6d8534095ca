/**
 * What an import target (declarations, manifests, payments, companies, trademarks) gives the import runner: its
 * fields, the schema a mapped row must pass, how rows group into units that are written or rejected together,
 * and a writer that puts valid groups into the database inside the import's transaction.
 */
import type { Session } from '../db/database.ts';
import type { FieldCatalog } from './fields.ts';
import type { FieldProblem } from './mapping.ts';
import type { TargetName } from './profile.ts';
import type { RawRecord } from './readers.ts';

export interface RowIssue {
  record: RawRecord;
  field?: string | undefined;
  code: string;
  message: string;
}

export interface SourceRow<Row> {
  record: RawRecord;
  /** Absent when the row failed validation. */
  row?: Row | undefined;
  issues: RowIssue[];
}

export interface Group<Row> {
  key: string;
  rows: SourceRow<Row>[];
}

export interface WriterContext {
  importId: number;
  /** Called with the rows written so far, for progress. */
}

export interface TargetWriter<Row> {
  /** Writes valid groups; returns the groups it refused (e.g. already imported with other content). */
  write(groups: Group<Row>[]): Promise<{ group: Group<Row>; issues: RowIssue[] }[]>;
  /** Counts of what was done, e.g. `{ declarations_inserted: 10, declarations_unchanged: 2 }`. */
  finish(): Promise<Record<string, number>>;
}

export interface ImportTarget<Row> {
  name: TargetName;
  /** Singular noun for messages: "declaration", "manifest"… */
  unit: string;
  catalog: FieldCatalog;
  /**
   * Builds the row from the mapped, already validated values (by slot, see slotsOf) and wildcard extras, and checks
   * what involves several fields (e.g. an importer name needs an importer code), adding to `problems`.
   */
  build(values: unknown[], extras: Record<string, Record<string, unknown>>, problems: FieldProblem[]): Row;
  /** Rows with the same key that follow each other form one group. Undefined when the key itself is missing. */
  groupKey(row: Record<string, unknown>): string | undefined;
  /**
   * 'contiguous': a group's rows must follow each other; a key seen again later is detected by the writer.
   * 'unique': each group is one row and a key may appear only once in the file (checked in memory).
   */
  grouping: 'contiguous' | 'unique';
  /** Checks a complete group of valid rows (e.g. the lines of one declaration agree on the header). */
  checkGroup?(group: Group<Row>): RowIssue[];
  createWriter(session: Session, context: WriterContext): TargetWriter<Row>;
  /** Tables the writer fills: their planner statistics are refreshed after a large import. */
  tables: readonly string[];
}
