/**
 * A case's online enforcement records under /api/cases/{id}/…: test purchases and takedown requests — read with
 * `cases:read`, recorded and followed up with `cases:manage`; each change on the timeline and audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { getCase } from '../cases.ts';
import {
  addTakedown,
  addTestPurchase,
  listTakedowns,
  listTestPurchases,
  updateTakedown,
  updateTestPurchase,
} from '../enforcement.ts';
import {
  takedownBody,
  takedownSchema,
  takedownUpdateBody,
  testPurchaseBody,
  testPurchaseSchema,
  testPurchaseUpdateBody,
} from './enforcement-schemas.ts';
import { idParams, subParams } from './shared.ts';

const refusals = { ...errorResponses(400, 404, 409, 422) };

export function enforcementRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  getOneRoute(
    typed,
    '/api/cases/:id/test-purchases',
    {
      permission: 'cases:read',
      tag: 'cases',
      summary: "The case's test (undercover) purchases",
      response: z.object({ items: z.array(testPurchaseSchema) }),
    },
    async ({ id }) => {
      await getCase(db, id);
      return { items: await listTestPurchases(db, id) };
    },
  );

  typed.post(
    '/api/cases/:id/test-purchases',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary:
          'Record a test purchase: platform, seller and post, account, order date, amount paid, tracking, evidence',
        tags: ['cases'],
        params: idParams,
        body: testPurchaseBody,
        response: { 201: testPurchaseSchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addTestPurchase(database, actorFrom(request), request.params.id, request.body)),
  );

  typed.patch(
    '/api/cases/:id/test-purchases/:sub',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Follow a test purchase: tracking, delivery, what arrived (result), evidence',
        tags: ['cases'],
        params: subParams,
        body: testPurchaseUpdateBody,
        response: { 200: testPurchaseSchema, ...refusals },
      },
    },
    async (request) =>
      updateTestPurchase(database, actorFrom(request), request.params.id, request.params.sub, request.body),
  );

  getOneRoute(
    typed,
    '/api/cases/:id/takedowns',
    {
      permission: 'cases:read',
      tag: 'cases',
      summary: "The case's takedown requests to platforms and hosts",
      response: z.object({ items: z.array(takedownSchema) }),
    },
    async ({ id }) => {
      await getCase(db, id);
      return { items: await listTakedowns(db, id) };
    },
  );

  typed.post(
    '/api/cases/:id/takedowns',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: 'Record a takedown request: platform, URLs, legal basis, rights holder, date sent',
        tags: ['cases'],
        params: idParams,
        body: takedownBody,
        response: { 201: takedownSchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTakedown(database, actorFrom(request), request.params.id, request.body)),
  );

  typed.patch(
    '/api/cases/:id/takedowns/:sub',
    {
      config: { permission: 'cases:manage' },
      schema: {
        summary: "Record the platform's answer: status pending/accepted/refused/partial, date taken down",
        tags: ['cases'],
        params: subParams,
        body: takedownUpdateBody,
        response: { 200: takedownSchema, ...refusals },
      },
    },
    async (request) =>
      updateTakedown(database, actorFrom(request), request.params.id, request.params.sub, request.body),
  );
}
