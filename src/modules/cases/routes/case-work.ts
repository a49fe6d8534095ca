/**
 * What is done inside a case, under /api/cases/{id}/…: notes, tasks, links (with their legal holds), evidence files
 * (uploaded, hashed, served back to readers of cases) and offence reports (generated as PDF, every version kept).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses } from '../../../platform/server/route-kit.ts';
import { receiveUpload, sendStoredFile } from '../../../platform/uploads/uploads.ts';
import { getCase } from '../cases.ts';
import { addLink, removeLink } from '../links.ts';
import { LINK_TYPES, REPORT_LANGS } from '../model.ts';
import { generateReport, getReport } from '../reports.ts';
import { addEvidence, addNote, addTask, getEvidence, setTaskStatus } from '../work.ts';
import {
  code,
  evidenceSchema,
  idParams,
  linkSchema,
  noteSchema,
  reportSchema,
  subParams,
  taskSchema,
} from './shared.ts';

export function caseWorkRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.post(
    '/api/cases/:id/notes',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Add a note to a case',
        tags: ['cases'],
        params: idParams,
        body: z.object({ body: z.string().min(1).max(20_000) }),
        response: { 201: noteSchema, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(database, actorFrom(request), request.params.id, request.body.body)),
  );

  typed.post(
    '/api/cases/:id/tasks',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Add a task (with an assignee and a due date)',
        tags: ['cases'],
        params: idParams,
        body: z.object({
          title: z.string().min(1).max(300),
          assignee: code(100).optional(),
          due_on: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
            .optional(),
        }),
        response: { 201: taskSchema, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTask(database, actorFrom(request), request.params.id, request.body)),
  );

  typed.patch(
    '/api/cases/:id/tasks/:sub',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Mark a task done, or to do again',
        tags: ['cases'],
        params: subParams,
        body: z.object({ status: z.enum(['todo', 'done']) }),
        response: { 200: taskSchema, ...errorResponses(404, 409) },
      },
    },
    async (request) =>
      setTaskStatus(database, actorFrom(request), request.params.id, request.params.sub, request.body.status),
  );

  typed.post(
    '/api/cases/:id/links',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary:
          'Link a declaration, an online post or seller, a company, a trademark or a graph entity; posts, sellers and declarations are held while the case is open',
        tags: ['cases'],
        params: idParams,
        body: z.object({
          target_type: z.enum(LINK_TYPES),
          target_ref: z.string().min(1).max(200),
          note: z.string().max(2000).optional(),
        }),
        response: { 201: linkSchema, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addLink(database, actorFrom(request), request.params.id, request.body)),
  );

  typed.delete(
    '/api/cases/:id/links/:sub',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Remove a link (its legal hold is released)',
        tags: ['cases'],
        params: subParams,
        response: { 204: z.null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await removeLink(database, actorFrom(request), request.params.id, request.params.sub);
      return reply.code(204).send(null);
    },
  );

  typed.post(
    '/api/cases/:id/evidence',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Attach an evidence file (multipart: file, description): stored, hashed, on the timeline',
        tags: ['cases'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: evidenceSchema, ...errorResponses(400, 404, 413) },
      },
    },
    async (request, reply) => {
      await getCase(db, request.params.id);
      const evidence = await receiveUpload(
        request,
        database,
        {
          owner: 'cases',
          readPermission: 'cases:read',
          retainDays: null,
          maxBytes: config.uploadMaxMb * 1024 * 1024,
        },
        ({ upload, fileName, fields }) =>
          addEvidence(
            database,
            actorFrom(request),
            request.params.id,
            upload,
            fileName,
            fields.description?.slice(0, 2000),
          ),
      );
      return reply.code(201).send(evidence);
    },
  );

  typed.get(
    '/api/cases/:id/evidence/:sub',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary: 'The bytes of an evidence file (with its SHA-256 in x-content-sha256)',
        tags: ['cases'],
        params: subParams,
        produces: ['application/octet-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const evidence = await getEvidence(db, request.params.id, request.params.sub);
      return sendStoredFile(reply, database, evidence);
    },
  );

  typed.post(
    '/api/cases/:id/reports',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary:
          'Generate the offence report (PDF, French or Arabic): numbered once per office and year, versioned',
        tags: ['cases'],
        params: idParams,
        body: z.object({ lang: z.enum(REPORT_LANGS), legal_basis: z.string().max(2000).optional() }),
        response: { 201: reportSchema, 404: errorSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await generateReport(database, actorFrom(request), request.params.id, request.body)),
  );

  typed.get(
    '/api/cases/:id/reports/:sub',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary: 'An offence report as PDF',
        tags: ['cases'],
        params: subParams,
        produces: ['application/pdf'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const report = await getReport(db, request.params.id, request.params.sub);
      return sendStoredFile(reply, database, {
        ...report,
        file_name: `${report.number.replace(/\//g, '-')}-v${report.version}-${report.lang}.pdf`,
        content_type: 'application/pdf',
      });
    },
  );
}
