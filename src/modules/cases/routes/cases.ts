/** Case files under /api/cases: list, open, read (with everything in it), move through the workflow, tax loss. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { getCase, listCases, openCase, transitionCase } from '../cases.ts';
import { listTakedowns, listTestPurchases } from '../enforcement.ts';
import { caseTimeline } from '../events.ts';
import { listLinks } from '../links.ts';
import { CASE_PRIORITIES, CASE_STATUSES, CASE_TYPES, ORIGIN_TYPES } from '../model.ts';
import { listReports } from '../reports.ts';
import { listSeizures } from '../seizures.ts';
import { caseTaxLoss } from '../tax.ts';
import { listEvidence, listNotes, listTasks } from '../work.ts';
import { takedownSchema, testPurchaseSchema } from './enforcement-schemas.ts';
import {
  bool,
  caseSchema,
  code,
  eventSchema,
  evidenceSchema,
  idParams,
  linkSchema,
  noteSchema,
  reportSchema,
  seizureSchema,
  taskSchema,
  taxLossSchema,
} from './shared.ts';

export function caseRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/cases',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary: 'Case files, newest first, with filters',
        tags: ['cases'],
        querystring: z.object({
          ...pagingQuery,
          status: z.enum(CASE_STATUSES).optional(),
          office: code(16).optional(),
          type: z.enum(CASE_TYPES).optional(),
          assignee: code(100).optional(),
          open: bool.optional(),
          q: z.string().max(200).optional(),
          operation_id: z.coerce.number().int().positive().optional(),
          overdue: bool.optional().describe('only cases with a task to do past its due date'),
        }),
        response: { 200: pageOf(caseSchema) },
      },
    },
    pagedList(db, listCases),
  );

  typed.post(
    '/api/cases',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Open a case (numbered per office and year); what it is opened from becomes its first link',
        tags: ['cases'],
        body: z.object({
          title: z.string().min(1).max(300),
          type: z.enum(CASE_TYPES),
          office: code(16),
          priority: z.enum(CASE_PRIORITIES).optional(),
          assignee: code(100).nullable().optional(),
          origin_type: z.enum(ORIGIN_TYPES).optional(),
          origin_ref: z.string().min(1).max(200).optional(),
          summary: z.string().max(10_000).optional(),
        }),
        response: { 201: caseSchema, ...errorResponses(400, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openCase(database, actorFrom(request), request.body)),
  );

  typed.get(
    '/api/cases/:id',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary:
          'A case with its links, tasks, notes, evidence, seizures, offence reports, test purchases and takedowns',
        tags: ['cases'],
        params: idParams,
        response: {
          200: z.object({
            case: caseSchema,
            links: z.array(linkSchema),
            tasks: z.array(taskSchema),
            notes: z.array(noteSchema),
            evidence: z.array(evidenceSchema),
            seizures: z.array(seizureSchema),
            reports: z.array(reportSchema),
            test_purchases: z.array(testPurchaseSchema),
            takedowns: z.array(takedownSchema),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const id = request.params.id;
      const kase = await getCase(db, id);
      const [links, tasks, notes, evidence, seizures, reports, test_purchases, takedowns] = await Promise.all(
        [
          listLinks(db, id),
          listTasks(db, id),
          listNotes(db, id),
          listEvidence(db, id),
          listSeizures(db, { case_id: id }, { limit: 500, offset: 0 }),
          listReports(db, id),
          listTestPurchases(db, id),
          listTakedowns(db, id),
        ],
      );
      return {
        case: kase,
        links,
        tasks,
        notes,
        evidence,
        seizures: seizures.items,
        reports,
        test_purchases,
        takedowns,
      };
    },
  );

  typed.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary:
          'Move a case to another status (open → investigation → offence_report → settled/prosecuted; closed from any open status); a final status needs a reason and releases the legal holds',
        tags: ['cases'],
        params: idParams,
        body: z.object({ status: z.enum(CASE_STATUSES), reason: z.string().max(2000).optional() }),
        response: { 200: caseSchema, ...errorResponses(404, 409, 422) },
      },
    },
    async (request) => transitionCase(database, actorFrom(request), request.params.id, request.body),
  );

  getOneRoute(
    typed,
    '/api/cases/:id/timeline',
    {
      permission: 'cases:read',
      tag: 'cases',
      summary: 'Everything that happened to the case, oldest first',
      response: z.object({ items: z.array(eventSchema) }),
    },
    async ({ id }) => {
      await getCase(db, id);
      return { items: await caseTimeline(db, id) };
    },
  );

  getOneRoute(
    typed,
    '/api/cases/:id/tax-loss',
    {
      permission: 'cases:read',
      tag: 'cases',
      summary: "Duties and taxes evaded over the case's seizures, with the method",
      response: taxLossSchema,
    },
    async ({ id }) => {
      await getCase(db, id);
      const seizures = await listSeizures(db, { case_id: id }, { limit: 500, offset: 0 });
      return caseTaxLoss(seizures.items);
    },
  );
}
