/**
 * Mutual administrative assistance under /api/assistance: requests sent and received, their workflow (a 409 names
 * the allowed moves), reminders and answers, the overdue list and the yearly counts by partner and direction.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import {
  assistanceCounts,
  getAssistance,
  listAssistance,
  openAssistance,
  overdueAssistance,
  remindAssistance,
  transitionAssistance,
} from '../assistance.ts';
import { ASSISTANCE_STATUSES, DIRECTIONS, SUBJECT_TYPES } from '../model.ts';
import { assistanceSchema, bool, codeParam, date, idParams } from './schemas.ts';

export function assistanceRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/assistance',
    {
      config: { permission: 'assistance:read' },
      schema: {
        summary: 'Mutual assistance requests, newest first (or the most overdue first with overdue=true)',
        tags: ['assistance'],
        querystring: z.object({
          ...pagingQuery,
          direction: z.enum(DIRECTIONS).optional(),
          status: z.enum(ASSISTANCE_STATUSES).optional(),
          partner: codeParam.shape.code.optional(),
          overdue: bool.optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: pageOf(assistanceSchema) },
      },
    },
    pagedList(db, listAssistance),
  );

  typed.get(
    '/api/assistance/overdue',
    {
      config: { permission: 'assistance:read' },
      schema: {
        summary: 'Requests still waiting (draft or sent) after their deadline, the most overdue first',
        tags: ['assistance'],
        response: { 200: z.object({ items: z.array(assistanceSchema) }) },
      },
    },
    async () => ({ items: await overdueAssistance(db) }),
  );

  typed.get(
    '/api/assistance/counts',
    {
      config: { permission: 'assistance:read' },
      schema: {
        summary:
          'Requests sent and received per year, partner and direction (the annual report), answered among them',
        tags: ['assistance'],
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                year: z.number().int(),
                partner: z.string(),
                partner_name: z.string(),
                direction: z.enum(DIRECTIONS),
                requests: z.number().int(),
                answered: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await assistanceCounts(db, request.query) }),
  );

  typed.post(
    '/api/assistance',
    {
      config: { permission: 'assistance:manage' },
      schema: {
        summary: 'Open a request: outgoing starts as a draft, incoming as sent (received on sent_on)',
        tags: ['assistance'],
        body: z.object({
          direction: z.enum(DIRECTIONS),
          partner: codeParam.shape.code,
          partner_reference: z.string().max(100).nullable().optional(),
          legal_basis: z.string().min(1).max(500),
          subject: z.string().min(1).max(500),
          questions: z.string().min(1).max(50_000),
          deadline: date.nullable().optional(),
          sent_on: date.optional(),
          subjects: z
            .array(z.object({ ref_type: z.enum(SUBJECT_TYPES), ref: z.string().min(1).max(300) }))
            .max(200)
            .optional(),
        }),
        response: { 201: assistanceSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openAssistance(database, actorFrom(request), request.body)),
  );

  getOneRoute(
    typed,
    '/api/assistance/:id',
    {
      permission: 'assistance:read',
      tag: 'assistance',
      summary: 'A request with its subjects and reminders',
      response: assistanceSchema,
    },
    async ({ id }) => getAssistance(db, id),
  );

  typed.post(
    '/api/assistance/:id/transition',
    {
      config: { permission: 'assistance:manage' },
      schema: {
        summary:
          'Move a request (sent, answered with the answer, closed, refused or withdrawn with a reason)',
        tags: ['assistance'],
        params: idParams,
        body: z.object({
          status: z.enum(ASSISTANCE_STATUSES),
          reason: z.string().max(2_000).optional(),
          answer: z.string().max(50_000).optional(),
          on: date.optional(),
        }),
        response: {
          200: assistanceSchema,
          ...errorResponses(400, 404, 409, 422),
        },
      },
    },
    async (request) => transitionAssistance(database, actorFrom(request), request.params.id, request.body),
  );

  typed.post(
    '/api/assistance/:id/reminders',
    {
      config: { permission: 'assistance:manage' },
      schema: {
        summary: 'Record a reminder about a sent request waiting for its answer',
        tags: ['assistance'],
        params: idParams,
        body: z.object({ reminded_on: date.optional(), note: z.string().max(2_000).optional() }),
        response: { 200: assistanceSchema, ...errorResponses(404, 409) },
      },
    },
    async (request) => remindAssistance(database, actorFrom(request), request.params.id, request.body),
  );
}
