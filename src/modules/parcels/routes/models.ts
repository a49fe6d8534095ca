/**
 * Parcel models under /api/parcels/models (docs/decisions/0048-parcel-model.md): the trained models with their
 * hold-out figures (`parcels:read`), training one on the inspection outcomes — synchronously: a few thousand
 * outcomes train in seconds — optionally activating it, and activating one (`models:manage`, the permission of
 * model promotion). All audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, idParams } from '../../../platform/server/route-kit.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { activateParcelModel, listParcelModels } from '../models.ts';
import { trainParcelModel } from '../train.ts';

const parcelModelSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    version: z.string(),
    from: z.string().describe('first arrival day of the training parcels'),
    to: z.string().describe('last arrival day of the training parcels'),
    parcels: z.number().int().describe('parcels with an outcome (fraud or compliant) it learnt from'),
    frauds: z.number().int(),
    metrics: z
      .record(z.string(), z.unknown())
      .describe(
        'holdout: the latest arrivals held out (from, to, parcels, frauds, auc, referral_rate, precision_at_referral, base_rate, trees); duration_ms',
      ),
    active: z.boolean(),
    trained_by: z.string(),
    trained_at: z.string(),
    activated_by: z.string().nullable(),
    activated_at: z.string().nullable(),
  })
  .meta({ id: 'ParcelModel' });

export function modelRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/parcels/models',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary: 'Trained parcel models, newest first, with their hold-out figures and which one is active',
        tags: ['parcels'],
        response: { 200: z.object({ items: z.array(parcelModelSchema) }) },
      },
    },
    async () => ({ items: await listParcelModels(database.db) }),
  );

  typed.post(
    '/api/parcels/models',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          'Train a parcel model on the inspection outcomes of the parcels arriving in the period (all by default), optionally activating it; audited',
        tags: ['parcels'],
        body: z
          .object({ from: isoDate.optional(), to: isoDate.optional(), activate: z.boolean().optional() })
          .strict(),
        response: { 201: parcelModelSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await trainParcelModel(database, actorFrom(request), request.body)),
  );

  typed.post(
    '/api/parcels/models/:id/activate',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          'Make a trained parcel model the one scoring uses (the active one before is retired); audited',
        tags: ['parcels'],
        params: idParams,
        response: { 200: parcelModelSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => activateParcelModel(database, actorFrom(request), request.params.id),
  );
}
