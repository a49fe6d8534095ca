/**
 * Operations under /api/operations (joint or national enforcement operations): list and read with `cases:read`,
 * create and change with `cases:manage`; tagging a case (`cases:manage`) or a seizure (`seizures:write`); the final
 * report (`reports:read`) as JSON, one table as CSV, or PDF — each export audited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { REPORT_LANGS, SEIZURE_CATEGORIES } from '../model.ts';
import {
  OPERATION_TABLES,
  operationReport,
  operationReportCsv,
  renderOperationReport,
} from '../operation-report.ts';
import {
  createOperation,
  getOperation,
  listOperations,
  tagCase,
  tagSeizure,
  updateOperation,
} from '../operations.ts';
import { code, idParams } from './shared.ts';

const operationSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    starts_on: z.string(),
    ends_on: z.string(),
    participants: z.array(z.string()),
    threat_categories: z.array(z.enum(SEIZURE_CATEGORIES)),
    coordinator: z.string().nullable(),
    description: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Operation' });

const changes = {
  name: z.string().min(1).max(300),
  starts_on: isoDate,
  ends_on: isoDate,
  participants: z.array(code(64)).max(500).optional(),
  threat_categories: z.array(z.enum(SEIZURE_CATEGORIES)).optional(),
  coordinator: z.string().min(1).max(200).nullable().optional(),
  description: z.string().max(10_000).nullable().optional(),
};

const group = z.object({
  key: z.string(),
  seizures: z.number(),
  lines: z.number(),
  estimated_value: z.number(),
  duties_at_stake: z.number(),
  duties_recovered: z.number(),
  fines: z.number(),
  settlements: z.number(),
});
const count = z.object({ key: z.string(), cases: z.number() });

const reportSchema = z
  .object({
    operation: operationSchema,
    totals: z.object({
      cases: z.number(),
      seizures: z.number(),
      lines: z.number(),
      estimated_value: z.number(),
      duties_at_stake: z.number(),
      duties_recovered: z.number(),
      fines: z.number(),
      settlements: z.number(),
      net_mass_kg: z.number(),
    }),
    by_category: z.array(group),
    quantities: z.array(
      z.object({
        category: z.string(),
        unit: z.string(),
        lines: z.number(),
        quantity: z.number(),
        net_mass_kg: z.number(),
      }),
    ),
    by_participant: z.array(group),
    by_detection_source: z.array(group),
    cases_by_type: z.array(count),
    cases_by_status: z.array(count),
  })
  .meta({ id: 'OperationReport' });

/** A file body on a route whose schema describes only its errors (the zod reply types allow no string). */
const sendFile = (reply: FastifyReply, body: string | Buffer) => reply.send(body);

export function operationRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/operations',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary: 'Operations, latest first (active_on: those running that day)',
        tags: ['operations'],
        querystring: z.object({ active_on: isoDate.optional() }),
        response: { 200: z.object({ items: z.array(operationSchema) }) },
      },
    },
    async (request) => ({ items: await listOperations(db, request.query) }),
  );

  typed.post(
    '/api/operations',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Create an operation: code, name, period, participants, threat categories, coordinator',
        tags: ['operations'],
        body: z.object({ code: code(32), ...changes }),
        response: { 201: operationSchema, ...errorResponses(400, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOperation(database, actorFrom(request), request.body)),
  );

  getOneRoute(
    typed,
    '/api/operations/:id',
    { permission: 'cases:read', tag: 'operations', summary: 'An operation', response: operationSchema },
    async ({ id }) => getOperation(db, id),
  );

  typed.patch(
    '/api/operations/:id',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: "Change an operation's name, period, participants, threat categories or coordinator",
        tags: ['operations'],
        params: idParams,
        body: z.object(changes).partial(),
        response: { 200: operationSchema, ...errorResponses(400, 404, 422) },
      },
    },
    async (request) => updateOperation(database, actorFrom(request), request.params.id, request.body),
  );

  typed.put(
    '/api/cases/:id/operation',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary:
          'Tag a case to an operation (null: untag); its seizures not tagged elsewhere follow unless with_seizures is false',
        tags: ['operations'],
        params: idParams,
        body: z.object({
          operation_id: z.number().int().positive().nullable(),
          with_seizures: z.boolean().optional(),
        }),
        response: {
          200: z.object({
            case_id: z.number().int(),
            operation_id: z.number().int().nullable(),
            seizures: z.number().int(),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) =>
      tagCase(
        database,
        actorFrom(request),
        request.params.id,
        request.body.operation_id,
        request.body.with_seizures ?? true,
      ),
  );

  typed.put(
    '/api/seizures/:id/operation',
    {
      config: { permission: 'seizures:write' },
      schema: {
        summary: 'Tag a seizure to an operation (null: untag)',
        tags: ['operations'],
        params: idParams,
        body: z.object({ operation_id: z.number().int().positive().nullable() }),
        response: {
          200: z.object({ seizure_id: z.number().int(), operation_id: z.number().int().nullable() }),
          404: errorSchema,
        },
      },
    },
    async (request) => tagSeizure(database, actorFrom(request), request.params.id, request.body.operation_id),
  );

  getOneRoute(
    typed,
    '/api/operations/:id/report',
    {
      permission: 'reports:read',
      tag: 'operations',
      summary:
        "An operation's final report: cases, seizures, lines, quantities, values and duties by category, participant and detection source",
      response: reportSchema,
    },
    async ({ id }) => operationReport(db, id),
  );

  typed.get(
    '/api/operations/:id/report/export',
    {
      config: { permission: 'reports:read' },
      schema: {
        summary: "An operation's final report as PDF (lang fr or ar) or one table as CSV (audited)",
        tags: ['operations'],
        params: idParams,
        querystring: z.object({
          format: z.enum(['csv', 'pdf']),
          table: z.enum(OPERATION_TABLES).optional(),
          lang: z.enum(REPORT_LANGS).optional(),
        }),
        produces: ['text/csv', 'application/pdf'],
        response: { ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { format, table = 'category', lang = 'fr' } = request.query;
      const report = await operationReport(db, request.params.id);
      const body =
        format === 'csv' ? operationReportCsv(report, table) : await renderOperationReport(report, lang);
      await database.transaction((session) =>
        appendAudit(session, actorFrom(request), {
          action: 'operation.report_exported',
          target_type: 'operation',
          target_id: report.operation.id,
          details: format === 'csv' ? { format, table } : { format, lang },
        }),
      );
      const name = `vigie-operation-${report.operation.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      if (format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="${name}-${table}.csv"`);
      } else {
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="${name}-${lang}.pdf"`);
      }
      return sendFile(reply, body);
    },
  );
}
