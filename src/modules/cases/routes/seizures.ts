/**
 * Seizures under /api/seizures: list, record, read, update amounts and the fate of the goods, tax loss. An officer
 * of an office (an account with an office that may not manage cases) records and updates seizures of that office
 * only: another office is refused with 403 `seizure.office_not_yours`, named under the office field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { SEIZURE_CATEGORIES } from '../model.ts';
import { getSeizure, listSeizures, recordSeizure, updateSeizure } from '../seizures.ts';
import { seizureTaxLoss } from '../tax.ts';
import { code, idParams, seizureBody, seizureSchema, seizureUpdateBody, taxLossSchema } from './shared.ts';

/** Refuses a seizure outside the office of an officer bound to one (`cases:manage` is not bound). */
function checkOffice(request: FastifyRequest, office: string): void {
  const user = request.user;
  if (!user?.office_code || user.permissions.has('cases:manage') || office === user.office_code) return;
  const message = `you record seizures for your office ${user.office_code} only, not ${office}`;
  throw new AppError('seizure.office_not_yours', message, 403, [{ path: '/office', message }]);
}

export function seizureRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/seizures',
    {
      config: { permission: 'cases:read' },
      schema: {
        summary: 'Seizures, newest first, with filters',
        tags: ['seizures'],
        querystring: z.object({
          ...pagingQuery,
          case_id: z.coerce.number().int().positive().optional(),
          office: code(16).optional(),
          category: z.enum(SEIZURE_CATEGORIES).optional(),
          brand: z.string().max(200).optional(),
          operation_id: z.coerce.number().int().positive().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: { 200: pageOf(seizureSchema) },
      },
    },
    pagedList(db, listSeizures),
  );

  typed.post(
    '/api/seizures',
    {
      config: { permission: 'seizures:write' },
      schema: {
        summary:
          'Record a seizure (on an open case, or alone) with its goods as lines or as one line; numbered S-office/year/seq without a reference',
        tags: ['seizures'],
        body: seizureBody,
        response: {
          201: seizureSchema,
          ...errorResponses(400, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      checkOffice(request, request.body.office);
      return reply.code(201).send(await recordSeizure(database, actorFrom(request), request.body));
    },
  );

  getOneRoute(
    typed,
    '/api/seizures/:id',
    { permission: 'cases:read', tag: 'seizures', summary: 'A seizure', response: seizureSchema },
    async ({ id }) => getSeizure(db, id),
  );

  typed.patch(
    '/api/seizures/:id',
    {
      config: { permission: 'seizures:write' },
      schema: {
        summary:
          'Record duties, fines and settlements recovered, the value, the destruction or release of the goods; replace the goods lines; tag to an operation',
        tags: ['seizures'],
        params: idParams,
        body: seizureUpdateBody,
        response: {
          200: seizureSchema,
          ...errorResponses(400, 403, 404, 409),
        },
      },
    },
    async (request) => {
      checkOffice(request, (await getSeizure(db, request.params.id)).office);
      return updateSeizure(database, actorFrom(request), request.params.id, request.body);
    },
  );

  getOneRoute(
    typed,
    '/api/seizures/:id/tax-loss',
    {
      permission: 'cases:read',
      tag: 'seizures',
      summary: 'Duties and taxes evaded had the goods passed, with the method',
      response: taxLossSchema,
    },
    async ({ id }) => seizureTaxLoss(await getSeizure(db, id)),
  );
}
