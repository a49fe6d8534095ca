/**
 * Route pieces the modules share beyond schemas.ts: error answers by status, the `:id` path parameter, the answer
 * of an unpaged list, the handler of a paged list, and the declaration of a list's CSV/XLSX export route.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../auth/permissions.ts';
import type { Database } from '../db/database.ts';
import { type ExportColumn, exportProduces, exportQuery, sendExport } from '../export/export.ts';
import { errorSchema } from './errors.ts';

/** A Fastify instance whose route schemas are zod schemas (what `app.withTypeProvider<ZodTypeProvider>()` gives). */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The error answers a route may give, `{ 400: errorSchema, 404: errorSchema, … }`, to spread in its `response`. */
export const errorResponses = <const C extends readonly number[]>(...codes: C) =>
  Object.fromEntries(codes.map((c) => [c, errorSchema])) as { [K in C[number]]: typeof errorSchema };

/** The `:id` path parameter of a record with a serial id (a safe integer: never a 500 from the database). */
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The `:id` path parameter as the older routes declare it: a positive integer, with no upper bound. */
export const positiveIdParams = z.object({ id: z.coerce.number().int().positive() });

/** The answer of an unpaged list: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

type Page = { limit: number; offset: number };

/**
 * The handler of a paged list: the query's `limit` and `offset` make the page, the rest are the lister's filters;
 * the answer repeats the page with the lister's `total` and `items`.
 */
export const pagedList =
  <Db, F, T>(db: Db, list: (db: Db, filters: F, page: Page) => Promise<{ total: number; items: T[] }>) =>
  async (request: { query: Page & F }) => {
    const { limit, offset, ...filters } = request.query;
    return { limit, offset, ...(await list(db, filters as unknown as F, { limit, offset })) };
  };

/** Declares `GET path` answering one record found by its path parameters (`:id` by default), or 404. */
export function getOneRoute<R extends z.ZodType, P extends z.ZodObject = typeof idParams>(
  typed: ZodApp,
  path: string,
  spec: { permission: Permission; tag: string; summary: string; params?: P; response: R },
  find: (params: z.output<P>, request: FastifyRequest) => Promise<z.output<R>>,
): void {
  // Untyped registration: the zod provider cannot resolve a reply type from a generic schema; `find` is typed.
  (typed as unknown as FastifyInstance).get(
    path,
    {
      config: { permission: spec.permission },
      schema: {
        summary: spec.summary,
        tags: [spec.tag],
        params: spec.params ?? idParams,
        response: { 200: spec.response, 404: errorSchema },
      },
    },
    async (request) => find(request.params as z.output<P>, request),
  );
}

/** The body of a four-eyes request or decision: why, in words. */
export const reasonBody = z.object({ reason: z.string().min(1).max(2000) });

export type FourEyesDecision = 'approve' | 'reject';

/**
 * Declares `POST base/:id/approve` then `POST base/:id/reject`: a second person decides a four-eyes request, with
 * a reason (`reasonBody`); `decide` applies the decision and gives the answer.
 */
export function fourEyesDecisionRoutes<R extends z.ZodType>(
  typed: ZodApp,
  base: string,
  spec: {
    permission: Permission;
    tag: string;
    summaries: Record<FourEyesDecision, string>;
    response: R;
    errors: readonly number[];
  },
  decide: (
    id: number,
    decision: FourEyesDecision,
    reason: string,
    request: FastifyRequest,
  ) => Promise<z.output<R>>,
): void {
  for (const decision of ['approve', 'reject'] as const) {
    const schema: FastifySchema = {
      summary: spec.summaries[decision],
      tags: [spec.tag],
      params: positiveIdParams,
      body: reasonBody,
      response: { 200: spec.response, ...errorResponses(...spec.errors) },
    };
    // Untyped registration, as in getOneRoute.
    (typed as unknown as FastifyInstance).post(
      `${base}/:id/${decision}`,
      { config: { permission: spec.permission }, schema },
      async (request) => {
        const { params, body } = request as FastifyRequest<{
          Params: { id: number };
          Body: { reason: string };
        }>;
        return decide(params.id, decision, body.reason, request);
      },
    );
  }
}

/** What an export sends: its columns, its rows, and the filters its audit entry records (default: as asked). */
export interface ExportContent<T> {
  columns: readonly ExportColumn<T>[];
  rows: AsyncIterable<T>;
  audited?: Record<string, unknown>;
}

/** An office-scoped export's filters as audited: as asked, with the scope (`scope_office`: all, an office, none). */
export const scopedFilters = (request: FastifyRequest, filters: Record<string, unknown>) => ({
  ...filters,
  scope_office: request.user?.permissions.has('risk:all_offices')
    ? 'all'
    : (request.user?.office_code ?? 'none'),
});

/**
 * Declares `GET path`: the list `list` as CSV or XLSX (query `format`) with the list's `filters`, streamed and
 * audited (sendExport). `content` reads the list for the filters asked.
 */
export function exportRoute<F extends z.ZodRawShape, T>(
  typed: ZodApp,
  database: Database,
  path: string,
  spec: {
    permission: Permission;
    tag: string;
    summary: string;
    filters: F;
    list: string;
    content: (filters: z.output<z.ZodObject<F>>, request: FastifyRequest) => ExportContent<T>;
  },
): void {
  typed.get(
    path,
    {
      config: { permission: spec.permission },
      schema: {
        summary: spec.summary,
        tags: [spec.tag],
        querystring: z.object({ ...spec.filters, ...exportQuery }),
        produces: exportProduces,
        response: { 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query as { format: (typeof exportQuery.format)['_output'] };
      const { columns, rows, audited } = spec.content(filters as z.output<z.ZodObject<F>>, request);
      return sendExport(request, reply, database, {
        list: spec.list,
        format,
        filters: audited ?? filters,
        columns,
        rows,
      });
    },
  );
}
