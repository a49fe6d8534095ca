/** The director's figures under /api/cases/figures, as JSON, table by table as CSV, and whole as PDF (fr/ar). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { caseFigures, FIGURE_TABLES, figuresCsv } from '../figures.ts';
import { renderFiguresPdf } from '../figures-pdf.ts';
import { REPORT_LANGS } from '../model.ts';
import { code } from './shared.ts';

const group = z.object({
  key: z.string(),
  seizures: z.number(),
  lines: z.number(),
  estimated_value: z.number(),
  duties_recovered: z.number(),
  fines: z.number(),
  settlements: z.number(),
});
const count = z.object({ key: z.string(), cases: z.number() });

const figuresSchema = z
  .object({
    filters: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      office: z.string().optional(),
    }),
    totals: z.object({
      seizures: z.number(),
      lines: z.number(),
      estimated_value: z.number(),
      duties_recovered: z.number(),
      fines: z.number(),
      settlements: z.number(),
      cases: z.number(),
    }),
    seizures_by: z.object({
      month: z.array(group),
      office: z.array(group),
      hs_chapter: z.array(group),
      category: z.array(group),
      brand: z.array(group),
      detection_source: z.array(group),
    }),
    cases_by_status: z.array(count),
    cases_by_origin: z.array(count),
    open_cases_by_age_days: z.array(count),
  })
  .meta({ id: 'CaseFigures' });

/** A text body on a route whose schema describes only its errors (the zod reply types allow no string). */
const sendText = (reply: FastifyReply, body: string | Buffer) => reply.send(body);

const filters = { from: isoDate.optional(), to: isoDate.optional(), office: code(16).optional() };

export function figureRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/cases/figures',
    {
      config: { permission: 'reports:read' },
      schema: {
        summary:
          'Seizures by month, office, HS chapter, category and brand; duties recovered; cases by status and age',
        tags: ['cases'],
        querystring: z.object(filters),
        response: { 200: figuresSchema },
      },
    },
    async (request) => caseFigures(database.db, request.query),
  );

  typed.get(
    '/api/cases/figures/export',
    {
      config: { permission: 'reports:read' },
      schema: {
        summary: 'One table of the figures as CSV (audited)',
        tags: ['cases'],
        querystring: z.object({ ...filters, table: z.enum(FIGURE_TABLES) }),
        produces: ['text/csv'],
        response: { 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { table, ...rest } = request.query;
      const csv = figuresCsv(await caseFigures(database.db, rest), table);
      await database.transaction((session) =>
        appendAudit(session, actorFrom(request), {
          action: 'cases.figures_exported',
          target_type: 'figures',
          target_id: table,
          details: rest,
        }),
      );
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="vigie-${table}.csv"`);
      return sendText(reply, csv);
    },
  );

  typed.get(
    '/api/cases/figures/pdf',
    {
      config: { permission: 'reports:read' },
      schema: {
        summary: 'The figures as a PDF, in French or Arabic (audited)',
        tags: ['cases'],
        querystring: z.object({ ...filters, lang: z.enum(REPORT_LANGS).default('fr') }),
        produces: ['application/pdf'],
        response: { 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { lang, ...rest } = request.query;
      const pdf = await renderFiguresPdf(await caseFigures(database.db, rest), lang);
      await database.transaction((session) =>
        appendAudit(session, actorFrom(request), {
          action: 'cases.figures_exported',
          target_type: 'figures',
          target_id: 'pdf',
          details: { ...rest, lang },
        }),
      );
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="vigie-seizures-${lang}.pdf"`);
      return sendText(reply, pdf);
    },
  );
}
