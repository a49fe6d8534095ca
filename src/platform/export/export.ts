/**
 * Exports of lists as CSV or XLSX (docs/decisions/0031-search-exports-four-eyes.md): the route of a list's export
 * has the list's permission and filters, appends an audit entry (`<list>.exported`: who, format, filters) before
 * the first byte leaves, then streams the rows page by page — a large list is never held in memory.
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit/store.ts';
import { actorFrom } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { csvStream } from './csv.ts';
import { type Cell, xlsxStream } from './xlsx.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `format` query parameter of every export route. */
export const exportQuery = {
  format: z.enum(EXPORT_FORMATS).default('csv').describe('csv (UTF-8 with BOM) or xlsx'),
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What an export route's OpenAPI entry says it produces. */
export const exportProduces = Object.values(EXPORT_CONTENT_TYPES).map((t) => t.split(';')[0]!);

/** The rows of a list read page by page (offset paging of the list's own query) until a page comes back short. */
export async function* pagesOf<T>(
  page: (offset: number, limit: number) => Promise<readonly T[]>,
  size = 1000,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += size) {
    const rows = await page(offset, size);
    yield* rows;
    if (rows.length < size) return;
  }
}

export interface ExportColumn<T> {
  header: string;
  value(row: T): Cell;
}

/**
 * Audits and sends an export. `list` names it (`risk.decisions`, `audit`…), `filters` are the list's filters as
 * asked (recorded in the audit entry), `columns` say what each column holds.
 */
export async function sendExport<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  database: Database,
  spec: {
    list: string;
    format: ExportFormat;
    filters: Record<string, unknown>;
    columns: readonly ExportColumn<T>[];
    rows: AsyncIterable<T>;
  },
): Promise<FastifyReply> {
  await appendAudit(database, actorFrom(request), {
    action: `${spec.list}.exported`,
    target_type: 'list',
    target_id: spec.list,
    details: { format: spec.format, filters: spec.filters },
  });
  const header = spec.columns.map((c) => c.header);
  const rows = spec.rows[Symbol.asyncIterator]();
  // The first row (and so the first page) is read before answering: a failure there is an error answer with its
  // code, not a download cut short.
  const first = await rows.next();
  const cells = (async function* () {
    for (let next = first; !next.done; next = await rows.next())
      yield spec.columns.map((c) => c.value(next.value));
  })();
  const body = spec.format === 'csv' ? csvStream(header, cells) : xlsxStream(spec.list, header, cells);
  const day = new Date().toISOString().slice(0, 10);
  reply.header('content-type', EXPORT_CONTENT_TYPES[spec.format]);
  reply.header(
    'content-disposition',
    `attachment; filename="${spec.list.replace(/[^a-z0-9_-]+/gi, '-')}-${day}.${spec.format}"`,
  );
  reply.header('cache-control', 'no-store');
  return reply.send(Readable.from(body));
}

/** A cell from any value: numbers, text and booleans as they are, dates as ISO text, anything else as JSON. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** One column per field, headed by the field's name (the API's snake_case names). */
export function fieldColumns<T>(keys: readonly (keyof T & string)[]): ExportColumn<T>[] {
  return keys.map((key) => ({ header: key, value: (row: T) => cellOf(row[key]) }));
}
